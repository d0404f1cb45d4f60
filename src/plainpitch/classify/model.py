"""The shipped linear models: dicts of weights read from JSON, scored in pure Python.

``weights.json`` reads a sentence alone; ``context_weights.json`` reads a sentence on its page (its feature groups
plus the context groups of context.py). scripts/train_classifier.py fits both (scikit-learn, a dev dependency);
nothing here needs scikit-learn or numpy, so start-up stays fast and nothing is downloaded at run time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from plainpitch.classify.context import CONTEXT_GROUPS
from plainpitch.classify.features import DEFAULT_GROUPS, FEATURE_VERSION, GROUPS, featurise

LABELS = ("benefit", "feature", "other")
WEIGHTS_FILE = "weights.json"
CONTEXT_WEIGHTS_FILE = "context_weights.json"


@dataclass(frozen=True)
class LinearModel:
    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: Mapping[str, tuple[float, ...]]
    cue_scale: float = 1.0
    groups: tuple[str, ...] = DEFAULT_GROUPS  # the feature groups (features.py) the weights were trained on
    context: tuple[str, ...] = ()  # the context groups (context.py) of an in-context model

    def scores(self, feats: Mapping[str, float]) -> list[float]:
        totals = list(self.intercept)
        weights = self.weights
        scale = self.cue_scale
        for name, value in feats.items():
            row = weights.get(name)
            if row is None:
                continue
            if name.startswith("c:"):
                value *= scale
            for i, w in enumerate(row):
                totals[i] += w * value
        return totals

    def predict(self, text: str) -> tuple[str, float, dict[str, float]]:
        """(label, confidence, probability per class) of one sentence."""
        return self.predict_features(featurise(text, self.groups))

    def predict_features(self, feats: Mapping[str, float]) -> tuple[str, float, dict[str, float]]:
        """(label, confidence, probability per class) from features already computed (sentence and context)."""
        raw = self.scores(feats)
        top = max(raw)
        exps = [math.exp(s - top) for s in raw]
        total = sum(exps)
        probs = {c: e / total for c, e in zip(self.classes, exps, strict=True)}
        label = max(probs, key=probs.__getitem__)
        return label, probs[label], probs


def from_dict(data: Mapping) -> LinearModel:
    if data.get("feature_version") != FEATURE_VERSION:
        raise ValueError(
            f"weights were trained on features v{data.get('feature_version')}, the code computes v{FEATURE_VERSION}; "
            "run scripts/train_classifier.py"
        )
    groups = tuple(data.get("groups", DEFAULT_GROUPS))
    context = tuple(data.get("context", ()))
    unknown = (set(groups) - set(GROUPS)) | (set(context) - set(CONTEXT_GROUPS))
    if unknown:
        raise ValueError(f"weights name unknown feature groups {sorted(unknown)}; run scripts/train_classifier.py")
    return LinearModel(
        classes=tuple(data["classes"]),
        intercept=tuple(data["intercept"]),
        weights={k: tuple(v) for k, v in data["weights"].items()},
        cue_scale=float(data.get("cue_scale", 1.0)),
        groups=groups,
        context=context,
    )


@lru_cache(maxsize=2)
def _load(name: str) -> LinearModel | None:
    try:
        text = (resources.files("plainpitch.classify") / name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    return from_dict(json.loads(text))


def shipped() -> LinearModel | None:
    """The sentence model in the package, or None when no weights file ships (the keyword rules take over)."""
    return _load(WEIGHTS_FILE)


def shipped_in_context() -> LinearModel | None:
    """The in-context model in the package, or None (then each sentence is read alone)."""
    return _load(CONTEXT_WEIGHTS_FILE)
