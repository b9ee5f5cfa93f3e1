// The storefront's catalog (/index.html): category tree, search, filters, sorting and paging, exactly the
// product list API's (GET /api/catalog/products). The page's state is its URL (?q=&categoryId=&colorId=...
// &page=): every change is a navigation, so back, bookmarks and shared links just work.
import { api } from '../api.js';
import { el, clear, showError } from '../dom.js';
import { initLayout } from '../layout.js';
import { productCard } from './cards.js';
import { paintSwatches } from './swatches.js';

export const PAGE_SIZE = 24;
const LIST_PARAMS = ['q', 'categoryId', 'supplierId', 'colorId', 'sizeId', 'minPrice', 'maxPrice', 'inStock', 'sort'];

function state() {
  const params = new URLSearchParams(location.search);
  const page = Math.max(1, parseInt(params.get('page') || '1', 10) || 1);
  return { params, page };
}

/** The page's URL for other parameters (page 1 unless given). */
function urlWith(changes) {
  const params = new URLSearchParams(location.search);
  params.delete('page');
  for (const [key, value] of Object.entries(changes)) {
    params.delete(key);
    [].concat(value).forEach((v) => { if (v !== null && v !== undefined && v !== '' && v !== false) params.append(key, v); });
  }
  const query = params.toString();
  return '/' + (query ? '?' + query : '');
}

function listQuery(params, page) {
  const query = {};
  for (const name of LIST_PARAMS) {
    const values = params.getAll(name).filter((v) => v !== '');
    if (values.length) query[name] = values.length === 1 ? values[0] : values;
  }
  query.limit = PAGE_SIZE;
  query.offset = (page - 1) * PAGE_SIZE;
  return query;
}

async function allCategories() {
  const items = [];
  for (let offset = 0; ; offset += 200) {
    const page = await api('/api/catalog/categories', { query: { limit: 200, offset } });
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) return items;
  }
}

function renderCategories(categories, counts, selected) {
  const children = new Map();
  categories.forEach((c) => {
    const key = c.parentId || 0;
    if (!children.has(key)) children.set(key, []);
    children.get(key).push(c);
  });
  const known = new Set(categories.map((c) => c.id));
  // a category whose parent is not in the list is shown at the top
  categories.forEach((c) => {
    if (c.parentId && !known.has(c.parentId)) children.get(0) ? children.get(0).push(c) : children.set(0, [c]);
  });
  // a category's count includes its sub-categories', as the list does (categoryId includes them); counts
  // are those of the current search and category, so categories outside it show none
  const total = (id, depth) => (counts.get(id) || 0)
    + (depth > 10 ? 0 : (children.get(id) || []).reduce((sum, c) => sum + total(c.id, depth + 1), 0));
  const branch = (parentId, depth) => {
    const list = (children.get(parentId) || []).filter((c) => depth === 0 ? (!c.parentId || !known.has(c.parentId)) : true);
    if (!list.length || depth > 10) return null;
    return el(depth === 0 ? 'ul' : 'ul', depth === 0 ? { class: 'category-tree', id: 'categories' } : null,
      list.map((c) => el('li', null,
        el('a', { href: urlWith({ categoryId: c.id }), 'aria-current': String(c.id) === selected ? 'true' : null },
          c.name, total(c.id, 0) > 0 ? ' (' + total(c.id, 0) + ')' : ''),
        branch(c.id, depth + 1))));
  };
  const tree = document.getElementById('categories');
  const all = el('li', null, el('a', { href: urlWith({ categoryId: null }), 'aria-current': selected ? null : 'true' }, 'All products'));
  const top = branch(0, 0);
  clear(tree, all, top ? Array.from(top.childNodes) : null);
}

function checkboxes(container, box, name, options, selected, label) {
  clear(container);
  box.hidden = options.length === 0;
  options.forEach((option) => {
    const id = name + '-' + option.id;
    container.appendChild(el('div', { class: 'check' },
      el('label', { for: id },
        el('input', { type: 'checkbox', id, name, value: String(option.id), checked: selected.includes(String(option.id)) }),
        label(option))));
  });
}

function renderFilters(params, facets) {
  const form = document.getElementById('filters');
  form.minPrice.value = params.get('minPrice') || '';
  form.maxPrice.value = params.get('maxPrice') || '';
  form.inStock.checked = params.get('inStock') === 'true';
  const colors = (facets && facets.colors) || [];
  const sizes = (facets && facets.sizes) || [];
  const suppliers = (facets && facets.suppliers) || [];
  checkboxes(document.getElementById('colors'), document.getElementById('colors-box'), 'colorId', colors,
    params.getAll('colorId'), (c) => [el('span', { class: 'swatch', dataset: { color: c.code || '' } }), c.name, ' (' + c.count + ')']);
  checkboxes(document.getElementById('sizes'), document.getElementById('sizes-box'), 'sizeId', sizes,
    params.getAll('sizeId'), (s) => [s.name, ' (' + s.count + ')']);
  checkboxes(document.getElementById('suppliers'), document.getElementById('suppliers-box'), 'supplierId', suppliers,
    params.getAll('supplierId'), (s) => [s.name, ' (' + s.count + ')']);
  paintSwatches(form);
}


function applyFilters(event) {
  if (event) event.preventDefault();
  const form = document.getElementById('filters');
  const checked = (name) => Array.from(form.querySelectorAll('input[name="' + name + '"]:checked')).map((i) => i.value);
  location.assign(urlWith({
    minPrice: form.minPrice.value.trim(),
    maxPrice: form.maxPrice.value.trim(),
    inStock: form.inStock.checked ? 'true' : null,
    colorId: checked('colorId'),
    sizeId: checked('sizeId'),
    supplierId: checked('supplierId'),
  }));
}

function renderPager(total, page) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const pager = document.getElementById('pager');
  if (pages <= 1) {
    clear(pager);
    return;
  }
  const link = (n, text, rel) => {
    const params = new URLSearchParams(location.search);
    if (n === 1) params.delete('page'); else params.set('page', n);
    const query = params.toString();
    return el('a', { href: '/' + (query ? '?' + query : ''), rel, class: 'button secondary' }, text);
  };
  clear(pager,
    page > 1 ? link(page - 1, 'Previous page', 'prev') : null,
    el('span', { 'aria-current': 'page' }, 'Page ' + page + ' of ' + pages),
    page < pages ? link(page + 1, 'Next page', 'next') : null);
}

async function load() {
  const { params, page } = state();
  document.getElementById('q').value = params.get('q') || '';
  document.getElementById('sort').value = params.get('sort') || '';
  const errorBox = document.getElementById('list-error');
  const query = listQuery(params, page);
  // the options of each filter come from the facets of the search and category alone, so that choosing a
  // colour does not hide the others (the API counts facets under the whole filter)
  const optionsQuery = { facets: true, limit: 1 };
  if (query.q) optionsQuery.q = query.q;
  if (query.categoryId) optionsQuery.categoryId = query.categoryId;
  try {
    const [list, options, categories] = await Promise.all([
      api('/api/catalog/products', { query }),
      api('/api/catalog/products', { query: optionsQuery }),
      allCategories(),
    ]);
    showError(errorBox, null);
    const counts = new Map(((options.facets && options.facets.categories) || []).map((c) => [c.id, c.count]));
    renderCategories(categories, counts, params.get('categoryId'));
    renderFilters(params, options.facets);
    const selected = categories.find((c) => String(c.id) === params.get('categoryId'));
    const title = selected ? selected.name : (params.get('q') ? 'Search: ' + params.get('q') : 'Catalog');
    clear(document.getElementById('page-title'), title);
    document.title = 'Shop — ' + title;
    const products = document.getElementById('products');
    clear(products, list.items.map((product) => el('li', null, productCard(product))));
    paintSwatches(products);
    clear(document.getElementById('result-count'),
      list.total === 0 ? 'Nothing found. Try fewer filters or other words.'
        : list.total + (list.total === 1 ? ' product' : ' products'));
    renderPager(list.total, page);
  } catch (error) {
    showError(errorBox, error);
  }
}

initLayout();
document.getElementById('filters').addEventListener('submit', applyFilters);
document.getElementById('filters').addEventListener('change', (event) => {
  if (event.target.type === 'checkbox') applyFilters();
});
document.getElementById('search').addEventListener('submit', (event) => {
  event.preventDefault();
  const q = document.getElementById('q').value.trim();
  location.assign(urlWith({ q, sort: null }));
});
document.getElementById('sort').addEventListener('change', (event) => location.assign(urlWith({ sort: event.target.value })));
load();

