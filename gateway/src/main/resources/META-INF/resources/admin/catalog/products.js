// Products: a searchable, paged list (staff also see hidden and deleted ones) and a form for a new product.
// A supplier user sees and creates its own supplier's products only.
import { api } from '/assets/js/api.js';
import { el, clear, showError, money, qs, announce } from '/assets/js/dom.js';
import { startConsolePage, CATALOG_EDITORS } from '/assets/js/admin-nav.js';
import { readAll, select, field, button, checkbox, withQuery, catalogRights, ownSupplierId,
  categoryPaths, errorsOf } from './catalog.js';

const PAGE = 20;
const content = document.getElementById('content');
let rights;
let supplierId = null;
let categories = [];
let suppliers = [];

function searchForm() {
  const q = el('input', { name: 'q', type: 'search', value: qs('q') || '' });
  const category = select({ name: 'categoryId' },
    [{ value: '', label: 'All categories' }, ...categoryPaths(categories).map(c => ({ value: c.id, label: c.path }))],
    qs('categoryId') || '');
  const parts = [field('Search', q, 'Name, article or description'), field('In category', category)];
  if (rights.seeHidden) {
    parts.push(checkbox('Hidden products too', 'includeHidden', qs('includeHidden') !== 'false'));
    parts.push(checkbox('Deleted products too', 'includeDeleted', qs('includeDeleted') === 'true'));
  }
  const form = el('form', { class: 'filters', role: 'search' }, ...parts, el('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const params = { q: q.value.trim(), categoryId: category.value };
    if (rights.seeHidden) {
      params.includeHidden = form.elements.includeHidden.checked ? '' : 'false';
      params.includeDeleted = form.elements.includeDeleted.checked ? 'true' : '';
    }
    location.assign(withQuery(location.pathname, params));
  });
  return form;
}

function createForm() {
  const name = el('input', { name: 'name', maxlength: '300', autocomplete: 'off' });
  const article = el('input', { name: 'article', maxlength: '100', autocomplete: 'off' });
  const category = select({ name: 'categoryId' },
    [{ value: '', label: '— choose —' }, ...categoryPaths(categories).map(c => ({ value: c.id, label: c.path }))], '');
  const description = el('textarea', { name: 'description', rows: '3', maxlength: '20000' });
  const parts = [field('Name', name), field('Article', article, 'Unique; S<digits>-… is kept for price lists'),
    field('Category', category), field('Description', description)];
  let supplier = null;
  if (rights.staff) {
    supplier = select({ name: 'supplierId' },
      [{ value: '', label: '— none (the shop\'s own) —' }, ...suppliers.map(s => ({ value: s.id, label: s.name }))], '');
    parts.push(field('Supplier', supplier));
  }
  const visible = checkbox('Visible in the shop', 'visible', false);
  parts.push(visible);
  const form = el('form', { class: 'card', id: 'product-create', novalidate: '' },
    el('h2', {}, 'New product'), ...parts, el('div', { class: 'form-errors' }),
    el('button', { type: 'submit' }, 'Create product'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = { name: name.value.trim(), article: article.value.trim(),
      categoryId: category.value ? Number(category.value) : null,
      visible: form.elements.visible.checked };
    if (description.value.trim()) body.description = description.value.trim();
    if (supplier && supplier.value) body.supplierId = Number(supplier.value);
    try {
      const product = await api('/api/catalog/products', { method: 'POST', body });
      location.assign('/admin/catalog/product.html?id=' + product.id + '&created=1');
    } catch (e) {
      showError(errorsOf(form), e);
    }
  });
  return form;
}

function stockOf(product) {
  return product.variants.reduce((sum, v) => sum + v.available, 0);
}

async function list() {
  const offset = Math.max(0, Number(qs('offset')) || 0);
  const params = { q: qs('q'), categoryId: qs('categoryId'), limit: PAGE, offset, sort: qs('q') ? '' : 'new' };
  if (rights.seeHidden) {
    params.includeHidden = qs('includeHidden') === 'false' ? '' : 'true';
    params.includeDeleted = qs('includeDeleted') === 'true' ? 'true' : '';
  }
  if (!rights.staff && supplierId) params.supplierId = supplierId;
  const page = await api(withQuery('/api/catalog/products', params));
  const rows = page.items.map(p => el('tr', {},
    el('td', {}, el('a', { href: '/admin/catalog/product.html?id=' + p.id }, p.name)),
    el('td', {}, p.article || ''),
    el('td', {}, p.category ? p.category.name : ''),
    el('td', {}, p.deleted ? 'deleted' : (p.visible ? 'shown' : 'hidden')),
    el('td', { class: 'num' }, String(p.variants.length)),
    el('td', { class: 'num' }, p.minPrice === null ? '' : money(p.minPrice)),
    el('td', { class: 'num' }, String(stockOf(p)))));
  const section = el('section', { 'aria-labelledby': 'list-title' },
    el('h2', { id: 'list-title' }, 'Products (' + page.total + ')'),
    page.items.length === 0 ? el('p', {}, 'No products match.') :
      el('div', { class: 'table-scroll' }, el('table', { id: 'products' },
        el('thead', {}, el('tr', {}, ...['Name', 'Article', 'Category', 'Shop', 'Variants', 'From', 'Available']
          .map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, ...rows))));
  const pager = el('nav', { class: 'pager', 'aria-label': 'Pages' });
  const here = Object.fromEntries(new URLSearchParams(location.search));
  if (offset > 0) pager.append(el('a', { href: withQuery(location.pathname, { ...here, offset: Math.max(0, offset - PAGE) }) }, 'Previous page'));
  pager.append(el('span', {}, ' ' + (page.total ? offset + 1 : 0) + '–' + Math.min(page.total, offset + PAGE) + ' of ' + page.total + ' '));
  if (offset + PAGE < page.total) pager.append(el('a', { href: withQuery(location.pathname, { ...here, offset: offset + PAGE }) }, 'Next page'));
  section.append(pager);
  return section;
}

(async () => {
  const user = await startConsolePage(CATALOG_EDITORS);
  if (!user) return;
  rights = catalogRights(user);
  try {
    if (rights.supplier) supplierId = await ownSupplierId(user);
    categories = await readAll('/api/catalog/categories');
    if (rights.staff) suppliers = await readAll('/api/catalog/suppliers');
    clear(content);
    content.append(searchForm(), await list(), createForm());
  } catch (e) {
    showError(content, e);
  }
})();
