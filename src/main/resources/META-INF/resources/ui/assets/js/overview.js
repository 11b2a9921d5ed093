import { confirmAction } from './confirm.js';
import { $, badge, el, fail, notice, when } from './dom.js';
import { call, listAll, v1 } from './http.js';
import { startPage } from './page.js';

const SETTLING = ['Pending', 'Deleting'];
const REFRESH_MS = 3000;
// An API without routes stays Pending: stop asking after a few minutes.
let refreshesLeft = 60;

function apiRow(api) {
  const status = api.status || {};
  return el('tr', { 'data-api': api.name },
    el('td', {}, el('a', { href: `/ui/apis/${encodeURIComponent(api.name)}`, text: api.name })),
    el('td', { class: 'phase' }, badge(status.phase)),
    el('td', { class: 'wrap' }, status.invokeUrl ? el('code', { text: status.invokeUrl }) : '–'),
    el('td', { text: when(status.lastReconciledAt) }),
    el('td', { text: status.message || '' }));
}

function keySchema(spec, keys) {
  const typeOf = (name) => (spec.AttributeDefinitions || [])
    .find((definition) => definition.AttributeName === name)?.AttributeType || '?';
  return (keys || [])
    .map((key) => `${key.AttributeName} (${typeOf(key.AttributeName)}, ${key.KeyType === 'HASH' ? 'partition' : 'sort'})`)
    .join(', ');
}

function tableRow(table) {
  const spec = table.spec || {};
  const status = table.status || {};
  const indexes = (spec.GlobalSecondaryIndexes || [])
    .map((gsi) => `${gsi.IndexName}: ${keySchema(spec, gsi.KeySchema)}`);
  const remove = el('button', {
    type: 'button', class: 'danger', text: 'Delete', 'aria-label': `Delete table ${table.name}`,
    onclick: () => removeTable(table.name),
  });
  return el('tr', { 'data-table': table.name },
    el('td', {}, el('a', { href: `/ui/tables/${encodeURIComponent(table.name)}` }, el('code', { text: table.name }))),
    el('td', { class: 'keys', text: keySchema(spec, spec.KeySchema) }),
    el('td', { text: indexes.length ? indexes.join('; ') : '–' }),
    el('td', {}, badge(status.phase)),
    el('td', { text: status.message || '' }),
    el('td', {}, el('div', { class: 'actions' },
      el('a', { class: 'button', href: `/ui/tables/${encodeURIComponent(table.name)}/edit`, text: 'Edit', 'aria-label': `Edit table ${table.name}` }),
      remove)));
}

async function fillList(tableId, emptyId, path, row) {
  const table = $(`#${tableId}`);
  try {
    const items = await listAll(path);
    table.tBodies[0].replaceChildren(...items.map(row));
    table.hidden = items.length === 0;
    $(`#${emptyId}`).hidden = items.length > 0;
    return items;
  } catch (error) {
    fail(error);
    return [];
  } finally {
    table.removeAttribute('aria-busy');
  }
}

async function loadApis() {
  const apis = await fillList('apis', 'apis-empty', v1('apis'), apiRow);
  if (apis.some((api) => SETTLING.includes(api.status?.phase)) && refreshesLeft-- > 0) {
    setTimeout(loadApis, REFRESH_MS);
  }
}

function loadTables() {
  return fillList('tables', 'tables-empty', v1('tables'), tableRow);
}

async function removeTable(name) {
  if (!(await confirmAction(`Delete the declaration of table ${name}? Its data is kept unless its deletion policy is DELETE.`))) {
    return;
  }
  try {
    await call('DELETE', v1('tables', name));
    notice(`Table ${name} deleted.`);
    await loadTables();
  } catch (error) {
    fail(error);
  }
}

if (startPage()) {
  loadApis();
  loadTables();
}
