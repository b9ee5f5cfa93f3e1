// Factories and their production lines: a line delivers units to a variant's stock at an interval while
// active. Create, rename, delete factories (only without lines); add, change, pause/resume, delete lines;
// each line's delivery log.
import { api } from '/assets/js/api.js';
import { el, clear, showError, announce } from '/assets/js/dom.js';
import { startConsolePage, CATALOG_STAFF } from '/assets/js/admin-nav.js';
import { readAll, field, button, checkbox, table, errorsOf } from './catalog.js';

const content = document.getElementById('content');
const numberOrNull = value => value.trim() === '' ? null : Number(value.trim());

function factoryForm(factory, onDone) {
  const name = el('input', { name: 'name', maxlength: '200', value: factory ? factory.name : '' });
  const form = el('form', { class: factory ? 'inline-form' : 'card', novalidate: '' },
    factory ? '' : el('h2', {}, 'New factory'), field(factory ? 'Name of ' + factory.name : 'Name', name),
    el('div', { class: 'form-errors' }), el('button', { type: 'submit' }, factory ? 'Rename' : 'Create factory'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      await api(factory ? '/api/catalog/factories/' + factory.id : '/api/catalog/factories',
        { method: factory ? 'PATCH' : 'POST', body: { name: name.value.trim() } });
      announce(factory ? 'Factory renamed.' : 'Factory created.');
      await onDone();
    } catch (e) {
      showError(errorsOf(form), e);
    }
  });
  return form;
}

function lineForm(factory, line, onDone) {
  const variant = el('input', { name: 'variantId', inputmode: 'numeric', value: line ? String(line.variantId) : '' });
  const units = el('input', { name: 'unitsPerDelivery', inputmode: 'numeric', value: line ? String(line.unitsPerDelivery) : '' });
  const interval = el('input', { name: 'intervalSeconds', inputmode: 'numeric', value: line ? String(line.intervalSeconds) : '' });
  const parts = [];
  if (!line) parts.push(field('Variant id', variant));
  parts.push(field('Units per delivery', units), field('Interval, seconds', interval, 'At most a week (604800)'));
  if (!line) parts.push(checkbox('Active', 'active', true));
  const form = el('form', { class: line ? 'inline-form' : 'card', novalidate: '' },
    el('h3', {}, line ? 'Change line #' + line.id : 'New production line'), ...parts,
    el('div', { class: 'form-errors' }), el('button', { type: 'submit' }, line ? 'Save line' : 'Add line'));
  if (line) form.append(' ', button('Cancel', () => form.remove(), { class: 'secondary' }));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = { unitsPerDelivery: numberOrNull(units.value), intervalSeconds: numberOrNull(interval.value) };
    if (!line) {
      body.variantId = numberOrNull(variant.value);
      body.active = form.elements.active.checked;
    }
    try {
      await api('/api/catalog/factories/' + factory.id + '/lines' + (line ? '/' + line.id : ''),
        { method: line ? 'PATCH' : 'POST', body });
      announce(line ? 'Line saved.' : 'Line added.');
      await onDone();
    } catch (e) {
      showError(errorsOf(form), e);
    }
  });
  return form;
}

async function deliveriesOf(factory, line, holder) {
  clear(holder);
  const page = await api('/api/catalog/factories/' + factory.id + '/lines/' + line.id + '/deliveries?limit=20');
  holder.append(page.items.length
    ? table('Last deliveries of line #' + line.id + ' (' + page.total + ' in all)',
      ['dueAt', 'deliveredAt', 'units', 'onHandAfter'], page.items, ['Due', 'Delivered', 'Units', 'On hand after'])
    : el('p', {}, 'Line #' + line.id + ' has delivered nothing yet.'));
}

async function factorySection(factory) {
  const section = el('section', { class: 'card factory', 'data-factory-id': String(factory.id) });
  const reload = async () => section.replaceWith(await factorySection(await api('/api/catalog/factories/' + factory.id)));
  const errors = el('div', { class: 'form-errors' });
  const lines = await readAll('/api/catalog/factories/' + factory.id + '/lines');
  section.append(el('h2', {}, factory.name), errors,
    button('Rename', () => {
      section.querySelector(':scope > .inline-form')?.remove();
      errors.after(factoryForm(factory, reload));
    }, { class: 'secondary', 'aria-label': 'Rename ' + factory.name }), ' ',
    button('Delete factory', async () => {
      if (!confirm('Delete the factory "' + factory.name + '"?')) return;
      try {
        await api('/api/catalog/factories/' + factory.id, { method: 'DELETE' });
        announce('Factory deleted.');
        section.remove();
      } catch (e) {
        showError(errors, e);
      }
    }, { class: 'danger', 'aria-label': 'Delete ' + factory.name }));
  const log = el('div', { class: 'delivery-log' });
  if (lines.length) {
    section.append(el('div', { class: 'table-scroll' }, el('table', {},
      el('caption', {}, 'Production lines of ' + factory.name),
      el('thead', {}, el('tr', {}, ...['Line', 'Variant', 'Units', 'Every (s)', 'State', 'Next delivery', 'Skipped', 'Actions']
        .map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...lines.map(line => {
        const row = el('tr', {},
          el('td', {}, '#' + line.id), el('td', {}, String(line.variantId)),
          el('td', { class: 'num' }, String(line.unitsPerDelivery)), el('td', { class: 'num' }, String(line.intervalSeconds)),
          el('td', {}, line.active ? 'active' : 'paused'), el('td', {}, line.nextDeliveryAt || ''),
          el('td', { class: 'num' }, String(line.skippedDeliveries)),
          el('td', {},
            button(line.active ? 'Pause' : 'Resume', async () => {
              try {
                await api('/api/catalog/factories/' + factory.id + '/lines/' + line.id,
                  { method: 'PATCH', body: { active: !line.active } });
                announce(line.active ? 'Line paused.' : 'Line resumed.');
                await reload();
              } catch (e) {
                showError(errors, e);
              }
            }, { class: 'secondary', 'aria-label': (line.active ? 'Pause' : 'Resume') + ' line ' + line.id }), ' ',
            button('Change', () => {
              section.querySelector('.inline-form')?.remove();
              log.before(lineForm(factory, line, reload));
            }, { class: 'secondary', 'aria-label': 'Change line ' + line.id }), ' ',
            button('Deliveries', () => deliveriesOf(factory, line, log).catch(e => showError(errors, e)),
              { class: 'secondary', 'aria-label': 'Deliveries of line ' + line.id }), ' ',
            button('Delete', async () => {
              if (!confirm('Delete line #' + line.id + ' and its delivery log?')) return;
              try {
                await api('/api/catalog/factories/' + factory.id + '/lines/' + line.id, { method: 'DELETE' });
                announce('Line deleted.');
                await reload();
              } catch (e) {
                showError(errors, e);
              }
            }, { class: 'danger', 'aria-label': 'Delete line ' + line.id })));
        return row;
      })))));
  } else {
    section.append(el('p', {}, 'No production lines.'));
  }
  section.append(log, lineForm(factory, null, reload));
  return section;
}

async function load() {
  const factories = await readAll('/api/catalog/factories');
  clear(content);
  content.append(factoryForm(null, load));
  if (factories.length === 0) content.append(el('p', {}, 'No factories yet.'));
  for (const factory of factories) content.append(await factorySection(factory));
}

(async () => {
  if (!await startConsolePage(CATALOG_STAFF)) return;
  try {
    await load();
  } catch (e) {
    showError(content, e);
  }
})();
