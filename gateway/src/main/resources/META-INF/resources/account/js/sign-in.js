// /account/sign-in.html: signs in through the gateway's web session (the tokens stay in HttpOnly
// cookies), takes the guest cart over, and goes back where the shopper came from.
import { signIn } from '/assets/js/session.js';
import { formData, qs } from '/assets/js/dom.js';
import { status, failed, safeNext, submitting } from '/account/js/account.js';
import { mergeGuestCart } from '/account/js/cart-merge.js';

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
    try {
      await signIn(credentials(data.account || '', data.password || ''));
    } catch (error) {
      failed(error, form);
      status(error.status === 429 ? 'Too many failed attempts: wait a little and try again.'
        : 'Signing in failed: check the email or phone and the password.', 'error');
      return;
    }
    await mergeGuestCart();
    location.assign(safeNext(qs('next')));
  });
});
