"""Packets for a blind judgement of plainpitch's findings: each text with its findings, nothing else.

    .venv/bin/python scripts/blind_packets.py OUT_DIR FILE... [--flags default|all] [--only-unjudged]

For each input, OUT_DIR gets a copy of the text and a findings sheet (one row per finding: an id, the line, the
rule's name, severity, the flagged words, the message, the fix and the first suggested replacement). A judge reads
only these (never the code, the rules' docs or earlier judgements) and writes OUT_DIR/labels.csv with the columns of
eval/blind/*.csv: text, code, line, flagged_text, label (RU right and useful, RT right but trivial, W wrong), note.
The protocol is eval/blind/PROTOCOL.md; scripts/eval_judged.py reads the labels back.

``--only-unjudged`` leaves out findings that the copywriter's judgement (shared/data/judged) or an earlier blind
pass already labelled, matched by text, rule, line and flagged words.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PLAINPITCH_SHARED", ROOT.parent / "shared"))


def text_id(path: Path) -> str:
    """The id a label is filed under: the two-digit prefix of a judged text, else the file name."""
    return path.name[:2] if path.name[:2].isdigit() else path.name


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--flags", choices=["default", "all"], default="default")
    parser.add_argument("--only-unjudged", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "scripts"))
    from eval_judged import finding_key, load_labels

    from plainpitch.runner import check_paths

    labels = load_labels(SHARED) if args.only_unjudged else {}
    args.out.mkdir(parents=True, exist_ok=True)
    rows = 0
    for path in args.files:
        report = check_paths([str(path)], None, **({"all": True} if args.flags == "all" else {}))
        if report.errors:
            print(f"{path}: {report.errors[0].message}", file=sys.stderr)
            continue
        doc = report.documents[0]
        tid = text_id(path)
        findings = [f for f in doc.findings if finding_key(tid, f.code, f.location.line, f.text) not in labels]
        if not findings:
            continue
        shutil.copyfile(path, args.out / path.name)
        with (args.out / f"{path.name}.findings.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["id", "text", "line", "rule", "severity", "flagged_text", "message", "fix", "suggestion"])
            for n, f in enumerate(findings, 1):
                first = f.suggestions[0].replacement if f.suggestions else ""
                writer.writerow([n, tid, f.location.line, f"{f.code} {f.name}", f.severity, f.text[:300], f.message, f.fix,
                                 first])  # fmt: skip
                rows += 1
    print(f"{rows} findings in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
