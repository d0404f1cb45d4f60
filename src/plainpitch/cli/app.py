"""The root command group and what every command shares: one-line errors, writing a report, colour.

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


def write_or_exit(text: str, output: str | None) -> None:
    if not write_output(text, output):
        sys.exit(2)


def use_color(output: str | None) -> bool:
    if output or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="plainpitch", prog_name="plainpitch")
def main() -> None:
    """plainpitch shows, line by line, where your copy and your calls lose the buyer."""
