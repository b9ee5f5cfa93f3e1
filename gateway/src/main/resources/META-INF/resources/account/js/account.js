// Shared by the account pages (/account/*.html): who is signed in, the status line, fragment parameters.
// Everything goes through the shared modules (api.js, dom.js, session.js, layout.js); nothing here keeps a token.
import { initLayout } from '/assets/js/layout.js';
import { el, clear, showError } from '/assets/js/dom.js';

/**
 * The page's message line (#status, aria-live, in the page rather than a passing toast: "confirmed",
 * "not found" must stay readable). kind: info, success or error; no text empties it.
 */
export function status(text, kind = 'info') {
  const box = document.getElementById('status');
  if (!box) return;
  clear(box);
  box.className = 'message' + (text ? (kind === 'error' ? ' error' : kind === 'success' ? ' notice success' : ' notice') : '');
  if (text) box.append(text);
}

/**
 * Shows an API error. With a form: the problem's title and detail in the form's error box (role=alert,
 * at the top of the form) and each field error next to its field (dom.js showError). Without: the
 * message line.
 */
export function failed(error, form) {
  if (form) {
    let box = form.querySelector(':scope > .form-error');
    if (!box) {
      box = el('div', { class: 'form-error error', hidden: true });
      form.prepend(box);
    }
    showError(box, error);
  } else {
    status(error && (error.detail || error.title) ? (error.detail || error.title) : String(error), 'error');
  }
}

/** Clears a form's error box and field errors (before a new attempt). */
export function clearErrors(form) {
  const box = form.querySelector(':scope > .form-error');
  if (box) showError(box, null);
}

/** The frame of the page (header with the sign-in state, footer); the signed-in user's claims or null. */
export function setUp() {
  return initLayout();
}

/**
 * The signed-in customer ({...claims, customerId}), or a redirect to the sign-in page that comes back
 * here afterwards. Staff accounts have no customer pages: they are told so and where their console is.
 */
export async function requireCustomer() {
  const user = await setUp();
  if (!user) {
    location.assign('/account/sign-in.html?next=' + encodeURIComponent(location.pathname + location.search));
    return new Promise(() => {}); // the page is being left
  }
  if (!(user.roles || []).includes('customer')) {
    clear(document.getElementById('main'),
      el('h1', null, 'Customer account'),
      el('p', null, 'You are signed in with a staff account; these pages are for shoppers.'),
      el('p', null, el('a', { href: '/admin/index.html' }, 'Go to the staff console')));
    return new Promise(() => {});
  }
  return { ...user, customerId: Number(user.subject) };
}

/**
 * Parameters of the page's fragment (#email=…&token=…): mailed links carry one-time tokens there, so
 * they are never sent to a server. The fragment is removed from the address bar once read.
 */
export function fragmentParams() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  if (location.hash) {
    history.replaceState(null, '', location.pathname + location.search);
  }
  return params;
}

/** A same-origin path to go to after signing in (never another site: an open redirect). */
export function safeNext(value, fallback = '/account/index.html') {
  if (!value) return fallback;
  try {
    const url = new URL(value, location.origin);
    // another site would be an open redirect; the sign-in page itself (its header's link) a loop
    return url.origin === location.origin && url.pathname !== '/account/sign-in.html'
      ? url.pathname + url.search + url.hash : fallback;
  } catch (e) {
    return fallback;
  }
}

/**
 * Enables the form's submit buttons: the pages ship them disabled, so that nothing can be submitted
 * natively (a GET with the fields in the address) before the script has taken the form over.
 */
export function ready(form) {
  form.querySelectorAll('button[type=submit]').forEach((button) => { button.disabled = false; });
}

/** Disables a form's submit button while a request runs, so a double click sends one request. */
export async function submitting(form, work) {
  clearErrors(form); // the errors of the previous attempt
  const button = form.querySelector('button[type=submit]');
  if (button) button.disabled = true;
  try {
    return await work();
  } finally {
    if (button) button.disabled = false;
  }
}

/** A date-time as the shopper reads it (ru-RU, local time). */
export function when(instant) {
  return instant ? new Date(instant).toLocaleString('ru-RU', { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

/** Status codes as words. */
const STATUS_NAMES = {
  new: 'Placed', confirmed: 'Confirmed', rejected: 'Rejected', paid: 'Paid',
  shipped: 'Shipped', delivered: 'Delivered', cancelled: 'Cancelled',
};
export function statusName(code) {
  return STATUS_NAMES[code] || code;
}

/** A customer may cancel its order until it is shipped (order-service says the last word). */
export function cancellable(order) {
  return !['shipped', 'delivered', 'cancelled', 'rejected'].includes(order.status) && !order.shippedAt;
}

