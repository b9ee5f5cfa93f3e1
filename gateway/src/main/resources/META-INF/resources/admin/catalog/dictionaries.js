// The catalog's dictionaries (one REST contract for all, catalog-service DictionaryResource): list, add,
// rename, delete (an entry in use is refused with 409, shown as the API says it). Colours have a code.
import { api } from '/assets/js/api.js';
import { el, clear, showError, announce } from '/assets/js/dom.js';
import { startConsolePage, CATALOG_STAFF } from '/assets/js/admin-nav.js';
import { readAll, field, button, errorsOf } from './catalog.js';

export const DICTIONARIES = [
  { path: '/api/catalog/colors', title: 'Colours', one: 'colour', code: true },
  { path: '/api/catalog/sizes', title: 'Sizes', one: 'size' },
  { path: '/api/catalog/materials', title: 'Materials', one: 'material' },
  { path: '/api/catalog/compositions', title: 'Compositions', one: 'composition' },
  { path: '/api/catalog/care-instructions', title: 'Care instructions', one: 'care instruction' },
];

const content = document.getElementById('content');

function entryForm(dictionary, entry, onDone) {
  const name = el('input', { name: 'name', maxlength: '200', autocomplete: 'off', value: entry ? entry.name : '' });
  const parts = [field(entry ? 'Name of ' + entry.name : 'Name', name)];
  let code = null;
  if (dictionary.code) {
    code = el('input', { name: 'code', type: 'color', value: entry ? entry.code.toLowerCase() : '#000000' });
    parts.push(field(entry ? 'Colour code of ' + entry.name : 'Colour code', code));
  }
  const form = el('form', { class: entry ? 'inline-form' : 'card', novalidate: '' },
    entry ? '' : el('h3', {}, 'New ' + dictionary.one), ...parts, el('div', { class: 'form-errors' }),
    el('button', { type: 'submit' }, entry ? 'Save' : 'Add ' + dictionary.one));
  if (entry) form.append(button('Cancel', () => form.remove(), { class: 'secondary' }));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = { name: name.value.trim() };
    if (code) body.code = code.value.toUpperCase();
    try {
      await api(entry ? dictionary.path + '/' + entry.id : dictionary.path,
        { method: entry ? 'PATCH' : 'POST', body });
      announce((entry ? 'Saved ' : 'Added ') + dictionary.one + ' "' + body.name + '".');
      await onDone();
    } catch (e) {
      showError(errorsOf(form), e);
    }
  });
  return form;
}

async function section(dictionary) {
  const node = el('section', { class: 'dictionary', 'aria-labelledby': 'dict-' + dictionary.one.replace(/ /g, '-') });
  const reload = async () => node.replaceWith(await section(dictionary));
  const entries = await readAll(dictionary.path);
  const errors = el('div', { class: 'form-errors' });
  const list = el('ul', { class: 'entries' }, ...entries.map(entry => {
    const item = el('li', {},
      dictionary.code ? el('span', { class: 'swatch swatch-' + entry.id, 'aria-hidden': 'true' }) : '',
      el('span', { class: 'entry-name' }, entry.name),
      dictionary.code ? el('span', { class: 'hint' }, ' ' + entry.code) : '',
      button('Edit', () => {
        item.querySelector('.inline-form')?.remove();
        item.append(entryForm(dictionary, entry, reload));
      }, { class: 'secondary', 'aria-label': 'Edit ' + entry.name }),
      button('Delete', async () => {
        if (!confirm('Delete the ' + dictionary.one + ' "' + entry.name + '"?')) return;
        try {
          await api(dictionary.path + '/' + entry.id, { method: 'DELETE' });
          announce('Deleted ' + dictionary.one + ' "' + entry.name + '".');
          await reload();
        } catch (e) {
          showError(errors, e);
        }
      }, { class: 'danger', 'aria-label': 'Delete ' + entry.name }));
    return item;
  }));
  if (dictionary.code) paintSwatches(node, entries);
  node.append(el('h2', { id: 'dict-' + dictionary.one.replace(/ /g, '-') }, dictionary.title + ' (' + entries.length + ')'),
    errors, entries.length ? list : el('p', {}, 'None yet.'), entryForm(dictionary, null, reload));
  return node;
}

/**
 * Colour swatches: the CSP allows no inline styles from markup, so each swatch gets its colour through
 * the CSSOM (a style sheet built here), never a style attribute.
 */
function paintSwatches(node, entries) {
  const sheet = new CSSStyleSheet();
  for (const entry of entries) {
    if (/^#[0-9A-Fa-f]{6}$/.test(entry.code)) sheet.insertRule('.swatch-' + entry.id + ' { background: ' + entry.code + '; }');
  }
  document.adoptedStyleSheets = [...document.adoptedStyleSheets.filter(s => s !== paintSwatches.sheet), sheet];
  paintSwatches.sheet = sheet;
}

(async () => {
  if (!await startConsolePage(CATALOG_STAFF)) return;
  try {
    for (const dictionary of DICTIONARIES) content.append(await section(dictionary));
  } catch (e) {
    showError(content, e);
  }
})();
