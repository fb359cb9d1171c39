// Login: POST /v1/session with an AMI account's name and secret; the answer's csrfToken is kept in memory.

import * as api from '../api.js';
import { loggedIn } from '../app.js';
import { field, h, mount, problemBox, showProblem, clearProblems } from '../dom.js';

export function render(view) {
  const username = h('input', { name: 'username', autocomplete: 'username', required: true });
  const secret = h('input', { name: 'secret', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Log in');
  const form = h('form', { class: 'login', novalidate: true },
    h('h1', {}, 'Log in'),
    h('p', { class: 'hint' }, 'An AMI account with config in its read classes (to look) or its write classes (to change).'),
    problemBox(),
    field('Account', username, 'username'),
    field('Secret', secret, 'secret'),
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(form);
    submit.disabled = true;
    submit.textContent = 'Logging in…';
    try {
      const answer = await api.post('/session', { username: username.value, secret: secret.value }, { quiet401: true });
      secret.value = '';
      loggedIn(answer.body);
    } catch (e) {
      if (e.missing) {
        e.message = 'Not available on this server: it has no console login (POST /ami/api/v1/session).';
        e.problem = null;
      } else if (e.status === 401) {
        e.problem = { detail: 'The account, the secret or the address you come from is not accepted.', errors: [] };
      } else if (e.status === 403) {
        e.problem = { detail: 'This account may not use the console: it needs config in its read or write classes.',
          errors: [] };
      }
      showProblem(form, e);
      secret.value = '';
      secret.focus();
    } finally {
      submit.disabled = false;
      submit.textContent = 'Log in';
    }
  });
  mount(view, form);
  username.focus();
}
