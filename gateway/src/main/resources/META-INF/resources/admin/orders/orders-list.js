// /admin/orders/index.html: orders, newest first, filtered by the query (a plain GET form), paged.
import { api } from '/assets/js/api.js';
import { el, clear, money, showError, dateTime, announce } from '/assets/js/dom.js';
import { loadStatuses, statusNames, statusBadge, pager, queryParams, fillForm, table, cell, pageLink } from '/admin/orders/kit.js';
import { startConsolePage, ORDER_STAFF } from '/assets/js/admin-nav.js';

const PAGE_SIZE = 20;
const FILTERS = ['status', 'customerId', 'from', 'to', 'refundDue', 'ids'];

async function main() {
  const mainEl = document.getElementById('main');
  const user = await startConsolePage(ORDER_STAFF);
  if (!user) return;
  const form = document.getElementById('order-filters');
  const results = document.getElementById('order-results');
  const errors = document.getElementById('order-errors');
  const filters = queryParams(FILTERS);
  const offset = Number(queryParams(['offset']).offset || 0);
  try {
    const statuses = await loadStatuses(api);
    const select = form.elements.namedItem('status');
    for (const status of statuses.values()) select.append(el('option', { value: status.code }, status.name));
    fillForm(form, filters);
    const query = { ...filters, limit: PAGE_SIZE, offset };
    if (query.ids) query.ids = query.ids.replace(/\s+/g, '');
    const page = await api('/api/orders', { query });
    render(results, page, statusNames(statuses), offset);
    announce(page.total === 1 ? '1 order found' : page.total + ' orders found');
  } catch (error) {
    clear(results);
    showError(errors, error);
  }
}

function render(results, page, names, offset) {
  clear(results);
  if (page.items.length === 0) {
    results.append(el('p', {}, 'No orders match these filters.'));
    return;
  }
  const rows = page.items.map((order) => el('tr', { 'data-order-id': String(order.id) },
    el('th', { scope: 'row' }, pageLink('/admin/orders/order.html', order.id, '#' + order.id)),
    cell(dateTime(order.createdAt)),
    cell(customerText(order)),
    cell(statusBadge(order.status, names)),
    cell(order.paymentMethod + (order.paidAt ? ', paid' : '')),
    el('td', { class: 'number' }, money(order.total)),
    cell(order.refund && order.refund.due ? 'due ' + money(order.refund.amount) : (order.refund ? 'refunded' : ''))));
  results.append(table(['Order', 'Placed', 'Customer', 'Status', 'Payment', 'Total', 'Refund'], rows), pager(page.total, PAGE_SIZE, offset));
}

function customerText(order) {
  const contact = order.contact || {};
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  const who = order.customerId ? el('a', { href: '/admin/customers/customer.html?id=' + order.customerId }, name || 'customer ' + order.customerId)
    : document.createTextNode((name || 'guest') + ' (guest)');
  const span = el('span', {}, who);
  if (contact.email) span.append(el('br'), el('small', {}, contact.email));
  return span;
}

main();
