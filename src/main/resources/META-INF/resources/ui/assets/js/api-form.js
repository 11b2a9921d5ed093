// The API form. The fields overlay the declaration as loaded, so what they do not show
// (e.g. cors.allowHeaders) is kept.
import { $, commaList, fail, optionalNumber } from './dom.js';
import { clearErrors, showErrors } from './fields.js';
import { call, localProblem, v1 } from './http.js';
import { startPage } from './page.js';
import { flash } from './session.js';

const editing = $('#page').dataset.api;
const form = $('#api-form');
let original = {};
let etag = null;

function fill(spec) {
  $('#api-description').value = spec.description || '';
  $('#api-stage').value = spec.stage || '';
  $('#api-endpoint-type').value = spec.endpointType || 'REGIONAL';
  $('#api-drift-policy').value = spec.driftPolicy || 'REPAIR';
  $('#api-cors-origins').value = (spec.cors?.allowOrigins || []).join(', ');
  $('#api-rate').value = spec.throttling?.rateLimit ?? '';
  $('#api-burst').value = spec.throttling?.burstLimit ?? '';
}

/** Sets spec[key] to value, or removes it when the value is empty. */
function put(spec, key, value) {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    delete spec[key];
  } else {
    spec[key] = value;
  }
}

function fromFields() {
  const spec = structuredClone(original);
  put(spec, 'description', $('#api-description').value.trim());
  put(spec, 'stage', $('#api-stage').value.trim());
  put(spec, 'endpointType', $('#api-endpoint-type').value === 'REGIONAL' && !original.endpointType
    ? undefined : $('#api-endpoint-type').value);
  put(spec, 'driftPolicy', $('#api-drift-policy').value === 'REPAIR' && !original.driftPolicy
    ? undefined : $('#api-drift-policy').value);
  const cors = { ...(original.cors || {}) };
  put(cors, 'allowOrigins', commaList($('#api-cors-origins').value));
  put(spec, 'cors', Object.keys(cors).length ? cors : undefined);
  const throttling = {};
  put(throttling, 'rateLimit', optionalNumber($('#api-rate')));
  put(throttling, 'burstLimit', optionalNumber($('#api-burst')));
  put(spec, 'throttling', Object.keys(throttling).length ? throttling : undefined);
  return spec;
}

async function submit(event) {
  event.preventDefault();
  clearErrors(form);
  const name = editing || $('#api-name').value.trim();
  if (!name) {
    showErrors(form, localProblem([{ field: 'name', message: 'is required' }]));
    return;
  }
  try {
    await call('PUT', v1('apis', name), { body: fromFields(), ifMatch: etag });
    flash(`API ${name} saved. Dynagate reconciles it now.`);
    location.assign(`/ui/apis/${encodeURIComponent(name)}`);
  } catch (error) {
    showErrors(form, error);
  }
}

async function init() {
  form.addEventListener('submit', submit);
  if (!editing) {
    $('#api-name').focus();
    return;
  }
  try {
    const answer = await call('GET', v1('apis', editing));
    original = answer.data.spec || {};
    etag = answer.etag;
    fill(original);
  } catch (error) {
    fail(error);
  }
}

if (startPage()) {
  init();
}
