/* plainpitch editor: plain JS, no framework, no build step, nothing fetched from anywhere but this server.
 *
 * The copy lives in a <textarea> (native editing, undo and IME); highlights are drawn in a backdrop behind it
 * that holds the same text. User text only ever reaches the page through textContent, never as markup.
 * Tooltips come from two sources only: the report JSON (message, fix, suggestions) and the rule metadata
 * served at /api/v1/rules (why it costs the sale).
 */
(function () {
  'use strict';

  // Wait this long after the last keystroke before checking: short enough that the highlights follow the
  // writer (the target is 150 ms from the pause to updated highlights), long enough not to check every key.
  var DEBOUNCE_MS = 80;
  var CATEGORIES = ['jargon', 'clarity', 'readability', 'tone', 'structure', 'benefits', 'ask', 'talk'];
  var SEVERITIES = ['suggestion', 'warning', 'error'];
  var FORMAT_LABELS = { markdown: 'Markdown', text: 'Plain text', html: 'HTML', email: 'Email (.eml)' };
  var REPORT_LABELS = { html: 'HTML', json: 'JSON', sarif: 'SARIF', markdown: 'Markdown' };
  var EMPTY_DOC = { findings: [], metrics: [], score: null, words: 0 };
  var EMPTY_REPORT = { summary: { findings: {} } };

  function $(id) { return document.getElementById(id); }

  var els = {};
  var state = {
    options: null,
    rules: new Map(),
    filename: 'untitled',
    analysedText: null, // the text the current report was made from
    report: null,
    view: [], // findings with UTF-16 offsets into the text now in the textarea
    viewText: '',
    seq: 0,
    inflight: null,
    timer: null,
    hideTimer: null,
    hoverKey: '',
    timelineUrl: null,
    call: null // the call view's file, what /open said about it, and its report
  };
  // Read by the browser tests and the benchmark: when the writer last typed and when highlights caught up.
  var timing = {
    debounceMs: DEBOUNCE_MS, lastInputAt: 0, requestAt: 0, responseAt: 0, renderedAt: 0, serverMs: null,
    renders: 0, upToDate: false
  };
  window.plainpitchEditor = { timing: timing, state: state };

  // -- small helpers ------------------------------------------------------------------------------------------
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  // Class names are built from a fixed list, never from the report's strings as they are.
  function catClass(category) { return CATEGORIES.indexOf(category) >= 0 ? category : 'other'; }
  function sevClass(severity) { return SEVERITIES.indexOf(severity) >= 0 ? severity : 'suggestion'; }
  function pretty(name) { return String(name).replace(/_/g, ' '); }
  function fmtNumber(v) {
    if (typeof v !== 'number') return v === null || v === undefined ? '–' : String(v);
    return Number.isInteger(v) ? v.toLocaleString('en') : (Math.round(v * 10) / 10).toLocaleString('en');
  }
  function fmtTime(seconds) { // m:ss or h:mm:ss, as every call report writes times and lengths
    if (typeof seconds !== 'number' || !isFinite(seconds)) return '';
    var s = Math.max(0, Math.round(seconds));
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), rest = String(s % 60).padStart(2, '0');
    return h ? h + ':' + String(m).padStart(2, '0') + ':' + rest : m + ':' + rest;
  }
  // A call metric that is a length or a time in the call (not a pause): shown as m:ss.
  function isDuration(metric) {
    return metric.unit === 's' && !/patience/.test(metric.name);
  }
  function fmtMetric(metric, value) {
    if (isDuration(metric) && typeof value === 'number') return fmtTime(value);
    return fmtNumber(value) + (metric.unit && value !== null && value !== undefined ? ' ' + metric.unit : '');
  }
  function clip(text, n) { text = String(text || ''); return text.length > n ? text.slice(0, n - 1) + '…' : text; }

  function showStatus(message, isError) {
    els.status.textContent = message || '';
    els.status.classList.toggle('error', !!isError);
  }
  function callStatus(message, isError) {
    els.callStatus.textContent = message || '';
    els.callStatus.classList.toggle('error', !!isError);
  }
  async function readJson(res) {
    try { return await res.json(); } catch (e) { return null; }
  }
  function errorText(data, res) {
    if (data && data.error && data.error.message) return data.error.message;
    return 'The server answered ' + res.status + ' ' + (res.statusText || '');
  }
  async function getJson(url) {
    var res = await fetch(url, { headers: { accept: 'application/json' } });
    var data = await readJson(res);
    if (!res.ok) throw new Error(errorText(data, res));
    return data;
  }

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
      var data = await readJson(res);
      if (seq !== state.seq) return; // a newer check is on its way
      timing.responseAt = performance.now();
      var server = /analyse;dur=([\d.]+)/.exec(res.headers.get('server-timing') || '');
      timing.serverMs = server ? Number(server[1]) : null;
      if (!res.ok) { showStatus(errorText(data, res), true); return; }
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

  function renderReport(report, text) {
    var doc = report.documents[0];
    var toUnits = offsetMapper(text);
    state.report = report;
    state.analysedText = text;
    state.view = doc.findings.map(function (f, i) {
      var s = toUnits(f.location.start);
      var e = toUnits(f.location.end);
      // what the finding covered, so a replacement is applied only where that text still is
      return { f: f, i: i, s: s, e: e, page: isPageLevel(f), source: text.slice(s, e) };
    });
    state.viewText = text;
    renderBackdrop();
    renderPanel(doc, report);
    var took = Math.round(timing.responseAt - timing.requestAt);
    var words = doc.words === null || doc.words === undefined ? '' : fmtNumber(doc.words) + ' words · ';
    var notes = (doc.notes || []).join(' ');
    var n = doc.findings.length;
    showStatus(words + n + (n === 1 ? ' finding' : ' findings') + ' · checked in ' + took + ' ms' + (notes ? ' · ' + notes : ''));
    refreshSelection();
  }

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
    state.view = state.view.filter(function (v) {
      if (v.page) return true;
      if (v.e <= p) return true;
      if (v.s >= ea) { v.s += delta; v.e += delta; return true; }
      return false;
    });
  }

  function renderBackdrop() {
    var text = state.viewText;
    var inline = state.view.filter(function (v) { return !v.page && v.e > v.s && v.e <= text.length; });
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
    if (f.suggestions && f.suggestions.length && !v.page && els.input) {
      var row = el('div', 'suggest');
      row.append(el('span', 'label', 'Replace with:'));
      f.suggestions.forEach(function (sug) {
        var btn = el('button', 'apply', sug.replacement === '' ? '(delete it)' : sug.replacement);
        btn.type = 'button';
        if (sug.description) btn.title = sug.description;
        btn.addEventListener('click', function () { applySuggestion(v, sug.replacement); });
        row.append(btn);
      });
      node.append(row);
    }
    return node;
  }

  function applySuggestion(v, replacement) {
    var ta = els.input;
    var before = ta.value;
    if (before.slice(v.s, v.e) !== v.source) {
      showStatus('The text changed under this finding; checking again…');
      runCheck();
      return;
    }
    var expected = before.slice(0, v.s) + replacement + before.slice(v.e);
    ta.focus();
    ta.setSelectionRange(v.s, v.e);
    // execCommand keeps the change on the textarea's own undo stack (Ctrl+Z undoes the fix)
    var done = false;
    try {
      done = replacement === '' ? document.execCommand('delete') : document.execCommand('insertText', false, replacement);
    } catch (e) { done = false; }
    if (!done || ta.value !== expected) {
      ta.value = expected;
      ta.setSelectionRange(v.s + replacement.length, v.s + replacement.length);
      onInput();
    }
    hideTooltip(true);
    runCheck();
  }

  // -- hover and selection ------------------------------------------------------------------------------------
  function viewsFor(indices) {
    return state.view.filter(function (v) { return indices.indexOf(v.i) >= 0; });
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
    var x = event.clientX;
    var y = event.clientY;
    if (hoverFrame) return;
    hoverFrame = requestAnimationFrame(function () {
      hoverFrame = 0;
      var hit = marksAt(x, y);
      if (!hit) { hideTooltip(false); return; }
      var key = hit.mark.dataset.findings;
      if (key !== state.hoverKey || els.tooltip.hidden) {
        var indices = key.split(' ').map(Number);
        showTooltip(viewsFor(indices), hit.rect);
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
    var hide = function () { els.tooltip.hidden = true; state.hoverKey = ''; };
    if (now) hide(); else state.hideTimer = setTimeout(hide, 250); // time to move the pointer into it
  }

  // Findings under the caret (or the selection) are explained in the side panel: the keyboard way in.
  function refreshSelection() {
    var ta = els.input;
    if (document.activeElement !== ta) return;
    var a = ta.selectionStart;
    var b = ta.selectionEnd;
    var here = state.view.filter(function (v) {
      return !v.page && v.e > v.s && (a === b ? v.s <= a && a <= v.e : v.s < b && a < v.e);
    });
    showSelected(here);
  }

  function showSelected(views) {
    clear(els.selectedCards);
    views.forEach(function (v) { els.selectedCards.append(card(v)); });
    els.selected.hidden = views.length === 0;
    var marks = els.backdrop.getElementsByTagName('mark');
    var ids = views.map(function (v) { return String(v.i); });
    for (var k = 0; k < marks.length; k++) {
      var mine = marks[k].dataset.findings.split(' ');
      marks[k].classList.toggle('active', ids.some(function (id) { return mine.indexOf(id) >= 0; }));
    }
    Array.prototype.forEach.call(els.findings.children, function (li) {
      li.classList.toggle('active', ids.indexOf(li.dataset.index) >= 0);
    });
  }

  function selectFinding(v) {
    if (v.page) { showSelected([]); clear(els.selectedCards); els.selectedCards.append(card(v)); els.selected.hidden = false; return; }
    var ta = els.input;
    ta.focus();
    ta.setSelectionRange(v.s, v.e);
    var mark = els.backdrop.querySelector('mark[data-findings~="' + v.i + '"]');
    if (mark) ta.scrollTop = Math.max(0, mark.offsetTop - ta.clientHeight / 3);
    syncScroll();
    showSelected([v]);
  }

  // -- side panel ---------------------------------------------------------------------------------------------
  function findingItem(v, onPick) {
    var f = v.f;
    var li = el('li', 'sev-' + sevClass(f.severity));
    li.tabIndex = 0;
    li.dataset.index = String(v.i);
    li.dataset.code = f.code;
    li.append(el('span', 'chip cat-' + catClass(f.category), f.category), el('span', 'chip sev', f.severity));
    if (typeof f.time === 'number') li.append(el('span', 'code', fmtTime(f.time) + ' '));
    li.append(el('span', 'msg', f.message));
    if (f.text && !v.page) { li.append(document.createTextNode(' ')); li.append(el('span', 'quote', '“' + clip(f.text, 60) + '”')); }
    li.addEventListener('click', function () { onPick(v); });
    li.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onPick(v); } });
    return li;
  }

  function emptyItem(text) { return el('li', 'empty', text); }

  function renderScore(doc, report) {
    var score = doc.score;
    els.scoreValue.textContent = score ? fmtNumber(score.overall) : '–';
    clear(els.scoreParts);
    (score ? score.parts : []).forEach(function (part) {
      var row = el('div', 'part');
      row.dataset.part = part.name;
      var track = el('div', 'track');
      var fill = el('div', 'fill');
      fill.style.width = Math.max(0, Math.min(100, Number(part.value) || 0)) + '%';
      track.append(fill);
      row.append(el('span', 'name', pretty(part.name)), track, el('span', 'value', fmtNumber(part.value)));
      row.title = (part.deductions || []).map(function (d) { return d.code + ' ×' + d.count + ': −' + d.points; }).join('\n');
      els.scoreParts.append(row);
    });
    clear(els.counts);
    var counts = (report.summary && report.summary.findings) || {};
    SEVERITIES.slice().reverse().forEach(function (sev) {
      els.counts.append(el('span', 'sev-' + sev, fmtNumber(counts[sev] || 0) + ' ' + sev + (counts[sev] === 1 ? '' : 's')));
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
    clear(els.pageFindings);
    clear(els.findings);
    var page = state.view.filter(function (v) { return v.page; });
    var inline = state.view.filter(function (v) { return !v.page; });
    page.forEach(function (v) { els.pageFindings.append(findingItem(v, selectFinding)); });
    if (!page.length) els.pageFindings.append(emptyItem('Nothing about the page as a whole.'));
    inline.forEach(function (v) { els.findings.append(findingItem(v, selectFinding)); });
    if (!inline.length) els.findings.append(emptyItem(doc.words ? 'Nothing flagged. Plain and direct.' : 'Type or paste your copy to check it.'));
    renderMetrics(doc);
  }

  // -- downloads ----------------------------------------------------------------------------------------------
  function downloadName(header, fmt) {
    var m = /filename="([^"]+)"/.exec(header || '');
    return m ? m[1] : 'plainpitch-report.' + fmt;
  }

  function save(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = el('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 2000);
  }

  async function download(fmt) {
    if (state.call) { // the call view: its report is the JSON already in hand
      if (!state.call.report) return;
      var stem = state.call.opened.filename.replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9._-]+/g, '-') || 'call';
      save(new Blob([JSON.stringify(state.call.report, null, 2)], { type: 'application/json' }), stem + '-report.json');
      return;
    }
    var res = await fetch('/api/v1/report/' + encodeURIComponent(fmt), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(requestBody(els.input.value))
    });
    if (!res.ok) { showStatus(errorText(await readJson(res), res), true); return; }
    save(await res.blob(), downloadName(res.headers.get('content-disposition'), fmt));
  }

  // -- files --------------------------------------------------------------------------------------------------
  async function openFile(file) {
    var limit = state.options ? state.options.max_bytes : Infinity;
    if (file.size > limit) {
      showStatus(file.name + ' is ' + (file.size / 1048576).toFixed(1) + ' MB; the limit is ' + (limit / 1048576).toFixed(0) + ' MB', true);
      return;
    }
    var form = new FormData();
    form.append('file', file, file.name);
    var res = await fetch('/api/v1/open', { method: 'POST', body: form });
    var data = await readJson(res);
    if (!res.ok) { showStatus(errorText(data, res), true); return; }
    if (data.kind === 'call') { await openCall(file, data); return; }
    showCopyView();
    state.filename = data.filename;
    els.docName.textContent = data.filename;
    if (data.format && Array.prototype.some.call(els.format.options, function (o) { return o.value === data.format; })) {
      els.format.value = data.format;
    }
    els.input.value = data.text;
    els.input.scrollTop = 0;
    state.viewText = data.text;
    state.view = [];
    renderBackdrop();
    runCheck();
  }

  function showCopyView() {
    els.callView.hidden = true;
    els.copyView.hidden = false;
    document.body.classList.remove('call-mode');
    state.call = null;
  }
  function showCallView() {
    els.copyView.hidden = true;
    els.callView.hidden = false;
    document.body.classList.add('call-mode');
  }

  async function openCall(file, opened, me) {
    showCallView();
    state.call = { file: file, opened: opened, report: null };
    els.callName.textContent = opened.filename;
    callStatus('Reviewing the call…');
    clear(els.callMetricsBody);
    clear(els.moments);
    clear(els.callFindings);
    setTimeline(null, '');
    function form() {
      var f = new FormData();
      f.append('file', file, file.name);
      if (me) f.append('me', me);
      return f;
    }
    var res = await fetch('/api/v1/call', { method: 'POST', body: form() });
    var data = await readJson(res);
    if (!res.ok) { callStatus(errorText(data, res), true); return; }
    state.call.report = data;
    renderCall(data, me);
    var t = await fetch('/api/v1/call/timeline', { method: 'POST', body: form() });
    if (t.ok) {
      // shown as an <img>: an SVG there can run no script and load nothing
      var blob = new Blob([await t.blob()], { type: 'image/svg+xml' });
      setTimeline(URL.createObjectURL(blob), 'Talk timeline of ' + opened.filename + ': who spoke when');
    } else {
      setTimeline(null, errorText(await readJson(t), t));
    }
    document.dispatchEvent(new CustomEvent('plainpitch:call-rendered'));
  }

  function setTimeline(url, text) {
    if (state.timelineUrl) URL.revokeObjectURL(state.timelineUrl);
    state.timelineUrl = url;
    var old = els.timeline.querySelector('img, .timeline-note');
    if (old) old.remove();
    if (url) {
      var img = el('img');
      img.alt = text;
      img.src = url;
      els.timeline.prepend(img);
    } else if (text) {
      els.timeline.prepend(el('p', 'timeline-note', text));
    }
  }

  // The benchmark a call metric is held against: the call's own thresholds (details.call.thresholds), joined
  // to metrics by the call module's table (served as options.call_targets).
  function benchmarkFor(call, metric) {
    var target = ((state.options && state.options.call_targets) || {})[metric.name];
    var limit = target ? (call.thresholds || {})[target.threshold] : undefined;
    if (typeof limit !== 'number') return { text: metric.note || '', off: false };
    var text = (target.side === 'max' ? 'at most ' : 'at least ') + fmtMetric(metric, limit);
    var v = metric.value;
    var off = typeof v === 'number' && (target.side === 'max' ? v > limit : v < limit);
    return { text: text + (metric.note ? ' · ' + metric.note : ''), off: off };
  }

  // "I am": who the seller is. The call module guesses when it is not told; the writer can correct it here.
  function fillSpeakers(call, me) {
    clear(els.callMe);
    var seen = [];
    (call.turns || []).forEach(function (t) { if (seen.indexOf(t.speaker) < 0) seen.push(t.speaker); });
    var sellers = (call.roles && call.roles.sellers) || [];
    seen.forEach(function (name) {
      var option = el('option', '', name);
      option.value = name;
      els.callMe.append(option);
    });
    els.callMe.value = me || sellers[0] || '';
  }

  function renderCall(report, me) {
    var doc = report.documents[0];
    var call = (doc.details && doc.details.call) || {};
    var turns = call.turns || [];
    var notes = (doc.notes || []).concat(call.notes || []).filter(function (n, i, all) { return all.indexOf(n) === i; });
    var n = doc.findings.length;
    callStatus(turns.length + ' turns · ' + n + (n === 1 ? ' finding' : ' findings') + (notes.length ? ' · ' + notes.join(' · ') : ''));
    fillSpeakers(call, me);
    var targets = (state.options && state.options.call_targets) || {};
    var ordered = (doc.metrics || []).slice().sort(function (a, b) { // benchmarked measures first
      return (targets[a.name] ? 0 : 1) - (targets[b.name] ? 0 : 1);
    });
    ordered.forEach(function (m) {
      var row = el('tr');
      row.dataset.metric = m.name;
      var mark = benchmarkFor(call, m);
      var value = el('td', mark.off ? 'off' : '', fmtMetric(m, m.value));
      row.append(el('th', '', m.label || m.name), value, el('td', '', mark.text));
      row.firstChild.scope = 'row';
      els.callMetricsBody.append(row);
    });
    (call.moments || []).forEach(function (mo) {
      var li = el('li');
      var when = typeof mo.time === 'number' ? mo.time : mo.start;
      if (typeof when === 'number') li.append(el('span', 'time', mo.clock || fmtTime(when)));
      if (mo.speaker) li.append(el('span', 'speaker', mo.speaker + ' — '));  // the moment's text names what happened
      li.append(document.createTextNode(clip(mo.text || mo.quote || mo.summary || mo.message || '', 240)));
      els.moments.append(li);
    });
    if (!els.moments.children.length) els.moments.append(el('li', 'empty', 'No moments marked.'));
    var views = doc.findings.map(function (f, i) { return { f: f, i: i, s: 0, e: 0, page: true, source: '' }; });
    views.forEach(function (v) {
      els.callFindings.append(findingItem(v, function (picked) {
        clear(els.selectedCards);
        els.selectedCards.append(card(picked));
        els.selected.hidden = false;
      }));
    });
    if (!views.length) els.callFindings.append(emptyItem('Nothing flagged on this call.'));
    renderScore(doc, report);
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
    shiftView(state.viewText, text);
    state.viewText = text;
    renderBackdrop();
    schedule();
  }

  // A pasted call transcript opens the call view, as a dropped one does: the server recognises it by its content
  // (/api/v1/open, the same detector as the command line). Anything else is pasted into the copy as usual.
  var PASTE_SNIFF_CHARS = 200;
  async function onPaste(event) {
    var text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
    if (!text || text.length < PASTE_SNIFF_CHARS || text.split('\n').length < 3) return;
    event.preventDefault();
    var start = els.input.selectionStart, end = els.input.selectionEnd;
    var file = new File([text], 'pasted transcript.txt', { type: 'text/plain' });
    var form = new FormData();
    form.append('file', file, file.name);
    var data = null;
    try {
      var res = await fetch('/api/v1/open', { method: 'POST', body: form });
      data = res.ok ? await readJson(res) : null;
    } catch (e) { data = null; }
    if (data && data.kind === 'call') { await openCall(file, data); return; }
    els.input.setRangeText(text, start, end, 'end');
    els.input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  function hasFiles(event) {
    return !!(event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types || [], 'Files') >= 0);
  }

  function wire() {
    els.input.addEventListener('input', onInput);
    els.input.addEventListener('paste', onPaste);
    els.input.addEventListener('scroll', syncScroll);
    ['select', 'click', 'keyup', 'focus'].forEach(function (name) {
      els.input.addEventListener(name, refreshSelection);
    });
    els.editor.addEventListener('mousemove', onHover);
    els.editor.addEventListener('mouseleave', function () { hideTooltip(false); });
    els.tooltip.addEventListener('mouseenter', function () { clearTimeout(state.hideTimer); });
    els.tooltip.addEventListener('mouseleave', function () { hideTooltip(false); });
    [els.profile, els.context, els.medium, els.format].forEach(function (s) { s.addEventListener('change', runCheck); });
    els.openFile.addEventListener('click', function () { els.fileInput.click(); });
    els.fileInput.addEventListener('change', function () {
      if (els.fileInput.files && els.fileInput.files[0]) openFile(els.fileInput.files[0]);
      els.fileInput.value = '';
    });
    els.back.addEventListener('click', function () {
      showCopyView();
      showSelected([]);
      if (els.input.value) runCheck();
      else { state.view = []; renderPanel(EMPTY_DOC, EMPTY_REPORT); }
    });
    els.callMe.addEventListener('change', function () {
      if (state.call) openCall(state.call.file, state.call.opened, els.callMe.value);
    });
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
    els = {
      input: $('input'), backdrop: $('backdrop'), editor: $('editor'), status: $('status'), docName: $('doc-name'),
      profile: $('profile'), context: $('context'), medium: $('medium'), format: $('format'),
      openFile: $('open-file'), fileInput: $('file-input'), downloads: $('downloads'),
      scoreValue: $('score-value'), scoreParts: $('score-parts'), counts: $('counts'),
      selected: $('selected'), selectedCards: $('selected-cards'), pageFindings: $('page-findings'),
      findings: $('findings'), metrics: $('metrics'), legend: $('legend'), tooltip: $('tooltip'),
      overlay: $('drop-overlay'), copyView: $('copy-view'), callView: $('call-view'), back: $('back-to-editor'),
      callName: $('call-name'), callStatus: $('call-status'), timeline: $('timeline'), callMe: $('call-me'),
      callMetricsBody: $('call-metrics').tBodies[0], moments: $('moments'), callFindings: $('call-findings')
    };
    try {
      var loaded = await Promise.all([getJson('/api/v1/options'), getJson('/api/v1/rules')]);
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
      var btn = el('button', '', REPORT_LABELS[fmt] || fmt);
      btn.type = 'button';
      btn.dataset.format = fmt;
      btn.addEventListener('click', function () { download(fmt); });
      els.downloads.append(btn);
    });
    wire();
    renderPanel(EMPTY_DOC, EMPTY_REPORT);
    document.body.dataset.ready = '1';
    if (els.input.value) { state.viewText = els.input.value; runCheck(); }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
