// /admin/customers/imports.html[?job=N]: start a customer import (CSV file or the legacy database) and
// follow the job: progress while it runs (polled each second), then its report; a running one can be stopped.
import { api } from '/assets/js/api.js';
import { el, clear, showError, qs, dateTime, announce } from '/assets/js/dom.js';
import { pager, queryParams, table, cell, withQuery } from '/admin/orders/kit.js';
import { startConsolePage, ORDER_STAFF } from '/assets/js/admin-nav.js';

const PAGE_SIZE = 10;
const POLL_MS = 1000;
const RUNNING = new Set(['queued', 'running']);
let pollTimer = null;

async function main() {
  const user = await startConsolePage(ORDER_STAFF);
  if (!user) return;
  document.getElementById('csv-form').addEventListener('submit', startCsv);
  document.getElementById('jdbc-form').addEventListener('submit', startJdbc);
  const job = qs('job');
  if (/^[1-9][0-9]*$/.test(job || '')) await follow(job);
  await listJobs();
}

async function startCsv(event) {
  event.preventDefault();
  const form = event.currentTarget; // currentTarget is gone once the handler awaits
  const file = form.elements.namedItem('file').files[0];
  const errors = document.getElementById('import-errors');
  clear(errors);
  if (!file) {
    showError(errors, { status: 400, title: 'Choose a file', detail: 'Choose the CSV file to import first.' });
    return;
  }
  await start({ method: 'POST', body: file, headers: { 'Content-Type': 'text/csv' } });
  form.reset();
}

async function startJdbc(event) {
  event.preventDefault();
  clear(document.getElementById('import-errors'));
  await start({ method: 'POST', body: { source: 'jdbc' } });
}

async function start(request) {
  try {
    const job = await api('/api/customers/imports', request);
    history.replaceState(null, '', withQuery({ job: job.id, offset: null }));
    announce('Import ' + job.id + ' started.');
    await follow(job.id);
    await listJobs();
  } catch (error) {
    showError(document.getElementById('import-errors'), error);
  }
}

/** Shows one job and asks again each second while it is queued or running. */
async function follow(id) {
  clearTimeout(pollTimer);
  try {
    const job = await api('/api/customers/imports/' + id);
    renderJob(job);
    if (RUNNING.has(job.status)) {
      pollTimer = setTimeout(() => follow(id), POLL_MS);
    } else {
      announce('Import ' + job.id + ' ' + job.status + '.');
      listJobs();
    }
  } catch (error) {
    showError(document.getElementById('import-errors'), error);
  }
}

function renderJob(job) {
  const section = document.getElementById('import-job');
  section.hidden = false;
  document.getElementById('job-title').textContent = 'Import ' + job.id + ': ' + job.status;
  const box = document.getElementById('job-details');
  clear(box);
  const total = job.total == null ? null : Number(job.total);
  const progress = el('progress', { id: 'job-progress', max: String(total || 1), value: String(total ? job.processed : 0) });
  box.append(el('div', { class: 'field' }, el('label', { for: 'job-progress' }, 'Rows done'), progress,
    el('span', {}, ' ' + job.processed + (total != null ? ' of ' + total : ''))));
  const facts = [['Source', job.source || ''], ['Started by', job.startedBy || ''], ['Queued', dateTime(job.queuedAt)],
    ['Started', dateTime(job.startedAt)], ['Finished', dateTime(job.finishedAt)],
    ['Created', String(job.created ?? 0)], ['Updated', String(job.updated ?? 0)], ['Unchanged', String(job.unchanged ?? 0)],
    ['Skipped', String(job.skipped ?? 0)]];
  if (job.attempts > 1) facts.push(['Attempts', String(job.attempts)]);
  if (job.error) facts.push(['Error', job.error]);
  box.append(el('dl', { class: 'facts' }, ...facts.flatMap(([t, v]) => [el('dt', {}, t), el('dd', {}, v)])));
  if (RUNNING.has(job.status) && !job.cancelRequested) {
    const stop = el('button', { type: 'button', class: 'danger' }, 'Stop this import');
    stop.addEventListener('click', async () => {
      try {
        await api('/api/customers/imports/' + job.id + '/cancel', { method: 'POST' });
        announce('Import ' + job.id + ' will stop before its next row.');
        follow(job.id);
      } catch (error) {
        showError(document.getElementById('import-errors'), error);
      }
    });
    box.append(stop);
  }
  for (const [list, caption] of [[job.skippedRows, 'Skipped rows'], [job.notes, 'Notes']]) {
    if (Array.isArray(list) && list.length) {
      box.append(table(['Row', 'Legacy id', 'Why'], list.map((issue) => el('tr', {},
        el('th', { scope: 'row' }, String(issue.row)), cell(issue.legacyId || ''), cell(issue.reason || ''))), caption));
    }
  }
}

async function listJobs() {
  const offset = Number(queryParams(['offset']).offset || 0);
  const box = document.getElementById('import-jobs');
  try {
    const page = await api('/api/customers/imports', { query: { limit: PAGE_SIZE, offset } });
    clear(box);
    if (page.total === 0) {
      box.append(el('p', {}, 'No imports yet.'));
      return;
    }
    box.append(table(['Import', 'Status', 'Source', 'Rows', 'Created', 'Updated', 'Skipped', 'Queued'], page.items.map((job) => el('tr', {},
      el('th', { scope: 'row' }, el('a', { href: withQuery({ job: job.id }) }, '#' + job.id)),
      cell(job.status), cell(job.source || ''), cell(job.processed + (job.total != null ? ' / ' + job.total : '')),
      cell(String(job.created ?? '')), cell(String(job.updated ?? '')), cell(String(job.skipped ?? '')),
      cell(dateTime(job.queuedAt))))), pager(page.total, PAGE_SIZE, offset));
  } catch (error) {
    showError(document.getElementById('import-errors'), error);
  }
}

main();
