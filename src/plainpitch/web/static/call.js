/* plainpitch editor: the call view (window.plainpitchCall). One page that scrolls as a whole: the score and the
 * call report's opening lines, hints, who spoke when, the metrics against their targets, the moments to listen
 * back to and what to work on.
 *
 * Everything shown comes from POST /api/v1/call/view, which words it as `plainpitch call review` does (the
 * same m:ss durations, the same score, the same metric rows): this file formats nothing of its own. Speaker
 * names, file names and quotes are user text: textContent only. The timeline SVG is shown as an <img> from a
 * blob: URL, where an SVG can run no script and load nothing. Opening another call replaces everything here;
 * an answer that arrives after a newer request is dropped.
 */
(function () {
  'use strict';

  var ui = window.plainpitchUI;
  var el = ui.el, clear = ui.clear;
  var DOWNLOADS = [['html', 'HTML'], ['markdown', 'Markdown'], ['json', 'JSON']];
  var AUTO = '';

  function $(id) { return document.getElementById(id); }
  var els = {};
  var call = { file: null, opened: null, me: '', type: AUTO, seq: 0, data: null, timelineUrl: null };

  function status(message, isError) { ui.setStatus(els.status, message, isError); }

  function form() {
    var f = new FormData();
    f.append('file', call.file, call.file.name);
    if (call.me) f.append('me', call.me);
    if (call.type) f.append('call_type', call.type);
    return f;
  }

  // A new call: nothing of the last one stays on the page.
  function open(file, opened) {
    call.file = file;
    call.opened = opened;
    call.me = '';
    call.type = AUTO;
    call.data = null;
    els.name.textContent = opened.filename;
    els.empty.hidden = true;
    els.controls.hidden = true;
    resetBody();
    els.body.hidden = true;
    return review();
  }

  function resetBody() {
    clear(els.header);
    clear(els.hints);
    clear(els.metrics);
    clear(els.moments);
    clear(els.findings);
    clear(els.lanes);
    els.score.textContent = '–';
    setTimeline(null, '');
  }

  async function review() {
    var seq = ++call.seq;
    status('Reviewing the call…');
    var res, data;
    try {
      res = await fetch('/api/v1/call/view', { method: 'POST', body: form() });
      data = await ui.readJson(res);
    } catch (err) {
      if (seq === call.seq) status('Could not reach the plainpitch server: ' + err.message, true);
      return;
    }
    if (seq !== call.seq) return; // a newer review (another call, another "I am") is on its way
    if (!res.ok) { status(ui.errorText(data, res), true); return; }
    call.data = data;
    render(data);
    document.dispatchEvent(new CustomEvent('plainpitch:call-rendered'));
  }

  function setTimeline(svg, label) {
    if (call.timelineUrl) URL.revokeObjectURL(call.timelineUrl);
    call.timelineUrl = null;
    clear(els.chart);
    if (!svg) return;
    call.timelineUrl = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    var img = el('img');
    img.alt = label;
    img.src = call.timelineUrl;
    els.chart.append(img);
  }

  // "I am": who the seller is. The call analysis guesses when it is not told; the writer corrects it here.
  function fillSpeakers(details) {
    clear(els.me);
    var seen = [];
    (details.turns || []).forEach(function (t) { if (seen.indexOf(t.speaker) < 0) seen.push(t.speaker); });
    seen.forEach(function (name) {
      var option = el('option', '', name);
      option.value = name;
      els.me.append(option);
    });
    var sellers = (details.roles && details.roles.sellers) || [];
    els.me.value = call.me || sellers[0] || '';
    els.me.disabled = seen.length < 2;
  }

  function fillTypes(details) {
    clear(els.type);
    var inferred = details.type ? 'auto (' + details.type + ')' : 'auto';
    var auto = el('option', '', call.type ? 'auto' : inferred);
    auto.value = AUTO;
    els.type.append(auto);
    var types = (window.plainpitchEditor.state.options || {}).call_types || [];
    types.forEach(function (t) {
      var option = el('option', '', t);
      option.value = t;
      els.type.append(option);
    });
    els.type.value = call.type;
  }

  // Who spoke when, as a list: one lane per speaker with their turns on it (the chart's labels are unreadable on
  // a phone). Positions are shares of the call's length; the words come from the server.
  function renderLanes(data, details) {
    clear(els.lanes);
    var length = details.duration_s || 0;
    var turns = details.turns || [];
    (data.speakers || []).forEach(function (sp) {
      var li = el('li');
      var name = el('div', 'lane-name');
      name.append(el('strong', '', sp.name), el('span', 'role', ' · ' + sp.role + ' · ' + sp.talk + ' · ' + sp.share + '%'));
      var track = el('div', 'lane-track role-' + (sp.role === 'seller' || sp.role === 'buyer' ? sp.role : 'unknown'));
      track.setAttribute('aria-hidden', 'true');
      if (length > 0) {
        turns.forEach(function (t) {
          if (t.speaker !== sp.name || typeof t.start !== 'number' || typeof t.end !== 'number') return;
          var bar = el('span');
          bar.style.left = (100 * t.start / length).toFixed(2) + '%';
          bar.style.width = (100 * Math.max(0, t.end - t.start) / length).toFixed(2) + '%';
          track.append(bar);
        });
      }
      li.append(name, track);
      els.lanes.append(li);
    });
    if (data.length) {
      var axis = el('li', 'lane-axis');
      axis.setAttribute('aria-hidden', 'true');
      axis.append(el('span', '', '0:00'), el('span', '', data.length));
      els.lanes.append(axis);
    }
  }

  // What to work on, grouped as the call report groups it: the same advice once, with every place it applies.
  var MAX_PLACES = 8;
  function renderFindings(doc, data) {
    var editor = window.plainpitchEditor;
    var groups = data.groups && data.groups.length ? data.groups : doc.findings.map(function (f, i) { return [i]; });
    groups.forEach(function (group) {
      var i = group[0];
      var f = doc.findings[i];
      var li = el('li', 'sev-' + ui.sevClass(f.severity));
      li.dataset.index = String(i);
      li.dataset.code = f.code;
      li.dataset.count = String(group.length);
      var pick = el('button', 'pick');
      pick.type = 'button';
      pick.setAttribute('aria-expanded', 'false');
      pick.append(el('span', 'chip cat-' + ui.catClass(f.category), f.category), el('span', 'chip sev', f.severity));
      var message = group.length > 1 ? ((f.data && f.data.group_message) || f.message) : f.message;
      pick.append(el('span', 'msg', message + (group.length > 1 ? ' (×' + group.length + ')' : '')));
      var places = group.map(function (k) { return data.when[k]; }).filter(Boolean);
      if (places.length) {
        var more = places.length - MAX_PLACES;
        pick.append(el('span', 'where', 'at ' + places.slice(0, MAX_PLACES).join(', ') + (more > 0 ? ' and ' + more + ' more' : '')));
      }
      pick.addEventListener('click', function () {
        var opening = pick.getAttribute('aria-expanded') !== 'true';
        var shown = li.querySelector('.card');
        if (shown) shown.remove();
        if (opening) li.append(editor.card({ f: f, i: i, s: 0, e: 0, page: true, source: '', copy: false }));
        pick.setAttribute('aria-expanded', opening ? 'true' : 'false');
      });
      li.append(pick);
      els.findings.append(li);
    });
    if (!doc.findings.length) els.findings.append(el('li', 'empty', 'Nothing flagged on this call.'));
  }

  function render(data) {
    var doc = data.report.documents[0];
    var details = (doc.details && doc.details.call) || {};
    resetBody();
    els.body.hidden = false;
    els.controls.hidden = false;
    els.score.textContent = data.score === null ? '–' : data.score;
    data.header.forEach(function (line) { els.header.append(el('li', '', line)); });
    data.hints.forEach(function (line) { els.hints.append(el('li', '', line)); });
    fillSpeakers(details);
    fillTypes(details);
    setTimeline(data.timeline, 'Talk timeline of ' + call.opened.filename + ': who spoke when');
    els.caption.textContent = data.timeline ? 'Who spoke when: the seller in blue, the buyer in orange.' : 'No timeline: the transcript has no turns to draw.';
    renderLanes(data, details);
    data.metrics.forEach(function (m) {
      var row = el('tr');
      var head = el('th', '', m.label);
      head.scope = 'row';
      var value = el('td', m.off ? 'off' : '', m.value + (m.off ? ' (off target)' : ''));
      row.append(head, value, el('td', '', m.target));
      els.metrics.append(row);
    });
    (details.moments || []).forEach(function (mo) {
      var li = el('li');
      li.append(el('time', '', mo.clock || ''), el('span', '', ui.clip(mo.text || '', 240)));
      els.moments.append(li);
    });
    if (!els.moments.children.length) els.moments.append(el('li', 'empty', 'No moments marked.'));
    renderFindings(doc, data);
    status(ui.plural((details.turns || []).length, 'turn') + ' · ' + ui.plural(doc.findings.length, 'finding'));
  }

  function collapse() {
    els.findings.querySelectorAll('.card').forEach(function (c) { c.remove(); });
    els.findings.querySelectorAll('[aria-expanded]').forEach(function (b) { b.setAttribute('aria-expanded', 'false'); });
  }

  async function download(fmt) {
    if (!call.file) return;
    var stem = call.opened.filename.replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9._-]+/g, '-') || 'call';
    var problem = await ui.downloadFrom('/api/v1/call/report/' + encodeURIComponent(fmt), { body: form() },
      stem + '-report.' + (fmt === 'markdown' ? 'md' : fmt));
    if (problem) status(problem, true);
  }

  function init() {
    els = {
      name: $('call-name'), status: $('call-status'), empty: $('call-empty'), body: $('call-body'),
      controls: $('call-controls'), me: $('call-me'), type: $('call-type'), downloads: $('call-downloads'),
      score: $('call-score'), header: $('call-header'), hints: $('call-hints'), chart: $('timeline-chart'),
      lanes: $('timeline-lanes'), caption: $('timeline-caption'), metrics: $('call-metrics').tBodies[0],
      moments: $('moments'), findings: $('call-findings')
    };
    els.me.addEventListener('change', function () { if (call.file) { call.me = els.me.value; review(); } });
    els.type.addEventListener('change', function () { if (call.file) { call.type = els.type.value; review(); } });
    // an expanded finding is a selection: it does not outlive the view
    document.addEventListener('plainpitch:view', collapse);
    $('call-open').addEventListener('click', function () { $('file-input').click(); });
    DOWNLOADS.forEach(function (pair) {
      var b = ui.button(pair[1], '', function () { download(pair[0]); });
      b.dataset.format = pair[0];
      els.downloads.append(b);
    });
  }

  window.plainpitchCall = { open: open, state: call };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
