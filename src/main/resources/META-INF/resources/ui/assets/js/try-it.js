// A "try it" panel for one route: one field per request parameter the route reads, sent through
// the UI's server-side proxy (/ui/try), which calls the live route and answers status and body.
import { $, busy, el } from './dom.js';
import { clearErrors, showErrors } from './fields.js';
import { call } from './http.js';

const PATH_PARAM = /\{([^}/]+)\}/g;

/** [{location, name}] the route reads: its path parameters, then query and header sources. */
function parameters(spec) {
  const out = [...(spec.path || '').matchAll(PATH_PARAM)].map((match) => ({ location: 'path', name: match[1] }));
  const sources = Object.values(spec.key || {})
    .concat(spec.sortKey?.value ? [spec.sortKey.value] : [], spec.sortKey?.values || []);
  for (const source of sources) {
    const dot = source.indexOf('.');
    const parameter = { location: source.slice(0, dot), name: source.slice(dot + 1) };
    if (parameter.location !== 'path' && !out.some((p) => p.location === parameter.location && p.name === parameter.name)) {
      out.push(parameter);
    }
  }
  if (spec.versionAttribute) {
    out.push({ location: 'header', name: 'If-Match' });
  }
  if (spec.action === 'Query') {
    for (const name of ['limit', 'cursor', 'order']) {
      if (!out.some((p) => p.location === 'query' && p.name === name)) {
        out.push({ location: 'query', name });
      }
    }
  }
  return out;
}

function field(route, parameter, i) {
  const id = `try-${route}-${i}`;
  const label = el('label', { for: id, text: `${parameter.name} (${parameter.location})` });
  const control = parameter.location === 'query' && parameter.name === 'order'
    ? el('select', { id }, el('option', { value: '', text: 'default' }),
      el('option', { value: 'asc', text: 'asc' }), el('option', { value: 'desc', text: 'desc' }))
    : el('input', { id, spellcheck: 'false', autocomplete: 'off' });
  control.dataset.location = parameter.location;
  control.dataset.name = parameter.name;
  return el('div', { class: 'field', 'data-field': `${parameter.location}.${parameter.name}` }, label, control);
}

/** The nextCursor of a Query route's page, or null on the last page or for any other answer. */
function nextCursor(body) {
  try {
    const cursor = JSON.parse(body)?.nextCursor;
    return typeof cursor === 'string' && cursor !== '' ? cursor : null;
  } catch {
    return null;
  }
}

function pretty(body) {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

export function tryItPanel(api, route) {
  const panel = $('#try-it').content.firstElementChild.cloneNode(true);
  const form = $('form', panel);
  $('.try-params', form).append(...parameters(route.spec).map((p, i) => field(route.name, p, i)));
  const withBody = ['PutItem', 'UpdateItem'].includes(route.spec.action);
  if (withBody) {
    const id = `try-${route.name}-body`;
    $('.try-params', form).after(el('div', { class: 'field', 'data-field': 'body' },
      el('label', { for: id, text: 'JSON body' }),
      el('textarea', { id, class: 'try-json', rows: '6', spellcheck: 'false', text: '{}' })));
  }
  const method = route.spec.method || 'GET';
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const body = { api, route: route.name, path: {}, query: {}, header: {} };
    if (withBody) {
      body.body = $('.try-json', form).value;
    }
    form.querySelectorAll('[data-location]').forEach((control) => {
      if (control.value !== '') {
        body[control.dataset.location][control.dataset.name] = control.value;
      }
    });
    try {
      const { data } = await busy($('button[type=submit]', form), 'Sending…', () => call('POST', '/ui/try', { body }));
      $('.try-status', form).replaceChildren(
        'Status ', el('strong', { class: 'try-code', text: String(data.status) }),
        ` in ${data.millis} ms · ${method} `, el('code', { text: data.url }));
      $('.try-body', form).textContent = pretty(data.body);
      const cursor = route.spec.action === 'Query' ? nextCursor(data.body) : null;
      if (cursor) {
        // The same request again, from where this page ended.
        $('.try-status', form).append(' ', el('button', {
          type: 'button',
          class: 'try-next',
          text: 'Next page',
          onclick: () => {
            form.querySelector('[data-location=query][data-name=cursor]').value = cursor;
            form.requestSubmit();
          },
        }));
      }
      $('.try-result', form).hidden = false;
    } catch (error) {
      $('.try-result', form).hidden = true;
      showErrors(form, error);
    }
  });
  return panel;
}
