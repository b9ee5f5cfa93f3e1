// The cart (/cart.html): lines with quantities, the promo code, delivery, and the server's totals
// (GET /api/cart?deliveryTypeId=): the page never adds up prices itself.
import { api } from '../api.js';
import { el, clear, money, showError, announce } from '../dom.js';
import { initLayout, refreshCartCount } from '../layout.js';
import { deliveryTypes, fillDeliverySelect, chooseDeliveryType, totalsRows } from './delivery.js';

const errorBox = () => document.getElementById('cart-error');

function lineName(item) {
  // colour and size say what the variant is; its own name only when it has neither
  const parts = item.colorName || item.sizeName ? [item.colorName, item.sizeName].filter(Boolean)
    : [item.variantName].filter((p) => p && p !== item.productName);
  return [el('a', { href: '/product.html?id=' + item.productId + '&variantId=' + item.variantId, class: 'name' }, item.productName),
    parts.length ? el('span', { class: 'muted' }, ' — ' + Array.from(new Set(parts)).join(', ')) : null];
}

function renderLine(item) {
  const id = 'qty-' + item.variantId;
  const quantity = el('input', { type: 'number', id, name: 'quantity', class: 'quantity', min: '1', value: String(item.quantity), inputmode: 'numeric' });
  const update = el('button', { type: 'submit', class: 'secondary' }, 'Update');
  const remove = el('button', { type: 'button', class: 'link-button' }, 'Remove');
  const form = el('form', { class: 'controls', 'aria-label': 'Quantity of ' + item.productName },
    el('label', { for: id, class: 'visually-hidden' }, 'Quantity of ' + item.productName + (item.variantName ? ' ' + item.variantName : '')),
    quantity, update, remove);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = parseInt(quantity.value, 10);
    await change(() => value > 0
      ? api('/api/cart/items/' + item.variantId, { method: 'PUT', body: { quantity: value } })
      : api('/api/cart/items/' + item.variantId, { method: 'DELETE' }), 'Quantity updated');
  });
  remove.addEventListener('click', () => change(() => api('/api/cart/items/' + item.variantId, { method: 'DELETE' }), 'Removed ' + item.productName));
  return el('li', { class: 'cart-line', dataset: { variantId: String(item.variantId) } },
    el('div', null, lineName(item),
      el('p', { class: 'muted' }, money(item.unitPrice) + ' each'),
      item.orderable === false || item.problem ? el('p', { class: 'error' }, item.problem || 'Cannot be ordered at the moment') : null),
    form,
    el('p', { class: 'price' }, money(item.lineTotal)));
}

async function change(action, message) {
  try {
    await action();
    showError(errorBox(), null);
    announce(message);
  } catch (error) {
    if (error.problem && error.problem.available !== undefined) {
      showError(errorBox(), { title: 'Not that many', detail: 'Only ' + error.problem.available + ' can be had.' });
    } else {
      showError(errorBox(), error);
    }
  }
  await load();
  refreshCartCount();
}

async function load() {
  const select = document.getElementById('deliveryTypeId');
  try {
    const cart = await api('/api/cart', { query: { deliveryTypeId: select.value || undefined } });
    const items = (cart && cart.items) || [];
    document.getElementById('empty').hidden = items.length > 0;
    document.getElementById('cart').hidden = items.length === 0;
    clear(document.getElementById('lines'), items.map(renderLine));
    clear(document.getElementById('totals'), totalsRows(cart));
    const applied = document.getElementById('promo-applied');
    applied.hidden = !cart.promotion;
    if (cart.promotion) {
      const remove = el('button', { type: 'button', class: 'link-button' }, 'Remove code');
      remove.addEventListener('click', () => change(() => api('/api/cart/promo-code', { method: 'DELETE' }), 'Promo code removed'));
      const promotion = cart.promotion;
      clear(applied, 'Code ', el('strong', null, promotion.code || ''), ' ',
        promotion.applies === false ? el('span', { class: 'error' }, promotion.message || promotion.reason || 'does not apply')
          : el('span', { class: 'success' }, promotion.discount ? '−' + money(promotion.discount) : 'applied'),
        ' ', remove);
    }
    document.getElementById('checkout').hidden = !items.some((i) => i.orderable !== false);
  } catch (error) {
    showError(errorBox(), error);
  }
}

async function start() {
  await initLayout();
  const select = document.getElementById('deliveryTypeId');
  try {
    fillDeliverySelect(select, await deliveryTypes());
  } catch (error) {
    showError(errorBox(), error);
  }
  select.addEventListener('change', () => {
    chooseDeliveryType(select.value);
    load();
  });
  document.getElementById('promo-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const code = document.getElementById('promoCode').value.trim();
    const promoError = document.getElementById('promo-error');
    if (!code) return;
    try {
      await api('/api/cart/promo-code', { method: 'PUT', body: { code } });
      showError(promoError, null);
      announce('Promo code applied');
      await load();
    } catch (error) {
      showError(promoError, error.problem && error.problem.reason
        ? { title: 'This code cannot be used', detail: error.detail || error.problem.reason } : error);
    }
  });
  chooseDeliveryType(select.value);
  await load();
}

start();
