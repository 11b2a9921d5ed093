// One API: status, routes (each with a "try it" panel), the plan before "Reconcile now",
// the generated definition and recent events.
import { accessSummary } from './access.js';
import { confirmAction } from './confirm.js';
import { startConsumers } from './consumers.js';
import { renderDefinition } from './definition.js';
import { $, badge, busy, el, fail, notice, when } from './dom.js';
import { call, listAll, v1 } from './http.js';
import { startPage } from './page.js';
import { loadPreflight, runPreflight } from './preflight.js';
import { flash } from './session.js';
import { tryItPanel } from './try-it.js';

const { api } = $('#page').dataset;
const SETTLING = ['Pending', 'Deleting'];
const REFRESH_MS = 2000;
// An API without routes stays Pending: stop asking after a few minutes.
const MAX_REFRESHES = 90;
let polling = false;
let refreshes = 0;

function showStatus(envelope) {
  const status = envelope.status || {};
  $('#api-phase').replaceWith(Object.assign(badge(status.phase), { id: 'api-phase' }));
  $('#api-invoke-url').replaceChildren(status.invokeUrl ? el('code', { text: status.invokeUrl }) : '–');
  $('#api-last-reconciled').textContent = when(status.lastReconciledAt);
  $('#api-message').textContent = status.message || '–';
  $('#api-stage').textContent = envelope.spec?.stage || 'dev';
  $('#api-drift').textContent = status.drift || 'none';
  $('#api-access').textContent = accessSummary(envelope.spec);
  $('#api-public-routes').replaceChildren(...publicRoutes(status.publicRoutes));
  $('#api-status').removeAttribute('aria-busy');
}

/** The live routes anyone may call, each plainly marked; none said in words. */
function publicRoutes(routes) {
  if (!routes) {
    return ['–'];
  }
  if (routes.length === 0) {
    return ['none: every live route asks who calls'];
  }
  return routes.map((route) => el('span', { class: 'badge public', text: `PUBLIC ${route}` }));
}

/** Reads the API; while a pass is pending, reads it again until it settles, then the rest. */
let found = false;

async function loadApi() {
  try {
    const { data } = await call('GET', v1('apis', api));
    showStatus(data);
    found = true;
    if (SETTLING.includes(data.status?.phase) && refreshes++ < MAX_REFRESHES) {
      polling = true;
      setTimeout(loadApi, REFRESH_MS);
    } else if (polling) {
      polling = false;
      refreshes = 0;
      loadPlan();
      loadEvents();
      startConsumers(api);
    }
  } catch (error) {
    if (error.status === 404 && polling) {
      flash(`API ${api} is deleted.`);
      location.assign('/ui');
      return;
    }
    if (error.status === 404) {
      showNotFound();
      return;
    }
    fail(error);
  }
}

/** No such API (or one hidden from this token): a not-found page, with nothing to act on. */
function showNotFound() {
  document.title = `API ${api} not found`;
  $('main').replaceChildren(
    $('#notice'),
    el('p', { class: 'crumbs' }, el('a', { href: '/ui', text: 'Overview' })),
    el('h1', { id: 'not-found', text: `404: API ${api} not found` }),
    el('p', { text: 'No API of this name is declared, or this token may not read it.' }));
}

function routeCard(route) {
  const spec = route.spec || {};
  const remove = el('button', { type: 'button', class: 'danger', text: 'Delete', 'aria-label': `Delete route ${route.name}` });
  remove.addEventListener('click', () => removeRoute(route.name));
  const what = `${spec.action || 'GetItem'} on ${spec.table}${spec.index ? ` (index ${spec.index})` : ''}`;
  return el('li', { 'data-route': route.name },
    el('div', { class: 'route-head' },
      el('strong', { text: route.name }),
      el('span', { class: 'method', text: spec.method || 'GET' }),
      el('span', { class: 'path', text: spec.path }),
      el('span', { class: 'hint', text: what }),
      el('div', { class: 'actions' },
        el('a', { class: 'button', href: `/ui/apis/${encodeURIComponent(api)}/routes/${encodeURIComponent(route.name)}/edit`, text: 'Edit', 'aria-label': `Edit route ${route.name}` }),
        remove)),
    tryItPanel(api, route));
}

async function loadRoutes() {
  const list = $('#routes');
  try {
    const routes = await listAll(v1('apis', api, 'routes'));
    list.replaceChildren(...routes.map(routeCard));
    $('#routes-empty').hidden = routes.length > 0;
  } catch (error) {
    fail(error);
  } finally {
    list.removeAttribute('aria-busy');
  }
}

async function removeRoute(name) {
  if (!(await confirmAction(`Delete route ${name}? It leaves the live API at the next pass.`))) {
    return;
  }
  try {
    await call('DELETE', v1('apis', api, 'routes', name));
    notice(`Route ${name} deleted.`);
    await Promise.all([loadRoutes(), loadPlan(), loadDefinition()]);
    $('#routes-heading').focus();
  } catch (error) {
    fail(error);
  }
}

async function loadPlan() {
  try {
    const { data } = await call('GET', v1('apis', api, 'plan'));
    $('#plan').replaceChildren(...data.changes.map((change) => el('li', {},
      el('code', { text: change.type }), ' ', change.description,
      change.mutating ? el('span', { class: 'mutating', text: ' (changes AWS)' }) : null)));
    $('#plan-empty').textContent = 'Nothing to change: what is live matches the declarations.';
    $('#plan-empty').hidden = data.changes.length > 0;
  } catch (error) {
    $('#plan').replaceChildren();
    $('#plan-empty').textContent = `No plan: ${error.message}`;
    $('#plan-empty').hidden = false;
  }
}

async function loadDefinition() {
  try {
    const { data } = await call('GET', v1('apis', api, 'definition'));
    renderDefinition($('#definition'), data);
  } catch (error) {
    $('#definition').replaceChildren(el('p', { class: 'empty', text: `No definition: ${error.message}` }));
  }
}

async function loadEvents() {
  try {
    const { data: { items } } = await call('GET', `${v1('apis', api, 'events')}?limit=20`);
    $('#events').tBodies[0].replaceChildren(...items.map((event) => el('tr', {},
      el('td', { text: when(event.at) }),
      el('td', {}, el('code', { text: event.type })),
      el('td', { text: event.message }),
      el('td', { text: event.pass ?? '' }))));
    $('#events-empty').hidden = items.length > 0;
  } catch (error) {
    $('#events-empty').hidden = false;
    $('#events-empty').textContent = `No events: ${error.message}`;
  }
}

async function reconcile(event) {
  try {
    const { data } = await busy(event.currentTarget, 'Reconciling…', () =>
      call('POST', `${v1('apis', api, 'reconcile')}?wait=true`));
    showStatus(data);
    notice(`Pass over: ${data.status?.phase}${data.status?.message ? ` (${data.status.message})` : ''}.`);
    await Promise.all([loadPlan(), loadEvents(), loadDefinition()]);
  } catch (error) {
    fail(error);
  }
}

async function removeApi() {
  if (!(await confirmAction(`Delete API ${api}? Its REST API and IAM role are deleted by the next pass.`))) {
    return;
  }
  try {
    await call('DELETE', v1('apis', api));
    notice(`API ${api} is being deleted.`);
    polling = true;
    refreshes = 0;
    loadApi();
  } catch (error) {
    fail(error);
  }
}

if (startPage()) {
  $('#reconcile').addEventListener('click', reconcile);
  $('#refresh-plan').addEventListener('click', loadPlan);
  $('#refresh-events').addEventListener('click', loadEvents);
  $('#delete-api').addEventListener('click', removeApi);
  $('#run-preflight').addEventListener('click', (event) => runPreflight(api, event.currentTarget));
  $('#routes-heading').setAttribute('tabindex', '-1');
  // The rest of the page only once the API is known to exist: an unknown one is a 404 page.
  loadApi().then(() => {
    if (found) {
      loadRoutes();
      loadPlan();
      loadDefinition();
      loadEvents();
      startConsumers(api);
      loadPreflight(api);
    }
  });
}
