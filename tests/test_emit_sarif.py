"""SARIF 2.1.0: valid against the OASIS schema, severities kept, regions exact, rules from the rule metadata."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plainpitch.config import Config
from plainpitch.emit import render
from plainpitch.emit.sarif import sarif_dict
from plainpitch.engine import analyze
from plainpitch.ingest import load_text
from plainpitch.model import DocumentReport, Finding, Location, Report, Span, Suggestion
from plainpitch.rules.base import all_rules
from plainpitch.runner import Runner

jsonschema = pytest.importorskip("jsonschema")

ONLY_HEDGES = Config(select=("TON001",))
COPY = "Subject: Faster builds\n\nThis will hopefully cut your build times.\n\nPerhaps we think it is fast.\n"


@pytest.fixture(scope="module")
def validator(shared):
    schema = json.loads((shared / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema)


def _valid(validator, log: dict) -> None:
    errors = list(validator.iter_errors(log))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def _run(tmp_path, monkeypatch, files: dict[str, bytes], config: Config = ONLY_HEDGES) -> dict:
    monkeypatch.chdir(tmp_path)
    for name, data in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    return json.loads(render(Runner(config).run(list(files)), "sarif"))


def test_a_real_report_is_valid_sarif_with_exact_regions(tmp_path, monkeypatch, validator):
    log = _run(tmp_path, monkeypatch, {"copy/pitch.txt": COPY.encode()})
    _valid(validator, log)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run["tool"]["driver"]["name"] == "plainpitch"
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["invocations"][0]["executionSuccessful"] is True
    assert [a["location"]["uri"] for a in run["artifacts"]] == ["copy/pitch.txt"]
    texts = []
    for result in run["results"]:
        assert result["level"] == "note"  # suggestion -> note, not flattened to warning
        loc = result["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"] == {"uri": "copy/pitch.txt", "uriBaseId": "%SRCROOT%", "index": 0}
        region = loc["region"]
        line = COPY.split("\n")[region["startLine"] - 1]
        flagged = line[region["startColumn"] - 1 : region["endColumn"] - 1]
        assert COPY[region["charOffset"] : region["charOffset"] + region["charLength"]] == flagged
        assert region["snippet"]["text"] == flagged
        texts.append(flagged)
    assert texts == ["hopefully", "Perhaps", "we think"]


def test_rules_come_from_the_metadata_and_result_indexes_point_at_them(tmp_path, monkeypatch, validator):
    log = _run(tmp_path, monkeypatch, {"pitch.txt": COPY.encode()})
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    registered = {r.meta.code: r.meta for r in all_rules()}
    assert {r["id"] for r in rules} == set(registered)
    for descriptor in rules:
        meta = registered[descriptor["id"]]
        assert descriptor["name"] == meta.name
        assert descriptor["shortDescription"]["text"] == meta.summary
        assert descriptor["fullDescription"]["text"] == meta.why
        assert meta.fix in descriptor["help"]["text"]
        assert descriptor["helpUri"].endswith(f"docs/rules/{meta.code}.md")
        assert descriptor["defaultConfiguration"]["level"] == {"suggestion": "note", "warning": "warning", "error": "error"}[meta.severity]
    hedge = next(r for r in rules if r["id"] == "TON001")
    assert "This will hopefully cut your build times." in hedge["help"]["text"]  # the bad example, marks removed
    for result in log["runs"][0]["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_input_errors_become_notifications_and_mark_the_run_unsuccessful(tmp_path, monkeypatch, validator):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pitch.txt").write_text(COPY, encoding="utf-8")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01binary\x00" * 40)
    log = json.loads(render(Runner(ONLY_HEDGES).run(["pitch.txt", "blob.txt", "nope.md"]), "sarif"))
    _valid(validator, log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert {n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notes} == {"blob.txt", "nope.md"}
    assert all(n["level"] == "error" for n in notes)
    assert log["runs"][0]["results"]  # the readable file was still checked


def test_severity_overrides_are_kept_as_levels(tmp_path, monkeypatch, validator):
    log = _run(tmp_path, monkeypatch, {"pitch.txt": COPY.encode()}, Config(select=("TON001",), severity={"TON001": "error"}))
    _valid(validator, log)
    assert {r["level"] for r in log["runs"][0]["results"]} == {"error"}


def test_crlf_files_keep_lines_and_columns_but_drop_char_offsets(tmp_path, monkeypatch, validator):
    log = _run(tmp_path, monkeypatch, {"crlf.txt": COPY.replace("\n", "\r\n").encode()})
    _valid(validator, log)
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in log["runs"][0]["results"]]
    assert regions and all("charOffset" not in r for r in regions)
    assert (regions[0]["startLine"], regions[0]["startColumn"]) == (3, 11)


def test_suggestions_become_fixes_and_unknown_codes_still_get_a_rule(validator):
    doc = load_text("We utilize Kafka to leverage your data.", "pitch.txt", "text")
    start = doc.text.index("utilize")
    finding = Finding(
        code="XYZ999", name="plugin-rule", category="clarity", severity="warning", message="'utilize' is wordy",
        fix="Use the short word.", span=Span(start, start + 7), location=Location(start, start + 7, 1, start + 1, 1, start + 8),
        text="utilize", suggestions=(Suggestion("use"), Suggestion("", "drop it"), Suggestion("utilize, so you …")),
    )  # fmt: skip
    report = Report((DocumentReport("pitch.txt", "text", "text", "business", "self-serve", (finding,), (), None, doc),), (), "0.1.0")
    log = sarif_dict(report, cwd=str(Path.cwd()))
    _valid(validator, log)
    run = log["runs"][0]
    result = run["results"][0]
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "XYZ999"
    use, drop = result["fixes"]  # the "…" template is advice for the writer, not a fix a tool could apply
    replacement = use["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == "use"
    deleted = replacement["deletedRegion"]
    assert doc.source[deleted["charOffset"] : deleted["charOffset"] + deleted["charLength"]] == "utilize"
    assert "insertedContent" not in drop["artifactChanges"][0]["replacements"][0]  # empty replacement: delete
    assert drop["description"]["text"] == "drop it"


def test_stdin_and_files_outside_the_working_directory(tmp_path, monkeypatch, validator):
    inside = tmp_path / "work"
    inside.mkdir()
    outside = tmp_path / "elsewhere.txt"
    outside.write_text(COPY, encoding="utf-8")
    monkeypatch.chdir(inside)
    stdin_report = analyze(load_text(COPY, "<stdin>", "text"), ONLY_HEDGES)
    file_report = Runner(ONLY_HEDGES).run([str(outside)]).documents[0]
    log = json.loads(render(Report((stdin_report, file_report), (), "0.1.0"), "sarif"))
    _valid(validator, log)
    uris = [a["location"]["uri"] for a in log["runs"][0]["artifacts"]]
    assert uris[1] == outside.as_uri()  # outside the working directory: an absolute file URI
    assert log["runs"][0]["artifacts"][0]["description"]["text"] == "standard input"


def test_every_rule_on_real_copy_is_valid_sarif(shared, validator):
    files = [str(p) for p in sorted((shared / "corpus" / "landing").glob("*.md"))[:3]]
    report = Runner(Config()).run(files)
    assert len(report.documents) == 3, report.errors
    _valid(validator, json.loads(render(report, "sarif")))
