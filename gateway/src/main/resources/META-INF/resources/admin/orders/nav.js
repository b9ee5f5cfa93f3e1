// TEMPORARY (until the console shell's /assets/js/admin-nav.js is merged): the console's links for the
// order, customer and staff-user pages, above the page's main content.
import { el } from '/assets/js/dom.js';

export function consoleNav(user) {
  if (document.getElementById('console-nav')) return;
  const roles = (user && user.roles) || [];
  const staff = roles.includes('admin') || roles.includes('manager');
  const links = [['/admin/index.html', 'Console home']];
  if (staff) {
    links.push(['/admin/orders/index.html', 'Orders'], ['/admin/orders/refunds.html', 'Refunds due'],
      ['/admin/customers/index.html', 'Customers'], ['/admin/customers/imports.html', 'Customer imports'],
      ['/admin/users/index.html', 'Staff users']);
  }
  links.push(['/analytics/', 'Analytics dashboard']);
  const list = el('ul', {}, ...links.map(([href, text]) => el('li', {}, el('a', href === location.pathname
    ? { href, 'aria-current': 'page' } : { href }, text))));
  document.body.prepend(el('nav', { id: 'console-nav', class: 'console-nav', 'aria-label': 'Staff console' }, list));
}
