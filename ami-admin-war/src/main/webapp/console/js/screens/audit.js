// The audit trail (GET /v1/audit?account=&actor=&from=&to=&offset=&limit=), newest first.

import * as api from '../api.js';
import { field, h, mount, notAvailable, problemBox, showProblem, clearProblems, time } from '../dom.js';

const LIMIT = 50;

export async function render(view, ctx) {
  const account = h('input', { name: 'account', value: ctx.query.get('account') || '' });
  const actor = h('input', { name: 'actor', value: ctx.query.get('actor') || '' });
  const from = h('input', { name: 'from', type: 'datetime-local', step: 1 });
  const to = h('input', { name: 'to', type: 'datetime-local', step: 1 });
  const list = h('div', { 'aria-live': 'polite' });
  let offset = 0;
  const form = h('form', { class: 'toolbar', novalidate: true },
    field('Account', account, 'account'), field('Actor', actor, 'actor'), field('From', from, 'from'),
    field('To', to, 'to'), h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    offset = 0;
    load();
  });
  const container = h('div', {}, form, problemBox(), list);
  mount(view, h('h1', {}, 'Audit trail'), container);

  // datetime-local is the browser's zone; the API takes UTC instants
  const instant = (input) => (input.value ? new Date(input.value).toISOString() : '');

  async function load() {
    clearProblems(container);
    let answer;
    try {
      answer = await api.get('/audit' + api.query({ account: account.value.trim(), actor: actor.value.trim(),
        from: instant(from), to: instant(to), offset, limit: LIMIT }));
    } catch (e) {
      if (e.missing) {
        mount(view, notAvailable('Audit trail'));
      } else {
        showProblem(container, e);
      }
      return;
    }
    const { total, entries } = answer.body;
    mount(list,
      entries.length === 0 ? h('p', {}, 'No entries.') : h('table', { class: 'list audit' },
        h('thead', {}, h('tr', {}, ['When', 'Who', 'From', 'Via', 'What', 'Action', 'Changes'].map((t) =>
          h('th', { scope: 'col' }, t)))),
        h('tbody', {}, entries.map((e) => h('tr', { dataset: { entry: String(e.id) } },
          h('td', {}, time(e.at)), h('td', { dataset: { col: 'actor' } }, e.actor || ''),
          h('td', { dataset: { col: 'address' } }, e.address || ''), h('td', { dataset: { col: 'via' } }, e.via || ''),
          h('th', { scope: 'row', dataset: { col: 'target' } },
            e.target ? e.target.kind + (e.target.name && e.target.name !== e.target.kind ? ' ' + e.target.name : '') : ''),
          h('td', { dataset: { col: 'action' } }, e.action),
          h('td', {}, changes(e.changes)))))),
      h('div', { class: 'pager' },
        h('span', {}, total === 0 ? '' : `${offset + 1}–${offset + entries.length} of ${total}`),
        h('button', { type: 'button', disabled: offset === 0, onclick: () => { offset = Math.max(0, offset - LIMIT); load(); } },
          'Newer'),
        h('button', { type: 'button', disabled: offset + entries.length >= total, onclick: () => { offset += LIMIT; load(); } },
          'Older')));
  }

  await load();
  account.focus();
}

function changes(list) {
  if (!list || list.length === 0) {
    return '';
  }
  return h('ul', { class: 'changes' }, list.map((c) => h('li', {}, h('code', {}, c.field), ': ',
    h('span', { class: 'before' }, show(c.before)), ' → ', h('span', { class: 'after' }, show(c.after)))));
}

function show(v) {
  if (v === null || v === undefined) {
    return '—';
  }
  return typeof v === 'string' ? v : JSON.stringify(v);
}
