// Building pages from data safely: elements and text nodes only (never innerHTML with data), links only
// to the shop's own origin.

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster']);

/** A same-origin path for a URL from data, or null (javascript:, data:, other hosts are refused). */
export function safeUrl(value) {
  if (value === null || value === undefined || value === '') return null;
  try {
    const url = new URL(String(value), location.origin);
    return url.origin === location.origin ? url.pathname + url.search + url.hash : null;
  } catch (e) {
    return null;
  }
}

/**
 * el('a', {href: '/product.html?id=1', class: 'link'}, 'text', childNode, [more, children])
 * Attributes: class, dataset ({key: value}), on<Event> as functions (onclick: fn), booleans (disabled:
 * true), everything else as attributes; URL attributes must be same-origin (else left out). Children:
 * strings/numbers become text nodes; null/false are skipped; arrays are flattened.
 */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class' || name === 'className') {
      node.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    } else if (name === 'dataset') {
      Object.entries(value).forEach(([key, v]) => { node.dataset[key] = v; });
    } else if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (URL_ATTRIBUTES.has(name)) {
      const url = safeUrl(value);
      if (url !== null) node.setAttribute(name, url);
    } else if (name === 'style') {
      throw new Error('no style attributes: use classes (CSP style-src)');
    } else if (value === true) {
      node.setAttribute(name, '');
    } else {
      node.setAttribute(name, String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else if (child instanceof Node) node.appendChild(child);
    else node.appendChild(document.createTextNode(String(child)));
  }
}

/** Removes every child; with more arguments, puts those in instead. */
export function clear(node, ...children) {
  while (node.firstChild) node.removeChild(node.firstChild);
  append(node, children);
  return node;
}

/**
 * A form's fields as an object: empty fields left out, numbers kept as typed text (the API parses),
 * checkboxes as booleans, several values of one name as an array.
 */
export function formData(form) {
  const result = {};
  for (const element of form.elements) {
    if (!element.name || element.disabled) continue;
    if (element.type === 'checkbox') {
      result[element.name] = element.checked;
      continue;
    }
    if (element.type === 'radio') {
      if (element.checked) result[element.name] = element.value;
      continue;
    }
    if (element.type === 'file' || element.type === 'submit' || element.type === 'button') continue;
    const value = element.value.trim();
    if (value === '') continue;
    if (element.name in result) {
      result[element.name] = [].concat(result[element.name], value);
    } else {
      result[element.name] = value;
    }
  }
  return result;
}

const MONEY = new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'RUB', minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** 1500.5 → "1 500,5 ₽" (ru-RU); '' for nothing. */
export function money(amount) {
  if (amount === null || amount === undefined || amount === '') return '';
  const number = Number(amount);
  return Number.isFinite(number) ? MONEY.format(number) : String(amount);
}

/** A date-time from the API in the reader's locale. */
export function dateTime(value) {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString('ru-RU');
}

/** The query parameter of the page's URL, or null. */
export function qs(name) {
  return new URLSearchParams(location.search).get(name);
}

/** A parameter of the page's fragment (#token=...: never sent to a server), or null. */
export function fragmentParam(name) {
  return new URLSearchParams(location.hash.replace(/^#/, '')).get(name);
}

/**
 * Shows an error in `container` (role=alert): the problem's title and detail, and each field error next
 * to its field (an element with name=field inside the form that holds the container, or the document),
 * linked with aria-describedby and marked aria-invalid. Clears earlier errors of the same form.
 */
export function showError(container, error) {
  const scope = container.closest('form') || document;
  scope.querySelectorAll('.field-error').forEach((node) => node.remove());
  scope.querySelectorAll('[aria-invalid="true"]').forEach((node) => {
    node.removeAttribute('aria-invalid');
    const describedBy = (node.getAttribute('aria-describedby') || '').split(' ').filter((id) => !id.startsWith('err-')).join(' ');
    if (describedBy) node.setAttribute('aria-describedby', describedBy); else node.removeAttribute('aria-describedby');
  });
  if (!error) {
    clear(container);
    container.hidden = true;
    return;
  }
  const title = error.title || 'Something went wrong';
  const detail = error.detail || (error.title ? '' : String(error.message || error));
  const unplaced = [];
  const fieldErrors = typeof error.fieldErrors === 'object' && Array.isArray(error.fieldErrors) ? error.fieldErrors : [];
  fieldErrors.forEach((fieldError, index) => {
    const name = String(fieldError.field || '').split('.').pop();
    const field = name ? scope.querySelector('[name="' + CSS.escape(name) + '"]') : null;
    if (!field) {
      unplaced.push(fieldError);
      return;
    }
    const id = 'err-' + name + '-' + index;
    const message = el('p', { class: 'field-error', id }, fieldError.message);
    field.insertAdjacentElement('afterend', message);
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', ((field.getAttribute('aria-describedby') || '') + ' ' + id).trim());
  });
  container.setAttribute('role', 'alert');
  container.hidden = false;
  clear(container,
    el('p', { class: 'error-title' }, title),
    detail ? el('p', null, detail) : null,
    unplaced.length ? el('ul', null, unplaced.map((e) => el('li', null, (e.field ? e.field + ': ' : '') + e.message))) : null);
}

/** Says something to screen readers and sighted users in the page's status region (layout.js adds it). */
export function announce(message) {
  const region = document.getElementById('status');
  if (!region) return;
  clear(region, message);
}
