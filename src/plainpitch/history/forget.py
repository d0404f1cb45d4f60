"""Forgetting: a deal (with its calls), a file's runs (and its page versions), or everything."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plainpitch.history import schema as t
from plainpitch.history.deals import deal_id
from plainpitch.history.records import stored_path

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

CHILDREN = (t.run_scores, t.run_metrics, t.run_findings, t.call_participants)


def _delete_runs(conn: Connection, where) -> int:
    """Delete runs and their rows explicitly (SQLite's cascades need a pragma; this works without)."""
    from sqlalchemy import select

    ids = select(t.runs.c.id).where(where).scalar_subquery()
    for child in CHILDREN:
        conn.execute(child.delete().where(child.c.run_id.in_(ids)))
    return conn.execute(t.runs.delete().where(where)).rowcount


def _drop_orphan_pages(conn: Connection) -> None:
    from sqlalchemy import select

    used = select(t.runs.c.page_id).where(t.runs.c.page_id.is_not(None))
    orphans = select(t.pages.c.id).where(t.pages.c.id.not_in(used))
    conn.execute(t.page_versions.delete().where(t.page_versions.c.page_id.in_(orphans)))
    conn.execute(t.pages.delete().where(t.pages.c.id.not_in(used)))


def forget_deal(conn: Connection, name: str) -> dict[str, int]:
    ident = deal_id(conn, name)
    runs = _delete_runs(conn, t.runs.c.deal_id == ident)
    conn.execute(t.deal_contacts.delete().where(t.deal_contacts.c.deal_id == ident))
    conn.execute(t.deals.delete().where(t.deals.c.id == ident))
    _drop_orphan_pages(conn)
    return {"runs": runs, "deals": 1}


def forget_file(conn: Connection, path: str) -> dict[str, int]:
    """Every run of the file (as given on the command line or as stored), and its page's versions."""
    keys = {path, stored_path(path)}
    runs = _delete_runs(conn, t.runs.c.path.in_(keys))
    _drop_orphan_pages(conn)
    return {"runs": runs, "deals": 0}


def forget_all(conn: Connection) -> dict[str, int]:
    from sqlalchemy import func, select

    counts = {"runs": conn.execute(select(func.count()).select_from(t.runs)).scalar_one(),
              "deals": conn.execute(select(func.count()).select_from(t.deals)).scalar_one()}  # fmt: skip
    for table in (*CHILDREN, t.runs, t.page_versions, t.pages, t.deal_contacts, t.deals):
        conn.execute(table.delete())
    return counts


def count_file(conn: Connection, path: str) -> int:
    from sqlalchemy import func, select

    keys = {path, stored_path(path)}
    return conn.execute(select(func.count()).select_from(t.runs).where(t.runs.c.path.in_(keys))).scalar_one()
