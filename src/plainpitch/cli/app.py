"""The root command group and what every command shares: one-line errors, writing a report, colour.

Exit codes: 0 nothing reached the fail level, 1 something did (or some input could not be read while others were
checked), 2 usage errors or nothing could be checked.
Heavy modules (rules, loaders, Rich) are imported inside the commands so that ``--help`` is instant.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any

import click

FORMATS = ("text", "json", "sarif", "html", "markdown")
SEVERITY_CHOICE = click.Choice(["suggestion", "warning", "error"])
MAX_SIZE_MB = 1024.0  # --max-size's ceiling: analysis needs memory a multiple of the text, so 1 GB is already far


class SizeMB(click.ParamType):
    """A size in MB: a finite number above 0 and at most MAX_SIZE_MB (nan, inf, 1e308 and -1 are usage errors)."""

    name = "MB"

    def convert(self, value, param, ctx):
        import math

        try:
            number = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number of MB", param, ctx)
        if not math.isfinite(number) or number <= 0 or number > MAX_SIZE_MB:
            self.fail(f"{value} is not a size: give a number of MB above 0 and at most {MAX_SIZE_MB:g}", param, ctx)
        return number


class Seconds(click.ParamType):
    """A duration in seconds: a finite number from ``low`` to ``high`` (click's FloatRange lets nan through)."""

    name = "SECONDS"

    def __init__(self, low: float = 0.1, high: float = 3600.0) -> None:
        self.low, self.high = low, high

    def convert(self, value, param, ctx):
        import math

        try:
            number = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number of seconds", param, ctx)
        if not math.isfinite(number) or not self.low <= number <= self.high:
            self.fail(f"{value} is not a duration: give a number of seconds from {self.low:g} to {self.high:g}", param, ctx)
        return number


def size_bytes(mb: float) -> int:
    return max(1, int(mb * 1_048_576))


# (module, class) of the errors a command reports as one line. Evaluated only when something was raised, from the
# modules already imported (a class never imported cannot have been raised), so a command that needs none of
# them (`history`, `deal`) does not pay for importing the rules to start.
_EXPECTED = (("plainpitch.config", "ConfigError"), ("plainpitch.ingest.errors", "LoadError"),
             ("plainpitch.rules.registry", "UnknownRule"))  # fmt: skip


def _expected_errors() -> tuple[type[BaseException], ...]:
    return tuple(getattr(sys.modules[m], name) for m, name in _EXPECTED if m in sys.modules)


class Group(click.Group):
    """Turn expected errors into one line and exit 2 instead of a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except _expected_errors() as exc:
            msg = exc.args[0] if type(exc).__name__ == "UnknownRule" else str(exc)
            click.echo(f"plainpitch: error: {msg}", err=True)
            ctx.exit(2)
        except BrokenPipeError:
            _silence_stdout()
            ctx.exit(0)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit, KeyboardInterrupt):
            raise
        except OSError as exc:  # e.g. stdout on a full device
            _silence_stdout()
            click.echo(f"plainpitch: error: {exc.strerror or exc}", err=True)
            ctx.exit(2)
        except Exception as exc:  # noqa: BLE001 - last resort: one line, the traceback only with --debug
            from plainpitch import runner

            error = runner.internal_error(ctx.info_name or "plainpitch", exc)
            click.echo(f"plainpitch: error: {error.message}", err=True)
            ctx.exit(2)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush of what could not be written is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


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
        try:
            click.echo(text, nl=not text.endswith("\n"), color=True)
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:  # a full device, a closed terminal: one line, not a traceback at exit
            _silence_stdout()
            click.echo(f"plainpitch: error: cannot write the report to standard output: {exc.strerror or exc}", err=True)
            return False
    return True


@contextlib.contextmanager
def stream_to(output: str | None) -> Iterator[Callable[[str], None]]:
    """A writer for a report printed piece by piece (to ``output`` or stdout); a write that fails is one line on
    stderr and exit 2, as for ``write_output``."""
    try:
        fh = open(output, "w", encoding="utf-8") if output else None  # noqa: SIM115 - closed below
    except OSError as exc:
        click.echo(f"plainpitch: error: {output}: cannot write: {exc.strerror}", err=True)
        sys.exit(2)

    def write(text: str) -> None:
        try:
            if fh is not None:
                fh.write(text)
            else:
                click.echo(text, nl=False, color=True)
                sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            _silence_stdout()
            where = output or "standard output"
            click.echo(f"plainpitch: error: cannot write the report to {where}: {exc.strerror or exc}", err=True)
            sys.exit(2)

    try:
        yield write
    finally:
        if fh is not None:
            fh.close()


def write_json(report: Any, output: str | None, pretty: bool) -> None:
    """The JSON report written one document at a time (``json_report.chunks``), never held whole as one dict or
    one string; a failed write is one line and exit 2, as for ``stream_to``."""
    from plainpitch.emit.json_report import chunks

    with stream_to(output) as write:
        for piece in chunks(report, pretty):
            write(piece)


def write_or_exit(text: str, output: str | None) -> None:
    if not write_output(text, output):
        sys.exit(2)


def use_color(output: str | None) -> bool:
    if output or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def set_debug(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
    """--debug: an internal error prints its traceback on stderr as well as its one line."""
    if value:
        from plainpitch import runner

        runner.DEBUG = True
    return value


DEBUG_OPTION = click.option("--debug", is_flag=True, expose_value=False, is_eager=True, callback=set_debug,
                            help="Show the traceback of an internal error (to report a bug).")  # fmt: skip


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="plainpitch", prog_name="plainpitch")
@DEBUG_OPTION
def main() -> None:
    """plainpitch shows, line by line, where your copy and your calls lose the buyer."""
