// One table: its status and ARN, and the routes (of the APIs this token may read) that use it.
import { $, badge, el, fail, when } from './dom.js';
import { call, listAll, v1 } from './http.js';
import { startPage } from './page.js';

const table = $('#page').dataset.table;

function keys(spec) {
  return (spec.KeySchema || [])
    .map((key) => `${key.AttributeName} (${key.KeyType === 'HASH' ? 'partition' : 'sort'})`)
    .join(', ') || '–';
}

async function loadTable() {
  try {
    const { data } = await call('GET', v1('tables', table));
    const status = data.status || {};
    $('#table-phase').replaceWith(Object.assign(badge(status.phase), { id: 'table-phase' }));
    $('#table-arn').textContent = status.tableArn || '– (not created yet)';
    $('#table-keys').textContent = keys(data.spec || {});
    $('#table-owner').textContent = data.owner;
    $('#table-last-reconciled').textContent = when(status.lastReconciledAt);
    $('#table-message').textContent = status.message || '–';
    $('#table-status').removeAttribute('aria-busy');
    return true;
  } catch (error) {
    if (error.status === 404) {
      $('main').replaceChildren($('#notice'),
        el('p', { class: 'crumbs' }, el('a', { href: '/ui', text: 'Overview' })),
        el('h1', { id: 'not-found', text: `404: table ${table} not found` }));
      return false;
    }
    fail(error);
    return false;
  }
}

async function loadRoutes() {
  const body = $('#table-routes').tBodies[0];
  try {
    const rows = [];
    for (const api of await listAll(v1('apis'))) {
      for (const route of await listAll(v1('apis', api.name, 'routes'))) {
        if (route.spec?.table === table) {
          rows.push(el('tr', { 'data-route': `${api.name}/${route.name}` },
            el('td', {}, el('a', { href: `/ui/apis/${encodeURIComponent(api.name)}`, text: api.name })),
            el('td', {}, el('code', { text: route.name })),
            el('td', {}, el('code', { text: `${route.spec.method || 'GET'} ${route.spec.path}` })),
            el('td', { text: route.spec.action || 'GetItem' })));
        }
      }
    }
    body.replaceChildren(...rows);
    $('#table-routes-empty').hidden = rows.length > 0;
  } catch (error) {
    fail(error);
  } finally {
    body.removeAttribute('aria-busy');
  }
}

if (startPage()) {
  loadTable().then((found) => found && loadRoutes());
}
