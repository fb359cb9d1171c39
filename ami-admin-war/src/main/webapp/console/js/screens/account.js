// One account: create (POST /v1/accounts) or edit (PUT with If-Match), rename, secret, delete;
// the authority matrix, ACL rules checked as typed, event filters with a test box, options.

import * as api from '../api.js';
import { addressProblem } from '../acl.js';
import { clearProblems, confirmDelete, debounce, field, fieldError, h, mount, notAvailable, problemBox, replaceRoute, say, sayNext,
  showProblem, uid, unsay } from '../dom.js';

/** Asterisk's classes in its table order (ami-api AuthorityClass). */
export const CLASSES = ['system', 'call', 'log', 'verbose', 'command', 'agent', 'user', 'config', 'dtmf', 'reporting',
  'cdr', 'dialplan', 'originate', 'agi', 'cc', 'aoc', 'test', 'security', 'message'];

const SAMPLE_EVENT = 'Event: Newchannel\nPrivilege: call,all\nChannel: PJSIP/100-00000001\nChannelState: 0\n'
  + 'CallerIDNum: 100\nContext: default\nExten: 200\nUniqueid: 1733500000.1\n';

const EMPTY = { name: '', hasSecret: false, read: [], write: [], acl: [], allowMultipleLogin: null,
  displayConnects: null, writeTimeout: null, eventFilters: [], variables: [], namedAcls: [], upstream: null,
  upstreams: [] };

export async function render(view, ctx) {
  const creating = ctx.name === null;
  let model = structuredClone(EMPTY);
  let etag = null;
  if (!creating) {
    try {
      const answer = await api.get('/accounts/' + api.seg(ctx.name));
      model = answer.body;
      etag = answer.etag;
    } catch (e) {
      if (e.missing) {
        mount(view, notAvailable('Account'));
      } else {
        mount(view, h('h1', {}, ctx.name), problemBox());
        showProblem(view, e);
        view.append(h('p', {}, h('a', { href: '#/accounts' }, 'Back to the accounts')));
      }
      return;
    }
  }
  new Editor(view, ctx, model, etag).show();
}

/** The account's editor; its parts (matrix, ACL, filters) serve the template editor too. */
export class Editor {
  constructor(view, ctx, model, etag) {
    this.view = view;
    this.ctx = ctx;
    this.model = model;
    this.etag = etag;
    this.creating = ctx.name === null;
  }

  show(focusSelector) {
    const m = this.model;
    const readOnly = !this.ctx.canWrite;
    this.form = h('form', { class: 'editor', novalidate: true, 'aria-labelledby': 'editor-title' });
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.save();
    });
    const fields = h('fieldset', { class: 'plain', disabled: readOnly },
      this.identity(m), h('div', { class: 'pair' }, this.matrix(m), this.aclSection(m)), this.filterSection(m),
      this.options(m), this.upstreamSection(m));
    this.form.append(problemBox(), fields,
      readOnly ? h('p', { class: 'hint' }, 'You may read this account; changing it needs config in your write classes.')
        : h('div', { class: 'actions' },
          h('button', { type: 'submit', class: 'primary' }, this.creating ? 'Create account' : 'Save changes'),
          h('a', { class: 'button', href: '#/accounts' }, 'Back to the list'),
          this.creating ? null : this.deleteControl()));
    mount(this.view,
      h('p', { class: 'crumbs' }, h('a', { href: '#/accounts' }, 'Accounts'), ' / '),
      h('h1', { id: 'editor-title' }, this.creating ? 'New account' : m.name),
      this.form);
    this.testFilters();
    const focus = focusSelector && this.form.querySelector(focusSelector);
    (focus || this.form.querySelector('input, select, textarea')).focus();
  }

  // --- name and secret ---------------------------------------------------------------------------------------

  identity(m) {
    const section = h('section', { 'aria-labelledby': 'sec-identity' }, h('h2', { id: 'sec-identity' }, 'Name and secret'));
    if (this.creating) {
      this.nameInput = h('input', { name: 'name', required: true, autocomplete: 'off' });
      this.secretInput = h('input', { name: 'secret', type: 'password', autocomplete: 'new-password' });
      section.append(h('div', { class: 'row' },
        field('Name', this.nameInput, 'name'),
        field('Secret', this.secretInput, 'secret', 'Leave empty for an account that cannot log in yet.')));
      return section;
    }
    const newName = h('input', { name: 'newName', autocomplete: 'off', value: m.name });
    const newSecret = h('input', { name: 'newSecret', type: 'password', autocomplete: 'new-password' });
    section.append(h('div', { class: 'row' },
      h('div', { class: 'field' }, h('span', { class: 'label' }, 'Secret'),
        h('span', { id: 'has-secret' }, m.hasSecret ? 'set (never shown)' : 'none: the account cannot log in')),
      h('div', { class: 'inline', dataset: { field: 'rename' } },
        field('New name', newName, 'rename.name'),
        h('button', { type: 'button', onclick: () => this.rename(newName.value) }, 'Rename')),
      h('div', { class: 'inline', dataset: { field: 'secretChange' } },
        field('New secret', newSecret, 'secretChange.secret'),
        h('button', { type: 'button', onclick: () => this.setSecret(newSecret.value) }, 'Set secret'),
        m.hasSecret ? h('button', { type: 'button', class: 'danger', onclick: () => this.setSecret(null) }, 'Remove secret')
          : null)));
    // Enter in these inputs does their own button's job, not the form's save
    newName.addEventListener('keydown', (e) => enterDoes(e, () => this.rename(newName.value)));
    newSecret.addEventListener('keydown', (e) => enterDoes(e, () => this.setSecret(newSecret.value)));
    return section;
  }

  // --- the authority matrix ----------------------------------------------------------------------------------

  matrix(m) {
    const has = (list, c) => list.includes('all') || list.includes(c);
    this.boxes = { read: {}, write: {} };
    const rows = CLASSES.map((c) => {
      const cells = ['read', 'write'].map((side) => {
        const box = h('input', { type: 'checkbox', name: side + '-' + c, checked: has(m[side], c),
          'aria-label': side + ' ' + c });
        this.boxes[side][c] = box;
        return h('td', { class: 'check' }, box);
      });
      return h('tr', {}, h('th', { scope: 'row' }, c), cells);
    });
    const toggle = (side, on) => h('button', { type: 'button', class: 'small', 'aria-label': side + ': ' + (on ? 'all' : 'no')
      + ' classes', onclick: () => CLASSES.forEach((c) => { this.boxes[side][c].checked = on; }) }, on ? 'all' : 'none');
    return h('section', { 'aria-labelledby': 'sec-authority' },
      h('h2', { id: 'sec-authority' }, 'Authority'),
      h('p', { class: 'hint' }, 'Read: the classes of events the account receives. Write: the classes of actions it may run.'),
      h('table', { class: 'matrix' },
        h('thead', {},
          h('tr', {}, h('th', { scope: 'col' }, 'Class'), h('th', { scope: 'col' }, 'Read'), h('th', { scope: 'col' }, 'Write')),
          h('tr', { class: 'toggles' }, h('td', {}, 'Set all'),
            h('td', {}, toggle('read', true), ' ', toggle('read', false)),
            h('td', {}, toggle('write', true), ' ', toggle('write', false)))),
        h('tbody', {}, rows)),
      h('div', { class: 'cell', dataset: { field: 'read' } }),
      h('div', { class: 'cell', dataset: { field: 'write' } }));
  }

  classes(side) {
    const chosen = CLASSES.filter((c) => this.boxes[side][c].checked);
    return chosen.length === CLASSES.length ? ['all'] : chosen;
  }

  // --- ACL ---------------------------------------------------------------------------------------------------

  aclSection(m) {
    this.aclList = h('ol', { class: 'rules', dataset: { field: 'acl' } });
    m.acl.forEach((r) => this.aclList.append(this.aclRow(r)));
    this.renumber(this.aclList, 'acl');
    return h('section', { 'aria-labelledby': 'sec-acl' },
      h('h2', { id: 'sec-acl' }, 'Addresses (ACL)'),
      h('p', { class: 'hint' }, 'permit and deny lines in order, as in manager.conf; the last that matches decides. '
        + 'None: any address. An address: 10.0.0.0/8, 192.168.1.5/255.255.255.0, ::1, several separated by commas, '
        + '! before one to reverse it.'),
      this.aclList,
      h('button', { type: 'button', onclick: () => {
        const row = this.aclRow({ rule: 'permit', address: '' });
        this.aclList.append(row);
        this.renumber(this.aclList, 'acl');
        row.querySelector('input').focus();
      } }, 'Add rule'));
  }

  aclRow(r) {
    const rule = h('select', { 'aria-label': 'rule', dataset: { part: 'rule' } },
      h('option', { value: 'permit', selected: r.rule === 'permit' }, 'permit'),
      h('option', { value: 'deny', selected: r.rule === 'deny' }, 'deny'));
    const address = h('input', { value: r.address, 'aria-label': 'address', dataset: { part: 'address' }, size: 34,
      spellcheck: 'false' });
    const row = h('li', { class: 'rule' }, h('span', { class: 'cell' }, rule), h('span', { class: 'cell grow' }, address),
      moveButtons(() => this.renumber(this.aclList, 'acl')));
    const check = () => {
      const cell = address.closest('.cell');
      cell.querySelectorAll('.error').forEach((e) => e.remove());
      address.removeAttribute('aria-invalid');
      const why = addressProblem(address.value);
      if (why) {
        fieldError(row, address.dataset.field, why);
      }
    };
    address.addEventListener('input', check);
    if (r.address) {
      queueMicrotask(check);
    }
    return row;
  }

  /** Gives each row's controls their API field names (acl[2].address) after a move, add or removal. */
  renumber(list, name) {
    [...list.children].forEach((li, i) => {
      li.dataset.field = `${name}[${i}]`;
      li.querySelectorAll('[data-part]').forEach((c) => {
        c.dataset.field = `${name}[${i}].${c.dataset.part}`;
        c.setAttribute('aria-label', `${c.dataset.part} of ${name === 'acl' ? 'rule' : 'filter'} ${i + 1}`);
      });
    });
  }

  // --- event filters and their test ----------------------------------------------------------------------------

  filterSection(m) {
    this.filterList = h('ol', { class: 'rules', dataset: { field: 'eventFilters' } });
    m.eventFilters.forEach((f) => this.filterList.append(this.filterRow(f)));
    this.renumber(this.filterList, 'eventFilters');
    this.sample = h('textarea', { id: 'sample-event', rows: 7, cols: 60, spellcheck: 'false', value: SAMPLE_EVENT });
    this.sample.dataset.field = 'event';
    this.verdict = h('output', { id: 'filter-verdict', for: 'sample-event', 'aria-live': 'polite' });
    this.sample.addEventListener('input', debounce(() => this.testFilters(), 250));
    return h('section', { 'aria-labelledby': 'sec-filters' },
      h('h2', { id: 'sec-filters' }, 'Event filters'),
      h('p', { class: 'hint' }, 'Legacy form: leave the criteria empty, the pattern a regex over the whole event, ! first '
        + 'to exclude ("!Event: Newexten"). Advanced form: criteria such as action(exclude),header(UserEvent),'
        + 'method(exact) and a pattern. With include filters an event needs one to match; an exclude that matches drops it.'),
      this.filterList,
      h('button', { type: 'button', onclick: () => {
        const row = this.filterRow({ criteria: null, pattern: '' });
        this.filterList.append(row);
        this.renumber(this.filterList, 'eventFilters');
        row.querySelector('input').focus();
      } }, 'Add filter'),
      h('div', { class: 'filter-test' },
        h('h3', {}, 'Test these filters against a sample event'),
        field('Sample event (one header per line)', this.sample, 'event'),
        h('p', {}, 'Result: ', this.verdict)));
  }

  filterRow(f) {
    const criteria = h('input', { value: f.criteria || '', placeholder: 'criteria (empty: legacy form)',
      dataset: { part: 'criteria' }, size: 40, spellcheck: 'false' });
    const pattern = h('input', { value: f.pattern, placeholder: 'pattern', dataset: { part: 'pattern' }, size: 30,
      spellcheck: 'false' });
    const row = h('li', { class: 'rule' },
      h('span', { class: 'cell grow' }, criteria), h('span', { class: 'cell grow' }, pattern),
      h('span', { class: 'match', 'aria-live': 'polite' }),
      moveButtons(() => {
        this.renumber(this.filterList, 'eventFilters');
        this.testFilters();
      }));
    const retest = debounce(() => this.testFilters(), 250);
    criteria.addEventListener('input', retest);
    pattern.addEventListener('input', retest);
    return row;
  }

  filters() {
    return [...this.filterList.children].map((li) => {
      const criteria = li.querySelector('[data-part="criteria"]').value.trim();
      return { criteria: criteria || null, pattern: li.querySelector('[data-part="pattern"]').value };
    });
  }

  /** Asks the server (POST /v1/filters/test) as the user types: filters that do not compile are named there. */
  async testFilters() {
    const section = this.filterList.closest('section') || this.form;
    const filters = this.filters();
    section.querySelectorAll('.rules .error, .filter-test .error').forEach((e) => e.remove());
    section.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
    section.querySelectorAll('.match').forEach((e) => e.replaceChildren());
    if (!this.ctx.canWrite) {
      this.verdict.textContent = 'only an account with config write may test filters';
      return;
    }
    // answers may come back out of order while the user types: only the last question's counts
    const asked = (this.testsAsked = (this.testsAsked || 0) + 1);
    let answer;
    try {
      answer = await api.post('/filters/test', { eventFilters: filters, event: this.sample.value });
    } catch (e) {
      if (asked !== this.testsAsked) {
        return;
      }
      if (e.missing) {
        this.verdict.textContent = 'Not available on this server (no filter test).';
        return;
      }
      this.verdict.className = 'bad';
      this.verdict.textContent = e.errors.length ? 'fix the filters marked' : e.message;
      e.errors.forEach((err) => fieldError(section, err.field, err.reason));
      return;
    }
    if (asked !== this.testsAsked) {
      return;
    }
    const { delivered, matches } = answer.body;
    this.verdict.className = delivered ? 'good' : 'bad';
    this.verdict.textContent = delivered ? 'delivered: a session of this account receives this event'
      : 'not delivered: the filters drop this event';
    [...this.filterList.children].forEach((li, i) => {
      if (matches && i < matches.length) {
        li.querySelector('.match').textContent = matches[i] ? 'matches' : 'no match';
      }
    });
  }

  // --- options -----------------------------------------------------------------------------------------------

  /** How an option left unset reads here; the template editor words it for a template. */
  get unset() {
    return { choice: "[general]'s value", timeoutHint: 'Empty: the default, 100 ms.',
      timeout: (m) => ({ type: 'number', min: 100, step: 1,
        value: m.writeTimeout === null ? '' : String(m.writeTimeout) }) };
  }

  options(m) {
    const unset = this.unset;
    const tri = (name, value) => h('select', { name },
      h('option', { value: '', selected: value === null }, unset.choice),
      h('option', { value: 'true', selected: value === true }, 'yes'),
      h('option', { value: 'false', selected: value === false }, 'no'));
    this.multi = tri('allowMultipleLogin', m.allowMultipleLogin);
    this.connects = tri('displayConnects', m.displayConnects);
    this.timeout = h('input', { name: 'writeTimeout', inputmode: 'numeric', ...unset.timeout(m) });
    this.variables = h('textarea', { name: 'variables', rows: 3, cols: 40, spellcheck: 'false',
      value: m.variables.join('\n') });
    this.namedAcls = h('textarea', { name: 'namedAcls', rows: 2, cols: 40, spellcheck: 'false',
      value: m.namedAcls.join('\n') });
    return h('section', { 'aria-labelledby': 'sec-options' },
      h('h2', { id: 'sec-options' }, 'Options'),
      h('div', { class: 'row' },
        field('Allow multiple logins', this.multi, 'allowMultipleLogin'),
        field('Display connects', this.connects, 'displayConnects'),
        field('Write timeout (ms)', this.timeout, 'writeTimeout', unset.timeoutHint)),
      h('div', { class: 'row' },
        field('Variables (setvar, NAME=value, one per line)', this.variables, 'variables'),
        field('Named ACLs (acl, one per line; stored, not applied)', this.namedAcls, 'namedAcls')));
  }

  // --- the upstreams (issue 17) ------------------------------------------------------------------------------

  /**
   * ami's own options: the upstream its requests go to when they name none, and the upstreams it may use
   * (none ticked: every upstream). The names offered are the stored ones, and any the account has that are not
   * stored (ticked, so that a save keeps them).
   */
  upstreamSection(m) {
    const list = h('datalist', { id: 'upstream-names' });
    this.upstream = h('input', { name: 'upstream', autocomplete: 'off', list: 'upstream-names', value: m.upstream || '' });
    const hint = h('div', { class: 'hint', id: uid('hint') }, 'Its sessions receive only these upstreams\' events and its '
      + 'requests may go only to them (others are answered Permission denied). None ticked: every upstream.');
    this.upstreamBoxes = h('fieldset', { class: 'plain upstream-boxes', dataset: { field: 'upstreams' },
      'aria-describedby': hint.id });
    const offer = (stored, chosen, known) => {
      const ticked = new Set(chosen.map((n) => n.toLowerCase()));
      const names = [...stored];
      (m.upstreams || []).forEach((n) => {
        if (!names.some((s) => s.toLowerCase() === n.toLowerCase())) {
          names.push(n);
        }
      });
      const boxes = names.map((n) => h('label', { class: 'check' },
        h('input', { type: 'checkbox', name: 'upstreams', value: n, checked: ticked.has(n.toLowerCase()) }), ' ' + n));
      if (known && !names.length) {
        boxes.push(h('span', { class: 'muted' }, 'no upstream is stored'));
      }
      this.upstreamBoxes.replaceChildren(h('legend', {}, 'Upstreams'), ...boxes);
    };
    offer([], m.upstreams || [], false);
    api.get('/upstreams').then((answer) => {
      const stored = answer.body.upstreams.map((u) => u.name);
      list.replaceChildren(...stored.map((n) => h('option', { value: n })));
      // what the user may have ticked meanwhile stays ticked
      offer(stored, this.chosenUpstreams(), true);
    }).catch(() => {});
    return h('section', { 'aria-labelledby': 'sec-upstream' },
      h('h2', { id: 'sec-upstream' }, 'Upstreams'),
      h('div', { class: 'row' },
        field('Default upstream', this.upstream, 'upstream', 'Where its requests go when they name no upstream '
          + '(an Upstream header). Empty: this server.'),
        h('div', { class: 'field' }, this.upstreamBoxes, hint)),
      list);
  }

  /** The upstream names ticked. */
  chosenUpstreams() {
    return [...this.upstreamBoxes.querySelectorAll('input[type=checkbox]:checked')].map((c) => c.value);
  }

  // --- reading the form and the changes --------------------------------------------------------------------------

  body() {
    const lines = (t) => t.value.split('\n').map((l) => l.trim()).filter(Boolean);
    const tri = (s) => (s.value === '' ? null : s.value === 'true');
    const timeout = this.timeout.value.trim();
    const body = {
      read: this.classes('read'),
      write: this.classes('write'),
      acl: [...this.aclList.children].map((li) => ({
        rule: li.querySelector('[data-part="rule"]').value,
        address: li.querySelector('[data-part="address"]').value.trim(),
      })),
      allowMultipleLogin: tri(this.multi),
      displayConnects: tri(this.connects),
      writeTimeout: timeout === '' ? null : Number(timeout),
      eventFilters: this.filters(),
      variables: lines(this.variables),
      namedAcls: lines(this.namedAcls),
      upstream: this.upstream.value.trim() || null,
      upstreams: this.chosenUpstreams(),
    };
    if (this.creating) {
      body.name = this.nameInput.value.trim();
      if (this.secretInput.value) {
        body.secret = this.secretInput.value;
      }
    }
    return body;
  }

  async save() {
    clearProblems(this.form);
    unsay();
    const body = this.body();
    try {
      if (this.creating) {
        const answer = await api.post('/accounts', body);
        say('Account ' + answer.body.name + ' created.' + warnings(answer.body), 'ok');
        replaceRoute('#/accounts/' + api.seg(answer.body.name));
        this.ctx.name = answer.body.name;
        this.creating = false;
        this.accept(answer);
      } else {
        const answer = await api.put('/accounts/' + api.seg(this.model.name), body, { ifMatch: this.etag });
        this.accept(answer);
        say('Saved. New read and write classes hold from the account\'s next login.' + warnings(answer.body), 'ok');
      }
    } catch (e) {
      this.failed(e);
    }
  }

  accept(answer, focusSelector) {
    this.model = answer.body;
    this.etag = answer.etag;
    this.show(focusSelector);
  }

  /** What this editor edits, for its messages, its link back and its reload; the template editor names its own. */
  get subject() {
    return { noun: 'account', path: '/accounts/' + api.seg(this.model.name), list: '#/accounts', back: 'Back to the list' };
  }

  failed(e) {
    const s = this.subject;
    if (e.stale) {
      say('Someone changed this ' + s.noun + ' since you opened it; your changes are not saved.', 'warn',
        h('button', { type: 'button', onclick: () => this.reload() }, 'Reload the ' + s.noun + ' (discards your changes)'));
      document.querySelector('#banner button').focus();
      return;
    }
    if (e.status === 404 && !e.missing) {
      say('This ' + s.noun + ' no longer exists.', 'warn', h('a', { href: s.list }, s.back));
      return;
    }
    showProblem(this.form, e);
  }

  async reload() {
    unsay();
    try {
      this.accept(await api.get(this.subject.path));
      say('Reloaded: this is the ' + this.subject.noun + ' as it is now.', 'info');
    } catch (e) {
      this.failed(e);
    }
  }

  async rename(name) {
    clearProblems(this.form);
    try {
      const answer = await api.post('/accounts/' + api.seg(this.model.name) + '/rename', { name: name.trim() },
        { ifMatch: this.etag });
      replaceRoute('#/accounts/' + api.seg(answer.body.name));
      this.ctx.name = answer.body.name;
      this.accept(answer);
      say('Renamed to ' + answer.body.name + '.', 'ok');
    } catch (e) {
      e.problem && e.problem.errors && e.problem.errors.forEach((err) => {
        err.field = err.field === 'name' ? 'rename.name' : err.field;
      });
      this.failed(e);
    }
  }

  async setSecret(secret) {
    clearProblems(this.form);
    const path = '/accounts/' + api.seg(this.model.name) + '/secret';
    try {
      if (secret === null) {
        await api.del(path, { ifMatch: this.etag });
      } else {
        await api.put(path, { secret }, { ifMatch: this.etag });
      }
      // the answer is 204 with the new ETag only; the account is read again for what it shows
      this.accept(await api.get('/accounts/' + api.seg(this.model.name)));
      say(secret === null ? 'The secret is removed: the account cannot log in.' : 'The secret is set.', 'ok');
    } catch (e) {
      e.problem && e.problem.errors && e.problem.errors.forEach((err) => {
        err.field = err.field === 'secret' ? 'secretChange.secret' : err.field;
      });
      this.failed(e);
    }
  }

  deleteControl() {
    return confirmDelete('Delete account', 'Delete this account? Its sessions go on until they end.',
      this.model.name, () => this.remove());
  }

  async remove() {
    try {
      await api.del('/accounts/' + api.seg(this.model.name), { ifMatch: this.etag });
      sayNext('Account ' + this.model.name + ' deleted.', 'ok');
      this.ctx.navigate('#/accounts');
    } catch (e) {
      this.failed(e);
    }
  }
}

function warnings(body) {
  return body.warnings && body.warnings.length
    ? ' Warnings: ' + body.warnings.map((w) => (w.field ? w.field + ' ' : '') + w.reason).join('; ') : '';
}

function enterDoes(event, action) {
  if (event.key === 'Enter') {
    event.preventDefault();
    action();
  }
}

/** Up, down and remove buttons for a row of an ordered list; after() renumbers. */
function moveButtons(after) {
  const id = uid('mv');
  const move = (li, where) => {
    if (where < 0 && li.previousElementSibling) {
      li.parentNode.insertBefore(li, li.previousElementSibling);
    } else if (where > 0 && li.nextElementSibling) {
      li.parentNode.insertBefore(li.nextElementSibling, li);
    }
    after();
  };
  return h('span', { class: 'move', id },
    h('button', { type: 'button', class: 'small', 'aria-label': 'move up',
      onclick: (e) => { const li = e.target.closest('li'); move(li, -1); e.target.focus(); } }, '↑'),
    h('button', { type: 'button', class: 'small', 'aria-label': 'move down',
      onclick: (e) => { const li = e.target.closest('li'); move(li, 1); e.target.focus(); } }, '↓'),
    h('button', { type: 'button', class: 'small danger', 'aria-label': 'remove',
      onclick: (e) => {
        const li = e.target.closest('li');
        const list = li.parentNode;
        const next = li.nextElementSibling || li.previousElementSibling;
        li.remove();
        after(list);
        // the next row's first control, else the list's add button (a problem shown after a row is no row)
        ((next && next.querySelector('input, select')) || list.nextElementSibling).focus();
      } }, '✕'));
}
