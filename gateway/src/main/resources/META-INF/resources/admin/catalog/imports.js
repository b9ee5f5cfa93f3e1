// Supplier price lists (YAML; a file or a URL) and 1C reports (.xlsx stock or weights). Small price lists
// answer at once with their summary; large ones and every 1C report run as a job, followed here by polling
// the job endpoint until it ends, then its report is shown. The job in progress is kept in the address
// (?job=…&kind=…), so a reload follows it again.
import { api, apiResponse } from '/assets/js/api.js';
import { el, clear, showError, qs, announce } from '/assets/js/dom.js';
import { startConsolePage, CATALOG_EDITORS } from '/assets/js/admin-nav.js';
import { readAll, select, field, button, withQuery, catalogRights, ownSupplierId, followJob,
  renderJob, FINISHED, errorsOf } from './catalog.js';

const content = document.getElementById('content');
let rights;
let suppliers = [];

/** Where each kind of job is polled and cancelled. */
const JOB_PATHS = {
  'price-list': (jobId, supplierId) => '/api/catalog/suppliers/' + supplierId + '/price-list-imports/' + jobId,
  stock: jobId => '/api/catalog/stock/imports/' + jobId,
  weights: jobId => '/api/catalog/weights/imports/' + jobId,
};

/** Follows a job in `output`, with a cancel button while it runs; keeps it in the address for a reload. */
async function follow(output, kind, jobId, supplierId) {
  const path = JOB_PATHS[kind](jobId, supplierId);
  history.replaceState(null, '', withQuery(location.pathname, { job: jobId, kind, supplier: supplierId }));
  const cancel = button('Cancel the job', async () => {
    try {
      await api(path + '/cancel', { method: 'POST' });
      announce('Cancellation asked: the job stops before its next step.');
    } catch (e) {
      showError(output, e);
    }
  }, { class: 'secondary' });
  const report = el('div', { class: 'job', 'aria-live': 'polite' });
  clear(output);
  output.append(report, cancel);
  try {
    const job = await followJob(path, current => {
      renderJob(report, current);
      cancel.hidden = FINISHED.includes(current.status);
    });
    announce('Job ' + job.id + ' ' + job.status + '.');
  } catch (e) {
    showError(output, e);
  }
}

function supplierChooser() {
  if (rights.staff) {
    return select({ name: 'supplierId' }, suppliers.map(s => ({ value: s.id, label: s.name + (s.active === false ? ' (inactive)' : '') })),
      qs('supplier') || (suppliers[0] && suppliers[0].id));
  }
  return null;
}

function priceListSection(ownSupplier) {
  const chooser = supplierChooser();
  const supplierOf = () => chooser ? Number(chooser.value) : ownSupplier;
  const output = el('div', { class: 'import-output', id: 'price-list-output' });
  const file = el('input', { name: 'file', type: 'file', accept: '.yaml,.yml,application/yaml,text/yaml,text/plain' });
  const url = el('input', { name: 'url', type: 'url', placeholder: 'https://supplier.example/price-list.yaml' });
  const fileForm = el('form', { class: 'card', id: 'price-list-upload', novalidate: '' },
    el('h3', {}, 'Upload a price list'), field('Price list (YAML)', file), el('div', { class: 'form-errors' }),
    el('button', { type: 'submit' }, 'Upload price list'));
  const urlForm = el('form', { class: 'card', id: 'price-list-url', novalidate: '' },
    el('h3', {}, 'Import a price list from the supplier\'s site'), field('Address (http or https)', url),
    el('div', { class: 'form-errors' }), el('button', { type: 'submit' }, 'Fetch and import'));
  const answered = async (form, send) => {
    clear(output);
    try {
      const supplierId = supplierOf();
      const response = await send(supplierId);
      const body = await response.json();
      if (response.status === 202) {
        await follow(output, 'price-list', body.id, supplierId);
      } else {
        renderJob(output, body);
        announce('Price list imported: ' + body.offers + ' offers.');
      }
    } catch (e) {
      showError(errorsOf(form), e);
    }
  };
  fileForm.addEventListener('submit', event => {
    event.preventDefault();
    const data = new FormData();
    if (file.files[0]) data.append('file', file.files[0]);
    answered(fileForm, supplierId => apiResponse('/api/catalog/suppliers/' + supplierId + '/price-lists',
      { method: 'POST', body: data }));
  });
  urlForm.addEventListener('submit', event => {
    event.preventDefault();
    answered(urlForm, supplierId => apiResponse('/api/catalog/suppliers/' + supplierId + '/price-lists/from-url',
      { method: 'POST', body: { url: url.value.trim() } }));
  });
  const download = button('Download the current price list', async () => {
    try {
      const supplierId = supplierOf();
      const response = await apiResponse('/api/catalog/suppliers/' + supplierId + '/price-list',
        { headers: { Accept: 'application/yaml' } });
      const link = el('a', { download: 'price-list-' + supplierId + '.yaml' }, 'price-list-' + supplierId + '.yaml');
      // set here, not through el(): dom.js keeps only same-origin paths, and a blob: URL is not one
      link.setAttribute('href', URL.createObjectURL(await response.blob()));
      clear(output);
      output.append(el('p', {}, 'Ready: ', link));
      link.focus();
    } catch (e) {
      showError(output, e);
    }
  }, { class: 'secondary' });
  const section = el('section', { 'aria-labelledby': 'price-lists-title' },
    el('h2', { id: 'price-lists-title' }, 'Supplier price lists'),
    el('p', { class: 'hint' }, 'A list is checked whole first: every problem is listed with its line and nothing changes. '
      + 'Offers missing from a new list are hidden, not deleted.'));
  if (chooser) section.append(field('Supplier', chooser));
  section.append(fileForm, urlForm, download, output);
  return { section, output };
}

function oneCSection() {
  const kind = select({ name: 'kind' }, [{ value: 'stock', label: 'Stock (sets on-hand by 1C code)' },
    { value: 'weights', label: 'Weights (by article)' }], 'stock');
  const mode = select({ name: 'mode' }, [{ value: 'partial', label: 'Partial: only what the report names' },
    { value: 'snapshot', label: 'Snapshot: what the report does not name is set to 0' }], 'partial');
  const file = el('input', { name: 'file', type: 'file', accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const output = el('div', { class: 'import-output', id: 'onec-output' });
  const form = el('form', { class: 'card', id: 'onec-upload', novalidate: '' },
    el('h3', {}, 'Upload a 1C report'), field('Report', kind), field('Mode', mode), field('Report file (.xlsx)', file),
    el('div', { class: 'form-errors' }), el('button', { type: 'submit' }, 'Upload report'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clear(output);
    const data = new FormData();
    if (file.files[0]) data.append('file', file.files[0]);
    const base = kind.value === 'stock' ? '/api/catalog/stock/imports' : '/api/catalog/weights/imports';
    try {
      const job = await api(withQuery(base, { mode: mode.value }), { method: 'POST', body: data });
      await follow(output, kind.value, job.id);
    } catch (e) {
      showError(errorsOf(form), e);
    }
  });
  const section = el('section', { 'aria-labelledby': 'onec-title' },
    el('h2', { id: 'onec-title' }, '1C reports'),
    el('p', { class: 'hint' }, 'Reservations win: stock never drops below what orders have reserved. '
      + 'Rows that cannot be applied are listed in the job\'s report.'),
    form, output);
  return { section, output };
}

(async () => {
  const user = await startConsolePage(CATALOG_EDITORS);
  if (!user) return;
  rights = catalogRights(user);
  try {
    let ownSupplier = null;
    if (rights.supplier) ownSupplier = await ownSupplierId(user);
    if (rights.staff) suppliers = await readAll('/api/catalog/suppliers');
    clear(content);
    const priceLists = priceListSection(ownSupplier);
    if (rights.staff && suppliers.length === 0) {
      content.append(el('p', { class: 'notice' }, 'No suppliers yet: price lists are uploaded for a supplier.'));
    } else {
      content.append(priceLists.section);
    }
    let onec = null;
    if (rights.onec) {
      onec = oneCSection();
      content.append(onec.section);
    }
    // a job followed before a reload
    const jobId = Number(qs('job'));
    const kind = qs('kind');
    if (jobId > 0 && JOB_PATHS[kind]) {
      if (kind === 'price-list') await follow(priceLists.output, kind, jobId, Number(qs('supplier')) || ownSupplier);
      else if (onec) await follow(onec.output, kind, jobId);
    }
  } catch (e) {
    showError(content, e);
  }
})();
