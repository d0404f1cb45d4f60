"""The core data model: what loaders produce, what rules read and what reports print.

Everything here is a frozen dataclass so that a Document can be shared between rules (and threads)
without anyone changing it under another's feet.

Offsets: ``Document.text`` is the *analysed* text (the prose the loader extracted, units joined by blank
lines). Every Unit knows where its text came from in ``Document.source`` (the decoded source file), so a
span in the analysed text maps back to a character offset, a line and a column in the file the user opened.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

SEVERITIES = ("suggestion", "warning", "error")
_NEWLINE_RE = re.compile("\n")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}

# Unit kinds a loader may produce. "turn" is one speaker's stretch in a call transcript.
UNIT_KINDS = ("subject", "heading", "paragraph", "list_item", "cta", "link", "quote", "table_cell", "turn")

MEDIA = ("page", "email", "proposal", "text", "call")


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range [start, end) of character offsets into ``Document.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class TimeRange:
    """Seconds from the start of a call."""

    start: float
    end: float

    @property
    def duration(self) -> float:
        return max(0.0, self.end - self.start)


@dataclass(frozen=True, slots=True)
class Turn:
    """Who spoke a unit of a call, and when (times are None when the transcript has none)."""

    speaker: str
    role: str = "unknown"  # seller | buyer | unknown
    time: TimeRange | None = None
    index: int = 0
    source_line: int | None = None  # first line of the turn in the source file


@dataclass(frozen=True, slots=True)
class Unit:
    """One structural block of a document: a heading, a paragraph, a list item, a button, a turn...

    ``start``/``end`` are offsets into ``Document.text``. ``source_start`` is where the unit's first
    character sits in ``Document.source``. When the unit text is an exact copy of the source slice,
    ``source_map`` is None; otherwise it holds, for each character of the unit text, its offset in the
    source (entities, Markdown markers and tags make the two differ). It is a sequence of ints kept as an
    ``array`` (4 bytes a character, see ``compact_map``), never a tuple of int objects (36 bytes a character).
    """

    kind: str
    start: int
    end: int
    source_start: int
    source_map: Sequence[int] | None = None
    level: int = 0  # heading level, list depth
    href: str | None = None  # for links and CTAs
    turn: Turn | None = None
    attrs: Mapping[str, Any] = field(default_factory=dict)

    @property
    def by_buyer(self) -> bool:
        """A buyer's turn on a call: words the seller did not write or say (the one test; rules declare
        ``scope="seller"`` and the engine leaves these out, analyses that serve the score ask here)."""
        return self.turn is not None and self.turn.role == "buyer"

    def to_source(self, offset: int) -> int:
        """Map an offset in Document.text inside this unit to an offset in Document.source."""
        rel = offset - self.start
        if self.source_map is None:
            return self.source_start + rel
        if not self.source_map:
            return self.source_start
        if rel >= len(self.source_map):
            return self.source_map[-1] + 1 + (rel - len(self.source_map))
        return self.source_map[max(rel, 0)]


def compact_map(offsets: Iterable[int]) -> array:
    """Per-character source offsets as a compact array (4 bytes each; inputs are far below 2 GiB)."""
    if isinstance(offsets, array) and offsets.typecode == "i":
        return offsets
    return array("i", offsets)


class Token(NamedTuple):
    """A word (letters, digits and joined punctuation such as in "e-mail", "don't", "v2.1").

    Immutable (a named tuple: cheap to make, which matters because ``Document.words`` makes them on demand)."""

    start: int
    end: int
    text: str
    unit: int  # index into Document.units
    sentence: int  # index into Document.sentences


_make_token = functools.partial(tuple.__new__, Token)  # in C (namedtuple's own _make is a Python method)


class _TextSpans(Sequence[Any]):
    """Spans of a document's text held as int arrays (a start, an end and the subclass's ``_FIELDS``) rather than
    one object per span; each item (a named tuple: start, end, its text, the fields) is made when it is read.
    Indexing, slicing (a tuple), iteration, ``len`` and equality behave as for the tuple of items it stands for."""

    __slots__ = ("_text", "_starts", "_ends", "_fields")
    _make: Any  # tuple.__new__ of the item type, through functools.partial: made in C

    def __init__(self, text: str, starts: array, ends: array, *fields: array) -> None:
        self._text = text
        self._starts = starts
        self._ends = ends
        self._fields = fields

    def __len__(self) -> int:
        return len(self._starts)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self._starts))
            if step != 1:
                return tuple(self[i] for i in range(start, stop, step))
            return tuple(self._run(start, stop))
        s = self._starts[index]
        e = self._ends[index]
        return self._make((s, e, self._text[s:e], *(f[index] for f in self._fields)))

    def _run(self, start: int, stop: int) -> Iterator[Any]:
        starts = self._starts[start:stop]
        ends = self._ends[start:stop]
        texts = map(self._text.__getitem__, map(slice, starts, ends))
        # the whole run is made in C, without a Python call per item
        return map(self._make, zip(starts, ends, texts, *(f[start:stop] for f in self._fields), strict=True))

    def __iter__(self) -> Iterator[Any]:
        return self._run(0, len(self._starts))

    def __reversed__(self) -> Iterator[Any]:
        return reversed(tuple(self))

    def __bool__(self) -> bool:
        return len(self._starts) > 0

    def __eq__(self, other: object) -> bool:
        if isinstance(other, type(self)):
            return (self._starts == other._starts and self._ends == other._ends and self._fields == other._fields
                    and self._text == other._text)  # fmt: skip
        if isinstance(other, tuple | list):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash((len(self._starts), self._starts[:1].tobytes()))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self._text, self._starts, self._ends, *self._fields))


class Tokens(_TextSpans):
    """``Document.words``: every word, as four int arrays (start, end, unit, sentence: 16 bytes a word) rather than
    one Token per word (~240 bytes with its ints and string)."""

    __slots__ = ()
    _make = _make_token

    def texts(self) -> Iterator[str]:
        """Each word's text, in order, without a Token per word (made in C)."""
        return map(self._text.__getitem__, map(slice, self._starts, self._ends))

    def starts(self) -> array:
        return self._starts

    def ends(self) -> array:
        return self._ends

    def sentence_indices(self) -> array:
        return self._fields[1]

    def __repr__(self) -> str:
        return f"Tokens({len(self)} words)"


class Sentence(NamedTuple):
    """One sentence of a unit. Immutable (a named tuple, like Token: ``Document.sentences`` makes them on demand)."""

    start: int
    end: int
    text: str
    unit: int
    word_start: int  # index of the first token in Document.words
    word_end: int  # one past the last token

    @property
    def word_count(self) -> int:
        return self.word_end - self.word_start


_make_sentence = functools.partial(tuple.__new__, Sentence)


class Sentences(_TextSpans):
    """``Document.sentences``: five int arrays (start, end, unit, first and one-past-last word: 20 bytes a sentence)
    over the document's text rather than an object and a copy of its text per sentence (~300 bytes)."""

    __slots__ = ()
    _make = _make_sentence

    def __repr__(self) -> str:
        return f"Sentences({len(self)} sentences)"

    def text_of(self, index: int) -> str:
        """One sentence's text, without making its Sentence."""
        return self._text[self._starts[index] : self._ends[index]]

    def texts_and_word_counts(self, start: int, stop: int) -> Iterator[tuple[str, int]]:
        """(text, word count) of the sentences ``start:stop``, made in C without a Sentence each (the call analysis
        reads every sentence of a call this way: a long call has over a hundred thousand)."""
        texts = map(self._text.__getitem__, map(slice, self._starts[start:stop], self._ends[start:stop]))
        return zip(texts, map(operator.sub, self._fields[2][start:stop], self._fields[1][start:stop]), strict=True)


@dataclass(frozen=True)
class Suppression:
    """An inline ``plainpitch: ignore CODE`` comment: silences codes over a range of Document.text."""

    codes: frozenset[str]  # empty = all rules
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """A loaded input. Build it with ``plainpitch.text.segment.build_document`` so that it is segmented once."""

    path: str
    text: str
    source: str
    units: tuple[Unit, ...]
    sentences: Sequence[Sentence]  # a Sentences (compact); a tuple when a rule's scope rebuilt them
    words: Sequence[Token]  # a Tokens (compact); () once a report has travelled without them (runner.slim)
    medium: str = "text"
    format: str = "text"
    suppressions: tuple[Suppression, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=dict)  # subject, from, front matter, detected language...

    # -- offset mapping -----------------------------------------------------------------------------
    @cached_property
    def _unit_starts(self) -> array:
        return array("i", [u.start for u in self.units])

    @cached_property
    def _line_starts(self) -> array:
        # an int array (4 bytes a line, not an int object each); bisect reads it as it reads a list
        starts = array("i", [0])
        starts.extend(m.end() for m in _NEWLINE_RE.finditer(self.source))
        return starts

    def unit_at(self, offset: int) -> int:
        """Index of the unit that holds ``offset`` (or the nearest one before it)."""
        return max(0, bisect.bisect_right(self._unit_starts, offset) - 1)

    def to_source(self, offset: int) -> int:
        if not self.units:
            return min(offset, len(self.source))
        unit = self.units[self.unit_at(offset)]
        return min(unit.to_source(min(offset, max(unit.end, unit.start))), len(self.source))

    def from_source(self, source_offset: int) -> int:
        """The first text offset whose character lies at or after ``source_offset`` in the source (``to_source`` rises
        with the offset, so a bisection finds it); len(text) when none does."""
        lo, hi = 0, len(self.text)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.to_source(mid) < source_offset:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def source_spans(self, spans) -> list[list[int]]:
        """(start, end) text offsets as [start, end] source offsets: how a finding's data lists the later uses of
        what it reports (an editor marks each)."""
        return [list(self.source_span(Span(start, end))) for start, end in spans]

    def source_span(self, span: Span) -> tuple[int, int]:
        """The span as offsets into ``source`` (end is exclusive)."""
        start = self.to_source(span.start)
        if span.end > span.start:
            end = min(self.to_source(span.end - 1) + 1, len(self.source))
        else:
            end = start
        return start, max(start, end)

    def line_col(self, source_offset: int) -> tuple[int, int]:
        """1-based line and column of a source offset."""
        line = bisect.bisect_right(self._line_starts, source_offset) - 1
        return line + 1, source_offset - self._line_starts[line] + 1

    def line_text(self, line: int) -> str:
        starts = self._line_starts
        if line < 1 or line > len(starts):
            return ""
        end = starts[line] - 1 if line < len(starts) else len(self.source)
        return self.source[starts[line - 1] : end].rstrip("\r")

    def unit_text(self, unit: Unit) -> str:
        return self.text[unit.start : unit.end]

    def span_text(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def sentence_words(self, sentence: Sentence) -> tuple[Token, ...]:
        return self.words[sentence.word_start : sentence.word_end]

    @property
    def word_count(self) -> int:
        # A report's document may travel between processes without its tokens (see runner.slim); the count stays.
        return len(self.words) if self.words else int(self.meta.get("word_count", 0))


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A concrete replacement for the finding's span (``replacement`` may be empty: delete)."""

    replacement: str
    description: str = ""


@dataclass(frozen=True)
class Location:
    """Where a finding sits in the source file (1-based lines and columns; end column exclusive)."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class Finding:
    code: str
    name: str
    category: str
    severity: str
    message: str
    fix: str
    span: Span
    location: Location
    text: str  # the flagged text
    suggestions: tuple[Suggestion, ...] = ()
    data: Mapping[str, Any] = field(default_factory=dict)
    turn: int | None = None  # index of the call turn the finding is in
    time: float | None = None  # seconds into the call
    cost: float = 0.0  # what it costs the sale, for the "fix first" order (priority.py)


@dataclass(frozen=True)
class Metric:
    name: str  # <kind>.<name>[.<role>], e.g. copy.grade, call.talk_ratio.seller
    value: float | int | str | None
    label: str = ""
    unit: str = ""
    note: str = ""  # e.g. "by words: the transcript has no timestamps"


@dataclass(frozen=True)
class Deduction:
    code: str
    points: float
    count: int


@dataclass(frozen=True)
class SubScore:
    name: str
    value: float
    deductions: tuple[Deduction, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Score:
    overall: float
    parts: tuple[SubScore, ...] = ()


@dataclass(frozen=True)
class DocumentReport:
    path: str
    format: str
    medium: str
    profile: str
    context: str
    findings: tuple[Finding, ...]
    metrics: tuple[Metric, ...]
    score: Score | None
    document: Document | None = None  # kept for renderers that show the copy (HTML, text)
    details: Mapping[str, Any] = field(default_factory=dict)  # extra analysis: classified sentences, turns...
    notes: tuple[str, ...] = ()  # e.g. "rules are for English: skipped"
    top: tuple[int, ...] = ()  # indexes into findings of the fixes to make first, costliest first (priority.py)

    def metric(self, name: str) -> Metric | None:
        for metric in self.metrics:
            if metric.name == name:
                return metric
        return None


@dataclass(frozen=True)
class InputError:
    """A file that could not be checked, with a one-line reason."""

    path: str
    message: str
    detail: str = field(default="", compare=False, repr=False)  # an internal error's traceback (shown by --debug)


@dataclass(frozen=True)
class Report:
    documents: tuple[DocumentReport, ...]
    errors: tuple[InputError, ...] = ()
    tool_version: str = ""

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for d in self.documents for f in d.findings)
