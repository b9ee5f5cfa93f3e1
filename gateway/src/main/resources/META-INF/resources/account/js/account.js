// Shared by the account pages (/account/*.html): who is signed in, the status line, fragment parameters.
// Everything goes through the shared modules (api.js, dom.js, session.js, layout.js); nothing here keeps a token.
import { currentUser } from '/assets/js/session.js';
import { el, clear, showError } from '/assets/js/dom.js';

/** The page's status line (an aria-live region in every account page). */
export function status(text, kind = 'info') {
  const box = document.getElementById('status');
  if (!box) return;
  clear(box);
  box.className = 'status status-' + kind;
  if (text) box.append(text);
}

/** Shows an API error: next to the form's fields when there is a form, else in the status line. */
export function failed(error, form) {
  if (form) {
    showError(form, error);
  } else {
    status(error && (error.detail || error.title) ? (error.detail || error.title) : 'Something went wrong', 'error');
  }
}

/**
 * The signed-in customer, or a redirect to the sign-in page that comes back here afterwards.
 * Staff accounts have no customer pages: they are told so (and where their console is).
 */
export async function requireCustomer() {
  const user = await currentUser();
  if (!user) {
    location.assign('/account/sign-in.html?next=' + encodeURIComponent(location.pathname + location.search));
    return new Promise(() => {}); // the page is being left
  }
  if (!(user.roles || []).includes('customer')) {
    const main = document.getElementById('main');
    clear(main);
    main.append(el('h1', {}, 'Customer account'),
      el('p', {}, 'You are signed in with a staff account; customer pages are for shoppers. '),
      el('p', {}, el('a', { href: '/admin/index.html' }, 'Go to the staff console')));
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
    return url.origin === location.origin ? url.pathname + url.search + url.hash : fallback;
  } catch (e) {
    return fallback;
  }
}

/** Disables a form's submit button while a request runs, so a double click sends one request. */
export async function submitting(form, work) {
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

/** A URL from data used only when it stays on this site (else null). */
export function sameOrigin(url) {
  try {
    return url && new URL(url, location.origin).origin === location.origin ? url : null;
  } catch (e) {
    return null;
  }
}
