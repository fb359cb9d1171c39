// Import with a preview (POST /v1/config/{file}?dryRun=true shows the changes; Apply posts the same
// text with dryRun=false) and export (GET /v1/config/{file}, text).

import * as api from '../api.js';
import { clearProblems, field, h, mount, notAvailable, problemBox, say, showProblem, unsay } from '../dom.js';

const FILES = ['manager.conf', 'http.conf', 'upstreams.conf'];

export function render(view, ctx) {
  const file = h('select', { name: 'file' }, FILES.map((f) => h('option', { value: f }, f)));
  const text = h('textarea', { name: 'text', rows: 10, cols: 90, spellcheck: 'false', class: 'code',
    placeholder: '[general]\nenabled = yes\n...' });
  const upload = h('input', { type: 'file', accept: '.conf,text/plain' });
  upload.addEventListener('change', async () => {
    if (upload.files.length) {
      text.value = await upload.files[0].text();
    }
  });
  const preview = h('div', { id: 'import-preview', 'aria-live': 'polite' });
  const previewButton = h('button', { type: 'submit', class: 'primary' }, 'Preview changes');
  const form = h('form', { novalidate: true, 'aria-labelledby': 'import-title' },
    h('h2', { id: 'import-title' }, 'Import'),
    h('p', { class: 'hint' }, 'The whole file replaces what is stored, all of it or nothing, after a backup. '
      + 'Preview first: nothing changes until you apply.'),
    problemBox(),
    h('div', { class: 'row' }, field('File', file, 'file'), field('Load from this computer', upload)),
    field('Content', text, 'text'),
    ctx.canWrite ? h('div', { class: 'actions' }, previewButton)
      : h('p', { class: 'hint' }, 'Importing needs config in your write classes.'),
    preview);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await run(true);
  });

  async function run(dryRun) {
    clearProblems(form);
    unsay();
    if (dryRun) {
      preview.replaceChildren();
    }
    const chosen = file.value;
    const body = text.value;
    try {
      const answer = await api.post('/config/' + api.seg(chosen) + '?dryRun=' + dryRun, body,
        { type: 'text/plain; charset=utf-8' });
      if (dryRun) {
        showPreview(answer.body, () => applyFor(chosen, body));
      } else {
        preview.replaceChildren(h('p', { class: 'good' }, chosen + ' imported: ' + count(answer.body) + '.'));
        say(chosen + ' imported.', 'ok');
      }
    } catch (e) {
      if (e.missing) {
        preview.replaceChildren(notAvailable('Import'));
        return;
      }
      // a refused file names its line and reason: each shown beside the text
      const errors = e.errors.map((x) => ({ field: 'text', reason: (x.field ? x.field + ': ' : '') + x.reason }));
      showProblem(form, { problem: e.problem, message: e.message, errors });
    }
  }

  async function applyFor(chosen, body) {
    if (file.value !== chosen || text.value !== body) {
      say('The file changed after the preview; preview it again.', 'warn');
      return;
    }
    await run(false);
  }

  function showPreview(result, apply) {
    const changes = result.changes || [];
    const rows = [];
    for (const c of changes) {
      const fields = c.fields && c.fields.length ? c.fields : [{ field: '', before: null, after: null }];
      fields.forEach((f, i) => rows.push(h('tr', { class: c.change },
        i === 0 ? h('th', { scope: 'row', rowspan: fields.length }, c.kind + ' ' + (c.name || '')) : null,
        i === 0 ? h('td', { rowspan: fields.length }, c.change) : null,
        h('td', {}, f.field), h('td', { class: 'before' }, value(f.before)), h('td', { class: 'after' }, value(f.after)))));
    }
    const applyButton = h('button', { type: 'button', class: 'primary', onclick: apply }, 'Apply this import');
    mount(preview,
      h('h3', {}, 'Preview: ' + count(result)),
      (result.warnings || []).length ? h('ul', { class: 'warnings' }, result.warnings.map((w) => h('li', {},
        typeof w === 'string' ? w : [w.field, w.reason, w.line ? '(line ' + w.line + ')' : ''].filter(Boolean).join(' '))))
        : null,
      changes.length ? h('table', { class: 'list diff' },
        h('thead', {}, h('tr', {}, ['What', 'Change', 'Field', 'Before', 'After'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, rows)) : h('p', {}, 'Nothing would change.'),
      changes.length ? h('div', { class: 'actions' }, applyButton,
        h('button', { type: 'button', onclick: () => preview.replaceChildren() }, 'Cancel')) : null);
    (changes.length ? applyButton : preview).focus();
  }

  const exportFile = h('select', { name: 'exportFile', id: 'export-file' }, FILES.map((f) => h('option', { value: f }, f)));
  const exported = h('textarea', { rows: 14, cols: 90, readonly: true, class: 'code', 'aria-label': 'exported text' });
  const download = h('a', { class: 'button', hidden: true }, 'Download');
  const exportForm = h('form', { novalidate: true, 'aria-labelledby': 'export-title' },
    h('h2', { id: 'export-title' }, 'Export'),
    problemBox(),
    h('div', { class: 'row' }, field('File', exportFile, 'file'),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Export'), download)),
    exported);
  exportForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(exportForm);
    try {
      const answer = await api.get('/config/' + api.seg(exportFile.value), { accept: 'text/plain, application/problem+json' });
      exported.value = answer.body;
      if (download.href) {
        URL.revokeObjectURL(download.href);
      }
      download.href = URL.createObjectURL(new Blob([answer.body], { type: 'text/plain' }));
      download.download = exportFile.value;
      download.hidden = false;
    } catch (e) {
      if (e.missing) {
        exportForm.replaceChildren(notAvailable('Export'));
      } else {
        showProblem(exportForm, e);
      }
    }
  });

  mount(view, h('h1', {}, 'Import & export'), h('section', { class: 'card' }, form), h('section', { class: 'card' }, exportForm));
  file.focus();
}

function count(result) {
  const n = (result.changes || []).length;
  return n === 0 ? 'no changes' : n + (n === 1 ? ' change' : ' changes');
}

function value(v) {
  if (v === null || v === undefined) {
    return h('span', { class: 'muted' }, '—');
  }
  return typeof v === 'string' ? v : JSON.stringify(v);
}
