"""Which of the seller's technical terms are jargon *to this buyer*: the call-specific filter on top of the jargon
detector's findings (which know words, not conversations).

A term the detector found in the seller's turns counts only when all of these hold:

- it is a term a listener must know (a technical term the lexicon lists, or an acronym), not a name: unknown
  capitalised words the detector took for product names ("Radixx"), an acronym inside a name ("BH Management",
  "Red IQ") or after "called"/"named";
- it is not a speech-to-text slip: words found only by rarity or code shape ("inbetween", "V_C_R_"), and one-letter
  variants of another acronym in the same call ("STI" beside "STR") count as that acronym;
- the seller leans on it: said at least twice (a term said once in passing is a word the buyer can skip);
- a one-word term is not an everyday word ("instance", "stack", "pipeline"): a listener hears the everyday sense;
- the buyer has not used it themselves (anywhere in the call), and the buyer is not fluent in that kind of term:
  a buyer who uses three or more uncommon acronyms (or technical terms) of their own shares the vocabulary;
- the buyer did not ask what it means: that is TLK009's stronger finding, flagged where the seller said it.

Pure analysis over plain records: the rule that calls the jargon detector hands its hits in as ``Candidate``s.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from plainpitch.call.roles import BUYER, SELLER
from plainpitch.text import lazy_re
from plainpitch.text.lexicon import zipf

if TYPE_CHECKING:  # annotations only: the call's facts load with the first call reviewed (call.facts_for)
    from plainpitch.call.facts import CallFacts

# Reasons the jargon detector gives that are not spoken jargon: written shapes (slips on a transcript) and names.
NOT_SPOKEN = frozenset({"rare", "code", "product", "name"})
MIN_SELLER_USES = 2
FLUENT_TERMS = 3  # distinct terms of one kind the buyer uses before the buyer counts as fluent in that kind
EVERYDAY_ZIPF = 4.0  # a one-word term this common in English ("instance", "stack") is heard in its everyday sense
_NAME_LEAD = lazy_re.compile(r"\b(?:called|named)\s+$", re.IGNORECASE)
_CAPITALISED = lazy_re.compile(r"[A-Z][a-z]+")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One term the jargon detector found: where, what, and why it counted."""

    start: int
    end: int
    text: str
    key: str
    kind: str  # "jargon" | "acronym"
    reason: str
    plain: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SpokenTerm:
    term: Candidate
    seller_uses: int


def _acronym_variants(keys: Iterable[str]) -> dict[str, str]:
    """Acronym -> the acronym it is a one-letter speech-to-text variant of (the more frequent spelling wins)."""
    keys = sorted(set(keys))
    out: dict[str, str] = {}
    for a in keys:
        for b in keys:
            if a < b and len(a) == len(b) >= 3 and sum(x != y for x, y in zip(a, b, strict=True)) == 1:
                out[b] = a
    return out


def _uses(pattern: re.Pattern[str], facts: CallFacts, role: str) -> int:
    doc = facts.doc
    n = 0
    for t in facts.turns:
        if t.role == role:
            unit = doc.units[t.unit]
            n += len(pattern.findall(doc.text, unit.start, unit.end))
    return n


def _pattern(c: Candidate, others: Iterable[str] = ()) -> re.Pattern[str]:
    forms = [c.text, *others]
    alts = "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in sorted(set(forms), key=len, reverse=True))
    if c.kind == "acronym":  # "PAR" is an acronym, "par" a word: acronyms are matched as written, plurals too
        return re.compile(rf"(?<![\w-])(?:{alts})(?:s|es)?(?![\w-])")
    return re.compile(rf"(?<![\w-])(?:{alts})(?:s|es)?(?![\w-])", re.IGNORECASE)


def _is_name(c: Candidate, text: str, sentence_start: int) -> bool:
    if c.reason in ("product", "name"):
        return True
    window = max(sentence_start, c.start - 40)
    before = text[window : c.start]
    after = text[c.end : c.end + 30]
    prev = re.search(r"([A-Za-z][\w'-]*)\s+$", before)
    nxt = re.match(r"\s+([A-Za-z][\w'-]*)", after)
    prev_capitalised = prev is not None and bool(_CAPITALISED.fullmatch(prev.group(1))) and window + prev.start(1) > sentence_start
    if c.kind == "acronym":
        # an acronym beside a capitalised word that does not open the sentence is part of a name ("Red IQ")
        return bool(prev_capitalised or (nxt and _CAPITALISED.fullmatch(nxt.group(1))) or _NAME_LEAD.search(before))
    return False


def spoken_jargon(facts: CallFacts, seller_terms: list[Candidate], buyer_terms: list[Candidate],
                  asked: Iterable[str] = ()) -> list[SpokenTerm]:  # fmt: skip
    """The seller's terms that are jargon to this buyer (see the module doc), in call order."""
    doc = facts.doc
    asked_keys = {a.lower() for a in asked}
    role_at = {t.unit: t.role for t in facts.turns}
    spoken_buyer = [b for b in buyer_terms if b.reason not in NOT_SPOKEN]
    fluent = {kind for kind in ("acronym", "jargon") if len({b.key for b in spoken_buyer if b.kind == kind}) >= FLUENT_TERMS}
    variants = _acronym_variants([c.text for c in (*seller_terms, *buyer_terms) if c.kind == "acronym"])
    starts = [s.start for s in doc.sentences]
    out: list[SpokenTerm] = []
    for c in sorted(seller_terms, key=lambda c: c.start):
        unit = doc.unit_at(c.start)
        if role_at.get(unit) != SELLER or c.reason in NOT_SPOKEN or c.kind in fluent:
            continue
        if c.key.lower() in asked_keys or c.text.lower() in asked_keys:
            continue
        if c.kind == "jargon" and " " not in c.text.strip() and zipf(c.text.lower()) >= EVERYDAY_ZIPF:
            continue
        si = max(0, bisect.bisect_right(starts, c.start) - 1)
        if _is_name(c, doc.text, doc.sentences[si].start if doc.sentences else 0):
            continue
        same = [k for k, v in variants.items() if v == c.text] + ([variants[c.text]] if c.text in variants else [])
        pattern = _pattern(c, same)
        if _uses(pattern, facts, BUYER):
            continue
        uses = _uses(pattern, facts, SELLER)
        if uses < MIN_SELLER_USES:
            continue
        out.append(SpokenTerm(c, uses))
    return out
