// Who is signed in, through the gateway's web session (/web/session): the page sees the claims
// ({subject, name, roles, expiresAt}), never a token.
import { api, ApiError, cartToken, setCartToken, refreshSession, rememberSession, sessionExpiresAt } from './api.js';

export const STAFF_ROLES = ['admin', 'manager'];

let current; // a Promise of the claims or null, once asked

function changed(claims) {
  current = Promise.resolve(claims);
  rememberSession(claims);
  window.dispatchEvent(new CustomEvent('shop:session', { detail: claims }));
  return claims;
}

/**
 * The signed-in user's claims, or null (asked once per page; refreshed by the gateway when needed).
 * A browser that never signed in (no session hint in localStorage) is not asked about: guests make no
 * call for it.
 */
export function currentUser() {
  if (!current) {
    current = sessionExpiresAt() ? refreshSession().catch(() => null) : Promise.resolve(null);
  }
  return current;
}

/** Signs in with {login|email|phone, password}; rejects with ApiError (401 wrong credentials, 429). */
export async function signIn(credentials) {
  const response = await fetch('/web/session', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'X-Shop-Web': '1', Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch (e) { problem = null; }
    throw new ApiError(response.status, problem, response.statusText);
  }
  return changed(await response.json());
}

/**
 * What the storefront does right after a customer signed in: the guest cart of this browser becomes
 * part of the customer's cart (POST /api/cart/merge), and the guest token is forgotten. Staff and
 * other roles have no cart: the token is kept for when a guest uses the browser again.
 * Never rejects: a failed merge must not fail the sign-in (the guest cart stays, the error is returned).
 */
export async function afterSignIn(claims) {
  const user = claims || await currentUser();
  const token = cartToken();
  if (!user || !token || !(user.roles || []).includes('customer')) return null;
  try {
    await api('/api/cart/merge', { method: 'POST', body: { token }, headers: { 'X-Cart-Token': null } });
    setCartToken(null);
    window.dispatchEvent(new CustomEvent('shop:cart'));
    return null;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
      setCartToken(null); // the guest cart is gone (expired) or was never one: nothing to merge
      return null;
    }
    return error;
  }
}

/** Ends the session (the gateway logs the refresh token out and clears the cookies). */
export async function signOut() {
  await fetch('/web/session', {
    method: 'DELETE',
    credentials: 'same-origin',
    headers: { 'X-Shop-Web': '1' },
  }).catch(() => null);
  changed(null);
}

/** Whether the signed-in user has this role (JWT groups: admin, manager, customer, supplier, bot). */
export async function hasRole(role) {
  const user = await currentUser();
  return !!user && (user.roles || []).includes(role);
}

/** Whether the signed-in user is staff (admin or manager). */
export async function isStaff() {
  const user = await currentUser();
  return !!user && (user.roles || []).some((role) => STAFF_ROLES.includes(role));
}
