// /account/profile.html: GET/PATCH /api/customers/{id} (merge patch) and PUT /api/customers/{id}/phone.
import { api } from '/assets/js/api.js';
import { formData } from '/assets/js/dom.js';
import { requireCustomer, status, failed, submitting, ready } from '/account/js/account.js';

const user = await requireCustomer();
const path = '/api/customers/' + user.customerId;
const form = document.getElementById('profile-form');
const phoneForm = document.getElementById('phone-form');
const OPTIONAL = ['middleName', 'birthday', 'city'];

function show(customer) {
  for (const name of ['firstName', 'middleName', 'lastName', 'email', 'birthday', 'city']) {
    form.elements[name].value = customer[name] || '';
  }
  form.elements.backInStockMails.checked = !!customer.backInStockMails;
  phoneForm.elements.phone.value = customer.phone || '';
  document.getElementById('email-state').textContent = customer.emailConfirmedAt
    ? 'Your email address is confirmed.'
    : 'Your email address is not confirmed yet: open the link in the confirmation mail.';
}

try {
  show(await api(path));
} catch (error) {
  failed(error);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  status('');
  const data = formData(form);
  const patch = {
    firstName: (data.firstName || '').trim(),
    lastName: (data.lastName || '').trim(),
    email: (data.email || '').trim(),
    backInStockMails: form.elements.backInStockMails.checked,
  };
  for (const name of OPTIONAL) {
    const value = (data[name] || '').trim();
    patch[name] = value === '' ? null : value; // merge patch: null clears
  }
  await submitting(form, async () => {
    try {
      const saved = await api(path, { method: 'PATCH', body: patch });
      show(saved);
      status(saved.emailConfirmedAt ? 'Saved.' : 'Saved. A confirmation link was mailed to ' + saved.email + '.', 'success');
    } catch (error) {
      failed(error, form);
    }
  });
});
ready(form);

phoneForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  status('');
  const data = formData(phoneForm);
  await submitting(phoneForm, async () => {
    try {
      show(await api(path + '/phone', { method: 'PUT', body: { phone: (data.phone || '').trim() } }));
      status('Phone changed.', 'success');
    } catch (error) {
      failed(error, phoneForm);
    }
  });
});
ready(phoneForm);
