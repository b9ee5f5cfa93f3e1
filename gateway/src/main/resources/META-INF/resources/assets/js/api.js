// The one way the shop's pages talk to the platform: its public API, through the gateway, as the page's
// own origin. Tokens never reach this code: the gateway keeps them in HttpOnly cookies (/web/session)
// and turns the session cookie into an Authorization header for requests that carry X-Shop-Web: 1.
//
//   api(path, {method, body, headers, query}) → parsed JSON (null for 204/empty), or throws ApiError
//   apiResponse(path, options)               → the raw Response (2xx/3xx), or throws ApiError
//
// A guest's cart token (X-Cart-Token) is kept in localStorage and sent with every call; a new one the
// server hands out in the response header is stored.

const CART_TOKEN_KEY = 'shop.cartToken';
const SESSION_EXPIRES_KEY = 'shop.sessionExpiresAt';

/** A refused call: status and the problem details (RFC 9457) the API answered, if any. */
export class ApiError extends Error {
  constructor(status, problem, fallbackTitle) {
    const title = (problem && problem.title) || fallbackTitle || ('HTTP ' + status);
    const detail = (problem && problem.detail) || '';
    super(detail ? title + ': ' + detail : title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.problem = problem || null;
  }

  /** Field errors as [{field, message}], whichever shape the service used. */
  get fieldErrors() {
    const problem = this.problem || {};
    const list = problem.errors || problem.violations || problem.fieldErrors || [];
    if (Array.isArray(list)) {
      return list.map((e) => ({ field: e.field || e.name || e.property || e.pointer || '', message: e.message || e.detail || String(e) }));
    }
    if (typeof list === 'object') {
      return Object.keys(list).map((field) => ({ field, message: String(list[field]) }));
    }
    return [];
  }
}

export function cartToken() {
  try { return localStorage.getItem(CART_TOKEN_KEY); } catch (e) { return null; }
}

export function setCartToken(token) {
  try {
    if (token) localStorage.setItem(CART_TOKEN_KEY, token); else localStorage.removeItem(CART_TOKEN_KEY);
  } catch (e) { /* private mode: the cart lasts as long as the page */ }
}

/** When the signed-in session's access token expires (ms since epoch), or null when signed out. */
export function sessionExpiresAt() {
  try {
    const value = localStorage.getItem(SESSION_EXPIRES_KEY);
    return value ? Number(value) : null;
  } catch (e) { return null; }
}

/** session.js tells api.js about the session (its claims, or null when signed out). */
export function rememberSession(claims) {
  try {
    if (claims && claims.expiresAt) localStorage.setItem(SESSION_EXPIRES_KEY, String(Date.parse(claims.expiresAt)));
    else localStorage.removeItem(SESSION_EXPIRES_KEY);
  } catch (e) { /* ignore */ }
}

let refreshing = null;

/**
 * GET /web/session: the current claims, refreshed by the gateway when the access token has expired;
 * null when there is no session. One call at a time per page (the refresh token is single-use).
 */
export function refreshSession() {
  if (!refreshing) {
    refreshing = fetch('/web/session', {
      credentials: 'same-origin',
      headers: { 'X-Shop-Web': '1', Accept: 'application/json' },
    }).then(async (response) => {
      if (response.ok) {
        const claims = await response.json();
        rememberSession(claims);
        return claims;
      }
      if (response.status === 401) {
        rememberSession(null);
        return null;
      }
      throw await toError(response);
    }).finally(() => { refreshing = null; });
  }
  return refreshing;
}

function buildUrl(path, query) {
  const url = new URL(path, location.origin);
  if (url.origin !== location.origin) throw new Error('api() only calls the shop itself: ' + path);
  if (query) {
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === null || value === '') continue;
      if (Array.isArray(value)) value.forEach((v) => url.searchParams.append(key, v));
      else url.searchParams.set(key, value);
    }
  }
  return url.pathname + url.search;
}

async function toError(response) {
  let problem = null;
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try { problem = await response.json(); } catch (e) { problem = null; }
  }
  return new ApiError(response.status, problem, response.statusText);
}

async function send(path, { method = 'GET', body, headers = {}, query } = {}) {
  const init = {
    method,
    credentials: 'same-origin',
    headers: { 'X-Shop-Web': '1', Accept: 'application/json', ...headers },
  };
  const token = cartToken();
  if (token && !('X-Cart-Token' in init.headers)) init.headers['X-Cart-Token'] = token;
  // a header given as null or '' is left out (e.g. {'X-Cart-Token': null}: not this cart)
  for (const name of Object.keys(init.headers)) {
    if (init.headers[name] === null || init.headers[name] === undefined || init.headers[name] === '') delete init.headers[name];
  }
  if (body !== undefined && body !== null) {
    if (body instanceof FormData || body instanceof Blob) {
      init.body = body; // multipart or raw upload: the browser sets the Content-Type
    } else {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
  }
  const response = await fetch(buildUrl(path, query), init);
  const newToken = response.headers.get('X-Cart-Token');
  if (newToken && newToken !== token) setCartToken(newToken);
  return response;
}

/** The raw Response of a successful call (headers such as Location or X-Cart-Token); ApiError otherwise. */
export async function apiResponse(path, options = {}) {
  const expiresAt = sessionExpiresAt();
  if (expiresAt && Date.now() > expiresAt - 15000) {
    // the access cookie is about to go: renew it first, so the call does not go out as a guest's
    await refreshSession().catch(() => null);
  }
  let response = await send(path, options);
  if (response.status === 401 && sessionExpiresAt()) {
    const claims = await refreshSession().catch(() => null);
    if (claims) response = await send(path, options);
  }
  if (!response.ok) throw await toError(response);
  return response;
}

/** Parsed JSON of a successful call (null for 204 or an empty body); ApiError otherwise. */
export async function api(path, options = {}) {
  const response = await apiResponse(path, options);
  if (response.status === 204) return null;
  const text = await response.text();
  if (!text) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? JSON.parse(text) : text;
}
