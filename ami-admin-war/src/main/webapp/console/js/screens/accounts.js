// The accounts list with search (GET /v1/accounts?q=&offset=&limit=).

import * as api from '../api.js';
import { debounce, h, mount, notAvailable, problemBox, replaceRoute, showProblem } from '../dom.js';

const LIMIT = 50;

export async function render(view, ctx) {
  const q = ctx.query.get('q') || '';
  let offset = Number(ctx.query.get('offset') || 0);
  const search = h('input', { type: 'search', id: 'account-search', value: q, placeholder: 'part of a name',
    'aria-controls': 'account-table' });
  const table = h('div', { id: 'account-table', 'aria-live': 'polite' });
  const problem = problemBox();
  const head = h('div', { class: 'toolbar' },
    h('label', { for: 'account-search' }, 'Search'), search,
    ctx.canWrite ? h('a', { class: 'button primary', href: '#/new-account' }, 'New account') : null);
  mount(view, h('h1', {}, 'Accounts'), head, problem, table);

  async function load() {
    let answer;
    try {
      answer = await api.get('/accounts' + api.query({ q: search.value, offset, limit: LIMIT }));
    } catch (e) {
      if (e.missing) {
        mount(view, notAvailable('Accounts'));
      } else {
        showProblem(view, e);
      }
      return;
    }
    const { total, accounts } = answer.body;
    const rows = accounts.map((a) => h('tr', {},
      h('th', { scope: 'row' }, h('a', { href: '#/accounts/' + api.seg(a.name) }, a.name)),
      h('td', {}, classes(a.read)),
      h('td', {}, classes(a.write)),
      h('td', {}, a.acl.length ? a.acl.map((r) => r.rule + ' ' + r.address).join('; ') : 'any address'),
      h('td', { class: 'num' }, a.eventFilters.length),
      h('td', {}, a.hasSecret ? 'yes' : h('strong', {}, 'none'))));
    const pager = h('div', { class: 'pager' },
      h('span', {}, total === 0 ? 'No accounts' + (search.value ? ' match.' : '.')
        : `${offset + 1}–${offset + accounts.length} of ${total}`),
      h('button', { type: 'button', disabled: offset === 0, onclick: () => { offset = Math.max(0, offset - LIMIT); load(); } },
        'Previous'),
      h('button', { type: 'button', disabled: offset + accounts.length >= total,
        onclick: () => { offset += LIMIT; load(); } }, 'Next'));
    table.replaceChildren(
      h('table', { class: 'list' },
        h('thead', {}, h('tr', {}, ['Name', 'Read', 'Write', 'ACL', 'Filters', 'Secret'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, rows)),
      pager);
  }

  const reload = debounce(() => {
    offset = 0;
    replaceRoute('#/accounts' + (search.value ? '?q=' + encodeURIComponent(search.value) : ''));
    load();
  }, 200);
  search.addEventListener('input', reload);
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      offset = 0;
      load();
    }
  });
  await load();
  search.focus();
}

function classes(list) {
  if (!list || list.length === 0) {
    return h('span', { class: 'muted' }, 'none');
  }
  return list.join(', ');
}
