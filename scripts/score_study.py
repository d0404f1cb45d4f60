"""How the score's parts track rankings of real texts as sales copy: per set, the within-set Spearman of the overall
score and of each part; then a pairwise fit of the part weights, validated leaving each set out.

    .venv/bin/python scripts/score_study.py [RANKED_DIR:TEXTS_DIR ...]

The sets: the copywriter's eleven dev texts (shared/data/judged, eval_judged.RANKING) always, and each blind round
given as BATCH_DIR:TEXTS_DIR (its ranking.md, best first, as scripts/blind_figures.py reads it; the texts stay
outside the repository, mixed licences). This is how scoring.WEIGHTS were chosen (round numbers near the fit); the
figures go in the README beside the previous weights'. A part's weight is comparable with another's: every part is
0-100. The fit is a logistic model on the differences of the parts of every ranked pair within a set.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "src"))

from blind_figures import read_ranking  # noqa: E402
from blind_packets import text_id  # noqa: E402
from eval_judged import RANKING, SHARED, spearman, texts  # noqa: E402


def ranked_sets(args: list[str]) -> list[tuple[str, list[Path]]]:
    dev = texts(SHARED)
    sets = [("dev", [dev[t] for t in RANKING])]
    for arg in args:
        batch, folder = (Path(x) for x in arg.split(":", 1))
        by_id = {text_id(f): f for f in folder.iterdir()}  # a ranking names a text by its id or its file name
        ranked = [by_id.get(n) or folder / n for n in read_ranking(batch / "ranking.md")]
        sets.append((batch.name, [f for f in ranked if f.is_file()]))
    return sets


def parts_of(path: Path) -> dict[str, float] | None:
    from plainpitch.runner import check_paths

    report = check_paths([str(path)], None)
    doc = report.documents[0] if report.documents else None
    if doc is None or doc.score is None:
        return None
    return {"overall": doc.score.overall, **{p.name: p.value for p in doc.score.parts}}


def fit(pairs: list[list[float]], steps: int = 50, ridge: float = 1.0) -> list[float]:
    """Pairwise logistic regression (better minus worse), Newton steps, a small ridge."""
    import numpy as np

    x = np.array(pairs) / 100.0
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w)))
        grad = -(x * (1 - p)[:, None]).mean(0) + ridge * w / len(x)
        hess = (x * (p * (1 - p))[:, None]).T @ x / len(x) + ridge * np.eye(len(w)) / len(x)
        w -= np.linalg.solve(hess, grad)
    return list(w)


def main(argv: list[str]) -> int:
    from plainpitch.scoring import SUBSCORES

    sets = []
    for name, paths in ranked_sets(argv):
        scored = [(i, parts) for i, p in enumerate(paths) if (parts := parts_of(p)) is not None]
        sets.append((name, scored))
    print(f"{'set':10} {'texts':>5} " + " ".join(f"{k:>11}" for k in ("overall", *SUBSCORES)))
    means: dict[str, list[float]] = {}
    for name, scored in sets:
        row = []
        for key in ("overall", *SUBSCORES):
            rho = spearman([parts[key] for _, parts in scored], [-i for i, _ in scored])
            means.setdefault(key, []).append(rho)
            row.append(f"{rho:+11.2f}")
        print(f"{name:10} {len(scored):5} " + " ".join(row))
    print(f"{'mean':10} {'':5} " + " ".join(f"{sum(v) / len(v):+11.2f}" for v in means.values()))

    def pairs(scored):  # scored is best first, so the first of every pair is the better text
        return [[a[k] - b[k] for k in SUBSCORES] for (_, a), (_, b) in itertools.combinations(scored, 2)]

    held = []
    for k, (_, scored) in enumerate(sets):
        w = fit([p for j, (_, s) in enumerate(sets) if j != k for p in pairs(s)])
        held.append(spearman([sum(wi * parts[n] for wi, n in zip(w, SUBSCORES, strict=True)) for _, parts in scored],
                             [-i for i, _ in scored]))  # fmt: skip
    w = fit([p for _, s in sets for p in pairs(s)])
    positive = [max(0.0, x) for x in w]
    print("fitted weights (normalised, negatives as 0):",
          ", ".join(f"{n} {x / sum(positive):.2f}" for n, x in zip(SUBSCORES, positive, strict=True)))  # fmt: skip
    print(
        f"leave-one-set-out Spearman of the fit: mean {sum(held) / len(held):+.2f}, per set "
        + " ".join(f"{h:+.2f}" for h in held)
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
