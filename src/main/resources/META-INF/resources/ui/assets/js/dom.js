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

// The button of the last action run through busy(): its outcome is shown next to it.
let lastAction = null;

/**
 * Shows an outcome next to the action that led to it (the last busy() button still on the page),
 * else at the top of the page; either way in a live region, so that screen readers announce it.
 */
export function notice(message, kind = 'info') {
  const anchor = lastAction?.isConnected ? lastAction.closest('.actions, td, li') ?? lastAction : null;
  lastAction = null;
  const node = anchor ? inlineNotice(anchor) : $('#notice');
  if (anchor) {
    $('#notice').hidden = true;
  }
  node.className = kind === 'error' ? 'notice error' : 'notice';
  node.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  node.hidden = false;
  // A live region announces changes made after it is in the page: fill it on the next frame.
  requestAnimationFrame(() => { node.textContent = message; });
}

function inlineNotice(anchor) {
  let node = anchor.nextElementSibling;
  if (!node?.classList.contains('action-notice')) {
    node = el('div', { class: 'notice action-notice' });
    node.setAttribute('aria-live', 'polite');
    anchor.after(node);
  }
  node.textContent = '';
  return node;
}

export function fail(error) {
  notice(error.message, 'error');
}

/** Runs an async action from a button, disabled and marked busy meanwhile. */
export async function busy(button, label, action) {
  lastAction = button;
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
