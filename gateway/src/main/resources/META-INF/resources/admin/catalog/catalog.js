// What the catalog pages of the console share: the role's rights (catalog-service's @RolesAllowed),
// reading whole lists, status messages, job polling and job reports, images read through the session.
import { api, apiResponse } from '/assets/js/api.js';
import { el, clear } from '/assets/js/dom.js';
import { mayUse, CATALOG_STAFF } from '/assets/js/admin-nav.js';

/**
 * What the signed-in user may do in the catalog. Staff (admin, manager) everything; a supplier user
 * its own supplier's products, variants, stock deliveries and price lists (catalog-service refuses the
 * rest with 403, so the console does not offer it).
 */
export function catalogRights(user) {
  const staff = mayUse(user, CATALOG_STAFF);
  const supplier = !staff && mayUse(user, ['supplier']);
  return {
    staff,
    supplier,
    products: staff || supplier,
    images: staff,
    categories: staff,
    dictionaries: staff,
    factories: staff,
    onec: staff,
    priceLists: staff || supplier,
    deliveries: staff || supplier,
    // listing hidden and deleted products (and variants) is for staff only
    seeHidden: staff,
  };
}

/** The supplier id of a supplier user (its staff user record; the web session answers claims without it). */
export async function ownSupplierId(user) {
  const me = await api('/api/users/' + encodeURIComponent(user.subject));
  return me && me.supplierId;
}

/** `path?query` with empty values left out. */
export function withQuery(path, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach(v => query.append(name, v)); else query.append(name, String(value));
  }
  const text = query.toString();
  return text ? path + '?' + text : path;
}

/** Every item of a paged list (`{items, total}`), 200 at a time. */
export async function readAll(path, params = {}) {
  const items = [];
  for (let offset = 0; ; offset += 200) {
    const page = await api(withQuery(path, { ...params, limit: 200, offset }));
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}

/** The error box of a form (its `.form-errors`, added at the end when it has none), for dom.js's showError. */
export function errorsOf(form) {
  if (form.classList.contains('form-errors')) return form;
  return form.querySelector('.form-errors') || form.appendChild(el('div', { class: 'form-errors' }));
}

/** A `<select>` of options `[{value, label}]`, `selected` chosen. */
export function select(attrs, options, selected) {
  const node = el('select', attrs, ...options.map(o => el('option', { value: String(o.value) }, o.label)));
  if (selected !== undefined && selected !== null) node.value = String(selected);
  return node;
}

/** A labelled field: `<div class="field"><label for=id>label</label>input</div>`. */
export function field(label, input, hint) {
  const id = input.id || ('f-' + Math.random().toString(36).slice(2, 9));
  input.id = id;
  const parts = [el('label', { for: id }, label), input];
  if (hint) {
    const hintId = id + '-hint';
    parts.push(el('span', { id: hintId, class: 'hint' }, hint));
    input.setAttribute('aria-describedby', hintId);
  }
  return el('div', { class: 'field' }, ...parts);
}

/** A `<button type="button">` that runs `action` on click. */
export function button(label, action, attrs = {}) {
  const node = el('button', { type: 'button', ...attrs }, label);
  node.addEventListener('click', action);
  return node;
}

/** A checkbox with its label. */
export function checkbox(label, name, checked) {
  const input = el('input', { type: 'checkbox', name });
  input.checked = !!checked;
  const id = 'c-' + Math.random().toString(36).slice(2, 9);
  input.id = id;
  return el('div', { class: 'field field-check' }, input, el('label', { for: id }, label));
}

/** An image of the API shown through the session (hidden products' images need the staff's rights). */
export async function imageElement(url, alt) {
  const img = el('img', { alt: alt || '', class: 'thumb' });
  try {
    const response = await apiResponse(url, { headers: { Accept: 'image/*' } });
    const blob = await response.blob();
    img.src = URL.createObjectURL(blob);
  } catch (e) {
    img.alt = (alt || 'image') + ' (could not be loaded)';
  }
  return img;
}

export const FINISHED = ['succeeded', 'failed', 'cancelled'];

/**
 * Polls a job (`GET path`) every second until it has finished, calling `onUpdate(job)` after each read.
 * Answers the finished job. Stops (rejects) on an API error.
 */
export async function followJob(path, onUpdate) {
  for (;;) {
    const job = await api(path);
    onUpdate(job);
    if (FINISHED.includes(job.status)) return job;
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

const REPORT_LISTS = {
  badRows: { title: 'Rows not applied', columns: ['row', 'code', 'reason'] },
  unknownCodes: { title: 'Unknown codes', columns: ['row', 'code'] },
  belowReserved: { title: 'Set to the reserved quantity (reservations win)',
    columns: ['row', 'code', 'variantId', 'requested', 'reserved', 'onHand'] },
  categoriesCreated: { title: 'Categories created', columns: ['listId', 'name', 'categoryId', 'categoryName'] },
  categoriesMapped: { title: 'Categories mapped', columns: ['listId', 'name', 'categoryId', 'categoryName'] },
  categoriesUnused: { title: 'Categories not used', columns: ['listId', 'name'] },
};
const REPORT_COUNTS = ['offers', 'created', 'updated', 'withdrawn', 'unchanged', 'rowsRead', 'rowsApplied',
  'changed', 'missingReset', 'unknownCount', 'badCount', 'belowReservedCount'];

/** A table of rows (objects) with the given columns. */
export function table(caption, columns, rows, headers = columns) {
  return el('table', {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...headers.map(c => el('th', { scope: 'col' }, c)))),
    el('tbody', {}, ...rows.map(row => el('tr', {}, ...columns.map(c => el('td', {}, text(row[c])))))));
}

function text(value) {
  return value === undefined || value === null ? '' : String(value);
}

/**
 * Renders a job (the commons job view with its report) or a synchronous import summary into `container`:
 * status, progress, error, counts and each of the report's lists.
 */
export function renderJob(container, job) {
  clear(container);
  if (job.status) {
    const done = job.processed || 0;
    const progress = el('progress', { max: String(job.total || 1), 'aria-label': 'Progress' });
    progress.value = job.total ? done : (FINISHED.includes(job.status) ? 1 : 0);
    if (!job.total && !FINISHED.includes(job.status)) progress.removeAttribute('value');
    container.append(
      el('p', { class: 'job-status', 'data-status': job.status },
        'Job ' + job.id + ': ', el('strong', {}, job.status),
        job.total ? ' — ' + done + ' of ' + job.total : (done ? ' — ' + done + ' processed' : '')),
      progress);
    if (job.error) container.append(el('p', { class: 'error', role: 'alert' }, 'Error: ' + job.error));
  } else {
    container.append(el('p', { class: 'job-status', 'data-status': 'succeeded' }, el('strong', {}, 'Imported')));
  }
  const counts = REPORT_COUNTS.filter(name => job[name] !== undefined && job[name] !== null);
  if (counts.length) {
    container.append(el('dl', { class: 'report-counts' },
      ...counts.flatMap(name => [el('dt', {}, name), el('dd', {}, String(job[name]))])));
  }
  for (const [name, spec] of Object.entries(REPORT_LISTS)) {
    const rows = job[name];
    if (Array.isArray(rows) && rows.length) {
      container.append(table(spec.title + ' (' + rows.length + ')', spec.columns, rows));
    }
  }
}

/** Names a category with its ancestors ("Clothes / Shirts"), for selects. */
export function categoryPaths(categories) {
  const byId = new Map(categories.map(c => [c.id, c]));
  const path = c => {
    const names = [];
    const seen = new Set();
    for (let node = c; node && !seen.has(node.id); node = byId.get(node.parentId)) {
      seen.add(node.id);
      names.unshift(node.name);
    }
    return names.join(' / ');
  };
  return categories.map(c => ({ id: c.id, parentId: c.parentId, name: c.name, path: path(c) }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
