"""``plainpitch history``: trends per seller, per deal and per page version; ``history export|import|forget|info``.

Also the ``--save``/``--keep-text``/``--deal`` options that ``check`` and ``call review`` take (``save_options``).
The store's libraries (SQLAlchemy, Alembic, psycopg) are imported inside the commands, never at the top.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from plainpitch.cli.app import Group, use_color, write_or_exit


def save_options(deal: bool) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--save and --keep-text (and --deal for calls) on a command that produces reports."""

    def wrap(command: Callable[..., Any]) -> Callable[..., Any]:
        if deal:
            command = click.option("--deal", metavar="NAME",
                                   help="Link the call(s) to this deal (implies --save; else matched from participants).")(command)  # fmt: skip
        command = click.option("--keep-text", is_flag=True, help="Store the text too (implies --save).")(command)
        return click.option("--save", is_flag=True, help="Save this run to the history store (plainpitch history).")(command)

    return wrap


@contextmanager
def one_line_errors() -> Iterator[None]:
    """A HistoryError (a store that cannot be opened, an unknown deal...) is one line and exit 2."""
    from plainpitch.history.errors import HistoryError

    try:
        yield
    except HistoryError as exc:
        click.echo(f"plainpitch: error: {exc}", err=True)
        sys.exit(2)


def settings() -> Any:
    from plainpitch.history.settings import settings_for

    return settings_for()


@contextmanager
def opened(create: bool = True) -> Iterator[Any]:
    """The store for the current folder's config (None when reading and there is none yet)."""
    from plainpitch.history.store import open_store

    store = open_store(settings(), create=create)
    try:
        yield store
    finally:
        if store is not None:
            store.close()


def parse_day(value: str | None, what: str) -> Any:
    from plainpitch.history.deals import parse_date

    return parse_date(value, what)


@click.group("history", cls=Group, invoke_without_command=True)
@click.option("--by", type=click.Choice(["all", "seller", "deal", "page"]), default="all", show_default=True,
              help="Which trends to show.")  # fmt: skip
@click.option("--seller", help="Only this seller.")
@click.option("--deal", metavar="NAME", help="Only this deal.")
@click.option("--page", metavar="PATH", help="Only this page's versions.")
@click.option("--closed", is_flag=True, help="Include won and lost deals (default: open deals only).")
@click.option("--since", metavar="YYYY-MM-DD", help="Only weeks from this date.")
@click.option("--until", metavar="YYYY-MM-DD", help="Only weeks up to this date.")
@click.option("--format", "-f", "out_format", type=click.Choice(["text", "json", "csv", "html"]), default="text")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to a file.")
@click.option("--chart", type=click.Path(dir_okay=False), help="Also draw the trends to this .png or .svg file.")
@click.pass_context
def history(ctx, by, seller, deal, page, closed, since, until, out_format, output, chart) -> None:
    """Trends per seller and per deal (talk share, questions, longest monologue, next-step and ask rates) and the
    copy score by page version, from runs saved with --save."""
    if ctx.invoked_subcommand is not None:
        return
    if chart and not chart.lower().endswith((".png", ".svg")):
        raise click.BadParameter("the chart is a .png or .svg file", param_hint="--chart")
    from plainpitch.history import render
    from plainpitch.history.trends import history_data

    with one_line_errors():
        since_day, until_day = parse_day(since, "--since"), parse_day(until, "--until")
        with opened(create=False) as store:
            where = store.where if store else settings().where
            if store is None:
                data = history_data(None, where)
            else:
                with store.read() as conn:
                    # the text report shows each page's last few versions: fetch only those
                    last = render.SPARK_VERSIONS if out_format == "text" else None
                    data = history_data(conn, where, by, seller, deal, page, since_day, until_day, closed, last)
    chart_by = "deal" if by == "deal" or (deal and not seller) else "seller"
    has_any = any(data[k] for k in ("sellers", "deals", "pages"))
    if chart and not has_any:
        click.echo(f"plainpitch: nothing to chart yet: {chart} not written", err=True)
    elif chart:
        from plainpitch.history.charts import chart_bytes

        try:
            with open(chart, "wb") as fh:
                fh.write(chart_bytes(data, chart[-3:].lower(), chart_by))
        except OSError as exc:
            click.echo(f"plainpitch: error: {chart}: cannot write: {exc.strerror}", err=True)
            sys.exit(2)
    if out_format == "json":
        text = render.render_json(data, pretty=output is None and sys.stdout.isatty())
    elif out_format == "csv":
        text = render.render_csv(data)
    elif out_format == "html":
        from plainpitch.history.charts import chart_bytes

        text = render.render_html(data, chart_bytes(data, "svg", chart_by) if has_any else None)
    else:
        text = render.render_text(data, color=use_color(output))
    write_or_exit(text, output)


@history.command("export")
@click.option("--format", "-f", "out_format", type=click.Choice(["json", "csv"]), default="json", show_default=True)
@click.option("--table", type=click.Choice(["runs", "deals"]), default="runs", show_default=True,
              help="CSV only: which table (JSON holds both).")  # fmt: skip
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to a file (default: stdout).")
def export_cmd(out_format, table, output) -> None:
    """Export deals and runs as JSON (everything) or CSV (one table), CRM-neutral (docs/history.md)."""
    from plainpitch.history.transfer import export_csv, export_json

    with one_line_errors(), opened(create=False) as store:
        if store is None:
            raise_missing()
        try:
            fh = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
        except OSError as exc:
            click.echo(f"plainpitch: error: {output}: cannot write: {exc.strerror}", err=True)
            sys.exit(2)
        try:
            with store.read() as conn:
                count = export_json(conn, fh) if out_format == "json" else export_csv(conn, fh, table)
        finally:
            if output:
                fh.close()
    if output:
        click.echo(f"exported {count} {'deals' if out_format == 'csv' and table == 'deals' else 'runs'} to {output}", err=True)


def raise_missing() -> None:
    from plainpitch.history.errors import HistoryError

    raise HistoryError(f"history store {settings().where}: there is no history yet (save runs with --save)")


@history.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--format", "-f", "in_format", type=click.Choice(["json", "csv"]), help="Default: by the extension.")
def import_cmd(file, in_format) -> None:
    """Import deals and runs from an export (JSON or CSV), or deals from a CRM's CSV export. All or nothing."""
    import json

    from plainpitch.history.errors import HistoryError
    from plainpitch.history.transfer import deals_from_csv, import_data, runs_from_csv

    with one_line_errors():
        try:
            with open(file, encoding="utf-8-sig") as fh:
                raw = fh.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise HistoryError(f"{file}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
        fmt = in_format or ("csv" if file.lower().endswith(".csv") else "json")
        if fmt == "csv":
            head = raw.split("\n", 1)[0].lower().replace(" ", "").split(",")
            data = runs_from_csv(raw, file) if "id" in head and "kind" in head else deals_from_csv(raw, file)
        else:
            try:
                data = json.loads(raw)
            except (ValueError, RecursionError) as exc:
                raise HistoryError(f"{file}: not valid JSON: {exc}") from None
        with opened() as store, store.write() as conn:
            counts = import_data(conn, data, file)
    click.echo(f"imported from {file}: {counts['deals_added']} deals added, {counts['deals_updated']} updated, "
               f"{counts['runs_added']} runs added, {counts['runs_skipped']} already there"
               + (f", {counts['runs_unlinked']} linked to a deal not in the file or store (saved unlinked)"
                  if counts["runs_unlinked"] else ""))  # fmt: skip


@history.command("forget")
@click.option("--deal", metavar="NAME", help="Forget this deal and its calls.")
@click.option("--file", "path", metavar="PATH", help="Forget every run of this file.")
@click.option("--all", "everything", is_flag=True, help="Forget everything.")
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation (for scripts).")
def forget_cmd(deal, path, everything, yes) -> None:
    """Forget a deal (and its calls), a file's runs, or everything. Asks first unless --yes."""
    from plainpitch.history import forget
    from plainpitch.history.errors import HistoryError

    if sum(bool(x) for x in (deal, path, everything)) != 1:
        raise click.UsageError("say what to forget: one of --deal NAME, --file PATH or --all")
    with one_line_errors(), opened(create=False) as store:
        if store is None:
            raise_missing()
        with store.read() as conn:
            if deal:
                from plainpitch.history.trends import deal_timeline

                what = f"deal {deal!r} and its {len(deal_timeline(conn, deal)['calls'])} calls"
            elif path:
                n = forget.count_file(conn, path)
                if n == 0:
                    raise HistoryError(f"no saved runs of {path}")
                what = f"{n} runs of {path}"
            else:
                from plainpitch.history.trends import summary

                s = summary(conn)
                what = f"everything: {s['call_runs'] + s['copy_runs']} runs and {s['deals']} deals"
        if not yes:
            if not sys.stdin.isatty():
                raise HistoryError(f"forget {what}? Confirm in a terminal, or pass --yes")
            click.confirm(f"Forget {what} from {store.where}?", abort=True, err=True)
        with store.write() as conn:
            if deal:
                counts = forget.forget_deal(conn, deal)
            elif path:
                counts = forget.forget_file(conn, path)
            else:
                counts = forget.forget_all(conn)
        store.checkpoint()
    click.echo(f"forgot {counts['runs']} runs and {counts['deals']} deals", err=True)


@history.command("info")
@click.option("--format", "-f", "out_format", type=click.Choice(["text", "json"]), default="text")
def info_cmd(out_format) -> None:
    """Where the store is, its schema revision, and what it holds."""
    import json

    from plainpitch.history.trends import summary

    with one_line_errors():
        s = settings()
        with opened(create=False) as store:
            if store is None:
                info = {"store": s.where, "source": s.source, "exists": False}
            else:
                with store.read() as conn:
                    info = {"store": s.where, "source": s.source, "exists": True, "database": store.dialect,
                            "schema": store.revision(conn), **summary(conn)}  # fmt: skip
    if out_format == "json":
        write_or_exit(json.dumps(info, indent=2), None)
        return
    from plainpitch.emit.sanitize import terminal as clean

    lines = [f"{k}: {clean(str(v))}" for k, v in info.items()]
    write_or_exit("\n".join(lines) + "\n", None)


def register(main: click.Group) -> None:
    main.add_command(history)
