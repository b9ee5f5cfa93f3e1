// Delivery types (GET /api/delivery-types, public) and the one this browser chose last.
import { api } from '../api.js';
import { el, clear, money } from '../dom.js';

const CHOSEN_KEY = 'shop.deliveryTypeId';

export async function deliveryTypes() {
  const answer = await api('/api/delivery-types', { query: { limit: 200 } });
  return Array.isArray(answer) ? answer : (answer && answer.items) || [];
}

export function chosenDeliveryType() {
  try { return localStorage.getItem(CHOSEN_KEY); } catch (e) { return null; }
}

export function chooseDeliveryType(id) {
  try { if (id) localStorage.setItem(CHOSEN_KEY, String(id)); } catch (e) { /* ignore */ }
}

/** Fills a <select> with the delivery types; answers the chosen id. */
export function fillDeliverySelect(select, types) {
  const chosen = chosenDeliveryType();
  clear(select, types.map((t) => el('option', { value: String(t.id), selected: String(t.id) === chosen },
    t.name + ' — from ' + money(t.price) + (t.freeFrom ? ', free from ' + money(t.freeFrom) : ''))));
  if (!types.some((t) => String(t.id) === chosen) && types.length) select.value = String(types[0].id);
  return select.value || null;
}

/** The cart's totals as a <dl>'s children: goods, discount, delivery, total. */
export function totalsRows(cart) {
  const rows = [el('dt', null, 'Goods (' + (cart.itemCount || 0) + ')'), el('dd', { id: 'goods-total' }, money(cart.total !== undefined && cart.discount ? Number(cart.total) + Number(cart.discount) : cart.total))];
  if (cart.discount && Number(cart.discount) > 0) {
    rows.push(el('dt', null, 'Promo code' + (cart.promotion && cart.promotion.code ? ' ' + cart.promotion.code : '')), el('dd', { id: 'discount' }, '−' + money(cart.discount)));
  }
  const delivery = cart.delivery;
  if (delivery) {
    rows.push(el('dt', null, 'Delivery'), el('dd', { id: 'delivery-cost' },
      delivery.problem ? delivery.problem : (delivery.free || Number(delivery.cost) === 0 ? 'free' : money(delivery.cost))));
  }
  rows.push(el('dt', { class: 'grand' }, 'Total'), el('dd', { class: 'grand', id: 'grand-total' }, money(cart.grandTotal !== null && cart.grandTotal !== undefined ? cart.grandTotal : cart.total)));
  return rows;
}
