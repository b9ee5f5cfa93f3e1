// A product as a card in a list (catalog, favorites): image, name, price (and the price before a discount).
import { el, money } from '../dom.js';

/** The lowest price a product sells at, and the full price of that variant when it is discounted. */
export function priceOf(product) {
  let best = null;
  (product.variants || []).forEach((v) => {
    const paid = v.discountedPrice !== null && v.discountedPrice !== undefined ? Number(v.discountedPrice) : Number(v.price);
    if (best === null || paid < best.paid) best = { paid, full: Number(v.price) };
  });
  if (best === null && product.minPrice !== null && product.minPrice !== undefined) best = { paid: Number(product.minPrice), full: Number(product.minPrice) };
  return best;
}

export function priceElement(best, prefix) {
  if (!best) return el('p', { class: 'muted' }, 'Not on sale');
  return el('p', { class: 'price' }, prefix || '', money(best.paid),
    best.full > best.paid ? el('span', { class: 'price-old' }, el('span', { class: 'visually-hidden' }, 'instead of '), money(best.full)) : null);
}

export function productCard(product) {
  const href = '/product.html?id=' + encodeURIComponent(product.id);
  const image = (product.images || [])[0];
  const available = (product.variants || []).some((v) => v.available > 0);
  const variants = product.variants || [];
  const hasRange = variants.length > 1 && new Set(variants.map((v) => String(v.discountedPrice ?? v.price))).size > 1;
  return el('article', { class: 'product-card', dataset: { productId: String(product.id) } },
    el('a', { href, tabindex: '-1', 'aria-hidden': 'true' },
      image ? el('img', { src: image.webUrl || image.url, alt: '', loading: 'lazy', width: '300', height: '300' })
        : el('span', { class: 'no-image' }, 'No picture')),
    el('h2', null, el('a', { href }, product.name)),
    priceElement(priceOf(product), hasRange ? 'from ' : ''),
    (product.colors || []).length
      ? el('p', { class: 'muted' }, product.colors.map((c) => el('span', { class: 'swatch', dataset: { color: c.code || '' }, title: c.name })),
        el('span', { class: 'visually-hidden' }, 'Colours: ' + product.colors.map((c) => c.name).join(', ')))
      : null,
    available ? null : el('p', { class: 'badge warn' }, 'Sold out'));
}
