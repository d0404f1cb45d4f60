"""The keyword baseline the classifier is measured against (and the fallback when no weights file ships).

A sentence with an outcome cue is a benefit; else one with a feature verb or technical detail is a feature;
else other. Three lines of judgement: anything trained must beat it on unseen pages to earn its place.
"""

from __future__ import annotations

from plainpitch.classify import cues


def keyword_label(text: str) -> str:
    clean = cues.normalise(text)
    if cues.OUTCOME_RE.search(clean) or (cues.NUMBER_RE.search(clean) and cues.RESULT_RE.search(clean)):
        return "benefit"
    if cues.FEATURE_VERB_RE.search(clean) or cues.technical_detail(clean) > 0:
        return "feature"
    return "other"
