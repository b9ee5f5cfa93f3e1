// The analytics dashboard: staff sign in (token kept in sessionStorage only), then every report is
// drawn as an SVG chart. No library and nothing loaded from elsewhere. <body data-rendered="n"> tells
// how many charts hold data (the browser test reads it).
'use strict';

const TOKEN_KEY = 'shop.analytics.token';
const SVG = 'http://www.w3.org/2000/svg';
const DEFAULT_CATEGORIES = {
  'category-interest': 'fresh_fish', 'category-time-of-day': 'frozen_fish', 'bought-together': 'semi_manufactures'
};

// A token handed over in the fragment (#token=…, never sent to a server) is taken and removed from the
// address bar: automation such as the browser test signs in this way.
(function takeTokenFromFragment() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
})();

const $ = (selector, root = document) => root.querySelector(selector);

function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

function showSignIn(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  $('#dashboard').hidden = true;
  $('#sign-out').hidden = true;
  $('#who').textContent = '';
  $('#sign-in').hidden = false;
  $('#sign-in-error').textContent = message || '';
}

function showDashboard() {
  $('#sign-in').hidden = true;
  $('#dashboard').hidden = false;
  $('#sign-out').hidden = false;
  try {
    const claims = JSON.parse(atob(token().split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    $('#who').textContent = claims.upn || claims.preferred_username || claims.sub || '';
  } catch (e) {
    $('#who').textContent = '';
  }
  load();
}

async function problemText(response) {
  try {
    const problem = await response.json();
    return problem.detail || problem.title || response.statusText;
  } catch (e) {
    return response.status + ' ' + response.statusText;
  }
}

class SignedOut extends Error {}

async function api(path, params) {
  const query = new URLSearchParams(Object.entries(params || {}).filter(([, v]) => v !== '' && v != null));
  const response = await fetch(path + (query.toString() ? '?' + query : ''), {
    headers: { Authorization: 'Bearer ' + token(), Accept: 'application/json' }
  });
  if (response.status === 401 || response.status === 403) {
    throw new SignedOut(response.status === 403 ? 'This account may not see analytics (staff only)' : 'Please sign in again');
  }
  if (!response.ok) {
    throw new Error(await problemText(response));
  }
  return response.json();
}

function el(name, attributes, text) {
  const node = document.createElementNS(SVG, name);
  Object.entries(attributes || {}).forEach(([k, v]) => node.setAttribute(k, v));
  if (text != null) node.textContent = text;
  return node;
}

function empty(container, text) {
  container.replaceChildren();
  const p = document.createElement('p');
  p.className = 'empty';
  p.textContent = text || 'No data in this range';
  container.append(p);
  return false;
}

/** Horizontal bars, one per row: label, bar, value. */
function hbars(container, rows, format = String) {
  if (!rows.length || rows.every(r => !r.value)) return empty(container);
  const rowHeight = 22, labelWidth = 150, width = 520, valueWidth = 70;
  const max = Math.max(...rows.map(r => Number(r.value)));
  const svg = el('svg', { viewBox: `0 0 ${width} ${rows.length * rowHeight + 4}`, role: 'img' });
  rows.forEach((r, i) => {
    const y = i * rowHeight + 2;
    const w = max > 0 ? (width - labelWidth - valueWidth) * Number(r.value) / max : 0;
    svg.append(el('text', { x: labelWidth - 6, y: y + 15, 'text-anchor': 'end' }, String(r.label).slice(0, 24)));
    svg.append(el('rect', { class: i === 0 ? 'bar top' : 'bar', x: labelWidth, y, width: Math.max(w, 1), height: rowHeight - 6 }));
    svg.append(el('text', { x: labelWidth + w + 4, y: y + 15 }, format(r.value)));
  });
  container.replaceChildren(svg);
  return true;
}

/** Vertical bars over an ordered axis (hours, days). */
function vbars(container, rows, format = String) {
  if (!rows.length || rows.every(r => !Number(r.value))) return empty(container);
  const width = 520, height = 200, bottom = 40, top = 16;
  const max = Math.max(...rows.map(r => Number(r.value)));
  const step = width / Math.max(rows.length, 12); // a few days: narrow bars, not one wide block
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img' });
  rows.forEach((r, i) => {
    const h = max > 0 ? (height - bottom - top) * Number(r.value) / max : 0;
    const x = i * step;
    const bar = el('rect', { class: 'bar', x: x + 1, y: height - bottom - h, width: Math.max(step - 2, 1), height: h });
    bar.append(el('title', {}, r.label + ': ' + format(r.value)));
    svg.append(bar);
    if (rows.length <= 31 || i % Math.ceil(rows.length / 24) === 0) {
      svg.append(el('text', { x: x + step / 2, y: height - bottom + 14, 'text-anchor': 'middle' }, r.short || r.label));
    }
  });
  svg.append(el('text', { x: 2, y: 11 }, 'max ' + format(max)));
  container.replaceChildren(svg);
  return true;
}

function percent(rate) {
  return rate == null ? '—' : (Number(rate) * 100).toFixed(1) + ' %';
}

function numbers(container, items) {
  container.replaceChildren(...items.map(([label, value]) => {
    const div = document.createElement('div');
    const big = document.createElement('div');
    big.className = 'big';
    big.textContent = value;
    div.append(big, document.createTextNode(label));
    return div;
  }));
  return items.some(([, value]) => value !== '0' && value !== '—');
}

function chart(name) {
  return $(`[data-report="${name}"] .chart`);
}

function hourLabel(iso) {
  return iso.replace('T', ' ').replace(/:00(\.0+)?Z$/, ' UTC');
}

async function load() {
  const form = $('#filters');
  const range = { from: form.from.value, to: form.to.value };
  const common = { ...range, source: form.source.value };
  const category = form.category.value.trim();
  document.querySelectorAll('.category').forEach((span, i) => {
    const report = span.closest('[data-report]').dataset.report;
    span.textContent = category || DEFAULT_CATEGORIES[report];
  });
  $('#report-error').textContent = '';
  document.body.dataset.rendered = '0';
  const base = '/api/analytics/reports/';
  const draws = [
    api(base + 'visits-by-country', { ...common, limit: 15 })
      .then(r => hbars(chart('visits-by-country'), r.items.map(i => ({ label: i.country, value: i.requests })))),
    api(base + 'category-interest', { ...common, category, limit: 15 })
      .then(r => hbars(chart('category-interest'), r.items.map(i => ({ label: i.country, value: i.views })))),
    api(base + 'category-time-of-day', { ...common, category })
      .then(r => vbars(chart('category-time-of-day'), r.hours.map(h => ({ label: h.hour + ':00', short: String(h.hour), value: h.views })))),
    api(base + 'busiest-hours', { ...common, limit: 10 })
      .then(r => hbars(chart('busiest-hours'), r.items.map(i => ({ label: hourLabel(i.hour), value: i.requests })))),
    api(base + 'bought-together', { ...common, category, limit: 15 })
      .then(r => {
        const list = $('#categories');
        const known = new Set([...list.options].map(o => o.value));
        [r.category, ...r.items.map(i => i.category)].filter(c => !known.has(c)).forEach(c => list.append(new Option(c, c)));
        return hbars(chart('bought-together'), r.items.map(i => ({ label: i.category, value: i.carts })));
      }),
    Promise.all([api(base + 'unpaid-carts', common), api(base + 'repeat-customers', common)])
      .then(([unpaid, repeat]) => numbers(chart('carts'), [
        ['unpaid carts', String(unpaid.unpaidCarts)], ['customers with more than one paid cart', String(repeat.customers)]])),
    api(base + 'sales/daily', range)
      .then(r => vbars(chart('sales-daily'), r.days.map(d => ({ label: d.day, short: d.day.slice(5), value: d.revenue })),
        v => Number(v).toFixed(2))),
    api(base + 'sales/top-products', { ...range, limit: 10 })
      .then(r => hbars(chart('sales-top-products'), r.items.map(p => ({ label: p.productName || ('#' + p.productId), value: p.revenue })),
        v => Number(v).toFixed(2))),
    api(base + 'sales/conversion', range)
      .then(r => numbers(chart('sales-conversion'), [['carts filled', String(r.carts)], ['orders placed', String(r.placed)],
        ['paid', String(r.paid)], ['cart → paid', percent(r.rate)], ['placed → paid', percent(r.placedToPaid)]]))
  ];
  const results = await Promise.allSettled(draws);
  const signedOut = results.find(r => r.status === 'rejected' && r.reason instanceof SignedOut);
  if (signedOut) {
    showSignIn(signedOut.reason.message);
    return;
  }
  const failed = results.find(r => r.status === 'rejected');
  if (failed) {
    $('#report-error').textContent = failed.reason.message;
  }
  document.body.dataset.rendered = String(results.filter(r => r.status === 'fulfilled' && r.value === true).length);
  document.body.dataset.loaded = 'true';
}

async function signIn(event) {
  event.preventDefault();
  const form = event.target;
  $('#sign-in-error').textContent = '';
  try {
    const response = await fetch('/api/auth/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ login: form.login.value.trim(), password: form.password.value })
    });
    if (!response.ok) {
      $('#sign-in-error').textContent = await problemText(response);
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, (await response.json()).accessToken);
    form.password.value = '';
    showDashboard();
  } catch (e) {
    $('#sign-in-error').textContent = 'Cannot reach the sign-in service: ' + e.message;
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('#sign-in').addEventListener('submit', signIn);
  $('#sign-out').addEventListener('click', () => showSignIn());
  $('#filters').addEventListener('submit', event => {
    event.preventDefault();
    load();
  });
  if (token()) showDashboard(); else showSignIn();
});
