"""The one segmenter: loaders hand over blocks of text, this builds the Document with its sentences and words.

Every rule reads ``Document.sentences`` and ``Document.words``; nothing re-tokenises the raw string.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from plainpitch.model import Document, Sentence, Suppression, Tokens, Turn, Unit, compact_map

# A word: letters/digits joined by apostrophes, hyphens, dots, slashes or underscores ("don't", "e-mail",
# "v2.1", "nginx.conf", "snake_case"); a leading slash keeps paths whole.
WORD_RE = re.compile(r"/?\w+(?:(?:['’\-./_:@]|::)\w+)*['’]?", re.UNICODE)

# Sentence ends: terminal punctuation (plus closing quotes/brackets) followed by whitespace.
_END_RE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|[.!?…]+[\"'”’)\]]*$")
# A line break inside a block ends a sentence when the next line starts a new thought (bullets, etc.).
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st vs etc e.g i.e eg ie cf al approx inc ltd co corp no fig est dept mt ave
    jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k a.m p.m
    """.split()
)

# Abbreviations that end a list and so often end the sentence: they split before a common sentence opener.
_ENDING_ABBREVIATIONS = frozenset({"etc"})
_NEW_SENTENCE_RE = re.compile(r"\s+(?:The|This|These|That|Those|It|Its|We|You|Your|Our|They|There|If|When|In|For|"
                              r"And|But|So|Not|Many|Most|Some|All|Each|Every|A|An)\b")

JOIN = "\n\n"  # between units in Document.text


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
        if self.source_map is not None:
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
    sentences: list[Sentence] = []
    # words as four int arrays (see model.Tokens): 16 bytes a word instead of an object per word
    w_starts, w_ends, w_units, w_sentences = array("i"), array("i"), array("i"), array("i")
    supp = list(suppressions)
    b_starts, b_ends, b_units = array("i"), array("i"), array("i")  # each sentence's start, end, unit in the joined text
    offset = 0
    for block in blocks:
        text = block.text
        if not text.strip():
            continue
        if parts:
            parts.append(JOIN)
            offset += len(JOIN)
        unit_index = len(units)
        smap = compact_map(block.source_map) if block.source_map is not None else None
        if smap is not None and len(smap) != len(text):
            raise ValueError(f"source map of {len(smap)} for text of {len(text)} in {path}")
        if smap is not None and _verbatim(smap, block.source_start):
            smap = None  # the text is one slice of the source (most units): no per-character map to hold
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
        for s_start, s_end in _sentence_bounds(text):
            b_starts.append(offset + s_start)
            b_ends.append(offset + s_end)
            b_units.append(unit_index)
        parts.append(text)
        offset += len(text)
    joined = "".join(parts)
    del parts
    # words found in the joined text: offsets come out absolute, so each sentence's go into the arrays in C
    finditer = WORD_RE.finditer
    for sentence_index, (start, end, unit_index) in enumerate(zip(b_starts, b_ends, b_units, strict=True)):
        first_word = len(w_starts)
        spans = [m.span() for m in finditer(joined, start, end)]
        if spans:
            starts, ends = zip(*spans, strict=True)
            w_starts.extend(starts)
            w_ends.extend(ends)
            w_units.extend([unit_index] * len(spans))
            w_sentences.extend([sentence_index] * len(spans))
        sentences.append(Sentence(start, end, joined[start:end], unit_index, first_word, len(w_starts)))
    del b_starts, b_ends, b_units
    return Document(
        path=path,
        text=joined,
        source=source,
        units=tuple(units),
        sentences=tuple(sentences),
        words=Tokens(joined, w_starts, w_ends, w_units, w_sentences),
        medium=medium,
        format=format,
        suppressions=tuple(supp),
        meta=dict(meta or {}),
    )


def words_in(text: str) -> list[str]:
    """Words of a free string (for rule data and examples, not for documents)."""
    return WORD_RE.findall(text)
