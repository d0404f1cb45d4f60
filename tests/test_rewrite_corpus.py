"""Every offline rewrite on every dev text (the judged copy and the corpus in ../shared) reads as English and
keeps every fact, checked on the rewritten *file* re-loaded from disk-format text, not on the pipeline's own
strings."""

from __future__ import annotations

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
FILES = sorted(p for p in (SHARED / "data" / "judged" / "copy").glob("*.*") if p.suffix != ".csv" and p.name != "SOURCES.md")
FILES += sorted((SHARED / "corpus").glob("*/*.md"))
if not FILES:
    pytest.skip("the shared dev texts are not present", allow_module_level=True)


@pytest.mark.slow
def test_every_offline_rewrite_reads_as_english_and_keeps_the_facts():
    offered = 0
    for path in FILES:
        report = analyze(load_path(path), Config(all=True))  # every rule with a rewrite, as `plainpitch rewrite` runs
        result = rewrite(report, Config(all=True), questions=False)
        if not result.applied:
            continue
        after = load_text(result.combined_source, str(path), report.document.format)
        gone = lost(facts(report.document.text), facts(after.text))
        assert not gone, f"{path.name}: facts lost: {gone}"
        offered += len(result.applied)
        # every sentence of the re-loaded file that the original did not have is checked there
        known = {p for o in result.applied for p in problems(o.before)}
        original = {s.text for s in report.document.sentences}
        changed = [s.text for s in after.sentences if s.text not in original]
        assert changed, f"{path.name}: rewrites applied but no sentence changed"
        for sentence in changed:
            new = set(problems(sentence)) - known
            assert not new, f"{path.name}: {sentence!r}: {new}"
    assert offered >= 40  # the dev texts get rewrites (measured: see make eval)
