// General (manager.conf [general]) and HTTP (http.conf [general]) settings: GET, then PATCH
// (merge patch of the members changed) with If-Match. Each member's control follows its JSON type.

import * as api from '../api.js';
import { clearProblems, field, h, mount, notAvailable, problemBox, say, showProblem, unsay } from '../dom.js';

const PARTS = [
  { path: '/settings/general', title: 'General (manager.conf [general])' },
  { path: '/settings/http', title: 'HTTP (http.conf [general])' },
];

export async function render(view, ctx) {
  mount(view, h('h1', {}, 'Settings'));
  for (const part of PARTS) {
    const holder = h('section', { class: 'card', 'aria-label': part.title });
    view.append(holder);
    await load(holder, part, ctx);
  }
}

async function load(holder, part, ctx) {
  let answer;
  try {
    answer = await api.get(part.path);
  } catch (e) {
    if (e.missing) {
      holder.replaceChildren(notAvailable(part.title));
    } else {
      holder.replaceChildren(h('h2', {}, part.title), problemBox());
      showProblem(holder, e);
    }
    return;
  }
  show(holder, part, ctx, answer.body, answer.etag);
}

function show(holder, part, ctx, answer, etag) {
  // an answer to a change adds what an import would have warned about
  const { warnings, ...values } = answer;
  const controls = {};
  const rows = Object.entries(values).map(([name, value]) => {
    const control = controlFor(name, value);
    controls[name] = { control, value };
    return field(name, control, name);
  });
  const form = h('form', { novalidate: true },
    h('h2', {}, part.title),
    problemBox(),
    warnings && warnings.length ? h('ul', { class: 'warnings', role: 'status' }, warnings.map((w) =>
      h('li', {}, (w.field ? w.field + ' ' : '') + w.reason))) : null,
    h('fieldset', { class: 'plain grid', disabled: !ctx.canWrite }, rows),
    ctx.canWrite ? h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save ' + part.title
      .split(' ')[0].toLowerCase() + ' settings')) : null);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(form);
    unsay();
    const patch = {};
    let bad = false;
    for (const [name, { control, value }] of Object.entries(controls)) {
      const now = read(control, value);
      if (now === undefined) {
        bad = true;
        continue;
      }
      if (JSON.stringify(now) !== JSON.stringify(value)) {
        patch[name] = now;
      }
    }
    if (bad) {
      showProblem(form, { message: 'Some values are not of the right kind.', errors: Object.entries(controls)
        .filter(([, { control, value }]) => read(control, value) === undefined)
        .map(([name]) => ({ field: name, reason: 'must be a number' })) });
      return;
    }
    if (Object.keys(patch).length === 0) {
      say('Nothing changed.', 'info');
      return;
    }
    try {
      const answer = await api.patch(part.path, patch, { ifMatch: etag });
      show(holder, part, ctx, answer.body, answer.etag);
      say('Saved: ' + Object.keys(patch).join(', ') + '.', 'ok');
    } catch (e) {
      if (e.stale) {
        say('Someone changed these settings since you opened them; nothing was saved.', 'warn',
          h('button', { type: 'button', onclick: () => { unsay(); load(holder, part, ctx); } },
            'Reload the settings (discards your changes)'));
        document.querySelector('#banner button').focus();
      } else {
        showProblem(form, e);
      }
    }
  });
  holder.replaceChildren(form);
}

function controlFor(name, value) {
  if (typeof value === 'boolean') {
    return h('input', { type: 'checkbox', name, checked: value });
  }
  if (typeof value === 'number') {
    return h('input', { type: 'number', name, value: String(value), step: 'any', inputmode: 'numeric' });
  }
  if (Array.isArray(value)) {
    return h('textarea', { name, rows: 2, value: value.join('\n'), title: 'one per line' });
  }
  return h('input', { name, value: value === null ? '' : String(value), spellcheck: 'false' });
}

/** The control's value in the type of the original; undefined when it cannot be. */
function read(control, original) {
  if (typeof original === 'boolean') {
    return control.checked;
  }
  if (typeof original === 'number') {
    const n = Number(control.value);
    return control.value.trim() === '' || Number.isNaN(n) ? undefined : n;
  }
  if (Array.isArray(original)) {
    return control.value.split('\n').map((l) => l.trim()).filter(Boolean);
  }
  return original === null && control.value === '' ? null : control.value;
}
