"""Feature / benefit / other: which sentences sell an outcome and which only describe the product.

    >>> from plainpitch.classify import classify
    >>> classify("Cut your build times in half.").label
    'benefit'

``classify_document`` labels every sentence, heading and list item of a Document once (memoised on the rule
Context), for the BEN rules, the value-up-front and over-explaining checks, the score and the JSON report.
The model is the small linear one in weights.json (see model.py); without it the keyword rules answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from plainpitch.classify.baseline import keyword_label
from plainpitch.classify.model import LABELS, LinearModel, shipped
from plainpitch.classify.overrides import adjust

__all__ = ["LABELS", "Classification", "SentenceClass", "classify", "classify_document", "CLASSIFIED_KINDS",
           "copy_words", "MIN_COPY_WORDS"]

# Units whose sentences make claims; buttons and bare links are asks, not claims, and table cells are specs in
# a comparison grid, judged by the table's heading rather than cell by cell.
CLASSIFIED_KINDS = frozenset({"subject", "heading", "paragraph", "list_item", "quote", "turn"})
# Below this many words of prose (a one-word file, a list of links, alt text only) there is no copy to judge:
# the sales rules stay quiet and the score is left out rather than invented.
MIN_COPY_WORDS = 2
_COPY_KINDS = CLASSIFIED_KINDS | {"table_cell"}


def copy_words(doc) -> int:
    """Words of prose the buyer reads: headings, paragraphs, list items, quotes, tables, the seller's turns."""
    kinds = [u.kind in _COPY_KINDS and not (u.turn is not None and u.turn.role == "buyer") for u in doc.units]
    return sum(1 for w in doc.words if kinds[w.unit])


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
    """The class of one sentence (cached: an editor re-checks the same sentences on every keystroke)."""
    return decide(shipped(), text)


def _classify_all(doc) -> tuple[SentenceClass, ...]:
    out = []
    for i, sentence in enumerate(doc.sentences):
        unit = doc.units[sentence.unit]
        if unit.kind not in CLASSIFIED_KINDS or sentence.word_count == 0:
            continue
        if unit.kind == "turn" and unit.turn is not None and unit.turn.role == "buyer":
            continue
        found = classify(sentence.text)
        out.append(SentenceClass(i, sentence.unit, sentence.start, sentence.end, sentence.text, found.label,
                                 found.confidence))  # fmt: skip
    return tuple(out)


def classify_document(doc, ctx=None) -> tuple[SentenceClass, ...]:
    """Every claim-bearing sentence of the document with its class, computed once per analysis."""
    if ctx is None:
        return _classify_all(doc)
    return ctx.memo("classify.sentences", lambda: _classify_all(doc))
