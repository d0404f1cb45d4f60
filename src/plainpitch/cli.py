"""The command line: plainpitch check | rules | explain | docs | call | serve.

Exit codes: 0 nothing reached the fail level, 1 something did (or some input could not be read while others were
checked), 2 usage errors or nothing could be checked.
Heavy modules (rules, loaders, Rich) are imported inside the commands so that ``--help`` is instant.
"""

from __future__ import annotations

import os
import sys

import click

FORMATS = ("text", "json", "sarif", "html", "markdown")
SEVERITY_CHOICE = click.Choice(["suggestion", "warning", "error"])


class Group(click.Group):
    """Turn expected errors into one line and exit 2 instead of a traceback."""

    def invoke(self, ctx: click.Context):
        from plainpitch.config import ConfigError
        from plainpitch.ingest.errors import LoadError
        from plainpitch.rules.base import UnknownRule

        try:
            return super().invoke(ctx)
        except (ConfigError, LoadError, UnknownRule) as exc:
            msg = exc.args[0] if isinstance(exc, UnknownRule) else str(exc)
            click.echo(f"plainpitch: error: {msg}", err=True)
            ctx.exit(2)
        except BrokenPipeError:
            ctx.exit(0)


def write_output(text: str, output: str | None) -> bool:
    """Write a report to a file (False, with a one-line error, when it cannot) or to stdout."""
    if output:
        try:
            with open(output, "w", encoding="utf-8") as fh:
                fh.write(text)
        except OSError as exc:
            click.echo(f"plainpitch: error: {output}: cannot write: {exc.strerror}", err=True)
            return False
    else:
        # the renderers decide about colour (NO_COLOR, --output, a terminal); click must not strip it again
        click.echo(text, nl=not text.endswith("\n"), color=True)
    return True


def _write(text: str, output: str | None) -> None:
    if not write_output(text, output):
        sys.exit(2)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="plainpitch", prog_name="plainpitch")
def main() -> None:
    """plainpitch shows, line by line, where your copy and your calls lose the buyer."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "-f", "out_format", type=click.Choice(FORMATS), default="text", show_default=True, help="Report format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to a file.")
@click.option("--profile", type=click.Choice(["technical", "business", "consumer"]), help="Who reads it (default business).")
@click.option("--context", "sales_context", type=click.Choice(["self-serve", "services", "enterprise"]), help="How the sale is made.")
@click.option("--medium", type=click.Choice(["page", "email", "proposal", "text"]), help="Force the medium (else inferred).")
@click.option("--input-format", type=click.Choice(["text", "markdown", "html", "email"]), help="Force the input format.")
@click.option("--select", multiple=True, help="Only these rules (codes, names, prefixes, categories; repeatable or comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rules.")
@click.option("--include", multiple=True, help="Globs of files to check inside folders.")
@click.option("--exclude", multiple=True, help="Globs of files to skip inside folders.")
@click.option("--min-severity", type=SEVERITY_CHOICE, help="Hide findings below this severity.")
@click.option("--fail-on", type=SEVERITY_CHOICE, help="Exit 1 when a finding reaches this severity (default warning).")
@click.option("--statistics", is_flag=True, help="Print a count per rule instead of each finding.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="Use this config file.")
@click.option("--max-size", type=float, default=5.0, show_default=True, help="Largest file to read, in MB.")
@click.option("--no-score", is_flag=True, help="Leave the scores out of the text report.")
@click.option("--jobs", "-j", type=click.IntRange(0), default=0, help="Worker processes for large folders (0: one per core).")
def check(paths, out_format, output, profile, sales_context, medium, input_format, select, ignore, include, exclude,
          min_severity, fail_on, statistics, config_path, max_size, no_score, jobs) -> None:  # fmt: skip
    """Check copy files (Markdown, HTML, .eml, text) or folders; '-' reads stdin."""
    from plainpitch.config import load_config
    from plainpitch.emit import render
    from plainpitch.runner import Runner

    def split(values):
        return tuple(v.strip() for item in values for v in item.split(",") if v.strip()) or None

    overrides = {
        "profile": profile, "context": sales_context, "medium": medium, "select": split(select),
        "ignore": split(ignore), "min_severity": min_severity, "fail_on": fail_on,
        "include": split(include), "exclude": split(exclude),
    }  # fmt: skip
    base = load_config(__import__("pathlib").Path(config_path)) if config_path else None
    runner = Runner(base, overrides, fmt=input_format, max_bytes=int(max_size * 1_048_576), jobs=jobs)
    report = runner.run(list(paths))
    for err in report.errors:
        click.echo(f"plainpitch: error: {err.path}: {err.message}", err=True)
    if report.documents or out_format != "text":
        # JSON is indented for a person at a terminal, compact for a pipe or a file (`jq .` pretty-prints it)
        pretty = output is None and sys.stdout.isatty()
        text = render(report, out_format, statistics=statistics, score=not no_score, color=_color(output), pretty=pretty)
        _write(text, output)
    if not report.documents:
        sys.exit(2)
    fail_level = fail_on or runner.config_for(report.documents[0].path if report.documents[0].path != "<stdin>" else "-").fail_on
    from plainpitch.model import SEVERITY_RANK

    failing = any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_level] for f in report.findings)
    # An input that could not be read fails the run like an error finding; 2 is kept for "nothing was checked".
    sys.exit(1 if failing or report.errors else 0)


def _color(output: str | None) -> bool:
    if output or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


@main.command("rules")
@click.option("--format", "-f", "out_format", type=click.Choice(["text", "json"]), default="text")
@click.option("--all", "show_all", is_flag=True, help="Include preview rules.")
def rules_cmd(out_format, show_all) -> None:
    """List every rule with its code, name, severity and summary."""
    from plainpitch.rules.docs import rules_json, rules_table

    rules_text = rules_json() if out_format == "json" else rules_table(show_all, color=_color(None))
    _write(rules_text, None)


@main.command()
@click.argument("rule")
@click.option("--format", "-f", "out_format", type=click.Choice(["text", "markdown", "json"]), default="text")
def explain(rule, out_format) -> None:
    """Explain a rule: what it flags, why it costs the sale, bad and good examples."""
    from plainpitch.rules.base import find_rule
    from plainpitch.rules.docs import rule_json, rule_markdown

    found = find_rule(rule)
    if out_format == "json":
        _write(rule_json(found), None)
    else:
        _write(rule_markdown(found), None)


@main.command()
@click.option("--out", default="docs/rules", show_default=True, type=click.Path(file_okay=False))
@click.option("--check", "check_only", is_flag=True, help="Exit 1 when the docs on disk are out of date.")
def docs(out, check_only) -> None:
    """Generate the rule docs (one Markdown page per rule, plus an index)."""
    from plainpitch.rules.docs import write_docs

    stale = write_docs(out, check_only=check_only)
    if check_only and stale:
        click.echo("out of date: " + ", ".join(stale), err=True)
        sys.exit(1)
    click.echo(f"{'checked' if check_only else 'wrote'} rule docs in {out}")


def _register_optional() -> None:
    """Sub-commands that live in their own modules (calls, serve); imported lazily on use."""

    @main.group(cls=Group)
    def call() -> None:
        """Coach a pre-sales call from its transcript."""

    @call.command("review", context_settings={"ignore_unknown_options": False})
    @click.argument("files", nargs=-1, required=True)
    @click.option("--me", multiple=True, help="Your name as it appears in the transcript (repeatable).")
    @click.option("--format", "-f", "out_format", type=click.Choice(FORMATS), default="text")
    @click.option("--input-format", type=click.Choice(["vtt", "srt", "zoom", "teams", "otter", "json", "lines", "docx"]))
    @click.option("--type", "call_type", type=click.Choice(["discovery", "demo", "cold", "closing"]))
    @click.option("--output", "-o", type=click.Path(dir_okay=False))
    @click.option("--fail-on", type=SEVERITY_CHOICE)
    def review(files, me, out_format, input_format, call_type, output, fail_on) -> None:
        """Review call transcripts: talk share, monologues, questions, next steps."""
        from plainpitch.call.cli import review as run_review

        sys.exit(run_review(list(files), me=list(me), out_format=out_format, input_format=input_format,
                            call_type=call_type, output=output, fail_on=fail_on, color=_color(output)))  # fmt: skip

    @call.command("compare")
    @click.argument("files", nargs=-1, required=True)
    @click.option("--me", multiple=True)
    @click.option("--format", "-f", "out_format", type=click.Choice(["text", "json", "markdown", "csv"]), default="text")
    @click.option("--input-format", type=click.Choice(["vtt", "srt", "zoom", "teams", "otter", "json", "lines", "docx"]))
    @click.option("--output", "-o", type=click.Path(dir_okay=False))
    def compare(files, me, out_format, input_format, output) -> None:
        """Compare calls: one row per call, one column per metric."""
        from plainpitch.call.cli import compare as run_compare

        sys.exit(run_compare(list(files), me=list(me), out_format=out_format, input_format=input_format,
                             output=output, color=_color(output)))  # fmt: skip

    @main.command()
    @click.option("--host", default="127.0.0.1", show_default=True)
    @click.option("--port", default=8765, show_default=True, type=int)
    @click.option("--open", "open_browser", is_flag=True, help="Open the editor in a browser.")
    def serve(host, port, open_browser) -> None:
        """Start the local web editor and HTTP API."""
        from plainpitch.web.server import run

        run(host=host, port=port, open_browser=open_browser)


_register_optional()


if __name__ == "__main__":  # pragma: no cover
    main()
