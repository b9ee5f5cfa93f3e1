// The category tree: create, rename, move (under another category or to the top), delete (only empty ones).
import { api } from '/assets/js/api.js';
import { el, clear, showError, announce } from '/assets/js/dom.js';
import { startConsolePage, CATALOG_STAFF } from '/assets/js/admin-nav.js';
import { readAll, select, field, button, categoryPaths, errorsOf } from './catalog.js';

const content = document.getElementById('content');
let categories = [];

function parentOptions(except) {
  // a category cannot move under itself or below itself: those are left out (the API refuses them too, 409)
  const excluded = new Set();
  if (except) {
    excluded.add(except.id);
    let grew = true;
    while (grew) {
      grew = false;
      for (const c of categories) {
        if (c.parentId !== null && excluded.has(c.parentId) && !excluded.has(c.id)) {
          excluded.add(c.id);
          grew = true;
        }
      }
    }
  }
  return [{ value: '', label: '— top level —' },
    ...categoryPaths(categories).filter(c => !excluded.has(c.id)).map(c => ({ value: c.id, label: c.path }))];
}

function createForm() {
  const name = el('input', { name: 'name', required: '', maxlength: '200', autocomplete: 'off' });
  const parent = select({ name: 'parentId' }, parentOptions(null), '');
  const errors = el('div', { class: 'form-errors' });
  const form = el('form', { class: 'card', id: 'category-create', novalidate: '' },
    el('h2', {}, 'New category'),
    field('Name', name), field('Parent', parent), errors,
    el('button', { type: 'submit' }, 'Create category'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clear(errors);
    try {
      const created = await api('/api/catalog/categories', { method: 'POST',
        body: { name: name.value.trim(), parentId: parent.value ? Number(parent.value) : null } });
      announce('Category "' + created.name + '" created.');
      await load();
    } catch (e) {
      showError(errorsOf(form), e);
    }
  });
  return form;
}

function editForm(category, item) {
  const name = el('input', { name: 'name', required: '', maxlength: '200', value: category.name });
  const parent = select({ name: 'parentId' }, parentOptions(category), category.parentId ?? '');
  const form = el('form', { class: 'inline-form', novalidate: '' },
    field('Name of ' + category.name, name), field('Parent of ' + category.name, parent),
    el('button', { type: 'submit' }, 'Save'),
    button('Cancel', () => { form.remove(); }, { class: 'secondary' }));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = {};
    if (name.value.trim() !== category.name) body.name = name.value.trim();
    const parentId = parent.value ? Number(parent.value) : null;
    if (parentId !== category.parentId) body.parentId = parentId;
    try {
      await api('/api/catalog/categories/' + category.id, { method: 'PATCH', body });
      announce('Category "' + (body.name || category.name) + '" saved.');
      await load();
    } catch (e) {
      showError(errorsOf(form), e);
    }
  });
  item.append(form);
  name.focus();
}

async function remove(category) {
  if (!confirm('Delete the category "' + category.name + '"?')) return;
  try {
    await api('/api/catalog/categories/' + category.id, { method: 'DELETE' });
    announce('Category "' + category.name + '" deleted.');
    await load();
  } catch (e) {
    showError(document.getElementById('tree-errors'), e);
  }
}

function branch(parentId) {
  const children = categories.filter(c => (c.parentId ?? null) === parentId)
    .sort((a, b) => a.name.localeCompare(b.name));
  if (children.length === 0) return null;
  return el('ul', { class: 'tree' }, ...children.map(category => {
    const item = el('li', { 'data-category-id': String(category.id) });
    const row = el('div', { class: 'tree-row' },
      el('span', { class: 'tree-name' }, category.name),
      button('Edit', () => {
        item.querySelector(':scope > .inline-form')?.remove();
        editForm(category, item);
      }, { class: 'secondary', 'aria-label': 'Edit ' + category.name }),
      button('Delete', () => remove(category), { class: 'danger', 'aria-label': 'Delete ' + category.name }));
    item.append(row);
    const sub = branch(category.id);
    if (sub) item.append(sub);
    return item;
  }));
}

async function load() {
  categories = await readAll('/api/catalog/categories');
  // a parent that no longer exists shows its children at the top level rather than losing them
  const ids = new Set(categories.map(c => c.id));
  categories.forEach(c => { if (c.parentId !== null && !ids.has(c.parentId)) c.parentId = null; });
  clear(content);
  const tree = branch(null) || el('p', {}, 'No categories yet.');
  content.append(createForm(),
    el('section', { 'aria-labelledby': 'tree-title' },
      el('h2', { id: 'tree-title' }, 'Tree (' + categories.length + ')'),
      el('div', { id: 'tree-errors', class: 'form-errors' }), tree));
}

(async () => {
  if (!await startConsolePage(CATALOG_STAFF)) return;
  try {
    await load();
  } catch (e) {
    showError(content, e);
  }
})();
