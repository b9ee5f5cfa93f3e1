// A guest's order tokens (X-Order-Token: the capability to read, follow and pay one order), kept in this
// browser by order id, so that the order page works after the payment provider sends the browser back
// without the token in any URL a server sees. The order link carries it in the fragment (#token=...).
const KEY = 'shop.orderTokens';

function all() {
  try { return JSON.parse(localStorage.getItem(KEY) || '{}') || {}; } catch (e) { return {}; }
}

export function orderToken(orderId) {
  return all()[String(orderId)] || null;
}

export function rememberOrderToken(orderId, token) {
  if (!token || !/^[0-9a-fA-F-]{36}$/.test(token)) return;
  const tokens = all();
  tokens[String(orderId)] = token;
  // the newest 20 are enough for one browser
  const ids = Object.keys(tokens);
  ids.slice(0, Math.max(0, ids.length - 20)).forEach((id) => delete tokens[id]);
  try { localStorage.setItem(KEY, JSON.stringify(tokens)); } catch (e) { /* ignore */ }
}

/** Headers for calls about this order: its token when this browser holds one. */
export function orderHeaders(orderId) {
  const token = orderToken(orderId);
  return token ? { 'X-Order-Token': token } : {};
}
