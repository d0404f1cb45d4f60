"""Every rule's own examples are its tests: bad examples flag exactly the [[marked]] text, good ones nothing."""

import pytest

from plainpitch.config import Config
from plainpitch.engine import analyze
from plainpitch.ingest import load_text
from plainpitch.rules.base import all_rules, iter_markers, strip_markers

RULES = all_rules()
EXT = {"markdown": "example.md", "text": "example.txt", "html": "example.html", "email": "example.eml"}


def _run(rule, example):
    fmt = example.format or rule.meta.example_format
    text = strip_markers(example.text)
    medium = example.medium or rule.meta.example_medium
    if fmt == "call":
        from plainpitch.ingest.transcript import load_transcript_text

        doc = load_transcript_text(text, "example.txt")
        medium = "call"
    else:
        doc = load_text(text, EXT.get(fmt, "example.md"), fmt)
    config = Config(medium=medium if medium != "call" else None, select=(rule.meta.code,),
                    profile=rule.meta.example_profile or None)
    report = analyze(doc, config, rules=[rule])
    return doc, report


def _cases(kind):
    for rule in RULES:
        for i, ex in enumerate(getattr(rule.meta, kind)):
            yield pytest.param(rule, ex, id=f"{rule.meta.code}-{kind}{i}")


@pytest.mark.parametrize("rule,example", list(_cases("bad")))
def test_bad_example_flags_exactly_the_marked_text(rule, example):
    doc, report = _run(rule, example)
    clean = strip_markers(example.text)
    expected = sorted(clean[s:e] for s, e in iter_markers(example.text))
    flagged = sorted(f.text for f in report.findings if f.code == rule.meta.code)
    assert flagged == expected, f"{rule.meta.code}: flagged {flagged}, expected {expected}"


@pytest.mark.parametrize("rule,example", list(_cases("good")))
def test_good_example_is_clean(rule, example):
    _, report = _run(rule, example)
    flagged = [f.text for f in report.findings if f.code == rule.meta.code]
    assert flagged == [], f"{rule.meta.code} flagged {flagged} in a good example"
