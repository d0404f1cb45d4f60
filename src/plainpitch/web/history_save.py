"""The editor's "Save to history": the run `check --save` and `call review --save` store, from the editor.

- ``POST /api/v1/history/save/copy``: the /check body plus ``path`` (the page's path in the project, so its
  versions line up with the CLI's; default: the file name) and ``keep_text``. The copy is checked as /check checks
  it and saved as the page's next version (or the same version, for the same text).
- ``POST /api/v1/history/save/call``: the /call body (JSON or the uploaded file) plus ``deal`` (link to this deal,
  as ``--deal``; else matched from the participants), ``occurred_at`` (when the call was: the browser sends the
  file's time, the date `call review` reads from the file) and ``keep_text``.

The store and its settings are the CLI's for the server's folder (PLAINPITCH_HISTORY_URL, ``[tool.plainpitch.
history]`` url/path, else the user's data folder); the text is kept when asked or when the config says
``keep-text``. Saving creates the store when there is none yet. An unknown deal is a 404, a store that cannot be
written a 503 with one line; each save is one transaction, queued behind any other writer (the CLI's included).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from plainpitch.web import history_api
from plainpitch.web.inputs import call_input, copy_input
from plainpitch.web.models import Field

_KEEP = Field("keep_text", "flag", "Also store the text (as --keep-text); the config's keep-text keeps it too.")
COPY_SAVE = (
    Field("path", "path", "The page's path in the project, relative to the folder the server runs in (as `check` is "
          "given it, so the page's versions line up); default: the file name.", in_form=False),
    _KEEP,
)  # fmt: skip
CALL_SAVE = (
    Field("deal", "name", "Link the call to this deal (as --deal); default: matched from the participants."),
    Field("occurred_at", "time", "When the call took place (default: now); the editor sends the file's time."),
    _KEEP,
)
ERRORS = (400, 403, 404, 413, 415, 422, 501, 503)
ERROR_NOTES = {404: "No deal by that name.", 503: "The history store cannot be written (one line says why)."}


def _save(request: Request, report: Any, kind: str, path: str, me: tuple[str, ...], extra: dict[str, Any]) -> dict:
    from plainpitch.history.records import record_for, stored_path
    from plainpitch.history.save import save_record
    from plainpitch.version import __version__

    settings = history_api.settings(request)
    keep = bool(extra.get("keep_text")) or settings.keep_text
    now = datetime.now(UTC)
    rec = record_for(report, kind, me=me, keep_text=keep, tool_version=__version__, now=now)
    # the path as `check` run in the server's folder would store it; the time from the request, never from a file
    # on the server that happens to share the upload's name
    rec = replace(rec, path=stored_path(str(history_api.project_folder(request) / path)),
                  occurred_at=extra.get("occurred_at", now).astimezone(UTC))  # fmt: skip
    info = save_record(history_api._store(request, create=True), rec, extra.get("deal"))
    previous = info["previous"]
    return {
        "store": settings.where,
        "run": {
            "id": rec.uid, "kind": kind, "path": rec.path, "occurred_at": rec.occurred_at.isoformat(),
            "score": rec.score, "version": info["version"],
            "previous": {"version": previous[0], "score": previous[1]} if previous else None,
            "seller": rec.seller, "deal": info["deal"], "link": info["link"], "link_reason": info["reason"] or None,
            "text_kept": rec.text is not None,
        },
    }  # fmt: skip


async def save_copy(request: Request) -> Response:
    from plainpitch.web.api import analyse_copy

    inp = await copy_input(request, COPY_SAVE)
    config = request.app.state.config

    def work() -> dict:
        report = analyse_copy(inp, config).documents[0]
        return _save(request, report, "copy", inp.extra.get("path") or inp.filename, (), inp.extra)

    return await history_api.answer_in_thread(work)


async def save_call(request: Request) -> Response:
    from plainpitch.web.api import review_call

    inp = await call_input(request, CALL_SAVE)
    state = request.app.state

    def work() -> dict:
        report = review_call(inp, state.config, state.max_body)
        return _save(request, report, "call", inp.filename, inp.me, inp.extra)

    return await history_api.answer_in_thread(work)


# -- OpenAPI ----------------------------------------------------------------------------------------------------
def schemas(check_json: dict[str, Any], call_json: dict[str, Any], upload: dict[str, Any]) -> dict[str, Any]:
    """The request bodies (the /check and /call ones plus this route's fields) and the answer."""
    from plainpitch.web.models import CALL_REQUEST, body_schema

    def plus(base: dict[str, Any], fields: tuple[Field, ...], form: bool = False) -> dict[str, Any]:
        props = {**base["properties"], **{f.name: f.schema(form) for f in fields if f.in_form or not form}}
        return {**base, "properties": props}

    num = {"type": ["number", "null"]}
    text = {"type": ["string", "null"]}
    return {
        "HistorySaveCopy": plus(check_json, COPY_SAVE),
        "HistorySaveCall": plus(call_json, CALL_SAVE),
        "HistorySaveCallUpload": plus(body_schema(CALL_REQUEST, upload), CALL_SAVE, form=True),
        "HistorySaved": {
            "type": "object",
            "required": ["store", "run"],
            "properties": {
                "store": {"type": "string", "description": "The store, by its path or its URL without password."},
                "run": {"type": "object",
                        "required": ["id", "kind", "path", "occurred_at", "score", "version", "previous", "deal",
                                     "link", "text_kept"],
                        "properties": {
                            "id": {"type": "string"}, "kind": {"enum": ["copy", "call"]}, "path": {"type": "string"},
                            "occurred_at": {"type": "string"}, "score": num,
                            "version": {"type": ["integer", "null"], "description": "copy: the page's version"},
                            "previous": {"oneOf": [{"type": "null"}, {
                                "type": "object", "required": ["version", "score"],
                                "properties": {"version": {"type": "integer"}, "score": num}}]},
                            "seller": text, "deal": text, "link": {"enum": ["flag", "matched", None]},
                            "link_reason": text, "text_kept": {"type": "boolean"}}},
            },
        },
    }  # fmt: skip
