// /admin/users/index.html: staff users (customer-service /api/users). Admins and managers read the list;
// only admins create users, change roles, set a new password and delete users (the last admin stays).
import { api } from '/assets/js/api.js';
import { el, clear, showError, formData, dateTime, announce } from '/assets/js/dom.js';
import { pager, queryParams, table, cell } from '/admin/orders/kit.js';
import { startConsolePage, mayUse, ORDER_STAFF } from '/assets/js/admin-nav.js';

const PAGE_SIZE = 50;
const ROLES = ['admin', 'manager', 'supplier', 'bot'];
let isAdmin = false;

async function main() {
  const user = await startConsolePage(ORDER_STAFF);
  if (!user) return;
  isAdmin = mayUse(user, ['admin']);
  if (isAdmin) {
    document.getElementById('user-create').hidden = false;
    const form = document.getElementById('create-form');
    const role = form.elements.namedItem('role');
    role.addEventListener('change', () => {
      document.getElementById('new-supplier-field').hidden = role.value !== 'supplier';
    });
    form.addEventListener('submit', create);
  }
  await list();
}

async function list() {
  const offset = Number(queryParams(['offset']).offset || 0);
  const box = document.getElementById('user-list');
  try {
    const page = await api('/api/users', { query: { limit: PAGE_SIZE, offset } });
    clear(box);
    const headers = ['Login', 'Name', 'Role', 'Supplier', 'Since'];
    if (isAdmin) headers.push('Change');
    box.append(table(headers, page.items.map(row)), pager(page.total, PAGE_SIZE, offset));
  } catch (error) {
    showError(document.getElementById('user-errors'), error);
  }
}

function row(user) {
  const tr = el('tr', { 'data-user-id': String(user.id) },
    el('th', { scope: 'row' }, user.login),
    cell([user.firstName, user.lastName].filter(Boolean).join(' ')),
    cell(user.role), cell(user.supplierId != null ? String(user.supplierId) : ''), cell(dateTime(user.createdAt)));
  if (isAdmin) tr.append(el('td', {}, changeControls(user)));
  return tr;
}

/** An admin's controls for one user: role (with supplier id), a new password, delete (asked twice). */
function changeControls(user) {
  const box = el('div', { class: 'row-actions' });
  const roleId = 'role-' + user.id;
  const supplierId = 'supplier-' + user.id;
  const roleSelect = el('select', { id: roleId }, ...ROLES.map((r) => {
    const option = el('option', { value: r }, r);
    option.selected = r === user.role;
    return option;
  }));
  const supplier = el('input', { id: supplierId, type: 'number', min: '1', inputmode: 'numeric',
    value: user.supplierId != null ? String(user.supplierId) : '' });
  const supplierField = el('span', { class: 'field' }, el('label', { for: supplierId }, 'Supplier id of ' + user.login), supplier);
  supplierField.hidden = user.role !== 'supplier';
  roleSelect.addEventListener('change', () => { supplierField.hidden = roleSelect.value !== 'supplier'; });
  const saveRole = el('button', { type: 'button' }, 'Save role');
  saveRole.addEventListener('click', () => change(user, roleSelect.value === 'supplier'
    ? { role: roleSelect.value, supplierId: Number(supplier.value) || null }
    : { role: roleSelect.value, supplierId: null }, 'The role of ' + user.login + ' is now ' + roleSelect.value + '.'));

  const passwordId = 'password-' + user.id;
  const password = el('input', { id: passwordId, type: 'password', minlength: '8', maxlength: '72', autocomplete: 'new-password' });
  const setPassword = el('button', { type: 'button' }, 'Set password');
  setPassword.addEventListener('click', () => change(user, { password: password.value },
    'A new password is set for ' + user.login + '.'));

  const remove = el('button', { type: 'button', class: 'danger' }, 'Delete…');
  const confirmYes = el('button', { type: 'button', class: 'danger' }, 'Yes, delete ' + user.login);
  confirmYes.hidden = true;
  remove.addEventListener('click', () => { confirmYes.hidden = false; remove.hidden = true; confirmYes.focus(); });
  confirmYes.addEventListener('click', async () => {
    try {
      await api('/api/users/' + user.id, { method: 'DELETE' });
      announce(user.login + ' has been deleted.');
      await list();
    } catch (error) {
      showError(document.getElementById('user-errors'), error);
    }
  });
  box.append(el('span', { class: 'field' }, el('label', { for: roleId }, 'Role of ' + user.login), roleSelect), supplierField, saveRole,
    el('span', { class: 'field' }, el('label', { for: passwordId }, 'New password for ' + user.login), password), setPassword,
    remove, confirmYes);
  return box;
}

async function change(user, patch, done) {
  clear(document.getElementById('user-errors'));
  try {
    await api('/api/users/' + user.id, { method: 'PATCH', body: patch });
    announce(done);
    await list();
  } catch (error) {
    showError(document.getElementById('user-errors'), error);
  }
}

async function create(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const errors = document.getElementById('user-errors');
  clear(errors);
  const values = formData(form);
  const body = { login: values.login, password: values.password, role: values.role };
  if (values.firstName) body.firstName = values.firstName;
  if (values.lastName) body.lastName = values.lastName;
  if (values.role === 'supplier' && values.supplierId) body.supplierId = Number(values.supplierId);
  try {
    const created = await api('/api/users', { method: 'POST', body });
    form.reset();
    document.getElementById('new-supplier-field').hidden = true;
    announce(created.login + ' (' + created.role + ') has been created.');
    await list();
  } catch (error) {
    showError(errors, error);
  }
}

main();
