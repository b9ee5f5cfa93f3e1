// /account/orders.html: GET /api/orders (a customer sees only its own), newest first, 20 a page.
import { api } from '/assets/js/api.js';
import { el, clear, money, qs } from '/assets/js/dom.js';
import { requireCustomer, failed, when, statusName } from '/account/js/account.js';

const LIMIT = 20;
await requireCustomer();
const rows = document.getElementById('order-rows');
const previous = document.getElementById('previous-page');
const next = document.getElementById('next-page');
const info = document.getElementById('page-info');
let offset = Math.max(0, Number(qs('offset')) || 0);

async function load() {
  let page;
  try {
    page = await api('/api/orders', { query: { limit: LIMIT, offset } });
  } catch (error) {
    failed(error);
    return;
  }
  clear(rows);
  if (!page.items.length) {
    rows.append(el('tr', {}, el('td', { colspan: 4 }, 'No orders yet. ', el('a', { href: '/index.html' }, 'Go shopping'))));
  }
  for (const order of page.items) {
    rows.append(el('tr', {},
      el('td', {}, el('a', { href: '/account/order.html?id=' + order.id }, 'Order #' + order.id)),
      el('td', {}, when(order.createdAt)),
      el('td', {}, statusName(order.status)),
      el('td', {}, money(order.total))));
  }
  previous.hidden = offset === 0;
  next.hidden = offset + LIMIT >= page.total;
  info.textContent = page.total ? (offset + 1) + '–' + Math.min(offset + LIMIT, page.total) + ' of ' + page.total : '';
}

function go(to) {
  offset = Math.max(0, to);
  history.replaceState(null, '', offset ? '?offset=' + offset : location.pathname);
  load();
}
previous.addEventListener('click', () => go(offset - LIMIT));
next.addEventListener('click', () => go(offset + LIMIT));

await load();
