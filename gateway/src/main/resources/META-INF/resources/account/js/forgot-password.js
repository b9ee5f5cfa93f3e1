// /account/forgot-password.html: POST /api/auth/password-reset (the same answer for every address).
import { api } from '/assets/js/api.js';
import { formData } from '/assets/js/dom.js';
import { setUp, status, failed, submitting, ready } from '/account/js/account.js';

await setUp();

const form = document.getElementById('forgot-form');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  status('');
  const data = formData(form);
  await submitting(form, async () => {
    try {
      const answer = await api('/api/auth/password-reset', { method: 'POST', body: { email: (data.email || '').trim() } });
      status((answer && answer.detail) || 'If the address belongs to an account, a mail is on its way.', 'success');
    } catch (error) {
      failed(error, form);
    }
  });
});
ready(form);
