"""Sentence -> sparse features for the feature/benefit classifier: word n-grams plus the hand cues.

The same function runs at training time (scripts/train_classifier.py) and at run time (model.py), so the
shipped weights always mean what the code computes. Pure Python; no scikit-learn at run time.
"""

from __future__ import annotations

import re

from plainpitch.classify import cues

FEATURE_VERSION = 1  # bump when the features change: the weights file must be retrained
_TOKEN_RE = re.compile(r"[a-z0-9]+(?:['.\-_][a-z0-9]+)*")
_DIGITS_RE = re.compile(r"\d")


def _tokens(text: str) -> list[str]:
    return [_DIGITS_RE.sub("0", t) for t in _TOKEN_RE.findall(text.lower())]


def featurise(text: str) -> dict[str, float]:
    """Binary features of one sentence, heading or list item."""
    clean = cues.normalise(text)
    toks = _tokens(clean)
    feats: dict[str, float] = {}
    for tok in toks:
        feats["w:" + tok] = 1.0
    padded = ["<s>", *toks]
    for a, b in zip(padded, padded[1:], strict=False):
        feats[f"b:{a}_{b}"] = 1.0
    for name, on in _cue_flags(clean, len(toks)).items():
        if on:
            feats["c:" + name] = 1.0
    return feats


def _is_title(clean: str, n_words: int) -> bool:
    """A bare title: a few capitalised words, no sentence punctuation ("HTTP Listener v2 Input Plugin")."""
    if not 0 < n_words <= 8 or clean.rstrip().endswith((".", "!", "?", ":")):
        return False
    words = [w for w in clean.split() if w[:1].isalpha()]
    caps = sum(1 for w in words if w[:1].isupper())
    return bool(words) and caps / len(words) >= 0.6


def _cue_flags(clean: str, n_words: int) -> dict[str, bool]:
    you = cues.count(cues.YOU_RE, clean)
    we = cues.count(cues.WE_RE, clean)
    outcome = cues.count(cues.OUTCOME_RE, clean)
    feature_verb = cues.count(cues.FEATURE_VERB_RE, clean)
    tech = cues.technical_detail(clean)
    has_number = bool(cues.NUMBER_RE.search(clean))
    return {
        "you": you > 0,
        "we": we > 0,
        "outcome": outcome > 0,
        "outcome2": outcome > 1,
        "result_number": has_number and bool(cues.RESULT_RE.search(clean)),
        "you_outcome": you > 0 and outcome > 0,
        "feature_verb": feature_verb > 0,
        "feature_no_outcome": feature_verb > 0 and outcome == 0,
        "tech1": tech > 0,
        "tech3": tech > 2,
        "tech_dense": n_words > 0 and tech / n_words > 0.25,
        "number_unit": bool(cues.NUMBER_UNIT_RE.search(clean)),
        "code": bool(cues.CODE_TOKEN_RE.search(clean)),
        "instruction": bool(cues.INSTRUCTION_RE.match(clean)),
        "story": bool(cues.STORY_RE.search(clean)),
        "question": clean.rstrip().endswith("?"),
        "colon_end": clean.rstrip().endswith(":"),
        "ask": bool(cues.ASK_RE.search(clean)),
        "quote": '"' in clean or " said" in clean or " says" in clean,
        "len_short": n_words <= 4,
        "len_mid": 5 <= n_words <= 14,
        "len_long": n_words > 25,
        "no_end_punct": not clean.rstrip().endswith((".", "!", "?", ":")),
        "quality": bool(cues.QUALITY_RE.search(clean)),
        "quality_no_outcome": outcome == 0 and bool(cues.QUALITY_RE.search(clean)),
        "doc_note": bool(cues.DOC_NOTE_RE.search(clean)),
        "spec_line": bool(cues.SPEC_LINE_RE.match(clean)),
        "capability_verb": bool(cues.CAPABILITY_VERB_RE.match(clean)),
        "is_has": bool(cues.IS_HAS_RE.search(clean)),
        "gives": bool(cues.GIVES_RE.search(clean)),
        "past": bool(cues.PAST_RE.search(clean)),
        "emoji": bool(cues.EMOJI_RE.search(clean)),
        "title": _is_title(clean, n_words),
    }
