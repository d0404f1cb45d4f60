"""The HTTP API's routes, declared once: ``web/app.py`` mounts them and ``web/openapi.py`` writes the spec's paths
from them, so a route cannot be served without being described, nor described without being served.

Each ``Endpoint`` names its handler, its request body (a model of ``web/models.py``, or the upload alone), its
answer (media type -> schema; the schemas are components declared in ``web/models.py`` or beside the handler) and
the error statuses it may answer with.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from plainpitch.web import api, call_view, history_api, history_save, rewrite_api


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _path_choice(name: str, choices: Any) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": {"enum": list(choices)}}


@dataclass(frozen=True)
class Endpoint:
    method: str  # GET | POST
    path: str
    handler: Callable[..., Any]
    operation: str  # the operationId
    summary: str
    answer: Mapping[str, Any]  # the 200 answer: media type -> schema
    answer_note: str = ""  # the 200 answer's description (default: the summary)
    body: str | None = None  # copy | call | rewrite | save_copy | save_call (JSON or multipart models) | upload
    params: tuple[Mapping[str, Any], ...] = ()
    errors: tuple[int, ...] = ()
    error_notes: Mapping[int, str] = field(default_factory=dict)  # wording for this route's errors
    download: bool = False  # the answer is a file (Content-Disposition: attachment)


JSON = "application/json"
_COPY_ERRORS = (400, 403, 413, 415, 422, 501)
_FMT_ERRORS = (400, 403, 404, 413, 415, 422, 501)
_HISTORY_ERRORS = history_api.ERRORS

API: tuple[Endpoint, ...] = (
    Endpoint("POST", "/api/v1/check", api.check, "check", "Check copy (text or a file) and return the Report JSON.",
             {JSON: ref("Report")}, "The report.", body="copy", errors=_COPY_ERRORS),
    Endpoint("POST", "/api/v1/report/{fmt}", api.report_download, "report",
             "Check copy and return the report as a download in the chosen format.",
             {JSON: ref("Report"), "text/html": {"type": "string"},
              "application/sarif+json": {"type": "object", "required": ["version", "runs"]},
              "text/markdown": {"type": "string"}},
             "The report file (Content-Disposition: attachment).", body="copy",
             params=(_path_choice("fmt", api.REPORT_TYPES),), errors=_FMT_ERRORS, download=True),
    Endpoint("POST", "/api/v1/open", api.open_file, "open",
             "Read a dropped file: copy to edit (its decoded text) or a call transcript.",
             {JSON: ref("Opened")}, "What the file is.", body="upload", errors=_COPY_ERRORS),
    Endpoint("POST", "/api/v1/call", api.call, "call",
             "Review a call transcript; the report's details.call holds turns, questions, moments.",
             {JSON: ref("Report")}, "The report.", body="call", errors=_COPY_ERRORS),
    Endpoint("POST", "/api/v1/call/timeline", api.call_timeline, "callTimeline",
             "The call's talk timeline as a sanitised SVG chart.", {"image/svg+xml": {"type": "string"}}, "SVG.",
             body="call", errors=_COPY_ERRORS),
    Endpoint("POST", "/api/v1/call/view", call_view.call_view, "callView",
             "Review a call and return what the editor's call view shows, as the CLI words it.",
             {JSON: ref("CallView")}, "The call view.", body="call", errors=_FMT_ERRORS),
    Endpoint("POST", "/api/v1/call/report/{fmt}", call_view.call_report, "callReport",
             "Review a call and return its report as a download (HTML and Markdown with the timeline).",
             call_view.REPORT_CONTENT, "The report file (Content-Disposition: attachment).", body="call",
             params=(_path_choice("fmt", call_view.CALL_REPORT_TYPES),), errors=_FMT_ERRORS, download=True),
    Endpoint("GET", "/api/v1/rules", api.rules, "rules", "Every rule's metadata.", {JSON: ref("Rules")},
             "Rules by code."),
    Endpoint("GET", "/api/v1/rules/{code}", api.rule, "rule", "One rule's metadata, by code, name or alias.",
             {JSON: ref("Rule")}, "The rule.",
             params=({"name": "code", "in": "path", "required": True, "schema": {"type": "string"}},), errors=(404,)),
    Endpoint("GET", "/api/v1/options", api.options, "options",
             "What this build offers: profiles, contexts, media, formats, categories, limits.", {JSON: ref("Options")},
             "Options."),
    Endpoint("GET", "/api/v1/health", api.health, "health", "Liveness.", {JSON: ref("Health")}, "Up."),
    Endpoint("POST", "/api/v1/rewrite", rewrite_api.rewrite_route, "rewrite",
             "Rewrites for one finding or for the findings in a selected passage, checked by plainpitch.",
             {JSON: ref("Rewrites")}, "The rewrites, dropped candidates and questions.", body="rewrite",
             errors=_COPY_ERRORS),
    Endpoint("GET", "/api/v1/history/trends", history_api.trends, "historyTrends",
             "Week-by-week call trends per seller or per deal.", {JSON: ref("HistoryTrends")},
             params=tuple(history_api.PARAMS["historyTrends"]), errors=(404, 422, 503), error_notes=_HISTORY_ERRORS),
    Endpoint("GET", "/api/v1/history/deals", history_api.deals, "historyDeals",
             "The deals, with their number of calls.", {JSON: ref("HistoryDeals")},
             params=tuple(history_api.PARAMS["historyDeals"]), errors=(422, 503), error_notes=_HISTORY_ERRORS),
    Endpoint("GET", "/api/v1/history/timeline", history_api.timeline, "historyTimeline",
             "A deal and its calls on one timeline.", {JSON: ref("HistoryTimeline")},
             params=tuple(history_api.PARAMS["historyTimeline"]), errors=(404, 422, 503), error_notes=_HISTORY_ERRORS),
    Endpoint("GET", "/api/v1/history/pages", history_api.pages, "historyPages",
             "The copy score of each version of each page.", {JSON: ref("HistoryPages")},
             params=tuple(history_api.PARAMS["historyPages"]), errors=(422, 503), error_notes=_HISTORY_ERRORS),
    Endpoint("POST", "/api/v1/history/save/copy", history_save.save_copy, "historySaveCopy",
             "Check copy and save the run to the history store, as `check --save` does.", {JSON: ref("HistorySaved")},
             "What was saved: the page's version, its score beside the previous version's.", body="save_copy",
             errors=history_save.ERRORS, error_notes=history_save.ERROR_NOTES),
    Endpoint("POST", "/api/v1/history/save/call", history_save.save_call, "historySaveCall",
             "Review a call and save the run to the history store, as `call review --save` does.",
             {JSON: ref("HistorySaved")}, "What was saved: the seller, the deal it is linked to and why.",
             body="save_call", errors=history_save.ERRORS, error_notes=history_save.ERROR_NOTES),
)  # fmt: skip
