"""Feature / benefit / other: which sentences sell an outcome and which only describe the product.

    >>> from plainpitch.classify import classify
    >>> classify("Cut your build times in half.").label
    'benefit'

``classify_document`` labels every sentence, heading and list item of a Document once (memoised on the rule
Context), for the BEN rules, the value-up-front and over-explaining checks, the score and the JSON report. It
reads each sentence on its page: the unit it sits in (a heading, a list item, a quote), a bold lead-in, quotation
marks and an attribution (structure.py, context.py), with the in-context model of context_weights.json.
``classify(text)`` reads a sentence with no page around it, with the sentence model of weights.json. Without
weights the keyword rules answer.

Back-ends: anything with ``classify(doc, indices) -> list[Classification]`` (the ``Classifier`` protocol) can
stand in for the linear model, e.g. a language model that reads each sentence with ``placement(doc, i)``, the
same context the linear model reads, in words. ``classify_document(doc, ctx, classifier=...)`` uses it; with a
model configured for check (``Config.judge``), the model back-end (model_classifier.py) is the default.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from plainpitch.classify.baseline import keyword_label
from plainpitch.classify.context import DocumentContext
from plainpitch.classify.features import featurise
from plainpitch.classify.model import LABELS, LinearModel, shipped, shipped_in_context
from plainpitch.classify.overrides import adjust
from plainpitch.classify.structure import model_text, structure
from plainpitch.text.wordsets import unit_word_counts

__all__ = ["LABELS", "Classification", "Classifier", "SentenceClass", "classify", "classify_document",
           "CLASSIFIED_KINDS", "copy_words", "MIN_COPY_WORDS", "document_context", "placement", "clear_caches"]

# Units whose sentences make claims; buttons and bare links are asks, not claims, and table cells are specs in
# a comparison grid, judged by the table's heading rather than cell by cell.
CLASSIFIED_KINDS = frozenset({"subject", "heading", "paragraph", "list_item", "quote", "turn"})
# Below this many words of prose (a one-word file, a list of links, alt text only) there is no copy to judge:
# the sales rules stay quiet and the score is left out rather than invented.
MIN_COPY_WORDS = 2
_COPY_KINDS = CLASSIFIED_KINDS | {"table_cell"}


def copy_words(doc, ctx=None) -> int:
    """Words of prose the buyer reads: headings, paragraphs, list items, quotes, tables, the seller's turns (once per
    analysis when a rule context is given)."""
    if ctx is not None:
        return ctx.memo("copy.words", lambda: copy_words(doc))
    counts = unit_word_counts(doc)
    return sum(n for u, n in zip(doc.units, counts, strict=True) if u.kind in _COPY_KINDS and not u.by_buyer)


@dataclass(frozen=True, slots=True)
class Classification:
    label: str  # benefit | feature | other
    confidence: float  # probability of the label under the model (1.0 from the keyword fallback)


@dataclass(frozen=True, slots=True)
class SentenceClass:
    index: int  # into Document.sentences
    unit: int
    start: int
    end: int
    text: str
    label: str
    confidence: float

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "label": self.label,
                "confidence": round(self.confidence, 3), "unit": self.unit}  # fmt: skip


def decide(model: LinearModel | None, text: str) -> Classification:
    """The model's answer, overruled by the unambiguous hand rules (overrides.py)."""
    if model is None:
        return Classification(keyword_label(text), 1.0)
    label, confidence, probs = model.predict(text)
    label, confidence = adjust(text, label, confidence, probs)
    return Classification(label, confidence)


@lru_cache(maxsize=8192)
def classify(text: str) -> Classification:
    """The class of one sentence with no page around it (cached: an editor re-checks the same sentences)."""
    return decide(shipped(), text)


@lru_cache(maxsize=8192)
def _sentence_features(text: str, groups: tuple[str, ...]) -> dict[str, float]:
    return featurise(text, groups)


def clear_caches() -> None:
    """Forget cached sentences (for honest timings)."""
    classify.cache_clear()
    _sentence_features.cache_clear()
    _in_context.cache_clear()


def document_context(doc) -> DocumentContext:
    """The page around every sentence of the document: structure plus each sentence as the model reads it."""
    return DocumentContext([model_text(doc, i) for i in range(len(doc.sentences))], structure(doc))


class Classifier(Protocol):
    """A back-end that reads sentences of a document in context: one Classification per index, in order."""

    def classify(self, doc, indices: Sequence[int]) -> list[Classification]: ...


class LinearClassifier:
    """The shipped back-end: the in-context linear model, then the unambiguous hand rules (overrides.py).

    ``model`` replaces the shipped weights (training scores each fold's model through this same path)."""

    def __init__(self, model: LinearModel | None = None) -> None:
        self.model = model

    def classify(self, doc, indices: Sequence[int]) -> list[Classification]:
        model = self.model or shipped_in_context()
        if model is None:
            return [classify(doc.sentences[i].text) for i in indices]
        context = document_context(doc)
        out = []
        for i in indices:
            text = context.texts[i]
            around = tuple(sorted(context.features(i, model.context))) if model.context else ()
            if self.model is None:  # the shipped model: an editor re-checks the same sentences in the same places
                out.append(_in_context(text, around))
            else:
                out.append(_decide_in_context(model, text, around))
        return out


def _decide_in_context(model: LinearModel, text: str, around: tuple[str, ...]) -> Classification:
    feats = _sentence_features(text, model.groups)
    if around:
        feats = {**feats, **dict.fromkeys(around, 1.0)}
    label, confidence, probs = model.predict_features(feats)
    label, confidence = adjust(text, label, confidence, probs)
    return Classification(label, confidence)


@lru_cache(maxsize=8192)
def _in_context(text: str, around: tuple[str, ...]) -> Classification:
    return _decide_in_context(shipped_in_context(), text, around)


def placement(doc, index: int) -> dict[str, str]:
    """The context of one sentence in words, for a back-end that reads text (a language model's prompt): its
    kind of unit, the heading it sits under, a list's lead-in line, a bold lead-in it follows, whether it is
    someone's quoted words."""
    place = structure(doc)[index]
    out = {"unit": "bold lead-in" if place.bold_lead else place.kind.replace("_", " ")}
    for key, j in (("heading", place.heading), ("list lead-in", place.intro), ("bold lead-in", place.lead)):
        if 0 <= j != index:
            out[key] = doc.sentences[j].text
    if place.quoted:
        out["quoted"] = "someone else's words (a quote or testimonial)"
    return out


def classified_indices(doc) -> list[int]:
    """The sentences that make claims: not buttons, links or table cells, not the buyer's turns in a call."""
    out = []
    for i, sentence in enumerate(doc.sentences):
        unit = doc.units[sentence.unit]
        if unit.kind not in CLASSIFIED_KINDS or sentence.word_count == 0:
            continue
        if unit.by_buyer:
            continue
        out.append(i)
    return out


def _configured(ctx) -> Classifier | None:
    """The model back-end when the user configured a model for check (``Config.judge``), else None (offline)."""
    if ctx is None or getattr(getattr(ctx, "config", None), "judge", None) is None:
        return None
    # imported only when a model is configured: the HTTP client stays out of an offline check
    from plainpitch.analysis.model_session import session_of
    from plainpitch.classify.model_classifier import ModelClassifier

    session = session_of(ctx)
    return ModelClassifier(session) if session is not None else None


def _classify_all(doc, classifier: Classifier | None) -> tuple[SentenceClass, ...]:
    indices = classified_indices(doc)
    found = (classifier or LinearClassifier()).classify(doc, indices)
    out = []
    for i, item in zip(indices, found, strict=True):
        sentence = doc.sentences[i]
        out.append(SentenceClass(i, sentence.unit, sentence.start, sentence.end, sentence.text, item.label,
                                 item.confidence))  # fmt: skip
    return tuple(out)


def classify_document(doc, ctx=None, classifier: Classifier | None = None) -> tuple[SentenceClass, ...]:
    """Every claim-bearing sentence of the document with its class, computed once per analysis."""
    if ctx is None:
        return _classify_all(doc, classifier)
    return ctx.memo("classify.sentences", lambda: _classify_all(doc, classifier or _configured(ctx)))
