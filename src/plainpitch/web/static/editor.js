/* plainpitch editor: the page and its copy view. Plain JS, no framework, no build step, nothing fetched from
 * anywhere but this server.
 *
 * One state model for the page: a view is shown (copy or call), and everything transient — the hover tooltip,
 * the "Selected" details (a sheet at the bottom on small screens), a fix's Undo — belongs to the copy view and
 * is dismissed whenever the view changes or new content arrives (a file opened, a transcript pasted).
 *
 * The copy lives in a <textarea> (native editing, undo and IME); highlights are drawn in a backdrop behind it
 * that holds the same text. The panel opens with the report's top three fixes (report.top, costliest first);
 * "Show all N" shows, and highlights, the rest. Tooltips come from two sources only: the report JSON (message,
 * fix, suggestions) and the rule metadata served at /api/v1/rules (why it costs the sale).
 */
(function () {
  'use strict';

  var ui = window.plainpitchUI;
  var fixes = window.plainpitchFixes;
  var el = ui.el, clear = ui.clear, catClass = ui.catClass, sevClass = ui.sevClass, fmtNumber = ui.fmtNumber;

  // Wait this long after the last keystroke before checking: short enough that the highlights follow the
  // writer (the target is 150 ms from the pause to updated highlights), long enough not to check every key.
  var DEBOUNCE_MS = 80;
  var TOP_FALLBACK = 3; // a report without ``top`` (an older server): the three costliest findings
  var FORMAT_LABELS = { markdown: 'Markdown', text: 'Plain text', html: 'HTML', email: 'Email (.eml)' };
  var REPORT_LABELS = { html: 'HTML', json: 'JSON', sarif: 'SARIF', markdown: 'Markdown' };
  var EMPTY_DOC = { findings: [], metrics: [], score: null, words: 0, top: [] };
  var EMPTY_REPORT = { summary: { findings: {} } };
  // A pasted text this long, over this many lines, may be a call transcript: the server decides by its content.
  var PASTE_SNIFF_CHARS = 200;
  var PASTE_SNIFF_LINES = 3;

  function $(id) { return document.getElementById(id); }
  function media(query) { return window.matchMedia ? window.matchMedia(query) : { matches: false }; }
  var narrow = media('(max-width: 899px)'); // the details open as a sheet; the page scrolls as one
  var hover = media('(hover: hover) and (pointer: fine) and (min-width: 900px)'); // hover tooltips

  var els = {};
  var state = {
    view: 'copy',
    options: null,
    rules: new Map(),
    filename: 'untitled',
    analysedText: null, // the text the current report was made from
    report: null,
    views: [], // every finding, with UTF-16 offsets into the text now in the textarea
    topSet: new Set(), // indexes of the top fixes
    showAll: false,
    viewText: '',
    seq: 0,
    inflight: null,
    timer: null,
    hideTimer: null,
    hoverKey: '',
    selected: [], // the findings the details show
    closedAt: null, // the caret position where the writer closed the details
    lastFix: null // the last one-click fix, for its Undo button
  };
  // Read by the browser tests and the benchmark: when the writer last typed and when highlights caught up.
  var timing = {
    debounceMs: DEBOUNCE_MS, lastInputAt: 0, requestAt: 0, responseAt: 0, renderedAt: 0, serverMs: null,
    renders: 0, upToDate: false
  };
  var page = { timing: timing, state: state, els: els, setView: setView, dismiss: dismiss, card: card };
  window.plainpitchEditor = page;

  function showStatus(message, isError) { ui.setStatus(els.status, message, isError); }

  // The server counts offsets in code points (Python); the textarea in UTF-16 units. Identity unless the
  // text holds characters outside the BMP (emoji...). A leading BOM is dropped by the server.
  function offsetMapper(text) {
    var bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    var body = bom ? text.slice(1) : text;
    if (!/[\uD800-\uDBFF]/.test(body)) return function (i) { return Math.min(i + bom, text.length); };
    var map = [];
    var unit = 0;
    for (var ch of body) { map.push(unit); unit += ch.length; }
    map.push(unit);
    return function (i) { return (i < map.length ? map[i] : unit) + bom; };
  }

  // -- the page: views and what belongs to them -------------------------------------------------------------
  // Close everything transient: the tooltip, the details (sheet), the highlighted selection, a fix's Undo.
  function dismiss() {
    hideTooltip(true);
    showSelected([]);
    clearFixNote();
  }

  function setView(name) {
    if (['copy', 'call', 'history'].indexOf(name) < 0) name = 'copy';
    dismiss();
    state.view = name;
    document.body.dataset.view = name;
    document.querySelectorAll('.tab').forEach(function (tab) {
      if (tab.dataset.view === name) tab.setAttribute('aria-current', 'page');
      else tab.removeAttribute('aria-current');
    });
    document.dispatchEvent(new CustomEvent('plainpitch:view', { detail: { view: name } }));
  }

  // -- checking -----------------------------------------------------------------------------------------------
  function requestBody(text) {
    var body = { text: text, filename: state.filename };
    if (els.format.value) body.format = els.format.value;
    if (els.profile.value) body.profile = els.profile.value;
    if (els.context.value) body.context = els.context.value;
    if (els.medium.value) body.medium = els.medium.value;
    return body;
  }

  function schedule() {
    clearTimeout(state.timer);
    state.timer = setTimeout(runCheck, DEBOUNCE_MS);
  }

  async function runCheck() {
    clearTimeout(state.timer);
    state.timer = null;
    var text = els.input.value;
    var seq = ++state.seq;
    if (state.inflight) state.inflight.abort(); // an older check is now pointless
    var ctrl = new AbortController();
    state.inflight = ctrl;
    timing.requestAt = performance.now();
    try {
      var res = await fetch('/api/v1/check', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(requestBody(text)),
        signal: ctrl.signal
      });
      var data = await ui.readJson(res);
      if (seq !== state.seq) return; // a newer check is on its way
      timing.responseAt = performance.now();
      var server = /analyse;dur=([\d.]+)/.exec(res.headers.get('server-timing') || '');
      timing.serverMs = server ? Number(server[1]) : null;
      if (!res.ok) { showStatus(ui.errorText(data, res), true); return; }
      renderReport(data, text);
      timing.renderedAt = performance.now();
      timing.renders += 1;
      timing.upToDate = text === els.input.value;
      document.dispatchEvent(new CustomEvent('plainpitch:rendered'));
    } catch (err) {
      if (err && err.name === 'AbortError') return;
      if (seq === state.seq) showStatus('Could not reach the plainpitch server: ' + (err && err.message), true);
    } finally {
      if (state.inflight === ctrl) state.inflight = null;
    }
  }

  function isPageLevel(f) { return !!(f.data && f.data.scope === 'document'); }

  function topIndexes(doc) {
    if (Array.isArray(doc.top)) return doc.top.filter(function (i) { return i >= 0 && i < doc.findings.length; });
    return doc.findings.map(function (f, i) { return i; })
      .sort(function (a, b) { return (doc.findings[b].cost || 0) - (doc.findings[a].cost || 0) || a - b; })
      .slice(0, TOP_FALLBACK);
  }

  function renderReport(report, text) {
    var doc = report.documents[0];
    var toUnits = offsetMapper(text);
    state.report = report;
    state.analysedText = text;
    state.toUnits = toUnits;
    state.views = doc.findings.map(function (f, i) {
      var s = toUnits(f.location.start);
      var e = toUnits(f.location.end);
      // what the finding covered, so a replacement is applied only where that text still is
      return { f: f, i: i, s: s, e: e, page: isPageLevel(f), source: text.slice(s, e) };
    });
    state.topSet = new Set(topIndexes(doc));
    state.viewText = text;
    renderBackdrop();
    renderPanel(doc, report);
    var took = Math.round(timing.responseAt - timing.requestAt);
    var words = doc.words === null || doc.words === undefined ? '' : fmtNumber(doc.words) + ' words · ';
    showStatus(words + ui.plural(doc.findings.length, 'finding') + ' · checked in ' + took + ' ms');
    refreshSelection(false);
  }

  // The findings the text shows: the top fixes, or all of them once "Show all" is on.
  function shown(v) { return state.showAll || state.topSet.has(v.i); }

  // While the writer types, keep the old highlights on the text they belong to until the next report:
  // everything before the edit stays, everything after it shifts, a highlight the edit touched is dropped.
  function shiftView(oldText, newText) {
    if (oldText === newText) return;
    var p = 0;
    var min = Math.min(oldText.length, newText.length);
    while (p < min && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
    var ea = oldText.length;
    var eb = newText.length;
    while (ea > p && eb > p && oldText.charCodeAt(ea - 1) === newText.charCodeAt(eb - 1)) { ea--; eb--; }
    var delta = eb - ea;
    state.views = state.views.filter(function (v) {
      if (v.page) return true;
      if (v.e <= p) return true;
      if (v.s >= ea) { v.s += delta; v.e += delta; return true; }
      return false;
    });
  }

  function renderBackdrop() {
    var text = state.viewText;
    var inline = state.views.filter(function (v) { return !v.page && shown(v) && v.e > v.s && v.e <= text.length; });
    var cuts = [0, text.length];
    inline.forEach(function (v) { cuts.push(v.s, v.e); });
    cuts = Array.from(new Set(cuts)).sort(function (a, b) { return a - b; });
    var frag = document.createDocumentFragment();
    for (var k = 0; k < cuts.length - 1; k++) {
      var a = cuts[k];
      var b = cuts[k + 1];
      var piece = text.slice(a, b);
      var covering = inline.filter(function (v) { return v.s <= a && v.e >= b; });
      if (!covering.length) { frag.appendChild(document.createTextNode(piece)); continue; }
      covering.sort(function (x, y) { return (x.e - x.s) - (y.e - y.s); }); // the narrowest sets the colour
      var top = covering[0].f;
      var mark = el('mark', 'cat-' + catClass(top.category) + ' sev-' + sevClass(top.severity) +
        (covering.length > 1 ? ' multi' : ''), piece);
      mark.dataset.findings = covering.map(function (v) { return v.i; }).join(' ');
      mark.dataset.code = top.code;
      frag.appendChild(mark);
    }
    // A textarea shows a last empty line after a final newline; a div does not without something after it.
    frag.appendChild(document.createTextNode(' '));
    clear(els.backdrop);
    els.backdrop.appendChild(frag);
    markActive();
    syncScroll();
  }

  function syncScroll() {
    els.backdrop.scrollTop = els.input.scrollTop;
    els.backdrop.scrollLeft = els.input.scrollLeft;
  }

  // -- explaining a finding -----------------------------------------------------------------------------------
  function card(v) {
    var f = v.f;
    var rule = state.rules.get(f.code);
    var node = el('div', 'card sev-' + sevClass(f.severity));
    node.dataset.code = f.code;
    var head = el('div', 'head');
    head.append(
      el('span', 'chip cat-' + catClass(f.category), f.category),
      el('span', 'chip sev sev-' + sevClass(f.severity), f.severity),
      el('span', 'code', f.code + ' ' + f.name)
    );
    node.append(head, el('p', 'message', f.message));
    if (rule && rule.why) {
      var why = el('p', 'why');
      why.append(el('span', 'label', 'Why it costs the sale: '), document.createTextNode(rule.why));
      node.append(why);
    }
    var fix = el('p', 'fix');
    fix.append(el('span', 'label', 'Fix: '), document.createTextNode(f.fix || (rule && rule.fix) || ''));
    node.append(fix);
    if (f.suggestions && f.suggestions.length && !v.page && v.copy !== false) node.append(suggestionRow(v));
    return node;
  }

  function suggestionRow(v) {
    var row = el('div', 'suggest');
    var places = fixes.occurrences(v, state.views, els.input.value, state.toUnits || offsetMapper(els.input.value));
    row.append(el('span', 'label', 'Replace with:'));
    v.f.suggestions.forEach(function (sug) {
      var label = sug.replacement === '' ? '(delete it)' : sug.replacement;
      var one = ui.button(label, 'apply', function () { applyFix(v, sug.replacement, false); });
      if (sug.description) one.title = sug.description;
      row.append(one);
      if (places.length > 1) {
        var all = ui.button('Fix all ' + places.length, 'apply-all', function () { applyFix(v, sug.replacement, true); });
        all.setAttribute('aria-label', 'Replace all ' + places.length + ' uses with ' + label);
        all.dataset.count = String(places.length);
        row.append(all);
      }
    });
    return row;
  }

  function applyFix(v, replacement, everywhere) {
    var text = els.input.value;
    if (text.slice(v.s, v.e) !== v.source) {
      showStatus('The text changed under this finding; checking again…');
      runCheck();
      return;
    }
    var places = everywhere ? fixes.occurrences(v, state.views, text, state.toUnits || offsetMapper(text)) : [{ s: v.s, e: v.e }];
    hideTooltip(true);
    showSelected([]);
    var edit = fixes.apply(els.input, places, replacement, v.source);
    if (!edit) return;
    state.lastFix = edit;
    var what = places.length > 1 ? 'Replaced ' + places.length + ' uses of “' + ui.clip(v.source, 40) + '”'
      : 'Replaced “' + ui.clip(v.source, 40) + '”';
    showFixNote(what + (replacement ? ' with “' + ui.clip(replacement, 40) + '”.' : '.'));
    runCheck();
  }

  // "Replaced 9 uses of … [Undo]": beside the status line until the writer types or the view changes.
  function showFixNote(message) {
    clear(els.fixNote);
    els.fixNote.append(el('span', '', message + ' '));
    els.fixNote.append(ui.button('Undo', 'undo', function () {
      var edit = state.lastFix;
      clearFixNote();
      if (edit && fixes.undo(els.input, edit)) runCheck();
      els.input.focus();
    }));
    els.fixNote.hidden = false;
  }
  function clearFixNote() {
    state.lastFix = null;
    if (els.fixNote) { clear(els.fixNote); els.fixNote.hidden = true; }
  }

  // -- hover, caret and selection -----------------------------------------------------------------------------
  function viewsFor(indices) {
    return state.views.filter(function (v) { return indices.indexOf(v.i) >= 0; });
  }

  function marksAt(x, y) {
    var marks = els.backdrop.getElementsByTagName('mark');
    for (var k = 0; k < marks.length; k++) {
      var rects = marks[k].getClientRects();
      for (var r = 0; r < rects.length; r++) {
        var b = rects[r];
        if (x >= b.left && x <= b.right && y >= b.top && y <= b.bottom) return { mark: marks[k], rect: b };
      }
    }
    return null;
  }

  var hoverFrame = 0;
  function onHover(event) {
    if (!hover.matches || state.view !== 'copy') return; // touch screens get the details sheet instead
    var x = event.clientX;
    var y = event.clientY;
    if (hoverFrame) return;
    hoverFrame = requestAnimationFrame(function () {
      hoverFrame = 0;
      var hit = marksAt(x, y);
      if (!hit) { hideTooltip(false); return; }
      var key = hit.mark.dataset.findings;
      if (key !== state.hoverKey || els.tooltip.hidden) {
        showTooltip(viewsFor(key.split(' ').map(Number)), hit.rect);
        state.hoverKey = key;
      }
      clearTimeout(state.hideTimer);
    });
  }

  function showTooltip(views, rect) {
    if (!views.length) return;
    clear(els.tooltip);
    views.forEach(function (v) { els.tooltip.append(card(v)); });
    els.tooltip.hidden = false;
    var tip = els.tooltip.getBoundingClientRect();
    var top = rect.bottom + 6;
    if (top + tip.height > window.innerHeight - 8) top = Math.max(8, rect.top - tip.height - 6);
    var left = Math.min(Math.max(8, rect.left), window.innerWidth - tip.width - 8);
    els.tooltip.style.top = top + 'px';
    els.tooltip.style.left = left + 'px';
  }

  function hideTooltip(now) {
    clearTimeout(state.hideTimer);
    var hide = function () { els.tooltip.hidden = true; state.hoverKey = ''; clear(els.tooltip); };
    if (now) hide(); else state.hideTimer = setTimeout(hide, 250); // time to move the pointer into it
  }

  // Findings under the caret (or the selection) are explained in the details: the keyboard way in, and the
  // touch way in (a tap puts the caret in a highlight). On a small screen the details are a sheet over the
  // bottom of the text, so moving the caret by keyboard only updates a sheet that is already open.
  function refreshSelection(tapped) {
    var ta = els.input;
    if (document.activeElement !== ta || state.view !== 'copy') return;
    var a = ta.selectionStart;
    var b = ta.selectionEnd;
    // details closed here stay closed until the caret moves (or a tap asks again)
    if (!tapped && state.closedAt === a + ':' + b) return;
    state.closedAt = null;
    var here = state.views.filter(function (v) {
      return !v.page && shown(v) && v.e > v.s && (a === b ? v.s <= a && a <= v.e : v.s < b && a < v.e);
    });
    if (narrow.matches && !tapped && els.selected.hidden) return;
    showSelected(here);
  }

  function showSelected(views) {
    state.selected = views;
    clear(els.selectedCards);
    views.forEach(function (v) { els.selectedCards.append(card(v)); });
    els.selected.hidden = views.length === 0;
    markActive();
  }

  // The selected findings are outlined in the text and in the lists.
  function markActive() {
    var ids = state.selected.map(function (v) { return String(v.i); });
    var marks = els.backdrop.getElementsByTagName('mark');
    for (var k = 0; k < marks.length; k++) {
      var mine = marks[k].dataset.findings.split(' ');
      marks[k].classList.toggle('active', ids.some(function (id) { return mine.indexOf(id) >= 0; }));
    }
    document.querySelectorAll('#panel .findings > li[data-index]').forEach(function (li) {
      li.classList.toggle('active', ids.indexOf(li.dataset.index) >= 0);
    });
  }

  function selectFinding(v) {
    if (v.page || !shown(v)) {
      showSelected([v]);
      if (narrow.matches) els.selectedClose.focus();
      return;
    }
    var ta = els.input;
    ta.focus();
    ta.setSelectionRange(v.s, v.e);
    var mark = els.backdrop.querySelector('mark[data-findings~="' + v.i + '"]');
    if (mark) ta.scrollTop = Math.max(0, mark.offsetTop - ta.clientHeight / 3);
    syncScroll();
    showSelected([v]);
    if (narrow.matches) ta.scrollIntoView({ block: 'start' });
  }

  function closeSelected() {
    var wasOpen = !els.selected.hidden;
    state.closedAt = els.input.selectionStart + ':' + els.input.selectionEnd;
    showSelected([]);
    if (wasOpen && state.view === 'copy') els.input.focus();
  }

  // -- side panel ---------------------------------------------------------------------------------------------
  function findingItem(v, onPick) {
    var f = v.f;
    var li = el('li', 'sev-' + sevClass(f.severity));
    li.dataset.index = String(v.i);
    li.dataset.code = f.code;
    var pick = el('button', 'pick');
    pick.type = 'button';
    pick.append(el('span', 'chip cat-' + catClass(f.category), f.category), el('span', 'chip sev', f.severity));
    pick.append(el('span', 'msg', f.message));
    if (f.text && !v.page) { pick.append(document.createTextNode(' ')); pick.append(el('span', 'quote', '“' + ui.clip(f.text, 60) + '”')); }
    pick.addEventListener('click', function () { onPick(v, li); });
    li.append(pick);
    return li;
  }

  function emptyItem(text) { return el('li', 'empty', text); }

  function renderScore(doc, report) {
    var score = doc.score;
    els.scoreValue.textContent = score ? fmtNumber(score.overall) : '–';
    // below a desktop the panel is under the text: the score rides in the document line, a link down to the fixes
    els.scoreChip.textContent = 'Score ' + els.scoreValue.textContent + ' · fixes below';
    els.scoreChip.hidden = !score;
    clear(els.scoreParts);
    (score ? score.parts : []).forEach(function (part) {
      var row = el('div', 'part');
      row.dataset.part = part.name;
      var track = el('div', 'track');
      var fill = el('div', 'fill');
      fill.style.width = Math.max(0, Math.min(100, Number(part.value) || 0)) + '%';
      track.append(fill);
      row.append(el('span', 'name', ui.pretty(part.name)), track, el('span', 'value', fmtNumber(part.value)));
      row.title = (part.deductions || []).map(function (d) { return d.code + ' ×' + d.count + ': −' + d.points; }).join('\n');
      els.scoreParts.append(row);
    });
    clear(els.counts);
    var counts = (report.summary && report.summary.findings) || {};
    ui.SEVERITIES.slice().reverse().forEach(function (sev) {
      els.counts.append(el('span', 'sev-' + sev, ui.plural(counts[sev] || 0, sev)));
    });
  }

  function renderMetrics(doc) {
    clear(els.metrics);
    (doc.metrics || []).forEach(function (m) {
      var dt = el('dt', '', m.label || m.name);
      var dd = el('dd', '', fmtNumber(m.value) + (m.unit ? ' ' + m.unit : ''));
      if (m.note) { dt.title = m.note; dd.title = m.note; }
      els.metrics.append(dt, dd);
    });
    if (!doc.metrics || !doc.metrics.length) els.metrics.append(el('dt', '', 'No metrics yet'), el('dd', '', ''));
  }

  function renderPanel(doc, report) {
    renderScore(doc, report);
    clear(els.topFindings);
    clear(els.pageFindings);
    clear(els.findings);
    var byIndex = new Map(state.views.map(function (v) { return [v.i, v]; }));
    topIndexes(doc).forEach(function (i) {
      if (byIndex.has(i)) els.topFindings.append(findingItem(byIndex.get(i), selectFinding));
    });
    if (!els.topFindings.children.length) {
      els.topFindings.append(emptyItem(doc.words ? 'Nothing to fix. Plain and direct.' : 'Type or paste your copy to check it.'));
    }
    var page = state.views.filter(function (v) { return v.page; });
    var inline = state.views.filter(function (v) { return !v.page; });
    page.forEach(function (v) { els.pageFindings.append(findingItem(v, selectFinding)); });
    if (!page.length) els.pageFindings.append(emptyItem('Nothing about the page as a whole.'));
    inline.forEach(function (v) { els.findings.append(findingItem(v, selectFinding)); });
    if (!inline.length) els.findings.append(emptyItem('Nothing flagged in the text.'));
    renderToggle(doc.findings.length);
    renderMetrics(doc);
    clear(els.notes);
    (doc.notes || []).forEach(function (n) { els.notes.append(el('li', '', n)); });
    markActive();
  }

  function renderToggle(total) {
    var more = total > state.topSet.size;
    els.showAll.hidden = !more && !state.showAll;
    els.showAll.textContent = state.showAll ? 'Show the top ' + state.topSet.size + ' only' : 'Show all ' + total;
    els.showAll.setAttribute('aria-expanded', state.showAll ? 'true' : 'false');
    els.allFindings.hidden = !state.showAll;
  }

  function toggleAll() {
    state.showAll = !state.showAll;
    var total = state.report ? state.report.documents[0].findings.length : 0;
    renderToggle(total);
    // a selection of a finding the text no longer shows goes with it
    showSelected(state.selected.filter(function (v) { return v.page || shown(v); }));
    renderBackdrop();
  }

  // -- downloads ----------------------------------------------------------------------------------------------
  async function download(fmt) {
    var problem = await ui.downloadFrom('/api/v1/report/' + encodeURIComponent(fmt), {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(requestBody(els.input.value))
    }, 'plainpitch-report.' + fmt);
    if (problem) showStatus(problem, true);
  }

  // -- files and pastes ---------------------------------------------------------------------------------------
  // Open a file: copy goes into the editor, a transcript into the call view. Either way what the panels showed
  // before is replaced.
  async function openFile(file) {
    var limit = state.options ? state.options.max_bytes : Infinity;
    if (file.size > limit) {
      var tooBig = file.name + ' is ' + (file.size / 1048576).toFixed(1) + ' MB; the limit is ' + (limit / 1048576).toFixed(0) + ' MB';
      if (state.view === 'call') ui.setStatus($('call-status'), tooBig, true); else showStatus(tooBig, true);
      return;
    }
    var form = new FormData();
    form.append('file', file, file.name);
    var res, data;
    try {
      res = await fetch('/api/v1/open', { method: 'POST', body: form });
      data = await ui.readJson(res);
    } catch (err) {
      showStatus('Could not reach the plainpitch server: ' + err.message, true);
      return;
    }
    if (!res.ok) {
      if (state.view === 'call') ui.setStatus($('call-status'), ui.errorText(data, res), true);
      else showStatus(ui.errorText(data, res), true);
      return;
    }
    if (data.kind === 'call') { openCall(file, data); return; }
    setView('copy');
    state.filename = data.filename;
    els.docName.textContent = data.filename;
    if (data.format && Array.prototype.some.call(els.format.options, function (o) { return o.value === data.format; })) {
      els.format.value = data.format;
    }
    els.input.value = data.text;
    els.input.scrollTop = 0;
    state.viewText = data.text;
    state.views = [];
    renderBackdrop();
    runCheck();
  }

  function openCall(file, opened) {
    setView('call');
    if (window.plainpitchCall) window.plainpitchCall.open(file, opened);
  }

  // A pasted call transcript opens the call view, as a dropped one does: the server recognises it by its
  // content (/api/v1/open, the same detector as the command line). Anything else is pasted into the copy.
  async function onPaste(event) {
    var text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
    dismiss();
    if (!text || text.length < PASTE_SNIFF_CHARS || text.split('\n').length < PASTE_SNIFF_LINES) return;
    event.preventDefault();
    var start = els.input.selectionStart, end = els.input.selectionEnd;
    var file = new File([text], 'pasted transcript.txt', { type: 'text/plain' });
    var form = new FormData();
    form.append('file', file, file.name);
    var data = null;
    try {
      var res = await fetch('/api/v1/open', { method: 'POST', body: form });
      data = res.ok ? await ui.readJson(res) : null;
    } catch (e) { data = null; }
    if (data && data.kind === 'call') { openCall(file, data); return; }
    els.input.focus();
    els.input.setSelectionRange(start, end);
    var done = false;
    try { done = document.execCommand('insertText', false, text); } catch (e) { done = false; }
    if (!done) {
      els.input.setRangeText(text, start, end, 'end');
      els.input.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }

  // -- wiring -------------------------------------------------------------------------------------------------
  function fillSelect(select, values, labels, chosen) {
    values.forEach(function (value) {
      var option = el('option', '', (labels && labels[value]) || value);
      option.value = value;
      select.append(option);
    });
    if (chosen && values.indexOf(chosen) >= 0) select.value = chosen;
  }

  function onInput() {
    timing.lastInputAt = performance.now();
    timing.upToDate = false;
    var text = els.input.value;
    if (state.lastFix && text !== state.lastFix.after) clearFixNote();
    shiftView(state.viewText, text);
    state.viewText = text;
    renderBackdrop();
    schedule();
  }

  function hasFiles(event) {
    return !!(event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types || [], 'Files') >= 0);
  }

  function onKey(event) {
    if (event.key !== 'Escape') return;
    if (!els.tooltip.hidden) { hideTooltip(true); return; }
    if (!els.selected.hidden) { event.preventDefault(); closeSelected(); return; }
    if (els.bar.classList.contains('options-open')) { toggleOptions(false); els.optionsToggle.focus(); }
  }

  function toggleOptions(open) {
    els.bar.classList.toggle('options-open', open);
    els.optionsToggle.setAttribute('aria-expanded', open ? 'true' : 'false');
  }

  function wire() {
    els.input.addEventListener('input', onInput);
    els.input.addEventListener('paste', onPaste);
    els.input.addEventListener('scroll', syncScroll);
    els.input.addEventListener('click', function () { refreshSelection(true); });
    ['select', 'keyup', 'focus'].forEach(function (name) {
      els.input.addEventListener(name, function () { refreshSelection(false); });
    });
    els.editor.addEventListener('mousemove', onHover);
    els.editor.addEventListener('mouseleave', function () { hideTooltip(false); });
    els.tooltip.addEventListener('mouseenter', function () { clearTimeout(state.hideTimer); });
    els.tooltip.addEventListener('mouseleave', function () { hideTooltip(false); });
    els.selectedClose.addEventListener('click', closeSelected);
    els.showAll.addEventListener('click', toggleAll);
    document.addEventListener('keydown', onKey);
    [els.profile, els.context, els.medium, els.format].forEach(function (s) {
      s.addEventListener('change', function () { dismiss(); runCheck(); });
    });
    els.optionsToggle.addEventListener('click', function () { toggleOptions(!els.bar.classList.contains('options-open')); });
    els.openFile.addEventListener('click', function () { els.fileInput.click(); });
    els.fileInput.addEventListener('change', function () {
      if (els.fileInput.files && els.fileInput.files[0]) openFile(els.fileInput.files[0]);
      els.fileInput.value = '';
    });
    document.querySelectorAll('.tab').forEach(function (tab) {
      tab.addEventListener('click', function () { if (state.view !== tab.dataset.view) setView(tab.dataset.view); });
    });
    // leaving a desktop width for a phone's (or back) must not leave a tooltip or a sheet where it no longer fits
    [narrow, hover].forEach(function (q) { if (q.addEventListener) q.addEventListener('change', dismiss); });
    document.addEventListener('dragover', function (e) {
      if (!hasFiles(e)) return;
      e.preventDefault();
      els.overlay.hidden = false;
    }, true);
    document.addEventListener('dragleave', function (e) { if (!e.relatedTarget) els.overlay.hidden = true; }, true);
    document.addEventListener('drop', function (e) {
      if (!hasFiles(e)) return;
      e.preventDefault();
      els.overlay.hidden = true;
      var file = e.dataTransfer.files[0];
      if (file) openFile(file);
    }, true);
  }

  async function init() {
    Object.assign(els, {
      bar: document.querySelector('.bar'), input: $('input'), backdrop: $('backdrop'), editor: $('editor'),
      status: $('status'), docName: $('doc-name'), profile: $('profile'), context: $('context'), medium: $('medium'),
      format: $('format'), openFile: $('open-file'), fileInput: $('file-input'), downloads: $('downloads'),
      optionsToggle: $('options-toggle'), scoreValue: $('score-value'), scoreChip: $('score-chip'), scoreParts: $('score-parts'),
      counts: $('counts'), notes: $('doc-notes'), selected: $('selected'), selectedCards: $('selected-cards'),
      selectedClose: $('selected-close'), topFindings: $('top-findings'), showAll: $('show-all'),
      allFindings: $('all-findings'), pageFindings: $('page-findings'), findings: $('findings'),
      metrics: $('metrics'), legend: $('legend'), tooltip: $('tooltip'), overlay: $('drop-overlay')
    });
    els.fixNote = el('span', 'fix-note');
    els.fixNote.id = 'fix-note';
    els.fixNote.hidden = true;
    els.status.after(els.fixNote);
    try {
      var loaded = await Promise.all([ui.getJson('/api/v1/options'), ui.getJson('/api/v1/rules')]);
      state.options = loaded[0];
      loaded[1].forEach(function (r) { state.rules.set(r.code, r); });
    } catch (err) {
      showStatus('Could not load the editor settings: ' + err.message, true);
      return;
    }
    var o = state.options;
    fillSelect(els.profile, o.profiles, null, 'business');
    fillSelect(els.context, o.contexts, null, 'self-serve');
    fillSelect(els.medium, o.media, null, '');
    fillSelect(els.format, o.formats, FORMAT_LABELS, o.formats.indexOf('markdown') >= 0 ? 'markdown' : 'text');
    Object.keys(o.categories).forEach(function (name) {
      var li = el('li');
      li.title = o.categories[name].what;
      li.append(el('span', 'swatch cat-' + catClass(name)), document.createTextNode(name));
      els.legend.append(li);
    });
    o.report_formats.forEach(function (fmt) {
      var btn = ui.button(REPORT_LABELS[fmt] || fmt, '', function () { download(fmt); });
      btn.dataset.format = fmt;
      els.downloads.append(btn);
    });
    wire();
    page.openFile = openFile;
    page.requestBody = requestBody; // the check as the writer sees it, for saving it to the history (save.js)
    renderPanel(EMPTY_DOC, EMPTY_REPORT);
    document.dispatchEvent(new CustomEvent('plainpitch:ready', { detail: { options: o } }));
    document.body.dataset.ready = '1';
    if (els.input.value) { state.viewText = els.input.value; runCheck(); }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
