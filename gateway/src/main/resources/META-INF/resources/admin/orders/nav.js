// TEMPORARY (until the console shell's /assets/js/admin-nav.js is merged): fills <nav id="console-nav">
// with the console's links for the order, customer and staff-user pages.
import { el, clear } from '/assets/js/dom.js';

export function consoleNav(user) {
  const nav = document.getElementById('console-nav');
  if (!nav) return;
  clear(nav);
  const roles = (user && user.roles) || [];
  const staff = roles.includes('admin') || roles.includes('manager');
  if (!staff) return;
  const links = [['/admin/index.html', 'Console home'], ['/admin/orders/index.html', 'Orders'],
    ['/admin/orders/refunds.html', 'Refunds due'], ['/admin/customers/index.html', 'Customers'],
    ['/admin/customers/imports.html', 'Customer imports'], ['/admin/users/index.html', 'Staff users'],
    ['/analytics/', 'Analytics']];
  nav.append(el('ul', { class: 'console-nav-list' }, ...links.map(([href, text]) => el('li', {},
    el('a', href === location.pathname ? { href, 'aria-current': 'page' } : { href }, text)))));
}
