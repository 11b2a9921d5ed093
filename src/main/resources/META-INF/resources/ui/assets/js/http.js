// Calls to the management API with the signed-in token; failures become ApiError with the
// problem+json body (title, detail, errors[{field, message}]).
import { goToSignIn, signOut, token } from './session.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(describe(status, problem));
    this.status = status;
    this.problem = problem || {};
  }
}

function describe(status, problem) {
  if (problem && problem.detail) {
    return problem.title ? `${problem.title}: ${problem.detail}` : problem.detail;
  }
  return (problem && problem.title) || `The service answered ${status}`;
}

/** A problem made here, shown like one the API answered. */
export function localProblem(errors, title = 'Check the form') {
  return new ApiError(400, { title, detail: `${errors.length} field(s) to fix`, errors });
}

export function v1(...segments) {
  return '/api/v1/' + segments.map(encodeURIComponent).join('/');
}

export async function call(method, path, { body, ifMatch, redirectOn401 = true } = {}) {
  const headers = { Accept: 'application/json' };
  const bearer = token();
  if (bearer) {
    headers.Authorization = 'Bearer ' + bearer;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (ifMatch) {
    headers['If-Match'] = ifMatch;
  }
  const payload = body === undefined || typeof body === 'string' ? body : JSON.stringify(body);
  const response = await fetch(path, { method, headers, body: payload });
  if (response.status === 401 && redirectOn401) {
    signOut();
    goToSignIn();
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = { detail: text };
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return { status: response.status, data, etag: response.headers.get('ETag') };
}

/** Every item of a paginated list, following nextCursor. */
export async function listAll(path) {
  const items = [];
  let cursor = null;
  do {
    const query = new URLSearchParams({ limit: '100' });
    if (cursor) {
      query.set('cursor', cursor);
    }
    const { data } = await call('GET', `${path}?${query}`);
    items.push(...data.items);
    cursor = data.nextCursor;
  } while (cursor);
  return items;
}
