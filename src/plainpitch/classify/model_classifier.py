"""Feature / benefit / other from the configured model (``plainpitch check --llm``): a ``Classifier`` back-end.

The page's sentences go in as few requests as fit (``BATCH_CHARS`` of sentence text each), numbered, each with its
place on the page in words (``placement``: the heading it sits under, a list's lead-in, a bold lead-in, a quote),
at the fixed temperature and seed of the settings, JSON mode asked for. The answer is checked strictly: a JSON
object whose ``labels`` hold exactly one entry per sentence id sent, each label one of LABELS, ``sure`` true or
false. Anything else, or a failed request, and the whole document is classed offline (LinearClassifier) with one
note in the report: a document is never half one judge, half the other.

A model gives a label, not a probability: a sure label gets SURE_CONFIDENCE, an unsure one UNSURE_CONFIDENCE,
below the feature-confidence floors of the BEN rules (sales_thresholds), so an unsure "feature" is not flagged
(precision before recall).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from plainpitch.analysis.model_session import ModelAnswerError, Session
from plainpitch.classify import LABELS, Classification, LinearClassifier, placement
from plainpitch.classify.structure import model_text

BATCH_CHARS = 6000  # sentence text per request: with the instructions, inside a small local model's 4k context
BATCH_SENTENCES = 80
SURE_CONFIDENCE = 0.9
UNSURE_CONFIDENCE = 0.55
ANSWER_TOKENS_PER_SENTENCE = 20

SYSTEM = """You label the sentences of sales copy and product documentation, the way a sales copywriter reads them.
Each sentence gets exactly one label:
- "benefit": an outcome or value for the buyer, user or customer: time or money saved, risk or pain avoided, growth, \
work made easier, a result achieved. A sentence that names a feature and the gain it brings is a benefit; so is a \
customer's achieved result, and an "easy to ..." claim.
- "feature": what the product is, has or does, or how it works (capabilities, components, integrations, \
technologies, specs, numbers about the product, a bare quality such as "fast"), without the gain for the buyer.
- "other": neither: company or project background, narrative, adoption statistics, opinions without a product \
claim, instructions and configuration notes, questions, calls to action, legal or community text, headings that \
make no claim.
Read each sentence where it sits on its page (its heading, the line that introduces its list, whether it is \
someone's quoted words). Set "sure" to false when the sentence could fairly take another label.
Answer with one JSON object and nothing else:
{"labels": [{"id": 1, "label": "feature", "sure": true}, ...]}
with exactly one entry for every sentence id you were given."""


class ModelClassifier:
    """The model's classes, or the shipped model's for the whole document when the model's answer is unusable."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def classify(self, doc, indices: Sequence[int]) -> list[Classification]:
        indices = list(indices)
        if not indices:
            return []
        try:
            found: dict[int, Classification] = {}
            for batch in batches(doc, indices):
                found.update(self._ask(doc, batch))
            out = [found[i] for i in indices]
        except ModelAnswerError as exc:
            self.session.fail("sentence classes", str(exc))
            return LinearClassifier().classify(doc, indices)
        self.session.succeed("sentence classes")
        return out

    def _ask(self, doc, batch: list[int]) -> dict[int, Classification]:
        lines = []
        for n, i in enumerate(batch, 1):
            item = {"id": n, "sentence": self.session.send(model_text(doc, i))}
            item.update({k: self.session.send(v) for k, v in placement(doc, i).items()})
            lines.append(json.dumps(item, ensure_ascii=False))
        user = "Sentences to label (one JSON object a line):\n" + "\n".join(lines)
        answer = self.session.ask_json(SYSTEM, user, 40 + ANSWER_TOKENS_PER_SENTENCE * len(batch))
        return {batch[n - 1]: c for n, c in check_labels(answer, len(batch)).items()}


def batches(doc, indices: list[int]) -> list[list[int]]:
    """Consecutive runs of sentences, each under BATCH_CHARS of text and BATCH_SENTENCES sentences."""
    out: list[list[int]] = [[]]
    size = 0
    for i in indices:
        length = len(doc.sentences[i].text) + 60  # the context words beside it
        if out[-1] and (size + length > BATCH_CHARS or len(out[-1]) >= BATCH_SENTENCES):
            out.append([])
            size = 0
        out[-1].append(i)
        size += length
    return out


def check_labels(answer: dict, count: int) -> dict[int, Classification]:
    """{id: Classification} when the answer labels ids 1..count exactly once each, else ModelAnswerError."""
    items = answer.get("labels")
    if not isinstance(items, list):
        raise ModelAnswerError('the model\'s answer has no "labels" list')
    out: dict[int, Classification] = {}
    for item in items:
        if not isinstance(item, dict):
            raise ModelAnswerError("the model's answer has a label entry that is not an object")
        n, label, sure = item.get("id"), item.get("label"), item.get("sure", True)
        if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= count:
            raise ModelAnswerError(f"the model's answer names sentence {n!r}, not one of 1-{count}")
        if n in out:
            raise ModelAnswerError(f"the model's answer labels sentence {n} twice")
        if label not in LABELS:
            raise ModelAnswerError(f"the model's answer has the label {label!r}, not one of {', '.join(LABELS)}")
        if not isinstance(sure, bool):
            raise ModelAnswerError(f'the model\'s answer has "sure": {sure!r}, not true or false')
        out[n] = Classification(label, SURE_CONFIDENCE if sure else UNSURE_CONFIDENCE)
    if len(out) != count:
        missing = min(set(range(1, count + 1)) - set(out))
        raise ModelAnswerError(f"the model's answer left out sentence {missing} of {count}")
    return out
