// The staff console's navigation: one list of areas, each with the roles that may use it.
// A page shows only the areas the signed-in role may use, and the home page lists them per role.
// Other console parts add ONE entry per area to `consoleAreas` (in their place in the list).
import { el, clear } from './dom.js';
import { initLayout } from './layout.js';

/** Every staff role the platform issues (customer-service's StaffUser roles). */
export const STAFF_ROLES = ['admin', 'manager', 'supplier', 'bot'];
/** Who may change the whole catalog (catalog-service's @RolesAllowed({ADMIN, MANAGER})). */
export const CATALOG_STAFF = ['admin', 'manager'];
/** Staff plus supplier users, who manage their own supplier's products, stock and price lists. */
export const CATALOG_EDITORS = ['admin', 'manager', 'supplier'];
/** Who may work with orders, customers and staff users (order-service's and customer-service's @RolesAllowed({ADMIN, MANAGER})). */
export const ORDER_STAFF = ['admin', 'manager'];

/**
 * The console's areas, in the order the nav shows them. `roles`: who may use the area (the API's rules);
 * `description`: one line for the home page.
 */
export const consoleAreas = [
  { href: '/admin/index.html', label: 'Console home', roles: STAFF_ROLES, home: false },
  // catalog (console-catalog)
  { href: '/admin/catalog/products.html', label: 'Products', roles: CATALOG_EDITORS,
    description: 'Products and variants: search, create, edit, hide, delete; images' },
  { href: '/admin/catalog/categories.html', label: 'Categories', roles: CATALOG_STAFF,
    description: 'The category tree: create, rename, move, delete' },
  { href: '/admin/catalog/dictionaries.html', label: 'Dictionaries', roles: CATALOG_STAFF,
    description: 'Colours, sizes, materials, compositions, care instructions' },
  { href: '/admin/catalog/stock.html', label: 'Stock', roles: CATALOG_EDITORS,
    description: 'Stock levels of every variant and stock deliveries' },
  { href: '/admin/catalog/imports.html', label: 'Price lists and 1C', roles: CATALOG_EDITORS,
    description: 'Supplier price lists and 1C stock and weight reports, with job progress and reports' },
  { href: '/admin/catalog/factories.html', label: 'Factories', roles: CATALOG_STAFF,
    description: 'Factories and their production lines, with the delivery log' },
  // orders, customers, users (console-orders): one entry per area below this line
  { href: '/admin/orders/index.html', label: 'Orders', roles: ORDER_STAFF,
    description: 'Orders: filter, open, change status; refunds due' },
  { href: '/admin/customers/index.html', label: 'Customers', roles: ORDER_STAFF,
    description: 'Customers: search, view, delete; imports from the legacy system with progress' },
  { href: '/admin/users/index.html', label: 'Staff users', roles: ORDER_STAFF,
    description: 'Staff users and their roles (admins change them, managers read)' },
  // analytics dashboard (analytics-service: admin, manager)
  { href: '/analytics/', label: 'Analytics', roles: CATALOG_STAFF,
    description: 'The analytics dashboard' },
];

/** Whether the user (claims from session.js) has one of the roles. */
export function mayUse(user, roles) {
  return !!user && Array.isArray(user.roles) && user.roles.some(r => roles.includes(r));
}

/** The areas this user may use, in nav order. */
export function areasFor(user) {
  return consoleAreas.filter(area => mayUse(user, area.roles));
}

/** Fills `<nav id="console-nav">` (if the page has one) with the user's areas; the current page is marked. */
export function renderConsoleNav(user) {
  const nav = document.getElementById('console-nav');
  if (!nav) return;
  clear(nav);
  if (!mayUse(user, STAFF_ROLES)) return;
  const here = location.pathname;
  const list = el('ul', { class: 'console-nav-list' },
    ...areasFor(user).map(area => {
      const link = el('a', { href: area.href }, area.label);
      if (area.href === here || (here === '/admin/' && area.href === '/admin/index.html')) {
        link.setAttribute('aria-current', 'page');
      }
      return el('li', {}, link);
    }));
  nav.append(list);
}

/**
 * Starts a console page (layout.js's header and footer for the console, then the nav): the signed-in staff user whose role is one of `roles`, with the nav drawn; or
 * null after telling the user why not (signed out: a link to the console sign-in; a role that may not use
 * the page: what it may do instead). The page then offers nothing.
 */
export async function startConsolePage(roles, container = document.getElementById('content')) {
  let user = null;
  try {
    user = await initLayout({ area: 'admin' });
  } catch (e) {
    user = null;
  }
  renderConsoleNav(user);
  if (!user) {
    const next = location.pathname + location.search;
    clear(container);
    container.append(el('p', { class: 'notice' }, 'Please ',
      el('a', { href: '/admin/index.html?next=' + encodeURIComponent(next) }, 'sign in to the staff console'),
      ' first.'));
    return null;
  }
  if (!mayUse(user, roles)) {
    clear(container);
    container.append(el('p', { class: 'notice', 'data-testid': 'not-allowed' },
      'Your role (' + (user.roles || []).join(', ') + ') may not use this page. ',
      el('a', { href: '/admin/index.html' }, 'Back to the console home'), '.'));
    return null;
  }
  return user;
}
