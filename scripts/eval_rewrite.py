"""make eval, rewrite section: does `plainpitch rewrite` make texts better, losing no fact, in plain English?

Sets (dev, in ../shared): the plain-language pairs' *before* passages (data/before_after.dev.jsonl), the READMEs of
the README-vs-landing pairs (data/pairs.dev.jsonl, the *worse* side) and the judged real texts
(data/judged/copy/). For each text: analyse it (reader inferred), run the offline rewriters, apply every rewrite that
passed the checks, analyse the result again. Two ways of choosing what to rewrite:
- ``default``: the findings `plainpitch check` shows (the rules on by default);
- ``all``: every rule's findings, as `plainpitch rewrite` runs (it also rewrites findings the report leaves off by
  default, e.g. inflated words and plain acronyms).
In both, "better" is the score `plainpitch check` shows (the rules on by default), for the same reader and medium
as the original; the score with every rule on is reported beside it. Reported per set:
- better / equal / worse: texts whose rewritten version scores higher, the same, lower (to 0.01);
- rewritable: texts holding at least one finding that has an offline rewriter; a text without one cannot improve
  offline, so those are counted apart (with the findings they do hold);
- facts lost: texts whose rewritten version lost a number, price, date, name or product term (rewrite/facts.py);
- not English: rewritten sentences (found in the re-loaded file) with a problem the original did not have
  (rewrite/english.py);
- by rule: findings, and per finding its fate: a checked rewrite, every candidate dropped by the checks (with the
  first reason, counted), a question for the writer, or nothing.
The model figures come from the test suite's recorded server (tests/llm_server.py): they check the plumbing
(request, answer, the same checks), not a model's quality; no model weights can be fetched here.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = ("plain-language", "readme-vs-landing", "judged")
EPS = 0.005  # scores are given to 0.01


def _texts(shared: Path):
    for line in (shared / "data" / "before_after.dev.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        yield "plain-language", row["id"] + ".md", row["before"]
    for line in (shared / "data" / "pairs.dev.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        yield "readme-vs-landing", row["id"] + ".md", row["worse"]
    for path in sorted((shared / "data" / "judged" / "copy").glob("*.*")):
        if path.suffix == ".csv" or path.name == "SOURCES.md":
            continue
        yield "judged", str(path), None


def _reason(text: str) -> str:
    """A dropped candidate's first reason, without the quoted specifics (to count them)."""
    text = re.sub(r"\s*\(.*$|'[^']*'|:.*$", "", text).strip()
    return text or "other"


def _fates(result) -> dict[tuple, tuple[str, str, str]]:
    """(code, start, end) -> (fate, kind, first drop reason) for every finding the pipeline looked at."""
    out: dict[tuple, tuple[str, str, str]] = {}
    rank = {"offered": 3, "dropped": 2, "question": 1}
    for o in result.outcomes:
        f = o.finding
        key = (f.code, f.span.start, f.span.end)
        reason = _reason(o.reasons[0]) if o.status == "dropped" and o.reasons else ""
        if key not in out or rank[o.status] > rank[out[key][0]]:
            out[key] = (o.status, o.candidate.kind, reason)
    return out


def _one(kind: str, name: str, text: str | None, config, model=None) -> dict:
    from plainpitch.engine import analyze
    from plainpitch.ingest import load_path, load_text
    from plainpitch.rewrite import rewrite
    from plainpitch.rewrite.english import problems
    from plainpitch.rewrite.facts import facts, lost
    from plainpitch.rewrite.rewriters import codes

    doc = load_text(text, name) if text is not None else load_path(name)
    report = analyze(doc, config)
    result = rewrite(report, config, model=model, questions=True)
    after_doc = load_text(result.combined_source, doc.path, doc.format)
    gone = lost(facts(doc.text), facts(after_doc.text))
    # a problem the original already had (its text quoted in the problem) is not the rewrite's
    known = {p for s in doc.sentences for p in problems(s.text)}
    original = {s.text for s in doc.sentences}
    changed = [s.text for s in after_doc.sentences if s.text not in original]
    bad = [s for s in changed if set(problems(s)) - known]
    fates = _fates(result)
    rewritable = codes()
    shown = _shown_deductions(report, config, doc, result)
    return {
        "hard_unsplit": _hard_unsplit(report, fates),
        "set": kind, "name": Path(name).name,
        "findings": [f.code for f in report.findings],
        "rewritable": sorted({f.code for f in report.findings if f.code in rewritable}),
        "fates": [(f.code, *fates.get((f.code, f.span.start, f.span.end), ("nothing", "", ""))) for f in report.findings],
        "score_before": result.shown_before, "score_after": result.shown_after,
        "rule_score_before": result.score_before, "rule_score_after": result.score_after,
        "applied": len(result.applied), "facts_lost": gone, "not_english": bad,
        "model_outcomes": [(o.finding.code, o.status) for o in result.outcomes if o.candidate.origin == "model"],
        "applied_kinds": sorted({o.candidate.kind for o in result.applied}),
        "shown_deductions": shown,
    }  # fmt: skip


def _shown_deductions(report, config, doc, result) -> dict | None:
    """The default score's deductions ({code or measure: points}) and grade / words per sentence, before and after
    the applied rewrites: what the score `plainpitch check` shows could and could not see move."""
    import dataclasses

    from plainpitch.engine import analyze
    from plainpitch.ingest import load_text

    if not result.applied or report.score is None:
        return None
    cfg = dataclasses.replace(config, all=False, medium=report.medium, profile=report.profile)
    out = {}
    for when, d in (("before", doc), ("after", load_text(result.combined_source, doc.path, doc.format))):
        r = analyze(d, cfg)
        if r.score is None:
            return None
        points = {x.code: x.points for part in r.score.parts for x in part.deductions}
        points["_parts"] = {part.name: part.value for part in r.score.parts}
        points["_grade"] = r.metric("copy.grade").value if r.metric("copy.grade") else None
        points["_wps"] = r.metric("copy.words_per_sentence").value if r.metric("copy.words_per_sentence") else None
        out[when] = points
    return out


def _hard_unsplit(report, fates) -> list[str]:
    """For each very hard or hard sentence (RDB001, RDB002) that got no rewrite: whether it has any boundary the
    splitter knows (a semicolon, a colon, a spaced dash, ", which", ", and/but/so") at all."""
    from plainpitch.rewrite.rewriters.split import _BOUNDARIES

    doc = report.document
    out = []
    for f in report.findings:
        if f.code not in ("RDB001", "RDB002"):
            continue
        if fates.get((f.code, f.span.start, f.span.end), ("nothing",))[0] == "offered":
            continue
        sentence = next((x.text for x in doc.sentences if x.start <= f.span.start < x.end), f.text)
        out.append("a boundary, refused" if any(p.search(sentence) for p, _ in _BOUNDARIES) else "no boundary at all")
    return out


def why(row: dict) -> str:
    """Why a text's default score did or did not rise, in one of a few counted classes."""
    from plainpitch import scoring

    b, a = row["score_before"], row["score_after"]
    if b is None or a is None:
        return "not scored"
    if a > b + EPS:
        return "better"
    if a < b - EPS:
        return "worse"
    if not row["rewritable"]:
        return "nothing flagged that an offline rewriter handles"
    if not row["applied"]:
        mine = [f for f in row["fates"] if f[0] in row["rewritable"]]
        dropped = Counter(f[3] for f in mine if f[1] == "dropped")
        if dropped:
            return "every candidate dropped by the checks: " + dropped.most_common(1)[0][0]
        return "no safe rewrite (a question, or nothing, instead)"
    sd = row["shown_deductions"] or {}
    before, after = sd.get("before", {}), sd.get("after", {})
    moved = {k for k in set(before) | set(after) if not k.startswith("_")
             and abs(before.get(k, 0) - after.get(k, 0)) >= 0.01}  # fmt: skip
    if row["applied_kinds"] == ["break-paragraph"]:
        return "rewritten, not weighed: only paragraph breaks (the score has no paragraph measure)"
    capped_grade = (before.get("_grade") or 0) >= scoring.GRADE_FLOOR + scoring.GRADE_CAP / scoring.GRADE_POINTS
    capped_wps = (before.get("_wps") or 0) >= scoring.SENTENCE_WORDS_FLOOR + scoring.SENTENCE_CAP / scoring.SENTENCE_POINTS
    if not moved and (capped_grade or capped_wps) and (after.get("_grade") == before.get("_grade") or capped_grade):
        return "rewritten, not weighed: grade or sentence length past the score's cap"
    if not moved:
        return "rewritten, not weighed: grade and words per sentence unchanged to 0.1"
    parts = {k for k, v in before.get("_parts", {}).items() if v == 0.0}
    if "clarity" in parts:
        return "rewritten, not weighed: the clarity part is already 0"
    return "rewritten, the measures move by less than 0.01 point"


def _share(n: int, d: int) -> str:
    return f"{n}/{d} ({100 * n / d:.0f}%)" if d else "0/0"


def _summary(rows: list[dict], all_rules: bool) -> dict:
    scored = [r for r in rows if r["score_before"] is not None and r["score_after"] is not None]
    better = [r for r in scored if r["score_after"] > r["score_before"] + EPS]
    worse = [r for r in scored if r["score_after"] < r["score_before"] - EPS]
    rewritable = [r for r in scored if r["rewritable"]]
    touched = [r for r in scored if r["applied"]]
    stuck = Counter(" + ".join(sorted(set(r["findings"]))) or "no finding" for r in scored if not r["rewritable"])
    by_rule: dict[str, Counter] = defaultdict(Counter)
    dropped_why: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        for code, fate, _kind, reason in r["fates"]:
            by_rule[code]["findings"] += 1
            by_rule[code][{"offered": "rewrite", "dropped": "dropped", "question": "question"}.get(fate, "nothing")] += 1
            if fate == "dropped":
                dropped_why[code][reason] += 1
    findings = sum(len(r["findings"]) for r in rows)
    offered = sum(c["rewrite"] for c in by_rule.values())
    out = {
        "texts": len(rows),
        "scored": len(scored),
        "better": _share(len(better), len(scored)),
        "equal": len(scored) - len(better) - len(worse),
        "worse": len(worse),
        "texts_with_a_rewritable_finding": len(rewritable),
        "better_among_texts_with_a_rewritable_finding": _share(sum(1 for r in rewritable if r in better), len(rewritable)),
        "texts_rewritten": len(touched),
        "better_among_rewritten": _share(sum(1 for r in touched if r in better), len(touched)),
        "texts_with_no_rewritable_finding": dict(stuck.most_common()),
        "texts_losing_a_fact": sum(1 for r in rows if r["facts_lost"]),
        "rewritten_sentences_not_english": sum(len(r["not_english"]) for r in rows),
        "findings": findings,
        "findings_with_a_checked_rewrite": _share(offered, findings),
        "findings_with_a_question": sum(c["question"] for c in by_rule.values()),
        "findings_all_candidates_dropped": sum(c["dropped"] for c in by_rule.values()),
        "by_rule": {code: dict(c) for code, c in sorted(by_rule.items())},
        "dropped_why": {code: dict(c.most_common()) for code, c in sorted(dropped_why.items())},
        "hard_sentences_not_rewritten": dict(Counter(x for r in rows for x in r["hard_unsplit"]).most_common()),
        "why_not_better": dict(Counter(why(r) for r in rows if why(r) != "better").most_common()),
        "mean_score_gain": round(sum(r["score_after"] - r["score_before"] for r in scored) / len(scored), 2) if scored else None,
    }  # fmt: skip
    if all_rules:
        s = [r for r in rows if r["rule_score_before"] is not None and r["rule_score_after"] is not None]
        up = sum(1 for r in s if r["rule_score_after"] > r["rule_score_before"] + EPS)
        down = sum(1 for r in s if r["rule_score_after"] < r["rule_score_before"] - EPS)
        out["with_every_rule_on"] = {"better": _share(up, len(s)), "worse": down}
    return out


def _model_plumbing() -> dict:
    """The same pipeline with the recorded server as the model (tests/llm_server.py): plumbing, not quality."""
    import tempfile

    sys.path.insert(0, str(ROOT / "tests"))
    from llm_server import recorded_server
    from plainpitch.config import Config
    from plainpitch.llm import LLMSettings
    from plainpitch.rewrite.llm_rewriter import ModelRewriter

    with tempfile.TemporaryDirectory() as tmp, recorded_server(Path(tmp) / "log.jsonl") as url:
        config = Config(profile="business", all=True)  # as `plainpitch rewrite` runs
        model = ModelRewriter(LLMSettings(url, "recorded"), "business")
        try:
            row = _one("example", str(ROOT / "examples" / "landing-page.md"), None, config, model)
        finally:
            model.close()
    return {
        "note": "recorded answers from the suite's test server: a plumbing check, not a model's quality",
        "requests": model.requests,
        "model_rewrites_offered": sum(1 for o in row["model_outcomes"] if o[1] == "offered"),
        "model_rewrites_dropped": sum(1 for o in row["model_outcomes"] if o[1] == "dropped"),
        "score": f"{row['score_before']} -> {row['score_after']}",
        "facts_lost": row["facts_lost"],
    }


def run(shared: Path) -> dict:
    sys.path.insert(0, str(ROOT / "src"))
    from plainpitch.config import Config
    from plainpitch.rewrite.rewriters import codes

    out: dict = {"offline_rewriters_for": codes()}
    texts = list(_texts(shared))
    for mode, config in (("default", Config()), ("all", Config(all=True))):
        rows = [_one(kind, name, text, config) for kind, name, text in texts]
        part = {"all sets": _summary(rows, mode == "all")}
        for kind in SETS:
            part[kind] = _summary([r for r in rows if r["set"] == kind], mode == "all")
        part["examples_not_english"] = [s for r in rows for s in r["not_english"]][:5]
        part["facts_lost_examples"] = [(r["name"], r["facts_lost"]) for r in rows if r["facts_lost"]][:5]
        part["worse_examples"] = [(r["name"], r["score_before"], r["score_after"]) for r in rows
                                  if r["score_before"] is not None and r["score_after"] is not None
                                  and r["score_after"] < r["score_before"] - EPS][:5]  # fmt: skip
        out[mode] = part
    out["model_plumbing"] = _model_plumbing()
    return out


def _table(out: dict) -> str:
    """The headline figures as the README's table (printed after the JSON when run on its own)."""
    lines = ["| rewrites for | set | scored | better | equal | worse | with a rewritable finding | better among those | facts lost | not English |",
             "|---|---|---|---|---|---|---|---|---|---|"]  # fmt: skip
    for mode in ("default", "all"):
        for kind in (*SETS, "all sets"):
            s = out[mode][kind]
            lines.append(f"| {'default rules' if mode == 'default' else 'every rule (`rewrite`)'} | {kind} | {s['scored']} | "
                         f"{s['better']} | {s['equal']} | {s['worse']} | {s['texts_with_a_rewritable_finding']} | "
                         f"{s['better_among_texts_with_a_rewritable_finding']} | {s['texts_losing_a_fact']} | "
                         f"{s['rewritten_sentences_not_english']} |")  # fmt: skip
    return "\n".join(lines)


if __name__ == "__main__":
    import os

    shared = Path(os.environ.get("PLAINPITCH_SHARED", ROOT.parent / "shared"))
    result = run(shared)
    print(json.dumps(result, indent=2))
    print(_table(result))
