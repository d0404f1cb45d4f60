"""``plainpitch call review`` and ``plainpitch call compare``.

Exit codes as for ``plainpitch check``: 0 nothing reached the fail level, 1 something did or some file could not be
read while others were, 2 nothing could be analysed. Each unreadable file gets one line on stderr naming it.
The module's top level imports click only; the loaders, the engine and the renderers load inside the commands.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from plainpitch.call.types import TYPES as CALL_TYPES
from plainpitch.cli.app import FORMATS, SEVERITY_CHOICE, Group, SizeMB, size_bytes, use_color
from plainpitch.cli.history import save_options
from plainpitch.formats import CALL, TRANSCRIPT_FORMATS, extensions

PROFILES = ["technical", "business", "consumer"]
FOLDER_EXTENSIONS = extensions(CALL)  # the one formats table
# compare: the columns the terminal table shows (csv, json and markdown carry every metric); "dur" columns are m:ss
TEXT_COLUMNS = (
    ("call.type", "type", ""), ("call.duration_s", "length", "dur"), ("call.talk_share.seller", "talk%", ""),
    ("call.longest_monologue_s.seller", "monologue", "dur"), ("call.longest_story_s.buyer", "story", "dur"),
    ("call.interactivity", "switch/min", ""), ("call.patience_s.seller", "patience", ""),
    ("call.discovery_questions.seller", "disc.Q", ""), ("call.questions_per_hour.seller", "Q/h", ""),
    ("call.asks.seller", "asks", ""), ("call.next_steps", "next", ""), ("call.jargon_per_100.seller", "jargon", ""),
)  # fmt: skip


@click.group(cls=Group)
def call() -> None:
    """Coach a pre-sales call from its transcript."""


def _expand(paths: Iterable[str]) -> Iterable[tuple[str, str | None]]:
    """(path, error) for each transcript: files as given, folders walked for transcript names."""
    import os

    from plainpitch.runner import SKIP_DIRS

    for raw in paths:
        if raw == "-" or not os.path.isdir(raw):
            yield raw, None
            continue
        found = False
        for root, dirs, files in os.walk(raw):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)  # the same folders `check` skips
            for name in sorted(files):
                if name.lower().endswith(FOLDER_EXTENSIONS):
                    found = True
                    yield os.path.join(root, name), None
        if not found:
            yield raw, f"no transcripts in the folder (looked for {', '.join(FOLDER_EXTENSIONS)})"


def analyse_files(files: list[str], me: Iterable[str] = (), input_format: str | None = None,
                  call_type: str | None = None, profile: str | None = None,
                  max_bytes: int | None = None) -> tuple[list, list, Any]:  # fmt: skip
    """Load and analyse each transcript; per-file errors become one-line InputErrors."""
    from plainpitch.call_review import analyze_call
    from plainpitch.config import Config, config_for
    from plainpitch.ingest import read_stdin
    from plainpitch.ingest.transcript import MAX_BYTES, load_transcript, load_transcript_bytes
    from plainpitch.model import Document, DocumentReport, InputError
    from plainpitch.runner import safely

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
            if profile:
                config = config.with_overrides(profile=profile)
            first_config = first_config or config
            limit = max_bytes or MAX_BYTES

            def load() -> Document:
                if path == "-":
                    return load_transcript_bytes(read_stdin(limit), "<stdin>", input_format, limit)
                return load_transcript(path, input_format, limit)

            # handed straight on, not kept here: the analysis gives the turns their roles in a new Document, and
            # the loaded one (its units and turns: tens of MB on a long call) can go while it runs
            return analyze_call(load(), me=list(me), call_type=call_type, config=config)

        result = safely(path, review_one)
        (reports if isinstance(result, DocumentReport) else errors).append(result)
    return reports, errors, first_config or Config()


def _write(text: str, output: str | None) -> bool:
    from plainpitch.cli.app import write_output

    return write_output(text, output)


def run_review(files: list[str], me: Iterable[str] = (), out_format: str = "text", input_format: str | None = None,
               call_type: str | None = None, output: str | None = None, fail_on: str | None = None,
               color: bool = False, profile: str | None = None, after: Any = None,
               max_bytes: int | None = None) -> int:  # fmt: skip
    """Review call transcripts; returns the exit code. ``after(reports) -> bool``: run once the report is out
    (saving to history); False fails the run."""
    from plainpitch.model import SEVERITY_RANK, Report

    reports, errors, config = analyse_files(files, me, input_format, call_type, profile, max_bytes)
    for err in errors:
        click.echo(f"plainpitch: error: {err.path}: {err.message}", err=True)
    if reports or out_format in ("json", "sarif"):
        if out_format == "json":
            from plainpitch.cli.app import write_json
            from plainpitch.version import __version__

            # as `check`: indented for a person at a terminal, compact for a pipe or a file (the C encoder: the
            # indenting one is pure Python and held ~7x a 10 MB call's report in small strings), one call at a time
            write_json(Report(tuple(reports), tuple(errors), __version__), output, output is None and sys.stdout.isatty())
            text = None
        elif out_format == "sarif":
            from plainpitch.emit import render
            from plainpitch.version import __version__

            text = render(Report(tuple(reports), tuple(errors), __version__), out_format)
        else:
            from plainpitch.emit.call import render_call

            text = render_call(reports, out_format, color=color) if reports else ""
        if text is not None and not _write(text, output):
            return 2
    if not reports:
        return 2
    done = after(reports) if after is not None else True
    level = fail_on or config.fail_on
    failing = any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[level] for r in reports for f in r.findings)
    return 1 if failing or errors or not done else 0


@call.command("review", context_settings={"ignore_unknown_options": False})
@click.argument("files", nargs=-1, required=True)
@click.option("--me", multiple=True, help="Your name as it appears in the transcript (repeatable; default: 'You').")
@click.option("--format", "-f", "out_format", type=click.Choice(FORMATS), default="text")
@click.option("--input-format", type=click.Choice(TRANSCRIPT_FORMATS))
@click.option("--type", "call_type", type=click.Choice(CALL_TYPES))
@click.option("--profile", type=click.Choice(PROFILES), help="Who the buyer is, for jargon (default business).")
@click.option("--output", "-o", type=click.Path(dir_okay=False))
@click.option("--fail-on", type=SEVERITY_CHOICE)
@click.option("--max-size", type=SizeMB(), default=32.0, show_default=True,
              help="Largest transcript to read, in MB (a .docx: the most it may expand to).")
@save_options(deal=True)
def review(files, me, out_format, input_format, call_type, profile, output, fail_on, max_size, save, keep_text,
           deal) -> None:
    """Review call transcripts: talk share, monologues, questions, next steps."""
    from plainpitch.history.save import save_reports

    def saver(reports):
        return save_reports(reports, "call", save=save, keep_text=keep_text, deal=deal, me=me)

    sys.exit(run_review(list(files), me=list(me), out_format=out_format, input_format=input_format,
                        call_type=call_type, output=output, fail_on=fail_on, color=use_color(output),
                        profile=profile, after=saver, max_bytes=size_bytes(max_size)))  # fmt: skip


@call.command("compare")
@click.argument("files", nargs=-1, required=True)
@click.option("--me", multiple=True)
@click.option("--format", "-f", "out_format", type=click.Choice(["text", "json", "markdown", "csv"]), default="text")
@click.option("--input-format", type=click.Choice(TRANSCRIPT_FORMATS))
@click.option("--profile", type=click.Choice(PROFILES))
@click.option("--output", "-o", type=click.Path(dir_okay=False))
def compare(files, me, out_format, input_format, profile, output) -> None:
    """Compare calls: one row per call, one column per metric."""
    from plainpitch.emit.call import render_comparison

    reports, errors, _ = analyse_files(list(files), me, input_format, profile=profile)
    for err in errors:
        click.echo(f"plainpitch: error: {err.path}: {err.message}", err=True)
    if not reports:
        sys.exit(2)
    if not _write(render_comparison(reports, out_format, TEXT_COLUMNS), output):
        sys.exit(2)
    sys.exit(1 if errors else 0)


def register(main: click.Group) -> None:
    main.add_command(call)
