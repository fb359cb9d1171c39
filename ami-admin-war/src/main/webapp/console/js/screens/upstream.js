// One upstream: add (POST /v1/upstreams) or edit (PUT with If-Match; a secret left empty is kept),
// delete; its live status beside the form. The secret is write-only: never shown, never sent back.

import * as api from '../api.js';
import { clearProblems, confirmDelete, field, h, mount, notAvailable, problemBox, replaceRoute, say, sayNext, showProblem,
  unsay } from '../dom.js';
import { CLASSES } from './account.js';
import { lag, state } from './upstreams.js';

const EMPTY = { name: '', host: '', port: 5038, tls: false, tlsVerify: true, tlsCaFile: '', username: '',
  events: ['all'], enabled: true, nameEvents: false, status: null };

export async function render(view, ctx) {
  const creating = ctx.name === null || ctx.name === undefined;
  let model = structuredClone(EMPTY);
  let etag = null;
  if (!creating) {
    try {
      const answer = await api.get('/upstreams/' + api.seg(ctx.name));
      model = answer.body;
      etag = answer.etag;
    } catch (e) {
      if (e.missing) {
        mount(view, notAvailable('Upstream'));
      } else {
        mount(view, h('h1', {}, ctx.name), problemBox());
        showProblem(view, e);
        view.append(h('p', {}, h('a', { href: '#/upstreams' }, 'Back to the upstreams')));
      }
      return;
    }
  }
  new UpstreamEditor(view, ctx, model, etag, creating).show();
}

class UpstreamEditor {
  constructor(view, ctx, model, etag, creating) {
    this.view = view;
    this.ctx = ctx;
    this.model = model;
    this.etag = etag;
    this.creating = creating;
  }

  show() {
    const m = this.model;
    const readOnly = !this.ctx.canWrite;
    const input = (name, value, attrs = {}) => h('input', { name, autocomplete: 'off', value: value ?? '', ...attrs });
    const box = (name, checked) => h('input', { type: 'checkbox', name, checked });
    this.inputs = {
      name: input('name', m.name, { required: true }),
      host: input('host', m.host, { required: true }),
      port: input('port', String(m.port), { inputmode: 'numeric' }),
      tls: box('tls', m.tls),
      tlsVerify: box('tlsVerify', m.tlsVerify),
      tlsCaFile: input('tlsCaFile', m.tlsCaFile),
      username: input('username', m.username, { required: true }),
      secret: h('input', { name: 'secret', type: 'password', autocomplete: 'new-password' }),
      events: input('events', m.events.join(', '), { list: 'event-classes', spellcheck: 'false' }),
      enabled: box('enabled', m.enabled),
      nameEvents: box('nameEvents', m.nameEvents),
    };
    const i = this.inputs;
    this.form = h('form', { class: 'editor', novalidate: true, 'aria-labelledby': 'editor-title' });
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.save();
    });
    const fields = h('fieldset', { class: 'plain', disabled: readOnly },
      h('section', { 'aria-labelledby': 'sec-connection' }, h('h2', { id: 'sec-connection' }, 'Connection'),
        h('div', { class: 'row' },
          this.creating ? field('Name', i.name, 'name', 'How requests (an Upstream header) and accounts name it.') : null,
          field('Host', i.host, 'host'), field('Port', i.port, 'port', 'Asterisk: 5038, or 5039 with TLS.')),
        h('div', { class: 'row' },
          field('TLS', i.tls, 'tls'), field('Verify its certificate', i.tlsVerify, 'tlsVerify'),
          field('CA file (PEM)', i.tlsCaFile, 'tlsCaFile', 'Empty: the JVM\'s trusted certificates.'))),
      h('section', { 'aria-labelledby': 'sec-login' }, h('h2', { id: 'sec-login' }, 'Login'),
        h('div', { class: 'row' },
          field('Username', i.username, 'username', 'An account of the upstream\'s manager.conf.'),
          field('Secret', i.secret, 'secret', this.creating ? 'Required.'
            : 'Set, never shown. Leave empty to keep it.'))),
      h('section', { 'aria-labelledby': 'sec-events' }, h('h2', { id: 'sec-events' }, 'Events'),
        h('div', { class: 'row' },
          field('Event classes', i.events, 'events', 'Asked for at login: class names separated by commas, all, '
            + 'or empty for none.'),
          field('Enabled', i.enabled, 'enabled'),
          field('Name the upstream in its events', i.nameEvents, 'nameEvents',
            'Adds an Upstream header to each event; off, clients see exactly what the upstream sent.'))),
      h('datalist', { id: 'event-classes' }, ['all', ...CLASSES].map((c) => h('option', { value: c }))));
    this.form.append(problemBox(), fields,
      readOnly ? h('p', { class: 'hint' }, 'You may read this upstream; changing it needs config in your write classes.')
        : h('div', { class: 'actions' },
          h('button', { type: 'submit', class: 'primary' }, this.creating ? 'Add upstream' : 'Save changes'),
          h('a', { class: 'button', href: '#/upstreams' }, 'Back to the list'),
          this.creating ? null : this.deleteControl()));
    mount(this.view,
      h('p', { class: 'crumbs' }, h('a', { href: '#/upstreams' }, 'Upstreams'), ' / '),
      h('h1', { id: 'editor-title' }, this.creating ? 'New upstream' : m.name),
      this.creating ? null : this.statusSection(m),
      this.form);
    this.form.querySelector('input').focus();
  }

  statusSection(m) {
    const s = m.status;
    return h('section', { class: 'card', id: 'upstream-status', 'aria-label': 'status' },
      h('p', {}, 'State: ', state(m)),
      s ? h('p', {}, `Lag ${lag(s.lagMicros)} · ${s.eventsReceived} events in · ${s.actionsForwarded} actions out`
        + ` (${s.actionsPending} pending) · ${s.logins} logins · ${s.failures} failures`) : null,
      s && s.greeting ? h('p', {}, 'Greeting: ', s.greeting) : null,
      s && s.lastError ? h('p', {}, 'Last error: ', s.lastError) : null);
  }

  body() {
    const i = this.inputs;
    const port = i.port.value.trim();
    const body = {
      host: i.host.value.trim(),
      port: port === '' ? null : (/^\d+$/.test(port) ? Number(port) : port),
      tls: i.tls.checked,
      tlsVerify: i.tlsVerify.checked,
      tlsCaFile: i.tlsCaFile.value.trim(),
      username: i.username.value.trim(),
      events: i.events.value.split(',').map((c) => c.trim()).filter(Boolean),
      enabled: i.enabled.checked,
      nameEvents: i.nameEvents.checked,
    };
    if (this.creating) {
      body.name = i.name.value.trim();
    }
    if (i.secret.value) {
      body.secret = i.secret.value;
    }
    return body;
  }

  async save() {
    clearProblems(this.form);
    unsay();
    try {
      if (this.creating) {
        const answer = await api.post('/upstreams', this.body());
        say('Upstream ' + answer.body.name + ' added.', 'ok');
        replaceRoute('#/upstreams/' + api.seg(answer.body.name));
        this.ctx.name = answer.body.name;
        this.creating = false;
        this.accept(answer);
      } else {
        this.accept(await api.put('/upstreams/' + api.seg(this.model.name), this.body(), { ifMatch: this.etag }));
        say('Saved. The connection follows the new settings.', 'ok');
      }
    } catch (e) {
      this.failed(e);
    }
  }

  accept(answer) {
    this.model = answer.body;
    this.etag = answer.etag;
    this.show();
  }

  failed(e) {
    if (e.stale) {
      say('Someone changed this upstream since you opened it; your changes are not saved.', 'warn',
        h('button', { type: 'button', onclick: () => this.reload() }, 'Reload the upstream (discards your changes)'));
      document.querySelector('#banner button').focus();
      return;
    }
    if (e.status === 404 && !e.missing) {
      say('This upstream no longer exists.', 'warn', h('a', { href: '#/upstreams' }, 'Back to the list'));
      return;
    }
    // a field named "port" of the wrong type is shown beside it like any other
    showProblem(this.form, e);
  }

  async reload() {
    unsay();
    try {
      this.accept(await api.get('/upstreams/' + api.seg(this.model.name)));
      say('Reloaded: this is the upstream as it is now.', 'info');
    } catch (e) {
      this.failed(e);
    }
  }

  deleteControl() {
    return confirmDelete('Delete upstream', 'Delete this upstream? ami ends its session with it.',
      this.model.name, () => this.remove());
  }

  async remove() {
    try {
      await api.del('/upstreams/' + api.seg(this.model.name), { ifMatch: this.etag });
      sayNext('Upstream ' + this.model.name + ' deleted.', 'ok');
      this.ctx.navigate('#/upstreams');
    } catch (e) {
      this.failed(e);
    }
  }
}
