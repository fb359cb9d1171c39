// Live sessions (GET /v1/sessions every 2 s, counters updated in place) with a kick button
// (DELETE /v1/sessions/{id}), and the event statistics (GET /v1/events/statistics). In a cluster
// every session has a node: the Node column shows then, another node's session has no counters
// here ("-", they are on its node), and its kick is a request to that node (202).

import * as api from '../api.js';
import { field, h, mount, notAvailable, problemBox, say, showProblem, time } from '../dom.js';

const EVERY_MS = 2000;
const COUNTERS = ['queued', 'delivered', 'dropped', 'pending', 'maxLagMillis'];

export async function render(view, ctx) {
  const account = h('input', { type: 'search', name: 'account', value: ctx.query.get('account') || '' });
  const transport = h('select', { name: 'transport' }, ['', 'TCP', 'TLS', 'HTTP'].map((t) =>
    h('option', { value: t, selected: t === (ctx.query.get('transport') || '') }, t || 'any')));
  const body = h('tbody', {});
  const nodeHeader = h('th', { scope: 'col', hidden: true }, 'Node');
  const summary = h('p', { 'aria-live': 'polite', class: 'hint' });
  const stats = h('div', {});
  const problem = problemBox();
  mount(view,
    h('h1', {}, 'Live sessions'),
    h('form', { class: 'toolbar', onsubmit: (e) => { e.preventDefault(); refresh(); } },
      field('Account', account, 'account'), field('Transport', transport, 'transport'),
      h('button', { type: 'submit' }, 'Filter')),
    problem, summary,
    h('div', { class: 'scroll' }, h('table', { class: 'list narrow', id: 'sessions' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Id'), nodeHeader, ['Account', 'Address', 'Via', 'Connected',
        'Logged in', 'Queued', 'Delivered', 'Dropped', 'Pending', 'Lag ms', ''].map((t) => h('th', { scope: 'col' }, t)))),
      body)),
    h('h2', {}, 'Events'), stats);

  const rows = new Map();
  let stopped = false;
  let timer = null;

  async function refresh() {
    clearTimeout(timer);
    let answer;
    try {
      answer = await api.get('/sessions' + api.query({ account: account.value.trim(), transport: transport.value,
        limit: 1000 }));
    } catch (e) {
      if (e.missing) {
        mount(view, notAvailable('Live sessions'));
        stopped = true;
        return;
      }
      showProblem(view, e);
      schedule();
      return;
    }
    problem.hidden = true;
    // a server alone gives no node: the column shows only when some session has one
    const clustered = answer.body.sessions.some((s) => s.node);
    nodeHeader.hidden = !clustered;
    const seen = new Set();
    for (const s of answer.body.sessions) {
      seen.add(String(s.id));
      let row = rows.get(String(s.id));
      if (!row) {
        row = newRow(s);
        rows.set(String(s.id), row);
      }
      row.querySelector('[data-node]').hidden = !clustered;
      COUNTERS.forEach((c) => {
        const cell = row.querySelector('[data-counter="' + c + '"]');
        // another node's session comes without counters: they are kept on its node
        const text = s[c] === undefined || s[c] === null ? '-' : String(s[c]);
        if (cell.textContent !== text) {
          cell.textContent = text;
        }
      });
      body.append(row); // keeps the server's order
    }
    for (const [id, row] of rows) {
      if (!seen.has(id)) {
        const hadFocus = row.contains(document.activeElement);
        row.remove();
        rows.delete(id);
        if (hadFocus) {
          account.focus();
        }
      }
    }
    summary.textContent = answer.body.total + (answer.body.total === 1 ? ' session' : ' sessions')
      + ', updated ' + new Date().toLocaleTimeString();
    await statistics();
    schedule();
  }

  function schedule() {
    if (!stopped) {
      timer = setTimeout(refresh, EVERY_MS);
    }
  }

  function newRow(s) {
    const kick = h('button', { type: 'button', class: 'danger small', 'aria-label': 'kick session ' + s.id + ' of '
      + s.username, onclick: () => kickSession(s) }, 'Kick');
    return h('tr', { dataset: { session: String(s.id) } },
      h('td', {}, String(s.id)), h('td', { dataset: { node: s.node || '' } }, s.node || ''),
      h('th', { scope: 'row' }, s.username || h('span', { class: 'muted' }, 'not logged in')),
      h('td', {}, s.address || ''), h('td', {}, s.transport || ''), h('td', {}, time(s.connectedAt)),
      h('td', {}, time(s.loggedInAt)),
      COUNTERS.map((c) => h('td', { class: 'num', dataset: { counter: c } })),
      h('td', {}, ctx.canWrite ? kick : null));
  }

  async function kickSession(s) {
    try {
      const answer = await api.del('/sessions/' + api.seg(String(s.id)));
      if (answer.status === 202) {
        say('Session ' + s.id + ' of ' + (s.username || 'nobody') + ' is on node ' + (s.node || '?')
          + ': that node was asked to end it.', 'ok');
      } else {
        say('Session ' + s.id + ' of ' + (s.username || 'nobody') + ' kicked.', 'ok');
      }
    } catch (e) {
      say(e.status === 404 && !e.missing ? 'That session had already ended.' : e.message, e.status === 404 ? 'info' : 'error');
    }
    refresh();
  }

  async function statistics() {
    try {
      const answer = await api.get('/events/statistics');
      const events = answer.body.events || [];
      stats.replaceChildren(h('p', { class: 'hint' }, 'Since ', time(answer.body.since), '.'),
        events.length === 0 ? h('p', {}, 'No events yet.') : h('table', { class: 'list compact' },
          h('thead', {}, h('tr', {}, ['Event', 'Fired', 'Delivered'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, events.map((e) => h('tr', {}, h('th', { scope: 'row' }, e.name), h('td', { class: 'num' }, e.fired),
            h('td', { class: 'num' }, e.delivered))))));
    } catch (e) {
      stats.replaceChildren(e.missing ? h('p', { class: 'muted' }, 'Event statistics: not available on this server.')
        : h('p', { class: 'bad' }, e.message));
    }
  }

  await refresh();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
