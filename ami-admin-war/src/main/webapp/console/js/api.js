// The REST API v1 as the console uses it: same-origin cookie session, the CSRF token on every
// change, ETags kept by the caller and sent as If-Match, problem+json turned into ApiError.

const BASE = '/ami/api/v1';
const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken = null;
let onUnauthorized = () => {};

/** An answer that is not 2xx: status, the problem (RFC 9457) if there is one, and a message. */
export class ApiError extends Error {
  constructor(status, problem, message) {
    super(message);
    this.status = status;
    this.problem = problem;
  }

  /** True when the server does not have the endpoint at all (not an unknown resource of one it has). */
  get missing() {
    return (this.status === 404 || this.status === 405 || this.status === 501)
      && (!this.problem || !this.problem.type || this.problem.type === 'about:blank');
  }

  get stale() {
    return this.status === 412;
  }

  get errors() {
    return (this.problem && Array.isArray(this.problem.errors)) ? this.problem.errors : [];
  }
}

export function setCsrfToken(token) {
  csrfToken = token;
}

/** Called with the error when a request is answered 401 after login (the session has ended). */
export function setUnauthorizedHandler(handler) {
  onUnauthorized = handler;
}

/**
 * @param {string} method
 * @param {string} path under /ami/api/v1 ('/accounts?q=x')
 * @param {object} [options] body (object: JSON; string: text), type, ifMatch, accept, quiet401
 * @returns {Promise<{status, etag, body, headers}>}
 */
export async function request(method, path, options = {}) {
  // X-Requested-With: the server then never answers 401 with a Basic challenge, which would make the
  // browser show its own login prompt and send those credentials by itself from then on
  const headers = { Accept: options.accept || 'application/json, application/problem+json',
    'X-Requested-With': 'ami-console' };
  let body;
  if (options.body !== undefined) {
    if (typeof options.body === 'string') {
      body = options.body;
      headers['Content-Type'] = options.type || 'text/plain; charset=utf-8';
    } else {
      body = JSON.stringify(options.body);
      headers['Content-Type'] = options.type || 'application/json';
    }
  }
  if (options.ifMatch) {
    headers['If-Match'] = options.ifMatch;
  }
  if (CHANGES.has(method) && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  let response;
  try {
    response = await fetch(BASE + path, { method, headers, body, credentials: 'same-origin', cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, null, 'The server cannot be reached (' + e.message + ').');
  }
  const type = response.headers.get('Content-Type') || '';
  let parsed = null;
  if (response.status !== 204 && response.status !== 304) {
    const text = await response.text();
    if (type.includes('json')) {
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch (e) {
        parsed = null;
      }
    } else {
      parsed = text;
    }
  }
  if (!response.ok) {
    const problem = type.includes('problem+json') && parsed && typeof parsed === 'object' ? parsed : null;
    const error = new ApiError(response.status, problem, describe(response.status, problem));
    if (response.status === 401 && !options.quiet401) {
      onUnauthorized(error);
    }
    throw error;
  }
  return { status: response.status, etag: response.headers.get('ETag'), body: parsed, headers: response.headers };
}

function describe(status, problem) {
  if (problem) {
    return [problem.title, problem.detail].filter(Boolean).join(': ');
  }
  if (status === 404 || status === 405 || status === 501) {
    return 'Not available on this server.';
  }
  return 'The server answered ' + status + '.';
}

export const get = (path, options) => request('GET', path, options);
export const post = (path, body, options = {}) => request('POST', path, { ...options, body });
export const put = (path, body, options = {}) => request('PUT', path, { ...options, body });
export const patch = (path, body, options = {}) =>
  request('PATCH', path, { type: 'application/merge-patch+json', ...options, body });
export const del = (path, options) => request('DELETE', path, options);

/** A path segment, encoded. */
export const seg = (value) => encodeURIComponent(value);

/** A query string from the members that are not empty. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') {
      q.set(k, v);
    }
  }
  const s = q.toString();
  return s ? '?' + s : '';
}
