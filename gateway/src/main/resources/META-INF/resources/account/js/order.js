// /account/order.html?id=N: one of the customer's orders with its lines and status history
// (GET /api/orders/{id}, /history); cancel before shipping (POST /api/orders/{id}/cancel).
// Someone else's order answers 404 exactly like a missing one: the page says "not found".
// While the order is not final, its status stream (SSE through events.js) updates the page.
import { api } from '/assets/js/api.js';
import { followEvents } from '/assets/js/events.js';
import { el, clear, money, qs, formData } from '/assets/js/dom.js';
import { requireCustomer, status, failed, when, statusName, cancellable, submitting, ready } from '/account/js/account.js';

await requireCustomer();
const id = qs('id');
const box = document.getElementById('order');
const cancelForm = document.getElementById('cancel-form');

const WHO = { customer: 'you', guest: 'you (as a guest)', staff: 'the shop', system: 'the shop' };

function variantText(line) {
  return [line.variantName, line.colorName, line.sizeName].filter(Boolean).join(', ');
}

function summaryRow(term, value) {
  return value ? [el('dt', {}, term), el('dd', {}, value)] : [];
}

async function deliveryName(typeId) {
  try {
    return (await api('/api/delivery-types/' + typeId)).name;
  } catch (e) {
    return null; // the order still shows its address
  }
}

function show(order, history, delivery) {
  document.getElementById('order-title').textContent = 'Order #' + order.id;
  document.title = 'Order #' + order.id + ' — Shop';
  const summary = document.getElementById('order-summary');
  clear(summary);
  summary.append(
    ...summaryRow('Status', statusName(order.status) + (order.reason ? ': ' + order.reason : '')),
    ...summaryRow('Placed', when(order.createdAt)),
    ...summaryRow('Delivery', [delivery, order.deliveryAddress].filter(Boolean).join(': ')),
    ...summaryRow('Payment', order.paymentMethod === 'card' ? 'Card' + (order.paidAt ? ', paid ' + when(order.paidAt) : ', not paid yet')
      : order.paymentMethod === 'cash' ? 'Cash on delivery' : order.paymentMethod),
    ...summaryRow('Goods', money(order.goodsTotal)),
    ...summaryRow('Discount', order.discount && Number(order.discount) > 0 ? '−' + money(order.discount) : null),
    ...summaryRow('Delivery cost', money(order.deliveryCost)),
    ...summaryRow('Total', money(order.total)),
    ...summaryRow('Refund', order.refund ? money(order.refund.amount) + (order.refund.due ? ' to be refunded' : ', refunded ' + when(order.refund.refundedAt)) : null));

  const lines = document.getElementById('order-lines');
  clear(lines);
  for (const line of order.lines) {
    lines.append(el('tr', {},
      el('td', {}, el('a', { href: '/product.html?id=' + line.productId }, line.productName),
        variantText(line) ? el('span', { class: 'muted' }, ' ' + variantText(line)) : ''),
      el('td', {}, String(line.quantity)),
      el('td', {}, money(line.unitPrice)),
      el('td', {}, money(line.lineTotal))));
  }

  const list = document.getElementById('order-history');
  clear(list);
  for (const entry of history.items) {
    list.append(el('li', {},
      el('time', { datetime: entry.changedAt }, when(entry.changedAt)), ' ',
      el('strong', {}, statusName(entry.toStatus)),
      entry.fromStatus ? ' (was ' + statusName(entry.fromStatus) + ')' : '',
      WHO[entry.actorKind] ? ', by ' + WHO[entry.actorKind] : '',
      entry.reason ? ': ' + entry.reason : ''));
  }
  cancelForm.hidden = !cancellable(order);
  box.hidden = false;
}

const FINAL = ['rejected', 'delivered', 'cancelled'];
let shown = null; // the status on the page
let stream = null;

/** Follows the order's status while it can still change; a new status reloads the order and its history. */
function follow() {
  if (stream || FINAL.includes(shown)) return;
  stream = followEvents('/api/orders/' + id + '/events', {
    isLast: (data) => data.last,
    onEvent: (name, data) => {
      if (name === 'status' && data.status !== shown) load();
    },
    onError: () => { stream = null; }, // the page keeps what it shows
  });
}
window.addEventListener('pagehide', () => stream && stream.close());

async function load() {
  if (!/^\d+$/.test(id || '')) {
    status('No such order.', 'error');
    return;
  }
  try {
    const [order, history] = await Promise.all([api('/api/orders/' + id), api('/api/orders/' + id + '/history')]);
    show(order, history, await deliveryName(order.deliveryTypeId));
    shown = order.status;
    follow();
  } catch (error) {
    box.hidden = true;
    if (error.status === 404) {
      status('Order #' + id + ' was not found among your orders.', 'error');
    } else {
      failed(error);
    }
  }
}

cancelForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!confirm('Cancel order #' + id + '?')) return;
  const reason = (formData(cancelForm).reason || '').trim();
  await submitting(cancelForm, async () => {
    try {
      await api('/api/orders/' + id + '/cancel', { method: 'POST', body: reason ? { reason } : {} });
    } catch (error) {
      failed(error, cancelForm);
      return;
    }
    await load();
    status('The order is cancelled.', 'success');
  });
});
ready(cancelForm);

await load();
