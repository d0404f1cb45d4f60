"""Hand rules that overrule the model where a cue is unambiguous and the labelled data too thin to learn it.

- An explicit link from the product to the buyer's gain ("…, so you …", "which means", "saves you") makes a
  benefit: it is the very form the "so what?" ladder asks writers to use, so it must never be flagged again.
- A product spec with a number and a unit ("answers in 20 ms", "200k events/sec") and no outcome is a feature:
  the labelled pages hold almost no such sentences, so the model never saw one.
- A spec entry, an identifier with its type or a dash and its description ("MAIN.sess_conn (uint64, count,
  Sessions accepted)", "name - The repository name"), is a feature, as the annotation guideline says; nearly all
  of them come from one page, so under grouped cross-validation the model cannot learn them from the others.

Both are measured with the model in scripts/train_classifier.py (grouped CV), not beside it.
"""

from __future__ import annotations

import re

from plainpitch.classify import cues

EXPLICIT_BENEFIT_RE = re.compile(
    r"\bso (?:that )?(?:you|your|teams?|customers|users|anyone|everyone)\b|\bwhich means\b|"
    r"\b(?:help|helps|let|lets|allow|allows|enable|enables|save|saves|free|frees) (?:you|your)\b|"
    r"\byou(?:'ll| will| can)? (?:save|never|spend less|avoid|cut|ship|win|grow|be confident|focus)\b|"
    r"\bwithout (?:you )?having to\b|\b(?:you|your \w+)(?:'re| are) done\b|\bmaking it easier\b|"
    r"\bnever (?:have|need) to\b|\byou don't have to\b",
    re.IGNORECASE,
)
# A spec line: an identifier, then its type or a dash and its description ("MAIN.sess_conn (uint64, count, ...)",
# "name - The repository name"). The annotation guideline calls these product specs: features.
SPEC_ENTRY_RE = re.compile(
    r"^[-*\s]*`?[A-Za-z_][\w.\[\]/-]*`?\s+(?:\((?:u?int\d*|float\d*|string|bool\w*|integer|counter|gauge|"
    r"number|array|map|duration|list)\b|-\s+[A-Z(])"
)
_LEADS_TO_ASK_RE = re.compile(r"^(?:to learn more|to find out|for more|learn more|visit|see)\b", re.IGNORECASE)


def adjust(text: str, label: str, confidence: float, probs: dict[str, float]) -> tuple[str, float]:
    clean = cues.normalise(text)
    if EXPLICIT_BENEFIT_RE.search(clean) and not _LEADS_TO_ASK_RE.match(clean):
        return "benefit", max(probs.get("benefit", 0.0), 0.75)
    if label != "feature" and SPEC_ENTRY_RE.match(clean):
        return "feature", max(probs.get("feature", 0.0), 0.6)
    if (
        label != "feature"
        and cues.NUMBER_UNIT_RE.search(clean)
        and not cues.OUTCOME_RE.search(clean)
        and not cues.RESULT_RE.search(clean)
        and not clean.endswith("?")
    ):
        return "feature", max(probs.get("feature", 0.0), 0.6)
    return label, confidence
