// /admin/orders/refunds.html: the orders whose money is still owed (GET /api/orders?refundDue=true).
import { api } from '/assets/js/api.js';
import { el, clear, money, showError, dateTime, announce } from '/assets/js/dom.js';
import { pager, queryParams, table, cell, pageLink } from '/admin/orders/kit.js';
import { startConsolePage, ORDER_STAFF } from '/assets/js/admin-nav.js';

const PAGE_SIZE = 20;

async function main() {
  const user = await startConsolePage(ORDER_STAFF);
  if (!user) return;
  const results = document.getElementById('refund-results');
  const offset = Number(queryParams(['offset']).offset || 0);
  try {
    const page = await api('/api/orders', { query: { refundDue: 'true', limit: PAGE_SIZE, offset } });
    clear(results);
    if (page.total === 0) {
      results.append(el('p', {}, 'Nothing is owed: no refunds are due.'));
    } else {
      results.append(table(['Order', 'Customer', 'Owed', 'Due since', 'Payment', 'Reason'], page.items.map((order) => {
        const contact = order.contact || {};
        return el('tr', {},
          el('th', { scope: 'row' }, pageLink('/admin/orders/order.html', order.id, '#' + order.id)),
          cell([contact.firstName, contact.lastName].filter(Boolean).join(' ') + (contact.phone ? ', ' + contact.phone : '')),
          el('td', { class: 'number' }, money(order.refund.amount)),
          cell(dateTime(order.refund.dueSince)),
          cell(order.paymentMethod),
          cell(order.reason || ''));
      })), pager(page.total, PAGE_SIZE, offset));
    }
    announce(page.total === 1 ? '1 refund due' : page.total + ' refunds due');
  } catch (error) {
    showError(document.getElementById('refund-errors'), error);
  }
}

main();
