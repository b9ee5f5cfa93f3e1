// The frame of every page: skip link, header with the shop's navigation and the sign-in state, a status
// region for announcements (aria-live), footer. A page has <header id="site-header">, <main id="main">
// and <footer id="site-footer"> and calls initLayout() first.
import { el, clear } from './dom.js';
import { currentUser, signOut, STAFF_ROLES } from './session.js';
import { api, cartToken, sessionExpiresAt } from './api.js';

function cartLink() {
  const count = el('span', { class: 'cart-count', 'aria-live': 'polite', id: 'cart-count' });
  return el('a', { href: '/cart.html', class: 'nav-link' }, 'Cart', ' ', count);
}

/** Updates the header's item count from the cart (guest or customer). */
export async function refreshCartCount() {
  const badge = document.getElementById('cart-count');
  if (!badge) return;
  if (!cartToken() && !sessionExpiresAt()) {
    clear(badge);
    return;
  }
  try {
    const cart = await api('/api/cart');
    clear(badge, cart && cart.itemCount ? '(' + cart.itemCount + ')' : '');
  } catch (e) {
    clear(badge);
  }
}

function userArea(user) {
  if (!user) {
    const back = encodeURIComponent(location.pathname + location.search);
    return [
      el('a', { href: '/account/sign-in.html?next=' + back, class: 'nav-link' }, 'Sign in'),
      el('a', { href: '/account/register.html', class: 'nav-link' }, 'Register'),
    ];
  }
  const staff = (user.roles || []).some((role) => STAFF_ROLES.includes(role));
  const button = el('button', { type: 'button', class: 'link-button', id: 'sign-out' }, 'Sign out');
  button.addEventListener('click', async () => {
    await signOut();
    location.assign(staff ? '/admin/index.html' : '/');
  });
  return [
    staff ? el('a', { href: '/admin/index.html', class: 'nav-link' }, 'Staff console')
      : el('a', { href: '/account/index.html', class: 'nav-link' }, 'My account'),
    el('span', { class: 'user-name' }, user.name || ''),
    button,
  ];
}

/**
 * Fills the page's header and footer. Options: {area: 'shop' | 'admin'} picks the navigation.
 * Resolves to the signed-in user's claims (or null).
 */
export async function initLayout(options = {}) {
  const area = options.area || 'shop';
  const header = document.getElementById('site-header');
  const footer = document.getElementById('site-footer');
  const main = document.getElementById('main');
  if (main && !main.hasAttribute('tabindex')) main.setAttribute('tabindex', '-1');

  if (!document.querySelector('.skip-link')) {
    document.body.insertBefore(el('a', { href: '#main', class: 'skip-link' }, 'Skip to content'), document.body.firstChild);
  }
  if (!document.getElementById('status')) {
    document.body.appendChild(el('div', { id: 'status', class: 'status', role: 'status', 'aria-live': 'polite' }));
  }

  const userNav = el('div', { class: 'user-nav' });
  if (header) {
    const links = area === 'admin'
      ? [el('a', { href: '/admin/index.html', class: 'nav-link' }, 'Console'),
        el('a', { href: '/analytics/', class: 'nav-link' }, 'Analytics'),
        el('a', { href: '/', class: 'nav-link' }, 'Storefront')]
      : [el('a', { href: '/', class: 'nav-link' }, 'Catalog'), cartLink()];
    clear(header,
      el('div', { class: 'header-inner' },
        el('a', { href: area === 'admin' ? '/admin/index.html' : '/', class: 'brand' }, area === 'admin' ? 'Shop console' : 'Shop'),
        el('nav', { 'aria-label': 'Main', class: 'main-nav' }, links),
        userNav));
  }
  if (footer) {
    clear(footer, el('div', { class: 'footer-inner' },
      el('p', null, 'Shop platform'),
      el('nav', { 'aria-label': 'Footer' },
        el('a', { href: '/' }, 'Storefront'), ' · ',
        el('a', { href: '/account/index.html' }, 'Account'), ' · ',
        el('a', { href: '/admin/index.html' }, 'Staff'))));
  }

  const user = await currentUser();
  clear(userNav, userArea(user));
  window.addEventListener('shop:session', (event) => clear(userNav, userArea(event.detail)));
  if (area === 'shop') {
    refreshCartCount();
    window.addEventListener('shop:cart', refreshCartCount);
  }
  return user;
}
