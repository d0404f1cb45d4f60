"""Measure discovery-question and ask detection on PersuasionForGood's labelled persuader sentences.

    python scripts/eval_calls.py [--shared ../shared] [--json out.json]

Labels (``er_label``): ``task-related-inquiry``, ``personal-related-inquiry`` and ``have-you-heard-of-the-org``
are questions about the other person — the discovery questions a seller should ask; ``propose-donation``,
``ask-donation-amount`` and ``ask-donate-more`` are asks. Every other label is a negative for both.

A labelled item may hold several sentences: it is split with plainpitch's own segmenter (as a call turn is) and
predicted positive when any of its sentences is. Nothing is fitted: the detectors are hand-written patterns, so
the figures are reported over the whole dev file, with their spread over five folds that group whole dialogues
(crc32 of ``dialogue_id`` mod 5 — the file's own ``fold`` column splits dialogues by sentence), beside the
baseline "the sentence contains a '?'". Targets: F1 >= 0.85 for discovery questions, >= 0.75 for asks.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

DISCOVERY_LABELS = frozenset({"task-related-inquiry", "personal-related-inquiry", "have-you-heard-of-the-org"})
ASK_LABELS = frozenset({"propose-donation", "ask-donation-amount", "ask-donate-more"})
TARGETS = {"discovery_questions": 0.85, "asks": 0.75}
DATA = Path("transcripts/persuasion/sentences.dev.jsonl")


def _sentences(text: str) -> list[str]:
    """The sentences plainpitch's segmenter finds in one turn of text."""
    from plainpitch.text.segment import Block, build_document

    doc = build_document("-", text, [Block("turn", text, 0)], medium="call")
    return [s.text for s in doc.sentences] or [text]


def _prf(pairs: Iterable[tuple[bool, bool]]) -> dict[str, Any]:
    tp = fp = fn = n = 0
    for gold, pred in pairs:
        n += 1
        tp += gold and pred
        fp += pred and not gold
        fn += gold and not pred
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "support": tp + fn, "n": n,
            "tp": tp, "fp": fp, "fn": fn}  # fmt: skip


def dialogue_fold(dialogue_id: str, folds: int = 5) -> int:
    """A stable fold per dialogue, so that no dialogue is split across folds."""
    return zlib.crc32(dialogue_id.encode("utf-8")) % folds


def _score(rows: list[dict], gold: Callable[[dict], bool], pred: Callable[[dict], bool]) -> dict[str, Any]:
    overall = _prf((gold(r), pred(r)) for r in rows)
    by_fold: dict[Any, list[tuple[bool, bool]]] = defaultdict(list)
    for r in rows:
        by_fold[dialogue_fold(r["dialogue_id"])].append((gold(r), pred(r)))
    folds = {str(k): _prf(v)["f1"] for k, v in sorted(by_fold.items(), key=lambda kv: str(kv[0]))}
    overall["f1_by_fold"] = folds
    overall["f1_fold_min"] = min(folds.values()) if folds else 0.0
    return overall


def run(shared: Path) -> dict[str, Any]:
    """Precision, recall and F1 of discovery-question and ask detection, with the '?' baseline."""
    from plainpitch.call.asks import is_ask
    from plainpitch.call.questions import is_discovery

    path = Path(shared) / DATA
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for r in rows:
        sents = _sentences(r["sentence"])
        r["_ask"] = any(is_ask(s) for s in sents)
        r["_discovery"] = any(is_discovery(s) for s in sents) and not r["_ask"]
        r["_qmark"] = "?" in r["sentence"]
    is_q = lambda r: r["er_label"] in DISCOVERY_LABELS  # noqa: E731
    is_a = lambda r: r["er_label"] in ASK_LABELS  # noqa: E731
    result = {
        "data": str(DATA),
        "sentences": len(rows),
        "dialogues": len({r["dialogue_id"] for r in rows}),
        "discovery_questions": _score(rows, is_q, lambda r: r["_discovery"]),
        "discovery_questions_baseline_qmark": _score(rows, is_q, lambda r: r["_qmark"]),
        "asks": _score(rows, is_a, lambda r: r["_ask"]),
        "asks_baseline_qmark": _score(rows, is_a, lambda r: r["_qmark"]),
        "targets_f1": TARGETS,
    }
    result["meets_targets"] = all(result[k]["f1"] >= v for k, v in TARGETS.items())
    return result


def _print(result: dict[str, Any]) -> None:
    print(f"call detectors on {result['data']} ({result['sentences']} sentences, {result['dialogues']} dialogues)")
    for key in ("discovery_questions", "asks"):
        ours, base = result[key], result[f"{key}_baseline_qmark"]
        print(f"  {key:<20} P {ours['precision']:.3f}  R {ours['recall']:.3f}  F1 {ours['f1']:.3f}"
              f"  (target {TARGETS[key]:.2f}; folds {ours['f1_fold_min']:.3f}..{max(ours['f1_by_fold'].values()):.3f})"
              f"   baseline '?': P {base['precision']:.3f}  R {base['recall']:.3f}  F1 {base['f1']:.3f}")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    root = Path(__file__).resolve().parents[1]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=os.environ.get("PLAINPITCH_SHARED", str(root.parent / "shared")))
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    if not (Path(args.shared) / DATA).is_file():
        print(f"eval_calls: {Path(args.shared) / DATA} not found (set --shared)", file=sys.stderr)
        return 2
    result = run(Path(args.shared))
    _print(result)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
