"""Train the feature/benefit/other classifier and write src/plainpitch/classify/weights.json.

    .venv/bin/python scripts/train_classifier.py               # cross-validate, print figures, write the weights
    .venv/bin/python scripts/train_classifier.py --no-write    # figures only
    .venv/bin/python scripts/train_classifier.py --errors      # confusion matrix and misses, fold by fold
    .venv/bin/python scripts/train_classifier.py --experiments # every recipe of EXPERIMENTS, one row each
    .venv/bin/python scripts/train_classifier.py --bench       # inference cost, ms per 1,000 words

Data: ../shared/data/labels/sentences.dev.jsonl (or $PLAINPITCH_SHARED). The model is a logistic regression over
the feature groups of plainpitch.classify.features (word n-grams, hand cues, sentence shape). Word n-grams are
kept only when they occur on at least `min_pages` different source pages of the training folds, so the model
learns how copy is written rather than the vocabulary of one product.

Honest figures: cross-validation is grouped by source page (GroupKFold on `src`), so no page has sentences on
both sides, and each fold's model is exported and scored through the same pure-Python path that ships. The
regularisation strength C is chosen by a second, inner grouped CV inside the training folds only (nested CV), so
the outer fold that is scored never takes part in choosing it. The fixed 5-fold split puts the largest page (89
spec lines of one README) in one fold, so experiments are also scored on five shuffled groupings and averaged.
The shipped weights are then fitted on every labelled sentence (C chosen by grouped CV over all of them); the
figure to quote is the nested grouped-CV one, beside two baselines (majority class; the keyword rules of
plainpitch.classify.baseline).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import sys
import time
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PLAINPITCH_SHARED", ROOT.parent / "shared"))
WEIGHTS = ROOT / "src" / "plainpitch" / "classify" / "weights.json"

LABELS = ("benefit", "feature", "other")
N_SPLITS = 5
INNER_SPLITS = 4
SHUFFLED_SEEDS = (0, 1, 2, 3, 4)


@dataclass(frozen=True)
class Recipe:
    """How a model is made: which feature groups, which regularisation, which weighting."""

    groups: tuple[str, ...] = ("words", "bigrams", "cues")
    C: float | tuple[float, ...] = 0.1  # inverse L2 strength; a tuple is a grid searched by inner grouped CV
    cue_scale: float = 2.0  # cue features count this much: with one L2 penalty they can outweigh one word
    min_pages: int = 2  # a word or character n-gram must occur on this many training pages
    class_weight: str | None = "balanced"
    page_weight: float = 0.0  # each sentence weighs 1 / (its page's size ** page_weight): big pages count less
    overrides: tuple[str, ...] = ("explicit_benefit", "spec_entry", "spec_units")  # hand rules (overrides.py)
    disputed_weight: float = 1.0  # weight of sentences the two annotators first labelled differently
    select_by: str = "log_loss"  # inner-CV criterion for C: "log_loss" (smooth, steadier) or "macro_f1"


C_GRID = (0.03, 0.1, 0.3, 1.0)
SHAPE = ("outcomes", "results", "mood", "subject", "story", "layout", "product")  # shape.py's families
ALL_RULES = ("explicit_benefit", "measured_result", "spec_entry", "spec_units", "doc_aside")
V1 = Recipe()
ALL_SHAPE = replace(V1, groups=(*V1.groups, *SHAPE))
SHIPPED = Recipe(groups=("words", "bigrams", "cues", "outcomes"), C=C_GRID, overrides=ALL_RULES)


def _without(recipe: Recipe, *groups: str) -> Recipe:
    return replace(recipe, groups=tuple(g for g in recipe.groups if g not in groups))


def _rules_without(rule: str) -> tuple[str, ...]:
    return tuple(r for r in ALL_RULES if r != rule)


# Every experiment reported in docs/sales.md, in the order tried; each is scored by the same grouped CV.
EXPERIMENTS: tuple[tuple[str, Recipe], ...] = (
    ("v1: words + bigrams + cues, C 0.1 (the previous release)", V1),
    ("v1 without the hand rules", replace(V1, overrides=())),
    ("v1, C by nested grouped CV", replace(V1, C=C_GRID)),
    ("v1 + every shape family", ALL_SHAPE),
    *((f"v1 + every shape family but {family}", _without(ALL_SHAPE, family)) for family in SHAPE),
    ("v1 + outcomes, results, mood, layout", replace(V1, groups=(*V1.groups, "outcomes", "results", "mood", "layout"))),
    ("v1 + outcome families", replace(V1, groups=SHIPPED.groups)),
    ("v1 + outcome families, C by nested grouped CV", replace(SHIPPED, overrides=V1.overrides)),
    ("+ hand rules measured-result and doc-aside (shipped)", SHIPPED),
    ("shipped without measured-result", replace(SHIPPED, overrides=_rules_without("measured_result"))),
    ("shipped without doc-aside", replace(SHIPPED, overrides=_rules_without("doc_aside"))),
    ("shipped without any hand rule", replace(SHIPPED, overrides=())),
    ("shipped, C chosen by inner macro-F1 instead of log-loss", replace(SHIPPED, select_by="macro_f1")),
    ("shipped without class weights", replace(SHIPPED, class_weight=None)),
    ("shipped, cue scale 1", replace(SHIPPED, cue_scale=1.0)),
    ("shipped, cue scale 4", replace(SHIPPED, cue_scale=4.0)),
    ("shipped, n-grams seen on 1 page (C 0.1)", replace(SHIPPED, min_pages=1, C=0.1)),
    ("shipped, n-grams seen on 5 pages", replace(SHIPPED, min_pages=5)),
    ("shipped, big pages down-weighted (1/sqrt size)", replace(SHIPPED, page_weight=0.5)),
    ("shipped, disputed labels at half weight", replace(SHIPPED, disputed_weight=0.5)),
    ("shipped + word suffixes", replace(SHIPPED, groups=(*SHIPPED.groups, "suffix"))),
    ("shipped + sentence skeleton 2-3-grams", replace(SHIPPED, groups=(*SHIPPED.groups, "skeleton"))),
    ("shipped + character 3-5-grams (C 0.1)", replace(SHIPPED, groups=(*SHIPPED.groups, "chars"), C=0.1)),
    ("shipped without bigrams", _without(SHIPPED, "bigrams")),
    ("cues + outcome families only (no words)", _without(SHIPPED, "words", "bigrams")),
    ("words + bigrams only (no cues)", replace(SHIPPED, groups=("words", "bigrams"))),
)


def load_rows(shared: Path = SHARED) -> list[dict[str, Any]]:
    path = shared / "data" / "labels" / "sentences.dev.jsonl"
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


_FEATURE_CACHE: dict[tuple[str, tuple[str, ...]], dict[str, float]] = {}


def _features(text: str, groups: tuple[str, ...]) -> dict[str, float]:
    from plainpitch.classify.features import featurise

    key = (text, groups)
    if key not in _FEATURE_CACHE:
        _FEATURE_CACHE[key] = featurise(text, groups)
    return _FEATURE_CACHE[key]


def _sample_weights(pages: list[str], disputed: list[bool] | None, recipe: Recipe) -> list[float] | None:
    """Per-sentence training weights (mean 1): big pages count less, disputed labels count less, if asked."""
    if not recipe.page_weight and (recipe.disputed_weight == 1.0 or disputed is None):
        return None
    size = Counter(pages)
    raw = [1.0 / size[p] ** recipe.page_weight for p in pages]
    if disputed is not None:
        raw = [w * (recipe.disputed_weight if d else 1.0) for w, d in zip(raw, disputed, strict=True)]
    mean = sum(raw) / len(raw)
    return [w / mean for w in raw]


def _fit_fixed(
    texts: list[str], labels: list[str], pages: list[str], recipe: Recipe, c: float, disputed: list[bool] | None = None
) -> dict[str, Any]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from plainpitch.classify.features import FEATURE_VERSION

    feats = [_features(t, recipe.groups) for t in texts]
    seen_on: dict[str, set[str]] = defaultdict(set)
    for f, page in zip(feats, pages, strict=True):
        for name in f:
            seen_on[name].add(page)

    def keep(name: str) -> bool:
        return name.startswith("c:") or len(seen_on[name]) >= recipe.min_pages

    rows = [{k: (v * recipe.cue_scale if k.startswith("c:") else v) for k, v in f.items() if keep(k)} for f in feats]
    vec = DictVectorizer()
    matrix = vec.fit_transform(rows)
    sample_weight = _sample_weights(pages, disputed, recipe)
    model = LogisticRegression(C=c, max_iter=5000, class_weight=recipe.class_weight)
    model.fit(matrix, labels, sample_weight=sample_weight)
    classes = [str(k) for k in model.classes_]
    weights: dict[str, list[float]] = {}
    for j, name in enumerate(vec.feature_names_):
        row = [round(float(model.coef_[i][j]), 4) for i in range(len(classes))]
        if max(abs(w) for w in row) >= 0.002:
            weights[name] = row
    return {
        "feature_version": FEATURE_VERSION,
        "groups": list(recipe.groups),
        "classes": classes,
        "intercept": [round(float(b), 4) for b in model.intercept_],
        "cue_scale": recipe.cue_scale,
        "min_pages": recipe.min_pages,
        "C": c,
        "class_weight": recipe.class_weight,
        "page_weight": recipe.page_weight,
        "trained_on": f"{len(texts)} labelled sentences from {len(set(pages))} pages (shared/data/labels)",
        "weights": dict(sorted(weights.items())),
    }


def _predict(data: dict[str, Any], texts: list[str], overrides: tuple[str, ...]) -> list[str]:
    """Labels through the shipped pure-Python path: model.py, then the recipe's hand rules of overrides.py."""
    from plainpitch.classify.model import from_dict
    from plainpitch.classify.overrides import adjust

    model = from_dict(data)
    out = []
    for text in texts:
        label, confidence, probs = model.predict(text)
        out.append(adjust(text, label, confidence, probs, overrides)[0])
    return out


def choose_c(
    texts: list[str], labels: list[str], pages: list[str], recipe: Recipe, disputed: list[bool] | None = None
) -> float:
    """The C of the grid that scores best under an inner grouped CV of these (training) sentences only.

    The criterion is the recipe's: mean log-loss of the model's probabilities (smooth, so a few sentences
    flipping across the argmax do not decide it) or macro-F1 of the final labels.
    """
    from sklearn.model_selection import GroupKFold

    from plainpitch.classify.model import from_dict

    assert isinstance(recipe.C, tuple)
    n_splits = min(INNER_SPLITS, len(set(pages)))
    splits = list(GroupKFold(n_splits=n_splits).split(texts, labels, pages))
    best, best_score = recipe.C[0], -math.inf
    for c in recipe.C:
        pred = [""] * len(texts)
        loss = 0.0
        for train, test in splits:
            sub = None if disputed is None else [disputed[i] for i in train]
            data = _fit_fixed([texts[i] for i in train], [labels[i] for i in train], [pages[i] for i in train],
                              recipe, c, sub)  # fmt: skip
            tests = [texts[i] for i in test]
            for i, label in zip(test, _predict(data, tests, recipe.overrides), strict=True):
                pred[i] = label
            model = from_dict(data)
            loss += sum(-math.log(max(model.predict(texts[i])[2][labels[i]], 1e-12)) for i in test)
        score = -loss / len(texts) if recipe.select_by == "log_loss" else per_class(labels, pred)["macro_f1"]
        if score > best_score + 1e-9:  # ties keep the smaller C: the simpler model
            best, best_score = c, score
    return best


def fit(
    texts: list[str], labels: list[str], pages: list[str], recipe: Recipe = SHIPPED, disputed: list[bool] | None = None
) -> dict[str, Any]:
    """Fit on the given sentences; return the weights as the dict that weights.json holds.

    `disputed` marks sentences the annotators first disagreed on (used only when the recipe down-weights them).
    """
    c = choose_c(texts, labels, pages, recipe, disputed) if isinstance(recipe.C, tuple) else recipe.C
    data = _fit_fixed(texts, labels, pages, recipe, c, disputed)
    if isinstance(recipe.C, tuple):
        data["C_grid"] = list(recipe.C)
    return data


def fit_all(rows: list[dict[str, Any]], recipe: Recipe = SHIPPED) -> dict[str, Any]:
    """The shipped weights: fitted on every labelled sentence."""
    return fit([r["text"] for r in rows], [r["label"] for r in rows], [r["src"] for r in rows], recipe,
               [not r.get("agreed", True) for r in rows])  # fmt: skip


def per_class(gold: list[str], pred: list[str]) -> dict[str, Any]:
    """Precision, recall and F1 per class, macro-F1 and accuracy."""
    out: dict[str, Any] = {}
    for label in LABELS:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == p == label)
        n_pred = sum(1 for p in pred if p == label)
        n_gold = sum(1 for g in gold if g == label)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[label] = {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3), "support": n_gold}
    out["macro_f1"] = round(sum(out[label]["f1"] for label in LABELS) / len(LABELS), 3)
    out["accuracy"] = round(sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / max(len(gold), 1), 3)
    return out


def grouped_predictions(
    rows: list[dict[str, Any]], recipe: Recipe = SHIPPED, n_splits: int = N_SPLITS, seed: int | None = None
) -> tuple[list[str], list[dict[str, Any]]]:
    """Out-of-fold labels for every row (grouped by page) and, per fold, its test rows and chosen C."""
    from sklearn.model_selection import GroupKFold

    texts = [r["text"] for r in rows]
    gold = [r["label"] for r in rows]
    pages = [r["src"] for r in rows]
    splitter = GroupKFold(n_splits, shuffle=seed is not None, random_state=seed)
    pred = [""] * len(rows)
    folds = []
    for train, test in splitter.split(texts, gold, pages):
        disputed = [not rows[i].get("agreed", True) for i in train]
        data = fit([texts[i] for i in train], [gold[i] for i in train], [pages[i] for i in train], recipe, disputed)
        for i, label in zip(test, _predict(data, [texts[i] for i in test], recipe.overrides), strict=True):
            pred[i] = label
        folds.append({"test": list(test), "C": data["C"]})
    return pred, folds


def cross_validate(rows: list[dict[str, Any]], recipe: Recipe = SHIPPED, n_splits: int = N_SPLITS) -> dict[str, Any]:
    """Grouped CV by source page; predictions go through the shipped pure-Python model."""
    from plainpitch.classify.baseline import keyword_label

    texts = [r["text"] for r in rows]
    gold = [r["label"] for r in rows]
    pages = [r["src"] for r in rows]
    pred, folds = grouped_predictions(rows, recipe, n_splits)
    majority = Counter(gold).most_common(1)[0][0]
    by_group: dict[str, Any] = {}
    for group in sorted({r["group"] for r in rows}):
        idx = [i for i, r in enumerate(rows) if r["group"] == group]
        by_group[group] = per_class([gold[i] for i in idx], [pred[i] for i in idx])["macro_f1"]
    nested = " (C chosen by inner grouped CV in the training folds)" if isinstance(recipe.C, tuple) else ""
    return {
        "method": f"GroupKFold({n_splits}) by source page; {len(rows)} sentences, {len(set(pages))} pages{nested}",
        "model": per_class(gold, pred),
        "confusion": confusion(gold, pred),
        "C_by_fold": [f["C"] for f in folds],
        "test_pages_by_fold": [sorted({pages[i] for i in f["test"]}) for f in folds],
        "macro_f1_by_group": by_group,
        "baseline_majority": per_class(gold, [majority] * len(gold)),
        "baseline_keywords": per_class(gold, [keyword_label(t) for t in texts]),
        "annotator_agreement_macro_f1": 0.78,
        "target_macro_f1": 0.85,
    }


def shuffled_macro_f1(rows: list[dict[str, Any]], recipe: Recipe, seeds=SHUFFLED_SEEDS) -> tuple[float, float]:
    """Mean and standard deviation of macro-F1 over shuffled groupings (GroupKFold with shuffle, one per seed)."""
    gold = [r["label"] for r in rows]
    scores = [per_class(gold, grouped_predictions(rows, recipe, seed=s)[0])["macro_f1"] for s in seeds]
    return statistics.mean(scores), statistics.pstdev(scores)


def confusion(gold: list[str], pred: list[str]) -> dict[str, dict[str, int]]:
    """Rows are the labels, columns the predictions."""
    counts = Counter(zip(gold, pred, strict=True))
    return {g: {p: counts[(g, p)] for p in LABELS} for g in LABELS}


def print_report(cv: dict[str, Any]) -> None:
    print(f"feature/benefit classifier — {cv['method']}")
    print(f"{'':10} {'precision':>9} {'recall':>7} {'f1':>6} {'support':>8}")
    for label in LABELS:
        row = cv["model"][label]
        print(f"{label:10} {row['precision']:>9.3f} {row['recall']:>7.3f} {row['f1']:>6.3f} {row['support']:>8}")
    print(f"macro-F1 {cv['model']['macro_f1']:.3f} (accuracy {cv['model']['accuracy']:.3f}); by group "
          + ", ".join(f"{k} {v:.3f}" for k, v in cv["macro_f1_by_group"].items()))
    if "confusion" in cv:
        print("confusion (rows gold, columns predicted b/f/o): "
              + "; ".join(f"{g} {' '.join(str(n) for n in cv['confusion'][g].values())}" for g in LABELS))
    print(f"baselines: majority class {cv['baseline_majority']['macro_f1']:.3f}, "
          f"keyword rules {cv['baseline_keywords']['macro_f1']:.3f}; annotator agreement 0.78; target 0.85")


def print_errors(rows: list[dict[str, Any]], recipe: Recipe = SHIPPED, per_fold: int = 40) -> None:
    """Error analysis: each fold's pages, confusion matrix and up to `per_fold` misclassified sentences."""
    gold = [r["label"] for r in rows]
    pred, folds = grouped_predictions(rows, recipe)
    for k, fold in enumerate(folds):
        test = fold["test"]
        g = [gold[i] for i in test]
        p = [pred[i] for i in test]
        print(f"== fold {k}: {len(test)} sentences from {len({rows[i]['src'] for i in test})} pages, C {fold['C']}, "
              f"macro-F1 {per_class(g, p)['macro_f1']:.3f}")
        for label, row in confusion(g, p).items():
            print(f"   {label:8} -> " + "  ".join(f"{k2[0]} {n:3}" for k2, n in row.items()))
        misses = [i for i in test if pred[i] != gold[i]]
        for i in misses[:per_fold]:
            flag = "" if rows[i].get("agreed", True) else " (annotators disagreed)"
            print(f"   {gold[i][:3]}->{pred[i][:3]} [{rows[i]['src']}]{flag} {rows[i]['text'][:130]}")


def run_experiments(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for name, recipe in EXPERIMENTS:
        started = time.perf_counter()
        cv = cross_validate(rows, recipe)
        mean, sd = shuffled_macro_f1(rows, recipe)
        m = cv["model"]
        row = {"experiment": name, "macro_f1": m["macro_f1"], "shuffled_mean": round(mean, 3),
               "shuffled_sd": round(sd, 3), "benefit_f1": m["benefit"]["f1"], "feature_f1": m["feature"]["f1"], "other_f1": m["other"]["f1"],
               "C_by_fold": cv["C_by_fold"], "recipe": asdict(recipe)}  # fmt: skip
        out.append(row)
        print(f"| {name} | {m['macro_f1']:.3f} | {mean:.3f} ± {sd:.3f} | {m['benefit']['f1']:.3f} | "
              f"{m['feature']['f1']:.3f} | {m['other']['f1']:.3f} |  ({time.perf_counter() - started:.0f} s)",
              flush=True)  # fmt: skip
    return out


def bench(rows: list[dict[str, Any]], repeats: int = 5) -> dict[str, float]:
    """Inference cost of the shipped model, uncached: ms per 1,000 words (median of `repeats` passes)."""
    from plainpitch.classify import decide
    from plainpitch.classify.model import shipped

    model = shipped()
    texts = [r["text"] for r in rows]
    words = sum(len(t.split()) for t in texts)
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        for t in texts:
            decide(model, t)
        times.append(time.perf_counter() - started)
    ms = 1000 * statistics.median(times)
    return {"sentences": len(texts), "words": words, "ms_per_1000_words": round(1000 * ms / words, 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--no-write", action="store_true", help="only cross-validate and print the figures")
    parser.add_argument("--errors", action="store_true", help="print each fold's confusion matrix and misses")
    parser.add_argument("--experiments", action="store_true", help="score every recipe of EXPERIMENTS")
    parser.add_argument("--bench", action="store_true", help="time the shipped model, ms per 1,000 words")
    parser.add_argument("--json", type=Path, help="with --experiments: also write the rows to this file")
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    args = parser.parse_args(argv)
    rows = load_rows(args.shared)
    if args.errors:
        print_errors(rows)
        return 0
    if args.experiments:
        print("| experiment | macro-F1, GroupKFold(5) | mean ± sd, 5 shuffled groupings | benefit | feature | other |")
        print("|---|---|---|---|---|---|")
        result = run_experiments(rows)
        if args.json:
            args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        return 0
    if args.bench:
        print(json.dumps(bench(rows)))
        return 0
    cv = cross_validate(rows)
    print_report(cv)
    if not args.no_write:
        data = fit_all(rows)
        data["grouped_cv_macro_f1"] = cv["model"]["macro_f1"]
        if not all(math.isfinite(b) for b in data["intercept"]):
            raise SystemExit("training diverged: no weights written")
        args.out.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out} "
              f"({len(data['weights'])} features, C {data['C']}, {args.out.stat().st_size / 1024:.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
