// /admin/customers/index.html: customers (not deleted), searched by name, email or phone, paged.
import { api } from '/assets/js/api.js';
import { el, clear, showError, dateTime, announce } from '/assets/js/dom.js';
import { pager, queryParams, fillForm, table, cell, pageLink } from '/admin/orders/kit.js';
import { startConsolePage, ORDER_STAFF } from '/assets/js/admin-nav.js';

const PAGE_SIZE = 20;

async function main() {
  const user = await startConsolePage(ORDER_STAFF);
  if (!user) return;
  const search = queryParams(['q']);
  fillForm(document.getElementById('customer-search'), search);
  const offset = Number(queryParams(['offset']).offset || 0);
  const results = document.getElementById('customer-results');
  try {
    const page = await api('/api/customers', { query: { ...search, limit: PAGE_SIZE, offset } });
    clear(results);
    if (page.total === 0) {
      results.append(el('p', {}, 'No customers found.'));
    } else {
      results.append(table(['Name', 'Email', 'Phone', 'Account', 'Since', 'Last sign-in'], page.items.map((c) => el('tr', {},
        el('th', { scope: 'row' }, pageLink('/admin/customers/customer.html', c.id, fullName(c) || 'customer #' + c.id)),
        cell(c.email || ''), cell(c.phone || ''),
        cell(c.guest ? 'guest record' : (c.emailConfirmedAt ? 'registered, email confirmed' : 'registered')),
        cell(dateTime(c.createdAt)), cell(dateTime(c.lastSignInAt))))), pager(page.total, PAGE_SIZE, offset));
    }
    announce(page.total === 1 ? '1 customer found' : page.total + ' customers found');
  } catch (error) {
    showError(document.getElementById('customer-errors'), error);
  }
}

function fullName(c) {
  return [c.lastName, c.firstName, c.middleName].filter(Boolean).join(' ');
}

main();
