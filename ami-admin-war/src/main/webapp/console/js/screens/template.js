// One manager.conf template (GET /v1/templates/{name}, PUT with If-Match): its own lines edited with
// the account editor's parts (authority matrix, ACL, filters, options), other lines as text; the
// accounts inheriting it get the change at once, as an import would give it to them.

import * as api from '../api.js';
import { CLASSES, Editor } from './account.js';
import { field, h, mount, notAvailable, problemBox, say, showProblem, unsay } from '../dom.js';

/** The options the editor's parts show; any other line goes to "Other lines". */
const SHOWN = new Set(['read', 'write', 'permit', 'deny', 'eventfilter', 'allowmultiplelogin', 'displayconnects',
  'writetimeout', 'setvar', 'acl']);

/** The template's options (manager.conf names) → the API field of the control showing them. */
function controlField(option) {
  const o = option.toLowerCase();
  if (o === 'permit' || o === 'deny') {
    return 'acl';
  }
  if (o.startsWith('eventfilter')) {
    return 'eventFilters';
  }
  return { read: 'read', write: 'write', allowmultiplelogin: 'allowMultipleLogin', displayconnects: 'displayConnects',
    writetimeout: 'writeTimeout', setvar: 'variables', acl: 'namedAcls' }[o] || 'other';
}

export async function render(view, ctx) {
  let answer;
  try {
    answer = await api.get('/templates/' + api.seg(ctx.name));
  } catch (e) {
    if (e.missing) {
      mount(view, notAvailable('Template'));
    } else {
      mount(view, h('h1', {}, ctx.name), problemBox());
      showProblem(view, e);
      view.append(h('p', {}, h('a', { href: '#/templates' }, 'Back to the templates')));
    }
    return;
  }
  new TemplateEditor(view, ctx, answer.body, answer.etag).show();
}

const list = (v) => (Array.isArray(v) ? v : [v]);

class TemplateEditor extends Editor {
  constructor(view, ctx, template, etag) {
    super(view, ctx, asAccount(template), etag);
    this.template = template;
  }

  show(focusSelector) {
    const t = this.template;
    const m = this.model;
    const readOnly = !this.ctx.canWrite;
    this.form = h('form', { class: 'editor', novalidate: true, 'aria-labelledby': 'editor-title' });
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.save();
    });
    const fields = h('fieldset', { class: 'plain', disabled: readOnly },
      h('div', { class: 'pair' }, this.matrix(m), this.aclSection(m)), this.filterSection(m), this.options(m),
      this.others());
    this.form.append(problemBox(), fields,
      readOnly ? h('p', { class: 'hint' }, 'You may read this template; changing it needs config in your write classes.')
        : h('div', { class: 'actions' },
          h('button', { type: 'submit', class: 'primary' }, 'Save template'),
          h('a', { class: 'button', href: '#/templates' }, 'Back to the templates')));
    mount(this.view,
      h('p', { class: 'crumbs' }, h('a', { href: '#/templates' }, 'Templates'), ' / '),
      h('h1', { id: 'editor-title' }, t.name),
      h('p', { id: 'inherited-by' }, 'Inherited by: ', t.accounts && t.accounts.length
        ? t.accounts.map((a, i) => [i ? ', ' : '', h('a', { href: '#/accounts/' + api.seg(a) }, a)])
        : h('span', { class: 'muted' }, 'no account')),
      t.templates && t.templates.length ? h('p', {}, 'Inherits from: ', t.templates.map((n, i) =>
        [i ? ', ' : '', h('a', { href: '#/templates/' + api.seg(n) }, n)])) : null,
      h('p', { class: 'hint' }, 'These are the template\'s own lines. Saving applies them at once to every account '
        + 'inheriting it, as an import of manager.conf would; new classes hold from each account\'s next login. '
        + 'A class column with nothing checked writes no line (or "none" if the template had one).'),
      this.form);
    this.testFilters();
    const focus = focusSelector && this.form.querySelector(focusSelector);
    (focus || this.form.querySelector('input, select, textarea')).focus();
  }

  get unset() {
    return { choice: 'not set here', timeoutHint: 'Empty: not set here.',
      timeout: (m) => ({ value: m.writeTimeout ?? '' }) };
  }

  /** Lines the parts above do not show (secret, as ******** to keep it), "option = value" one per line. */
  others() {
    const lines = [];
    for (const [option, value] of Object.entries(this.template.options || {})) {
      if (!SHOWN.has(option.toLowerCase()) && !option.toLowerCase().startsWith('eventfilter')) {
        list(value).forEach((v) => lines.push(option + ' = ' + v));
      }
    }
    this.other = h('textarea', { name: 'other', rows: 3, cols: 60, spellcheck: 'false', value: lines.join('\n') });
    return h('section', { 'aria-labelledby': 'sec-other' },
      h('h2', { id: 'sec-other' }, 'Other lines'),
      field('Other lines (option = value, one per line; a secret shown as ******** is kept)', this.other, 'other'));
  }

  /** The PUT body: {options} in manager.conf's names, a list where an option has several lines. */
  body() {
    const options = {};
    const add = (option, value) => {
      if (options[option] === undefined) {
        options[option] = value;
      } else {
        options[option] = [...list(options[option]), value];
      }
    };
    const had = this.template.options || {};
    for (const side of ['read', 'write']) {
      const chosen = this.classes(side);
      if (chosen.length) {
        add(side, chosen.join(','));
      } else if (had[side] !== undefined) {
        add(side, 'none');
      }
    }
    [...this.aclList.querySelectorAll(':scope > li')].forEach((li) => add(li.querySelector('[data-part="rule"]').value,
      li.querySelector('[data-part="address"]').value.trim()));
    this.filters().forEach((f) => add(f.criteria ? 'eventfilter(' + f.criteria + ')' : 'eventfilter', f.pattern));
    const tri = (s) => (s.value === '' ? null : (s.value === 'true' ? 'yes' : 'no'));
    [['allowmultiplelogin', tri(this.multi)], ['displayconnects', tri(this.connects)],
      ['writetimeout', this.timeout.value.trim() || null]].forEach(([o, v]) => v !== null && add(o, v));
    const lines = (t) => t.value.split('\n').map((l) => l.trim()).filter(Boolean);
    lines(this.variables).forEach((v) => add('setvar', v));
    lines(this.namedAcls).forEach((v) => add('acl', v));
    this.badOther = null;
    lines(this.other).forEach((l) => {
      const eq = l.indexOf('=');
      if (eq <= 0) {
        this.badOther = this.badOther || l;
        return;
      }
      add(l.slice(0, eq).trim(), l.slice(eq + 1).trim());
    });
    return { options };
  }

  async save() {
    unsay();
    const body = this.body();
    if (this.badOther) {
      showProblem(this.form, { message: 'Fix the lines marked.', problem: null,
        errors: [{ field: 'other', reason: '"' + this.badOther + '" is not "option = value"' }] });
      return;
    }
    try {
      const answer = await api.put('/templates/' + api.seg(this.template.name), body, { ifMatch: this.etag });
      this.accept(answer);
      const warnings = answer.body.warnings && answer.body.warnings.length
        ? ' Warnings: ' + answer.body.warnings.map((w) => (w.field ? w.field + ' ' : '') + w.reason).join('; ') : '';
      say('Template saved; ' + (answer.body.accounts || []).length + ' inheriting account(s) changed with it.'
        + warnings, 'ok');
    } catch (e) {
      // the server names the template's option (options.write): shown beside the control that edits it
      e.errors.forEach((err) => {
        if (err.field && err.field.startsWith('options.')) {
          err.reason = err.field.slice('options.'.length) + ': ' + err.reason;
          err.field = controlField(err.field.slice('options.'.length));
        }
      });
      this.failed(e);
    }
  }

  accept(answer, focusSelector) {
    this.template = answer.body;
    this.model = asAccount(answer.body);
    this.etag = answer.etag;
    this.show(focusSelector);
  }

  get subject() {
    return { noun: 'template', path: '/templates/' + api.seg(this.template.name), list: '#/templates',
      back: 'Back to the templates' };
  }
}

/** A template's options in the shape the account editor's parts read. */
function asAccount(template) {
  const m = { read: [], write: [], acl: [], eventFilters: [], allowMultipleLogin: null, displayConnects: null,
    writeTimeout: null, variables: [], namedAcls: [] };
  const yes = (v) => /^(yes|true|y|t|1|on)$/i.test(String(v).trim());
  for (const [option, value] of Object.entries(template.options || {})) {
    const o = option.toLowerCase();
    const values = list(value);
    if (o === 'read' || o === 'write') {
      const classes = values.join(',').split(',').map((c) => c.trim().toLowerCase()).filter(Boolean);
      m[o] = classes.includes('all') ? [...CLASSES] : classes;
    } else if (o === 'permit' || o === 'deny') {
      values.forEach((a) => m.acl.push({ rule: o, address: a }));
    } else if (o === 'eventfilter') {
      values.forEach((p) => m.eventFilters.push({ criteria: null, pattern: p }));
    } else if (o.startsWith('eventfilter(') && o.endsWith(')')) {
      values.forEach((p) => m.eventFilters.push({ criteria: option.slice('eventfilter('.length, -1), pattern: p }));
    } else if (o === 'allowmultiplelogin') {
      m.allowMultipleLogin = yes(values[values.length - 1]);
    } else if (o === 'displayconnects') {
      m.displayConnects = yes(values[values.length - 1]);
    } else if (o === 'writetimeout') {
      m.writeTimeout = values[values.length - 1];
    } else if (o === 'setvar') {
      m.variables.push(...values);
    } else if (o === 'acl') {
      m.namedAcls.push(...values);
    }
  }
  return m;
}
