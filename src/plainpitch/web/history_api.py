"""The history API for the editor's history view (JSON; the editor's history view builds on it; saving a run
from the editor is web/history_save.py):

- ``GET /api/v1/history/trends?by=seller|deal[&seller=|&deal=][&since=&until=]``: week-by-week trends
- ``GET /api/v1/history/deals[?status=]``: the deals, with their number of calls
- ``GET /api/v1/history/timeline?deal=NAME``: one deal and each of its calls, in time order
- ``GET /api/v1/history/pages[?path=]``: the copy score of each version of each page

The store is the one the CLI uses for the server's folder (PLAINPITCH_HISTORY_URL, the config, or the user's
data directory). Reading never creates a store: with none yet the answers are empty. A store that cannot be read
is a 503 with one line; an unknown deal a 404. The routes are declared in web/routes.py; the spec's models and
parameters are here (``SCHEMAS``, ``PARAMS``).
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from plainpitch.web.inputs import ApiError
from plainpitch.web.models import blank, name_schema

MAX_NAME = 200
_STORES: dict[str, Any] = {}  # one open store (engine, connection pool) per URL, shared by the request threads
_LOCK = threading.Lock()


def project_folder(request: Request) -> Path:
    """The folder the server works for: its config file's, else where it was started."""
    source = getattr(request.app.state.config, "source", None)
    return Path(source).parent if source else Path.cwd()


def settings(request: Request) -> Any:
    from plainpitch.history.settings import settings_for

    return settings_for(project_folder(request))


def _store(request: Request, create: bool = False) -> Any:
    """The open store for the server's folder (None when reading and there is none yet; ``create``: saving makes
    one, as `check --save` does)."""
    from plainpitch.history.store import open_store

    found = settings(request)
    with _LOCK:
        store = _STORES.get(found.url)
        if store is None:
            store = open_store(found, create=create)
            if store is not None:
                _STORES[found.url] = store
    return store


def _query(request: Request, name: str, choices: tuple[str, ...] | None = None) -> str | None:
    value = request.query_params.get(name)
    if value is None:
        return None
    if blank(value) or len(value) > MAX_NAME:
        raise ApiError(422, "invalid", f"{name} must be 1 to {MAX_NAME} characters", field=name)
    if choices is not None and value not in choices:
        raise ApiError(422, "invalid", f"{name} must be one of {', '.join(choices)}", field=name)
    return value


def _day(request: Request, name: str) -> date | None:
    value = request.query_params.get(name)
    if value is None:
        return None
    try:
        if len(value) != 10:
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise ApiError(422, "invalid", f"{name} must be a date, YYYY-MM-DD", field=name) from None


async def answer_in_thread(work: Any) -> Response:
    """``work()`` run in the thread pool, as JSON; an unknown deal is a 404, a store that cannot be used a 503 (the
    reading and the saving routes answer alike)."""
    from plainpitch.history.errors import HistoryError, UnknownDeal

    try:
        return JSONResponse(await run_in_threadpool(work))
    except UnknownDeal as exc:
        raise ApiError(404, "not_found", str(exc)) from None
    except HistoryError as exc:
        raise ApiError(503, "history_unavailable", str(exc)) from None


async def _answer(request: Request, work: Any) -> Response:
    """Run ``work(conn)`` on a read connection in the thread pool; None when there is no store yet."""

    def run() -> Any:
        store = _store(request)
        if store is None:
            return work(None)
        with store.read() as conn:
            return work(conn)

    return await answer_in_thread(run)


async def trends(request: Request) -> Response:
    from plainpitch.history.trends import deal_trends, seller_trends

    by = _query(request, "by", ("seller", "deal")) or "seller"
    seller, deal = _query(request, "seller"), _query(request, "deal")
    since, until = _day(request, "since"), _day(request, "until")

    def work(conn: Any) -> Any:
        if conn is None:
            return {"by": by, "groups": []}
        if by == "deal":
            return {"by": by, "groups": deal_trends(conn, deal, since, until)}
        return {"by": by, "groups": seller_trends(conn, seller, since, until)}

    return await _answer(request, work)


async def deals(request: Request) -> Response:
    from plainpitch.history.deals import list_deals

    status = _query(request, "status", ("open", "won", "lost"))
    return await _answer(request, lambda conn: {"deals": list_deals(conn, status) if conn is not None else []})


async def timeline(request: Request) -> Response:
    from plainpitch.history.errors import UnknownDeal
    from plainpitch.history.trends import deal_timeline

    deal = _query(request, "deal")
    if deal is None:
        raise ApiError(422, "invalid", "deal is required", field="deal")

    def work(conn: Any) -> Any:
        if conn is None:
            raise UnknownDeal(f"no deal named {deal!r}")
        return deal_timeline(conn, deal)

    return await _answer(request, work)


async def pages(request: Request) -> Response:
    from plainpitch.history.trends import page_trends

    path = _query(request, "path")
    return await _answer(request, lambda conn: {"pages": page_trends(conn, path) if conn is not None else []})




# -- OpenAPI ----------------------------------------------------------------------------------------------------
def _name_param(name: str, description: str, required: bool = False) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": required, "description": description,
            "schema": name_schema(MAX_NAME)}  # fmt: skip


def _day_param(name: str, description: str) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "description": description,
            "schema": {"type": "string", "format": "date"}}  # fmt: skip


_NUM = {"type": ["number", "null"]}
_POINT = {
    "type": "object",
    "required": ["calls", "talk_share", "questions", "longest_monologue_s", "next_step_rate", "ask_rate"],
    "properties": {"week": {"type": "string", "format": "date"}, "calls": {"type": "integer"}, "talk_share": _NUM,
                   "questions": _NUM, "longest_monologue_s": _NUM, "next_step_rate": _NUM, "ask_rate": _NUM},
}  # fmt: skip
_DEAL = {
    "type": "object",
    "required": ["name", "status", "contacts"],
    "properties": {
        "name": {"type": "string"}, "company": {"type": ["string", "null"]}, "domain": {"type": ["string", "null"]},
        "stage": {"type": ["string", "null"]}, "amount": _NUM, "currency": {"type": ["string", "null"]},
        "close_date": {"type": ["string", "null"]}, "status": {"enum": ["open", "won", "lost"]},
        "closed_at": {"type": ["string", "null"]}, "created_at": {"type": "string"},
        "calls": {"type": "integer"}, "last_call": {"type": ["string", "null"]},
        "contacts": {"type": "array", "items": {"type": "object", "properties": {
            "name": {"type": ["string", "null"]}, "email": {"type": ["string", "null"]}}}},
    },
}  # fmt: skip
SCHEMAS = {
    "HistoryTrends": {
        "type": "object",
        "required": ["by", "groups"],
        "properties": {
            "by": {"enum": ["seller", "deal"]},
            "groups": {"type": "array", "items": {
                "type": "object", "required": ["overall", "series"],
                "properties": {"seller": {"type": "string"}, "deal": {"type": "string"},
                               "status": {"type": "string"}, "stage": {"type": ["string", "null"]},
                               "overall": _POINT, "series": {"type": "array", "items": _POINT}}}},
        },
    },
    "HistoryDeals": {"type": "object", "required": ["deals"],
                     "properties": {"deals": {"type": "array", "items": _DEAL}}},
    "HistoryTimeline": {
        "type": "object",
        "required": ["deal", "calls"],
        "properties": {"deal": _DEAL, "calls": {"type": "array", "items": {
            "type": "object", "required": ["id", "path", "time"],
            "properties": {"id": {"type": "string"}, "path": {"type": "string"}, "time": {"type": "string"},
                           "seller": {"type": ["string", "null"]}, "call_type": {"type": ["string", "null"]},
                           "duration_s": _NUM, "talk_share": _NUM, "questions": _NUM, "longest_monologue_s": _NUM,
                           "next_steps": _NUM, "asks": _NUM, "score": _NUM, "findings": {"type": "integer"},
                           "link": {"type": ["string", "null"]}, "link_reason": {"type": ["string", "null"]}}}}},
    },
    "HistoryPages": {"type": "object", "required": ["pages"], "properties": {"pages": {"type": "array", "items": {
        "type": "object", "required": ["path", "versions"],
        "properties": {"path": {"type": "string"}, "versions": {"type": "array", "items": {
            "type": "object", "required": ["version", "runs", "score"],
            "properties": {"version": {"type": "integer"}, "first_seen": {"type": "string"},
                           "runs": {"type": "integer"}, "score": _NUM}}}}}}}},
}  # fmt: skip


ERRORS = {404: "No deal by that name.", 422: "A query parameter is not valid.",
          503: "The history store cannot be read (one line says why)."}  # fmt: skip
_SINCE = _day_param("since", "Only weeks from this date.")
_UNTIL = _day_param("until", "Only weeks up to this date.")
PARAMS = {  # each route's query parameters, by operation
    "historyTrends": [{"name": "by", "in": "query", "required": False, "schema": {"enum": ["seller", "deal"]},
                       "description": "Group by seller (default) or by deal."},
                      _name_param("seller", "Only this seller."), _name_param("deal", "Only this deal."), _SINCE, _UNTIL],
    "historyDeals": [{"name": "status", "in": "query", "required": False, "schema": {"enum": ["open", "won", "lost"]}}],
    "historyTimeline": [_name_param("deal", "The deal's name.", required=True)],
    "historyPages": [_name_param("path", "Only this page (path as stored or as given).")],
}  # fmt: skip
