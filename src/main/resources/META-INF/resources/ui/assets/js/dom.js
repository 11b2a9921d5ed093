// Small DOM helpers. Text always goes in as text (textContent), never as markup.

/** el('a', {href: '/ui', text: 'Overview'}, ...children) */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key === 'text') {
      node.textContent = value;
    } else if (key === 'class') {
      node.className = value;
    } else if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2), value);
    } else if (typeof value === 'string') {
      node.setAttribute(key, value);
    } else {
      node[key] = value;
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

export function $(selector, root = document) {
  return root.querySelector(selector);
}

export function badge(phase) {
  return el('span', { class: `badge ${phase || ''}`, text: phase || 'unknown' });
}

export function when(iso) {
  if (!iso) {
    return '–';
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

export function notice(message, kind = 'info') {
  const node = $('#notice');
  node.textContent = message;
  node.className = kind === 'error' ? 'notice error' : 'notice';
  node.hidden = false;
}

export function fail(error) {
  notice(error.message, 'error');
}

/** Runs an async action from a button, disabled and marked busy meanwhile. */
export async function busy(button, label, action) {
  const before = button.textContent;
  button.disabled = true;
  button.textContent = label;
  button.setAttribute('aria-busy', 'true');
  try {
    return await action();
  } finally {
    button.disabled = false;
    button.textContent = before;
    button.removeAttribute('aria-busy');
  }
}

/** Parses an optional number field: '' is absent. */
export function optionalNumber(input) {
  const text = input.value.trim();
  return text === '' ? undefined : Number(text);
}

export function commaList(text) {
  return text.split(',').map((part) => part.trim()).filter((part) => part !== '');
}
