// Checkout (/checkout.html): contact, delivery type, a structured address (or a saved one for customers),
// payment method; POST /api/orders orders the cart. Then the order page follows the order.
import { api } from '../api.js';
import { el, clear, money, showError, formData } from '../dom.js';
import { initLayout } from '../layout.js';
import { deliveryTypes, fillDeliverySelect, chooseDeliveryType, totalsRows } from './delivery.js';
import { rememberOrderToken } from './orders.js';

// one key per visit of the page: a double click or a retried request places one order
const idempotencyKey = (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random()).toString();
let user = null;

function savedAddressLabel(a) {
  return [a.city, a.street, a.house, a.building ? 'bld. ' + a.building : null, a.apartment ? 'apt. ' + a.apartment : null]
    .filter(Boolean).join(', ');
}

async function loadSavedAddresses() {
  const box = document.getElementById('saved-addresses');
  const fields = document.getElementById('address-fields');
  let addresses = [];
  try {
    const page = await api('/api/customers/' + encodeURIComponent(user.subject) + '/addresses', { query: { limit: 50 } });
    addresses = (page && page.items) || [];
  } catch (e) {
    addresses = [];
  }
  if (!addresses.length) return;
  box.hidden = false;
  const options = addresses.map((a, index) => el('div', { class: 'check' }, el('label', null,
    el('input', { type: 'radio', name: 'addressId', value: String(a.id), checked: index === 0 }), savedAddressLabel(a))));
  options.push(el('div', { class: 'check' }, el('label', null, el('input', { type: 'radio', name: 'addressId', value: '' }), 'Another address')));
  clear(box, el('fieldset', null, el('legend', null, 'Saved addresses'), options));
  fields.hidden = true;
  box.addEventListener('change', () => {
    fields.hidden = !!box.querySelector('input[name="addressId"]:checked').value;
  });
}

async function loadSummary() {
  const select = document.getElementById('deliveryTypeId');
  const cart = await api('/api/cart', { query: { deliveryTypeId: select.value || undefined } });
  const items = (cart && cart.items) || [];
  document.getElementById('empty').hidden = items.length > 0;
  document.getElementById('checkout').hidden = items.length === 0;
  clear(document.getElementById('summary-lines'), items.map((item) => el('li', { class: 'cart-line' },
    el('span', { class: 'name' }, item.productName,
      (item.colorName || item.sizeName || item.variantName) ? ' — ' + (item.colorName || item.sizeName
        ? [item.colorName, item.sizeName].filter(Boolean).join(', ') : item.variantName) : ''),
    el('span', null, item.quantity + ' × ' + money(item.unitPrice)),
    el('span', { class: 'price' }, money(item.lineTotal)))));
  clear(document.getElementById('totals'), totalsRows(cart));
  return cart;
}

function orderBody(form) {
  const data = formData(form);
  const body = {
    deliveryTypeId: Number(data.deliveryTypeId),
    paymentMethod: data.paymentMethod || 'card',
  };
  if (data.comment) body.comment = data.comment;
  const contact = {};
  ['firstName', 'lastName', 'middleName', 'phone', 'email'].forEach((name) => { if (data[name]) contact[name] = data[name]; });
  if (Object.keys(contact).length || !user) body.contact = contact;
  if (data.addressId) {
    body.addressId = Number(data.addressId);
  } else {
    const address = {};
    ['city', 'street', 'house', 'building', 'apartment', 'postcode'].forEach((name) => { if (data[name]) address[name] = data[name]; });
    if (data.floor) address.floor = Number(data.floor);
    if (data.addressComment) address.comment = data.addressComment;
    body.address = address;
  }
  return body;
}

async function placeOrder(event) {
  event.preventDefault();
  const form = event.target;
  const errorBox = document.getElementById('checkout-error');
  const button = document.getElementById('place-order');
  button.disabled = true;
  try {
    const order = await api('/api/orders', { method: 'POST', body: orderBody(form), headers: { 'Idempotency-Key': idempotencyKey } });
    window.dispatchEvent(new CustomEvent('shop:cart'));
    if (order.accessToken) rememberOrderToken(order.id, order.accessToken);
    // the guest's link to the order carries its token in the fragment, which no server ever sees
    location.assign('/order.html?id=' + order.id + (order.accessToken && !user ? '#token=' + order.accessToken : ''));
  } catch (error) {
    if (error.status === 409 && error.problem && Array.isArray(error.problem.lines)) {
      showError(errorBox, { title: 'Prices or stock changed', detail: 'Please check your cart again before ordering.' });
      await loadSummary().catch(() => null);
    } else {
      showError(errorBox, error);
    }
    errorBox.scrollIntoView({ block: 'center' });
    button.disabled = false;
  }
}

async function start() {
  user = await initLayout();
  const customer = !!user && (user.roles || []).includes('customer');
  document.getElementById('guest-note').hidden = !!user;
  document.getElementById('contact-note').hidden = !customer;
  const select = document.getElementById('deliveryTypeId');
  const errorBox = document.getElementById('checkout-error');
  try {
    fillDeliverySelect(select, await deliveryTypes());
    await loadSummary();
    if (customer) await loadSavedAddresses();
  } catch (error) {
    document.getElementById('checkout').hidden = false;
    showError(errorBox, error);
  }
  select.addEventListener('change', () => {
    chooseDeliveryType(select.value);
    loadSummary().catch((error) => showError(errorBox, error));
  });
  document.getElementById('checkout').addEventListener('submit', placeOrder);
}

start();
