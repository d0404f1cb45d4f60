/* plainpitch editor: one-click fixes (window.plainpitchFixes). A replacement goes in at one place or at every
 * use of the same term ("Fix all 9"), as ONE edit on the textarea's own undo stack, so Ctrl+Z (or the Undo
 * button the editor shows) puts every one back at once.
 *
 * Where a term is used: the finding itself, the later uses a rule lists in data.uses (source offsets, as the
 * finding's location), and other findings of the same rule on the same words. A place counts only while the
 * text there still reads the same as the flagged words (letter case aside), so a stale offset never edits
 * the wrong words. */
(function () {
  'use strict';

  function same(a, b) { return a.toLowerCase() === b.toLowerCase(); }
  function isUpper(ch) { return !!ch && ch !== ch.toLowerCase() && ch === ch.toUpperCase(); }
  function isLower(ch) { return !!ch && ch !== ch.toUpperCase() && ch === ch.toLowerCase(); }

  // The replacement written the way this place is: "Latency" at the start of a sentence gets "Delay".
  // An acronym replacement ("API") keeps its letters.
  function matchCase(replacement, found, flagged) {
    if (!replacement) return replacement;
    var r0 = replacement.charAt(0);
    if (isUpper(found.charAt(0)) && isLower(flagged.charAt(0)) && isLower(r0)) return r0.toUpperCase() + replacement.slice(1);
    if (isLower(found.charAt(0)) && isUpper(flagged.charAt(0)) && isUpper(r0) && !isUpper(replacement.charAt(1))) {
      return r0.toLowerCase() + replacement.slice(1);
    }
    return replacement;
  }

  // Every place (UTF-16 offsets into ``text``) where the finding's words are used, in text order.
  // ``view``: the finding as the editor holds it ({f, s, e, source}); ``views``: all of them; ``toUnits``:
  // source code-point offset -> UTF-16 offset for ``text``.
  function occurrences(view, views, text, toUnits) {
    var want = view.source;
    var found = [];
    function add(s, e) {
      if (typeof s !== 'number' || typeof e !== 'number' || !(e > s) || s < 0 || e > text.length) return;
      if (!same(text.slice(s, e), want)) return;
      if (found.some(function (o) { return s < o.e && o.s < e; })) return; // the same place, or overlapping it
      found.push({ s: s, e: e });
    }
    if (!want) return found;
    add(view.s, view.e);
    var uses = view.f && view.f.data && view.f.data.uses;
    if (Array.isArray(uses)) {
      uses.forEach(function (u) { if (Array.isArray(u) && u.length === 2) add(toUnits(u[0]), toUnits(u[1])); });
    }
    views.forEach(function (o) { if (o !== view && !o.page && o.f.code === view.f.code) add(o.s, o.e); });
    return found.sort(function (a, b) { return a.s - b.s; });
  }

  // Replace each place with the replacement as one edit; returns {before, after, start, end} or null when
  // there was nothing to do. ``end``: where the edited stretch ends in the new text.
  function apply(textarea, places, replacement, flagged) {
    if (!places.length) return null;
    var before = textarea.value;
    var first = places[0].s;
    var last = places[places.length - 1].e;
    var middle = '';
    var at = first;
    places.forEach(function (p) {
      middle += before.slice(at, p.s) + matchCase(replacement, before.slice(p.s, p.e), flagged);
      at = p.e;
    });
    middle += before.slice(at, last);
    var after = before.slice(0, first) + middle + before.slice(last);
    textarea.focus();
    textarea.setSelectionRange(first, last);
    // execCommand keeps the change on the textarea's own undo stack (Ctrl+Z undoes the fix)
    var done = false;
    try {
      done = middle === '' ? document.execCommand('delete') : document.execCommand('insertText', false, middle);
    } catch (e) { done = false; }
    if (!done || textarea.value !== after) {
      textarea.value = after;
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    }
    var caret = places.length === 1 ? first + middle.length : first + matchCase(replacement, before.slice(places[0].s, places[0].e), flagged).length;
    textarea.setSelectionRange(caret, caret);
    return { before: before, after: after, start: first, end: first + middle.length, old: before.slice(first, last) };
  }

  // Put an applied fix back (when the text is still as the fix left it): the browser's own undo first, so the
  // redo stack stays right; else the old words go back in as one more edit.
  function undo(textarea, edit) {
    if (textarea.value !== edit.after) return false;
    textarea.focus();
    var done = false;
    try { done = document.execCommand('undo'); } catch (e) { done = false; }
    if (done && textarea.value === edit.before) return true;
    if (textarea.value !== edit.after) { textarea.value = edit.after; }
    textarea.setSelectionRange(edit.start, edit.end);
    try { done = document.execCommand('insertText', false, edit.old); } catch (e) { done = false; }
    if (!done || textarea.value !== edit.before) {
      textarea.value = edit.before;
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    }
    return true;
  }

  window.plainpitchFixes = { occurrences: occurrences, apply: apply, undo: undo, matchCase: matchCase };
})();
