"""The queries behind ``plainpitch history`` and the editor's history view.

Per seller and per deal, week by week (weeks start on Monday, UTC; a call's week is its transcript's date):
calls, talk share (%), questions the seller asked, longest monologue (s), next-step rate and ask rate (% of calls
with at least one). Per page: the copy score of each version. Aggregation happens in the database, on indexed
columns of ``runs``, so 100,000 stored runs answer in well under a second on SQLite (``make bench``).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from plainpitch.history import schema as t
from plainpitch.history.deals import deal_id, get_deal
from plainpitch.history.runs import as_utc

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

CALL_MEASURES = ("talk_share", "questions", "longest_monologue_s", "next_step_rate", "ask_rate")
LABELS = {
    "talk_share": ("talk share", "%"),
    "questions": ("questions", ""),
    "longest_monologue_s": ("longest monologue", "s"),
    "next_step_rate": ("next-step rate", "%"),
    "ask_rate": ("ask rate", "%"),
    "score": ("copy score", ""),
}
# lower is better for these (the report colours a change by whether it helps)
LOWER_IS_BETTER = frozenset({"talk_share", "longest_monologue_s"})


def _measures() -> list[Any]:
    """count(*), then (count, sum) of each measure: a week's average and the whole period's both come from these
    sums, so one pass over the covering index gives the series and the overall figures (avg ignores NULLs, and
    so does count(column))."""
    from sqlalchemy import case, func

    r = t.runs.c

    def hit(column: Any) -> Any:  # 100 when the call had one, 0 when not, NULL when not measured
        return case((column.is_(None), None), (column > 0, 100.0), else_=0.0)

    out = [func.count().label("calls")]
    for column in (r.talk_share, r.questions, r.longest_monologue_s, hit(r.next_steps), hit(r.asks)):
        out += [func.count(column), func.sum(column)]
    return out


def _point(values: Any) -> dict[str, Any]:
    """(calls, then count and sum of each of CALL_MEASURES) -> the point's dict (averages to one decimal)."""
    point: dict[str, Any] = {"calls": values[0]}
    for i, measure in enumerate(CALL_MEASURES):
        n, total = values[1 + 2 * i], values[2 + 2 * i]
        point[measure] = round(float(total) / n, 1) if n else None  # PostgreSQL's sums may be Decimal
    return point


def _add(into: list[Any] | None, values: Any) -> list[Any]:
    """Sum a week's counts and sums into the group's (for its overall point)."""
    if into is None:
        return [v or 0 for v in values]
    return [a + (b or 0) for a, b in zip(into, values, strict=True)]


def _groups(rows: Any) -> dict[Any, tuple[list[Any], list[dict[str, Any]]]]:
    """Weekly rows (key, week, *measures) ordered by key -> {key: (summed measures, series)}."""
    out: dict[Any, tuple[list[Any], list[dict[str, Any]]]] = {}
    for row in rows:
        totals, series = out.get(row[0], (None, []))
        series.append({"week": row[1], **_point(row[2:])})
        out[row[0]] = (_add(totals, row[2:]), series)
    return out


def _one(value: Any) -> float | None:
    return None if value is None else round(float(value), 1)


def _week() -> Any:
    """The week as 'YYYY-MM-DD' text from the database (no per-row date parsing: deals x weeks can be 50,000 rows)."""
    from sqlalchemy import String, cast

    return cast(t.runs.c.week, String(10)).label("week")


def _filters(since: date | None, until: date | None) -> list[Any]:
    r = t.runs.c
    where = [r.kind == "call"]
    if since:
        where.append(r.week >= since)
    if until:
        where.append(r.week <= until)
    return where


def seller_trends(conn: Connection, seller: str | None = None, since: date | None = None,
                  until: date | None = None) -> list[dict[str, Any]]:  # fmt: skip
    """[{seller, overall: {...}, series: [{week, calls, talk_share, ...}]}] for each seller with calls."""
    from sqlalchemy import select

    r = t.runs.c
    where = _filters(since, until)
    if seller:
        where.append(r.seller == seller)
    weekly = conn.execute(select(r.seller, _week(), *_measures()).where(*where).group_by(r.seller, r.week)
                          .order_by(r.seller, r.week))  # fmt: skip
    groups = [{"seller": key or "(unknown)", "overall": _point(totals), "series": series}
              for key, (totals, series) in _groups(weekly).items()]  # fmt: skip
    return sorted(groups, key=lambda g: (-g["overall"]["calls"], g["seller"]))


def deal_trends(conn: Connection, deal: str | None = None, since: date | None = None, until: date | None = None,
                closed: bool = False) -> list[dict[str, Any]]:  # fmt: skip
    """[{deal, status, stage, overall, series}] for each open deal with calls (``closed``: won and lost ones too; a
    named deal whatever its status): did its calls get their next step?"""
    from sqlalchemy import select

    r, d = t.runs.c, t.deals.c
    where = [*_filters(since, until), r.deal_id.is_not(None)]
    if deal:
        where.append(r.deal_id == deal_id(conn, deal))
    elif not closed:
        where.append(r.deal_id.in_(select(d.id).where(d.status == "open")))
    found = _groups(conn.execute(select(r.deal_id, _week(), *_measures()).where(*where)
                                 .group_by(r.deal_id, r.week).order_by(r.deal_id, r.week)))  # fmt: skip
    names = {row.id: row for row in conn.execute(select(d.id, d.name, d.status, d.stage).where(d.id.in_(list(found))))}
    groups = [{"deal": names[key].name, "status": names[key].status, "stage": names[key].stage,
               "overall": _point(totals), "series": series} for key, (totals, series) in found.items()]  # fmt: skip
    return sorted(groups, key=lambda g: (g["status"] != "open", -g["overall"]["calls"], g["deal"]))


def page_trends(conn: Connection, path: str | None = None, since: date | None = None,
                last: int | None = None) -> list[dict[str, Any]]:  # fmt: skip
    """[{path, versions: [{version, first_seen, runs, score}]}]: the copy score of each version of each page
    (``last``: only each page's newest that many versions, chosen in the database: the text report shows six of
    what may be hundreds)."""
    from sqlalchemy import func, select

    from plainpitch.history.records import stored_path

    r, v, p = t.runs.c, t.page_versions.c, t.pages.c
    per_version = select(r.version_id, func.count().label("runs"), func.avg(r.score).label("score")).where(
        r.version_id.is_not(None))  # fmt: skip
    if since:
        per_version = per_version.where(r.week >= since)
    scores = per_version.group_by(r.version_id).subquery()  # from the (version_id, score) index alone
    columns = [p.path, v.number, v.first_seen, scores.c.runs, scores.c.score]
    if last is not None:
        columns.append(func.row_number().over(partition_by=v.page_id, order_by=v.number.desc()).label("newest"))
    query = select(*columns).join_from(scores, t.page_versions, scores.c.version_id == v.id).join(t.pages, p.id == v.page_id)
    if path:
        query = query.where(p.path.in_({path, stored_path(path)}))
    if last is not None:
        ranked = query.subquery()
        query = select(*(ranked.c[c.name] for c in columns[:5])).where(ranked.c.newest <= last)
        query = query.order_by(ranked.c.path, ranked.c.number)
    else:
        query = query.order_by(p.path, v.number)
    pages: dict[str, dict[str, Any]] = {}
    for row in conn.execute(query):
        page = pages.setdefault(row.path, {"path": row.path, "versions": []})
        page["versions"].append({"version": row.number, "first_seen": as_utc(row.first_seen).isoformat(),
                                 "runs": row.runs, "score": _one(row.score)})  # fmt: skip
    return list(pages.values())


def deal_timeline(conn: Connection, name: str) -> dict[str, Any]:
    """The deal and each of its calls in time order, with the measures of each."""
    from sqlalchemy import select

    deal = get_deal(conn, name)
    r = t.runs.c
    rows = conn.execute(
        select(r.uid, r.path, r.occurred_at, r.seller, r.call_type, r.duration_s, r.talk_share, r.questions,
               r.longest_monologue_s, r.next_steps, r.asks, r.score, r.findings, r.deal_link, r.deal_reason)
        .where(r.deal_id == deal.pop("id"), r.kind == "call")
        .order_by(r.occurred_at, r.id)
    ).all()  # fmt: skip
    calls = [{
        "id": row.uid, "path": row.path, "time": as_utc(row.occurred_at).isoformat(), "seller": row.seller,
        "call_type": row.call_type, "duration_s": row.duration_s, "talk_share": row.talk_share,
        "questions": row.questions, "longest_monologue_s": row.longest_monologue_s, "next_steps": row.next_steps,
        "asks": row.asks, "score": row.score, "findings": row.findings, "link": row.deal_link,
        "link_reason": row.deal_reason,
    } for row in rows]  # fmt: skip
    return {"deal": deal, "calls": calls}


def summary(conn: Connection) -> dict[str, Any]:
    """How much is stored: runs by kind (with the first and last, in the same pass over the (kind, occurred_at)
    index), deals, pages."""
    from sqlalchemy import func, select

    r = t.runs.c
    kinds = {row[0]: row[1:] for row in conn.execute(select(r.kind, func.count(), func.min(r.occurred_at),
                                                            func.max(r.occurred_at)).group_by(r.kind))}  # fmt: skip
    firsts = [k[1] for k in kinds.values() if k[1] is not None]
    lasts = [k[2] for k in kinds.values() if k[2] is not None]
    return {
        "copy_runs": kinds.get("copy", (0,))[0],
        "call_runs": kinds.get("call", (0,))[0],
        "deals": conn.execute(select(func.count()).select_from(t.deals)).scalar_one(),
        "pages": conn.execute(select(func.count()).select_from(t.pages)).scalar_one(),
        "first": _iso(min(firsts, key=as_utc)) if firsts else None,
        "last": _iso(max(lasts, key=as_utc)) if lasts else None,
    }


def _iso(value: Any) -> str | None:
    return as_utc(value).isoformat() if value is not None else None


def history_data(conn: Connection | None, where: str, by: str = "all", seller: str | None = None,
                 deal: str | None = None, page: str | None = None, since: date | None = None,
                 until: date | None = None, closed: bool = False, last_versions: int | None = None) -> dict[str, Any]:  # fmt: skip
    """Everything ``plainpitch history`` shows (``conn`` None: no store yet, so nothing; ``last_versions``: each
    page's newest versions only)."""
    empty = {"copy_runs": 0, "call_runs": 0, "deals": 0, "pages": 0, "first": None, "last": None}
    data: dict[str, Any] = {"store": where, "summary": summary(conn) if conn is not None else empty,
                            "sellers": [], "deals": [], "pages": []}  # fmt: skip
    if conn is None:
        return data
    narrowed = seller or deal or page
    if by in ("seller", "all") and (seller or not narrowed):
        data["sellers"] = seller_trends(conn, seller, since, until)
    if by in ("deal", "all") and (deal or not narrowed):
        data["deals"] = deal_trends(conn, deal, since, until, closed)
    if by in ("page", "all") and (page or not narrowed):
        data["pages"] = page_trends(conn, page, since, last_versions)
    return data
