// Shows a problem's errors[].field messages next to the form control that holds the field: the
// element whose data-field equals the field, else its closest parent field (key.userId, then key),
// else a visible catch-all (data-field="*"); the summary at the top of the form lists them all.
import { el } from './dom.js';

const ERROR_CLASS = 'field-error';
let errorIds = 0;

export function clearErrors(form) {
  form.querySelectorAll(`.${ERROR_CLASS}`).forEach((node) => node.remove());
  form.querySelectorAll('[aria-invalid]').forEach((control) => {
    control.removeAttribute('aria-invalid');
    const kept = (control.getAttribute('aria-describedby') || '')
      .split(' ')
      .filter((id) => id && !id.startsWith('field-error-'));
    if (kept.length) {
      control.setAttribute('aria-describedby', kept.join(' '));
    } else {
      control.removeAttribute('aria-describedby');
    }
  });
  const summary = form.querySelector('.form-errors');
  summary.replaceChildren();
  summary.hidden = true;
}

function holderOf(form, field) {
  const holders = [...form.querySelectorAll('[data-field]')].filter((node) => !node.closest('[hidden]'));
  let name = field;
  while (name) {
    const match = holders.find((node) => node.dataset.field === name);
    if (match) {
      return match;
    }
    name = name.slice(0, Math.max(name.lastIndexOf('.'), name.lastIndexOf('['), 0));
  }
  return holders.find((node) => node.dataset.field === '*') || null;
}

function controlOf(holder) {
  return holder.matches('input, select, textarea')
    ? holder
    : holder.querySelector('input:not([type=hidden]), select, textarea');
}

/** Shows an ApiError's field errors, moves focus to the first invalid control. */
export function showErrors(form, error) {
  clearErrors(form);
  const problem = error.problem || {};
  const errors = problem.errors && problem.errors.length
    ? problem.errors
    : [{ field: '', message: error.message }];
  const summary = form.querySelector('.form-errors');
  summary.setAttribute('tabindex', '-1');
  summary.append(el('p', { text: error.message }));
  const list = el('ul');
  let first = null;
  for (const { field, message } of errors) {
    const text = field ? `${field}: ${message}` : message;
    list.append(el('li', { text }));
    const holder = holderOf(form, field || '');
    if (!holder) {
      continue;
    }
    const id = `field-error-${++errorIds}`;
    holder.append(el('p', { class: ERROR_CLASS, id, text: holder.dataset.field === field ? message : text }));
    const control = controlOf(holder);
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      const describedBy = control.getAttribute('aria-describedby');
      control.setAttribute('aria-describedby', describedBy ? `${describedBy} ${id}` : id);
      first = first || control;
    }
  }
  if (errors.length > 1 || !first) {
    summary.append(list);
  }
  summary.hidden = false;
  (first || summary).focus();
}
