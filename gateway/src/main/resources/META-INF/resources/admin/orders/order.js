// /admin/orders/order.html?id=N: one order with its lines, payments, refunds and status history; staff
// move it on (only to the statuses the rules allow from here) and record a refund paid back by hand.
import { api } from '/assets/js/api.js';
import { el, clear, money, showError, qs, dateTime, announce } from '/assets/js/dom.js';
import { loadStatuses, statusNames, statusBadge, allowedNextStatuses, table, cell } from '/admin/orders/kit.js';
import { startConsolePage, ORDER_STAFF } from '/assets/js/admin-nav.js';

const ACTORS = { customer: 'customer', staff: 'staff', guest: 'guest (order link)', system: 'system' };

let orderId;
let statuses;
let deliveryTypes = new Map();

async function main() {
  const mainEl = document.getElementById('main');
  const user = await startConsolePage(ORDER_STAFF);
  if (!user) return;
  orderId = qs('id');
  if (!/^[1-9][0-9]*$/.test(orderId || '')) {
    showError(document.getElementById('order-errors'), { status: 400, title: 'No order', detail: 'The link names no order number.' });
    return;
  }
  document.getElementById('status-form').addEventListener('submit', changeStatus);
  document.getElementById('refund-form').addEventListener('submit', recordRefund);
  try {
    statuses = await loadStatuses(api);
    const types = await api('/api/delivery-types');
    deliveryTypes = new Map(types.items.map((t) => [t.id, t.name]));
  } catch (error) {
    showError(document.getElementById('order-errors'), error);
    return;
  }
  await load();
}

async function load() {
  const errors = document.getElementById('order-errors');
  clear(errors);
  try {
    const [order, payments, refunds, history] = await Promise.all([
      api('/api/orders/' + orderId),
      api('/api/orders/' + orderId + '/payments'),
      api('/api/orders/' + orderId + '/refunds'),
      api('/api/orders/' + orderId + '/history')]);
    renderOrder(order);
    renderActions(order);
    renderPayments(payments.items);
    renderRefunds(refunds.items);
    renderHistory(history.items);
  } catch (error) {
    showError(errors, error);
  }
}

function renderOrder(order) {
  const names = statusNames(statuses);
  document.title = 'Order #' + order.id + ' · Staff console';
  const title = document.getElementById('order-title');
  clear(title);
  title.append('Order #' + order.id + ' ', statusBadge(order.status, names));
  const contact = order.contact || {};
  const customer = order.customerId
    ? el('a', { href: '/admin/customers/customer.html?id=' + order.customerId }, 'customer #' + order.customerId)
    : 'guest';
  const facts = [
    ['Placed', dateTime(order.createdAt)],
    ['Last change', dateTime(order.updatedAt)],
    ['Customer', el('span', {}, [contact.lastName, contact.firstName, contact.middleName].filter(Boolean).join(' ') + ' (', customer, ')')],
    ['Phone', contact.phone || ''],
    ['Email', contact.email || ''],
    ['Delivery', (deliveryTypes.get(order.deliveryTypeId) || 'type ' + order.deliveryTypeId) + ', ' + money(order.deliveryCost)],
    ['Address', order.deliveryAddress || ''],
    ['Payment', order.paymentMethod + (order.paidAt ? ', paid ' + dateTime(order.paidAt) : ', not paid')],
  ];
  if (order.shippedAt) facts.push(['Shipped', dateTime(order.shippedAt)]);
  if (order.comment) facts.push(['Comment', order.comment]);
  if (order.reason) facts.push(['Reason', order.reason]);
  if (order.promoCode) facts.push(['Promo code', order.promoCode]);
  facts.push(['Goods', money(order.goodsTotal)]);
  if (order.discount && Number(order.discount) > 0) facts.push(['Discount', '−' + money(order.discount)]);
  facts.push(['Total', money(order.total)]);
  if (order.refund) {
    facts.push(['Refund', money(order.refund.amount) + (order.refund.due
      ? ', due since ' + dateTime(order.refund.dueSince) : ', refunded ' + dateTime(order.refund.refundedAt))]);
  }
  const summary = document.getElementById('order-summary');
  clear(summary);
  summary.append(el('dl', { class: 'facts' }, ...facts.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])));

  const lines = order.lines.map((line) => el('tr', {},
    el('th', { scope: 'row' }, line.productName),
    cell(line.variantName || ''),
    cell([line.sizeName, line.colorName].filter(Boolean).join(', ')),
    cell(line.article || ''),
    el('td', { class: 'number' }, String(line.quantity)),
    el('td', { class: 'number' }, money(line.unitPrice)),
    el('td', { class: 'number' }, line.discount && Number(line.discount) > 0 ? '−' + money(line.discount) : ''),
    el('td', { class: 'number' }, money(line.lineTotal))));
  const linesBox = document.getElementById('order-lines');
  clear(linesBox);
  linesBox.append(table(['Product', 'Variant', 'Size, colour', 'Article', 'Quantity', 'Price', 'Discount', 'Sum'], lines));
  if (order.shortLines && order.shortLines.length) {
    linesBox.append(el('p', {}, 'Not in stock when the order was placed: ' + order.shortLines
      .map((s) => 'variant ' + s.variantId + ' (wanted ' + s.requested + ', available ' + s.available + ')').join('; ')));
  }
}

function renderActions(order) {
  const section = document.getElementById('order-actions');
  section.hidden = false;
  const form = document.getElementById('status-form');
  const select = form.elements.namedItem('status');
  const none = document.getElementById('no-next-status');
  const allowed = allowedNextStatuses(order, statuses);
  clear(select);
  for (const status of allowed) select.append(el('option', { value: status.code }, status.name));
  form.hidden = allowed.length === 0;
  none.hidden = allowed.length > 0;
  none.textContent = 'The order is ' + ((statuses.get(order.status) || {}).name || order.status)
    + ': no further status can be set by staff.';
  const refundForm = document.getElementById('refund-form');
  refundForm.hidden = !(order.refund && order.refund.due);
  if (order.refund && order.refund.due) {
    document.getElementById('refund-due-text').textContent = money(order.refund.amount)
      + ' is owed to the customer. Record it here once the money has been paid back by hand '
      + '(card payments are refunded through the payment provider on their own).';
  }
}

function renderPayments(payments) {
  const box = document.getElementById('order-payments');
  clear(box);
  if (!payments.length) {
    box.append(el('p', {}, 'No card payments.'));
    return;
  }
  box.append(table(['Started', 'Provider', 'State', 'Amount', 'Last change'], payments.map((p) => el('tr', {},
    el('th', { scope: 'row' }, dateTime(p.createdAt)), cell(p.provider), cell(p.status),
    el('td', { class: 'number' }, money(p.amount)), cell(dateTime(p.updatedAt))))));
}

function renderRefunds(refunds) {
  const box = document.getElementById('order-refunds');
  clear(box);
  if (!refunds.length) {
    box.append(el('p', {}, 'No refunds through the payment provider.'));
    return;
  }
  box.append(table(['Created', 'Kind', 'State', 'Amount', 'Attempts', 'Provider said', 'Finished'], refunds.map((r) => el('tr', {},
    el('th', { scope: 'row' }, dateTime(r.createdAt)), cell(r.kind), cell(r.state),
    el('td', { class: 'number' }, money(r.amount)), el('td', { class: 'number' }, String(r.attempts)),
    cell([r.errorCode, r.providerAnswer].filter(Boolean).join(': ')), cell(dateTime(r.finishedAt))))));
}

function renderHistory(entries) {
  const names = statusNames(statuses);
  const box = document.getElementById('order-history');
  clear(box);
  box.append(table(['When', 'From', 'To', 'By', 'Reason'], entries.map((h) => el('tr', {},
    el('th', { scope: 'row' }, dateTime(h.changedAt)),
    cell(h.fromStatus ? statusBadge(h.fromStatus, names) : '—'),
    cell(statusBadge(h.toStatus, names)),
    cell((ACTORS[h.actorKind] || h.actorKind) + (h.actorId != null ? ' #' + h.actorId : '')),
    cell(h.reason || '')))));
}

async function changeStatus(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const status = form.elements.namedItem('status').value;
  const reason = form.elements.namedItem('reason').value.trim();
  const errors = document.getElementById('order-errors');
  clear(errors);
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  try {
    const body = reason ? { status, reason } : { status };
    await api('/api/orders/' + orderId, { method: 'PATCH', body });
    form.reset();
    await load();
    announce('Status changed to ' + ((statuses.get(status) || {}).name || status) + '.');
  } catch (error) {
    showError(errors, error);
  } finally {
    button.disabled = false;
  }
}

async function recordRefund(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const note = form.elements.namedItem('note').value.trim();
  const errors = document.getElementById('order-errors');
  clear(errors);
  try {
    await api('/api/orders/' + orderId + '/refund', { method: 'POST', body: note ? { note } : {} });
    form.reset();
    await load();
    announce('The refund is recorded.');
  } catch (error) {
    showError(errors, error);
  }
}

main();
