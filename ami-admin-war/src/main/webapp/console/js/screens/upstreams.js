// The upstream AMI servers (GET /v1/upstreams), each with the state of ami's session with it, its lag
// and counters; each opened in its editor (upstream.js).

import * as api from '../api.js';
import { h, mount, notAvailable, problemBox, showProblem, time } from '../dom.js';

export async function render(view, ctx) {
  let answer;
  try {
    answer = await api.get('/upstreams');
  } catch (e) {
    if (e.missing) {
      mount(view, notAvailable('Upstreams'));
    } else {
      mount(view, h('h1', {}, 'Upstreams'), problemBox());
      showProblem(view, e);
    }
    return;
  }
  const upstreams = answer.body.upstreams || [];
  const rows = upstreams.map((u) => h('tr', {},
    h('th', { scope: 'row' }, h('a', { href: '#/upstreams/' + api.seg(u.name) }, u.name)),
    h('td', {}, address(u)),
    h('td', { class: 'state' }, state(u)),
    h('td', { class: 'num' }, u.status ? lag(u.status.lagMicros) : '-'),
    h('td', { class: 'num' }, u.status ? u.status.eventsReceived : '-'),
    h('td', { class: 'num' }, u.status ? u.status.actionsForwarded : '-'),
    h('td', { class: 'num' }, u.status ? u.status.failures : '-'),
    h('td', {}, u.status && u.status.lastError ? u.status.lastError : '')));
  mount(view,
    h('h1', {}, 'Upstreams'),
    h('p', { class: 'hint' }, 'The AMI servers (Asterisk, or another ami) this server keeps one session with: their '
      + 'events reach this server\'s clients, and the actions it does not implement itself are forwarded to them.'),
    ctx.canWrite ? h('div', { class: 'toolbar' }, h('a', { class: 'button primary', href: '#/new-upstream' }, 'New upstream'))
      : null,
    upstreams.length === 0 ? h('p', { id: 'upstream-table' }, 'No upstream is configured.')
      : h('table', { class: 'list', id: 'upstream-table' },
        h('thead', {}, h('tr', {}, ['Name', 'Address', 'State', 'Lag', 'Events in', 'Actions out', 'Failures', 'Last error']
          .map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, rows)));
}

function address(u) {
  return (u.host.includes(':') ? '[' + u.host + ']' : u.host) + ':' + u.port + (u.tls ? ' (TLS)' : '');
}

/** The session's state, since when; "not running" while the connector reports nothing. */
export function state(u) {
  if (!u.status) {
    return h('span', { class: 'muted' }, u.enabled ? 'not reported by the connector' : 'disabled');
  }
  return h('span', {}, h('span', { class: 'badge ' + u.status.state.toLowerCase() }, u.status.state.toLowerCase()),
    u.status.since ? [' since ', time(u.status.since)] : null);
}

/** The last keep-alive's round trip, in ms; "-" before one. */
export function lag(micros) {
  return micros < 0 ? '-' : (micros / 1000).toFixed(micros < 10000 ? 2 : 0) + ' ms';
}
