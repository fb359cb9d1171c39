// manager.conf templates (GET /v1/templates): their options and the accounts that inherit them, each
// opened in its editor (template.js).

import * as api from '../api.js';
import { h, mount, notAvailable, problemBox, showProblem } from '../dom.js';

export async function render(view, ctx) {
  let answer;
  try {
    answer = await api.get('/templates?limit=1000');
  } catch (e) {
    if (e.missing) {
      mount(view, notAvailable('Templates'));
    } else {
      mount(view, h('h1', {}, 'Templates'), problemBox());
      showProblem(view, e);
    }
    return;
  }
  const templates = answer.body.templates || [];
  mount(view,
    h('h1', {}, 'Templates'),
    h('p', { class: 'hint' }, 'manager.conf sections marked (!) that accounts inherit with (name). A change of a template '
      + 'applies at once to every account inheriting it; an account shows the values it inherits as its own.'),
    templates.length === 0 ? h('p', {}, 'manager.conf has no templates.')
      : templates.map((t) => h('section', { class: 'card', 'aria-label': 'template ' + t.name },
        h('h2', {}, h('a', { href: '#/templates/' + api.seg(t.name) }, t.name)),
        h('p', {}, 'Inherited by: ', t.accounts && t.accounts.length
          ? t.accounts.map((a, i) => [i ? ', ' : '', h('a', { href: '#/accounts/' + api.seg(a) }, a)])
          : h('span', { class: 'muted' }, 'no account')),
        h('table', { class: 'list compact' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Option'), h('th', { scope: 'col' }, 'Value'))),
          h('tbody', {}, Object.entries(t.options || {}).map(([k, v]) =>
            h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, show(v)))))),
        h('p', {}, h('a', { class: 'button', href: '#/templates/' + api.seg(t.name),
          'aria-label': (ctx.canWrite ? 'Edit template ' : 'Open template ') + t.name },
        ctx.canWrite ? 'Edit' : 'Open')))));
}

function show(v) {
  if (Array.isArray(v)) {
    return v.map(show).join(', ');
  }
  if (v !== null && typeof v === 'object') {
    return JSON.stringify(v);
  }
  return String(v);
}
