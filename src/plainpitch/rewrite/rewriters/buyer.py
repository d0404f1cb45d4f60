"""BEN002: turn a "we" sentence to the buyer where a safe pattern exists.

Only patterns whose meaning does not change when the buyer becomes the subject:
- "We help you ship faster."            -> "You ship faster."
- "Our platform lets you sync data."    -> "You can sync data."   (lets / allows / enables ... you (to))
- "We offer 24/7 support."              -> "You get 24/7 support." (offer / provide / give you / deliver)
Anything else ("We built it in Rust", "Our team answers fast") is left alone: the seller is the real subject.
"""

from __future__ import annotations

import re

from plainpitch.rewrite.edits import minimal_edits
from plainpitch.rewrite.english import FUNCTION_WORDS
from plainpitch.rewrite.model import Candidate
from plainpitch.rewrite.rewriters import rewriter
from plainpitch.rewrite.rewriters.page import Page

_SELLER = r"(?:we|our (?:\w+ ){0,2}?\w+)"
_PATTERNS = (
    (re.compile(r"^(?:" + _SELLER + r")\s+(?:can\s+)?helps?\s+you\s+(?:to\s+)?(?P<rest>\w.*)$", re.I), "You {rest}"),
    (re.compile(r"^(?:" + _SELLER + r")\s+(?:lets?|allows?|enables?)\s+you\s+(?:to\s+)?(?P<rest>\w.*)$", re.I), "You can {rest}"),
    (re.compile(r"^we\s+(?:offer|provide|deliver|give\s+you)\s+(?P<rest>\w.*)$", re.I), "You get {rest}"),
)


def to_buyer(sentence: str) -> str | None:
    """The sentence turned to the buyer, or None when no safe pattern applies."""
    for pattern, template in _PATTERNS:
        m = pattern.match(sentence.strip())
        if not m:
            continue
        rest = m.group("rest")
        first = rest.split()[0].lower()
        if first in FUNCTION_WORDS or first.endswith(("ing", "ed")):
            return None  # "help you with", "let you to", "allows you scaling": no clean verb to carry on with
        if re.search(r"\b(?:we|our|us)\b", rest, re.I):
            return None  # still about the seller further on; a half-turned sentence reads worse
        return template.format(rest=rest)
    return None


@rewriter("BEN002")
def turn_to_buyer(finding, page: Page):
    for item in finding.data.get("sentences") or ():
        sentence = page.sentence_of(item["start"])
        if sentence is None or page.unit_of(sentence.start).kind in ("quote", "cta", "link"):
            continue
        new = to_buyer(sentence.text)
        if new is None:
            continue
        edits = minimal_edits(sentence.start, sentence.text, new)
        if edits:
            yield Candidate(finding, "turn-to-buyer", tuple(edits), note="the buyer as the subject")
