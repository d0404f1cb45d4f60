"""Signs that the readers may have missed part of a text, so that a claim of absence ("no ask", "no proof") is unsure.

A rule that says something is missing is only as right as the readers that looked for it. Judged blind on fresh
real texts, nearly every wrong finding of the ask and proof rules was such a claim on a text that had the thing in a
form no reader knew: a button kept as a YAML field, a copy deck's "**Primary CTA button:** Get a Free Consultation",
a wireframe's "`[ start the company ]`", a second half in Spanish or Chinese. A seller forgives a missed problem, not
being told "you never ask" beside their button, so these claims hold back when a sign shows (the missing ask on
either, the missing proof on the second):

- a *button-shaped line*: a short line of its own (after bullets, marks, tags and a "label:" are taken off) that
  starts with a verb of action ("Get started", "Shop Now", "Book a call") and that no ask reader credited;
- a *part in another language*: a fifth or more of the running text is not English (by function words or script),
  where the English readers see nothing.
"""

from __future__ import annotations

import re

from plainpitch.text import lazy_re
from plainpitch.text.language import english_ratio

# Verbs a button or a link starts with. Not a list of asks: a loose net, used only to doubt an absence.
_VERBS = frozenset(
    """
    get start book schedule try join download contact call sign register buy shop order request claim apply
    subscribe reply connect view choose talk chat email message install grab reserve enter hire let's lets see
    explore watch discover learn upgrade pick select visit check read ask go find open unlock begin meet
    """.split()
)
# Verbs that are as often nouns or adjectives ("Email support", "Open source"): a button only with an object or "now"
# after them.
_NOUNISH = frozenset("email call message chat order book contact request shop open check".split())
_OBJECT = frozenset("us me now today our your a an the it sales in up".split())
# One-word buttons that cannot be a noun on a line of their own.
_ALONE = frozenset("subscribe download register install join apply contact buy".split())
_MAX_WORDS = 6
FOREIGN_SHARE_UNSURE = 0.2  # a fifth of the text unread is enough to miss a button or a testimonial

_TAG_RE = lazy_re.compile(r"<[^>]+>")
_EMPHASIS_RE = lazy_re.compile(r"[*_`]+")
_LEAD_RE = lazy_re.compile(r"^[\W\d_]*(?=[A-Za-z])")  # bullets, numbers, quotes, brackets, emoji before the first letter
_LABEL_RE = lazy_re.compile(r"^[\"']?[\w\- ]{1,30}[\"']?\s*[:=]\s*")  # "text: ", "Primary CTA button: ", "\"label\": "
# Fields that name what a text is, not what to click ("tagline: Get found by the right people").
_TEXT_FIELDS = frozenset(
    "title subtitle tagline heading headline description summary name alt caption excerpt lede intro slogan "
    "subheading subheadline eyebrow kicker h1 h2 h3 meta seo".split()
)
_QUOTED_RE = lazy_re.compile(r"^(?:\"([^\"]*)\"|'([^']*)'|“([^”]*)”)")
_TAIL_RE = lazy_re.compile(r"[\]\)\"'“”`,;!]+$")
_CUT_RE = lazy_re.compile(r"\]\(|\s\|\s|\s[—–-]\s")  # a Markdown link's address, a table cell, a dash's gloss
_SEE_YOU_RE = lazy_re.compile(r"^see you\b", re.I)  # a farewell, not an ask
_CJK_RE = lazy_re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_WORD_RE = lazy_re.compile(r"[^\W\d_]+")


def _button_text(line: str) -> str:
    """The words a line would show as a button: marks, tags and one or two leading labels taken off."""
    text = _LEAD_RE.sub("", _EMPHASIS_RE.sub("", _TAG_RE.sub(" ", line)).strip())
    for _ in range(2):
        label = _LABEL_RE.match(text)
        if not label or len(label.group(0).split()) > 4 or not text[label.end():].strip():
            break
        if label.group(0).strip(" \"':=").lower().replace("_", " ").split()[-1] in _TEXT_FIELDS:
            return ""
        text = text[label.end():].strip()
        quoted = _QUOTED_RE.match(text)
        if quoted:  # a field's value in quotes ('label: "Start free trial", href: "/signup" }'): the value alone
            return next(g for g in quoted.groups() if g is not None).strip()
        text = _LEAD_RE.sub("", text)
    return _TAIL_RE.sub("", _CUT_RE.split(text)[0]).strip()


def button_lines(source: str) -> list[str]:
    """Short lines of their own that read as a button or a link to act on (the words, in order)."""
    found = []
    for line in source.splitlines():
        if line.lstrip().startswith("#"):
            continue  # a heading names a section ("Get found by the right people"), it is not clicked
        text = _button_text(line)
        words = text.split()
        if not 1 <= len(words) <= _MAX_WORDS or text.endswith((".", "?", ":")) or _SEE_YOU_RE.match(text):
            continue  # a sentence, a question or a label: prose, which the ask readers read in full
        first = words[0].lower()
        if first not in _VERBS or (len(words) > 1 and words[1].lower() == "and"):
            continue  # "Create and join events": a feature told as a verb pair, not a button
        if first in _NOUNISH and (len(words) < 2 or words[1].lower().strip("[\"'") not in _OBJECT):
            continue
        if len(words) == 1 and first not in _ALONE:
            continue
        found.append(text)
    return found


def foreign_share(texts: list[str]) -> float:
    """The share of the running text (by words, a CJK character counting as a word) that is not English."""
    total = foreign = 0
    for text in texts:
        cjk = len(_CJK_RE.findall(text))
        words = _WORD_RE.findall(_CJK_RE.sub(" ", text))
        size = cjk + len(words)
        total += size
        if cjk > len(words) or (len(words) >= 8 and english_ratio(words) < 0.08):
            foreign += size
    return foreign / total if total else 0.0


def has_foreign_part(doc, ctx=None) -> bool:
    """A fifth or more of the text is in another language: what the English readers found missing may be there."""

    def compute() -> bool:
        return foreign_share([doc.unit_text(u) for u in doc.units]) >= FOREIGN_SHARE_UNSURE

    return ctx.memo("unread.foreign_part", compute) if ctx is not None else compute()


def has_button_lines(doc, ctx=None) -> bool:
    """A line reads as a button: an ask may be there in a form the ask readers do not know."""
    if ctx is not None:
        return ctx.memo("unread.button_lines", lambda: bool(button_lines(doc.source)))
    return bool(button_lines(doc.source))
