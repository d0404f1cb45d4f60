"""make eval, rewrite section: does `plainpitch rewrite` make texts better, losing no fact, in plain English?

Sets (dev, in ../shared): the plain-language pairs' *before* passages (data/before_after.dev.jsonl), the READMEs of
the README-vs-landing pairs (data/pairs.dev.jsonl, the *worse* side) and the judged real texts
(data/judged/copy/). For each text: analyse it (default configuration: the reader is inferred), run the offline
rewriters, apply every rewrite that passed the checks, analyse the result again. Reported:
- better: the share of texts whose rewritten version scores higher than the original (all texts; and among the
  texts that got at least one rewrite);
- facts lost: texts whose rewritten version lost a number, price, date, name or product term (rewrite/facts.py);
- not English: rewritten sentences (found in the re-loaded file) with a problem the original did not have
  (rewrite/english.py);
- coverage: how many findings get a checked rewrite, how many a question, per rule.
The model figures come from the test suite's recorded server (tests/openai_server.py): they check the plumbing
(request, answer, the same checks), not a model's quality; no model weights can be fetched here.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


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


def _one(kind: str, name: str, text: str | None, config, model=None) -> dict:
    from plainpitch.engine import analyze
    from plainpitch.ingest import load_path, load_text
    from plainpitch.rewrite import rewrite
    from plainpitch.rewrite.english import problems
    from plainpitch.rewrite.facts import facts, lost

    doc = load_text(text, name) if text is not None else load_path(name)
    report = analyze(doc, config)
    result = rewrite(report, config, model=model, questions=True)
    after_doc = load_text(result.combined_source, doc.path, doc.format)
    gone = lost(facts(doc.text), facts(after_doc.text))
    known = {p for o in result.applied for p in problems(o.before)}
    original = {s.text for s in doc.sentences}
    changed = [s.text for s in after_doc.sentences if s.text not in original]
    bad = [s for s in changed if set(problems(s)) - known]
    return {
        "set": kind, "name": Path(name).name, "findings": len(report.findings),
        "score_before": result.score_before, "score_after": result.score_after,
        "applied": len(result.applied), "facts_lost": gone, "not_english": bad,
        "outcomes": [(o.finding.code, o.status, o.candidate.origin) for o in result.outcomes],
    }  # fmt: skip


def _summary(rows: list[dict]) -> dict:
    scored = [r for r in rows if r["score_before"] is not None and r["score_after"] is not None]
    better = [r for r in scored if r["score_after"] > r["score_before"] + 1e-9]
    worse = [r for r in scored if r["score_after"] < r["score_before"] - 1e-9]
    touched = [r for r in scored if r["applied"]]
    findings = sum(r["findings"] for r in rows)
    offered = Counter(c for r in rows for c, s, _ in r["outcomes"] if s == "offered")
    questions = Counter(c for r in rows for c, s, _ in r["outcomes"] if s == "question")
    dropped = Counter(c for r in rows for c, s, _ in r["outcomes"] if s == "dropped")
    return {
        "texts": len(rows),
        "better": f"{len(better)}/{len(scored)}" if scored else "0/0",
        "better_share": round(len(better) / len(scored), 3) if scored else None,
        "worse": len(worse),
        "better_among_rewritten": f"{sum(1 for r in touched if r in better)}/{len(touched)}",
        "texts_losing_a_fact": sum(1 for r in rows if r["facts_lost"]),
        "rewritten_sentences_not_english": sum(len(r["not_english"]) for r in rows),
        "findings": findings,
        "findings_with_a_checked_rewrite": sum(offered.values()),
        "findings_with_a_question": sum(questions.values()),
        "candidates_dropped_by_the_checks": sum(dropped.values()),
        "rewrites_by_rule": dict(sorted(offered.items())),
        "questions_by_rule": dict(sorted(questions.items())),
        "mean_score_gain": round(sum(r["score_after"] - r["score_before"] for r in scored) / len(scored), 2) if scored else None,
    }


def _model_plumbing(shared: Path) -> dict:
    """The same pipeline with the recorded server as the model (tests/openai_server.py): plumbing, not quality."""
    import tempfile

    sys.path.insert(0, str(ROOT / "tests"))
    from llm_server import recorded_server
    from plainpitch.config import Config
    from plainpitch.llm import LLMSettings
    from plainpitch.rewrite.llm_rewriter import ModelRewriter

    rows = []
    with tempfile.TemporaryDirectory() as tmp, recorded_server(Path(tmp) / "log.jsonl") as url:
        config = Config(profile="business")
        model = ModelRewriter(LLMSettings(url, "recorded"), "business")
        try:
            rows.append(_one("example", str(ROOT / "examples" / "landing-page.md"), None, config, model))
        finally:
            model.close()
    outcomes = [o for r in rows for o in r["outcomes"] if o[2] == "model"]
    return {
        "note": "recorded answers from the suite's test server: a plumbing check, not a model's quality",
        "requests": model.requests,
        "model_rewrites_offered": sum(1 for o in outcomes if o[1] == "offered"),
        "model_rewrites_dropped": sum(1 for o in outcomes if o[1] == "dropped"),
        "score": f"{rows[0]['score_before']} -> {rows[0]['score_after']}",
        "facts_lost": rows[0]["facts_lost"],
    }


def run(shared: Path) -> dict:
    sys.path.insert(0, str(ROOT / "src"))
    from plainpitch.config import Config

    rows = [_one(kind, name, text, Config()) for kind, name, text in _texts(shared)]
    out = {"all": _summary(rows)}
    for kind in ("plain-language", "readme-vs-landing", "judged"):
        out[kind] = _summary([r for r in rows if r["set"] == kind])
    out["examples_not_english"] = [s for r in rows for s in r["not_english"]][:5]
    out["facts_lost_examples"] = [(r["name"], r["facts_lost"]) for r in rows if r["facts_lost"]][:5]
    out["model_plumbing"] = _model_plumbing(shared)
    return out


if __name__ == "__main__":
    import os

    shared = Path(os.environ.get("PLAINPITCH_SHARED", ROOT.parent / "shared"))
    print(json.dumps(run(shared), indent=2))
