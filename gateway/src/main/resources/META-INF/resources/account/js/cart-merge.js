// After signing in: the guest cart this browser filled becomes part of the customer's cart.
// PROVISIONAL until the storefront's cart module is merged (it owns the cart token's storage).
import { api } from '/assets/js/api.js';

const CART_TOKEN_KEY = 'shop.cartToken';

export async function mergeGuestCart() {
  const token = localStorage.getItem(CART_TOKEN_KEY);
  if (!token) return;
  try {
    await api('/api/cart/merge', { method: 'POST', body: { token } });
  } catch (e) {
    // an expired or unknown guest cart is nothing to take over; signing in has worked anyway
  }
  localStorage.removeItem(CART_TOKEN_KEY);
}
