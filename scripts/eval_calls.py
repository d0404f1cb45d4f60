"""Measure the call coaching through the real pipeline: what `plainpitch call review` reports, turn by turn.

    python scripts/eval_calls.py [--shared ../shared] [--json out.json] [--errors N]

1. **PersuasionForGood at turn level.** Each dev dialogue (``transcripts/persuasion/turns.dev.jsonl``) is written
   as a ``Persuader: ... / Persuadee: ...`` transcript and reviewed exactly as ``plainpitch call review --me
   Persuader`` reviews a file (load, roles, engine, report). A persuader turn is a discovery-question turn when the
   report lists a discovery question in it, an ask turn when it lists an ask; the gold labels are the turn's
   labelled sentences (``sentences.dev.jsonl``, aligned to their turn by text): ``task-related-inquiry``,
   ``personal-related-inquiry`` and ``have-you-heard-of-the-org`` are discovery questions; ``propose-donation``,
   ``ask-donation-amount`` and ``ask-donate-more`` are asks. Only turns with at least one labelled sentence are
   scored. Baseline: the turn has a '?'. The same dialogues are also reviewed as speech-to-text often delivers
   them, with every '?' turned into '.', to show that the detectors do not lean on punctuation.
   Nothing in the detectors is fitted to these labels (hand-written patterns), so the figures are over the whole
   file, with their spread over five folds that keep each dialogue whole (crc32 of ``dialogue_id`` mod 5).
2. **The judged founder calls** (``data/judged/calls``): seller questions and asks counted by the pipeline beside
   the hand counts in the judged README (a count within ±2 of the hand count is the target), and the findings by
   rule, each with the blind judge's label where one exists (``eval/blind/*-calls.csv``: a sales manager who saw
   only the transcripts and the findings labelled each RU right and useful, RT right but trivial, W wrong). A
   finding takes the label of a judged finding of the same rule and call within ``LABEL_WINDOW_S`` seconds; a
   finding the judge never saw is counted as unjudged and listed, so the shares never pretend.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

DISCOVERY_LABELS = frozenset({"task-related-inquiry", "personal-related-inquiry", "have-you-heard-of-the-org"})
ASK_LABELS = frozenset({"propose-donation", "ask-donation-amount", "ask-donate-more"})
TARGETS = {"discovery_questions": 0.85, "asks": 0.80}
TURNS = Path("transcripts/persuasion/turns.dev.jsonl")
SENTENCES = Path("transcripts/persuasion/sentences.dev.jsonl")
JUDGED = Path("data/judged/calls")
# Hand counts from data/judged/README.md: seller ("You") questions and asks, as (low, high).
HAND_COUNTS = {
    "innvest-discovery-robertdouglas": {"questions": (0, 1), "asks": (0, 0)},
    "innvest-poc-driftwood": {"questions": (0, 0), "asks": (0, 0)},
}
SELLER, BUYER = "Persuader", "Persuadee"
ROOT = Path(__file__).resolve().parents[1]
BLIND = ROOT / "eval" / "blind"
LABEL_WINDOW_S = 60  # a judged finding and today's are the same finding when their times are this close


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", text.lower()).split())


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


def _score(rows: list[dict], gold: str, pred: str) -> dict[str, Any]:
    overall = _prf((r[gold], r[pred]) for r in rows)
    by_fold: dict[int, list[tuple[bool, bool]]] = defaultdict(list)
    for r in rows:
        by_fold[dialogue_fold(r["dialogue_id"])].append((r[gold], r[pred]))
    folds = {str(k): _prf(v)["f1"] for k, v in sorted(by_fold.items())}
    overall["f1_by_fold"] = folds
    overall["f1_fold_min"] = min(folds.values()) if folds else 0.0
    overall["f1_fold_max"] = max(folds.values()) if folds else 0.0
    return overall


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _labels(turn_rows: list[dict], sentences: list[dict]) -> dict[int, list[str]]:
    """Labels per persuader row (index into turn_rows), each sentence aligned to the row that holds its text:
    the labelled turn k first, then the one or two before it (the turns file is sometimes a turn or two early)."""
    out: dict[int, list[str]] = defaultdict(list)
    rows = [(i, r) for i, r in enumerate(turn_rows) if r["speaker"] == "persuader"]
    normed = {i: _norm(r["text"]) for i, r in rows}
    for s in sentences:
        text = _norm(s["sentence"])
        k = s["turn"]
        found = [(i, r) for i, r in rows if text and text in normed[i]]
        if not found:
            continue
        i, _ = min(found, key=lambda ir: k - ir[1]["turn"] if ir[1]["turn"] <= k else 10 + ir[1]["turn"] - k)
        out[i].append(s["er_label"])
    return out


def _transcript(turn_rows: list[dict], speech: bool) -> tuple[str, list[int]]:
    """The dialogue as 'Name: text' lines, and for each row the index of the transcript turn it lands in."""
    lines: list[str] = []
    turn_of: list[int] = []
    turn = -1
    prev = None
    for r in turn_rows:
        text = " ".join(str(r["text"]).split())
        if speech:
            text = text.replace("?", ".")
        if not text:
            turn_of.append(-1)
            continue
        if r["speaker"] != prev:
            turn += 1
            prev = r["speaker"]
        turn_of.append(turn)
        lines.append(f"{SELLER if r['speaker'] == 'persuader' else BUYER}: {text}")
    return "\n".join(lines) + "\n", turn_of


def _review(text: str, name: str) -> Any:
    """What `plainpitch call review --me Persuader` reports for this transcript."""
    from plainpitch.call_review import review_text

    return review_text(text, name, me=[SELLER])


def persuasion(shared: Path, speech: bool = False) -> list[dict]:
    """One row per labelled persuader turn: gold and predicted discovery question / ask, and the '?' baseline."""
    turns = _read_jsonl(shared / TURNS)
    sentences = _read_jsonl(shared / SENTENCES)
    by_dialogue: dict[str, list[dict]] = defaultdict(list)
    for t in turns:
        by_dialogue[t["dialogue_id"]].append(t)
    labelled: dict[str, list[dict]] = defaultdict(list)
    for s in sentences:
        labelled[s["dialogue_id"]].append(s)
    out: list[dict] = []
    for dialogue_id in sorted(labelled):
        rows = by_dialogue.get(dialogue_id, [])
        if not rows:
            continue
        labels = _labels(rows, labelled[dialogue_id])
        text, turn_of = _transcript(rows, speech)
        report = _review(text, f"{dialogue_id}.txt")
        call = report.details.get("call") or {}
        discovery = {q["turn"] for q in call.get("questions", []) if q.get("discovery") and q.get("role") == "seller"}
        asks = {a["turn"] for a in call.get("asks", []) if a.get("role") == "seller"}
        for i, labs in sorted(labels.items()):
            t = turn_of[i]
            if t < 0:
                continue
            out.append({
                "dialogue_id": dialogue_id, "turn": t, "text": rows[i]["text"], "labels": labs,
                "gold_q": any(lab in DISCOVERY_LABELS for lab in labs), "gold_a": any(lab in ASK_LABELS for lab in labs),
                "pred_q": t in discovery, "pred_a": t in asks, "qmark": "?" in rows[i]["text"],
            })  # fmt: skip
    return out


def _seconds(clock: str) -> float:
    parts = [float(p) for p in clock.strip().split(":")]
    return sum(p * 60**i for i, p in enumerate(reversed(parts)))


def blind_labels(folder: Path = BLIND) -> dict[tuple[str, str], list[tuple[float, str]]]:
    """(call stem, rule code) -> [(time in s, label)] from the blind judgements of call findings."""
    import csv

    out: dict[tuple[str, str], list[tuple[float, str]]] = defaultdict(list)
    for path in sorted(folder.glob("*-calls.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                stem = row["text"].split(".granola")[0].rsplit(".", 1)[0]
                out[(stem, row["code"])].append((_seconds(row["time"]), row["label"]))
    return out


def _label(labels: dict, stem: str, code: str, time: float | None) -> str | None:
    if time is None:
        return None
    near = [(abs(t - time), lab) for t, lab in labels.get((stem, code), ()) if abs(t - time) <= LABEL_WINDOW_S]
    return min(near)[1] if near else None


def judged_calls(shared: Path) -> dict[str, Any]:
    """Seller question and ask counts on the judged founder calls beside the hand counts; findings by rule with
    the blind judge's labels."""
    from plainpitch.call_review import review_path

    out: dict[str, Any] = {}
    folder = shared / JUDGED
    for stem, hand in HAND_COUNTS.items():
        path = folder / f"{stem}.granola.md"
        if not path.is_file():
            continue
        try:
            report = review_path(str(path))
        except Exception as exc:  # noqa: BLE001 - a format the loaders cannot read yet is a result, not a crash
            out[stem] = {"error": str(exc)}
            continue
        metrics = {m.name: m.value for m in report.metrics}
        counts = {"questions": metrics.get("call.discovery_questions.seller"), "asks": metrics.get("call.asks.seller")}
        within = {k: counts[k] is not None and hand[k][0] - 2 <= counts[k] <= hand[k][1] + 2 for k in counts}
        labels = blind_labels()
        findings = [{"code": f.code, "severity": f.severity, "time": f.time, "message": f.message,
                     "blind": _label(labels, stem, f.code, f.time)} for f in report.findings]  # fmt: skip
        out[stem] = {"counted": counts, "hand": {k: list(v) for k, v in hand.items()}, "within_2": within,
                     "by_rule": dict(sorted(Counter(f["code"] for f in findings).items())), "findings": findings}  # fmt: skip
    return out


def blind_tally(calls: dict[str, Any]) -> dict[str, Any]:
    """Today's findings on the judged calls by the blind judge's label (unjudged: a finding the judge never saw)."""
    every = [f for call in calls.values() for f in call.get("findings", ())]
    tally = Counter(f["blind"] or "unjudged" for f in every)
    judged = sum(n for k, n in tally.items() if k != "unjudged")
    return {"findings": len(every), **{k: tally.get(k, 0) for k in ("RU", "RT", "W", "unjudged")},
            "share_ru_of_judged": round(tally.get("RU", 0) / judged, 3) if judged else None,
            "share_w_of_judged": round(tally.get("W", 0) / judged, 3) if judged else None,
            "unjudged_findings": [f"{f['code']} {f['message']}" for f in every if not f["blind"]]}  # fmt: skip


def run(shared: Path, errors: int = 0) -> dict[str, Any]:
    shared = Path(shared)
    rows = persuasion(shared)
    speech_rows = persuasion(shared, speech=True)
    result: dict[str, Any] = {
        "data": str(TURNS),
        "scored_turns": len(rows),
        "dialogues": len({r["dialogue_id"] for r in rows}),
        "discovery_questions": _score(rows, "gold_q", "pred_q"),
        "discovery_questions_baseline_qmark": _score(rows, "gold_q", "qmark"),
        "discovery_questions_no_qmarks": _score(speech_rows, "gold_q", "pred_q"),
        "asks": _score(rows, "gold_a", "pred_a"),
        "asks_baseline_qmark": _score(rows, "gold_a", "qmark"),
        "asks_no_qmarks": _score(speech_rows, "gold_a", "pred_a"),
        "targets_f1": TARGETS,
        "judged_calls": judged_calls(shared),
    }
    result["judged_calls_blind"] = blind_tally(result["judged_calls"])
    result["meets_targets"] = all(result[k]["f1"] >= v for k, v in TARGETS.items())
    if errors:
        result["errors"] = {
            key: [{"gold": r[g], "pred": r[p], "text": r["text"], "labels": r["labels"]}
                  for r in rows if r[g] != r[p]][:errors]
            for key, g, p in (("discovery_questions", "gold_q", "pred_q"), ("asks", "gold_a", "pred_a"))
        }  # fmt: skip
    return result


def _print(result: dict[str, Any]) -> None:
    print(f"call review on {result['data']}: {result['scored_turns']} labelled persuader turns, "
          f"{result['dialogues']} dialogues")  # fmt: skip
    for key in ("discovery_questions", "asks"):
        ours, base, speech = result[key], result[f"{key}_baseline_qmark"], result[f"{key}_no_qmarks"]
        print(f"  {key:<20} P {ours['precision']:.3f}  R {ours['recall']:.3f}  F1 {ours['f1']:.3f}"
              f"  (target {TARGETS[key]:.2f}; dialogue folds {ours['f1_fold_min']:.3f}..{ours['f1_fold_max']:.3f})"
              f"  without '?': F1 {speech['f1']:.3f}"
              f"  baseline '?': P {base['precision']:.3f} R {base['recall']:.3f} F1 {base['f1']:.3f}")  # fmt: skip
    for stem, item in result["judged_calls"].items():
        print(f"  {stem}: " + (item["error"] if "error" in item else f"counted {item['counted']}, hand {item['hand']}, within ±2: {item['within_2']}"))
        for f in item.get("findings", ()):
            print(f"      {f['blind'] or '--':<3} {f['code']} {f['severity']:<10} {f['message'][:110]}")
    blind = result["judged_calls_blind"]
    print(f"  blind labels of today's call findings: {blind['findings']} findings, RU {blind['RU']}, RT {blind['RT']},"
          f" W {blind['W']}, unjudged {blind['unjudged']} (RU {blind['share_ru_of_judged']} and W"
          f" {blind['share_w_of_judged']} of those judged)")


def main(argv: list[str] | None = None) -> int:
    root = Path(__file__).resolve().parents[1]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=os.environ.get("PLAINPITCH_SHARED", str(root.parent / "shared")))
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--errors", type=int, default=0, help="list this many disagreements per detector")
    args = parser.parse_args(argv)
    if not (Path(args.shared) / TURNS).is_file():
        print(f"eval_calls: {Path(args.shared) / TURNS} not found (set --shared)", file=sys.stderr)
        return 2
    result = run(Path(args.shared), args.errors)
    _print(result)
    if args.errors:
        for key, items in result["errors"].items():
            print(f"\n== {key} disagreements")
            for e in items:
                print(f"  gold {int(e['gold'])} pred {int(e['pred'])}  {e['labels']}  {e['text'][:160]}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
