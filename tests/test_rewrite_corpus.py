"""Every offline rewrite on every dev text (the judged copy, the corpus, the plain-language *before* passages and the
READMEs of the README-vs-landing pairs in ../shared) reads as English and keeps every fact: each offered rewrite
alone (its sentence substituted), and all of them together, checked on the rewritten *file* re-loaded from
disk-format text, not on the pipeline's own strings."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from plainpitch.config import Config
from plainpitch.engine import analyze
from plainpitch.ingest import load_path, load_text
from plainpitch.rewrite import rewrite
from plainpitch.rewrite.english import problems
from plainpitch.rewrite.facts import facts, lost

SHARED = Path(os.environ.get("PLAINPITCH_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def _rows(name: str) -> list[dict]:
    path = SHARED / "data" / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []

FILES = sorted(p for p in (SHARED / "data" / "judged" / "copy").glob("*.*") if p.suffix != ".csv" and p.name != "SOURCES.md")
FILES += sorted((SHARED / "corpus").glob("*/*.md"))
TEXTS = [(f"{row['id']}.md", row["before"]) for row in _rows("before_after.dev.jsonl")] if FILES else []
TEXTS += [(f"{row['id']}.md", row["worse"]) for row in _rows("pairs.dev.jsonl")] if FILES else []
if not FILES:
    pytest.skip("the shared dev texts are not present", allow_module_level=True)


def _documents():
    for path in FILES:
        yield path.name, load_path(path)
    for name, text in TEXTS:
        yield name, load_text(text, name)


@pytest.mark.slow
def test_every_offline_rewrite_reads_as_english_and_keeps_the_facts():
    offered = 0
    for name, doc in _documents():
        report = analyze(doc, Config(all=True))  # every rule with a rewrite, as `plainpitch rewrite` runs
        result = rewrite(report, Config(all=True), questions=False)
        for outcome in result.outcomes:
            if outcome.status != "offered":
                continue
            offered += 1
            # the rewrite alone, substituted into its sentence: nothing the original sentence did not have
            new = set(problems(outcome.after)) - set(problems(outcome.before))
            assert not new, f"{name}: {outcome.finding.code} {outcome.after!r}: {new}"
        if not result.applied:
            continue
        after = load_text(result.combined_source, doc.path, report.document.format)
        gone = lost(facts(report.document.text), facts(after.text))
        assert not gone, f"{name}: facts lost: {gone}"
        # every sentence of the re-loaded file that the original did not have is checked there
        known = {p for s in report.document.sentences for p in problems(s.text)}  # the original's own
        original = {s.text for s in report.document.sentences}
        changed = [s.text for s in after.sentences if s.text not in original]
        assert changed or all(o.candidate.kind == "break-paragraph" for o in result.applied), \
            f"{name}: rewrites applied but no sentence changed"
        for sentence in changed:
            new = set(problems(sentence)) - known
            assert not new, f"{name}: {sentence!r}: {new}"
        # and the score `plainpitch check` shows never falls
        if result.shown_before is not None and result.shown_after is not None:
            assert result.shown_after >= result.shown_before - 0.005, f"{name}: {result.shown_before} -> {result.shown_after}"
    assert offered >= 60  # the dev texts get rewrites (measured: see make eval)
