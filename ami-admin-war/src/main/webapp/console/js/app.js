// The console's shell: who is logged in, the hash router (one module per screen), the header.

import * as api from './api.js';
import { h, mount, say, sayNext, unsay } from './dom.js';

const screens = {
  login: () => import('./screens/login.js'),
  accounts: () => import('./screens/accounts.js'),
  account: () => import('./screens/account.js'),
  templates: () => import('./screens/templates.js'),
  upstreams: () => import('./screens/upstreams.js'),
  upstream: () => import('./screens/upstream.js'),
  template: () => import('./screens/template.js'),
  settings: () => import('./screens/settings.js'),
  import: () => import('./screens/import.js'),
  sessions: () => import('./screens/sessions.js'),
  audit: () => import('./screens/audit.js'),
};

/** The logged-in user ({username, role}) or null. */
export const session = { user: null };

let cleanup = null;

/** '#/accounts/bob?x=1' → {screen: 'account', name: 'bob', query: URLSearchParams} */
function parse(hash) {
  const raw = hash.replace(/^#\/?/, '');
  const [path, q] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const query = new URLSearchParams(q || '');
  if (parts.length === 0) {
    return { screen: 'accounts', query };
  }
  if (parts[0] === 'new-account') {
    return { screen: 'account', name: null, query };
  }
  if (parts[0] === 'accounts' && parts.length > 1) {
    return { screen: 'account', name: parts[1], query };
  }
  if (parts[0] === 'new-upstream') {
    return { screen: 'upstream', name: null, query };
  }
  if (parts[0] === 'upstreams' && parts.length > 1) {
    return { screen: 'upstream', name: parts[1], query };
  }
  if (parts[0] === 'templates' && parts.length > 1) {
    return { screen: 'template', name: parts[1], query };
  }
  return { screen: screens[parts[0]] ? parts[0] : 'notfound', query };
}

export function navigate(hash) {
  if (location.hash === hash) {
    route();
  } else {
    location.hash = hash;
  }
}

/** Whether the user may change things (admin) or only read (reader). */
export const canWrite = () => session.user && session.user.role === 'admin';

function showUser() {
  const loggedIn = !!session.user;
  document.getElementById('nav').hidden = !loggedIn;
  document.getElementById('logout').hidden = !loggedIn;
  document.getElementById('who').replaceChildren(loggedIn
    ? h('span', {}, session.user.username, ' ', h('span', { class: 'role' }, session.user.role)) : '');
  document.querySelectorAll('#nav a').forEach((a) => {
    const current = location.hash.startsWith(a.getAttribute('href'));
    if (current) {
      a.setAttribute('aria-current', 'page');
    } else {
      a.removeAttribute('aria-current');
    }
  });
}

/** Called by the login screen with the answer of POST /v1/session. */
export function loggedIn(body) {
  session.user = { username: body.username, role: body.role };
  api.setCsrfToken(body.csrfToken);
  const back = sessionStorage.getItem('ami.console.after-login');
  sessionStorage.removeItem('ami.console.after-login');
  navigate(back && !back.startsWith('#/login') ? back : '#/accounts');
}

async function route() {
  if (cleanup) {
    cleanup();
    cleanup = null;
  }
  const target = parse(location.hash);
  if (!session.user && target.screen !== 'login') {
    sessionStorage.setItem('ami.console.after-login', location.hash || '#/accounts');
    location.replace('#/login');
    return;
  }
  showUser();
  const view = document.getElementById('view');
  if (target.screen === 'notfound') {
    mount(view, h('h1', {}, 'No such screen'), h('p', {}, h('a', { href: '#/accounts' }, 'Go to the accounts')));
    return;
  }
  view.setAttribute('aria-busy', 'true');
  delete view.dataset.route;
  const module = await screens[target.screen]();
  const done = await module.render(view, { ...target, session, navigate, canWrite: canWrite() });
  view.removeAttribute('aria-busy');
  // which route the view shows, for tests and for a screen reader's landmark
  view.dataset.route = location.hash;
  cleanup = typeof done === 'function' ? done : null;
  const heading = view.querySelector('h1');
  document.title = (heading ? heading.textContent + ' · ' : '') + 'ami console';
}

async function logout() {
  try {
    await api.del('/session', { quiet401: true });
  } catch (e) {
    // the session is over either way
  }
  session.user = null;
  api.setCsrfToken(null);
  showUser();
  sayNext('You are logged out.', 'info');
  navigate('#/login');
}

async function start() {
  api.setUnauthorizedHandler(() => {
    if (session.user) {
      session.user = null;
      sayNext('Your session has ended; log in again.', 'warn');
      sessionStorage.setItem('ami.console.after-login', location.hash);
      navigate('#/login');
    }
  });
  document.getElementById('logout').addEventListener('click', logout);
  try {
    // after a reload: the cookie may still be valid; the CSRF token is read again, never stored
    const answer = await api.get('/session', { quiet401: true });
    session.user = { username: answer.body.username, role: answer.body.role };
    api.setCsrfToken(answer.body.csrfToken);
  } catch (e) {
    session.user = null;
    if (e.status !== 401 && e.status !== 403 && !e.missing) {
      say(e.message, 'error');
    }
  }
  window.addEventListener('hashchange', () => {
    unsay(true);
    route();
  });
  route();
}

start();
