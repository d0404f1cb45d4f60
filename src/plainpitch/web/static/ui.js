/* plainpitch editor: small helpers every view shares (window.plainpitchUI). Plain JS, no build step.
 *
 * User text (copy, file names, speaker names, quotes) only ever reaches the page through textContent: el()
 * is the one way views make nodes, and nothing here or in the views writes markup. */
(function () {
  'use strict';

  var CATEGORIES = ['jargon', 'clarity', 'readability', 'tone', 'structure', 'benefits', 'ask', 'talk'];
  var SEVERITIES = ['suggestion', 'warning', 'error'];

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function button(label, cls, onClick) {
    var b = el('button', cls, label);
    b.type = 'button';
    if (onClick) b.addEventListener('click', onClick);
    return b;
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
  function clip(text, n) { text = String(text || ''); return text.length > n ? text.slice(0, n - 1) + '…' : text; }
  // m:ss or h:mm:ss, the one way plainpitch writes a length (plainpitch.call.timefmt.clock), for the figures
  // an API gives in seconds (the history's trends); the call view gets its times already written by the server.
  function clock(seconds) {
    if (typeof seconds !== 'number' || !isFinite(seconds)) return '—';
    var s = Math.max(0, Math.round(seconds));
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), rest = String(s % 60).padStart(2, '0');
    return h ? h + ':' + String(m).padStart(2, '0') + ':' + rest : m + ':' + rest;
  }
  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

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

  function downloadName(header, fallback) {
    var m = /filename="([^"]+)"/.exec(header || '');
    return m ? m[1] : fallback;
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
  // POST a request and save what comes back as a file; resolves to an error line or null.
  async function downloadFrom(url, init, fallbackName) {
    var res;
    try { res = await fetch(url, Object.assign({ method: 'POST' }, init)); } catch (e) { return 'Could not reach the plainpitch server: ' + e.message; }
    if (!res.ok) return errorText(await readJson(res), res);
    save(await res.blob(), downloadName(res.headers.get('content-disposition'), fallbackName));
    return null;
  }

  function setStatus(node, message, isError) {
    node.textContent = message || '';
    node.classList.toggle('error', !!isError);
  }

  window.plainpitchUI = {
    CATEGORIES: CATEGORIES, SEVERITIES: SEVERITIES, el: el, button: button, clear: clear, catClass: catClass,
    sevClass: sevClass, pretty: pretty, fmtNumber: fmtNumber, clip: clip, clock: clock, plural: plural, readJson: readJson,
    errorText: errorText, getJson: getJson, save: save, downloadFrom: downloadFrom, setStatus: setStatus
  };
})();
