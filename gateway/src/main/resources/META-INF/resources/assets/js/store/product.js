// A product (/product.html?id=N): pictures, variants by colour and size (with what is available), price and
// discounted price, and adding the chosen variant to the cart.
import { api } from '../api.js';
import { el, clear, money, qs, showError, announce } from '../dom.js';
import { initLayout, refreshCartCount } from '../layout.js';
import { paintSwatches } from './swatches.js';
import { addFavorite, isFavorite, removeFavorites } from '/account/js/favorites-api.js';
import { isStaff } from '../session.js';

let product;
let choice = { colorId: null, sizeId: null, variantId: null };

function paid(variant) {
  return variant.discountedPrice !== null && variant.discountedPrice !== undefined ? Number(variant.discountedPrice) : Number(variant.price);
}

/** The variant of the chosen colour and size (or the chosen plain option). */
function chosenVariant() {
  const variants = product.variants || [];
  if (choice.variantId) return variants.find((v) => v.id === choice.variantId) || null;
  const usesColor = variants.some((v) => v.colorId);
  const usesSize = variants.some((v) => v.sizeId);
  if ((usesColor && !choice.colorId) || (usesSize && !choice.sizeId)) return null;
  return variants.find((v) => (!usesColor || v.colorId === choice.colorId) && (!usesSize || v.sizeId === choice.sizeId)) || null;
}

function optionButton(label, pressed, available, onChoose, extra) {
  const button = el('button', {
    type: 'button',
    class: ['option', available ? null : 'unavailable'],
    'aria-pressed': pressed ? 'true' : 'false',
  }, extra || null, label, available ? null : el('span', { class: 'visually-hidden' }, ' (sold out)'));
  button.addEventListener('click', onChoose);
  return button;
}

function renderOptions() {
  const variants = product.variants || [];
  const usesColor = variants.some((v) => v.colorId);
  const usesSize = variants.some((v) => v.sizeId);
  const colorBox = document.getElementById('color-box');
  const sizeBox = document.getElementById('size-box');
  const variantBox = document.getElementById('variant-box');
  colorBox.hidden = !usesColor;
  sizeBox.hidden = !usesSize;
  variantBox.hidden = usesColor || usesSize || variants.length < 2;

  if (usesColor) {
    clear(document.getElementById('color-options'), (product.colors || []).map((color) => {
      // a colour is available when one of its variants is: of the chosen size if it comes in that size,
      // else any (choosing it then lets the size go)
      const inSize = variants.some((v) => v.colorId === color.id && v.sizeId === choice.sizeId);
      const available = variants.some((v) => v.colorId === color.id && (!choice.sizeId || !inSize || v.sizeId === choice.sizeId) && v.available > 0);
      return optionButton(color.name, choice.colorId === color.id, available, () => choose({ colorId: color.id }),
        el('span', { class: 'swatch', dataset: { color: color.code || '' } }));
    }));
  }
  if (usesSize) {
    clear(document.getElementById('size-options'), (product.sizes || []).map((size) => {
      const available = variants.some((v) => v.sizeId === size.id && (!choice.colorId || v.colorId === choice.colorId) && v.available > 0);
      const exists = variants.some((v) => v.sizeId === size.id && (!choice.colorId || v.colorId === choice.colorId));
      return exists ? optionButton(size.name, choice.sizeId === size.id, available, () => choose({ sizeId: size.id })) : null;
    }));
  }
  if (!variantBox.hidden) {
    clear(document.getElementById('variant-options'), variants.map((v) =>
      optionButton(v.name || ('#' + v.id), choice.variantId === v.id, v.available > 0, () => choose({ variantId: v.id }))));
  }
  paintSwatches(document.getElementById('buy'));
  renderChoice();
}

function choose(change) {
  choice = { ...choice, ...change };
  const variants = product.variants || [];
  // a size that the new colour does not come in is let go
  if (change.colorId && choice.sizeId && !variants.some((v) => v.colorId === choice.colorId && v.sizeId === choice.sizeId)) {
    choice.sizeId = null;
  }
  renderOptions();
  renderImages();
}

function renderChoice() {
  const variant = chosenVariant();
  const priceBox = document.getElementById('price');
  const availability = document.getElementById('availability');
  const button = document.getElementById('add-to-cart');
  const quantity = document.getElementById('quantity');
  if (!variant) {
    const prices = (product.variants || []).map(paid);
    clear(priceBox, prices.length ? el('p', { class: 'price' }, (new Set(prices).size > 1 ? 'from ' : ''), money(Math.min(...prices))) : null);
    clear(availability, (product.variants || []).length ? 'Choose ' + missingChoice() + '.' : 'This product is not on sale.');
    button.disabled = true;
    return;
  }
  const discounted = variant.discountedPrice !== null && variant.discountedPrice !== undefined && Number(variant.discountedPrice) < Number(variant.price);
  clear(priceBox, el('p', { class: 'price', id: 'variant-price' }, money(paid(variant)),
    discounted ? el('span', { class: 'price-old' }, el('span', { class: 'visually-hidden' }, 'instead of '), money(variant.price)) : null),
  discounted ? el('p', { class: 'badge ok' }, 'Discount ' + Math.round(100 - (Number(variant.discountedPrice) * 100) / Number(variant.price)) + '%') : null);
  if (variant.available > 0) {
    clear(availability, el('span', { class: 'badge ok' }, 'In stock'), ' ', variant.available + ' available');
    button.disabled = false;
    quantity.max = String(variant.available);
  } else {
    clear(availability, el('span', { class: 'badge bad' }, 'Sold out'));
    button.disabled = true;
  }
}

function missingChoice() {
  const variants = product.variants || [];
  const missing = [];
  if (variants.some((v) => v.colorId) && !choice.colorId) missing.push('a colour');
  if (variants.some((v) => v.sizeId) && !choice.sizeId) missing.push('a size');
  if (!missing.length) missing.push('an option');
  return missing.join(' and ');
}

function renderImages() {
  const images = product.images || [];
  const variant = chosenVariant();
  // the chosen variant's own pictures first, then the product's
  const ordered = images.slice().sort((a, b) => {
    const rank = (image) => (variant && image.variantId === variant.id ? 0 : image.variantId ? 2 : 1);
    return rank(a) - rank(b);
  });
  const main = document.getElementById('main-image');
  const thumbs = document.getElementById('thumbs');
  document.getElementById('no-image').hidden = ordered.length > 0;
  main.hidden = ordered.length === 0;
  if (!ordered.length) {
    clear(thumbs);
    return;
  }
  const show = (image, index) => {
    main.src = image.webUrl || image.url;
    main.alt = product.name + ' — picture ' + (index + 1);
    thumbs.querySelectorAll('button').forEach((b, i) => b.setAttribute('aria-pressed', i === index ? 'true' : 'false'));
  };
  clear(thumbs, ordered.length > 1 ? ordered.map((image, index) => {
    const button = el('button', { type: 'button', 'aria-pressed': 'false' },
      el('img', { src: image.webUrl || image.url, alt: 'Picture ' + (index + 1) + ' of ' + product.name }));
    button.addEventListener('click', () => show(image, index));
    return el('li', null, button);
  }) : null);
  show(ordered[0], 0);
}

async function addToCart(event) {
  event.preventDefault();
  const variant = chosenVariant();
  const errorBox = document.getElementById('buy-error');
  if (!variant) {
    showError(errorBox, { title: 'Choose ' + missingChoice() + ' first' });
    return;
  }
  const wanted = Math.max(1, parseInt(document.getElementById('quantity').value, 10) || 1);
  const button = document.getElementById('add-to-cart');
  button.disabled = true;
  try {
    // PUT sets a line's quantity: add to what the cart already holds
    const cart = await api('/api/cart');
    const line = ((cart && cart.items) || []).find((item) => item.variantId === variant.id);
    const quantity = (line ? line.quantity : 0) + wanted;
    await api('/api/cart/items/' + variant.id, { method: 'PUT', body: { quantity } });
    showError(errorBox, null);
    document.getElementById('to-cart').hidden = false;
    announce('Added to the cart: ' + product.name + (variant.name ? ', ' + variant.name : '') + ' × ' + wanted);
    window.dispatchEvent(new CustomEvent('shop:cart'));
    refreshCartCount();
  } catch (error) {
    if (error.problem && error.problem.available !== undefined) {
      showError(errorBox, { title: 'Not that many', detail: 'Only ' + error.problem.available + ' can be had.' });
    } else {
      showError(errorBox, error);
    }
  } finally {
    button.disabled = !chosenVariant() || chosenVariant().available <= 0;
  }
}

/** The favorites toggle: for guests (sends them to sign in) and customers; staff have no favorites. */
async function setUpFavorite() {
  const button = document.getElementById('favorite');
  if (await isStaff()) return;
  const show = (favorite) => {
    button.setAttribute('aria-pressed', favorite ? 'true' : 'false');
    clear(button, favorite ? 'In favorites' : 'Add to favorites');
  };
  show(await isFavorite(product.id));
  button.hidden = false;
  button.addEventListener('click', async () => {
    const errorBox = document.getElementById('buy-error');
    button.disabled = true;
    try {
      if (button.getAttribute('aria-pressed') === 'true') {
        await removeFavorites(product.id);
        show(false);
        announce('Removed from favorites: ' + product.name);
      } else if (await addFavorite(product.id)) {
        show(true);
        announce('Added to favorites: ' + product.name);
      }
      showError(errorBox, null);
    } catch (error) {
      showError(errorBox, error);
    } finally {
      button.disabled = false;
    }
  });
}

async function load() {
  const id = qs('id');
  const errorBox = document.getElementById('product-error');
  if (!id || !/^\d+$/.test(id)) {
    showError(errorBox, { title: 'No such product', detail: 'The link has no product number.' });
    return;
  }
  try {
    product = await api('/api/catalog/products/' + id);
  } catch (error) {
    showError(errorBox, error.status === 404 ? { title: 'No such product', detail: 'It may have been taken off the shop.' } : error);
    return;
  }
  document.title = 'Shop — ' + product.name;
  clear(document.getElementById('name'), product.name);
  clear(document.getElementById('article'), product.article ? 'Article ' + product.article : '');
  clear(document.getElementById('description'), product.description || '');
  const crumbs = document.getElementById('breadcrumbs');
  clear(crumbs, el('a', { href: '/' }, 'Catalog'),
    product.category ? [' › ', el('a', { href: '/?categoryId=' + product.category.id }, product.category.name)] : null);
  const parameters = Object.entries(product.parameters || {});
  clear(document.getElementById('parameters'), parameters.map(([name, value]) => [el('dt', null, name), el('dd', null, value)]));

  const variants = product.variants || [];
  // preselect what is unambiguous: the only colour, the only size, the only variant, or ?variantId=
  const asked = variants.find((v) => String(v.id) === qs('variantId'));
  if (asked) {
    choice = { colorId: asked.colorId, sizeId: asked.sizeId, variantId: (asked.colorId || asked.sizeId) ? null : asked.id };
  } else {
    if ((product.colors || []).length === 1) choice.colorId = product.colors[0].id;
    if ((product.sizes || []).length === 1) choice.sizeId = product.sizes[0].id;
    if (variants.length === 1 && !variants[0].colorId && !variants[0].sizeId) choice.variantId = variants[0].id;
    if (variants.length > 1 && !variants.some((v) => v.colorId || v.sizeId)) {
      const def = variants.find((v) => v.default) || variants[0];
      choice.variantId = def.id;
    }
  }
  document.getElementById('product').hidden = false;
  renderOptions();
  renderImages();
  setUpFavorite();
}

initLayout();
document.getElementById('buy').addEventListener('submit', addToCart);
load();
