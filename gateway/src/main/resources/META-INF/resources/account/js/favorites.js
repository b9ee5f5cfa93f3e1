// /account/favorites.html: the favorites with the products' names and prices from the catalog
// (GET /api/catalog/products?ids=…), each removable.
import { api } from '/assets/js/api.js';
import { el, clear, money } from '/assets/js/dom.js';
import { requireCustomer, status, failed, when } from '/account/js/account.js';
import { listFavorites, removeFavorites } from '/account/js/favorites-api.js';

await requireCustomer();
const list = document.getElementById('favorite-list');

async function products(ids) {
  if (!ids.length) return new Map();
  const page = await api('/api/catalog/products', { query: { ids: ids.join(','), limit: ids.length } });
  return new Map(page.items.map((p) => [p.id, p]));
}

async function load() {
  let favorites;
  let byId;
  try {
    favorites = await listFavorites(100);
    byId = await products(favorites.items.map((f) => f.productId));
  } catch (error) {
    failed(error);
    return;
  }
  clear(list);
  if (!favorites.items.length) {
    list.append(el('li', {}, 'No favorites yet.'));
  }
  for (const favorite of favorites.items) {
    const product = byId.get(favorite.productId);
    const name = product ? product.name : 'Product #' + favorite.productId + ' (no longer shown)';
    const remove = el('button', { type: 'button', class: 'secondary' }, 'Remove');
    remove.setAttribute('aria-label', 'Remove ' + name + ' from favorites');
    remove.addEventListener('click', async () => {
      try {
        await removeFavorites(favorite.productId);
        status(name + ' removed from favorites.', 'success');
      } catch (error) {
        failed(error);
      }
      await load();
    });
    const image = product && product.images && product.images[0]; // el() keeps src only when same-origin
    list.append(el('li', { class: 'card favorite' },
      image ? el('img', { src: image.webUrl, alt: '', width: 96, height: 96, loading: 'lazy' }) : '',
      el('p', {}, product ? el('a', { href: '/product.html?id=' + product.id }, name) : name),
      product && product.minPrice != null ? el('p', {}, 'from ' + money(product.minPrice)) : '',
      el('p', { class: 'muted' }, 'Added ' + when(favorite.addedAt)),
      el('div', { class: 'actions' }, remove)));
  }
}

await load();
