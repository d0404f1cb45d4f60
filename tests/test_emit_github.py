"""`--format github`: workflow annotations the Actions runner parses back into exactly what was found, even when
the copy, the messages and the file names are hostile."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from plainpitch.emit.github import escape_data, escape_property, render
from plainpitch.model import DocumentReport, Finding, InputError, Location, Report, Span

# The runner's side: one command per line; properties end at the first '::'; it un-escapes these sequences.
COMMAND = re.compile(r"^::(?P<name>[a-z]+) (?P<props>.*?)::(?P<message>.*)$")
DATA_ESCAPES = {"%0D": "\r", "%0A": "\n", "%25": "%"}
PROPERTY_ESCAPES = {**DATA_ESCAPES, "%3A": ":", "%2C": ","}


def unescape(text: str, table: dict[str, str]) -> str:
    return re.sub("|".join(table), lambda m: table[m.group(0)], text)


def parse(output: str) -> list[tuple[str, dict[str, str], str]]:
    commands = []
    for line in output.splitlines():
        m = COMMAND.match(line)
        assert m, f"not a workflow command: {line!r}"
        props = dict(p.split("=", 1) for p in m.group("props").split(","))
        commands.append(
            (m.group("name"), {k: unescape(v, PROPERTY_ESCAPES) for k, v in props.items()}, unescape(m.group("message"), DATA_ESCAPES))
        )
    return commands


def _finding(message: str, text: str = "x", line: int = 2, end_line: int = 2, severity: str = "warning") -> Finding:
    loc = Location(10, 14, line, 3, end_line, 7)
    return Finding("JRG001", "unexplained-jargon", "jargon", severity, message, "Say it plainly.", Span(0, 4), loc, text)


def _report(path: str, *findings: Finding, errors: tuple[InputError, ...] = ()) -> Report:
    d = DocumentReport(path, "markdown", "page", "business", "self-serve", findings, (), None)
    return Report((d,), errors)


def test_hostile_text_cannot_end_a_command_or_start_another(tmp_path):
    hostile = "50% off\r\n::add-mask::secret\n::error file=evil.md::forged, title=x:y \x1b[31mred\u202e"
    path = "copy/we,ird:na%me\n.md"
    out = render(_report(path, _finding(hostile)), cwd=str(tmp_path))
    assert out.count("\n") == 1  # one finding, one line: no line break reaches the runner unescaped
    [(name, props, message)] = parse(out)
    assert name == "warning"
    assert props["file"] == path  # the runner gets the real name back, commas, colons and all
    assert props["title"] == "JRG001 unexplained-jargon"
    assert message.startswith("50% off\r\n::add-mask::secret\n::error file=evil.md::forged, title=x:y ")
    assert "\x1b" not in message and "\u202e" not in message  # terminal controls neutralised, as in the text report
    assert message.endswith("\nfix: Say it plainly.")


def test_escaping_follows_the_runner():
    assert escape_data("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad:e,f"
    assert escape_property("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad%3Ae%2Cf"
    assert escape_data("%0A") == "%250A"  # an escape sequence in the copy stays literal text


def test_severities_columns_and_multi_line_findings(tmp_path):
    one_line = _finding("m", severity="suggestion")
    two_lines = _finding("m", line=2, end_line=3, severity="error")
    [(n1, p1, _), (n2, p2, _)] = parse(render(_report("a.md", one_line, two_lines), cwd=str(tmp_path)))
    assert (n1, p1["line"], p1["col"], p1["endLine"], p1["endColumn"]) == ("notice", "2", "3", "2", "6")  # inclusive end
    assert n2 == "error" and p2["line"] == "2" and p2["endLine"] == "3"
    assert "col" not in p2 and "endColumn" not in p2  # the runner refuses columns across lines


def test_unreadable_input_is_an_error_annotation(tmp_path):
    out = render(Report((), (InputError("missing.md", "no such file"),)), cwd=str(tmp_path))
    [(name, props, message)] = parse(out)
    assert (name, props["file"], message) == ("error", "missing.md", "no such file")


def test_check_format_github_points_at_the_flagged_text(tmp_path):
    """The real CLI on a real file with non-ASCII text: every annotation's line and columns (1-based code points,
    end inclusive) pick out the flagged source text, and the exit code still follows --fail-on."""
    source = (
        "# Café 🚀 launch\n\nNaïve teams leverage our K8s-native CDC pipeline — hopefully it synergizes\n"
        "your gRPC and Kafka ETL microservices.\n\n[CTA: Submit]\n"
    )
    page = tmp_path / "site" / "page.md"
    page.parent.mkdir()
    page.write_text(source, encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1"}
    run = subprocess.run([sys.executable, "-m", "plainpitch", "check", "--all", "--format", "github", "site/page.md"],
                         cwd=tmp_path, capture_output=True, text=True, env=env)  # fmt: skip
    assert run.returncode == 1, run.stderr
    commands = parse(run.stdout)
    assert len(commands) >= 5
    lines = source.split("\n")
    seen_multi_line = False
    for name, props, message in commands:
        assert name in ("error", "warning", "notice")
        assert props["file"] == "site/page.md"
        assert re.fullmatch(r"[A-Z]{3}\d{3} [a-z0-9-]+", props["title"])
        assert "\nfix: " in message
        if "col" in props:
            line = lines[int(props["line"]) - 1]
            flagged = line[int(props["col"]) - 1 : int(props["endColumn"])]
            assert flagged and flagged == flagged.strip(), (props, flagged)
        else:
            seen_multi_line = True
            assert int(props["endLine"]) > int(props["line"])
    hedge = [p for _, p, m in commands if p["title"].startswith("TON001")]
    assert hedge and lines[int(hedge[0]["line"]) - 1][int(hedge[0]["col"]) - 1 : int(hedge[0]["endColumn"])] == "hopefully"
    assert seen_multi_line  # the jargon-dense sentence runs over two lines


def test_fail_on_error_passes_when_only_warnings(tmp_path):
    (tmp_path / "a.md").write_text("This will hopefully cut your build times. Book a demo today.\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "plainpitch", "check", "--all", "--format", "github", "--fail-on", "error",
                          "a.md"],
                         cwd=tmp_path, capture_output=True, text=True)  # fmt: skip
    names = [name for name, _, _ in parse(run.stdout)]
    assert "notice" in names and "error" not in names  # something was found, nothing reached --fail-on error
    assert run.returncode == 0, run.stdout + run.stderr


def test_a_file_outside_the_working_directory_keeps_its_absolute_path(tmp_path):
    outside = Path(tmp_path / "elsewhere" / "x.md")
    out = render(_report(str(outside), _finding("m")), cwd=str(tmp_path / "repo"))
    [(_, props, _)] = parse(out)
    assert props["file"] == str(outside)
