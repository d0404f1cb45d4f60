/* plainpitch editor: "Save to history" (window.plainpitchSave). Saves the copy being edited, or the call open in
 * the call view, to the history store the way `plainpitch check --save` and `call review --save` do
 * (POST /api/v1/history/save/copy and /save/call): the same store and settings as the command line in the
 * server's folder, the text kept only when asked (here, or `keep-text` in the config). The History tab then shows
 * the run: it reloads every time it is shown.
 *
 * The page's path is asked for (a browser knows a file's name, not where it sits in the project), so that its
 * versions line up with the command line's. A call is saved with the "I am" and call type the view shows, and the
 * file's time as the call's date (what `call review` reads from the file). Deal names and paths are user text:
 * textContent only. A disclosure is a selection: it closes when the view changes.
 */
(function () {
  'use strict';

  var ui = window.plainpitchUI;
  var el = ui.el;

  function $(id) { return document.getElementById(id); }
  var els = {};
  var state = { dealsSeq: 0, autoPath: true };

  function round(v) { return Math.round(v); }

  // What was saved, in the words `check --save` and `call review --save` use.
  function said(run) {
    if (run.kind === 'copy') {
      var text = 'Saved ' + run.path + ': version ' + run.version;
      if (typeof run.score === 'number') text += ', score ' + round(run.score);
      if (run.previous && typeof run.previous.score === 'number') {
        text += ' (version ' + run.previous.version + ': ' + round(run.previous.score) + ')';
      }
      return text + (run.text_kept ? ', with its text.' : '.');
    }
    var call = 'Saved the call ' + run.path + (run.seller ? ' by ' + run.seller : '');
    if (run.deal) call += ' on deal ' + run.deal + (run.link === 'matched' ? ' (matched: ' + run.link_reason + ')' : '');
    else call += ', on no deal' + (run.link_reason ? ' (' + run.link_reason + ')' : '');
    return call + (run.text_kept ? ', with its transcript.' : '.');
  }

  async function post(url, init, status, button) {
    button.disabled = true;
    ui.setStatus(status, 'Saving…');
    var res, data;
    try {
      res = await fetch(url, Object.assign({ method: 'POST' }, init));
      data = await ui.readJson(res);
    } catch (err) {
      ui.setStatus(status, 'Could not reach the plainpitch server: ' + err.message, true);
      return;
    } finally {
      button.disabled = false;
    }
    if (!res.ok) { ui.setStatus(status, ui.errorText(data, res), true); return; }
    ui.setStatus(status, said(data.run) + ' The History tab shows it.');
    document.dispatchEvent(new CustomEvent('plainpitch:saved', { detail: data }));
  }

  function saveCopy(event) {
    event.preventDefault();
    var editor = window.plainpitchEditor;
    var body = editor.requestBody(editor.els.input.value);
    body.path = els.copyPath.value.trim();
    if (els.copyText.checked) body.keep_text = true;
    post('/api/v1/history/save/copy', {
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body)
    }, els.copyStatus, els.copyButton);
  }

  function saveCall(event) {
    event.preventDefault();
    var call = window.plainpitchCall.state;
    if (!call.file) return;
    var form = new FormData();
    form.append('file', call.file, call.file.name);
    if (call.me) form.append('me', call.me);
    if (call.type) form.append('call_type', call.type);
    if (els.callDeal.value) form.append('deal', els.callDeal.value);
    if (call.file.lastModified) form.append('occurred_at', new Date(call.file.lastModified).toISOString());
    if (els.callText.checked) form.append('keep_text', 'true');
    post('/api/v1/history/save/call', { body: form }, els.callStatus, els.callButton);
  }

  // The copy's path: the file's name until the writer types one.
  function fillPath() {
    var name = window.plainpitchEditor.state.filename;
    if (state.autoPath) els.copyPath.value = name && name !== 'untitled' ? name : '';
  }

  // The open deals to link the call to (else the server matches one from the participants, as the CLI does).
  async function loadDeals() {
    var seq = ++state.dealsSeq;
    var data;
    try {
      data = await ui.getJson('/api/v1/history/deals?status=open');
    } catch (err) {
      if (seq === state.dealsSeq) ui.setStatus(els.callStatus, err.message, true);
      return;
    }
    if (seq !== state.dealsSeq) return;
    var chosen = els.callDeal.value;
    while (els.callDeal.options.length > 1) els.callDeal.remove(1);
    data.deals.forEach(function (d) {
      var option = el('option', '', d.name);
      option.value = d.name;
      els.callDeal.append(option);
    });
    els.callDeal.value = data.deals.some(function (d) { return d.name === chosen; }) ? chosen : '';
    document.dispatchEvent(new CustomEvent('plainpitch:deals-loaded'));
  }

  function close() {
    [els.copyBox, els.callBox].forEach(function (box) { box.open = false; });
    state.autoPath = true;
    ui.setStatus(els.copyStatus, '');
    ui.setStatus(els.callStatus, '');
  }

  function init() {
    els = {
      copyBox: $('save-copy'), copyForm: $('save-copy-form'), copyPath: $('save-copy-path'), copyText: $('save-copy-text'),
      copyButton: $('save-copy-button'), copyStatus: $('save-copy-status'),
      callBox: $('save-call'), callForm: $('save-call-form'), callDeal: $('save-call-deal'), callText: $('save-call-text'),
      callButton: $('save-call-button'), callStatus: $('save-call-status')
    };
    els.copyForm.addEventListener('submit', saveCopy);
    els.callForm.addEventListener('submit', saveCall);
    els.copyPath.addEventListener('input', function () { state.autoPath = !els.copyPath.value; });
    els.copyBox.addEventListener('toggle', function () { if (els.copyBox.open) fillPath(); });
    els.callBox.addEventListener('toggle', function () { if (els.callBox.open) loadDeals(); });
    document.addEventListener('plainpitch:view', close);
    document.addEventListener('plainpitch:call-rendered', function () { ui.setStatus(els.callStatus, ''); });
  }

  window.plainpitchSave = { state: state };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
