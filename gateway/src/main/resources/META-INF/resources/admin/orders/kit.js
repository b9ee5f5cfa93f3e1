// What the console's order, customer and staff-user pages share (helper "console-orders"): status badges
// and the rule for the statuses staff may set, paging links, query-string filters and tables. Everything
// is built with dom.js's el(), so data from the API is only ever text.
import { el } from '/assets/js/dom.js';

/** A status badge: the status's name (or code) with a class per code for its colour. */
export function statusBadge(code, statusNames) {
  const name = (statusNames && statusNames.get(code)) || code;
  return el('span', { class: 'status-badge status-' + cssToken(code) }, name);
}

/** The order statuses by code (GET /api/order-statuses: public, with `next` for each). */
export async function loadStatuses(api) {
  const page = await api('/api/order-statuses');
  const byCode = new Map();
  for (const status of page.items) byCode.set(status.code, status);
  return byCode;
}

export function statusNames(statuses) {
  const names = new Map();
  for (const [code, status] of statuses) names.set(code, status.name);
  return names;
}

/**
 * The statuses staff may move an order to, by the order-service rules (docs/orders.md "Statuses"):
 * the current status's `next`, without the stock saga's own (new, confirmed, rejected), and for a card
 * order that is confirmed but not paid yet only `paid` or `cancelled` (it could not be paid later).
 * The server checks again; this only keeps the console from offering what it would refuse.
 */
export function allowedNextStatuses(order, statuses) {
  const current = statuses.get(order.status);
  if (!current) return [];
  const sagaOnly = new Set(['new', 'confirmed', 'rejected']);
  const waitingForCard = order.paymentMethod === 'card' && !order.paidAt && order.status !== 'new';
  // in the dictionary's order (by position), not the order `next` happens to list them in
  return [...statuses.values()].filter((status) => current.next.includes(status.code))
    .filter((status) => !sagaOnly.has(status.code))
    .filter((status) => !waitingForCard || status.code === 'paid' || status.code === 'cancelled');
}

/**
 * Paging links ("Previous", "Next", "21–40 of 57") that keep the page's other query parameters: plain
 * links, so the browser's back button and a bookmarked page work.
 */
export function pager(total, limit, offset) {
  const nav = el('nav', { class: 'pager', 'aria-label': 'Pages' });
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  nav.append(el('span', { class: 'pager-range' }, first + '–' + last + ' of ' + total));
  if (offset > 0) nav.append(el('a', { href: withQuery({ offset: Math.max(0, offset - limit) }), rel: 'prev' }, 'Previous'));
  if (offset + limit < total) nav.append(el('a', { href: withQuery({ offset: offset + limit }), rel: 'next' }, 'Next'));
  return nav;
}

/** This page's URL with some query parameters replaced (null/'' removes one). */
export function withQuery(changes) {
  const params = new URLSearchParams(location.search);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === '' || value === 0) params.delete(name);
    else params.set(name, String(value));
  }
  const query = params.toString();
  return location.pathname + (query ? '?' + query : '');
}

/** The query parameters that are set (blank form fields are left out). */
export function queryParams(names) {
  const params = new URLSearchParams(location.search);
  const result = {};
  for (const name of names) {
    const value = (params.get(name) || '').trim();
    if (value) result[name] = value;
  }
  return result;
}

/** Fills a GET form's fields from the query, so the filters shown are the ones applied. */
export function fillForm(form, values) {
  for (const [name, value] of Object.entries(values)) {
    const field = form.elements.namedItem(name);
    if (field && 'value' in field) field.value = value;
  }
}

/** A data table with column headers (scope=col) in a wrapper that scrolls sideways on a phone. */
export function table(headers, rows, caption) {
  const head = el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h))));
  const body = el('tbody', {}, ...rows);
  const t = el('table', { class: 'data-table' });
  if (caption) t.append(el('caption', {}, caption));
  t.append(head, body);
  return el('div', { class: 'table-scroll' }, t);
}

export function cell(...content) {
  return el('td', {}, ...content);
}

/** A link to a console page with an id in the query (never a URL from data). */
export function pageLink(path, id, text) {
  return el('a', { href: path + '?id=' + encodeURIComponent(String(id)) }, text);
}

function cssToken(code) {
  return String(code).toLowerCase().replace(/[^a-z0-9_-]/g, '-');
}
