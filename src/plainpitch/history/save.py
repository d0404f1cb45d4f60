"""The one call ``check`` and ``call review`` make after their report: save the runs when asked.

Asked means ``--save`` (or ``--keep-text``/``--deal``, which only make sense when saving), or ``history = true``
in the project's config. When nothing asks, this returns at once and the database libraries are never imported;
a broken or unreachable store then cannot get in the way of a check. When saving fails, the report has already
been written: the failure is one line on stderr and the command exits 1.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from plainpitch.history.errors import HistoryError
from plainpitch.model import DocumentReport

SHOW_EACH = 10  # name each saved file (its version, its deal) up to this many


def _start(reports: Sequence[DocumentReport]) -> Path:
    first = reports[0].path
    return Path(first).parent if first not in ("-", "<stdin>") else Path.cwd()


def _line(kind: str, info: dict, prev: tuple[int, float] | None, score: float | None, why: str) -> str:
    if kind == "copy":
        if info["version"] is None:
            return f"  {info['path']}: saved"
        text = f"  {info['path']}: version {info['version']}"
        if score is not None:
            text += f", score {score:.0f}"
        if prev is not None:
            text += f" (version {prev[0]}: {prev[1]:.0f})"
        return text
    if info["deal_id"] is None:
        return f"  {info['path']}: no deal ({why})"
    return f"  {info['path']}: deal {info['deal']} ({why})"


def save_reports(reports: Sequence[DocumentReport], kind: str, *, save: bool = False, keep_text: bool = False,
                 deal: str | None = None, me: Iterable[str] = (), echo: Callable[[str], None] | None = None) -> bool:  # fmt: skip
    """Save each report as a run when asked; True when done or not asked, False after a one-line error."""
    if not reports:
        return True
    if echo is None:
        import click

        def echo(line: str) -> None:
            click.echo(line, err=True)

    try:
        from plainpitch.history.settings import settings_for

        settings = settings_for(_start(reports))
        keep = keep_text or settings.keep_text
        if not (save or keep_text or deal or settings.save):
            return True
        lines = _save(reports, kind, settings, keep, deal, tuple(me))
    except HistoryError as exc:
        echo(f"plainpitch: error: {exc}")
        return False
    echo(f"plainpitch: saved {len(reports)} run{'s' if len(reports) != 1 else ''} to history ({settings.where})")
    for line in lines[:SHOW_EACH]:
        echo(line)
    return True


def save_record(store, rec, deal: str | None = None) -> dict:
    """One run in one transaction (a run saved stays saved): a call linked to its deal (``deal`` names it, else
    matched from the participants), a page given its version. Returns what was stored: id, uid, path, page_id,
    version, deal_id, and ``deal`` (its name), ``link`` (flag | matched), ``reason`` (why linked, or why not),
    ``previous`` ((version, score) of the version before, for copy)."""
    from plainpitch.history.deals import deal_name, link_call
    from plainpitch.history.runs import previous_score, save_run

    with store.write() as conn:
        deal_id = link = None
        why = ""
        if rec.kind == "call":
            deal_id, link, why = link_call(conn, rec.participants, deal)
        info = save_run(conn, rec, deal_id=deal_id, link=link, reason=why)
        info["previous"] = None
        if info["version"] and info["version"] > 1:
            info["previous"] = previous_score(conn, info["page_id"], info["version"])
        info["deal"] = deal_name(conn, deal_id) if deal_id is not None else None
        info["link"], info["reason"] = (link if deal_id is not None else None), why
    return info


def _save(reports: Sequence[DocumentReport], kind: str, settings, keep: bool, deal: str | None,
          me: tuple[str, ...]) -> list[str]:  # fmt: skip
    from plainpitch.history.records import record_for
    from plainpitch.history.store import open_store
    from plainpitch.version import __version__

    store = open_store(settings)
    lines = []
    try:
        for report in reports:
            rec = record_for(report, kind, me=me, keep_text=keep, tool_version=__version__)
            info = save_record(store, rec, deal)
            why = info["reason"]
            if info["deal_id"] is not None:
                why = f"matched: {why}" if info["link"] == "matched" else "--deal"
            lines.append(_line(kind, info, info["previous"], rec.score, why))
    finally:
        store.close()
    return lines
