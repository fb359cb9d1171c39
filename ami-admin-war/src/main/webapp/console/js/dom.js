// Small DOM helpers: elements built with properties (never innerHTML, so nothing from the server is
// ever parsed as markup), problems shown beside the fields they name, the banner.

/**
 * h('button', {type: 'button', onclick: f}, 'Save'): attributes whose name starts with "on" are
 * listeners, "dataset"/"class"/"for" are mapped, booleans set or remove the attribute.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) {
      continue;
    }
    if (k.startsWith('on') && typeof v === 'function') {
      el.addEventListener(k.slice(2), v);
    } else if (k === 'class') {
      el.className = v;
    } else if (k === 'for') {
      el.htmlFor = v;
    } else if (k === 'dataset') {
      Object.assign(el.dataset, v);
    } else if (k === 'value' || k === 'checked' || k === 'selected') {
      el[k] = v;
    } else {
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) {
      continue;
    }
    if (Array.isArray(c)) {
      append(el, c);
    } else {
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }
}

let ids = 0;
/** A fresh element id. */
export const uid = (prefix = 'f') => prefix + '-' + (++ids);

/** A labelled input (or other control) with room for its error below, marked with the API field it edits. */
export function field(label, control, apiField, hint) {
  control.id = control.id || uid();
  if (apiField) {
    control.dataset.field = apiField;
  }
  const wrap = h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
  if (hint) {
    const hintEl = h('div', { class: 'hint', id: uid('hint') }, hint);
    control.setAttribute('aria-describedby', hintEl.id);
    wrap.append(hintEl);
  }
  return wrap;
}

/** Replaces an element's content; null, undefined and false children are left out. */
export function mount(view, ...children) {
  view.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
}

/** Removes the problems shown in a container. */
export function clearProblems(container) {
  container.querySelectorAll('.error').forEach((e) => e.remove());
  container.querySelectorAll('[aria-invalid]').forEach((e) => {
    e.removeAttribute('aria-invalid');
    const ids = (e.getAttribute('aria-describedby') || '').split(' ').filter((i) => !i.startsWith('err-'));
    if (ids.length) {
      e.setAttribute('aria-describedby', ids.join(' '));
    } else {
      e.removeAttribute('aria-describedby');
    }
  });
  container.querySelectorAll('.problem').forEach((e) => {
    e.hidden = true;
    e.replaceChildren();
  });
}

/** The element a problem's field names: the field itself, else its nearest named parent (acl[1].address → acl[1] → acl). */
function fieldElement(container, name) {
  let candidate = name;
  while (candidate) {
    const el = container.querySelector('[data-field="' + CSS.escape(candidate) + '"]');
    if (el) {
      return el;
    }
    const cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
    candidate = cut > 0 ? candidate.slice(0, cut) : '';
  }
  return null;
}

/** Shows one message under a field. */
export function fieldError(container, name, reason, label = name) {
  const el = fieldElement(container, name);
  if (!el) {
    return false;
  }
  const id = uid('err');
  const text = el.dataset.field === name ? reason : label + ' ' + reason;
  const msg = h('div', { class: 'error', id, role: 'alert' }, text);
  const anchor = el.closest('.field, .cell') || el;
  if (anchor.tagName === 'OL' || anchor.tagName === 'UL') {
    // a list's problem goes after it: its children are its rows, which the editors read one by one
    anchor.after(msg);
  } else {
    anchor.append(msg);
  }
  el.setAttribute('aria-invalid', 'true');
  // errors removed since (a field checked as typed) are no longer named
  const kept = (el.getAttribute('aria-describedby') || '').split(' ')
    .filter((i) => i && (!i.startsWith('err-') || document.getElementById(i)));
  el.setAttribute('aria-describedby', [...kept, id].join(' '));
  return true;
}

/**
 * Shows an ApiError: its detail in the container's .problem box on top, each errors[] entry next to
 * the field it names (those without a field on the page are listed on top too). Focuses the first.
 */
export function showProblem(container, error) {
  clearProblems(container);
  const top = container.querySelector('.problem');
  const unplaced = [];
  for (const e of error.errors || []) {
    if (!e.field || !fieldError(container, e.field, e.reason)) {
      unplaced.push((e.field ? e.field + ' ' : '') + e.reason);
    }
  }
  if (top) {
    const detail = error.problem ? (error.problem.detail || error.problem.title) : error.message;
    top.replaceChildren(h('p', {}, detail || error.message));
    if (unplaced.length) {
      top.append(h('ul', {}, unplaced.map((u) => h('li', {}, u))));
    }
    top.hidden = false;
  }
  const first = container.querySelector('[aria-invalid="true"]') || top;
  if (first) {
    if (first === top) {
      top.setAttribute('tabindex', '-1');
    }
    first.focus();
  }
}

/** A box for a form's overall problem (role alert, hidden while empty). */
export const problemBox = () => h('div', { class: 'problem', role: 'alert', hidden: true });

const banner = () => document.getElementById('banner');

/**
 * A delete button that asks once before it acts: it turns into the question, a "Delete <name> now"
 * button that calls onConfirm, and Cancel, which puts the button back.
 */
export function confirmDelete(buttonText, question, name, onConfirm) {
  const wrap = h('span', { class: 'delete' });
  const ask = h('button', { type: 'button', class: 'danger', onclick: () => {
    const confirmButton = h('button', { type: 'button', class: 'danger', onclick: onConfirm }, 'Delete ' + name + ' now');
    wrap.replaceChildren(h('span', {}, question + ' '), confirmButton,
      h('button', { type: 'button', onclick: () => wrap.replaceChildren(ask) }, 'Cancel'));
    confirmButton.focus();
  } }, buttonText);
  wrap.append(ask);
  return wrap;
}

/** A short message under the header; kind: 'info' | 'ok' | 'warn' | 'error'. It goes at the next screen. */
export function say(text, kind = 'info', ...actions) {
  const b = banner();
  b.className = 'banner ' + kind;
  delete b.dataset.keep;
  b.replaceChildren(h('span', {}, text), ...actions);
}

/** A message for the screen the caller goes to next (after a delete, a logout). */
export function sayNext(text, kind = 'info') {
  say(text, kind);
  banner().dataset.keep = 'next';
}

/** Clears the banner; leaving a screen keeps a message meant for the next one once. */
export function unsay(leaving = false) {
  const b = banner();
  if (leaving && b.dataset.keep) {
    delete b.dataset.keep;
    return;
  }
  delete b.dataset.keep;
  b.className = 'banner';
  b.replaceChildren();
}

/** What a screen shows when the server lacks its endpoints. */
export function notAvailable(what) {
  return h('div', { class: 'notice', role: 'status' },
    h('h2', {}, what), h('p', {}, 'Not available on this server: it does not offer this part of the REST API v1.'));
}

/** A date-time string of the API shown in the browser's zone, the ISO form kept in the title. */
export function time(iso) {
  if (!iso) {
    return h('span', {}, '');
  }
  const d = new Date(iso);
  if (isNaN(d)) {
    return h('time', { datetime: iso }, iso);
  }
  // today's times without the date, to keep tables narrow
  const today = d.toDateString() === new Date().toDateString();
  return h('time', { datetime: iso, title: iso }, today ? d.toLocaleTimeString() : d.toLocaleString());
}

/** Changes the address to what the screen now shows (a created or renamed account) without loading it again. */
export function replaceRoute(hash) {
  history.replaceState(null, '', hash);
  document.getElementById('view').dataset.route = location.hash;
}

/** Calls fn at most once per wait, with the last arguments. */
export function debounce(fn, wait) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), wait);
  };
}
