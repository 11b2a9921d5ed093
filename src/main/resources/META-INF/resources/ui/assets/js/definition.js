// The generated definition: each route's VTL templates, the IAM policies and the whole OpenAPI
// document, in monospace with a copy button each.
import { el, notice } from './dom.js';

function pretty(value) {
  return JSON.stringify(value, null, 2);
}

async function copy(text, button) {
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = 'Copied';
    notice('Copied to the clipboard.');
    setTimeout(() => { button.textContent = 'Copy'; }, 2000);
  } catch {
    notice('The browser did not allow the clipboard: select the text and copy it with Ctrl+C.', 'error');
  }
}

function artefact(title, text) {
  const button = el('button', { type: 'button', class: 'quiet copy', text: 'Copy', 'aria-label': `Copy ${title}` });
  button.addEventListener('click', () => copy(text, button));
  return el('figure', { class: 'artefact' },
    el('figcaption', {}, el('span', { text: title }), button),
    el('pre', { class: 'code', tabindex: '0', 'aria-label': title }, el('code', { text })));
}

function templates(openApi) {
  const out = [];
  for (const [path, methods] of Object.entries(openApi?.paths || {})) {
    for (const [method, operation] of Object.entries(methods)) {
      const integration = operation?.['x-amazon-apigateway-integration'];
      if (!integration) {
        continue;
      }
      const where = `${method.toUpperCase()} ${path}`;
      out.push(el('h3', { text: where }));
      const request = integration.requestTemplates?.['application/json'];
      if (request) {
        out.push(artefact(`Request template (VTL), ${where}`, request));
      }
      for (const [pattern, response] of Object.entries(integration.responses || {})) {
        const template = response.responseTemplates?.['application/json'];
        if (template) {
          out.push(artefact(`Response template (VTL) for DynamoDB status ${pattern} → ${response.statusCode}, ${where}`, template));
        }
      }
    }
  }
  return out;
}

export function renderDefinition(container, definition) {
  container.replaceChildren(
    el('dl', { class: 'status' },
      el('dt', { text: 'Content hash' }), el('dd', {}, el('code', { text: definition.hash || '–' })),
      el('dt', { text: 'IAM role' }), el('dd', {}, el('code', { text: definition.roleArn || definition.roleName || '–' })),
      el('dt', { text: 'Inline policy' }), el('dd', {}, el('code', { text: definition.policyName || '–' }))),
    ...templates(definition.openApi),
    el('h3', { text: 'IAM policies' }),
    artefact('IAM permission policy', pretty(definition.permissionPolicy)),
    artefact('IAM trust policy', pretty(definition.trustPolicy)),
    el('details', {},
      el('summary', { text: 'The whole OpenAPI 3 document' }),
      artefact('OpenAPI 3 document', pretty(definition.openApi))));
}
