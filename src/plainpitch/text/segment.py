"""The one segmenter: loaders hand over blocks of text, this builds the Document with its sentences and words.

Every rule reads ``Document.sentences`` and ``Document.words``; nothing re-tokenises the raw string.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from plainpitch.model import Document, Sentences, Suppression, Tokens, Turn, Unit, compact_map
from plainpitch.text import lazy_re

# What the loaders put where inline code stood (a word, so sentences stay whole): the HTML and Markdown readers, and
# the ask finder that reads a button label written as code
CODE_PLACEHOLDER = "code"

# A word: letters/digits joined by apostrophes, hyphens, dots, slashes or underscores ("don't", "e-mail",
# "v2.1", "nginx.conf", "snake_case"); a leading slash keeps paths whole.
WORD_RE = lazy_re.compile(r"/?\w+(?:(?:['’\-./_:@]|::)\w+)*['’]?", re.UNICODE)

# Sentence ends: terminal punctuation (plus closing quotes/brackets) followed by whitespace.
_END_CHAR_RE = lazy_re.compile(r"[.!?…]")  # what every match of _END_RE holds
_END_RE = lazy_re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|[.!?…]+[\"'”’)\]]*$")
# A line break inside a block ends a sentence when the next line starts a new thought (bullets, etc.).
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st vs etc e.g i.e eg ie cf al approx inc ltd co corp no fig est dept mt ave
    jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k a.m p.m
    """.split()
)

# Abbreviations that end a list and so often end the sentence: they split before a common sentence opener.
_ENDING_ABBREVIATIONS = frozenset({"etc"})
_NEW_SENTENCE_RE = lazy_re.compile(r"\s+(?:The|This|These|That|Those|It|Its|We|You|Your|Our|They|There|If|When|In|For|"
                              r"And|But|So|Not|Many|Most|Some|All|Each|Every|A|An)\b")

JOIN = "\n\n"  # between units in Document.text


def has_words_outside_code(text: str, code: Sequence[tuple[int, int]]) -> bool:
    """Whether ``text`` holds a letter or a digit outside its code spans: a unit of only code or punctuation has
    nothing for a buyer to read (the loaders drop it)."""
    readable: Any = text
    if code:
        readable = list(text)
        for s, e in code:
            readable[s:e] = " " * (e - s)
    return any(map(str.isalnum, readable))


@dataclass
class Block:
    """What a loader hands to ``build_document``: one unit's text and where it came from. A per-character
    ``source_map`` is made compact on arrival (the loader's list of int objects can go at once)."""

    kind: str
    text: str
    source_start: int
    source_map: Sequence[int] | None = None
    level: int = 0
    href: str | None = None
    turn: Turn | None = None
    attrs: dict[str, Any] = field(default_factory=dict)
    ignore: frozenset[str] | None = None  # codes silenced on this block by an inline comment

    def __post_init__(self) -> None:
        if self.source_map is not None and not isinstance(self.source_map, range):  # a range is one slice: kept
            self.source_map = compact_map(self.source_map)


def _sentence_bounds(text: str) -> Iterable[tuple[int, int]]:
    """Yield (start, end) of sentences in one unit's text, trimmed of surrounding space."""
    pos = 0
    n = len(text)
    for match in _END_RE.finditer(text):
        end = match.end()
        punct = match.group(0)
        if punct.startswith(".") and not punct.startswith(".."):
            # "e.g." / "Dr." / "3.5" / "v1." are not sentence ends
            word_start = text.rfind(" ", pos, match.start()) + 1
            last_word = text[word_start : match.start()].lower().lstrip("([\"'“")
            if last_word in _ENDING_ABBREVIATIONS and _NEW_SENTENCE_RE.match(text, end):
                pass  # "… and so on, etc. This means …": "etc." often ends a sentence; a capital that opens a
                # common sentence word after it starts the next one
            elif last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
                continue
            nxt = text[end : end + 3].lstrip()
            if nxt and nxt[0].islower():
                continue
        yield from _trim(text, pos, end)
        pos = end
    if pos < n:
        yield from _trim(text, pos, n)


def _verbatim(smap: array, source_start: int) -> bool:
    """True when the map is ``source_start, source_start + 1, ...``: the unit maps to the source as one slice,
    which ``Unit.to_source`` does without a map."""
    n = len(smap)
    if smap[0] != source_start or smap[n - 1] != source_start + n - 1:
        return False
    return smap == array("i", range(source_start, source_start + n))


def _trim(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def build_document(
    path: str,
    source: str,
    blocks: Iterable[Block],
    *,
    medium: str = "text",
    format: str = "text",
    meta: Mapping[str, Any] | None = None,
    suppressions: Iterable[Suppression] = (),
) -> Document:
    """Join blocks into the analysed text and segment it into sentences and words, once."""
    parts: list[str] = []
    units: list[Unit] = []
    supp = list(suppressions)
    # sentences and words as int arrays (see model.Sentences, model.Tokens), not an object each
    s_starts, s_ends, s_units = array("i"), array("i"), array("i")
    offset = 0
    for block in blocks:
        text = block.text
        if not text or text.isspace():
            continue
        if parts:
            parts.append(JOIN)
            offset += len(JOIN)
        unit_index = len(units)
        smap = _unit_map(block, path)
        units.append(
            Unit(
                kind=block.kind,
                start=offset,
                end=offset + len(text),
                source_start=block.source_start,
                source_map=smap,
                level=block.level,
                href=block.href,
                turn=block.turn,
                attrs=block.attrs,
            )
        )
        if block.ignore is not None:
            supp.append(Suppression(block.ignore, offset, offset + len(text)))
        if _END_CHAR_RE.search(text) is None:  # no sentence end inside (most headings, cells, items): one sentence
            if text[0].isspace() or text[-1].isspace():
                bounds: Iterable[tuple[int, int]] = _trim(text, 0, len(text))
            else:
                bounds = ((0, len(text)),)  # already trimmed (most): no generator
        else:
            bounds = _sentence_bounds(text)
        for s_start, s_end in bounds:
            s_starts.append(offset + s_start)
            s_ends.append(offset + s_end)
            s_units.append(unit_index)
        parts.append(text)
        offset += len(text)
    joined = "".join(parts)
    del parts
    w_starts, w_ends, w_units, w_sentences, first_words, end_words = _words(joined, s_starts, s_ends, s_units)
    return Document(
        path=path,
        text=joined,
        source=source,
        units=tuple(units),
        sentences=Sentences(joined, s_starts, s_ends, s_units, first_words, end_words),
        words=Tokens(joined, w_starts, w_ends, w_units, w_sentences),
        medium=medium,
        format=format,
        suppressions=tuple(supp),
        meta=dict(meta or {}),
    )


def _unit_map(block: Block, path: str) -> array | None:
    """The unit's per-character source map, or None when its text is one verbatim slice of the source (most
    units), which ``Unit.to_source`` maps without one."""
    smap = block.source_map
    if smap is None:
        return None
    n = len(block.text)
    if len(smap) != n:
        raise ValueError(f"source map of {len(smap)} for text of {n} in {path}")
    if isinstance(smap, range) and smap.step == 1 and smap.start == block.source_start:
        return None
    smap = compact_map(smap)
    return None if _verbatim(smap, block.source_start) else smap


def _words(joined: str, s_starts: array, s_ends: array, s_units: array) -> tuple[array, ...]:
    """Every word of each sentence: its start, end, unit and sentence, and each sentence's first and end word.
    Words are found in the joined text, sentence by sentence, so their offsets come out absolute and go into the
    arrays in C."""
    w_starts, w_ends, w_units, w_sentences = array("i"), array("i"), array("i"), array("i")
    first_words, end_words = array("i"), array("i")
    finditer = WORD_RE.finditer
    span = re.Match.span
    for sentence_index, (start, end, unit_index) in enumerate(zip(s_starts, s_ends, s_units, strict=True)):
        first_words.append(len(w_starts))
        spans = list(map(span, finditer(joined, start, end)))
        if spans:
            starts, ends = zip(*spans, strict=True)
            w_starts.extend(starts)
            w_ends.extend(ends)
            w_units.extend([unit_index] * len(spans))
            w_sentences.extend([sentence_index] * len(spans))
        end_words.append(len(w_starts))
    return w_starts, w_ends, w_units, w_sentences, first_words, end_words


def words_in(text: str) -> list[str]:
    """Words of a free string (for rule data and examples, not for documents)."""
    return WORD_RE.findall(text)
