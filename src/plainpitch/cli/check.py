"""``plainpitch check``: copy files or folders in, one report out."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from plainpitch.cli.app import (
    DEBUG_OPTION,
    FORMATS,
    SEVERITY_CHOICE,
    SizeMB,
    size_bytes,
    use_color,
    write_json,
    write_or_exit,
)
from plainpitch.cli.history import save_options
from plainpitch.cli.rewrite import model_options
from plainpitch.formats import COPY_FORMATS


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "-f", "out_format", type=click.Choice((*FORMATS, "github")), default="text", show_default=True, help="Report format (github: workflow annotations).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to a file.")
@click.option("--profile", type=click.Choice(["technical", "business", "consumer"]), help="Who reads it (default: inferred from the copy; the report says which and why).")
@click.option("--context", "sales_context", type=click.Choice(["self-serve", "services", "enterprise"]), help="How the sale is made.")
@click.option("--medium", type=click.Choice(["page", "email", "proposal", "text"]), help="Force the medium (else inferred).")
@click.option("--input-format", type=click.Choice(COPY_FORMATS), help="Force the input format.")
@click.option("--select", multiple=True, help="Only these rules (codes, names, prefixes, categories; repeatable or comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rules.")
@click.option("--include", multiple=True, help="Globs of files to check inside folders.")
@click.option("--exclude", multiple=True, help="Globs of files to skip inside folders.")
@click.option("--min-severity", type=SEVERITY_CHOICE, help="Hide findings below this severity.")
@click.option("--fail-on", type=SEVERITY_CHOICE, help="Exit 1 when a finding reaches this severity (default warning).")
@click.option("--all", "show_all", is_flag=True, help="Run every rule, also those off by default, and list every finding in full.")
@click.option("--statistics", is_flag=True, help="Print a count per rule instead of each finding.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="Use this config file.")
@click.option("--max-size", type=SizeMB(), default=5.0, show_default=True,
              help="Largest file to read, in MB (also the most a compressed file may expand to).")
@click.option("--no-score", is_flag=True, help="Leave the scores out of the text report.")
@click.option("--jobs", "-j", type=click.IntRange(0), default=0,
              help="Worker processes for large folders (0: one per core; at most one per core).")
@click.option("--force-jobs", is_flag=True, help="Allow --jobs past the number of cores.")
@model_options
@DEBUG_OPTION
@save_options(deal=False)
def check(paths, out_format, output, profile, sales_context, medium, input_format, select, ignore, include, exclude,
          min_severity, fail_on, show_all, statistics, config_path, max_size, no_score, jobs, force_jobs, use_llm,
          base_url, model_name, api_key_env, timeout, redact, save, keep_text) -> None:  # fmt: skip
    """Check copy files (Markdown, HTML, .eml, text) or folders; '-' reads stdin."""
    from plainpitch.config import load_config
    from plainpitch.emit import render
    from plainpitch.history.save import save_reports
    from plainpitch.model import SEVERITY_RANK
    from plainpitch.rules.registry import resolve_selector
    from plainpitch.runner import Runner, allowed_jobs

    def split(values):
        return tuple(v.strip() for item in values for v in item.split(",") if v.strip()) or None

    overrides = {
        "profile": profile, "context": sales_context, "medium": medium, "select": split(select),
        "ignore": split(ignore), "min_severity": min_severity, "fail_on": fail_on,
        "include": split(include), "exclude": split(exclude), "all": show_all or None,
    }  # fmt: skip
    for key in ("select", "ignore"):  # a typo on the command line is one usage error, not one per file
        for selector in overrides[key] or ():
            resolve_selector(selector)
    base = load_config(Path(config_path)) if config_path else None
    judge = _judge_settings(config_path, list(paths), use_llm, base_url, model_name, api_key_env, timeout, redact)
    if judge is not None:
        from plainpitch.cli.rewrite import announce

        overrides["judge"] = judge
        announce(judge, "the sentences and candidate jargon terms of the checked files")
        jobs = jobs or 1  # one request at a time: a local model serves one answer at a time anyway
    jobs, note = allowed_jobs(jobs, force_jobs)
    if note:
        click.echo(f"plainpitch: note: {note}", err=True)
    runner = Runner(base, overrides, fmt=input_format, max_bytes=size_bytes(max_size), jobs=jobs)
    if out_format == "text" and not statistics:
        # the terminal report streams: each file is printed (and dropped) as soon as it is checked
        keep = save or keep_text or _history_on(list(paths))
        documents, severities, errors = _stream_text(runner, list(paths), output, not no_score, keep, show_all)
    else:
        # the other formats are one document (a JSON object, a SARIF log, a page): collected, each report without
        # the tokens the renderers do not read, so that memory grows with the findings, not with the words
        from plainpitch.model import Report
        from plainpitch.runner import slim
        from plainpitch.version import __version__

        results = [slim(r) for r in runner.results(list(paths))]
        report = Report(tuple(r for r in results if not _is_error(r)), tuple(r for r in results if _is_error(r)),
                        __version__)  # fmt: skip
        for err in report.errors:
            click.echo(f"plainpitch: error: {err.path}: {err.message}", err=True)
        if report.documents or out_format != "text":
            # JSON is indented for a person at a terminal, compact for a pipe or a file (`jq .` pretty-prints it)
            pretty = output is None and sys.stdout.isatty()
            if out_format == "json":
                write_json(report, output, pretty)
            else:
                text = render(report, out_format, statistics=statistics, score=not no_score, color=use_color(output),
                              pretty=pretty, full=show_all)  # fmt: skip
                write_or_exit(text, output)
        documents = list(report.documents)
        severities = {f.severity for f in report.findings}
        errors = len(report.errors)
    if not documents:
        sys.exit(2)
    saved = save_reports(documents, "copy", save=save, keep_text=keep_text)
    first = documents[0].path
    fail_level = fail_on or runner.config_for(first if first != "<stdin>" else "-").fail_on
    failing = any(SEVERITY_RANK[s] >= SEVERITY_RANK[fail_level] for s in severities)
    # An input that could not be read fails the run like an error finding; 2 is kept for "nothing was checked".
    sys.exit(1 if failing or errors or not saved else 0)


def _judge_settings(config_path, paths, use_llm, base_url, model_name, api_key_env, timeout, redact):
    """The model settings when the user asked check to use a model (--llm, --base-url/--model, or ``check = true``
    in [tool.plainpitch.llm]), else None: nothing leaves the machine unless asked, and an offline check never
    imports the model client."""
    flags = (base_url, model_name, api_key_env, timeout, redact)
    source = config_path
    if source is None:
        from plainpitch.config import find_config_file

        first = paths[0] if paths and paths[0] != "-" else "."
        found = find_config_file(Path(os.path.abspath(first)))  # never resolve(): a symlink loop is the loader's to report
        source = str(found) if found is not None else None
    if not use_llm and all(v is None for v in flags) and (source is None or "llm" not in _text_of(source)):
        return None
    from plainpitch.cli.rewrite import model_errors
    from plainpitch.llm.settings import check_wanted, resolve

    values = {"base_url": base_url, "model": model_name, "api_key_env": api_key_env, "timeout": timeout}
    if redact is not None:
        values["redact"] = redact
    with model_errors():
        wanted = use_llm or base_url is not None or model_name is not None or check_wanted(source)
        return resolve(source, values, wanted=wanted)


def _text_of(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _is_error(result) -> bool:
    from plainpitch.model import InputError

    return isinstance(result, InputError)


def _history_on(paths: list[str]) -> bool:
    """Whether the project's settings save runs to history (then the reports are kept for it)."""
    from plainpitch.history.settings import settings_for

    first = paths[0] if paths else "-"
    start = Path(first if os.path.isdir(first) else os.path.dirname(os.path.abspath(first))) if first != "-" else Path.cwd()
    try:
        return bool(settings_for(start).save)
    except Exception:  # noqa: BLE001 - a broken setting: keep the reports and let save_reports say what is wrong
        return True


def _stream_text(runner, paths: list[str], output: str | None, score: bool, keep: bool,
                 full: bool = False) -> tuple[list, set[str], int]:
    """Print each file's part of the terminal report as it is done (and drop it, unless ``keep``: history saves
    it); errors go to stderr in their place. Returns (the reports kept, without their tokens, or the first one
    alone; the severities seen; the number of errors)."""
    from collections import Counter

    from plainpitch.cli.app import stream_to
    from plainpitch.emit.text import render_document, render_totals
    from plainpitch.runner import slim

    color = use_color(output)
    counts: Counter[str] = Counter()
    done: list = []  # slimmed: the findings and the text for history, never the tokens
    files = errors = 0
    with stream_to(output) as write:
        for result in runner.results(paths):
            if _is_error(result):
                errors += 1
                click.echo(f"plainpitch: error: {result.path}: {result.message}", err=True)
                continue
            counts.update(f.severity for f in result.findings)
            write(render_document(result, score=score, color=color, full=full))
            files += 1
            if keep or not done:  # the first report's path sets the fail level
                done.append(slim(result))
        if files:
            write(render_totals(files, counts, errors, color=color))
    return done, set(counts), errors


def register(main: click.Group) -> None:
    main.add_command(check)
