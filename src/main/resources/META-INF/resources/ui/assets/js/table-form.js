// The table form: fields for the usual CreateTable shapes, or the CreateTable JSON as it is.
// The fields overlay the declaration as loaded, so what they do not show is kept.
import { $, fail, optionalNumber } from './dom.js';
import { clearErrors, showErrors } from './fields.js';
import { call, localProblem, v1 } from './http.js';
import { startPage } from './page.js';
import { flash } from './session.js';

const editing = $('#page').dataset.table;
const form = $('#table-form');
let original = {};
let etag = null;

function keyOf(spec, keyType, keys = spec.KeySchema) {
  const key = (keys || []).find((element) => element.KeyType === keyType);
  if (!key) {
    return { name: '', type: 'S' };
  }
  const definition = (spec.AttributeDefinitions || []).find((d) => d.AttributeName === key.AttributeName);
  return { name: key.AttributeName, type: definition ? definition.AttributeType : 'S' };
}

function fill(spec) {
  $('#table-name').value = editing || spec.TableName || '';
  const partition = keyOf(spec, 'HASH');
  const sort = keyOf(spec, 'RANGE');
  $('#pk-name').value = partition.name;
  $('#pk-type').value = partition.type;
  $('#sk-name').value = sort.name;
  $('#sk-type').value = sort.type;
  $('#billing-mode').value = spec.BillingMode || (spec.ProvisionedThroughput ? 'PROVISIONED' : 'PAY_PER_REQUEST');
  $('#rcu').value = spec.ProvisionedThroughput?.ReadCapacityUnits ?? 5;
  $('#wcu').value = spec.ProvisionedThroughput?.WriteCapacityUnits ?? 5;
  $('#gsis').replaceChildren();
  (spec.GlobalSecondaryIndexes || []).forEach((gsi) => addIndex(spec, gsi));
  $('#attribute-schema').value = spec.AttributeSchema ? JSON.stringify(spec.AttributeSchema, null, 2) : '';
  $('#deletion-policy').value = spec.DeletionPolicy || 'RETAIN';
  showCapacity();
}

function addIndex(spec, gsi) {
  const row = $('#gsi-row').content.firstElementChild.cloneNode(true);
  const partition = keyOf(spec, 'HASH', gsi.KeySchema);
  const sort = keyOf(spec, 'RANGE', gsi.KeySchema);
  row.dataset.original = gsi.IndexName || '';
  $('.gsi-name', row).value = gsi.IndexName || '';
  $('.gsi-pk', row).value = partition.name;
  $('.gsi-pk-type', row).value = partition.type;
  $('.gsi-sk', row).value = sort.name;
  $('.gsi-sk-type', row).value = sort.type;
  $('.gsi-projection', row).value = gsi.Projection?.ProjectionType === 'KEYS_ONLY' ? 'KEYS_ONLY' : 'ALL';
  $('.gsi-remove', row).addEventListener('click', () => {
    row.remove();
    numberIndexes();
    $('#add-gsi').focus();
  });
  $('#gsis').append(row);
  numberIndexes();
  return row;
}

/** Ids, labels and error fields follow each index's position (GlobalSecondaryIndexes[i]). */
function numberIndexes() {
  [...$('#gsis').children].forEach((row, i) => {
    $('legend', row).textContent = `Index ${i + 1}`;
    row.dataset.field = `GlobalSecondaryIndexes[${i}]`;
    row.querySelectorAll('.field').forEach((field, j) => {
      const control = $('input, select', field);
      control.id = `gsi-${i}-${j}`;
      $('label', field).htmlFor = control.id;
      field.dataset.relative = field.dataset.relative || field.dataset.field || '';
      if (field.dataset.relative) {
        field.dataset.field = `GlobalSecondaryIndexes[${i}].${field.dataset.relative}`;
      }
    });
  });
}

function showCapacity() {
  const provisioned = $('#billing-mode').value === 'PROVISIONED';
  form.querySelectorAll('.provisioned').forEach((node) => { node.hidden = !provisioned; });
}

/** The spec the fields describe, over the one loaded. Throws a local problem on unreadable JSON. */
function fromFields() {
  const spec = structuredClone(original);
  const definitions = new Map();
  const key = (name, type, keyType) => {
    if (!definitions.has(name)) {
      definitions.set(name, type);
    }
    return { AttributeName: name, KeyType: keyType };
  };
  const keySchema = (pk, pkType, sk, skType) => [key(pk, pkType, 'HASH')]
    .concat(sk ? [key(sk, skType, 'RANGE')] : []);

  spec.TableName = $('#table-name').value.trim();
  spec.KeySchema = keySchema($('#pk-name').value.trim(), $('#pk-type').value,
    $('#sk-name').value.trim(), $('#sk-type').value);
  const provisioned = $('#billing-mode').value === 'PROVISIONED';
  const throughput = {
    ReadCapacityUnits: optionalNumber($('#rcu')),
    WriteCapacityUnits: optionalNumber($('#wcu')),
  };
  const originalIndexes = new Map((original.GlobalSecondaryIndexes || []).map((gsi) => [gsi.IndexName, gsi]));
  const indexes = [...$('#gsis').children].map((row) => {
    const before = originalIndexes.get(row.dataset.original) || {};
    const gsi = { ...before };
    gsi.IndexName = $('.gsi-name', row).value.trim();
    gsi.KeySchema = keySchema($('.gsi-pk', row).value.trim(), $('.gsi-pk-type', row).value,
      $('.gsi-sk', row).value.trim(), $('.gsi-sk-type', row).value);
    gsi.Projection = { ProjectionType: $('.gsi-projection', row).value };
    if (provisioned) {
      gsi.ProvisionedThroughput = before.ProvisionedThroughput || throughput;
    } else {
      delete gsi.ProvisionedThroughput;
    }
    return gsi;
  });
  if (indexes.length) {
    spec.GlobalSecondaryIndexes = indexes;
  } else {
    delete spec.GlobalSecondaryIndexes;
  }
  spec.AttributeDefinitions = [...definitions].map(([name, type]) => ({ AttributeName: name, AttributeType: type }));
  if (provisioned) {
    spec.ProvisionedThroughput = throughput;
    if (original.BillingMode) {
      spec.BillingMode = 'PROVISIONED';
    }
  } else {
    spec.BillingMode = 'PAY_PER_REQUEST';
    delete spec.ProvisionedThroughput;
  }
  const schema = $('#attribute-schema').value.trim();
  if (schema) {
    try {
      spec.AttributeSchema = JSON.parse(schema);
    } catch {
      throw localProblem([{ field: 'AttributeSchema', message: 'is not valid JSON' }]);
    }
  } else {
    delete spec.AttributeSchema;
  }
  const policy = $('#deletion-policy').value;
  if (policy !== 'RETAIN' || original.DeletionPolicy) {
    spec.DeletionPolicy = policy;
  }
  return spec;
}

/** Same JSON, whatever the order of object keys and of attribute definitions. */
function canonical(value) {
  if (Array.isArray(value)) {
    return value.map(canonical);
  }
  if (value && typeof value === 'object') {
    const out = {};
    Object.keys(value).sort().forEach((key) => { out[key] = canonical(value[key]); });
    if (Array.isArray(out.AttributeDefinitions)) {
      out.AttributeDefinitions.sort((a, b) => String(a.AttributeName).localeCompare(String(b.AttributeName)));
    }
    return out;
  }
  return value;
}

/** Could the fields show this declaration without changing it? */
function fieldsCanShow(spec) {
  try {
    return JSON.stringify(canonical(fromFields())) === JSON.stringify(canonical(spec));
  } catch {
    return false;
  }
}

function showMode(mode) {
  $('#mode-' + mode).checked = true;
  $('#fields-mode').hidden = mode !== 'fields';
  $('#json-mode').hidden = mode !== 'json';
}

function switchMode() {
  clearErrors(form);
  if ($('#mode-json').checked) {
    try {
      $('#table-json').value = JSON.stringify(fromFields(), null, 2);
      showMode('json');
    } catch (error) {
      showMode('fields');
      showErrors(form, error);
    }
    return;
  }
  try {
    original = JSON.parse($('#table-json').value || '{}');
  } catch {
    showMode('json');
    showErrors(form, localProblem([{ field: '', message: 'the JSON cannot be read: fix it or reload the page' }]));
    return;
  }
  fill(original);
  showMode('fields');
}

async function submit(event) {
  event.preventDefault();
  clearErrors(form);
  const json = $('#mode-json').checked;
  let body;
  try {
    body = json ? $('#table-json').value : fromFields();
  } catch (error) {
    showErrors(form, error);
    return;
  }
  if (!json && !body.TableName) {
    showErrors(form, localProblem([{ field: 'TableName', message: 'is required' }]));
    return;
  }
  try {
    // Pasted JSON goes to POST /tables as it is: the table is named by its TableName.
    const { data } = editing || !json
      ? await call('PUT', v1('tables', editing || body.TableName), { body, ifMatch: etag })
      : await call('POST', v1('tables'), { body });
    flash(`Table ${data.name} saved.`);
    location.assign('/ui');
  } catch (error) {
    showErrors(form, error);
  }
}

async function init() {
  form.addEventListener('submit', submit);
  form.querySelectorAll('input[name=mode]').forEach((radio) => radio.addEventListener('change', switchMode));
  $('#billing-mode').addEventListener('change', showCapacity);
  $('#add-gsi').addEventListener('click', () => $('.gsi-name', addIndex({}, {})).focus());
  if (!editing) {
    fill({});
    return;
  }
  try {
    const answer = await call('GET', v1('tables', editing));
    original = answer.data.spec;
    etag = answer.etag;
    fill(original);
    if (!fieldsCanShow(original)) {
      $('#table-json').value = JSON.stringify(original, null, 2);
      showMode('json');
    }
  } catch (error) {
    fail(error);
  }
}

if (startPage()) {
  init();
}
