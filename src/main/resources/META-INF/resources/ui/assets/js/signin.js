import { $ } from './dom.js';
import { clearErrors, showErrors } from './fields.js';
import { call, localProblem, v1 } from './http.js';
import { startPage } from './page.js';
import { signIn, signOut } from './session.js';

const form = $('#signin-form');

/** Only a page of this UI: never an address elsewhere. */
function nextPage() {
  const next = new URLSearchParams(location.search).get('next');
  return next && /^\/ui(\/|$|\?)/.test(next) ? next : '/ui';
}

async function submit(event) {
  event.preventDefault();
  clearErrors(form);
  const value = $('#token').value.trim();
  if (!value) {
    showErrors(form, localProblem([{ field: 'token', message: 'is required' }]));
    return;
  }
  signIn(value);
  try {
    await call('GET', `${v1('apis')}?limit=1`, { redirectOn401: false });
    location.assign(nextPage());
  } catch (error) {
    signOut();
    const message = error.status === 401 ? 'this token is not accepted' : error.message;
    showErrors(form, localProblem([{ field: 'token', message }], 'Not signed in'));
  }
}

startPage({ needsToken: false });
form.addEventListener('submit', submit);
$('#token').focus();
