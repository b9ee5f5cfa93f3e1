// The console shell: staff sign in here (the gateway's web session, session.js), then see the areas
// their role may use. Customers are told the console is for staff.
import { el, clear, formData, showError, qs } from '/assets/js/dom.js';
import { currentUser, signIn } from '/assets/js/session.js';
import { initLayout } from '/assets/js/layout.js';
import { areasFor, mayUse, renderConsoleNav, STAFF_ROLES } from '/assets/js/admin-nav.js';

const form = document.getElementById('sign-in');
const home = document.getElementById('home');
const status = document.getElementById('status');

/** Where to go after signing in: only a console path of this site (never another origin). */
function nextPage() {
  const next = qs('next');
  if (!next) return null;
  try {
    const url = new URL(next, location.origin);
    return url.origin === location.origin && url.pathname.startsWith('/admin/') ? url.pathname + url.search : null;
  } catch (e) {
    return null;
  }
}

function showSignIn() {
  renderConsoleNav(null);
  home.hidden = true;
  form.hidden = false;
}

function showHome(user) {
  renderConsoleNav(user);
  form.hidden = true;
  home.hidden = false;
  const who = document.getElementById('who');
  const areas = document.getElementById('areas');
  clear(who);
  clear(areas);
  who.append('Signed in as ', el('strong', {}, user.name || user.subject),
    ' (' + (user.roles || []).join(', ') + ').');
  if (!mayUse(user, STAFF_ROLES)) {
    areas.append(el('li', {}, 'This console is for shop staff. ',
      el('a', { href: '/account/' }, 'Your account'), ' is on the shop site.'));
    return;
  }
  const offered = areasFor(user).filter(area => area.home !== false);
  if (offered.length === 0) {
    areas.append(el('li', { 'data-testid': 'nothing-offered' },
      'Your role has no console areas: it uses the API for its own tasks.'));
  }
  for (const area of offered) {
    areas.append(el('li', {}, el('a', { href: area.href }, area.label),
      area.description ? el('span', { class: 'hint' }, ' — ' + area.description) : ''));
  }
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  const { login, password } = formData(form);
  try {
    const user = await signIn({ login, password });
    form.reset();
    const next = nextPage();
    if (next) {
      location.assign(next);
      return;
    }
    showHome(user || await currentUser());
    status.textContent = 'Signed in.';
    document.getElementById('home-title').focus?.();
  } catch (e) {
    showError(form.querySelector('.form-errors'), e);
  }
});

(async () => {
  let user = null;
  try {
    user = await initLayout({ area: 'admin' });
  } catch (e) {
    user = null;
  }
  if (user) showHome(user); else showSignIn();
})();
