"""``plainpitch call review`` and ``plainpitch call compare`` (wired in plainpitch.cli; imported only when used).

Exit codes as for ``plainpitch check``: 0 nothing reached the fail level, 1 something did or some file could not be
read while others were, 2 nothing could be analysed. Each unreadable file gets one line on stderr naming it.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from plainpitch import formats
from plainpitch.model import SEVERITY_RANK, DocumentReport, InputError, Report
from plainpitch.runner import SKIP_DIRS, safely

TRANSCRIPT_EXTENSIONS = formats.extensions(formats.CALL)  # the one formats table
# compare: the columns the terminal table shows (csv, json and markdown carry every metric)
TEXT_COLUMNS = (
    ("call.type", "type"), ("call.duration_s", "length"), ("call.talk_share.seller", "talk%"),
    ("call.longest_monologue_s.seller", "monologue"), ("call.longest_story_s.buyer", "story"),
    ("call.interactivity", "switch/min"), ("call.patience_s.seller", "patience"),
    ("call.discovery_questions.seller", "disc.Q"), ("call.questions_per_hour.seller", "Q/h"),
    ("call.fillers_per_100.seller", "fillers"), ("call.jargon_per_100.seller", "jargon"), ("call.next_steps", "next"),
)  # fmt: skip


def _expand(paths: Iterable[str]) -> Iterable[tuple[str, str | None]]:
    """(path, error) for each transcript: files as given, folders walked for transcript extensions."""
    for raw in paths:
        if raw == "-" or not os.path.isdir(raw):
            yield raw, None
            continue
        found = False
        for root, dirs, files in os.walk(raw):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)  # the same folders `check` skips
            for name in sorted(files):
                if name.lower().endswith(TRANSCRIPT_EXTENSIONS):
                    found = True
                    yield os.path.join(root, name), None
        if not found:
            yield raw, f"no transcripts in the folder (looked for {', '.join(TRANSCRIPT_EXTENSIONS)})"


def _load(path: str, input_format: str | None):
    from plainpitch.ingest.transcript import load_transcript, load_transcript_bytes

    if path == "-":
        return load_transcript_bytes(sys.stdin.buffer.read(), "<stdin>", input_format)
    return load_transcript(path, input_format)


def analyse_files(files: list[str], me: Iterable[str] = (), input_format: str | None = None,
                  call_type: str | None = None) -> tuple[list[DocumentReport], list[InputError], Any]:  # fmt: skip
    """Load and analyse each transcript; per-file errors become one-line InputErrors."""
    from plainpitch.call.analysis import analyze_call
    from plainpitch.config import Config, config_for

    reports: list[DocumentReport] = []
    errors: list[InputError] = []
    first_config = None
    for path, problem in _expand(files):
        if problem:
            errors.append(InputError(path, problem))
            continue

        def review_one(path: str = path) -> DocumentReport:
            nonlocal first_config
            config = config_for(Path(path) if path != "-" else Path.cwd())
            first_config = first_config or config
            return analyze_call(_load(path, input_format), me=list(me), call_type=call_type, config=config)

        result = safely(path, review_one)
        (reports if isinstance(result, DocumentReport) else errors).append(result)
    return reports, errors, first_config or Config()


def _write(text: str, output: str | None) -> bool:
    from plainpitch.cli.app import write_output

    return write_output(text, output)


def _report(reports: list[DocumentReport], errors: list[InputError]) -> Report:
    from plainpitch.version import __version__

    return Report(tuple(reports), tuple(errors), __version__)


def review(files: list[str], me: Iterable[str] = (), out_format: str = "text", input_format: str | None = None,
           call_type: str | None = None, output: str | None = None, fail_on: str | None = None,
           color: bool = False, after: Any = None) -> int:  # fmt: skip
    """Review call transcripts; returns the exit code. ``after(reports) -> bool``: run once the report is out
    (saving to history); False fails the run."""
    reports, errors, config = analyse_files(files, me, input_format, call_type)
    for err in errors:
        click.echo(f"plainpitch: error: {err.path}: {err.message}", err=True)
    if reports or out_format in ("json", "sarif"):
        if out_format in ("json", "sarif"):
            from plainpitch.emit import render

            text = render(_report(reports, errors), out_format)
        else:
            from plainpitch.call.render import render_call

            text = render_call(reports, out_format, color=color) if reports else ""
        if not _write(text, output):
            return 2
    if not reports:
        return 2
    done = after(reports) if after is not None else True
    level = fail_on or config.fail_on
    failing = any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[level] for r in reports for f in r.findings)
    return 1 if failing or errors or not done else 0


# -- compare -------------------------------------------------------------------------------------------------
def comparison(reports: list[DocumentReport]) -> tuple[list[str], list[dict[str, Any]]]:
    """(metric names in first-seen order, one row per call: path, every metric value, finding counts)."""
    names: dict[str, None] = {}
    rows = []
    for r in reports:
        row: dict[str, Any] = {"path": r.path}
        for m in r.metrics:
            if m.name.startswith("call."):
                names.setdefault(m.name, None)
                row[m.name] = m.value
        row["findings"] = len(r.findings)
        row["score"] = r.score.overall if r.score is not None else None
        rows.append(row)
    return list(names), rows


def _cell(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def render_comparison(reports: list[DocumentReport], fmt: str) -> str:
    from plainpitch.call.render import _clean, _md

    names, rows = comparison(reports)
    columns = ["path", *names, "findings", "score"]
    if fmt == "json":
        return json.dumps({"metrics": names, "calls": rows}, indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if row.get(c) is None else row.get(c) for c in columns])
        return buf.getvalue()
    if fmt == "markdown":
        lines = ["| " + " | ".join(_md(c) for c in columns) + " |", "|" + "---|" * len(columns)]
        lines += ["| " + " | ".join(_md(_cell(row.get(c))) for c in columns) + " |" for row in rows]
        return "\n".join(lines) + "\n"
    # text: the key columns; the other formats hold every metric
    cols = [("path", "call")] + [c for c in TEXT_COLUMNS if c[0] in names] + [("findings", "findings")]
    table = [[h for _, h in cols]] + [[_clean(_cell(row.get(k))) for k, _ in cols] for row in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(cols))]
    out = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(r, widths, strict=True)))
           for r in table]  # fmt: skip
    out.append("(times in seconds; --format csv, json or markdown has every metric)")
    return "\n".join(out) + "\n"


def compare(files: list[str], me: Iterable[str] = (), out_format: str = "text", input_format: str | None = None,
            output: str | None = None, color: bool = False) -> int:  # fmt: skip
    """One row per call, one column per metric; returns the exit code."""
    reports, errors, _ = analyse_files(files, me, input_format)
    for err in errors:
        click.echo(f"plainpitch: error: {err.path}: {err.message}", err=True)
    if not reports:
        return 2
    if not _write(render_comparison(reports, out_format), output):
        return 2
    return 1 if errors else 0
