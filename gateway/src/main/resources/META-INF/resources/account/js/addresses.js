// /account/addresses.html: the customer's saved addresses, /api/customers/{id}/addresses
// (POST, PATCH as merge patch, DELETE). Checkout offers them (order-service learns them by event).
import { api } from '/assets/js/api.js';
import { el, clear, formData } from '/assets/js/dom.js';
import { requireCustomer, status, failed, submitting, ready } from '/account/js/account.js';

const FIELDS = ['postcode', 'city', 'street', 'house', 'building', 'apartment', 'floor', 'phone', 'comment'];
const user = await requireCustomer();
const base = '/api/customers/' + user.customerId + '/addresses';
const list = document.getElementById('address-list');
const form = document.getElementById('address-form');
const title = document.getElementById('address-form-title');
const cancel = document.getElementById('address-cancel');

/** The address on one line, as order-service writes it out. */
export function oneLine(a) {
  return [a.postcode, a.city, a.street, 'house ' + a.house, a.building && 'building ' + a.building,
    a.apartment && 'apt. ' + a.apartment, a.floor != null && 'floor ' + a.floor].filter(Boolean).join(', ');
}

async function load() {
  let page;
  try {
    page = await api(base, { query: { limit: 100 } });
  } catch (error) {
    failed(error);
    return;
  }
  clear(list);
  if (!page.items.length) {
    list.append(el('li', {}, 'No saved addresses yet.'));
  }
  for (const address of page.items) {
    const edit = el('button', { type: 'button' }, 'Edit');
    const remove = el('button', { type: 'button', class: 'secondary' }, 'Remove');
    edit.setAttribute('aria-label', 'Edit ' + oneLine(address));
    remove.setAttribute('aria-label', 'Remove ' + oneLine(address));
    edit.addEventListener('click', () => startEditing(address));
    remove.addEventListener('click', () => removeAddress(address));
    list.append(el('li', { class: 'card' },
      el('p', {}, oneLine(address)),
      address.phone ? el('p', {}, 'Phone: ' + address.phone) : '',
      address.comment ? el('p', {}, 'Comment: ' + address.comment) : '',
      el('div', { class: 'actions' }, edit, remove)));
  }
}

function startEditing(address) {
  form.elements.id.value = address.id;
  for (const name of FIELDS) {
    form.elements[name].value = address[name] == null ? '' : address[name];
  }
  title.textContent = 'Edit address';
  cancel.hidden = false;
  form.elements.postcode.focus();
}

function stopEditing() {
  form.reset();
  form.elements.id.value = '';
  title.textContent = 'New address';
  cancel.hidden = true;
}

async function removeAddress(address) {
  if (!confirm('Remove the address ' + oneLine(address) + '?')) return;
  try {
    await api(base + '/' + address.id, { method: 'DELETE' });
    status('Address removed.', 'success');
  } catch (error) {
    failed(error);
  }
  await load();
}

cancel.addEventListener('click', stopEditing);

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  status('');
  const data = formData(form);
  const body = {};
  for (const name of FIELDS) {
    const value = (data[name] == null ? '' : String(data[name])).trim();
    body[name] = value === '' ? null : name === 'floor' ? Number(value) : value;
  }
  const id = data.id;
  await submitting(form, async () => {
    try {
      if (id) {
        await api(base + '/' + id, { method: 'PATCH', body });
      } else {
        for (const name of FIELDS) if (body[name] === null) delete body[name];
        await api(base, { method: 'POST', body });
      }
    } catch (error) {
      failed(error, form);
      return;
    }
    status(id ? 'Address saved.' : 'Address added.', 'success');
    stopEditing();
    await load();
  });
});
ready(form);

await load();
