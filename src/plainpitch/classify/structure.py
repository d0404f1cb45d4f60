"""Where each sentence sits on its page: the context a reader uses to tell a feature from a benefit.

A sentence alone is often ambiguous ("Fast." is a bare quality; "Smart." a heading; "We cut CPU by 10%" a
customer's result when a customer says it). The page says more: the heading it sits under, the lead-in line of
its list, a bold lead-in that names the card it opens, quotation marks and an attribution (a customer's words),
a table (a plan grid). ``structure(doc)`` reads that once per document, from the units the loaders produced
(plus the source around a unit for bold lead-ins, which the loaders do not keep), so the classifier and the BEN
rules share one reading. Nothing here knows a format: it reads the Document only.

``model_text`` gives the sentence as the classifier was trained on it: inline code restored in backticks (the
loaders put the placeholder word ``code`` in the analysed text, which would hide that a line is a spec entry).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import NamedTuple

from plainpitch.model import Document, Unit
from plainpitch.text import lazy_re

# Markup that opens bold text just before a unit's first character, and what closes it.
_BOLD_OPEN_RE = lazy_re.compile(r"(?:\*\*|__|<(?:strong|b)(?:\s[^>]*)?>)\s*$", re.IGNORECASE)
_BOLD_CLOSE = {"**": "**", "__": "__"}
_BOLD_CLOSE_HTML_RE = lazy_re.compile(r"</(?:strong|b)\s*>", re.IGNORECASE)
# An attribution line under a testimonial: "— Bala Natarajan", "- Jane Doe, CTO at X".
ATTRIBUTION_RE = lazy_re.compile(
    r"^\s*(?:(?:[—–]|-{1,2}|~)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*(?:,.*)?|"  # "— Bala Natarajan"
    r"[A-Z][\w'’-]+(?: [A-Z][\w.'’-]*){1,2},(?: [\w&'’.,-]+){1,8})$"  # "Benjamin Bangert, Staff Engineer, Mozilla"
)
# A name alone or a job title on its own line, as testimonials on HTML pages show them ("Clem Delangue",
# "Co-founder and CEO at Hugging Face"): an attribution when it stands beside another one.
_NAME_LINE_RE = lazy_re.compile(r"^[A-Z][\w'’-]+(?: [A-Z][\w.'’-]*){1,2}$")
_TITLE_LINE_RE = lazy_re.compile(
    r"^(?:[\w-]+ )?(?:co-?founder|founder|ceo|cto|coo|cfo|vp|head of|director|engineer|manager|lead|designer|"
    r"developer|consultant|owner|president|architect|analyst)\b[\w ,&'’.-]*$", re.IGNORECASE)
_QUOTE_CHARS = "\"“”„«»"
# A unit that is one short bold or colon-ended line standing alone acts as a heading ("**Pricing**").
_LEAD_END = (":", "：")


class Place(NamedTuple):
    """One sentence's place on the page (indices are into Document.sentences; -1 = none). A named tuple, not a
    frozen dataclass: one is made per sentence, and a frozen dataclass sets each of its 16 fields through
    ``object.__setattr__`` (~3.4 µs a Place against ~0.9)."""

    kind: str  # the unit kind: heading, paragraph, list_item, quote, table_cell, subject, turn...
    level: int  # heading level or list depth
    first: bool  # the first sentence of its unit
    only: bool  # the only sentence of its unit
    bold_lead: bool  # the sentence is a bold lead-in that opens its unit ("**Fast.** When it comes…")
    opens_bold: bool  # the sentence opens with a bold lead-in and goes on ("**Fully managed** — it scales…")
    bold_line: bool  # the whole unit is bold: a pseudo-heading
    lead: int  # the bold lead-in this sentence follows in the same unit
    heading: int  # the nearest heading above (or the bold line that acts as one)
    sections: tuple[int, ...]  # the headings it sits under, nearest first (a bold line counts as the lowest level)
    intro: int  # for a list item: the last sentence of the line that introduces the list
    quoted: bool  # a customer's or someone else's words: a quote unit, quotation marks, an attribution
    attribution: bool  # the sentence is the attribution of a quote
    in_table: bool
    index_in_list: int  # position among consecutive list items (0 = first); -1 outside lists
    position: float  # 0 at the start of the document, 1 at its end


@dataclass(frozen=True)
class Structure:
    places: tuple[Place, ...]  # one per Document.sentences entry

    def __getitem__(self, index: int) -> Place:
        return self.places[index]


def _unit_source_text(doc: Document, unit: Unit) -> tuple[int, int]:
    if unit.end <= unit.start:
        return unit.source_start, unit.source_start
    return unit.to_source(unit.start), unit.to_source(unit.end - 1) + 1


def bold_lead_end(doc: Document, unit: Unit) -> int:
    """Characters of the unit text inside a bold run that opens it (0 when the unit does not open in bold)."""
    src = doc.source
    start = unit.source_start
    before = src[max(0, start - 40) : start]
    line_break = before.rfind("\n")
    if line_break >= 0:
        before = before[line_break + 1 :]
    opened = _BOLD_OPEN_RE.search(before)
    if not opened:
        return 0
    token = opened.group(0).strip()
    src_end = _unit_source_text(doc, unit)[1]
    if token in _BOLD_CLOSE:
        close = src.find(_BOLD_CLOSE[token], start, src_end + len(token))
    else:
        m = _BOLD_CLOSE_HTML_RE.search(src, start, src_end + 12)
        close = m.start() if m else -1
    if close < 0:
        return 0
    if unit.source_map is None:
        return min(close - start, unit.end - unit.start)
    return bisect_left(unit.source_map, close)


def _is_quoted_text(text: str) -> bool:
    t = text.strip()
    return len(t) > 2 and t[0] in _QUOTE_CHARS and (t[-1] in _QUOTE_CHARS or t.rstrip(".!?,")[-1:] in _QUOTE_CHARS)


# The last document read and its structure, as one tuple replaced whole (safe when threads share it): the
# classifier and the rules ask for the same document's structure within one analysis.
_LAST: tuple[Document | None, Structure | None] = (None, None)


def structure(doc: Document) -> Structure:
    """The place of every sentence of the document (one pass over the units; the last one is kept)."""
    global _LAST
    last_doc, last = _LAST
    if last_doc is doc and last is not None:
        return last
    found = _structure(doc)
    _LAST = (doc, found)
    return found


def _structure(doc: Document) -> Structure:
    units = doc.units
    n_units = len(units)
    first_sentence = [-1] * n_units
    last_sentence = [-1] * n_units
    for i, s in enumerate(doc.sentences):
        if first_sentence[s.unit] < 0:
            first_sentence[s.unit] = i
        last_sentence[s.unit] = i
    unit_texts = [doc.text[u.start : u.end] for u in units]
    bold_end = [bold_lead_end(doc, u) if u.kind in ("paragraph", "list_item", "quote") else 0 for u in units]
    bold_line = [
        bold_end[k] > 0 and bold_end[k] >= len(unit_texts[k].rstrip(" .:!")) - 1 for k in range(n_units)
    ]
    attribution = [u.kind in ("paragraph", "quote") and bool(ATTRIBUTION_RE.match(unit_texts[k]))
                   for k, u in enumerate(units)]  # fmt: skip
    for k in range(n_units - 1):  # a name line and a title line together sign a testimonial
        pair = (unit_texts[k].strip(), unit_texts[k + 1].strip())
        if (units[k].kind == units[k + 1].kind == "paragraph" and _NAME_LINE_RE.match(pair[0])
                and _TITLE_LINE_RE.match(pair[1])):  # fmt: skip
            attribution[k] = attribution[k + 1] = True
    # a unit is quoted when it is a quote, wrapped in quotation marks, or signed by the unit after it
    quoted = []
    for k, u in enumerate(units):
        q = u.kind == "quote" or (u.kind in ("paragraph", "list_item") and _is_quoted_text(unit_texts[k]))
        if not q and k + 1 < n_units and attribution[k + 1] and u.kind in ("paragraph", "quote"):
            q = True  # the words just above a signature
        if not q and k >= 2 and attribution[k - 1] and attribution[k - 2] and u.kind == "paragraph":
            q = True  # the words just below a name line and a title line
        quoted.append(q or attribution[k])
    # section headings and list lead-ins, walking the units in order
    heading_of = [-1] * n_units
    sections_of: list[tuple[int, ...]] = [()] * n_units
    intro_of = [-1] * n_units
    list_pos = [-1] * n_units
    current_heading = -1
    stack: list[tuple[int, int]] = []  # (level, first sentence) of the enclosing headings
    sections: tuple[int, ...] = ()  # one tuple per change of the stack, shared by the units under it (not one each)
    for k, u in enumerate(units):
        heading_of[k] = current_heading
        sections_of[k] = sections
        if u.kind == "list_item":
            prev = k - 1
            list_pos[k] = list_pos[prev] + 1 if prev >= 0 and units[prev].kind == "list_item" else 0
            if list_pos[k] == 0:
                intro_of[k] = last_sentence[prev] if prev >= 0 and units[prev].kind in ("paragraph", "heading") else -1
            else:
                intro_of[k] = intro_of[prev]
        if u.kind == "heading" or bold_line[k]:
            current_heading = first_sentence[k]
            level = u.level if u.kind == "heading" else 7
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, current_heading))
            sections = tuple(j for _, j in reversed(stack))
    places = []
    n_sent = max(len(doc.sentences) - 1, 1)
    for i, s in enumerate(doc.sentences):
        k = s.unit
        u = units[k]
        rel_start = s.start - u.start
        lead_len = bold_end[k]
        starts_bold = lead_len > 0 and not bold_line[k] and rel_start < lead_len
        is_lead = starts_bold and s.end - u.start <= lead_len + 2
        lead = -1
        if lead_len > 0 and not bold_line[k] and not is_lead:
            lead = first_sentence[k]
        places.append(Place(
            kind=u.kind, level=u.level, first=first_sentence[k] == i, only=first_sentence[k] == last_sentence[k],
            bold_lead=is_lead, opens_bold=starts_bold and not is_lead, bold_line=bold_line[k], lead=lead, heading=heading_of[k], sections=sections_of[k], intro=intro_of[k],
            quoted=quoted[k], attribution=attribution[k], in_table=u.kind == "table_cell",
            index_in_list=list_pos[k], position=i / n_sent,
        ))  # fmt: skip
    return Structure(tuple(places))


def model_text(doc: Document, index: int) -> str:
    """The sentence with inline code restored in backticks, as the labelled sentences were written."""
    sentence = doc.sentences[index]
    unit = doc.units[sentence.unit]
    spans = unit.attrs.get("code") if hasattr(unit.attrs, "get") else None
    if not spans:
        return sentence.text
    out = []
    pos = sentence.start
    for span in spans:
        a, b = unit.start + span["start"], unit.start + span["end"]
        if b <= sentence.start or a >= sentence.end:
            continue
        a, b = max(a, sentence.start), min(b, sentence.end)
        out.append(doc.text[pos:a])
        src_a, src_b = unit.to_source(a), unit.to_source(b - 1) + 1
        code = doc.source[src_a:src_b]
        if not (code.startswith("`") or code.startswith("<")):
            code = "`" + doc.text[a:b] + "`"
        elif code.startswith("<"):
            code = "`" + re.sub(r"<[^>]*>", "", code) + "`"
        out.append(code)
        pos = b
    out.append(doc.text[pos : sentence.end])
    return "".join(out)
