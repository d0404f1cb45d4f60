"""Hand rules that overrule the model where a cue is unambiguous and the labelled data too thin to learn it.

- ``explicit_benefit``: an explicit link from the product to the buyer's gain ("…, so you …", "which means",
  "saves you") makes a benefit: it is the very form the "so what?" ladder asks writers to use, so it must never
  be flagged again.
- ``measured_result``: an improvement with its size ("cut CPU in half", "from 90 seconds to 3 seconds", "by
  40%") is a benefit: the guideline's "a customer's achieved result with a number".
- ``spec_entry``: a spec entry, an identifier with its type or a dash and its description ("MAIN.sess_conn
  (uint64, count, Sessions accepted)", "name - The repository name"), is a feature, as the guideline says;
  nearly all of them come from one page, so under grouped cross-validation the model cannot learn them.
- ``spec_units``: a product spec with a number and a unit ("answers in 20 ms", "200k events/sec") and no
  outcome is a feature: the labelled pages hold almost no such sentences, so the model never saw one.
- ``doc_aside``: a documentation aside ("Note: …", "[!NOTE]", "see X for details", "Please remember…",
  "Set the `x` option…")
  is other: the guideline's "instructions and configuration notes".

Each is measured with the model in scripts/train_classifier.py (grouped CV), not beside it.
"""

from __future__ import annotations

import re

from plainpitch.classify import cues, shape
from plainpitch.text import lazy_re

EXPLICIT_BENEFIT_RE = lazy_re.compile(
    r"\bso (?:that )?(?:you|your|teams?|customers|users|anyone|everyone)\b|\bwhich means\b|"
    r"\b(?:help|helps|let|lets|allow|allows|enable|enables|save|saves|free|frees) (?:you|your)\b|"
    r"\byou(?:'ll| will| can)? (?:save|never|spend less|avoid|cut|ship|win|grow|be confident|focus)\b|"
    r"\bwithout (?:you )?having to\b|\b(?:you|your \w+)(?:'re| are) done\b|\bmaking it easier\b|"
    r"\bnever (?:have|need) to\b|\byou don't have to\b",
    re.IGNORECASE,
)
# A spec line: an identifier, then its type or a dash and its description ("MAIN.sess_conn (uint64, count, ...)",
# "name - The repository name"). The annotation guideline calls these product specs: features.
SPEC_ENTRY_RE = lazy_re.compile(
    r"^[-*\s]*`?[A-Za-z_][\w.\[\]/-]*`?\s+(?:\((?:u?int\d*|float\d*|string|bool\w*|integer|counter|gauge|"
    r"number|array|map|duration|list)\b|-\s+[A-Z(])"
)
_LEADS_TO_ASK_RE = lazy_re.compile(r"^(?:to learn more|to find out|for more|learn more|visit|see)\b", re.IGNORECASE)
RULES = ("explicit_benefit", "measured_result", "spec_entry", "spec_units", "doc_aside")


_PLEASE_RE = cues.case_blind(r"^please\b")


def _doc_aside(view: cues.View) -> bool:
    """A note, a pointer elsewhere, a request to the reader ("Please remember…"), or a configuration step (an
    instruction verb on a setting or code)."""
    if view.match(shape.NOTE_LEAD_RE) or view.search(shape.POINTER_RE) or view.match(_PLEASE_RE):
        return True
    return (
        view.match(cues.INSTRUCTION_RE)
        and (view.search(shape.CONFIG_OBJECT_RE) or view.search(cues.CODE_TOKEN_RE))
        and not view.search(cues.OUTCOME_RE)
    )


def adjust(
    text: str, label: str, confidence: float, probs: dict[str, float], rules: tuple[str, ...] = RULES
) -> tuple[str, float]:
    view = cues.view_of(text)
    clean = view.clean
    if "explicit_benefit" in rules and EXPLICIT_BENEFIT_RE.search(clean) and not _LEADS_TO_ASK_RE.match(clean):
        return "benefit", max(probs.get("benefit", 0.0), 0.75)
    if (
        "measured_result" in rules
        and label != "benefit"
        and view.search(shape.IMPROVEMENT_RE)
        and view.search(shape.CHANGE_SIZE_RE)
    ):
        return "benefit", max(probs.get("benefit", 0.0), 0.6)
    # an unambiguous spec is a confident feature, whether the model agreed or not
    if "spec_entry" in rules and SPEC_ENTRY_RE.match(clean):
        return "feature", max(probs.get("feature", 0.0), 0.6)
    if (
        "spec_units" in rules
        and view.search(cues.NUMBER_UNIT_RE)
        and not view.search(cues.OUTCOME_RE)
        and not view.search(cues.RESULT_RE)
        and not clean.endswith("?")
    ):
        return "feature", max(probs.get("feature", 0.0), 0.6)
    if "doc_aside" in rules and label != "other" and _doc_aside(view):
        return "other", max(probs.get("other", 0.0), 0.6)
    return label, confidence
