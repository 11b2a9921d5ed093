// Preflight on the API page: the last report, a button to run it now, and for a failing probe
// the request it made and the answer it got.
import { $, busy, el, fail, notice, when } from './dom.js';
import { call, v1 } from './http.js';

function probeRow(route, probe) {
  const result = probe.passed
    ? el('span', { class: 'badge Ready', text: 'passed' })
    : el('span', { class: 'badge Error', text: 'failed' });
  const cell = el('td', {}, result);
  if (!probe.passed) {
    const request = probe.request
      ? `${probe.request.method} ${probe.request.path}${Object.entries(probe.request.headers || {})
        .map(([name, value]) => `\n${name}: ${value}`).join('')}`
      : '';
    const answer = probe.answer ? `${probe.answer.status}\n${probe.answer.body}` : '';
    cell.append(
      el('p', { class: 'preflight-reason', text: probe.reason }),
      el('details', { class: 'preflight-exchange', open: true },
        el('summary', { text: 'Request and answer' }),
        el('pre', { class: 'code' }, el('code', { class: 'preflight-request', text: request })),
        el('pre', { class: 'code' }, el('code', { class: 'preflight-answer', text: answer }))));
  }
  return el('tr', { 'data-route': route.route, 'data-probe': probe.probe },
    el('td', {}, el('strong', { text: route.route }), ' ', el('span', { class: 'path', text: route.path })),
    el('td', { text: probe.probe }),
    cell);
}

function show(report) {
  const table = $('#preflight');
  const rows = report.routes.flatMap((route) => route.probes.map((probe) => probeRow(route, probe)));
  table.tBodies[0].replaceChildren(...rows);
  table.hidden = rows.length === 0;
  const outcome = report.passed ? 'passed' : 'failed';
  const refusal = report.refusal ? `: the definition was refused: ${report.refusal}` : '';
  $('#preflight-summary').textContent =
    `Preflight ${outcome}${refusal} (${when(report.ranAt)}, ${report.millis} ms, definition ${report.definitionHash.slice(0, 12)}).`;
  $('#preflight-summary').className = report.passed ? 'hint' : 'hint preflight-failed';
}

/** Shows the API's last report, if this instance has one. */
export async function loadPreflight(api) {
  try {
    const { data } = await call('GET', v1('apis', api, 'preflight'));
    show(data);
  } catch (error) {
    if (error.status !== 404) {
      fail(error);
    }
  }
}

/** Runs preflight now and shows its report. */
export async function runPreflight(api, button) {
  try {
    const { data } = await busy(button, 'Proving…', () =>
      call('POST', `${v1('apis', api, 'preflight')}?force=true`));
    show(data);
    notice(data.passed ? 'Preflight passed.' : 'Preflight failed: see the failing probes.',
      data.passed ? 'info' : 'error');
  } catch (error) {
    fail(error);
  }
}
