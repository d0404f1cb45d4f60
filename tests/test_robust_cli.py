"""Issue 16 and issue 9 item 6 through the real command line (a subprocess each): every bad input or option is one
clear line and a non-zero exit, never a traceback, and one bad file never costs the others."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).with_name("plainpitch")
GOOD = "Our pipeline will hopefully cut your build times. Book a demo.\n"


def run(*args: str, cwd: Path | None = None, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, timeout: float = 120,
        prelude: str | None = None) -> subprocess.CompletedProcess:  # fmt: skip
    """The real CLI; ``prelude`` is Python run first in the same process (to plant a bug in a loader or rule)."""
    if prelude is None:
        cmd = [str(BIN), *args]
    else:
        cmd = [
            sys.executable,
            "-c",
            f"{prelude}\nimport sys\nfrom plainpitch.cli import main\nsys.argv[0] = 'plainpitch'\nmain()",
            *args,
        ]
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(cmd, cwd=cwd, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, timeout=timeout, env=env)


def run_here(*args: str, cwd: Path, real: bool) -> subprocess.CompletedProcess:
    """The CLI's option and config checks: through the real command line when ``real`` (one case of each check
    keeps that path tested), else the same click group called in this process (its one-line errors and the
    last-resort catcher are in the group, so they run here too), without a Python start-up per value. An exception
    that escapes the group fails the test, as a traceback would."""
    if real:
        return run(*args, cwd=cwd, timeout=60)
    from click.testing import CliRunner

    from plainpitch.cli import main

    here = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, list(args), env={"NO_COLOR": "1"}, prog_name="plainpitch")
    finally:
        os.chdir(here)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return subprocess.CompletedProcess(["plainpitch", *args], result.exit_code, result.stdout_bytes, result.stderr_bytes)


def one_line_error(result: subprocess.CompletedProcess, *fragments: str) -> str:
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines, "no error line"
    for fragment in fragments:
        assert any(fragment in line for line in lines), (fragment, err)
    return err


def test_a_symlink_loop_is_one_line_for_check_and_call_review(tmp_path):
    (tmp_path / "a.md").symlink_to(tmp_path / "b.md")
    (tmp_path / "b.md").symlink_to(tmp_path / "a.md")
    for args in (["check", "a.md"], ["call", "review", "a.md"]):
        result = run(*args, cwd=tmp_path)
        assert result.returncode == 2
        one_line_error(result, "a.md", "symbolic links")


def test_a_folder_with_a_symlink_loop_checks_the_other_files(tmp_path):
    (tmp_path / "good.md").write_text(GOOD)
    (tmp_path / "a.md").symlink_to(tmp_path / "b.md")
    (tmp_path / "b.md").symlink_to(tmp_path / "a.md")
    result = run("check", "-f", "json", ".", cwd=tmp_path)
    assert result.returncode == 1  # some input failed
    one_line_error(result, "a.md")
    assert [d["path"] for d in json.loads(result.stdout)["documents"]] == ["./good.md"]


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses non-UTF-8 file names")
def test_a_file_name_that_is_not_utf8(tmp_path):
    name = os.fsdecode(b"caf\xe9.md")
    (tmp_path / name).write_text(GOOD)
    result = run("check", name, cwd=tmp_path)
    assert result.returncode in (0, 1)
    assert b"Traceback" not in result.stderr
    assert b"caf" in result.stdout
    result = run("check", "-f", "json", ".", cwd=tmp_path)
    assert json.loads(result.stdout)["summary"]["documents"] == 1


def test_stdin_closed(tmp_path):
    for args in (["check", "-"], ["call", "review", "-"]):
        result = subprocess.run([str(BIN), *args], stdin=None, capture_output=True, timeout=120,
                                preexec_fn=lambda: os.close(0))  # fmt: skip
        assert result.returncode == 2
        one_line_error(result, "standard input is closed")


def test_stdin_over_the_size_limit(tmp_path):
    big = tmp_path / "big.md"
    big.write_bytes(b"We ship faster.\n" * 80_000)  # 1.2 MB
    with open(big, "rb") as fh:
        result = run("check", "--max-size", "1", "-", stdin=fh)
    assert result.returncode == 2
    one_line_error(result, "standard input", "1 MB")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("args", [["check"], ["check", "-f", "json"], ["call", "review"]])
def test_stdout_on_a_full_device(tmp_path, args):
    transcript = Path(__file__).parent / "data" / "transcripts" / "teams_voice.vtt"
    target = str(transcript) if "call" in args else str(tmp_path / "a.md")
    (tmp_path / "a.md").write_text(GOOD)
    with open("/dev/full", "wb") as full:
        result = run(*args, target, stdout=full)
    assert result.returncode == 2
    one_line_error(result, "No space left on device")


@pytest.mark.parametrize("command", ["check", "rewrite", "pitch"])
@pytest.mark.parametrize("value", ["nan", "inf", "1e308", "-1", "0", "abc"])
def test_max_size_must_be_a_finite_positive_size(tmp_path, value, command):
    (tmp_path / "a.md").write_text(GOOD)
    result = run_here(command, f"--max-size={value}", "a.md", cwd=tmp_path, real=value == "nan")
    assert result.returncode == 2
    err = one_line_error(result, "--max-size")
    assert "internal error" not in err


@pytest.mark.parametrize(
    "args",
    [["serve", "--header-timeout=nan"], ["serve", "--body-timeout=nan"], ["serve", "--body-timeout=0"],
     ["serve", "--header-timeout=1e9"], ["rewrite", "--timeout=nan", "a.md"], ["rewrite", "--timeout=-1", "a.md"]],
)  # fmt: skip
def test_timeouts_must_be_finite_and_positive(tmp_path, args):
    (tmp_path / "a.md").write_text(GOOD)
    # a server that started would never return: a real process each, whose timeout fails it
    result = run_here(*args, cwd=tmp_path, real=args != ["rewrite", "--timeout=-1", "a.md"])
    assert result.returncode == 2
    one_line_error(result, args[1].split("=")[0], "is not a duration")


def test_a_model_timeout_in_config_must_be_finite(tmp_path):
    (tmp_path / "a.md").write_text(GOOD)
    (tmp_path / "plainpitch.toml").write_text('[llm]\nbase_url = "http://127.0.0.1:9/v1"\nmodel = "m"\ntimeout = nan\n')
    result = run("rewrite", "--llm", "a.md", cwd=tmp_path, timeout=60)
    assert result.returncode == 2
    one_line_error(result, "plainpitch.toml", "timeout (a finite number of seconds)")


@pytest.mark.parametrize("port", ["99999", "-1", "65536"])
def test_serve_port_out_of_range(port):
    result = run("serve", f"--port={port}", timeout=60)
    assert result.returncode == 2
    one_line_error(result, "--port")


@pytest.mark.parametrize("workers", ["-1", "65", "two"])
def test_serve_workers_out_of_range(workers):
    result = run("serve", "--port=0", f"--workers={workers}", timeout=60)
    assert result.returncode == 2
    one_line_error(result, "--workers")


def test_jobs_are_capped_at_the_cores(tmp_path):
    for i in range(20):
        (tmp_path / f"{i:02d}.md").write_text(GOOD)
    result = run("check", "-f", "json", "--jobs", "100000", ".", cwd=tmp_path)
    assert result.returncode in (0, 1)  # 1 when a finding reaches the fail level
    err = one_line_error(result, "--jobs 100000", "--force-jobs")
    assert "using" in err
    assert json.loads(result.stdout)["summary"]["documents"] == 20


@pytest.mark.slow
def test_force_jobs_allows_more_workers_than_cores_but_not_without_bound(tmp_path):
    from plainpitch.runner import JOBS_PER_CORE_FORCED, cores

    for i in range(20):
        (tmp_path / f"{i:02d}.md").write_text(GOOD)
    over = str(cores() + 1)
    result = run("check", "-f", "json", "--jobs", over, "--force-jobs", ".", cwd=tmp_path)
    assert result.returncode in (0, 1) and b"--jobs" not in result.stderr, result.stderr  # allowed as asked: no note
    assert json.loads(result.stdout)["summary"]["documents"] == 20
    result = run("check", "-f", "json", "--jobs", "100000", "--force-jobs", ".", cwd=tmp_path)
    err = one_line_error(result, "--jobs 100000", f"using {cores() * JOBS_PER_CORE_FORCED}")
    assert "--force-jobs allows more" not in err  # already forced: the cap is the cap
    assert json.loads(result.stdout)["summary"]["documents"] == 20


@pytest.mark.parametrize(
    ("vocab", "message"),
    [
        (b"caf\xe9\n", "not UTF-8"),
        ("/dev/zero", "not a regular file"),
        ("missing.txt", "cannot read"),
        (".", "not a regular file"),
    ],
)
def test_vocabulary_files_are_checked(tmp_path, vocab, message):
    (tmp_path / "a.md").write_text(GOOD)
    if isinstance(vocab, bytes):
        (tmp_path / "v.txt").write_bytes(vocab)
        vocab = "v.txt"
    (tmp_path / "plainpitch.toml").write_text(f'vocabulary-file = "{vocab}"\n')
    result = run_here("check", "a.md", cwd=tmp_path, real=message == "not UTF-8")
    assert result.returncode == 2
    one_line_error(result, "vocabulary-file", message)


def test_an_oversized_vocabulary_file_is_refused(tmp_path):
    (tmp_path / "a.md").write_text(GOOD)
    with open(tmp_path / "v.txt", "wb") as fh:
        fh.truncate(5 * 1024 * 1024)  # sparse: 5 MB of NULs without writing them
    (tmp_path / "plainpitch.toml").write_text('vocabulary-file = "v.txt"\n')
    result = run("check", "a.md", cwd=tmp_path)
    assert result.returncode == 2
    one_line_error(result, "vocabulary-file", "the limit is 4 MB")


@pytest.mark.parametrize(
    ("toml", "message"),
    [("severity = 5\n", "severity must be a table"), ('[thresholds]\n"grade.hard" = nan\n', "finite number"),
     ("select = 3\n", "select must be a list"), ("profile = 1\n", "profile must be a string")],
)  # fmt: skip
def test_config_values_are_validated(tmp_path, toml, message):
    (tmp_path / "a.md").write_text(GOOD)
    (tmp_path / "plainpitch.toml").write_text(toml)
    result = run_here("check", "a.md", cwd=tmp_path, real=toml.startswith("severity"))
    assert result.returncode == 2
    one_line_error(result, message)


def test_a_config_that_is_a_device(tmp_path):
    (tmp_path / "a.md").write_text(GOOD)
    result = run("check", "--config", "/dev/zero", "a.md", cwd=tmp_path, timeout=60)
    assert result.returncode == 2
    one_line_error(result, "not a regular file")


# -- the last-resort catcher ------------------------------------------------------------------------------------
def _folder(tmp_path: Path, bad_name: str, bad: str) -> Path:
    for i in range(40):
        (tmp_path / f"good{i:02d}.md").write_text(GOOD)
    (tmp_path / bad_name).write_text(bad)
    return tmp_path


BROKEN_LOADER = "import plainpitch.ingest.html as h\nh.Extractor.run = lambda self: [][1]"
BROKEN_RULE = """
from plainpitch.rules.base import all_rules
rule = next(r for r in all_rules() if r.meta.code == 'TON001')
def broken(doc, ctx):
    if 'boom' in doc.text:
        raise KeyError('boom')
    return iter(())
object.__setattr__(rule, 'check', broken) if hasattr(rule, '__dataclass_fields__') else setattr(rule, 'check', broken)
"""


@pytest.mark.parametrize(
    ("prelude", "bad_name", "bad", "where"),
    [(BROKEN_LOADER, "page.html", "<p>Ship faster.</p>", "the loader plainpitch.ingest.html"),
     (BROKEN_RULE, "boom.md", "We go boom. Book a demo.\n", "rule TON001")],
    ids=["loader", "rule"],
)  # fmt: skip
def test_a_bug_costs_one_file_never_the_run(tmp_path, prelude, bad_name, bad, where):
    folder = _folder(tmp_path, bad_name, bad)
    result = run("check", "-f", "json", "--select", "TON001", "--jobs", "1", str(folder), prelude=prelude)
    assert result.returncode == 1
    err = one_line_error(result, f"internal error in {where}", f" on {folder / bad_name}", "please report")
    assert len(err.strip().splitlines()) == 1
    report = json.loads(result.stdout)
    assert report["summary"]["documents"] == 40 and report["summary"]["errors"] == 1
    debug = run("--debug", "check", "-f", "json", "--select", "TON001", str(folder / bad_name), prelude=prelude)
    assert debug.returncode == 2
    assert b"Traceback" in debug.stderr and f"internal error in {where}".encode() in debug.stderr


def test_a_bug_in_a_parallel_run_costs_one_file(tmp_path):
    folder = _folder(tmp_path, "page.html", "<p>Ship faster.</p>")
    result = run("check", "-f", "json", "--select", "TON001", "--jobs", "2", str(folder), prelude=BROKEN_LOADER)
    assert result.returncode == 1
    one_line_error(result, "internal error in the loader plainpitch.ingest.html", "page.html")
    assert json.loads(result.stdout)["summary"]["documents"] == 40


BROKEN_CALL_RULE = BROKEN_RULE.replace("TON001", "TLK001")
CALL = "WEBVTT\n\n00:00:01.000 --> 00:00:09.000\n<v Ana>What does your team use today?\n\n" \
       "00:00:10.000 --> 00:00:20.000\n<v Ben>A spreadsheet, mostly.\n"  # fmt: skip


def test_a_bug_in_a_call_rule_costs_one_transcript(tmp_path):
    for i in range(3):
        (tmp_path / f"call{i}.vtt").write_text(CALL)
    (tmp_path / "boom.vtt").write_text(CALL.replace("mostly.", "mostly, boom."))
    result = run("call", "review", "-f", "json", "--me", "Ana", str(tmp_path), prelude=BROKEN_CALL_RULE)
    assert result.returncode == 1
    err = one_line_error(result, "internal error in rule TLK001", "boom.vtt", "please report")
    assert len(err.strip().splitlines()) == 1
    assert sorted(Path(d["path"]).name for d in json.loads(result.stdout)["documents"]) == [f"call{i}.vtt" for i in range(3)]


def test_a_control_character_reference_among_good_files(tmp_path):
    folder = _folder(tmp_path, "page.html", "<p>Ship &#3; faster. Book a demo.</p>")
    result = run("check", "-f", "json", "--select", "TON001", str(folder))
    assert b"Traceback" not in result.stderr
    assert json.loads(result.stdout)["summary"]["documents"] == 41


# -- streaming reports -------------------------------------------------------------------------------------------
@pytest.mark.slow
def test_the_streamed_terminal_report_is_the_collected_one(tmp_path):
    """`check` prints each file as it is done; what it prints is exactly the report rendered from a collected run,
    files in input order (serial and parallel alike), errors on stderr."""
    from plainpitch.emit import render
    from plainpitch.runner import Runner

    example = (Path(__file__).parents[1] / "examples" / "landing-page.md").read_text()
    for i in range(20):
        (tmp_path / f"{i:02d}.md").write_text(example if i % 3 else GOOD)
    (tmp_path / "05.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    expected = render(Runner().run([str(tmp_path)]), "text", color=False)
    for jobs in ("1", "2"):
        result = run("check", "--jobs", jobs, str(tmp_path))
        assert result.stdout.decode() == expected
        one_line_error(result, "05.html", "binary")
