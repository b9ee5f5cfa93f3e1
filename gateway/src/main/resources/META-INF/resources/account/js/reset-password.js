// /account/reset-password.html#email=…&token=… (the link of the reset mail):
// POST /api/auth/password-reset/confirm. Every session of the account ends; the shopper signs in anew.
import { api } from '/assets/js/api.js';
import { formData, el } from '/assets/js/dom.js';
import { setUp, status, failed, fragmentParams, submitting, ready } from '/account/js/account.js';

await setUp();

const form = document.getElementById('reset-form');
const mailed = fragmentParams();
if (mailed.get('email') && mailed.get('token')) {
  form.elements.email.value = mailed.get('email');
  form.elements.token.value = mailed.get('token');
  // the fields are filled from the link: only the password is left to type
  form.querySelectorAll('#reset-email, #reset-token').forEach((input) => { input.closest('.field').hidden = true; });
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  status('');
  const data = formData(form);
  if (data.newPassword !== data.repeat) {
    status('The two passwords differ.', 'error');
    form.elements.repeat.focus();
    return;
  }
  await submitting(form, async () => {
    try {
      await api('/api/auth/password-reset/confirm', {
        method: 'POST',
        body: { email: (data.email || '').trim(), token: (data.token || '').trim(), newPassword: data.newPassword },
      });
    } catch (error) {
      form.querySelectorAll('.field').forEach((field) => { field.hidden = false; });
      if (error.status === 410) {
        status('The link has expired: ask for a new one on the sign-in page.', 'error');
      } else {
        failed(error, form); // a wrong or used token, or the password's rules
      }
      return;
    }
    form.hidden = true;
    status('Your password is changed. Every device was signed out.', 'success');
    document.getElementById('main').append(el('p', {}, el('a', { href: '/account/sign-in.html' }, 'Sign in with the new password')));
  });
});
ready(form);
