"""`plainpitch check`, `rules` and `explain` end to end through click's CliRunner.

Exit codes: 0 nothing reached the fail level, 1 something did, 2 usage or input errors. Most tests select
TON001 (hedge-word) so that rules added later cannot change what they expect.
"""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from plainpitch.cli import main

ANSI = re.compile(r"\x1b\[")
HEDGED = "Subject: Faster builds\n\nThis will hopefully cut your build times.\n\nPerhaps we think it is fast.\n"
CLEAN = "Your builds finish in half the time.\n"
NO_ENV = {"NO_COLOR": None, "FORCE_COLOR": None}


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A folder with a hedged and a clean file, as the working directory."""
    (tmp_path / "pitch.txt").write_text(HEDGED, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str, env: dict | None = None, input: str | None = None):
    return CliRunner().invoke(main, list(args), env={**NO_ENV, **(env or {})}, input=input)


def codes(result) -> list[str]:
    return [f["code"] for d in json.loads(result.stdout)["documents"] for f in d["findings"]]


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "html", "markdown"])
def test_every_format(project, fmt):
    result = run("check", "pitch.txt", "--select", "TON001", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    if fmt == "text":
        # three suggestions of one rule are one group; --all lists each (see tests/test_emit_text.py)
        assert re.search(r"^pitch\.txt: TON001 hedge-word ×3 \[suggestion\] lines 3", out, re.M)
        assert "3: 'hopefully' hedges the claim" in out
        full = run("check", "pitch.txt", "--select", "TON001", "--all", "--format", "text").stdout
        assert re.search(r"^pitch\.txt:3:11: TON001 hedge-word \[suggestion\] 'hopefully' hedges the claim$", full, re.M)
    elif fmt == "json":
        assert codes(result) == ["TON001"] * 3
    elif fmt == "sarif":
        assert json.loads(out)["runs"][0]["results"][0]["ruleId"] == "TON001"
    elif fmt == "html":
        assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    else:
        assert out.startswith("## plainpitch: 3 findings in 1 file")


def test_output_file(project):
    result = run("check", "pitch.txt", "--select", "TON001", "-o", "report.txt", env={"FORCE_COLOR": "1"})
    assert result.exit_code == 0
    assert result.stdout == ""
    written = (project / "report.txt").read_text(encoding="utf-8")
    assert "TON001 hedge-word" in written and not ANSI.search(written)  # files never get colour
    result = run("check", "pitch.txt", "--select", "TON001", "-o", str(project / "no-such-dir" / "r.txt"))
    assert result.exit_code == 2 and "cannot write" in result.stderr


@pytest.mark.parametrize("selector", ["TON001", "hedge-word", "TON", "tone", "ton001, hedge-word"])
def test_select_by_code_name_prefix_category_or_list(project, selector):
    result = run("check", "pitch.txt", "--select", selector, "-f", "json")
    assert result.exit_code in (0, 1), result.stderr
    found = codes(result)
    assert "TON001" in found and all(code.startswith("TON") for code in found)


def test_ignore_wins_over_select(project):
    result = run("check", "pitch.txt", "--select", "TON001", "--ignore", "hedge-word", "-f", "json")
    assert result.exit_code == 0
    assert codes(result) == []


def test_unknown_rule_in_select_is_a_usage_error(project):
    result = run("check", "pitch.txt", "clean.txt", "--select", "TON999")
    assert result.exit_code == 2
    # one line for the run (not one per file), and a usage error, not "a plainpitch bug"
    assert re.fullmatch(r"plainpitch: error: unknown rule 'TON999'[^\n]*\n", result.stderr)


def test_unknown_rule_in_a_config_file_names_the_file_it_governs(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.plainpitch]\nignore = ["NOPEX"]\n', encoding="utf-8")
    (tmp_path / "page.md").write_text("Book a demo today.\n", encoding="utf-8")
    result = run("check", str(tmp_path / "page.md"))
    assert result.exit_code == 2
    assert result.stderr == f"plainpitch: error: {tmp_path / 'page.md'}: unknown rule 'NOPEX'; `plainpitch rules` lists them\n"


def test_min_severity_hides_lower_findings(project):
    result = run("check", "pitch.txt", "--select", "TON001", "--min-severity", "warning", "-f", "json")
    assert codes(result) == []


def test_fail_on_sets_the_exit_code(project):
    assert run("check", "pitch.txt", "--select", "TON001").exit_code == 0  # default: fail on warnings
    assert run("check", "pitch.txt", "--select", "TON001", "--fail-on", "suggestion").exit_code == 1
    assert run("check", "clean.txt", "--select", "TON001", "--fail-on", "suggestion").exit_code == 0


def test_input_and_usage_errors_exit_2_with_one_line(project):
    (project / "blob.txt").write_bytes(b"\x00\x01binary\x00" * 40)
    for args, name, code in (
        (["missing.txt"], "missing.txt", 2),  # nothing could be checked
        (["blob.txt"], "blob.txt", 2),
        (["pitch.txt", "missing.txt"], "missing.txt", 1),  # the good file is checked; the run still fails
    ):
        result = run("check", *args, "--select", "TON001")
        assert result.exit_code == code, args
        assert re.fullmatch(rf"plainpitch: error: {name}: [^\n]+\n", result.stderr), result.stderr
    assert run("check", "pitch.txt", "--format", "pdf").exit_code == 2
    assert run("check").exit_code == 2


def test_statistics_counts_per_rule(project):
    result = run("check", "pitch.txt", "clean.txt", "--select", "TON001", "--statistics")
    lines = result.stdout.splitlines()
    assert re.fullmatch(r"3\s+TON001\s+hedge-word\s+\[suggestion\]", lines[0])
    assert "3 findings in 2 files" in lines[-1]
    assert "pitch.txt:3:11" not in result.stdout


def test_colour_follows_force_color_and_no_color(project):
    forced = run("check", "pitch.txt", "--select", "TON001", env={"FORCE_COLOR": "1"})
    assert ANSI.search(forced.stdout)
    both = run("check", "pitch.txt", "--select", "TON001", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert not ANSI.search(both.stdout)
    assert re.sub(r"\x1b\[[0-9;]*m", "", forced.stdout) == both.stdout


def test_stdin(project):
    result = run("check", "-", "--select", "TON001", "-f", "json", input="We think this is arguably the best.\n")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["documents"][0]["path"] == "<stdin>"
    assert [f["text"] for f in data["documents"][0]["findings"]] == ["We think", "arguably"]


def test_config_from_pyproject_found_by_walking_up(project):
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.plainpitch]\nselect = ["TON001"]\n\n[tool.plainpitch.severity]\nTON001 = "warning"\n',
        encoding="utf-8",
    )
    docs = project / "site" / "docs"
    docs.mkdir(parents=True)
    (docs / "pitch.txt").write_text(HEDGED, encoding="utf-8")
    result = run("check", "site/docs/pitch.txt", "-f", "json")
    assert result.exit_code == 1  # the config made TON001 a warning, which reaches the default fail level
    severities = {f["severity"] for f in json.loads(result.stdout)["documents"][0]["findings"]}
    assert codes(result) == ["TON001"] * 3 and severities == {"warning"}
    assert run("check", "site/docs/pitch.txt", "--fail-on", "error").exit_code == 0  # the flag beats the file


def test_plainpitch_toml_is_found_and_wins_over_a_farther_pyproject(project):
    (project / "pyproject.toml").write_text('[tool.plainpitch]\nselect = ["TON001"]\nfail-on = "suggestion"\n', encoding="utf-8")
    sub = project / "emails"
    sub.mkdir()
    (sub / "plainpitch.toml").write_text('select = ["TON001"]\nignore = ["hedge-word"]\n', encoding="utf-8")
    (sub / "cold.txt").write_text(HEDGED, encoding="utf-8")
    near = run("check", "emails/cold.txt", "-f", "json")
    assert near.exit_code == 0 and codes(near) == []
    far = run("check", "pitch.txt", "-f", "json")  # next to pyproject.toml: its fail-on applies
    assert far.exit_code == 1 and codes(far) == ["TON001"] * 3


def test_a_broken_config_is_a_one_line_error(project):
    (project / "plainpitch.toml").write_text('profile = "aliens"\n', encoding="utf-8")
    result = run("check", "pitch.txt")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "aliens" in result.stderr and "plainpitch.toml" in result.stderr


def test_rules_lists_every_rule():
    result = run("rules")
    assert result.exit_code == 0
    assert re.search(r"^TON001\s+hedge-word\s+suggestion\s+off\s+Hedges", result.stdout, re.M)
    listed = json.loads(run("rules", "--format", "json").stdout)
    assert "hedge-word" in {r["name"] for r in listed}


def test_explain_by_code_or_name():
    by_code = run("explain", "TON001")
    by_name = run("explain", "hedge-word")
    assert by_code.exit_code == by_name.exit_code == 0
    assert by_code.stdout == by_name.stdout
    assert by_code.stdout.startswith("# TON001 hedge-word")
    assert "Why it costs the sale" in by_code.stdout and "A buyer pays for certainty" in by_code.stdout


def test_explain_an_unknown_rule_is_a_one_line_error():
    result = run("explain", "NOPE")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert re.fullmatch(r"plainpitch: error: unknown rule 'NOPE'[^\n]*\n", result.stderr)
