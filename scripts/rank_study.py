"""Does a learned ranking model beat the score against the blind judges' rankings, validated leaving whole rounds out?

    .venv/bin/python scripts/rank_study.py [--cache FILE] [--embeddings FILE.npz] [--second RANKED_DIR ...]
        RANKED_DIR:TEXTS_DIR ...

Each round is given as RANKED_DIR:TEXTS_DIR (RANKED_DIR holds the judge's ranking.md, best first, read as
scripts/blind_figures.py reads it; the texts stay outside the repository, mixed licences). Texts the tool does not
score (unknown type, too little copy) are left out, as the rounds' figures leave them out.

Per text: the score, its six parts and a few general measures the tool computes anyway (FEATURES, measures()). Models, each trained on every round but one and measured by the within-round Spearman on the round
left out (the mean over rounds is the figure):

(a) the current overall score;
(b) a pairwise logistic model (better minus worse, every ranked pair within a training round) on the standardised
    features, its L2 strength chosen by an inner leave-round-out run over the training rounds only;
(c) (b) plus sentence embeddings (--embeddings, from scripts/embed_texts.py in a separate venv), reduced by a PCA
    fitted on the training rounds' texts only.

--second adds a second judge's rankings (RANKED_DIR with ranking.md per round, same round names) and prints how the
two judges agree: the ceiling. --cache keeps the per-text features (a JSON file outside the repository) so a rerun
does not read every text again.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "src"))

import numpy as np  # noqa: E402
from blind_figures import read_ranking  # noqa: E402
from blind_packets import text_id  # noqa: E402
from eval_judged import spearman  # noqa: E402

PARTS = ("substance", "ask", "proof", "buyer_focus", "clarity", "jargon")
FEATURES = (
    *PARTS,
    "statements",
    "trust_breaks",
    "log_words",
    "log_asks",
    "ask_strength",
    "log_proof_items",
    "log_claims",
    "benefit_share",
    "you_share",
    "grade",
    "has_price",
    "log_findings",
    "email",
    "page",
)


def measures(parts: dict[str, float], metric: Callable[[str], float | None], doc, findings, medium: str) -> dict:
    from plainpitch.scoring import _trust_breaks, statement_share
    from plainpitch.text.money import real_prices

    findings = tuple(findings)

    def m(name: str, default: float = 0.0) -> float:
        v = metric(name)
        return default if v is None else float(v)

    features, benefits = m("copy.features"), m("copy.benefits")
    you, we = m("copy.you_count"), m("copy.we_count")
    return {
        **{p: parts[p] / 100.0 for p in PARTS},
        "statements": statement_share(doc, None),
        "trust_breaks": float(len(_trust_breaks(findings))),
        "log_words": math.log1p(max(doc.word_count, 0)),
        "log_asks": math.log1p(m("copy.asks")),
        "ask_strength": m("copy.ask_strength"),
        "log_proof_items": math.log1p(m("copy.proof_items")),
        "log_claims": math.log1p(features + benefits),
        "benefit_share": (benefits + 2) / (features + benefits + 4),
        "you_share": (you + 1) / (you + we + 2),
        "grade": min(m("copy.grade", 8.0), 20.0),
        "has_price": 1.0 if real_prices(doc.text) else 0.0,
        "log_findings": math.log1p(len(findings)),
        "email": 1.0 if medium == "email" else 0.0,
        "page": 1.0 if medium == "page" else 0.0,
    }


def features(report) -> dict[str, float]:
    """The measures of a DocumentReport (plainpitch.runner.check_paths)."""

    def metric(name: str):
        found = report.metric(name)
        return None if found is None else found.value

    parts = {p.name: p.value for p in report.score.parts}
    return measures(parts, metric, report.document, report.findings, report.medium)


C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)  # inverse L2 strength, per pair-averaged loss


def ranked_round(arg: str) -> tuple[str, list[Path]]:
    batch, folder = (Path(x) for x in arg.split(":", 1))
    by_id = {text_id(f): f for f in folder.iterdir()}  # a ranking names a text by its id or its file name
    ranked = [by_id.get(n) or folder / n for n in read_ranking(batch / "ranking.md")]
    return batch.name, [f for f in ranked if f.is_file()]


def text_features(path: Path) -> dict | None:
    from plainpitch.runner import check_paths

    report = check_paths([str(path)], None)
    doc = report.documents[0] if report.documents else None
    if doc is None or doc.score is None or doc.medium == "call":
        return None
    return {"overall": doc.score.overall, "medium": doc.medium, **features(doc)}


def load(rounds: list[tuple[str, list[Path]]], cache: Path | None) -> dict[str, dict | None]:
    known = json.loads(cache.read_text(encoding="utf-8")) if cache and cache.is_file() else {}
    for _, paths in rounds:
        for p in paths:
            if str(p) not in known:
                known[str(p)] = text_features(p)
                if cache:
                    cache.write_text(json.dumps(known), encoding="utf-8")
    return known


# -- models ----------------------------------------------------------------------------------------------------
def pairs(x: np.ndarray) -> np.ndarray:
    """Rows best first: every (better - worse) difference."""
    i, j = np.triu_indices(len(x), 1)
    return x[i] - x[j]


def fit_logistic(d: np.ndarray, c: float, steps: int = 30) -> np.ndarray:
    """Pairwise logistic regression without intercept, mean log-loss + ||w||^2 / (2 c n), Newton steps."""
    w = np.zeros(d.shape[1])
    n = len(d)
    lam = 1.0 / (c * n)
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(d @ w)))
        grad = -(d * (1 - p)[:, None]).mean(0) + lam * w
        hess = (d * (p * (1 - p))[:, None]).T @ d / n + lam * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def standardise(train: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    allx = np.vstack(train)
    mu, sd = allx.mean(0), allx.std(0)
    sd[sd == 0] = 1.0
    return mu, sd


def loro(xs: list[np.ndarray], c: float) -> list[float]:
    """Leave-one-round-out Spearman of the pairwise model with this c (the rounds' rows are best first)."""
    out = []
    for k in range(len(xs)):
        train = [x for j, x in enumerate(xs) if j != k]
        mu, sd = standardise(train)
        w = fit_logistic(np.vstack([pairs((x - mu) / sd) for x in train]), c)
        s = ((xs[k] - mu) / sd) @ w
        out.append(spearman(list(s), [-i for i in range(len(s))]))
    return out


def _fit_and_score(train: list[np.ndarray], test: np.ndarray) -> tuple[float, float]:
    """Fit on the training rounds (c chosen by leaving their rounds out in turn); the left-out round's Spearman
    against its ranking (rows are in the judge's order, best first), and the c chosen."""
    c = max(C_GRID, key=lambda c: float(np.mean(loro(train, c))))
    mu, sd = standardise(train)
    w = fit_logistic(np.vstack([pairs((x - mu) / sd) for x in train]), c)
    s = ((test - mu) / sd) @ w
    return spearman(list(s), [-i for i in range(len(s))]), c


def nested(xs: list[np.ndarray]) -> tuple[list[float], list[float]]:
    """Outer leave-round-out; c chosen by an inner leave-round-out over the training rounds only."""
    held, chosen = [], []
    for k in range(len(xs)):
        rho, c = _fit_and_score([x for j, x in enumerate(xs) if j != k], xs[k])
        held.append(rho)
        chosen.append(c)
    return held, chosen


def with_embeddings(xs, es, n_comp: int) -> tuple[list[float], list[float]]:
    """(b) plus the first n_comp PCA components of the embeddings, the PCA fitted on the training rounds only."""
    held, chosen = [], []
    for k in range(len(xs)):
        train_e = np.vstack([e for j, e in enumerate(es) if j != k])
        mean = train_e.mean(0)
        _, _, vt = np.linalg.svd(train_e - mean, full_matrices=False)
        proj = vt[:n_comp].T
        aug = [np.hstack([x, (e - mean) @ proj]) for x, e in zip(xs, es, strict=True)]
        rho, c = _fit_and_score([x for j, x in enumerate(aug) if j != k], aug[k])
        held.append(rho)
        chosen.append(c)
    return held, chosen


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rounds", nargs="+")
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--embeddings", type=Path)
    parser.add_argument("--components", type=int, default=8)
    parser.add_argument("--second", type=Path)
    parser.add_argument("--features", help="comma-separated subset of the features (default: all)")
    parser.add_argument("--dump-texts", type=Path, help="write each scored text's copy here (for embed_texts.py)")
    parser.add_argument("--fit-all", action="store_true", help="print the coefficients fitted on every round")
    args = parser.parse_args(argv)
    rounds = [ranked_round(a) for a in args.rounds]
    feats = load(rounds, args.cache)
    if args.dump_texts:
        from plainpitch.runner import check_paths

        copy = {str(p): check_paths([str(p)], None).documents[0].document.text
                for _, paths in rounds for p in paths if feats.get(str(p))}  # fmt: skip
        args.dump_texts.write_text(json.dumps(copy), encoding="utf-8")
    names = args.features.split(",") if args.features else list(FEATURES)
    kept = [(name, [p for p in paths if feats.get(str(p))]) for name, paths in rounds]
    kept = [(name, paths) for name, paths in kept if len(paths) >= 3]
    xs = [np.array([[feats[str(p)][f] for f in names] for p in paths], dtype=float) for _, paths in kept]
    base = [spearman([feats[str(p)]["overall"] for p in paths], [-i for i in range(len(paths))]) for _, paths in kept]
    held, chosen = nested(xs)
    cols = {"(a) score": base, "(b) model": held}
    if args.embeddings:
        data = np.load(args.embeddings)
        emb = dict(zip(data["paths"], data["vectors"], strict=True))
        es = [np.array([emb[str(p)] for p in paths]) for _, paths in kept]
        cols[f"(c) +emb{args.components}"] = with_embeddings(xs, es, args.components)[0]
    print(f"{'round':10} {'texts':>5} " + " ".join(f"{k:>12}" for k in cols) + "  c(b)")
    for i, (name, paths) in enumerate(kept):
        print(f"{name:10} {len(paths):5} " + " ".join(f"{v[i]:+12.3f}" for v in cols.values()) + f"  {chosen[i]}")
    print(f"{'mean':10} {'':5} " + " ".join(f"{np.mean(v):+12.3f}" for v in cols.values()))
    for k, v in cols.items():
        if k != "(a) score":
            gain = np.array(v) - np.array(base)
            print(f"{k}: mean gain {gain.mean():+.3f}, better on {(gain > 0).sum()} of {len(gain)} rounds "
                  f"(bar: +0.10 and {int(np.ceil(2 * len(gain) / 3))})")  # fmt: skip
    if args.fit_all:
        c = max(C_GRID, key=lambda c: float(np.mean(loro(xs, c))))
        mu, sd = standardise(xs)
        w = fit_logistic(np.vstack([pairs((x - mu) / sd) for x in xs]), c)
        print(f"fitted on all rounds, c={c}:")
        for n, m, s, wi in zip(names, mu, sd, w, strict=True):
            print(f"  {n:22} mean {m:10.4f} sd {s:10.4f} w {wi:+.4f}")
    if args.second:
        agree = []
        for name, paths in kept:
            f2 = args.second / name / "ranking.md"
            if not f2.is_file():
                continue
            folder = paths[0].parent
            by_id = {text_id(f): f for f in folder.iterdir()}
            order2 = [by_id.get(n) or folder / n for n in read_ranking(f2)]
            both = [p for p in paths if p in order2]
            rho = spearman([-paths.index(p) for p in both], [-order2.index(p) for p in both])
            agree.append(rho)
            i = [n for n, _ in kept].index(name)
            print(f"second judge {name}: {len(both)} texts, judge-judge {rho:+.3f}; on those rounds (a) {base[i]:+.3f}"
                  f" (b) {held[i]:+.3f}")  # fmt: skip
        if agree:
            print(f"judge-judge mean {np.mean(agree):+.3f} over {len(agree)} rounds")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
