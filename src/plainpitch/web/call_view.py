"""The editor's call view and its downloads: what the command line's call report says, served to the page.

- ``POST /api/v1/call/view`` (the CallRequest fields): the Report JSON plus the call report's own lines as the
  CLI writes them (the header, the metric rows with their targets, each finding's place in the call), the
  speakers' talk time, hints in the page's own terms, and the sanitised timeline SVG: one request per review.
- ``POST /api/v1/call/report/{fmt}``: the call report as a file, HTML (with the timeline chart) or Markdown (with
  the timeline as an embedded SVG image), rendered by the call report renderers, or the Report JSON.

The page formats nothing itself: durations, the score and labels come from the same renderers as
``plainpitch call review``, so the editor and the CLI say the same thing.
"""

from __future__ import annotations

import base64
import importlib
import re
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from plainpitch.web.api import REPORT_HTML_CSP, _download_name, _missing_module, review_call, timeline
from plainpitch.web.inputs import ApiError, CallInput, call_input

CALL_REPORT_TYPES = {
    # fmt: (media type, file extension)
    "html": ("text/html; charset=utf-8", ".html"),
    "markdown": ("text/markdown; charset=utf-8", ".md"),
    "json": ("application/json", ".json"),
}
# The call module words its role notes for the command line; the page has the "I am" menu instead.
_CLI_ADVICE = (
    (re.compile(r"\bpass --me NAME to (?:set it|choose someone else)"), "choose yourself in the “I am” menu"),
    (re.compile(r"\bor pass --me for everyone on your side"), "or choose yourself in the “I am” menu"),
)
_FLAG = re.compile(r"(?<![\w-])--[a-z][\w-]*")


def _renderer() -> Any:
    try:
        return importlib.import_module("plainpitch.emit.call")
    except ModuleNotFoundError as exc:
        raise _missing_module(exc, "the call report") from None


def page_terms(note: str) -> str | None:
    """A note in the page's own terms: the CLI's "pass --me NAME" becomes the "I am" menu; a note that still
    names a command-line flag is advice for the command line, not for this page (None)."""
    for pattern, words in _CLI_ADVICE:
        note = pattern.sub(words, note)
    return None if _FLAG.search(note) else note


def _hints(notes: list[str]) -> list[str]:
    out: list[str] = []
    for note in notes:
        said = page_terms(str(note))
        if said and said not in out:
            out.append(said)
    return out


def _speakers(call: dict[str, Any], clock: Any) -> list[dict[str, Any]]:
    """Each speaker's talk time and share, in order of first turn (for the timeline as a list)."""
    seconds: dict[str, float] = {}
    roles: dict[str, str] = {}
    for t in call.get("turns") or []:
        start, end = t.get("start"), t.get("end")
        span = max(0.0, end - start) if isinstance(start, int | float) and isinstance(end, int | float) else 0.0
        seconds[t["speaker"]] = seconds.get(t["speaker"], 0.0) + span
        roles.setdefault(t["speaker"], t.get("role") or "unknown")
    total = sum(seconds.values()) or 1.0
    return [{"name": name, "role": roles[name], "talk": clock(secs), "share": round(100 * secs / total)}
            for name, secs in seconds.items()]  # fmt: skip


def view(inp: CallInput, base_config: Any = None) -> dict[str, Any]:
    from plainpitch.call.timefmt import approx, clock
    from plainpitch.emit.json_report import report_dict
    from plainpitch.model import Report
    from plainpitch.version import __version__

    doc_report = review_call(inp, base_config)
    render = _renderer()
    call = dict(doc_report.details.get("call") or {})
    timed = bool(call.get("has_times"))
    index = {id(f): i for i, f in enumerate(doc_report.findings)}
    try:
        svg = timeline(inp, base_config) if call.get("turns") else None
    except (ApiError, ValueError):
        svg = None
    return {
        "report": report_dict(Report(documents=(doc_report,), errors=(), tool_version=__version__)),
        "header": render.header_lines(doc_report) if call else [],
        "score": None if doc_report.score is None else f"{doc_report.score.overall:.0f}",
        "metrics": [{"label": label, "value": value, "target": target, "off": off}
                    for label, value, target, off in render.metric_rows(doc_report)],
        "groups": [[index[id(f)] for f in group] for group in render.grouped(doc_report)],
        "when": [approx(f.time, timed) if f.time is not None else "" for f in doc_report.findings],
        "length": approx(call.get("duration_s"), timed) if call.get("duration_s") is not None else "",
        "speakers": _speakers(call, clock),
        "hints": _hints(render.notes(doc_report)),
        "timeline": svg,
    }


async def call_view(request: Request) -> Response:
    inp = await call_input(request)
    return JSONResponse(await run_in_threadpool(view, inp, request.app.state.config))


def report_file(inp: CallInput, fmt: str, base_config: Any = None) -> str:
    doc_report = review_call(inp, base_config)
    if fmt == "json":
        import json

        from plainpitch.emit.json_report import report_dict
        from plainpitch.model import Report
        from plainpitch.version import __version__

        report = Report(documents=(doc_report,), errors=(), tool_version=__version__)
        return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"
    body = _renderer().render_call(doc_report, fmt)
    if fmt == "markdown" and (doc_report.details.get("call") or {}).get("turns"):
        svg = timeline(inp, base_config)  # sanitised: nothing in it can run or load anything
        data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
        body += f"\n### Talk timeline\n\n![Who spoke when](data:image/svg+xml;base64,{data})\n"
    return body


async def call_report(request: Request) -> Response:
    fmt = request.path_params["fmt"]
    if fmt not in CALL_REPORT_TYPES:
        raise ApiError(404, "not_found", f"no call report format {fmt!r}; use one of {', '.join(CALL_REPORT_TYPES)}")
    inp = await call_input(request)
    body = await run_in_threadpool(report_file, inp, fmt, request.app.state.config)
    media, ext = CALL_REPORT_TYPES[fmt]
    headers = {"content-disposition": f'attachment; filename="{_download_name(inp.filename, ext)}"'}
    if fmt == "html":
        headers["content-security-policy"] = REPORT_HTML_CSP
    return Response(body, media_type=media, headers=headers)


_STRING = {"type": "string"}
_ROW = {"type": "object", "required": ["label", "value", "target", "off"],
        "properties": {"label": _STRING, "value": _STRING, "target": _STRING, "off": {"type": "boolean"}}}  # fmt: skip
_SPEAKER = {"type": "object", "required": ["name", "role", "talk", "share"],
            "properties": {"name": _STRING, "role": _STRING, "talk": _STRING, "share": {"type": "integer"}}}  # fmt: skip
SCHEMAS = {  # this route's response model (a component of the spec, web/openapi.py), kept beside the handler
    "CallView": {
        "type": "object",
        "required": ["report", "header", "score", "metrics", "groups", "when", "length", "speakers", "hints",
                     "timeline"],
        "properties": {
            "report": {"$ref": "#/components/schemas/Report"},
            "header": {"type": "array", "items": _STRING, "description": "The call report's opening lines."},
            "score": {"type": ["string", "null"], "description": "The score as the call report shows it."},
            "metrics": {"type": "array", "items": _ROW, "description": "The call report's metric rows."},
            "groups": {"type": "array", "items": {"type": "array", "items": {"type": "integer"}},
                       "description": "Findings grouped as the call report groups them (indexes, errors first)."},
            "when": {"type": "array", "items": _STRING, "description": "Each finding's place in the call (m:ss)."},
            "length": _STRING,
            "speakers": {"type": "array", "items": _SPEAKER},
            "hints": {"type": "array", "items": _STRING, "description": "Notes worded for the editor."},
            "timeline": {"type": ["string", "null"], "description": "The talk timeline, a sanitised SVG."},
        },
    },
}  # fmt: skip
REPORT_CONTENT = {  # what /call/report/{fmt} answers, by media type
    "text/html": _STRING,
    "text/markdown": _STRING,
    "application/json": {"$ref": "#/components/schemas/Report"},
}
