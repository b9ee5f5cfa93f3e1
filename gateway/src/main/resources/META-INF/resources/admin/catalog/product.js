// One product: its fields, shown/hidden, deleted; its variants (add, edit, delete); a stock delivery;
// its images (upload, reorder, delete: staff only). What the role may not do is not offered.
import { api } from '/assets/js/api.js';
import { el, clear, showError, money, qs, announce } from '/assets/js/dom.js';
import { startConsolePage, CATALOG_EDITORS } from '/assets/js/admin-nav.js';
import { readAll, select, field, button, checkbox, catalogRights, categoryPaths, imageElement,
  table, errorsOf } from './catalog.js';

const content = document.getElementById('content');
const id = Number(qs('id'));
let rights;
let product;
let categories = [];
let suppliers = [];
let colors = [];
let sizes = [];

const numberOrNull = value => value.trim() === '' ? null : Number(value.trim().replace(',', '.'));
const textOrNull = value => value.trim() === '' ? null : value.trim();

function detailsForm() {
  const name = el('input', { name: 'name', maxlength: '300', value: product.name });
  const article = el('input', { name: 'article', maxlength: '100', value: product.article || '' });
  const externalId = el('input', { name: 'externalId', maxlength: '100', value: product.externalId || '' });
  const category = select({ name: 'categoryId' },
    categoryPaths(categories).map(c => ({ value: c.id, label: c.path })), product.categoryId);
  const description = el('textarea', { name: 'description', rows: '4', maxlength: '20000' });
  description.value = product.description || '';
  const weight = el('input', { name: 'weight', inputmode: 'decimal', value: product.weight ?? '' });
  const parts = [field('Name', name), field('Article', article), field('External id (1C)', externalId),
    field('Category', category), field('Description', description), field('Weight, kg', weight)];
  let supplier = null;
  if (rights.staff) {
    supplier = select({ name: 'supplierId' },
      [{ value: '', label: '— none (the shop\'s own) —' }, ...suppliers.map(s => ({ value: s.id, label: s.name }))],
      product.supplierId ?? '');
    parts.push(field('Supplier', supplier));
  }
  const form = el('form', { class: 'card', id: 'product-details', novalidate: '' },
    el('h2', {}, 'Details'), ...parts, el('div', { class: 'form-errors' }),
    el('button', { type: 'submit' }, 'Save details'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = { name: name.value.trim(), article: article.value.trim(), externalId: textOrNull(externalId.value),
      categoryId: Number(category.value), description: textOrNull(description.value),
      weight: numberOrNull(weight.value) };
    if (supplier) body.supplierId = supplier.value ? Number(supplier.value) : null;
    await change(form, () => api('/api/catalog/products/' + id, { method: 'PATCH', body }), 'Details saved.');
  });
  return form;
}

/** Runs a change, shows its error in `form` or reloads the page's data and says `message`. */
async function change(form, action, message) {
  try {
    await action();
    await render();
    announce(message);
  } catch (e) {
    showError(errorsOf(form), e);
  }
}

function visibilityPanel() {
  const errors = el('div', { class: 'form-errors' });
  const panel = el('section', { class: 'card', 'aria-labelledby': 'shop-title' },
    el('h2', { id: 'shop-title' }, 'In the shop'),
    el('p', { id: 'visibility' }, product.visible ? 'Shown in the shop.' : 'Hidden: only staff see it.'), errors);
  panel.append(button(product.visible ? 'Hide from the shop' : 'Show in the shop', () => change(errors,
    () => api('/api/catalog/products/' + id, { method: 'PATCH', body: { visible: !product.visible } }),
    product.visible ? 'The product is hidden.' : 'The product is shown in the shop.')));
  if (product.visible) {
    panel.append(' ', el('a', { href: '/product.html?id=' + id }, 'See it in the shop'));
  }
  panel.append(' ', button('Delete product', async () => {
    if (!confirm('Delete "' + product.name + '"? It leaves the shop; staff still see it.')) return;
    try {
      await api('/api/catalog/products/' + id, { method: 'DELETE' });
      location.assign('/admin/catalog/products.html');
    } catch (e) {
      showError(errors, e);
    }
  }, { class: 'danger' }));
  return panel;
}

function variantLabel(v) {
  return (v.name || 'Variant ' + v.id) + ' (#' + v.id + ')';
}

function variantForm(variant) {
  const v = variant || {};
  const name = el('input', { name: 'name', maxlength: '300', value: v.name || '' });
  const color = select({ name: 'colorId' },
    [{ value: '', label: '— none —' }, ...colors.map(c => ({ value: c.id, label: c.name }))], v.colorId ?? '');
  const size = select({ name: 'sizeId' },
    [{ value: '', label: '— none —' }, ...sizes.map(s => ({ value: s.id, label: s.name }))], v.sizeId ?? '');
  const price = el('input', { name: 'price', inputmode: 'decimal', value: v.price ?? '' });
  const discounted = el('input', { name: 'discountedPrice', inputmode: 'decimal', value: v.discountedPrice ?? '' });
  const onHand = el('input', { name: 'onHand', inputmode: 'numeric', value: v.onHand ?? '0' });
  const externalId = el('input', { name: 'externalId', maxlength: '100', value: v.externalId || '' });
  const barcode = el('input', { name: 'barcode', maxlength: '100', value: v.barcode || '' });
  const title = variant ? 'Edit ' + variantLabel(variant) : 'New variant';
  const form = el('form', { class: 'card', id: variant ? 'variant-edit' : 'variant-create', novalidate: '' },
    el('h3', {}, title), field('Variant name', name), field('Colour', color), field('Size', size),
    field('Price, ₽', price), field('Discounted price, ₽', discounted, 'Empty: no discount'),
    field('On hand', onHand, variant ? 'Sets the stock; a delivery adds to it' : null),
    field('External id (1C code)', externalId), field('Barcode', barcode),
    checkbox('On sale', 'sale', v.sale), checkbox('New', 'new', v.new), checkbox('Default variant', 'default', v.default),
    el('div', { class: 'form-errors' }),
    el('button', { type: 'submit' }, variant ? 'Save variant' : 'Add variant'));
  if (variant) form.append(' ', button('Cancel', () => form.remove(), { class: 'secondary' }));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = { name: textOrNull(name.value), colorId: color.value ? Number(color.value) : null,
      sizeId: size.value ? Number(size.value) : null, price: numberOrNull(price.value),
      discountedPrice: numberOrNull(discounted.value), onHand: numberOrNull(onHand.value),
      externalId: textOrNull(externalId.value), barcode: textOrNull(barcode.value),
      sale: form.elements.sale.checked, new: form.elements.new.checked };
    // "default" may only be set (a product always has one default variant: mark another one instead)
    if (form.elements.default.checked) body.default = true;
    if (variant && body.onHand === variant.onHand) delete body.onHand; // stock moves meanwhile: send only a change
    await change(form, () => variant
      ? api('/api/catalog/variants/' + variant.id, { method: 'PATCH', body })
      : api('/api/catalog/products/' + id + '/variants', { method: 'POST', body }),
    variant ? 'Variant saved.' : 'Variant added.');
  });
  return form;
}

function variantsSection() {
  const errors = el('div', { class: 'form-errors' });
  const section = el('section', { 'aria-labelledby': 'variants-title' },
    el('h2', { id: 'variants-title' }, 'Variants (' + product.variants.length + ')'), errors);
  const colorName = idValue => (product.colors.find(c => c.id === idValue) || {}).name || '';
  const sizeName = idValue => (product.sizes.find(s => s.id === idValue) || {}).name || '';
  if (product.variants.length) {
    const body = el('tbody', {}, ...product.variants.map(v => {
      const row = el('tr', { 'data-variant-id': String(v.id) },
        el('td', {}, variantLabel(v) + (v.default ? ' · default' : '')),
        el('td', {}, colorName(v.colorId)), el('td', {}, sizeName(v.sizeId)),
        el('td', { class: 'num' }, money(v.price)),
        el('td', { class: 'num' }, v.discountedPrice === null ? '' : money(v.discountedPrice)),
        el('td', { class: 'num' }, String(v.onHand)), el('td', { class: 'num' }, String(v.reserved)),
        el('td', { class: 'num' }, String(v.available)),
        el('td', {},
          button('Edit', () => {
            document.getElementById('variant-edit')?.remove();
            const form = variantForm(v);
            section.append(form);
            form.querySelector('input').focus();
          }, { class: 'secondary', 'aria-label': 'Edit ' + variantLabel(v) }),
          ' ',
          button('Delete', async () => {
            if (!confirm('Delete ' + variantLabel(v) + '?')) return;
            await change(errors, () => api('/api/catalog/variants/' + v.id, { method: 'DELETE' }), 'Variant deleted.');
          }, { class: 'danger', 'aria-label': 'Delete ' + variantLabel(v) })));
      return row;
    }));
    section.append(el('div', { class: 'table-scroll' }, el('table', { id: 'variants' },
      el('thead', {}, el('tr', {}, ...['Variant', 'Colour', 'Size', 'Price', 'Discounted', 'On hand', 'Reserved',
        'Available', 'Actions'].map(h => el('th', { scope: 'col' }, h)))), body)));
  } else {
    section.append(el('p', {}, 'No variants yet: add one to sell the product.'));
  }
  section.append(variantForm(null));
  return section;
}

/** A delivery id made once per filled form: a repeated submit (a retry) is recognised by catalog-service. */
function newDeliveryId() {
  return 'WEB-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 8);
}

function deliveryForm() {
  const variant = select({ name: 'variantId' }, product.variants.map(v => ({ value: v.id, label: variantLabel(v) })));
  const quantity = el('input', { name: 'quantity', inputmode: 'numeric', value: '1' });
  const result = el('div', { class: 'delivery-result' });
  const form = el('form', { class: 'card', id: 'stock-delivery', novalidate: '' },
    el('h2', {}, 'Stock delivery'),
    el('p', { class: 'hint' }, 'Adds the units to the variant\'s stock (never sets it).'),
    field('Variant', variant), field('Quantity', quantity), el('div', { class: 'form-errors' }),
    el('button', { type: 'submit' }, 'Record delivery'), result);
  form.dataset.deliveryId = newDeliveryId();
  form.addEventListener('input', () => { form.dataset.deliveryId = newDeliveryId(); });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const delivery = await api('/api/catalog/stock/deliveries', { method: 'POST', body: {
        deliveryId: form.dataset.deliveryId,
        lines: [{ variantId: Number(variant.value), quantity: numberOrNull(quantity.value) }] } });
      await render();
      announce('Delivery ' + delivery.deliveryId + ' recorded: on hand now ' + delivery.lines[0].onHandAfter + '.');
    } catch (e) {
      showError(errorsOf(form), e);
    }
  });
  return form;
}

async function imagesSection() {
  const section = el('section', { 'aria-labelledby': 'images-title' });
  const page = await api('/api/catalog/products/' + id + '/images?limit=200');
  const images = page.items;
  const errors = el('div', { class: 'form-errors' });
  section.append(el('h2', { id: 'images-title' }, 'Images (' + images.length + ')'), errors);
  /** Writes positions 0..n-1 in the new order (only those that change). */
  const reorder = async (from, to) => {
    const order = images.slice();
    const [moved] = order.splice(from, 1);
    order.splice(to, 0, moved);
    await change(errors, async () => {
      for (let i = 0; i < order.length; i++) {
        if (order[i].position !== i) {
          await api('/api/catalog/images/' + order[i].id, { method: 'PATCH', body: { position: i } });
        }
      }
    }, 'Image moved.');
  };
  const list = el('ol', { class: 'image-list', id: 'images' });
  for (let i = 0; i < images.length; i++) {
    const image = images[i];
    const label = 'image ' + (i + 1);
    const item = el('li', { 'data-image-id': String(image.id) },
      await imageElement(image.webUrl, product.name + ', ' + label),
      el('span', { class: 'hint' }, image.width + '×' + image.height + (image.variantId ? ', variant #' + image.variantId : '')));
    if (rights.images) {
      const up = button('Move up', () => reorder(i, i - 1), { class: 'secondary', 'aria-label': 'Move ' + label + ' up' });
      const down = button('Move down', () => reorder(i, i + 1), { class: 'secondary', 'aria-label': 'Move ' + label + ' down' });
      up.disabled = i === 0;
      down.disabled = i === images.length - 1;
      item.append(up, down, button('Delete', async () => {
        if (!confirm('Delete ' + label + '?')) return;
        await change(errors, () => api('/api/catalog/images/' + image.id, { method: 'DELETE' }), 'Image deleted.');
      }, { class: 'danger', 'aria-label': 'Delete ' + label }));
    }
    list.append(item);
  }
  section.append(images.length ? list : el('p', {}, 'No images yet.'));
  if (rights.images) section.append(uploadForm());
  return section;
}

function uploadForm() {
  const file = el('input', { name: 'file', type: 'file', accept: 'image/jpeg,image/png,image/webp' });
  const variant = select({ name: 'variantId' },
    [{ value: '', label: '— the whole product —' }, ...product.variants.map(v => ({ value: v.id, label: variantLabel(v) }))], '');
  const form = el('form', { class: 'card', id: 'image-upload', novalidate: '' },
    el('h3', {}, 'Upload an image'), field('Image file', file, 'JPEG, PNG or WebP'), field('For variant', variant),
    el('div', { class: 'form-errors' }), el('button', { type: 'submit' }, 'Upload image'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const data = new FormData();
    if (file.files[0]) data.append('file', file.files[0]);
    if (variant.value) data.append('variantId', variant.value);
    await change(form, () => api('/api/catalog/products/' + id + '/images', { method: 'POST', body: data }),
      'Image uploaded.');
  });
  return form;
}

async function render() {
  product = await api('/api/catalog/products/' + id);
  document.title = product.name + ' · Staff console';
  const title = document.getElementById('page-title');
  title.textContent = product.name;
  const parts = [el('p', {}, el('a', { href: '/admin/catalog/products.html' }, 'All products'),
    ' · #' + product.id + (product.article ? ' · ' + product.article : ''))];
  if (product.deleted) {
    parts.push(el('p', { class: 'notice' }, 'This product was deleted on ' + product.deletedAt + '; nothing can be changed.'));
    parts.push(table('Variants', ['id', 'name', 'price', 'onHand'], product.variants));
  } else {
    parts.push(visibilityPanel(), detailsForm(), variantsSection());
    if (product.variants.length && rights.deliveries) parts.push(deliveryForm());
    parts.push(await imagesSection());
  }
  clear(content);
  content.append(...parts);
}

(async () => {
  const user = await startConsolePage(CATALOG_EDITORS);
  if (!user) return;
  rights = catalogRights(user);
  try {
    if (!Number.isInteger(id) || id <= 0) {
      content.append(el('p', { class: 'notice' }, 'No product chosen. ', el('a', { href: '/admin/catalog/products.html' }, 'All products')));
      return;
    }
    categories = await readAll('/api/catalog/categories');
    colors = await readAll('/api/catalog/colors');
    sizes = await readAll('/api/catalog/sizes');
    if (rights.staff) suppliers = await readAll('/api/catalog/suppliers');
    await render();
    if (qs('created')) announce('Product created: now add a variant.');
  } catch (e) {
    showError(content, e);
  }
})();
