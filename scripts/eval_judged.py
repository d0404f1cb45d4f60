"""Judged real copy for `make eval`: how plainpitch's findings on real texts fare against a copywriter's judgement.

    .venv/bin/python scripts/eval_judged.py [--shared ../shared] [--dump DIR]

``run(shared) -> dict`` is what scripts/eval.py calls. The texts are the dev half of a trial on real copy nobody on
the project wrote (shared/data/judged/copy: landing and pricing pages, cold and product emails, a proposal,
READMEs). Every finding plainpitch 0.1.0 gave there was judged by a copywriter: RU right and useful, RT right but
trivial, W wrong (findings.judged.csv). A finding of today's plainpitch is matched to that judgement by text, rule
code, line and flagged text. A finding the copywriter never saw is labelled from the blind judgements in
eval/blind/*.csv (a reader who saw only the text and the finding, never the code: see eval/blind/PROTOCOL.md);
what neither covers is counted as unjudged and listed, so the figures never pretend.

Two runs, as the issue asks: the default flags, and the flags a user would choose for each text (its real reader
and sales context, as the trial's README states them). Measured for each run: the share of findings RU/RT/W, per
rule and per severity; the number of findings per text; and the Spearman rank correlation between the overall
score and the copywriter's ranking of the texts as sales copy (targets: >= 60% RU, <= 10% W, every default rule at
least half RU, Spearman >= 0.85).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PLAINPITCH_SHARED", ROOT.parent / "shared"))
BLIND = ROOT / "eval" / "blind"

# The copywriter's ranking of the dev texts as sales copy, best first (shared/data/judged/README.md).
RANKING = ["01", "02", "14", "05", "08", "11", "06", "12", "09", "16", "17"]
# The flags a user would choose: each text's real reader and how it sells (the trial judged developers' texts for
# developers, the rest for their business buyers).
USER_FLAGS: dict[str, dict[str, str]] = {
    "01": {"profile": "business", "context": "self-serve"},
    "02": {"profile": "business", "context": "self-serve"},
    "05": {"profile": "business", "context": "self-serve"},
    "06": {"profile": "business", "context": "services"},
    "08": {"profile": "technical", "context": "services"},
    "09": {"profile": "technical", "context": "self-serve"},
    "11": {"profile": "business", "context": "self-serve"},
    "12": {"profile": "business", "context": "services"},
    "14": {"profile": "business", "context": "self-serve"},
    "16": {"profile": "technical", "context": "self-serve"},
    "17": {"profile": "technical", "context": "self-serve"},
}
TARGET_RU = 0.60
TARGET_W = 0.10
TARGET_SPEARMAN = 0.85
LABELS = ("RU", "RT", "W")


def texts(shared: Path) -> dict[str, Path]:
    """The judged copy files by their two-digit id (the front-matter twin of text 06 is left out: same copy)."""
    folder = shared / "data" / "judged" / "copy"
    out = {}
    for path in sorted(folder.iterdir()):
        key = path.name[:2]
        if key.isdigit() and ".front-matter." not in path.name and key in USER_FLAGS:
            out[key] = path
    return out


def _norm(text: str) -> str:
    return " ".join(text.split())[:60]


def finding_key(text_id: str, code: str, line: int, flagged: str) -> tuple[str, str, int, str]:
    return (text_id, code, int(line), _norm(flagged))


def load_labels(shared: Path) -> dict[tuple, str]:
    """The copywriter's labels of plainpitch 0.1.0's findings, then the blind labels of later findings."""
    labels: dict[tuple, str] = {}
    with (shared / "data" / "judged" / "copy" / "findings.judged.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            labels[finding_key(row["text"][:2], row["code"], row["line"], row["flagged_text"])] = row["label"]
    if BLIND.is_dir():
        for path in sorted(BLIND.glob("*.csv")):
            with path.open(encoding="utf-8") as fh:
                for row in csv.DictReader(fh):
                    if row.get("label") in LABELS and row.get("line"):  # copy labels (calls are filed by time)
                        labels.setdefault(finding_key(row["text"][:2], row["code"], row["line"], row["flagged_text"]), row["label"])
    return labels


def spearman(xs: list[float], ys: list[float]) -> float:
    """Spearman's rho with average ranks for ties."""

    def ranks(values: list[float]) -> list[float]:
        order = sorted(range(len(values)), key=values.__getitem__)
        out = [0.0] * len(values)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
                j += 1
            for k in range(i, j + 1):
                out[order[k]] = (i + j) / 2.0
            i = j + 1
        return out

    rx, ry = ranks(xs), ranks(ys)
    n = len(xs)
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx) ** 0.5
    vy = sum((b - my) ** 2 for b in ry) ** 0.5
    return round(cov / (vx * vy), 3) if vx and vy else 0.0


def analyse(path: Path, flags: dict[str, str]):
    from plainpitch.runner import check_paths

    report = check_paths([str(path)], None, **flags)
    if report.errors:
        raise RuntimeError(f"{path}: {report.errors[0].message}")
    return report.documents[0]


def finding_row(text_id: str, name: str, f) -> dict[str, Any]:
    first = f.suggestions[0].replacement if f.suggestions else ""
    return {"text": text_id, "file": name, "code": f.code, "severity": f.severity, "line": f.location.line,
            "message": f.message, "flagged_text": f.text, "fix": f.fix, "first_suggestion": first}  # fmt: skip


def run_flags(shared: Path, name: str, flags_for, labels: dict[tuple, str]) -> dict[str, Any]:
    by_label: Counter[str] = Counter()
    by_rule: dict[str, Counter[str]] = defaultdict(Counter)
    by_severity: dict[str, Counter[str]] = defaultdict(Counter)
    per_text: dict[str, int] = {}
    unjudged: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    scores: dict[str, float] = {}
    readers: dict[str, str] = {}
    for text_id, path in texts(shared).items():
        report = analyse(path, flags_for(text_id))
        scores[text_id] = report.score.overall if report.score else 0.0
        readers[text_id] = report.profile
        per_text[text_id] = len(report.findings)
        for f in report.findings:
            row = finding_row(text_id, path.name, f)
            label = labels.get(finding_key(text_id, f.code, f.location.line, f.text))
            row["label"] = label or ""
            rows.append(row)
            key = label or "unjudged"
            by_label[key] += 1
            by_rule[f.code][key] += 1
            by_severity[f.severity][key] += 1
            if label is None:
                unjudged.append(row)
    total = sum(by_label.values())
    judged = sum(by_label[k] for k in LABELS)

    def shares(counter: Counter[str]) -> dict[str, Any]:
        n = sum(counter[k] for k in LABELS)
        out: dict[str, Any] = {k: counter[k] for k in (*LABELS, "unjudged") if counter[k]}
        if n:
            out["useful"] = round(counter["RU"] / n, 3)
            out["wrong"] = round(counter["W"] / n, 3)
        return out

    order = [t for t in RANKING if t in scores]
    rho = spearman([scores[t] for t in order], [-RANKING.index(t) for t in order])
    return {
        "flags": name,
        "findings": total,
        "judged": judged,
        "useful_share": round(by_label["RU"] / judged, 3) if judged else None,
        "trivial_share": round(by_label["RT"] / judged, 3) if judged else None,
        "wrong_share": round(by_label["W"] / judged, 3) if judged else None,
        "labels": dict(by_label),
        "by_rule": {code: shares(c) for code, c in sorted(by_rule.items())},
        "by_severity": {sev: shares(c) for sev, c in sorted(by_severity.items())},
        "findings_per_text": per_text,
        "readers": readers,
        "scores": scores,
        "spearman_vs_copywriter": rho,
        "unjudged": unjudged,
        "_rows": rows,
        "targets": {"useful_share": TARGET_RU, "wrong_share": TARGET_W, "spearman": TARGET_SPEARMAN},
    }


def run(shared: Path = SHARED, dump: Path | None = None) -> dict[str, Any]:
    labels = load_labels(shared)
    runs = {
        "default": run_flags(shared, "default", lambda t: {}, labels),
        "user": run_flags(shared, "user", lambda t: USER_FLAGS[t], labels),
    }
    if dump is not None:
        dump.mkdir(parents=True, exist_ok=True)
        for name, result in runs.items():
            with (dump / f"findings.{name}.jsonl").open("w", encoding="utf-8") as fh:
                for row in result["_rows"]:
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    for result in runs.values():
        result.pop("_rows")
        result["unjudged"] = [f"{r['text']} {r['code']} l{r['line']} {r['flagged_text'][:50]}" for r in result["unjudged"]]
    return runs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--dump", type=Path, help="write every finding (with its label) to DIR/findings.<flags>.jsonl")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    print(json.dumps(run(args.shared, args.dump), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
