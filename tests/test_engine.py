"""Engine behaviour shared by every rule: selection, suppressions, vocabulary, severities, determinism."""

import pytest

from plainpitch.config import Config, ConfigError
from plainpitch.engine import analyze
from plainpitch.ingest import load_text

HEDGY = "This will hopefully cut your build times.\n\nIt is perhaps the best tool.\n"


def codes(report):
    return [f.code for f in report.findings]


def test_select_and_ignore():
    doc = load_text(HEDGY, "x.txt", "text")
    assert "TON001" in codes(analyze(doc, Config(select=("TON001",))))
    assert "TON001" not in codes(analyze(doc, Config(ignore=("hedge-word",))))
    assert "TON001" in codes(analyze(doc, Config(select=("TON",))))


def test_inline_suppression_silences_the_next_block_only():
    text = "<!-- plainpitch: ignore TON001 -->\nThis will hopefully work.\n\nIt is perhaps fine.\n"
    report = analyze(load_text(text, "x.txt", "text"), Config(select=("TON001",)))
    assert [f.text for f in report.findings] == ["perhaps"]


def test_file_suppression():
    text = "<!-- plainpitch: ignore-file hedge-word -->\n\nThis will hopefully work.\n\nIt is perhaps fine.\n"
    report = analyze(load_text(text, "x.txt", "text"), Config(select=("TON001",)))
    assert report.findings == ()


def test_vocabulary_allows_terms():
    doc = load_text(HEDGY, "x.txt", "text")
    report = analyze(doc, Config(select=("TON001",), vocabulary=frozenset({"Perhaps"})))
    assert [f.text for f in report.findings] == ["hopefully"]


def test_severity_override_and_min_severity():
    doc = load_text(HEDGY, "x.txt", "text")
    report = analyze(doc, Config(select=("TON001",), severity={"TON001": "error"}))
    assert {f.severity for f in report.findings} == {"error"}
    assert analyze(doc, Config(select=("TON001",), min_severity="warning")).findings == ()


def test_same_input_same_score():
    doc = load_text(HEDGY, "x.txt", "text")
    assert analyze(doc).score == analyze(load_text(HEDGY, "x.txt", "text")).score


def test_bad_profile_is_a_config_error():
    with pytest.raises(ConfigError, match="profile 'boss'"):
        Config().with_overrides(profile="boss")


def test_findings_locate_the_source():
    report = analyze(load_text(HEDGY, "x.txt", "text"), Config(select=("TON001",)))
    for f in report.findings:
        assert HEDGY[f.location.start : f.location.end] == f.text
