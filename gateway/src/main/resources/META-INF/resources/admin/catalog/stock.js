// Stock levels of variants (on hand, reserved for orders, available), filtered by article or product,
// and a stock delivery of several lines (adds to on-hand; idempotent per delivery id).
import { api } from '/assets/js/api.js';
import { el, clear, showError, qs, announce } from '/assets/js/dom.js';
import { startConsolePage, CATALOG_EDITORS } from '/assets/js/admin-nav.js';
import { field, button, checkbox, withQuery, catalogRights, table, errorsOf } from './catalog.js';

const PAGE = 50;
const content = document.getElementById('content');
let rights;

function filterForm() {
  const article = el('input', { name: 'article', value: qs('article') || '' });
  const productId = el('input', { name: 'productId', inputmode: 'numeric', value: qs('productId') || '' });
  const parts = [field('Product article', article), field('Product id', productId)];
  if (rights.seeHidden) parts.push(checkbox('Hidden products\' variants too', 'includeHidden', qs('includeHidden') !== 'false'));
  const form = el('form', { class: 'filters', role: 'search' }, ...parts, el('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const params = { article: article.value.trim(), productId: productId.value.trim() };
    if (rights.seeHidden) params.includeHidden = form.elements.includeHidden.checked ? '' : 'false';
    location.assign(withQuery(location.pathname, params));
  });
  return form;
}

async function levels() {
  const offset = Math.max(0, Number(qs('offset')) || 0);
  const params = { article: qs('article'), productId: qs('productId'), limit: PAGE, offset };
  if (rights.seeHidden && qs('includeHidden') !== 'false') params.includeHidden = 'true';
  const page = await api(withQuery('/api/catalog/variants', params));
  const rows = page.items.map(v => el('tr', {},
    el('td', {}, String(v.id)),
    el('td', {}, el('a', { href: '/admin/catalog/product.html?id=' + v.productId }, v.productName)),
    el('td', {}, v.article || ''), el('td', {}, v.name || ''), el('td', {}, v.externalId || ''),
    el('td', { class: 'num' }, String(v.onHand)), el('td', { class: 'num' }, String(v.reserved)),
    el('td', { class: 'num' }, String(v.available))));
  const section = el('section', { 'aria-labelledby': 'levels-title' },
    el('h2', { id: 'levels-title' }, 'Stock levels (' + page.total + ' variants)'),
    el('div', { class: 'table-scroll' }, el('table', { id: 'levels' },
      el('thead', {}, el('tr', {}, ...['Variant', 'Product', 'Article', 'Name', '1C code', 'On hand', 'Reserved',
        'Available'].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows))));
  const here = Object.fromEntries(new URLSearchParams(location.search));
  const pager = el('nav', { class: 'pager', 'aria-label': 'Pages' });
  if (offset > 0) pager.append(el('a', { href: withQuery(location.pathname, { ...here, offset: Math.max(0, offset - PAGE) }) }, 'Previous page'), ' ');
  if (offset + PAGE < page.total) pager.append(el('a', { href: withQuery(location.pathname, { ...here, offset: offset + PAGE }) }, 'Next page'));
  section.append(pager);
  return section;
}

function newDeliveryId() {
  return 'WEB-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 8);
}

function deliveryForm() {
  const deliveryId = el('input', { name: 'deliveryId', maxlength: '100', value: newDeliveryId() });
  const lines = el('div', { class: 'delivery-lines' });
  const result = el('div', { class: 'delivery-result' });
  let count = 0;
  const addLine = () => {
    count++;
    const variant = el('input', { name: 'variantId', inputmode: 'numeric' });
    const quantity = el('input', { name: 'quantity', inputmode: 'numeric' });
    const line = el('fieldset', { class: 'delivery-line' }, el('legend', {}, 'Line ' + count),
      field('Variant id', variant), field('Quantity', quantity),
      button('Remove line', () => line.remove(), { class: 'secondary', 'aria-label': 'Remove line ' + count }));
    lines.append(line);
  };
  addLine();
  const form = el('form', { class: 'card', id: 'stock-delivery', novalidate: '' },
    el('h2', {}, 'Stock delivery'),
    el('p', { class: 'hint' }, 'Adds each quantity to the variant\'s on-hand stock. Sending the same delivery id '
      + 'again with the same lines adds nothing (a safe retry).'),
    field('Delivery id', deliveryId), lines,
    button('Add a line', addLine, { class: 'secondary' }), el('div', { class: 'form-errors' }),
    el('button', { type: 'submit' }, 'Record delivery'), result);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clear(result);
    const body = { deliveryId: deliveryId.value.trim(), lines: [...lines.querySelectorAll('.delivery-line')].map(line => ({
      variantId: Number(line.querySelector('[name=variantId]').value.trim()),
      quantity: Number(line.querySelector('[name=quantity]').value.trim()) })) };
    try {
      const delivery = await api('/api/catalog/stock/deliveries', { method: 'POST', body });
      announce('Delivery ' + delivery.deliveryId + ' recorded.');
      result.append(table('Delivery ' + delivery.deliveryId, ['variantId', 'quantity', 'onHandAfter'], delivery.lines,
        ['Variant', 'Quantity', 'On hand after']));
      deliveryId.value = newDeliveryId();
    } catch (e) {
      showError(errorsOf(form), e);
    }
  });
  return form;
}

(async () => {
  const user = await startConsolePage(CATALOG_EDITORS);
  if (!user) return;
  rights = catalogRights(user);
  try {
    clear(content);
    content.append(filterForm(), await levels());
    if (rights.deliveries) content.append(deliveryForm());
  } catch (e) {
    showError(content, e);
  }
})();
