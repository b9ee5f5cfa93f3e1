// /account/sign-in.html: signs in through the gateway's web session (the tokens stay in HttpOnly
// cookies), takes the guest cart over, and goes back where the shopper came from.
import { signIn, afterSignIn } from '/assets/js/session.js';
import { formData, qs } from '/assets/js/dom.js';
import { setUp, status, failed, safeNext, submitting, ready } from '/account/js/account.js';

await setUp();
const form = document.getElementById('sign-in-form');

/** An address with @ is an email, anything else a phone (customer-service normalises it). */
export function credentials(account, password) {
  const value = account.trim();
  return value.includes('@') ? { email: value, password } : { phone: value, password };
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  status('');
  const data = formData(form);
  await submitting(form, async () => {
    let claims;
    try {
      claims = await signIn(credentials(data.account || '', data.password || ''));
    } catch (error) {
      failed(error, form);
      form.elements.password.value = '';
      form.elements.password.focus();
      return;
    }
    status('Signed in.', 'success');
    await afterSignIn(claims); // the guest cart of this browser joins the customer's (never fails the sign-in)
    location.assign(safeNext(qs('next')));
  });
});
ready(form);
