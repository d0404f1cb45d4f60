"""Typos (CLR004): a misspelt word in copy a buyer reads, with the word meant.

Which words are misspelt is plainpitch.text.spelling's to say, word by word; this rule judges the context, holding
back wherever a lowercase unknown word is more likely a name, a term or another language than a slip:
- the page spells the same word another way somewhere (capitalised, in code, in a link, a path or a handle: it is
  a name or an identifier, "telegraf", "reqwest");
- a part of the text is in another language (a fifth or more), or a sentence of eight words or more reads as
  another language;
- the words are a customer's (a quote or a testimonial: never edit them), code, a link's (they name what it links
  to: "reqwest"), an address or a placeholder;
- the reader is technical, where lowercase coinages are everyday words ("rustc", "bundler").
One finding per misspelt word (its later uses are in its data).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from plainpitch.analysis.proof import testimonial_units
from plainpitch.analysis.unread import has_foreign_part
from plainpitch.model import Document, Span, Suggestion
from plainpitch.rules.base import Hit, RuleContext, rule
from plainpitch.text import lazy_re, shapes
from plainpitch.text.language import english_ratio
from plainpitch.text.spelling import MIN_LETTERS, correction

_KINDS = ("subject", "heading", "paragraph", "list_item", "cta", "table_cell")
# a lowercase word standing alone (not part of an identifier, a path, a handle or a contraction)
_CANDIDATE_RE = lazy_re.compile(rf"(?<![\w'’@#/.\-])[a-z]{{{MIN_LETTERS},}}(?![\w'’@/\-]|\.[a-z])")
_WORDS_RE = lazy_re.compile(r"[A-Za-z]+")
_CODE_SIDE = frozenset("`/._:-@#=[]{}()\"'\\")  # not < or >: in HTML every word of copy may touch a tag
MIN_ENGLISH = 0.25  # the share of common English words a sentence needs to be read as English
MIN_SENTENCE_WORDS = 8
MAX_WORDS = 50  # misspelt words reported on one page
MAX_JUDGED = 20_000  # distinct words looked up on one page


# Spelt the same way this many times, and the suggested word nowhere: the writer means it (see misspelling)
DELIBERATE_USES = 3

def _spelt_otherwise(source: str, word: str) -> bool:
    """The source holds the word in another form: capitalised (a name) or beside code marks (an identifier, a
    path, a link, a template field)."""
    for m in re.finditer(rf"(?i)(?<![a-z]){word}(?![a-z])", source):
        if m.group(0) != word:
            return True
        before, after = source[m.start() - 1 : m.start()], source[m.end() : m.end() + 1]
        if (before and before in _CODE_SIDE and before != "(") or (after and after in _CODE_SIDE and after not in ".:)"):
            return True
    return False


def _all_caps(text: str) -> bool:
    """Three words or more and no lowercase letter: a heading or a button set in capitals."""
    return not any(c.islower() for c in text) and len(_WORDS_RE.findall(text)) >= 3


def _reads_english(text: str, page_english: bool) -> bool:
    """A sentence long enough to tell reads as English; a short line ("Setting up Google Remarketing campaigns")
    has too few small words to tell, and the page's language decides for it."""
    words = _WORDS_RE.findall(text)
    return english_ratio(words) >= MIN_ENGLISH if len(words) >= MIN_SENTENCE_WORDS else page_english


@rule(
    code="CLR004",
    name="misspelling",
    category="clarity",
    scope="seller",
    fields=("word", "correction"),
    severity="warning",
    impact=2,
    summary="A misspelt word in copy a buyer reads ('necesary', 'pleasent'), with the word meant.",
    why=(
        "A typo is the first thing a careful buyer notices and the last thing a seller sees. It says the page was "
        "not checked, and a buyer who sees careless words expects careless work: on a page that sells a service, "
        "it costs trust in every claim around it."
    ),
    message="Misspelt: '{word}' (did you mean '{correction}'?)",
    fix="Correct the spelling, then read the page once more, aloud, before it goes out.",
    bad=[
        {"text": "We plan every step that is [[necesary]] to launch your store, and we answer every question within a day.",
         "medium": "page"},
    ],  # fmt: skip
    good=[
        {"text": "We plan every step that is necessary to launch your store, and we answer every question within a day.",
         "medium": "page"},
        {"text": "Post your photos to Flickr and share the flickr link: we plan every step to launch your store.",
         "medium": "page"},
    ],  # fmt: skip
    media=("page", "email", "proposal", "text"),
    example_medium="page",
    sources=["Peter Norvig, 'How to Write a Spelling Corrector' (2007): candidates one edit away, ranked by frequency",
             "Yannakoudakis and Fawthrop, 'The rules of spelling errors' (1983): the first letter is seldom wrong"],
)
def misspelling(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    if ctx.profile == "technical" or has_foreign_part(doc, ctx):
        return
    quotes = testimonial_units(doc)
    page_english = english_ratio(_WORDS_RE.findall(doc.text)) >= MIN_ENGLISH
    found: dict[str, list[tuple[int, int, str]]] = {}
    judged: set[str] = set()
    for i, unit in enumerate(doc.units):
        if unit.kind not in _KINDS or i in quotes:
            continue
        text = doc.unit_text(unit)
        if not _reads_english(text, page_english):
            continue
        masked = bytearray(len(text) + 1)
        for s, e, _ in shapes.literal_spans(text):
            masked[s:e] = b"\x01" * (e - s)
        attrs = unit.attrs if hasattr(unit.attrs, "get") else {}
        for span in (attrs.get("code") or []) + (attrs.get("links") or []):  # a link's words name what it links to
            masked[span["start"] : span["end"]] = b"\x01" * (span["end"] - span["start"])
        # a line set all in capitals ("SERVICES WE ARE PROVIDE") is capitalised for show, not because its words are
        # names: its words are read as the lowercase words they are, and reported as written
        caps = _all_caps(text)
        scan = text.lower() if caps else text
        for m in _CANDIDATE_RE.finditer(scan):
            word = m.group(0)
            if masked[m.start()] or ctx.allowed(word):
                continue
            shown = text[m.start() : m.end()]
            if shown not in found and (len(found) >= MAX_WORDS or len(judged) >= MAX_JUDGED):
                continue  # enough to say the page needs a read; a file of made-up words is not looked up forever
            meant = correction(word)
            judged.add(word)
            if meant and _mentioned(doc, unit.start + m.start()) and re.search(rf"\b{re.escape(meant)}\b", scan, re.I):
                continue  # "*friend* becomes *frend*": set apart, with the word spelt right beside it: on purpose
            if meant:
                found.setdefault(shown, []).append((unit.start + m.start(), unit.start + m.end(),
                                                    meant.upper() if caps else meant))  # fmt: skip
    for word, uses in found.items():
        if _spelt_otherwise(doc.source, word):
            continue
        start, end, meant = uses[0]
        if len(uses) >= DELIBERATE_USES and not re.search(rf"\b{re.escape(meant)}\b", doc.text, re.IGNORECASE):
            continue  # a slip is made once; a word written the same way three times, and its "right" spelling never,
            # is the writer's own word (traders' "perps", a product's name), not a typo
        yield Hit(Span(start, end), {"word": word, "correction": meant},
                  (Suggestion(meant, "the word spelt right"),),
                  data={"uses": doc.source_spans([(s, e) for s, e, _ in uses[1:]])})  # fmt: skip


def _mentioned(doc: Document, at: int) -> bool:
    """Is the word at ``at`` set apart as written, in emphasis or quotation marks ("*frend*", "'peeple'")?"""
    start = doc.to_source(at)
    return start > 0 and doc.source[start - 1] in "*_\"'“‘«`"

