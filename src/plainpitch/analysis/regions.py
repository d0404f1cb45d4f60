"""The parts of a text a buyer reads first: the body (no greeting, sign-off or subject), the opening, the hero.

The opening is what a buyer reads before deciding to read on: a page's first heading and first words, an email's
first sentences after the greeting (the inbox preview), a proposal's first sentences. The rules (value up front,
jargon where the buyer decides) and the report's "fix first" order share these definitions. Sizes come from the
profile thresholds (``sales.opening_words`` and friends, docs/profiles.md).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from plainpitch.medium import GREETING_RE, NAME_LINE_RE, SIGN_OFF_RE
from plainpitch.medium import first_line as unit_first_line
from plainpitch.text import lazy_re
from plainpitch.text.wordsets import per_document, unit_word_counts

ATTRIBUTION_RE = lazy_re.compile(r"^\s*(?:—|–|-|&ndash;|&mdash;)\s*\w")  # "— Ana Ruiz, CTO" under a quote


def title_line(doc, kinds: tuple[str, ...] = ("heading",)) -> str:
    """What the text says it is: its title (HTML <title>, front matter, first H1) and its first unit of ``kinds``,
    joined by a space (the empty ones left out)."""
    title = doc.meta.get("title") if hasattr(doc.meta, "get") else None
    first = next((doc.unit_text(u) for u in doc.units if u.kind in kinds), "")
    return " ".join(x for x in (title, first) if isinstance(x, str) and x)


SIGNATURE_LINE_MAX_WORDS = 12  # a signature's lines are short: a name, a title, a company, a link
_PS_RE = lazy_re.compile(r"^\s*P\.?\s?S\b", re.IGNORECASE)


def body_units(doc) -> list[int]:
    """Units a buyer reads as the body: no subject line, greeting, sign-off or the signature under it (a P.S. is
    body: it is read). Found once per Document (the engine and several rules ask); a fresh list each call."""
    return list(per_document(doc, "body_units", lambda: tuple(_body_units(doc))))


def _body_units(doc) -> list[int]:
    out = []
    signed = False
    for i, unit in enumerate(doc.units):
        if unit.kind in ("subject", "cta", "link", "table_cell"):
            continue
        # the words counted up to one past the most any test reads; the first line read only for a short unit
        words = len(doc.unit_text(unit).split(None, SIGNATURE_LINE_MAX_WORDS))
        if words > 6 and not signed:
            out.append(i)  # a paragraph of the body: no sign-off, greeting or signature line is that long
            continue
        first_line = unit_first_line(doc, unit)
        if words <= 6 and SIGN_OFF_RE.match(first_line):  # before the name-line test: "Kind regards," is both
            signed = True
            continue
        if words <= 6 and (GREETING_RE.match(first_line) or NAME_LINE_RE.match(first_line)):
            continue
        if signed and words <= SIGNATURE_LINE_MAX_WORDS and not _PS_RE.match(first_line):
            continue  # the sender's name, title, company and links under the sign-off
        signed = False  # a P.S. or a paragraph: the body goes on
        out.append(i)
    return out


def body_words(doc) -> int:
    counts = unit_word_counts(doc)
    return sum(counts[i] for i in body_units(doc))


def opening_sentences(doc, medium: str, thresholds: Mapping[str, Any]) -> list[int]:
    """Indexes of the sentences that make the opening for this medium (quotes are the customer's words)."""
    body = {
        i
        for i in body_units(doc)
        if doc.units[i].kind != "quote" and not ATTRIBUTION_RE.match(doc.unit_text(doc.units[i]))
    }
    sentences = [i for i, s in enumerate(doc.sentences) if s.unit in body and s.word_count]
    if medium == "email":
        prose = [i for i in sentences if doc.units[doc.sentences[i].unit].kind != "heading"]
        return prose[: int(thresholds["sales.opening_sentences_email"])]
    if medium == "proposal":
        prose = [i for i in sentences if doc.units[doc.sentences[i].unit].kind != "heading"]
        return prose[: int(thresholds["sales.opening_sentences_proposal"])]
    limit = int(thresholds["sales.opening_words"])
    out, words, seen_heading = [], 0, False
    for i in sentences:
        is_heading = doc.units[doc.sentences[i].unit].kind == "heading"
        if words >= limit and not (is_heading and not seen_heading):
            break
        out.append(i)
        seen_heading = seen_heading or is_heading
        words += doc.sentences[i].word_count
    return out


def hero_units(doc) -> list[int]:
    """The hero: the first heading and the unit under it when that is a subhead or a short paragraph."""
    for i, unit in enumerate(doc.units):
        if unit.kind == "heading":
            out = [i]
            nxt = doc.units[i + 1] if i + 1 < len(doc.units) else None
            if nxt is not None and (nxt.kind == "heading" and nxt.level >= unit.level):
                out.append(i + 1)
            elif nxt is not None and nxt.kind == "paragraph":
                # a subhead is a line or two; a longer paragraph is the body, not the hero
                count = 0
                for s in doc.sentences:  # in unit order: stop past the subhead, not at the end of the document
                    if s.unit > i + 1:
                        break
                    count += s.unit == i + 1
                if count <= 2:
                    out.append(i + 1)
            return out
    return []


def decisive_ranges(doc, medium: str, thresholds: Mapping[str, Any]) -> list[tuple[int, int]]:
    """(start, end) offsets where the buyer decides: the opening, the hero, the subject line and the buttons."""
    ranges = [(doc.sentences[i].start, doc.sentences[i].end) for i in opening_sentences(doc, medium, thresholds)]
    for i in hero_units(doc) if medium == "page" else ():
        ranges.append((doc.units[i].start, doc.units[i].end))
    ranges += [(u.start, u.end) for u in doc.units if u.kind in ("subject", "cta")]
    return ranges


class Ranges:
    """(start, end) ranges merged and sorted once, for "is this offset inside one of them" asked many times:
    asked per sentence or per finding, a scan of the list cost sentences x ranges (seconds on a long page).
    Iterating gives the merged (start, end) pairs."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for s, e in sorted(r for r in ranges if r[1] > r[0]):
            if self.starts and s <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], e)
            else:
                self.starts.append(s)
                self.ends.append(e)

    def contains(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(zip(self.starts, self.ends, strict=True))
