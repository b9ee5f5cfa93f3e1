// /account/index.html: the account's home.
import { signOut } from '/assets/js/session.js';
import { requireCustomer, status } from '/account/js/account.js';

const signOutButton = document.getElementById('account-sign-out');
signOutButton.addEventListener('click', async () => {
  try {
    await signOut();
  } catch (error) {
    status('Signing out failed: ' + (error.detail || error.title || error), 'error');
    return;
  }
  location.assign('/account/sign-in.html');
});
signOutButton.disabled = false; // shipped disabled: a click before this script ran would do nothing

const user = await requireCustomer();
document.getElementById('greeting').textContent = 'Signed in as ' + (user.name || 'customer #' + user.customerId) + '.';
