// /admin/customers/customer.html?id=N: a customer's profile, saved addresses and latest orders; staff
// soft-delete it (DELETE /api/customers/{id}, asked twice).
import { api } from '/assets/js/api.js';
import { el, clear, money, showError, qs, dateTime } from '/assets/js/dom.js';
import { loadStatuses, statusNames, statusBadge, table, cell, pageLink } from '/admin/orders/kit.js';
import { startConsolePage, ORDER_STAFF } from '/assets/js/admin-nav.js';

const GENDERS = { M: 'male', F: 'female' };

async function main() {
  const user = await startConsolePage(ORDER_STAFF);
  if (!user) return;
  const id = qs('id');
  const errors = document.getElementById('customer-errors');
  if (!/^[1-9][0-9]*$/.test(id || '')) {
    showError(errors, { status: 400, title: 'No customer', detail: 'The link names no customer.' });
    return;
  }
  try {
    const customer = await api('/api/customers/' + id);
    renderProfile(customer);
    const [addresses, orders, statuses] = await Promise.all([
      api('/api/customers/' + id + '/addresses', { query: { limit: 50 } }),
      api('/api/orders', { query: { customerId: id, limit: 10 } }),
      loadStatuses(api)]);
    renderAddresses(addresses.items);
    renderOrders(id, orders, statusNames(statuses));
    offerDelete(customer);
  } catch (error) {
    showError(errors, error);
  }
}

function renderProfile(c) {
  const name = [c.lastName, c.firstName, c.middleName].filter(Boolean).join(' ') || 'Customer #' + c.id;
  document.title = name + ' · Staff console';
  document.getElementById('customer-title').textContent = name;
  const facts = [
    ['Customer number', String(c.id)],
    ['Email', (c.email || '—') + (c.email ? (c.emailConfirmedAt ? ' (confirmed)' : ' (not confirmed)') : '')],
    ['Phone', c.phone || '—'],
    ['Account', c.guest ? 'guest record (ordered without registering, or imported)' : 'registered'],
    ['Birthday', c.birthday || '—'],
    ['Gender', GENDERS[c.gender] || '—'],
    ['City', c.city || '—'],
    ['Company, position', [c.company, c.position].filter(Boolean).join(', ') || '—'],
    ['Back-in-stock mails', c.backInStockMails ? 'yes' : 'no'],
    ['Since', dateTime(c.createdAt)],
    ['Last sign-in', dateTime(c.lastSignInAt) || '—'],
  ];
  const box = document.getElementById('customer-profile');
  clear(box);
  box.append(el('dl', { class: 'facts' }, ...facts.flatMap(([t, v]) => [el('dt', {}, t), el('dd', {}, v)])));
}

function renderAddresses(addresses) {
  const box = document.getElementById('customer-addresses');
  clear(box);
  if (!addresses.length) {
    box.append(el('p', {}, 'None saved.'));
    return;
  }
  box.append(el('ul', {}, ...addresses.map((a) => el('li', {}, [a.postcode, a.city, a.street, a.house,
    a.building ? 'bld. ' + a.building : '', a.apartment ? 'apt. ' + a.apartment : ''].filter(Boolean).join(', ')
    + (a.comment ? ' (' + a.comment + ')' : '')))));
}

function renderOrders(customerId, page, names) {
  const box = document.getElementById('customer-orders');
  clear(box);
  if (page.total === 0) {
    box.append(el('p', {}, 'No orders.'));
    return;
  }
  box.append(table(['Order', 'Placed', 'Status', 'Total'], page.items.map((o) => el('tr', {},
    el('th', { scope: 'row' }, pageLink('/admin/orders/order.html', o.id, '#' + o.id)),
    cell(dateTime(o.createdAt)), cell(statusBadge(o.status, names)), el('td', { class: 'number' }, money(o.total))))));
  if (page.total > page.items.length) {
    box.append(el('p', {}, el('a', { href: '/admin/orders/index.html?customerId=' + encodeURIComponent(customerId) },
      'All ' + page.total + ' orders of this customer')));
  }
}

function offerDelete(customer) {
  const section = document.getElementById('delete-section');
  section.hidden = false;
  const confirmBox = document.getElementById('delete-confirm');
  const start = document.getElementById('delete-start');
  document.getElementById('delete-question').textContent = 'Delete ' + (customer.email || customer.phone || 'customer #' + customer.id) + '?';
  start.addEventListener('click', () => {
    confirmBox.hidden = false;
    start.hidden = true;
    document.getElementById('delete-no').focus();
  });
  document.getElementById('delete-no').addEventListener('click', () => {
    confirmBox.hidden = true;
    start.hidden = false;
    start.focus();
  });
  document.getElementById('delete-yes').addEventListener('click', async () => {
    try {
      await api('/api/customers/' + customer.id, { method: 'DELETE' });
      const main = document.getElementById('main');
      clear(main);
      main.append(el('h1', {}, 'Customer deleted'),
        el('p', { role: 'status' }, 'Customer #' + customer.id + ' has been deleted. ',
          el('a', { href: '/admin/customers/index.html' }, 'Back to the customers')));
    } catch (error) {
      showError(document.getElementById('customer-errors'), error);
    }
  });
}

main();
