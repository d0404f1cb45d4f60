"""Sentence -> sparse features for the feature/benefit classifier: word n-grams plus the hand cues.

The same function runs at training time (scripts/train_classifier.py) and at run time (model.py), so the
shipped weights always mean what the code computes. Pure Python; no scikit-learn at run time.

Features come in named groups; the weights file records which groups it was trained on, so an experiment that
adds or drops a group (scripts/train_classifier.py --experiments) never needs a second code path:

- ``words``: lower-cased word unigrams (digits folded to 0);
- ``bigrams``: word bigrams, with ``<s>`` marking the first word;
- ``cues``: the hand cues of cues.py (outcome words, you/we, specs, instructions, story, asks);
- ``outcomes``, ``results``, ``mood``, ``subject``, ``story``, ``layout``, ``product``: the families of
  sentence-shape cues of shape.py, one group each;
- ``suffix``: the last three letters of longer words (-ing, -ed, -ity): tense and word class without a tagger;
- ``chars``: character 3- to 5-grams inside words (tried; see docs/sales.md);
- ``skeleton``: 2- and 3-grams of the sentence with its content words replaced by their shape (a name, a
  number, code, a word ending in -ing / -ed / -ly / -s), the function words kept: "Cargo is the build tool for
  Rust" -> "w is the w w for N", the same shape whatever the product.
"""

from __future__ import annotations

from plainpitch.classify import cues
from plainpitch.classify.shape import FAMILIES, shape_flags
from plainpitch.text import lazy_re

FEATURE_VERSION = 2  # bump when the features change: the weights file must be retrained
SHAPE_GROUPS = tuple(FAMILIES)  # one group per family of shape.py: outcomes, results, mood, subject, …
GROUPS = ("words", "bigrams", "cues", *SHAPE_GROUPS, "suffix", "chars", "skeleton")
DEFAULT_GROUPS = ("words", "bigrams", "cues", "outcomes")  # the shipped recipe (scripts/train_classifier.py)
_TOKEN_RE = lazy_re.compile(r"[a-z0-9]+(?:['.\-_][a-z0-9]+)*")
_DIGITS_RE = lazy_re.compile(r"\d")


def featurise(text: str, groups: tuple[str, ...] = DEFAULT_GROUPS) -> dict[str, float]:
    """Binary features of one sentence, heading or list item, from the named groups."""
    view = cues.view_of(text)
    clean = view.clean
    toks = _TOKEN_RE.findall(_DIGITS_RE.sub("0", view.low) if view.digit else view.low)  # digits fold to 0
    feats: dict[str, float] = {}
    if "words" in groups:
        for tok in toks:
            feats["w:" + tok] = 1.0
    if "bigrams" in groups:
        padded = ["<s>", *toks]
        for a, b in zip(padded, padded[1:], strict=False):
            feats[f"b:{a}_{b}"] = 1.0
    if "suffix" in groups:
        for tok in toks:
            if len(tok) >= 6 and tok.isalpha():
                feats["x:" + tok[-3:]] = 1.0
    if "chars" in groups:
        for tok in toks:
            padded_tok = f" {tok} "
            for n in (3, 4, 5):
                for i in range(len(padded_tok) - n + 1):
                    feats["g:" + padded_tok[i : i + n]] = 1.0
    if "skeleton" in groups:
        skel = ["<s>", *_skeleton(clean), "</s>"]
        for n in (2, 3):
            for i in range(len(skel) - n + 1):
                feats["k:" + " ".join(skel[i : i + n])] = 1.0
    if "cues" in groups:
        for name, on in _cue_flags(view, len(toks)).items():
            if on:
                feats["c:" + name] = 1.0
    families = [g for g in groups if g in FAMILIES]
    if families:
        for name, on in shape_flags(view, len(toks), families).items():
            if on:
                feats["c:s_" + name] = 1.0
    return feats


# Function words and the verbs and pronouns that carry a sentence's shape; everything else becomes its shape.
_FUNCTION_WORDS = frozenset(
    """a an the this that these those it its they them their we our us you your i my me he she his her who which
    what when where why how if then than so and or but not no nor as at by for from in into of on onto to with
    without about over under up down out off via per each every all any some many most more less few fewer
    is are was were be been being has have had do does did can could will would shall should may might must
    just also only even now still already very too there here such both either neither own same other""".split()
)
_SKELETON_TOKEN_RE = lazy_re.compile(r"`[^`]*`|[\w'’.-]+|[:;!?()\"“”]")


def _skeleton(clean: str) -> list[str]:
    out = []
    for i, tok in enumerate(_SKELETON_TOKEN_RE.findall(clean)):
        low = tok.lower()
        if low in _FUNCTION_WORDS:
            out.append(low)
        elif tok.startswith("`") or "_" in tok or "." in tok.strip("."):
            out.append("C")  # code or an identifier
        elif tok[0].isdigit():
            out.append("0")
        elif not tok[0].isalnum():
            out.append(tok)
        elif i > 0 and tok[0].isupper():
            out.append("N")  # a name
        elif low.endswith("ing"):
            out.append("w-ing")
        elif low.endswith("ed"):
            out.append("w-ed")
        elif low.endswith("ly"):
            out.append("w-ly")
        elif low.endswith("s") and not low.endswith("ss"):
            out.append("w-s")
        else:
            out.append("w")
    return out


def _is_title(clean: str, n_words: int) -> bool:
    """A bare title: a few capitalised words, no sentence punctuation ("HTTP Listener v2 Input Plugin")."""
    if not 0 < n_words <= 8 or clean.rstrip().endswith((".", "!", "?", ":")):
        return False
    words = [w for w in clean.split() if w[:1].isalpha()]
    caps = sum(1 for w in words if w[:1].isupper())
    return bool(words) and caps / len(words) >= 0.6


def _cue_flags(view: cues.View, n_words: int) -> dict[str, bool]:
    clean = view.clean
    you = view.search(cues.YOU_RE)
    we = view.search(cues.WE_RE)
    outcome = view.count(cues.OUTCOME_RE)
    feature_verb = view.search(cues.FEATURE_VERB_RE)
    tech = cues.technical_detail(view)
    has_number = view.digit and view.search(cues.NUMBER_RE)
    quality = view.search(cues.QUALITY_RE)
    return {
        "you": you,
        "we": we,
        "outcome": outcome > 0,
        "outcome2": outcome > 1,
        "result_number": has_number and view.search(cues.RESULT_RE),
        "you_outcome": you and outcome > 0,
        "feature_verb": feature_verb,
        "feature_no_outcome": feature_verb and outcome == 0,
        "tech1": tech > 0,
        "tech3": tech > 2,
        "tech_dense": n_words > 0 and tech / n_words > 0.25,
        "number_unit": view.digit and view.search(cues.NUMBER_UNIT_RE),
        "code": bool(cues.CODE_TOKEN_RE.search(clean)),
        "instruction": view.match(cues.INSTRUCTION_RE),
        "story": view.search(cues.STORY_RE),
        "question": clean.rstrip().endswith("?"),
        "colon_end": clean.rstrip().endswith(":"),
        "ask": view.search(cues.ASK_RE),
        "quote": '"' in clean or " said" in clean or " says" in clean,
        "len_short": n_words <= 4,
        "len_mid": 5 <= n_words <= 14,
        "len_long": n_words > 25,
        "no_end_punct": not clean.rstrip().endswith((".", "!", "?", ":")),
        "quality": quality,
        "quality_no_outcome": outcome == 0 and quality,
        "doc_note": view.search(cues.DOC_NOTE_RE),
        "spec_line": bool(cues.SPEC_LINE_RE.match(clean)),
        "capability_verb": view.match(cues.CAPABILITY_VERB_RE),
        "is_has": view.search(cues.IS_HAS_RE),
        "gives": view.search(cues.GIVES_RE),
        "past": view.search(cues.PAST_RE),
        "emoji": bool(cues.EMOJI_RE.search(clean)),
        "title": _is_title(clean, n_words),
    }
