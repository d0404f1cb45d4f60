/* plainpitch editor: the "Rewrite" action (a small module of its own; editor.js knows nothing of it).
 *
 * Adds a "Rewrite" button to each finding in the panel and a "Rewrite selection" button above the copy. The
 * server (POST /api/v1/rewrite) proposes rewrites that plainpitch has already checked; this module shows each
 * as a before/after diff to accept or reject. Accepting puts the rewritten text in the textarea and lets the
 * editor check it again, so the score updates with the accepted text. User text is only ever set as textContent.
 */
(function () {
  'use strict';

  var panel, list, selButton;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function input() { return document.getElementById('input'); }

  // the server counts offsets in code points, the textarea in UTF-16 units
  function codePoints(text, units) { return Array.from(text.slice(0, units)).length; }

  function options() {
    var body = {};
    ['profile', 'context', 'medium', 'format'].forEach(function (id) {
      var node = document.getElementById(id);
      if (node && node.value) body[id] = node.value;
    });
    var name = document.getElementById('doc-name');
    if (name && name.textContent && name.textContent !== 'untitled') body.filename = name.textContent;
    return body;
  }

  function ensurePanel() {
    if (panel) return;
    panel = el('section', 'rewrite-panel');
    panel.id = 'rewrite-panel';
    panel.hidden = true;
    panel.setAttribute('aria-label', 'Rewrites');
    var head = el('div', 'rewrite-head');
    head.append(el('h2', null, 'Rewrite'));
    var close = el('button', 'rewrite-close', 'Close');
    close.type = 'button';
    close.addEventListener('click', function () { panel.hidden = true; });
    head.append(close);
    list = el('ol', 'rewrites');
    list.id = 'rewrites';
    panel.append(head, list);
    var aside = document.getElementById('panel');
    aside.insertBefore(panel, aside.firstChild);
  }

  function show(items, note) {
    ensurePanel();
    while (list.firstChild) list.removeChild(list.firstChild);
    panel.hidden = false;
    if (note) list.append(el('li', 'rewrite-note', note));
    if (!items.length) list.append(el('li', 'rewrite-note', 'plainpitch has no rewrite or question for this.'));
    items.forEach(function (r) {
      var li = el('li', 'rewrite status-' + r.status);
      li.dataset.status = r.status;
      li.append(el('div', 'rewrite-title', r.finding.code + ' · ' + r.finding.name + (r.status === 'dropped' ? ' · dropped by the checks' : '')));
      if (r.status === 'question') {
        li.append(el('p', 'rewrite-question', r.question));
      } else {
        var diff = el('div', 'rewrite-diff');
        diff.append(el('del', null, r.before), el('ins', null, r.after));
        li.append(diff);
        if (r.effect) li.append(el('p', 'rewrite-effect', r.effect));
        (r.reasons || []).forEach(function (why) { li.append(el('p', 'rewrite-reason', why)); });
      }
      if (r.status === 'offered') {
        var accept = el('button', 'rewrite-accept', 'Accept');
        var reject = el('button', 'rewrite-reject', 'Reject');
        accept.type = reject.type = 'button';
        accept.addEventListener('click', function () { apply(r.text); li.remove(); panel.hidden = !list.querySelector('li.rewrite'); });
        reject.addEventListener('click', function () { li.remove(); });
        li.append(accept, reject);
      }
      list.append(li);
    });
  }

  function apply(text) {
    var ta = input();
    ta.focus();
    ta.value = text;
    // the editor listens for input: it re-checks and redraws the score and the findings
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  }

  async function ask(extra) {
    var ta = input();
    var body = Object.assign({ text: ta.value }, options(), extra);
    show([], 'Rewriting… (plainpitch checks every rewrite before it shows it)');
    try {
      var res = await fetch('/api/v1/rewrite', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body)
      });
      var data = await res.json();
      if (!res.ok) { show([], (data.error && data.error.message) || ('The server answered ' + res.status)); return; }
      if (ta.value !== body.text) { show([], 'The text changed while rewriting; try again.'); return; }
      show(data.rewrites);
    } catch (err) {
      show([], 'Could not reach the plainpitch server: ' + (err && err.message));
    }
  }

  function addButtons() {
    var editor = window.plainpitchEditor;
    var report = editor && editor.state && editor.state.report;
    if (!report || !report.documents || !report.documents[0]) return;
    var findings = report.documents[0].findings;
    document.querySelectorAll('#top-findings > li[data-index], #findings > li[data-index], #page-findings > li[data-index]').forEach(function (li) {
      if (li.querySelector('.rewrite-btn')) return;
      var f = findings[Number(li.dataset.index)];
      if (!f) return;
      var b = el('button', 'rewrite-btn', 'Rewrite');
      b.type = 'button';
      b.title = 'Propose a rewrite, checked by plainpitch';
      b.addEventListener('click', function (e) {
        e.stopPropagation();
        ask({ finding: { code: f.code, start: f.location.start, end: f.location.end } });
      });
      li.append(b);
    });
  }

  function setUp() {
    var css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = '/static/rewrite.css';
    document.head.append(css);
    var bar = document.getElementById('status');
    selButton = el('button', 'rewrite-selection', 'Rewrite selection');
    selButton.type = 'button';
    selButton.id = 'rewrite-selection';
    selButton.disabled = true;
    bar.parentNode.insertBefore(selButton, bar);
    var ta = input();
    var update = function () { selButton.disabled = ta.selectionEnd <= ta.selectionStart; };
    ['select', 'keyup', 'mouseup', 'input'].forEach(function (ev) { ta.addEventListener(ev, update); });
    selButton.addEventListener('mousedown', function (e) { e.preventDefault(); }); // keep the selection
    selButton.addEventListener('click', function () {
      var text = ta.value;
      ask({ selection: { start: codePoints(text, ta.selectionStart), end: codePoints(text, ta.selectionEnd) } });
    });
    document.addEventListener('plainpitch:rendered', addButtons);
    // proposals are for the text they were made from: a change of view or a new file closes them
    document.addEventListener('plainpitch:view', function () { if (panel) panel.hidden = true; });
    addButtons();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setUp);
  else setUp();
})();
