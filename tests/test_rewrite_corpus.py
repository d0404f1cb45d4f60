"""Every offline rewrite on every dev text (the judged copy, the corpus, the plain-language *before* passages and the
READMEs of the README-vs-landing pairs in ../shared) reads as English and keeps every fact: each offered rewrite
alone (its sentence substituted), and all of them together, checked on the rewritten *file* re-loaded from
disk-format text, not on the pipeline's own strings. A few short texts of the test's own make sure every kind of
offline rewrite is among those checked, including kinds the dev texts do not happen to call for."""

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


# One text per kind of offline rewrite (and per split boundary), so that the check below covers each kind even
# where no dev text calls for it; written for this test, not taken from the dev texts.
KINDS = {
    "colon.md": "# Billing\n\nThe way our billing works for every customer on every plan is really quite simple and fair "
                "to everyone: you pay only for the events that your team actually sends us each month.\n\n"
                "[See pricing](/pricing)\n",
    "quantified.md": "# Setup\n\nSeveral community packages for the old command line tool are available on most Linux "
                     "systems today, but none of them work with the current version of the service or its new login "
                     "flow.\n\n[Start a trial](/trial)\n",
    "bare-subject.md": "# How it works\n\nEvery change to your database is captured as it happens and sent on to your "
                       "other systems within seconds: most customers are running it in production within the first "
                       "week of their trial.\n\n[Book a demo](/demo)\n",
    "acronym.md": "# Data\n\nOur content delivery network keeps copies of your pages close to each visitor, so the CDN "
                  "answers from the nearest city and your shop loads fast.\n\n[See pricing](/pricing)\n",
    "same.md": "# Forms\n\nIf you send an identical form twice, we keep the first one and tell you by email.\n\n"
               "[Contact us](/contact)\n",
    "we.md": "# Acme\n\nWe believe our platform is the best and our engineers are proud of our code. We ship our "
             "releases weekly. Our team answers fast. We offer a free migration for every new shop.\n\n"
             "[Start a trial](/trial)\n",
}  # fmt: skip
# what the KINDS texts (and the dev texts) must get offered, by candidate kind and by a word of its note
COVERED = {"substitute", "expand-acronym", "split-sentence", "break-paragraph", "turn-to-buyer", "name-button",
           "at colon", "at conjunction", "at which", "page's own words", "'identical' -> 'same'"}  # fmt: skip


def _documents():
    for path in FILES:
        yield path.name, load_path(path)
    for name, text in TEXTS:
        yield name, load_text(text, name)
    for name, text in KINDS.items():
        yield name, load_text(text, name)


@pytest.mark.slow
def test_every_offline_rewrite_reads_as_english_and_keeps_the_facts():
    offered = 0
    seen: set[str] = set()
    for name, doc in _documents():
        report = analyze(doc, Config(all=True))  # every rule with a rewrite, as `plainpitch rewrite` runs
        result = rewrite(report, Config(all=True), questions=False)
        for outcome in result.outcomes:
            if outcome.status != "offered":
                continue
            offered += 1
            seen.add(outcome.candidate.kind)
            seen.update(c for c in COVERED if c in outcome.candidate.note)
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
    assert COVERED <= seen, f"kinds of rewrite this test never checked: {sorted(COVERED - seen)}"
