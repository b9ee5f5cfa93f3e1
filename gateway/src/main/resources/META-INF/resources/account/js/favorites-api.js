// Favorites of the signed-in customer, for any page (the product page's "add to favorites" button
// imports addFavorite / isFavorite from here). No side effects on import.
import { api } from '/assets/js/api.js';
import { currentUser } from '/assets/js/session.js';

async function customerId() {
  const user = await currentUser();
  return user && (user.roles || []).includes('customer') ? Number(user.subject) : null;
}

function signInFirst() {
  location.assign('/account/sign-in.html?next=' + encodeURIComponent(location.pathname + location.search));
}

/**
 * Adds the product to the favorites: resolves true when it is (now or already) a favorite. A guest is
 * sent to the sign-in page, which brings it back here; staff get false (favorites are for customers).
 */
export async function addFavorite(productId) {
  const user = await currentUser();
  if (!user) {
    signInFirst();
    return false;
  }
  const id = await customerId();
  if (id == null) return false;
  await api('/api/customers/' + id + '/favorites', { method: 'POST', body: { productId: Number(productId) } });
  return true;
}

/** Removes products from the favorites (ids that are not favorites change nothing). */
export async function removeFavorites(...productIds) {
  const id = await customerId();
  if (id == null || !productIds.length) return;
  await api('/api/customers/' + id + '/favorites', { method: 'DELETE', query: { productIds: productIds.join(',') } });
}

/** Whether the product is among the signed-in customer's favorites (false for guests and staff). */
export async function isFavorite(productId) {
  const id = await customerId();
  if (id == null) return false;
  const page = await api('/api/customers/' + id + '/favorites', { query: { productId: String(productId), limit: 1 } });
  return page.items.length > 0;
}

/** One page of favorites, newest first: {items: [{id, productId, addedAt}], total}. */
export async function listFavorites(limit = 100, offset = 0) {
  const id = await customerId();
  if (id == null) return { items: [], total: 0 };
  return api('/api/customers/' + id + '/favorites', { query: { limit, offset } });
}
