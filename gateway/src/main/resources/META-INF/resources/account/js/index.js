// /account/index.html: the account's home.
import { signOut } from '/assets/js/session.js';
import { requireCustomer, status } from '/account/js/account.js';

const user = await requireCustomer();
document.getElementById('greeting').textContent = 'Signed in as ' + (user.name || 'customer #' + user.customerId) + '.';

document.getElementById('sign-out').addEventListener('click', async () => {
  try {
    await signOut();
  } catch (error) {
    status('Signing out failed: ' + (error.detail || error.title || error), 'error');
    return;
  }
  location.assign('/account/sign-in.html');
});
