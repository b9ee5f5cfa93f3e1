// /account/register.html: POST /api/customers; the confirmation link arrives by mail.
import { api } from '/assets/js/api.js';
import { formData, el, clear } from '/assets/js/dom.js';
import { setUp, status, failed, submitting, ready } from '/account/js/account.js';

await setUp();

const form = document.getElementById('register-form');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  status('');
  const data = formData(form);
  await submitting(form, async () => {
    try {
      await api('/api/customers', { method: 'POST', body: data });
    } catch (error) {
      failed(error, form);
      return;
    }
    const main = document.getElementById('main');
    clear(main);
    main.append(
      el('h1', {}, 'Check your mail'),
      el('p', { id: 'status', class: 'status status-success', role: 'status', 'aria-live': 'polite' },
        'Your account is created. We sent a confirmation link to ' + data.email + '.'),
      el('p', {}, 'Open the link in the mail to confirm your address, then ',
        el('a', { href: '/account/sign-in.html' }, 'sign in'), '.'));
  });
});
ready(form);
