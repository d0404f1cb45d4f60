"""Edits in the analysed text -> edits in the source file, through the units' source maps.

A rewrite is worked out on ``Document.text`` (the prose the loader extracted); it must land in the file the user
opened without disturbing its Markdown or HTML. An edit is placed only where every character it replaces maps
one to one onto the same character in the source (whitespace may stand for a line break): an edit that would
cross markup (emphasis markers, a link's brackets, a tag, an entity) is refused, never approximated. Code
(inline code, code blocks: never in the analysed text), URLs, e-mail addresses and quoted customer words are
protected: an edit that touches them is refused.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence

from plainpitch.analysis.proof import testimonial_units
from plainpitch.model import Document
from plainpitch.rewrite.model import Edit, SourceEdit
from plainpitch.text import lazy_re

_URL_RE = lazy_re.compile(r"\b(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b|\b[\w-]+(?:\.[\w-]+)*\.(?:com|io|dev|org|net|app|ai|co)(?:/\S*)?\b")
_QUOTED_RE = lazy_re.compile(r"\"[^\"\n]{2,}\"|“[^”\n]{2,}”")
# the tokens a diff works on: words (with joined punctuation), runs of space, single punctuation marks
_TOKEN_RE = lazy_re.compile(r"\w+(?:['’.-]\w+)*|\s+|[^\w\s]")


class EditRefused(ValueError):
    """An edit that cannot land safely in the source (crosses markup, touches code, URLs or quoted words)."""


def protected_spans(doc: Document) -> list[tuple[int, int, str]]:
    """(start, end, what) of the analysed text that no rewrite may touch."""
    out: list[tuple[int, int, str]] = []
    text = doc.text
    customers = testimonial_units(doc)  # a customer's words, in quotation marks or not: never reworded
    for index, unit in enumerate(doc.units):
        attrs = unit.attrs if hasattr(unit.attrs, "get") else {}
        for span in attrs.get("code") or ():
            out.append((unit.start + span["start"], unit.start + span["end"], "code"))
        if unit.kind == "quote" or index in customers:
            out.append((unit.start, unit.end, "quoted words"))
        for m in _URL_RE.finditer(text, unit.start, unit.end):
            out.append((m.start(), m.end(), "a URL or address"))
        for m in _QUOTED_RE.finditer(text, unit.start, unit.end):
            out.append((m.start(), m.end(), "quoted words"))
        for m in re.finditer(r"`[^`\n]+`", text[unit.start : unit.end]):
            out.append((unit.start + m.start(), unit.start + m.end(), "code"))
    return out


def touches(edit: Edit, spans: Iterable[tuple[int, int, str]]) -> str | None:
    """What protected region an edit touches (None: none). An insertion touches a region it falls strictly inside."""
    for start, end, what in spans:
        if edit.start == edit.end:
            if start < edit.start < end:
                return what
        elif edit.start < end and start < edit.end:
            return what
    return None


def _maps_exactly(doc: Document, unit, i: int) -> int | None:
    """The source offset of text[i] when that character sits as itself in the source (whitespace for whitespace)."""
    src = unit.to_source(i)
    if src >= len(doc.source):
        return None
    a, b = doc.text[i], doc.source[src]
    if a == b or (a.isspace() and b.isspace()):
        return src
    return None


def to_source(doc: Document, edit: Edit) -> SourceEdit:
    """Place one edit in the source, or raise EditRefused."""
    if not doc.units:
        raise EditRefused("the document has no text units")
    index = doc.unit_at(edit.start)
    unit = doc.units[index]
    if edit.end > unit.end or edit.start < unit.start:
        raise EditRefused("the edit spans two blocks of the document")
    if edit.start == edit.end:  # an insertion: after the character before it, or before the one after it
        if edit.start > unit.start and (src := _maps_exactly(doc, unit, edit.start - 1)) is not None:
            return SourceEdit(src + 1, src + 1, edit.replacement)
        if edit.start < unit.end and (src := _maps_exactly(doc, unit, edit.start)) is not None:
            return SourceEdit(src, src, edit.replacement)
        raise EditRefused("the insertion point sits in markup")
    first = _maps_exactly(doc, unit, edit.start)
    if first is None:
        raise EditRefused("the edit starts inside markup")
    prev = first
    for i in range(edit.start + 1, edit.end):
        src = _maps_exactly(doc, unit, i)
        if src is None:
            raise EditRefused("the edit crosses markup")
        gap = doc.source[prev + 1 : src]
        if src <= prev or (gap and not (gap.isspace() and (doc.text[i].isspace() or doc.text[i - 1].isspace()))):
            raise EditRefused("the edit crosses markup")
        prev = src
    return SourceEdit(first, prev + 1, edit.replacement)


def apply_source(source: str, edits: Sequence[SourceEdit]) -> str:
    """The source with non-overlapping edits applied (any order given)."""
    out = source
    for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        out = out[: e.start] + e.replacement + out[e.end :]
    return out


def overlaps(a: Sequence[SourceEdit], b: Sequence[SourceEdit]) -> bool:
    return any(x.start < y.end and y.start < x.end or (x.start == y.start) for x in a for y in b)


def shift(offset: int, edits: Sequence[SourceEdit]) -> int:
    """Where a source offset (outside every edit) moves once the edits are applied."""
    delta = 0
    for e in edits:
        if e.end <= offset and not (e.start == e.end == offset):
            delta += len(e.replacement) - (e.end - e.start)
    return offset + delta


def minimal_edits(start: int, old: str, new: str) -> list[Edit]:
    """The smallest token-level edits that turn ``old`` (at ``start`` in the text) into ``new``."""
    a = _TOKEN_RE.findall(old)
    b = _TOKEN_RE.findall(new)
    if "".join(a) != old or "".join(b) != new:  # the tokeniser covers every character; be sure anyway
        return [Edit(start, start + len(old), new)] if old != new else []
    offsets = [0]
    for tok in a:
        offsets.append(offsets[-1] + len(tok))
    edits: list[Edit] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        edit = Edit(start + offsets[i1], start + offsets[i2], "".join(b[j1:j2]))
        if edits and not old[edits[-1].end - start : edit.start - start].strip():
            prev = edits.pop()  # only space between two edits: one edit reads better (and maps more simply)
            gap = old[prev.end - start : edit.start - start]
            edit = Edit(prev.start, edit.end, prev.replacement + gap + edit.replacement)
        edits.append(edit)
    return edits


def unified_diff(path: str, before: str, after: str, context: int = 2) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}", n=context
    )
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
