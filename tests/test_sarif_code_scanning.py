"""SARIF for GitHub code scanning: what it requires is there, rule ids are stable, and partialFingerprints match a
finding across commits (and match the value upload-sarif itself computes)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from plainpitch.emit.fingerprints import line_hashes, rolling_line_hashes
from plainpitch.rules.base import all_rules

jsonschema = pytest.importorskip("jsonschema")

PAGE = (
    "# Our K8s-native CDC pipeline\n\n"
    "Naïve 🚀 teams leverage gRPC and Kafka. This will hopefully cut your build times.\n\n"
    "[CTA: Submit]\n"
)


@pytest.fixture(scope="module")
def validator(shared):
    schema = json.loads((shared / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema)


def _sarif(cwd, *paths: str) -> dict:
    run = subprocess.run([sys.executable, "-m", "plainpitch", "check", "--all", "--format", "sarif", *paths],
                         cwd=cwd, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})  # fmt: skip
    assert run.returncode in (0, 1), run.stderr
    return json.loads(run.stdout)


def _results(log: dict) -> list[dict]:
    return log["runs"][0]["results"]


def test_what_code_scanning_requires_is_there(tmp_path, validator):
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "page.md").write_text(PAGE, encoding="utf-8")
    log = _sarif(tmp_path, "copy/page.md")
    errors = list(validator.iter_errors(log))
    assert not errors, errors[0].message
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] and driver["semanticVersion"]
    rules = driver["rules"]
    for rule in rules:  # required by code scanning, with its length limits
        assert rule["id"] and 0 < len(rule["shortDescription"]["text"]) <= 1024
        assert 0 < len(rule["fullDescription"]["text"]) <= 1024
        assert rule["help"]["text"] and len(rule["name"]) <= 255
        assert rule["defaultConfiguration"]["level"] in ("note", "warning", "error")
    results = _results(log)
    assert len(results) >= 4
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["message"]["text"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "copy/page.md"  # relative to the repository root
        region = location["region"]
        assert {"startLine", "startColumn", "endLine", "endColumn"} <= set(region)
        fingerprints = result["partialFingerprints"]
        assert set(fingerprints) == {"plainpitch/v1", "primaryLocationLineHash"}


def test_rule_ids_are_the_codes_and_do_not_depend_on_what_was_found(tmp_path):
    (tmp_path / "a.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.md").write_text("Thanks for your time today.\n", encoding="utf-8")
    a, b = _sarif(tmp_path, "a.md"), _sarif(tmp_path, "b.md")
    ids = [r["id"] for r in a["runs"][0]["tool"]["driver"]["rules"]]
    assert ids == [r["id"] for r in b["runs"][0]["tool"]["driver"]["rules"]]  # same list, same indexes
    assert ids == sorted(r.meta.code for r in all_rules())


def test_fingerprints_survive_moved_lines_and_edits_elsewhere(tmp_path):
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    before = {(r["ruleId"], r["partialFingerprints"]["plainpitch/v1"]) for r in _results(_sarif(tmp_path, "page.md"))}
    moved = "Intro paragraph added above, written plainly for buyers.\n\n" + PAGE.replace("Submit", "Start my trial")
    (tmp_path / "page.md").write_text(moved, encoding="utf-8")
    after_results = _results(_sarif(tmp_path, "page.md"))
    after = {(r["ruleId"], r["partialFingerprints"]["plainpitch/v1"]) for r in after_results}
    hedges = [r for r in after_results if r["ruleId"] == "TON001"]
    assert hedges and hedges[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 5  # it moved down
    kept = {pair for pair in before if pair[0] in ("TON001", "TON003", "JRG002")}
    assert kept and kept <= after  # the same findings keep their fingerprints after moving down two lines


def test_fingerprints_tell_repeated_findings_apart(tmp_path):
    (tmp_path / "page.md").write_text("It is hopefully fast.\n\nIt is hopefully cheap.\n", encoding="utf-8")
    hedges = [r for r in _results(_sarif(tmp_path, "page.md")) if r["ruleId"] == "TON001"]
    assert len(hedges) == 2
    assert len({r["partialFingerprints"]["plainpitch/v1"] for r in hedges}) == 2
    assert len({r["partialFingerprints"]["primaryLocationLineHash"] for r in hedges}) == 2


def test_line_hash_is_the_one_upload_sarif_computes():
    """Golden values from codeql-action's own fingerprints.ts (run under Node.js on these exact inputs): CRLF and
    lone CR lines, tabs and spaces skipped, a character outside the BMP (two UTF-16 units), repeated lines."""
    text = "hello world\nsecond line\r\nthird 😀 line\rfourth\n\nhello world\n"
    assert rolling_line_hashes(text) == {
        1: "7b513991bf2ee83f:1", 2: "b8900ddeb42f283d:1", 3: "853207137d0a03eb:1", 4: "962f6acdb1f35985:1",
        5: "55ac96dfd06c5dbb:1", 6: "69d1a8532088f99d:1", 7: "c129715d7a2bc9a3:1",
    }  # fmt: skip
    assert rolling_line_hashes("") == {1: "c129715d7a2bc9a3:1"}
    repeated = rolling_line_hashes(("x" * 120 + "\n") * 2)  # the same first 100 characters: told apart by the count
    assert repeated[1].split(":")[0] == repeated[2].split(":")[0] and (repeated[1][-2:], repeated[2][-2:]) == (":1", ":2")
    assert rolling_line_hashes("  a\tb\n") == rolling_line_hashes("ab\n")  # blanks do not count


def test_a_file_that_is_not_utf8_leaves_the_line_hash_to_the_uploader(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\xe9 teams will hopefully love it.\n".encode("latin-1"))
    assert line_hashes(str(path)) == {}
    [hedge] = [r for r in _results(_sarif(tmp_path, "latin1.txt")) if r["ruleId"] == "TON001"]
    assert set(hedge["partialFingerprints"]) == {"plainpitch/v1"}
