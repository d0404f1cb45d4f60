"""``plainpitch call review`` and ``call compare`` (the work is in plainpitch.call.cli, imported on use)."""

from __future__ import annotations

import sys

import click

from plainpitch.call.types import TYPES as CALL_TYPES
from plainpitch.cli.app import FORMATS, SEVERITY_CHOICE, Group, use_color
from plainpitch.cli.history import save_options
from plainpitch.formats import TRANSCRIPT_FORMATS


@click.group(cls=Group)
def call() -> None:
    """Coach a pre-sales call from its transcript."""


@call.command("review", context_settings={"ignore_unknown_options": False})
@click.argument("files", nargs=-1, required=True)
@click.option("--me", multiple=True, help="Your name as it appears in the transcript (repeatable).")
@click.option("--format", "-f", "out_format", type=click.Choice(FORMATS), default="text")
@click.option("--input-format", type=click.Choice(TRANSCRIPT_FORMATS))
@click.option("--type", "call_type", type=click.Choice(CALL_TYPES))
@click.option("--output", "-o", type=click.Path(dir_okay=False))
@click.option("--fail-on", type=SEVERITY_CHOICE)
@save_options(deal=True)
def review(files, me, out_format, input_format, call_type, output, fail_on, save, keep_text, deal) -> None:
    """Review call transcripts: talk share, monologues, questions, next steps."""
    from plainpitch.call.cli import review as run_review
    from plainpitch.history.save import save_reports

    def saver(reports):
        return save_reports(reports, "call", save=save, keep_text=keep_text, deal=deal, me=me)

    sys.exit(run_review(list(files), me=list(me), out_format=out_format, input_format=input_format,
                        call_type=call_type, output=output, fail_on=fail_on, color=use_color(output),
                        after=saver))  # fmt: skip


@call.command("compare")
@click.argument("files", nargs=-1, required=True)
@click.option("--me", multiple=True)
@click.option("--format", "-f", "out_format", type=click.Choice(["text", "json", "markdown", "csv"]), default="text")
@click.option("--input-format", type=click.Choice(TRANSCRIPT_FORMATS))
@click.option("--output", "-o", type=click.Path(dir_okay=False))
def compare(files, me, out_format, input_format, output) -> None:
    """Compare calls: one row per call, one column per metric."""
    from plainpitch.call.cli import compare as run_compare

    sys.exit(run_compare(list(files), me=list(me), out_format=out_format, input_format=input_format,
                         output=output, color=use_color(output)))  # fmt: skip


def register(main: click.Group) -> None:
    main.add_command(call)
