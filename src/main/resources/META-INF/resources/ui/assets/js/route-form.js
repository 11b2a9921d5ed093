// The route form. The key mapping is offered from the chosen table's (or index's) key schema:
// one row per key attribute the action binds, defaulting to the path parameter of the same name.
import { $, commaList, el, fail, optionalNumber } from './dom.js';
import { clearErrors, showErrors } from './fields.js';
import { call, listAll, localProblem, v1 } from './http.js';
import { startPage } from './page.js';
import { flash } from './session.js';

const { api, route: editing } = $('#page').dataset;
const form = $('#route-form');
const LOCATIONS = [['path', 'path parameter'], ['query', 'query string'], ['header', 'header']];
let tables = new Map();
let etag = null;
let declaredKey = {};

function isQuery() {
  return $('#route-action').value === 'Query';
}

const METHODS = { GetItem: ['GET'], Query: ['GET'], PutItem: ['POST', 'PUT'], UpdateItem: ['PATCH'], DeleteItem: ['DELETE'] };

function action() {
  return $('#route-action').value;
}

function isWrite() {
  return ['PutItem', 'UpdateItem', 'DeleteItem'].includes(action());
}

/** Only the options the action takes are shown, and the method follows the action. */
function showActionOptions() {
  const methods = METHODS[action()] || ['GET'];
  if (!methods.includes($('#route-method').value)) {
    $('#route-method').value = methods[0];
  }
  form.querySelectorAll('.write-only').forEach((node) => { node.hidden = !isWrite(); });
  form.querySelectorAll('.read-only').forEach((node) => { node.hidden = isWrite(); });
  form.querySelectorAll('.put-only').forEach((node) => { node.hidden = action() !== 'PutItem'; });
  form.querySelectorAll('.update-only').forEach((node) => { node.hidden = action() !== 'UpdateItem'; });
  form.querySelectorAll('.body-only').forEach((node) => { node.hidden = action() === 'DeleteItem'; });
  form.querySelectorAll('.versioned').forEach((node) => { node.hidden = action() === 'PutItem'; });
}

function chosenTable() {
  return tables.get($('#route-table').value);
}

/** The key schema the route reads: the table's, or the chosen index's. */
function keySchema() {
  const table = chosenTable();
  if (!table) {
    return [];
  }
  const index = isQuery() ? $('#route-index').value : '';
  const gsi = (table.GlobalSecondaryIndexes || []).find((g) => g.IndexName === index);
  return (gsi ? gsi.KeySchema : table.KeySchema) || [];
}

function typeOf(name) {
  return (chosenTable()?.AttributeDefinitions || []).find((d) => d.AttributeName === name)?.AttributeType || '?';
}

function fillIndexes(selected) {
  const table = chosenTable();
  const indexes = (table?.GlobalSecondaryIndexes || []).map((gsi) => gsi.IndexName);
  $('#route-index').replaceChildren(
    el('option', { value: '', text: 'The table itself' }),
    ...indexes.map((name) => el('option', { value: name, text: name })));
  $('#route-index').value = indexes.includes(selected) ? selected : '';
}

/** The sources the user chose (declared, or typed into a row), so that re-rendering keeps them. */
function currentKey() {
  const key = { ...declaredKey };
  $('#key-rows').querySelectorAll('[data-attribute][data-edited]').forEach((row) => {
    key[row.dataset.attribute] = `${$('select', row).value}.${$('input', row).value.trim()}`;
  });
  return key;
}

/** The path's parameters, in order: /users/{id}/orders/{orderId} gives id, orderId. */
function pathParameters() {
  return [...$('#route-path').value.matchAll(/\{([^{}+]+)\+?\}/g)].map((match) => match[1]);
}

/**
 * Where a key attribute comes from until the user says otherwise: the path parameter of its name,
 * else the path's parameters no key attribute is named after, in order, else the query string.
 */
function defaultSources(keys) {
  const parameters = pathParameters();
  const names = keys.map((key) => key.AttributeName);
  const unused = parameters.filter((parameter) => !names.includes(parameter));
  const sources = {};
  keys.forEach((key) => {
    const name = key.AttributeName;
    sources[name] = parameters.includes(name) ? `path.${name}`
      : unused.length ? `path.${unused.shift()}` : `query.${name}`;
  });
  return sources;
}

function keyRow(key, i, source) {
  const [location, ...rest] = (source || `path.${key.AttributeName}`).split('.');
  const role = key.KeyType === 'HASH' ? 'partition key' : 'sort key';
  const what = `${key.AttributeName} (${typeOf(key.AttributeName)}, ${role})`;
  const select = el('select', { id: `key-${i}-location` },
    ...LOCATIONS.map(([value, text]) => el('option', { value, text })));
  select.value = LOCATIONS.some(([value]) => value === location) ? location : 'path';
  const row = el('div', { class: 'row key-row', 'data-attribute': key.AttributeName, 'data-field': `key.${key.AttributeName}` },
    el('div', { class: 'field' }, el('label', { for: select.id, text: `${what} comes from the` }), select),
    el('div', { class: 'field' },
      el('label', { for: `key-${i}-name`, text: `${key.AttributeName}: parameter name` }),
      el('input', { id: `key-${i}-name`, value: rest.join('.') || key.AttributeName, spellcheck: 'false', autocomplete: 'off' })));
  // A row the user changed keeps its source; the others follow the path as it is typed.
  const edited = () => { row.dataset.edited = 'true'; };
  row.addEventListener('input', edited);
  row.addEventListener('change', edited);
  return row;
}

function render() {
  const keep = currentKey();
  const keys = keySchema().filter((key) => !(isQuery() && key.KeyType === 'RANGE'));
  const defaults = defaultSources(keys);
  $('#key-rows').replaceChildren(...keys.map((key, i) => {
    const row = keyRow(key, i, keep[key.AttributeName] ?? defaults[key.AttributeName]);
    if (keep[key.AttributeName]) {
      row.dataset.edited = 'true';
    }
    return row;
  }));
  $('#key-hint').textContent = chosenTable()
    ? 'Path parameters must appear in the path, e.g. {userId}.'
    : 'Choose a table to see its key schema.';
  form.querySelectorAll('.query-only').forEach((node) => { node.hidden = !isQuery(); });
  const hasSortKey = keySchema().some((key) => key.KeyType === 'RANGE');
  $('#sort-key').hidden = !isQuery() || !hasSortKey;
  const between = $('#sk-condition').value === 'BETWEEN';
  const anyCondition = $('#sk-condition').value !== '';
  form.querySelectorAll('.sk-between').forEach((node) => { node.hidden = !between; });
  $('.sk-value').hidden = between || !anyCondition;
  showActionOptions();
}

function fill(spec) {
  $('#route-method').value = spec.method || 'GET';
  $('#route-path').value = spec.path || '';
  $('#route-table').value = spec.table || '';
  $('#route-action').value = spec.action || 'GetItem';
  fillIndexes(spec.index);
  declaredKey = spec.key || {};
  const sortKey = spec.sortKey || {};
  $('#sk-condition').value = sortKey.condition || '';
  $('#sk-value').value = sortKey.value || '';
  $('#sk-low').value = sortKey.values?.[0] || '';
  $('#sk-high').value = sortKey.values?.[1] || '';
  $('#route-limit').value = spec.limit ?? '';
  $('#route-max-limit').value = spec.maxLimit ?? '';
  $('#route-projection').value = (spec.projection || []).join(', ');
  $('#route-consistent').checked = spec.consistentRead === true;
  $('#route-mode').value = spec.mode || '';
  $('#route-version').value = spec.versionAttribute || '';
  $('#route-undeclared').checked = spec.allowUndeclared === true;
  $('#route-remove').checked = spec.allowRemove === true;
  $('#route-timestamps').checked = spec.timestamps === true;
  render();
}

function fromFields() {
  const spec = {
    method: $('#route-method').value,
    path: $('#route-path').value.trim(),
    table: $('#route-table').value || undefined,
    action: $('#route-action').value,
  };
  const key = {};
  $('#key-rows').querySelectorAll('[data-attribute]').forEach((row) => {
    const source = `${$('select', row).value}.${$('input', row).value.trim()}`;
    if (source !== `path.${row.dataset.attribute}`) {
      key[row.dataset.attribute] = source;
    }
  });
  if (Object.keys(key).length) {
    spec.key = key;
  }
  if (isQuery()) {
    spec.index = $('#route-index').value || undefined;
    const condition = $('#sk-condition').value;
    if (condition && !$('#sort-key').hidden) {
      spec.sortKey = condition === 'BETWEEN'
        ? { condition, values: [$('#sk-low').value.trim(), $('#sk-high').value.trim()] }
        : { condition, value: $('#sk-value').value.trim() };
    }
    spec.limit = optionalNumber($('#route-limit'));
    spec.maxLimit = optionalNumber($('#route-max-limit'));
  }
  if (isWrite()) {
    return withWriteOptions(spec);
  }
  const projection = commaList($('#route-projection').value);
  if (projection.length) {
    spec.projection = projection;
  }
  if ($('#route-consistent').checked) {
    spec.consistentRead = true;
  }
  return spec;
}

/** The write options the action takes, only those set. */
function withWriteOptions(spec) {
  const visible = (id) => !$(id).closest('.field').hidden;
  if (visible('#route-mode') && $('#route-mode').value) {
    spec.mode = $('#route-mode').value;
  }
  if (visible('#route-version') && $('#route-version').value.trim()) {
    spec.versionAttribute = $('#route-version').value.trim();
  }
  [['#route-undeclared', 'allowUndeclared'], ['#route-remove', 'allowRemove'], ['#route-timestamps', 'timestamps']]
    .forEach(([id, field]) => {
      if (visible(id) && $(id).checked) {
        spec[field] = true;
      }
    });
  return spec;
}

async function submit(event) {
  event.preventDefault();
  clearErrors(form);
  const name = editing || $('#route-name').value.trim();
  if (!name) {
    showErrors(form, localProblem([{ field: 'name', message: 'is required' }]));
    return;
  }
  try {
    await call('PUT', v1('apis', api, 'routes', name), { body: fromFields(), ifMatch: etag });
    flash(`Route ${name} saved.`);
    location.assign(`/ui/apis/${encodeURIComponent(api)}`);
  } catch (error) {
    showErrors(form, error);
  }
}

async function init() {
  form.addEventListener('submit', submit);
  ['#route-table', '#route-action'].forEach((id) => $(id).addEventListener('change', () => {
    fillIndexes($('#route-index').value);
    render();
  }));
  ['#route-index', '#sk-condition'].forEach((id) => $(id).addEventListener('change', render));
  $('#route-path').addEventListener('input', render);
  try {
    const declared = await listAll(v1('tables'));
    tables = new Map(declared.map((table) => [table.name, table.spec]));
    $('#route-table').append(...declared.map((table) => el('option', { value: table.name, text: table.name })));
    if (editing) {
      const answer = await call('GET', v1('apis', api, 'routes', editing));
      etag = answer.etag;
      fill(answer.data.spec);
    } else {
      fill({});
    }
  } catch (error) {
    fail(error);
  }
}

if (startPage()) {
  init();
}
