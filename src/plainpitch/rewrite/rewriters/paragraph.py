"""STR001: break a wall of text into shorter paragraphs, at sentence boundaries, words kept as they are.

Only where a blank line makes a paragraph break in the file and changes nothing else: a Markdown or plain-text
paragraph that starts at the beginning of its line (one indented under a list item or quoted would leave its
block). The breaks fall between sentences so that the parts are as even in words as they can be; two parts are
tried first, then three and four, and the checks keep the first that removes the finding.
"""

from __future__ import annotations

from plainpitch.rewrite.model import Candidate, Edit
from plainpitch.rewrite.rewriters import rewriter
from plainpitch.rewrite.rewriters.page import Page
from plainpitch.text import lazy_re

_FORMATS = ("markdown", "text")
_START_RE = lazy_re.compile(r"^[\"“(]?[A-Z]")
_ABBREVIATION_RE = lazy_re.compile(r"(?:[A-Za-z]\.)+|[A-Z][a-z]{0,3}\.")  # "E.O.", "U.S.", "Sec.", "Mr."


def _sure_boundary(before: str, after: str) -> bool:
    """A break between these two sentences cannot fall inside one that the segmenter cut at an abbreviation."""
    words = before.split()
    last = words[-1].rstrip("\"”’)") if words else ""
    if not last.endswith((".", "!", "?")) or _ABBREVIATION_RE.fullmatch(last):
        return False
    return bool(_START_RE.match(after))


def _breaks(counts: list[int], parts: int) -> list[int] | None:
    """Indexes i (a break after sentence i) that cut ``counts`` into ``parts`` runs as even in words as can be."""
    if parts > len(counts):
        return None
    prefix = [sum(counts[: i + 1]) for i in range(len(counts))]
    total = prefix[-1]
    out: list[int] = []
    for k in range(1, parts):
        low = out[-1] + 1 if out else 0
        high = len(counts) - (parts - k) - 1  # leave a sentence for every part still to come
        if low > high:
            return None
        goal = total * k / parts
        out.append(min(range(low, high + 1), key=lambda i: abs(prefix[i] - goal)))
    return out


@rewriter("STR001")
def break_paragraph(finding, page: Page):
    doc = page.doc
    if doc.format not in _FORMATS:
        return
    index = doc.unit_at(finding.span.start)
    unit = doc.units[index]
    if unit.kind != "paragraph":
        return
    src = unit.to_source(unit.start)
    if src > 0 and doc.source[doc.source.rfind("\n", 0, src) + 1 : src] != "":
        return  # indented, quoted or inside a list item: a blank line would take the rest out of its block
    sentences = [s for s in doc.sentences if s.unit == index]
    if len(sentences) < 2:
        return
    counts = [s.word_count for s in sentences]
    for parts in (2, 3, 4):
        breaks = _breaks(counts, parts)
        if not breaks:
            continue
        edits = []
        for i in breaks:
            gap_start, gap_end = sentences[i].end, sentences[i + 1].start
            if gap_end <= gap_start or doc.text[gap_start:gap_end].strip() or \
                    not _sure_boundary(sentences[i].text, sentences[i + 1].text):
                edits = []
                break
            edits.append(Edit(gap_start, gap_end, "\n\n"))
        if edits:
            yield Candidate(finding, "break-paragraph", tuple(edits), note=f"one paragraph made {parts}, between sentences")
