"""Saving runs: one run, its scores, metrics, findings and participants, and for copy the page version it is.

A page is keyed by its path; each new content of it is the next version (1, 2, 3...), so a rewrite's effect shows
as the score of version 3 beside version 2. Two writers saving the same page at once are serialised on the page's
row (PostgreSQL ``FOR UPDATE``; SQLite has one writer at a time already), so version numbers never collide.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from plainpitch.history import schema as t
from plainpitch.history.records import CALL_COLUMNS, RunRecord

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


def as_utc(when: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes (stored as UTC); PostgreSQL aware ones."""
    if when is None:
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def insert_ignore(conn: Connection, table: Any, values: dict[str, Any], keys: list[str]) -> None:
    """INSERT ... ON CONFLICT DO NOTHING, on either database."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    conn.execute(insert(table).values(**values).on_conflict_do_nothing(index_elements=keys))


def page_version(conn: Connection, path: str, content: str, when: datetime) -> tuple[int, int, int]:
    """(page id, version id, version number) for this content of the page, adding either when new."""
    from sqlalchemy import func, select

    insert_ignore(conn, t.pages, {"path": path}, ["path"])
    page_id = conn.execute(select(t.pages.c.id).where(t.pages.c.path == path).with_for_update()).scalar_one()
    v = t.page_versions.c
    found = conn.execute(select(v.id, v.number).where(v.page_id == page_id, v.content_hash == content)).first()
    if found is not None:
        return page_id, found.id, found.number
    number = (conn.execute(select(func.max(v.number)).where(v.page_id == page_id)).scalar() or 0) + 1
    version_id = conn.execute(
        t.page_versions.insert().values(page_id=page_id, number=number, content_hash=content, first_seen=when)
    ).inserted_primary_key[0]
    return page_id, version_id, number


def save_run(conn: Connection, rec: RunRecord, *, deal_id: int | None = None, link: str | None = None,
             reason: str | None = None) -> dict[str, Any]:  # fmt: skip
    """Insert one run and its rows (inside the caller's transaction); returns what was stored about it."""
    page_id = version_id = number = None
    if rec.kind == "copy" and rec.path != "<stdin>":
        page_id, version_id, number = page_version(conn, rec.path, rec.content_hash, rec.created_at)
    row: dict[str, Any] = {
        "uid": rec.uid, "kind": rec.kind, "path": rec.path[:1000], "content_hash": rec.content_hash,
        "created_at": rec.created_at, "occurred_at": rec.occurred_at, "week": rec.week,
        "tool_version": rec.tool_version[:40], "profile": rec.profile, "context": rec.context, "medium": rec.medium,
        "format": rec.format, "score": rec.score, "findings": sum(n for _, n in rec.findings.values()),
        "seller": rec.seller, "deal_id": deal_id, "deal_link": link if deal_id else None,
        "deal_reason": (reason or "")[:300] or None if deal_id else None, "page_id": page_id,
        "version_id": version_id, "text": rec.text,
    }  # fmt: skip
    if rec.kind == "call":
        for name, column in CALL_COLUMNS.items():
            value, text, _ = rec.metrics.get(name, (None, None, ""))
            row[column] = text[:20] if text is not None else value
        for column in ("questions", "next_steps", "asks"):
            row[column] = int(row[column]) if row[column] is not None else None
    run_id = conn.execute(t.runs.insert().values(**row)).inserted_primary_key[0]
    if rec.parts:
        conn.execute(t.run_scores.insert(), [{"run_id": run_id, "part": k[:40], "value": v} for k, v in rec.parts.items()])
    if rec.metrics:
        conn.execute(t.run_metrics.insert(), [{"run_id": run_id, "name": k, "value": v, "text": s, "unit": u}
                                              for k, (v, s, u) in rec.metrics.items()])  # fmt: skip
    if rec.findings:
        conn.execute(t.run_findings.insert(), [{"run_id": run_id, "code": k[:20], "severity": s, "count": n}
                                               for k, (s, n) in rec.findings.items()])  # fmt: skip
    if rec.participants:
        conn.execute(t.call_participants.insert(), [{"run_id": run_id, "name": p.name, "role": p.role, "email": p.email}
                                                    for p in rec.participants])  # fmt: skip
    return {"id": run_id, "uid": rec.uid, "path": rec.path, "page_id": page_id, "version": number, "deal_id": deal_id}


def previous_score(conn: Connection, page_id: int, number: int) -> tuple[int, float] | None:
    """The latest score of the version before this one (what a rewrite is compared with)."""
    from sqlalchemy import select

    v, r = t.page_versions.c, t.runs.c
    row = conn.execute(
        select(v.number, r.score)
        .join_from(t.runs, t.page_versions, r.version_id == v.id)
        .where(v.page_id == page_id, v.number < number, r.score.is_not(None))
        .order_by(v.number.desc(), r.created_at.desc())
        .limit(1)
    ).first()
    return (row.number, row.score) if row is not None else None
