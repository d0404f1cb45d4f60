"""What the rewriters share about one document: its text, units, findings and a few lookups made once."""

from __future__ import annotations

import re
from functools import cached_property

from plainpitch.model import Document, DocumentReport, Sentence, Unit
from plainpitch.rewrite.english import article_for
from plainpitch.rewrite.model import Edit
from plainpitch.text import lazy_re

_ACRONYM = r"[A-Z][A-Za-z0-9&]*[A-Z0-9]s?"
_LONG_THEN_SHORT_RE = lazy_re.compile(r"\((" + _ACRONYM + r")\)")
_SHORT_THEN_LONG_RE = lazy_re.compile(r"\b(" + _ACRONYM + r")\s*\(([^()]{3,80})\)")
_WORDS_RE = lazy_re.compile(r"[A-Za-z][\w'’-]*")


def initials_match(short: str, long: str) -> bool:
    """True when the acronym's letters are the initials of the long form's words, in order (hyphenated parts and
    short function words may be skipped: "role-based access control" is RBAC, "Software as a Service" SaaS)."""
    letters = [c.lower() for c in short.removesuffix("s") if c.isalpha()]
    parts = [p for w in _WORDS_RE.findall(long) for p in w.split("-") if p]
    if not letters or not parts or parts[0][0].lower() != letters[0]:
        return False
    i = 0
    for part in parts:
        if i < len(letters) and part[0].lower() == letters[i]:
            i += 1
            # an acronym may take more than the initial of a word ("SaaS", "gRPC" are rare; keep it strict)
        elif part.lower() not in ("a", "an", "the", "of", "for", "and", "as", "to", "in", "on"):
            return False
    return i == len(letters)


class Page:
    def __init__(self, report: DocumentReport) -> None:
        assert report.document is not None
        self.report = report
        self.doc: Document = report.document

    @property
    def text(self) -> str:
        return self.doc.text

    def unit_of(self, offset: int) -> Unit:
        return self.doc.units[self.doc.unit_at(offset)]

    def sentence_of(self, offset: int) -> Sentence | None:
        for s in self.doc.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    @cached_property
    def expansions(self) -> dict[str, str]:
        """Acronym -> its long form as the page itself writes it ("change data capture (CDC)", "CDC (change
        data capture)"), wherever on the page."""
        out: dict[str, str] = {}
        text = self.text
        for m in _LONG_THEN_SHORT_RE.finditer(text):
            short = m.group(1)
            head = text[max(0, m.start() - 120) : m.start()].rstrip()
            words = list(_WORDS_RE.finditer(head))
            n = len(short.removesuffix("s"))
            for k in range(1, min(len(words), 2 * n + 2) + 1):
                candidate = head[words[-k].start() :]
                if initials_match(short, candidate):
                    out.setdefault(short.removesuffix("s"), candidate.strip())
                    break
        for m in _SHORT_THEN_LONG_RE.finditer(text):
            if initials_match(m.group(1), m.group(2)):
                out.setdefault(m.group(1).removesuffix("s"), m.group(2).strip())
        return out

    def text_offset(self, source_offset: int) -> int | None:
        """The offset in the analysed text of a character given by its offset in the source (None: not prose)."""
        for unit in self.doc.units:
            if unit.to_source(unit.start) <= source_offset <= unit.to_source(max(unit.start, unit.end - 1)):
                for i in range(unit.start, unit.end):
                    if unit.to_source(i) == source_offset:
                        return i
        return None

    def findings_in(self, start: int, end: int, codes: tuple[str, ...]):
        return [f for f in self.report.findings if f.code in codes and start <= f.span.start and f.span.end <= end]


def at_sentence_start(text: str, offset: int, unit_start: int) -> bool:
    before = text[unit_start:offset].rstrip()
    return not before or before[-1] in ".!?:" or before.endswith(("\"", "“", "("))


def swap(page: Page, start: int, end: int, replacement: str) -> list[Edit]:
    """Replace text[start:end], keeping the sentence's capital and the article in front of it right."""
    text = page.text
    unit = page.unit_of(start)
    if at_sentence_start(text, start, unit.start) and replacement[:1].islower():
        replacement = replacement[0].upper() + replacement[1:]
    elif text[start:end][:1].islower() and replacement[:1].isupper() and not replacement[:2].isupper():
        replacement = replacement[0].lower() + replacement[1:]
    edits = [Edit(start, end, replacement)]
    m = re.search(r"\b(a|an|A|An)(\s+)$", text[max(unit.start, start - 4) : start])
    if m:
        art_start = start - len(m.group(0))
        first = _WORDS_RE.match(replacement)
        wanted = article_for(first.group(0) if first else replacement, m.group(1))
        if first and first.group(0).lower() == "same":  # "same" takes "the": "an identical form" is "the same form"
            wanted = "The" if m.group(1)[0].isupper() else "the"
        if wanted != m.group(1):
            edits = [Edit(art_start, end, wanted + m.group(2) + replacement)]
    return edits
