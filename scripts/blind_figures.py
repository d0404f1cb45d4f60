"""Figures of one blind batch: how the findings a blind judge labelled fare, and how the score ranks the texts
against the judge's ranking. The texts stay outside the repository (fresh texts have mixed licences); only the
figures are kept (eval/blind/PROTOCOL.md).

    .venv/bin/python scripts/blind_figures.py BATCH_DIR [--texts DIR] [--json OUT]

BATCH_DIR is what scripts/blind_packets.py wrote, plus the judge's labels.csv and, optionally, ranking.md (the
texts best first, one per line, as "1. 07 ...", "07 ..." or "1. page.md — ...": a judged text's two-digit id, else
its file name, as scripts/blind_packets.py files labels). --texts is the folder of all the batch's
texts (default BATCH_DIR/all, else BATCH_DIR): every text is scored with the default flags for the rank correlation.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "src"))

from blind_packets import text_id  # noqa: E402
from eval_judged import spearman  # noqa: E402

from plainpitch.formats import COPY, extensions  # noqa: E402

TEXT_SUFFIXES = set(extensions(COPY))  # every name ``check`` reads (templates included)
_RANK_LINE_RE = re.compile(r"^\s*(?:\d+[.)]\s*)?[*`]*\s*(\d{2}\b|[^\s*`]+)")


def read_labels(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return [row for row in csv.DictReader(fh) if row.get("label") in ("RU", "RT", "W")]


def read_ranking(path: Path) -> list[str]:
    seen: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _RANK_LINE_RE.match(line)
        if m and m.group(1) not in seen:
            seen.append(m.group(1))
    return seen


def scores(folder: Path) -> dict[str, float]:
    from plainpitch.runner import check_paths

    out = {}
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in TEXT_SUFFIXES:
            report = check_paths([str(path)], None)
            if report.documents and report.documents[0].score is not None:
                out[text_id(path)] = report.documents[0].score.overall
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("batch", type=Path)
    parser.add_argument("--texts", type=Path)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    rows = read_labels(args.batch / "labels.csv")
    labels = Counter(r["label"] for r in rows)
    by_rule: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        by_rule[r["code"]][r["label"]] += 1
    n = sum(labels.values())
    result: dict = {
        "judged": n,
        "labels": dict(labels),
        "useful_share": round(labels["RU"] / n, 3) if n else None,
        "wrong_share": round(labels["W"] / n, 3) if n else None,
        "by_rule": {code: dict(c) for code, c in sorted(by_rule.items())},
        "rules_at_least_half_useful": sorted(c for c, v in by_rule.items() if v["RU"] * 2 >= sum(v.values())),
    }
    ranking_file = args.batch / "ranking.md"
    if ranking_file.is_file():
        ranking = read_ranking(ranking_file)
        folder = args.texts or (args.batch / "all" if (args.batch / "all").is_dir() else args.batch)
        got = scores(folder)
        order = [t for t in ranking if t in got]
        result["scores"] = got
        result["ranking"] = ranking
        result["spearman_vs_judge"] = spearman([got[t] for t in order], [-ranking.index(t) for t in order])
    text = json.dumps(result, indent=2)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
