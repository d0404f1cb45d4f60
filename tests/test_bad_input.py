"""Bad and hostile input through the CLI: one line naming the file, exit 2 when nothing was checked, never a
traceback, and the other files of the same run still checked.

Choices: an empty file is checked (no findings, a note, exit 0), not an error; a file with an unknown
extension is an error (it is named explicitly, so we say why we skip it) unless --input-format is given;
invalid UTF-8 falls back to Windows-1252 and is checked.
"""

from __future__ import annotations

import builtins
import json
import os
import re
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

import plainpitch.ingest
from plainpitch.cli import main

GOOD = "This will hopefully cut your build times.\n"
BIN = Path(sys.executable).with_name("plainpitch")


def png_bytes() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    pixels = zlib.compress(b"\x00\xff\x00\x00" * 4)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 4, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))  # fmt: skip


def run(*args: str):
    return CliRunner().invoke(main, ["check", "-f", "json", "--select", "TON001", *args], env={"NO_COLOR": "1"})


def assert_no_traceback(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output and "Traceback" not in result.stderr


def documents(result) -> dict[str, dict]:
    return {d["path"]: d for d in json.loads(result.stdout)["documents"]}


# -- files that cannot be checked: (name, how to make it, what the error says) -----------------------------
def _empty_folder(tmp: Path) -> Path:
    folder = tmp / "assets"
    folder.mkdir()
    (folder / "logo.png").write_bytes(png_bytes())
    (folder / "data.csv").write_text("a,b\n1,2\n")
    return folder


def _binary(tmp: Path) -> Path:
    path = tmp / "screenshot.md"
    path.write_bytes(png_bytes())
    return path


def _png(tmp: Path) -> Path:
    path = tmp / "logo.png"
    path.write_bytes(png_bytes())
    return path


def _huge(tmp: Path) -> Path:
    path = tmp / "huge.md"
    with open(path, "wb") as fh:
        line = b"Our platform helps teams ship faster and sleep better at night.\n"
        fh.write(line * (50 * 1024 * 1024 // len(line) + 1))
    return path


def _unknown(tmp: Path) -> Path:
    path = tmp / "notes.xyz"
    path.write_text(GOOD)
    return path


def _fifo(tmp: Path) -> Path:
    path = tmp / "pipe.md"
    os.mkfifo(path)
    return path


def _dir_named_like_a_file(tmp: Path) -> Path:
    path = tmp / "page.md"
    path.mkdir()
    return path


def _symlink_loop(tmp: Path) -> Path:
    (tmp / "loop-a.md").symlink_to(tmp / "loop-b.md")
    (tmp / "loop-b.md").symlink_to(tmp / "loop-a.md")
    return tmp / "loop-a.md"


def _missing(tmp: Path) -> Path:
    return tmp / "missing.md"


ERRORS = [
    ("folder without copy", _empty_folder, r"no supported files in the folder"),
    ("binary file", _binary, r"is a binary file, not text"),
    ("png by extension", _png, r"unknown file type \.png"),
    ("50 MB file", _huge, r"file is 50\.0 MB, over the size limit of 5 MB \(--max-size\)"),
    ("unknown extension", _unknown, r"unknown file type \.xyz; .*--input-format"),
    ("fifo", _fifo, r"is not a regular file"),
    ("directory named like a file", _dir_named_like_a_file, r"no supported files in the folder"),
    ("symlink loop", _symlink_loop, r"cannot read the file: Too many levels of symbolic links"),
    ("missing path", _missing, r"no such file or folder"),
]


@pytest.mark.parametrize("make,message", [pytest.param(m, msg, id=name) for name, m, msg in ERRORS])
def test_a_file_that_cannot_be_checked(tmp_path, make, message):
    bad = str(make(tmp_path))
    alone = run(bad)
    assert_no_traceback(alone)
    assert alone.exit_code == 2
    assert re.fullmatch(rf"plainpitch: error: {re.escape(bad)}: {message}[^\n]*\n", alone.stderr), alone.stderr
    assert json.loads(alone.stdout)["errors"][0]["path"] == bad

    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    mixed = run(str(good), bad)
    assert_no_traceback(mixed)
    assert mixed.exit_code in (0, 1)
    assert re.fullmatch(rf"plainpitch: error: {re.escape(bad)}: {message}[^\n]*\n", mixed.stderr), mixed.stderr
    assert [f["text"] for f in documents(mixed)[str(good)]["findings"]] == ["hopefully"]


def test_unknown_extension_with_input_format_is_checked(tmp_path):
    path = _unknown(tmp_path)
    result = CliRunner().invoke(
        main, ["check", "-f", "json", "--select", "TON001", "--input-format", "text", str(path)]
    )
    assert result.exit_code == 0 and [f["text"] for f in documents(result)[str(path)]["findings"]] == ["hopefully"]


def test_unreadable_file_by_permissions(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("running as root: chmod 000 does not stop root from reading (see the monkeypatched test)")
    path = tmp_path / "secret.md"
    path.write_text(GOOD)
    path.chmod(0)
    try:
        result = run(str(path))
    finally:
        path.chmod(0o644)
    assert result.exit_code == 2
    assert re.fullmatch(rf"plainpitch: error: {re.escape(str(path))}: permission denied[^\n]*\n", result.stderr)


def test_unreadable_file_when_open_is_refused(tmp_path, monkeypatch):
    secret = tmp_path / "secret.md"
    secret.write_text(GOOD)
    good = tmp_path / "good.md"
    good.write_text(GOOD)

    def refusing_open(file, *args, **kwargs):
        if str(file) == str(secret):
            raise PermissionError(13, "Permission denied", str(file))
        return builtins.open(file, *args, **kwargs)

    monkeypatch.setattr(plainpitch.ingest, "open", refusing_open, raising=False)
    result = run(str(good), str(secret))
    assert_no_traceback(result)
    assert result.exit_code in (0, 1)
    assert re.fullmatch(rf"plainpitch: error: {re.escape(str(secret))}: permission denied: cannot read the file\n",
                        result.stderr)  # fmt: skip
    assert [f["text"] for f in documents(result)[str(good)]["findings"]] == ["hopefully"]
    assert run(str(secret)).exit_code == 2


# -- files that look bad but have a sane result: checked, with their findings -------------------------------
def _write(tmp: Path, name: str, data: bytes) -> Path:
    path = tmp / name
    path.write_bytes(data)
    return path


SANE = [
    ("invalid utf-8", "cafe.txt", "Our caf\xe9 menu will hopefully sell itself.\n".encode("cp1252"), ["hopefully"]),
    ("utf-16", "page.md", ("# Title\n\n" + GOOD).encode("utf-16"), ["hopefully"]),
    ("utf-16 without bom", "page.md", ("# Title\n\n" + GOOD).encode("utf-16-le"), ["hopefully"]),
    ("broken html", "broken.html",
     b"<html><div><p>This will <b>hopefully</p></div></div></span><li>cut<p>costs</i><table><td>x", ["hopefully"]),
    ("nul bytes in the middle", "nul.md", b"# Pitch\n\nFast\x00er builds.\x00\n\n" + GOOD.encode(), ["hopefully"]),
    ("200,000-character line", "long.txt", (GOOD.strip() + " ") .encode() * 4_762, ["hopefully"] * 4_762),
    ("10,000 nested divs", "deep.html", b"<div>" * 10_000 + GOOD.encode() + b"</div>" * 10_000, ["hopefully"]),
    ("5,000 nested quotes", "quotes.md", b"> " * 5_000 + b"deep\n\n" + GOOD.encode(), ["hopefully"]),
    ("5,000 nested lists", "lists.md", GOOD.encode() + b"\n" + b"- " * 5_000 + b"deep\n", ["hopefully"]),
]  # fmt: skip


@pytest.mark.parametrize("name,data,found", [pytest.param(n, d, f, id=i, marks=[pytest.mark.slow] if len(d) > 100_000 else [])
                                             for i, n, d, f in SANE])  # fmt: skip
def test_odd_but_readable_files_are_checked(tmp_path, name, data, found):
    path = _write(tmp_path, name, data)
    result = run(str(path))
    assert_no_traceback(result)
    assert result.exit_code in (0, 1) and result.stderr == ""
    assert [f["text"] for f in documents(result)[str(path)]["findings"]] == found


def test_invalid_utf8_reads_as_windows_1252_with_the_right_columns(tmp_path):
    path = _write(tmp_path, "cafe.txt", "Our caf\xe9 menu will hopefully sell itself.\n".encode("cp1252"))
    (finding,) = documents(run(str(path)))[str(path)]["findings"]
    assert (finding["location"]["line"], finding["location"]["column"]) == (1, 20)


def test_empty_file_is_checked_with_a_note(tmp_path):
    empty = _write(tmp_path, "empty.md", b"")
    blank = _write(tmp_path, "blank.txt", b"\n \n\t\n")
    result = run(str(empty), str(blank))
    assert_no_traceback(result)
    assert result.exit_code == 0 and result.stderr == ""
    for doc in documents(result).values():
        assert doc["findings"] == [] and doc["words"] == 0
        assert doc["notes"] == ["no sentences to check"]


def test_a_real_process_with_every_bad_input_at_once(tmp_path):
    """The installed command, not CliRunner: what a user sees on stderr, with nothing swallowed."""
    if not BIN.exists():
        pytest.skip(f"no plainpitch command next to {sys.executable}")
    bad = [str(make(tmp_path)) for name, make, _ in ERRORS if name not in ("50 MB file", "fifo")]
    bad.append(str(_write(tmp_path, "screenshot.html", png_bytes())))
    good = _write(tmp_path, "good.md", GOOD.encode())
    deep = _write(tmp_path, "deep.html", b"<div>" * 10_000 + GOOD.encode())
    proc = subprocess.run([str(BIN), "check", "-f", "json", "--select", "TON001", str(good), *bad, str(deep)],
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    assert proc.returncode in (0, 1)
    lines = proc.stderr.splitlines()
    assert len(lines) == len(bad)
    for path, line in zip(bad, lines, strict=True):
        assert line.startswith(f"plainpitch: error: {path}: ")
    checked = {d["path"]: d for d in json.loads(proc.stdout)["documents"]}
    assert [f["text"] for f in checked[str(good)]["findings"]] == ["hopefully"]
    assert [f["text"] for f in checked[str(deep)]["findings"]] == ["hopefully"]
