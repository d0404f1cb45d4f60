/* plainpitch editor: the history view (window.plainpitchHistory). What the store remembers, read from the history
 * API (GET /api/v1/history/...): the same trends as `plainpitch history` (talk share, questions, longest
 * monologue, next-step and ask rates, week by week, per seller or per deal), each deal's calls on one timeline,
 * and each page's score version by version.
 *
 * The view reloads whenever it is shown (the CLI may have saved runs since) and keeps nothing of a previous
 * visit: the chosen deal is a selection, and a selection does not outlive its view. Names, deals and paths are
 * user text: textContent only. The sparklines are SVG drawn with DOM calls, hidden from screen readers: the
 * figures beside them say the same in words.
 */
(function () {
  'use strict';

  var ui = window.plainpitchUI;
  var el = ui.el, clear = ui.clear;
  var SVG = 'http://www.w3.org/2000/svg';

  function pct(v) { return typeof v === 'number' ? Math.round(v) + '%' : '—'; }
  function num(v) { return typeof v === 'number' ? ui.fmtNumber(v) : '—'; }
  // metric -> (label, how to write it), in the order `plainpitch history` lists them
  var METRICS = [
    ['talk_share', 'Talk share', pct],
    ['questions', 'Questions a call', num],
    ['longest_monologue_s', 'Longest monologue', ui.clock],
    ['next_step_rate', 'Calls with a next step', pct],
    ['ask_rate', 'Calls with an ask', pct]
  ];

  function $(id) { return document.getElementById(id); }
  var els = {};
  var history = { seq: 0, deal: null };

  function status(message, isError) { ui.setStatus(els.status, message, isError); }
  function day(iso) { return String(iso || '').slice(0, 10); }

  async function load() {
    var seq = ++history.seq;
    history.deal = null;
    els.timeline.hidden = true;
    status('Reading the history…');
    var data;
    try {
      data = await Promise.all([
        ui.getJson('/api/v1/history/trends?by=' + encodeURIComponent(els.by.value)),
        ui.getJson('/api/v1/history/deals'),
        ui.getJson('/api/v1/history/pages')
      ]);
    } catch (err) {
      if (seq === history.seq) { status(err.message, true); els.body.hidden = true; }
      return;
    }
    if (seq !== history.seq || document.body.dataset.view !== 'history') return;
    var trends = data[0].groups, deals = data[1].deals, pages = data[2].pages;
    var empty = !trends.length && !deals.length && !pages.length;
    els.empty.hidden = !empty;
    els.body.hidden = empty;
    renderTrends(trends, data[0].by);
    renderDeals(deals);
    renderPages(pages);
    status(empty ? '' : ui.plural(trends.length, data[0].by) + ' · ' + ui.plural(deals.length, 'deal') + ' · ' + ui.plural(pages.length, 'page'));
    document.dispatchEvent(new CustomEvent('plainpitch:history-rendered'));
  }

  function sparkline(values) {
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 64 18');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var points = values.map(function (v, i) { return [i, v]; }).filter(function (p) { return typeof p[1] === 'number'; });
    if (!points.length) return svg;
    var lo = Math.min.apply(null, points.map(function (p) { return p[1]; }));
    var hi = Math.max.apply(null, points.map(function (p) { return p[1]; }));
    var n = Math.max(1, values.length - 1);
    var xy = points.map(function (p) {
      var x = values.length > 1 ? 2 + 60 * p[0] / n : 32;
      var y = hi > lo ? 16 - 14 * (p[1] - lo) / (hi - lo) : 9;
      return [x.toFixed(1), y.toFixed(1)];
    });
    var line = document.createElementNS(SVG, 'polyline');
    line.setAttribute('points', xy.map(function (p) { return p.join(','); }).join(' '));
    svg.append(line);
    var last = document.createElementNS(SVG, 'circle');
    last.setAttribute('cx', xy[xy.length - 1][0]);
    last.setAttribute('cy', xy[xy.length - 1][1]);
    last.setAttribute('r', '2');
    svg.append(last);
    return svg;
  }

  function renderTrends(groups, by) {
    clear(els.trends);
    groups.forEach(function (g) {
      var card = el('article', 'trend');
      var name = by === 'deal' ? g.deal : g.seller;
      card.append(el('h4', '', name || '—'));
      var sub = [ui.plural(g.overall.calls || 0, 'call')];
      if (by === 'deal') sub.unshift([g.stage, g.status].filter(Boolean).join(' · '));
      if (g.series.length) sub.push(day(g.series[0].week) + ' to ' + day(g.series[g.series.length - 1].week));
      card.append(el('p', 'sub', sub.filter(Boolean).join(' · ')));
      var dl = el('dl');
      METRICS.forEach(function (m) {
        var values = g.series.map(function (p) { return p[m[0]]; });
        var known = values.filter(function (v) { return typeof v === 'number'; });
        var said = known.length > 1 ? m[2](known[0]) + ' → ' + m[2](known[known.length - 1]) : m[2](g.overall[m[0]]);
        var chart = el('dd');
        chart.append(sparkline(values));
        dl.append(el('dt', '', m[1]), chart, el('dd', '', said));
      });
      card.append(dl);
      els.trends.append(card);
    });
    if (!groups.length) els.trends.append(el('p', 'sub', 'No calls saved yet.'));
  }

  function renderDeals(deals) {
    clear(els.deals);
    deals.forEach(function (d) {
      var li = el('li');
      var b = ui.button('', '', function () { openDeal(d.name, b); });
      b.setAttribute('aria-pressed', 'false');
      b.append(el('strong', '', d.name));
      var meta = [d.company, d.stage, d.status, ui.plural(d.calls || 0, 'call')];
      if (d.last_call) meta.push('last ' + day(d.last_call));
      b.append(el('span', 'meta', meta.filter(Boolean).join(' · ')));
      li.append(b);
      els.deals.append(li);
    });
    if (!deals.length) els.deals.append(el('li', 'meta', 'No deals yet.'));
  }

  async function openDeal(name, button) {
    var seq = ++history.seq;
    els.deals.querySelectorAll('button[aria-pressed]').forEach(function (b) { b.setAttribute('aria-pressed', b === button ? 'true' : 'false'); });
    history.deal = name;
    var data;
    try {
      data = await ui.getJson('/api/v1/history/timeline?deal=' + encodeURIComponent(name));
    } catch (err) {
      if (seq === history.seq) status(err.message, true);
      return;
    }
    if (seq !== history.seq) return;
    renderTimeline(data);
  }

  // The deal's calls on one line, placed by date; the table below says each call's figures in words.
  function renderTimeline(data) {
    els.timeline.hidden = false;
    els.dealTitle.textContent = data.deal.name + ': ' + ui.plural(data.calls.length, 'call');
    clear(els.track);
    clear(els.axis);
    clear(els.calls);
    var times = data.calls.map(function (c) { return Date.parse(c.time); }).filter(function (t) { return !isNaN(t); });
    var first = Math.min.apply(null, times), last = Math.max.apply(null, times);
    data.calls.forEach(function (c) {
      var t = Date.parse(c.time);
      var dot = el('span', c.next_steps ? '' : 'weak');
      dot.style.left = (last > first ? 100 * (t - first) / (last - first) : 50).toFixed(2) + '%';
      els.track.append(dot);
      var row = el('tr');
      [day(c.time), c.seller || '—', c.call_type || '—', ui.clock(c.duration_s), pct(c.talk_share), num(c.questions),
        num(c.next_steps), num(c.asks), typeof c.score === 'number' ? Math.round(c.score) : '—'].forEach(function (v) {
        row.append(el('td', '', v));
      });
      els.calls.append(row);
    });
    if (times.length) els.axis.append(el('span', '', day(data.calls[0].time)), el('span', '', day(data.calls[data.calls.length - 1].time)));
  }

  function renderPages(pages) {
    clear(els.pages);
    pages.forEach(function (p) {
      var li = el('li');
      li.append(el('strong', '', p.path), document.createTextNode(' '));
      var steps = p.versions.map(function (v) { return 'v' + v.version + ' ' + (typeof v.score === 'number' ? ui.fmtNumber(v.score) : '—'); });
      li.append(el('span', 'meta', steps.join(' → ')));
      els.pages.append(li);
    });
    if (!pages.length) els.pages.append(el('li', 'meta', 'No pages saved yet.'));
  }

  function init() {
    els = {
      status: $('history-status'), empty: $('history-empty'), body: $('history-body'), by: $('history-by'),
      trends: $('trend-groups'), deals: $('deals'), timeline: $('deal-timeline'), dealTitle: $('deal-title'),
      track: $('deal-track'), axis: $('deal-axis'), calls: $('deal-calls').tBodies[0], pages: $('history-pages')
    };
    document.addEventListener('plainpitch:view', function (e) {
      if (e.detail && e.detail.view === 'history') load();
      else { history.seq++; history.deal = null; els.timeline.hidden = true; }
    });
    els.by.addEventListener('change', load);
  }

  window.plainpitchHistory = { load: load, state: history };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
