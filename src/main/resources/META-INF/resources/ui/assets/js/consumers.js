// The consumers section of the API page: list, add (the key shown once, with a copy button), revoke.
import { confirmAction } from './confirm.js';
import { $, busy, el, fail, notice } from './dom.js';
import { clearErrors, showErrors } from './fields.js';
import { call, listAll, v1 } from './http.js';

function number(id) {
  const text = $(id).value.trim();
  return text === '' ? null : Number(text);
}

function row(api, consumer, reload) {
  const revoke = el('button', {
    type: 'button', class: 'danger', text: 'Revoke', 'aria-label': `Revoke consumer ${consumer.team}`,
    onclick: async () => {
      if (!(await confirmAction(`Revoke ${consumer.team}? Its key is refused from the next pass.`, 'Revoke'))) {
        return;
      }
      try {
        await call('DELETE', v1('apis', api, 'consumers', consumer.team));
        notice(`Consumer ${consumer.team} revoked.`);
        await reload();
      } catch (error) {
        fail(error);
      }
    },
  });
  return el('tr', { 'data-team': consumer.team },
    el('td', {}, el('code', { text: consumer.team })),
    el('td', { text: String(consumer.rateLimit) }),
    el('td', { text: String(consumer.burstLimit) }),
    el('td', { text: `${consumer.quotaLimit} per ${String(consumer.quotaPeriod).toLowerCase()}` }),
    el('td', {}, revoke));
}

function showKey(team, value) {
  $('#consumer-key-team').textContent = team;
  $('#consumer-key-value').textContent = value;
  $('#consumer-key').hidden = false;
}

export function startConsumers(api) {
  const reload = async () => {
    try {
      const consumers = await listAll(v1('apis', api, 'consumers'));
      $('#consumers').tBodies[0].replaceChildren(...consumers.map((c) => row(api, c, reload)));
      $('#consumers-empty').hidden = consumers.length > 0;
    } catch (error) {
      $('#consumers-empty').hidden = false;
      $('#consumers-empty').textContent = `No consumers: ${error.message}`;
    }
  };
  $('#consumer-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    clearErrors(form);
    const body = {
      team: $('#consumer-team').value.trim(),
      rateLimit: number('#consumer-rate'),
      burstLimit: number('#consumer-burst'),
      quotaLimit: number('#consumer-quota'),
      quotaPeriod: $('#consumer-period').value,
    };
    try {
      const { data } = await busy($('#consumer-add'), 'Adding…', () =>
        call('POST', v1('apis', api, 'consumers'), { body }));
      showKey(data.team, data.apiKey);
      form.reset();
      await reload();
    } catch (error) {
      showErrors(form, error);
    }
  });
  $('#consumer-key-copy').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText($('#consumer-key-value').textContent);
      notice('Key copied.');
    } catch {
      // Without clipboard access (e.g. plain http on another host), the key stays selectable.
      window.getSelection().selectAllChildren($('#consumer-key-value'));
      notice('Select and copy the key by hand.');
    }
  });
  return reload();
}
