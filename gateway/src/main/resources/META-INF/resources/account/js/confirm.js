// /account/confirm.html#email=…&token=… (the link of the confirmation mail): POST /api/customers/confirm.
// The token travels in the fragment, never to a server but the API call itself.
import { api } from '/assets/js/api.js';
import { formData, el } from '/assets/js/dom.js';
import { setUp, status, fragmentParams, submitting, ready } from '/account/js/account.js';

await setUp();

const form = document.getElementById('confirm-form');

async function confirm(email, token) {
  try {
    await api('/api/customers/confirm', { method: 'POST', body: { email, token } });
  } catch (error) {
    status(error.status === 410
      ? 'This link has expired. A password reset mail confirms your address as well: ask for one on the sign-in page.'
      : 'This link is not valid (already used, or not from the latest mail).', 'error');
    return;
  }
  form.hidden = true;
  status('Your email address is confirmed.', 'success');
  document.getElementById('main').append(el('p', {}, el('a', { href: '/account/sign-in.html' }, 'Sign in')));
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = formData(form);
  await submitting(form, () => confirm((data.email || '').trim(), (data.token || '').trim()));
});
ready(form);

const mailed = fragmentParams();
if (mailed.get('email') && mailed.get('token')) {
  form.elements.email.value = mailed.get('email');
  form.elements.token.value = mailed.get('token');
  status('Confirming…');
  confirm(mailed.get('email'), mailed.get('token'));
}
