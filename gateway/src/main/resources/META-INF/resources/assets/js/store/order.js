// An order (/order.html?id=N, a guest's link adds #token=...): what was ordered, and its progress through
// the saga, followed live on the order's status stream (GET /api/orders/{id}/events, read with fetch so
// that the token goes in the X-Order-Token header, never in a URL); polling if the stream is unavailable.
// Card orders are paid from here (POST /api/orders/{id}/payments → the provider's page → back here).
import { api, ApiError } from '../api.js';
import { el, clear, money, qs, fragmentParam, showError, dateTime, announce } from '../dom.js';
import { initLayout } from '../layout.js';
import { followEvents } from '../events.js';
import { orderHeaders, rememberOrderToken, orderToken } from './orders.js';

const FINAL = ['rejected', 'delivered', 'cancelled'];
const STATES = {
  new: ['Placed', 'We are checking that everything is in stock…'],
  confirmed: ['Confirmed', 'Everything is reserved for you.'],
  rejected: ['Rejected', 'We could not reserve everything.'],
  paid: ['Paid', 'Thank you! The payment has arrived.'],
  shipped: ['Shipped', 'The order is on its way.'],
  delivered: ['Delivered', 'The order has been delivered.'],
  cancelled: ['Cancelled', ''],
};

const orderId = qs('id');
let order = null;
let stream = null;
let pollTimer = null;

function headers() {
  return orderHeaders(orderId);
}

function showState(status, reason) {
  const [title, detail] = STATES[status] || [status, ''];
  const state = document.getElementById('state');
  clear(state, title);
  state.dataset.status = status;
  const parts = [];
  if (reason) parts.push(status === 'rejected' ? 'Reason: ' + reason : reason);
  else if (detail) parts.push(detail);
  if (status === 'confirmed' && order && order.paymentMethod === 'card' && !order.paidAt) parts.push('Pay by card to complete it.');
  if (status === 'confirmed' && order && order.paymentMethod === 'cash') parts.push('You pay in cash on delivery.');
  clear(document.getElementById('state-detail'), parts.join(' '));
  const payable = status === 'confirmed' && order && order.paymentMethod === 'card' && !order.paidAt;
  document.getElementById('pay-box').hidden = !payable;
  document.getElementById('cancel-box').hidden = !['new', 'confirmed', 'paid'].includes(status);
}

/** Colour and size say what the variant is; its own name only when it has neither. */
function variantText(line) {
  const parts = line.colorName || line.sizeName ? [line.colorName, line.sizeName].filter(Boolean) : [line.variantName].filter(Boolean);
  return parts.join(', ');
}

function renderOrder() {
  clear(document.getElementById('title'), 'Order ' + order.id);
  document.title = 'Shop — order ' + order.id;
  clear(document.getElementById('lines'), (order.lines || []).map((line) => el('li', { class: 'cart-line' },
    el('span', { class: 'name' }, line.productName, variantText(line) ? el('span', { class: 'muted' }, ' — ' + variantText(line)) : null),
    el('span', null, line.quantity + ' × ' + money(line.unitPrice)),
    el('span', { class: 'price' }, money(line.lineTotal)))));
  const totals = [el('dt', null, 'Goods'), el('dd', null, money(order.goodsTotal))];
  if (order.discount && Number(order.discount) > 0) totals.push(el('dt', null, 'Promo code ' + (order.promoCode || '')), el('dd', null, '−' + money(order.discount)));
  totals.push(el('dt', null, 'Delivery'), el('dd', null, Number(order.deliveryCost) === 0 ? 'free' : money(order.deliveryCost)));
  totals.push(el('dt', { class: 'grand' }, 'Total'), el('dd', { class: 'grand', id: 'order-total' }, money(order.total)));
  clear(document.getElementById('totals'), totals);
  clear(document.getElementById('delivery'), order.deliveryAddress || '');
  const c = order.contact || {};
  clear(document.getElementById('contact'), [c.firstName, c.middleName, c.lastName].filter(Boolean).join(' '),
    c.phone ? ', ' + c.phone : '', c.email ? ', ' + c.email : '',
    '. Payment: ' + (order.paymentMethod === 'cash' ? 'cash on delivery' : 'card') + '.');
  const token = orderToken(orderId);
  const guestLink = document.getElementById('guest-link');
  if (token && !order.customerId) {
    guestLink.hidden = false;
    const link = location.origin + '/order.html?id=' + order.id + '#token=' + token;
    clear(guestLink, 'Keep this link to follow your order: ', el('a', { href: '/order.html?id=' + order.id + '#token=' + token }, link));
  }
}

async function loadHistory() {
  try {
    const answer = await api('/api/orders/' + orderId + '/history', { headers: headers() });
    const entries = Array.isArray(answer) ? answer : (answer && answer.items) || [];
    clear(document.getElementById('history'), entries.map((h) => el('li', null,
      el('strong', null, (STATES[h.toStatus] || [h.toStatus])[0]), ' — ', dateTime(h.changedAt),
      h.reason ? el('span', { class: 'muted' }, ' (' + h.reason + ')') : null)));
  } catch (e) {
    // the history is extra: the order itself is shown
  }
}

async function refreshOrder() {
  order = await api('/api/orders/' + orderId, { headers: headers() });
  renderOrder();
  showState(order.status, order.reason);
  loadHistory();
  return order;
}

function follow() {
  if (stream) stream.close();
  stream = followEvents('/api/orders/' + orderId + '/events', {
    headers: headers(),
    onEvent: async (name, data) => {
      if (name !== 'status' || !data || typeof data !== 'object') return;
      const changed = !order || order.status !== data.status;
      if (changed) {
        // the order's other fields (paidAt, reason, ...) change with its status: read it again
        await refreshOrder().catch(() => showState(data.status, data.reason));
        announce('Order ' + orderId + ': ' + (STATES[data.status] || [data.status])[0]);
      }
    },
    isLast: (data) => data && data.last === true,
    onError: () => poll(),
  });
}

/** Fallback when the stream cannot be had: ask every few seconds until the order is final. */
function poll() {
  if (pollTimer) return;
  pollTimer = setInterval(async () => {
    const before = order && order.status;
    try {
      await refreshOrder();
      if (before !== order.status) announce('Order ' + orderId + ': ' + (STATES[order.status] || [order.status])[0]);
      if (FINAL.includes(order.status)) {
        clearInterval(pollTimer);
        pollTimer = null;
      }
    } catch (e) { /* try again */ }
  }, 4000);
}

async function pay() {
  const button = document.getElementById('pay');
  const errorBox = document.getElementById('pay-error');
  button.disabled = true;
  try {
    const back = '/order.html?id=' + orderId;
    const payment = await api('/api/orders/' + orderId + '/payments', {
      method: 'POST', headers: headers(), body: { returnUrl: back, failUrl: back + '&payment=failed' },
    });
    // the provider's page (the sandbox's is the shop's own; a bank's is elsewhere): only http(s)
    const url = new URL(payment.paymentUrl, location.origin);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('unexpected payment address');
    location.assign(url.href);
  } catch (error) {
    showError(errorBox, error);
    button.disabled = false;
  }
}

async function cancel() {
  const button = document.getElementById('cancel');
  if (!window.confirm('Cancel order ' + orderId + '?')) return;
  button.disabled = true;
  try {
    await api('/api/orders/' + orderId + '/cancel', { method: 'POST', headers: headers(), body: {} });
    await refreshOrder();
    announce('Order ' + orderId + ' cancelled');
  } catch (error) {
    showError(document.getElementById('order-error'), error);
  } finally {
    button.disabled = false;
  }
}

async function start() {
  await initLayout();
  const errorBox = document.getElementById('order-error');
  if (!orderId || !/^\d+$/.test(orderId)) {
    showError(errorBox, { title: 'No such order', detail: 'The link has no order number.' });
    return;
  }
  const fromLink = fragmentParam('token');
  if (fromLink) rememberOrderToken(orderId, fromLink);
  try {
    await refreshOrder();
  } catch (error) {
    showError(errorBox, error instanceof ApiError && error.status === 404
      ? { title: 'No such order', detail: 'The order does not exist, or this link or account cannot see it.' }
      : error);
    return;
  }
  document.getElementById('order').hidden = false;
  if (qs('payment') === 'failed' && order.status === 'confirmed') {
    showError(document.getElementById('pay-error'), { title: 'The payment did not go through', detail: 'No money was taken. You can try again.' });
  }
  document.getElementById('pay').addEventListener('click', pay);
  document.getElementById('cancel').addEventListener('click', cancel);
  if (!FINAL.includes(order.status)) {
    if (window.ReadableStream && window.TextDecoderStream) follow(); else poll();
  }
}

start();
