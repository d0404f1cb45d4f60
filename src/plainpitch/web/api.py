"""The HTTP API handlers (/api/v1/...). Every response body is the documented Report JSON or a JSON error.

The engine is CPU work: it runs in Starlette's thread pool so the event loop keeps serving other requests.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import threading
import time
from collections import OrderedDict
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from plainpitch.formats import COPY_FORMATS, is_transcript_name, transcript_format_for
from plainpitch.web.inputs import (
    ApiError,
    CallInput,
    CopyInput,
    UploadInput,
    call_input,
    copy_input,
    transcript_formats,
    upload_input,
)
from plainpitch.web.models import CALL_TYPES, COPY_MEDIA

REPORT_TYPES = {
    # fmt: (media type, file extension)
    "json": ("application/json", ".json"),
    "html": ("text/html; charset=utf-8", ".html"),
    "sarif": ("application/sarif+json", ".sarif"),
    "markdown": ("text/markdown; charset=utf-8", ".md"),
}
# A downloaded HTML report is never meant to run anything from this origin.
REPORT_HTML_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:"


# -- copy -------------------------------------------------------------------------------------------------------
def _config(base: Any, overrides: dict[str, Any]) -> Any:
    from plainpitch.config import Config

    config = base or Config()
    return config.with_overrides(**overrides) if overrides else config


def _missing_module(exc: ModuleNotFoundError, what: str) -> ApiError:
    return ApiError(501, "unavailable", f"{what} is not available in this build ({exc.name} is missing)")


def load_copy(inp: CopyInput) -> Any:
    from plainpitch.ingest import format_for, load_bytes, load_text, sniff_format

    try:
        if inp.data is not None:
            return load_bytes(inp.data, inp.filename, inp.format)
        text = inp.text or ""
        # a name with no extension says nothing about the format: sniff it, as the CLI does for stdin
        by_name = format_for(inp.filename) if os.path.splitext(inp.filename)[1] else None
        fmt = inp.format or by_name or sniff_format(text[:4096].encode("utf-8", "replace"))
        return load_text(text, inp.filename, fmt)
    except ModuleNotFoundError as exc:
        raise _missing_module(exc, f"reading {inp.format or 'this'} format") from None


def analyse_copy(inp: CopyInput, base_config: Any) -> Any:
    """CopyInput -> Report with one document (the one wire format every surface shares)."""
    from plainpitch.engine import analyze
    from plainpitch.model import Report
    from plainpitch.version import __version__

    config = _config(base_config, inp.overrides)
    try:
        doc = load_copy(inp)
        return Report(documents=(analyze(doc, config),), errors=(), tool_version=__version__)
    finally:
        release_memory(_input_bytes(inp))


def _json(report: Any) -> JSONResponse:
    from plainpitch.emit.json_report import report_dict

    return JSONResponse(report_dict(report))


def _timed(fn: Any, *args: Any) -> tuple[Any, float]:
    """Run ``fn`` and say how long it took in ms (the work itself, not the wait for a free thread)."""
    start = time.perf_counter()
    result = fn(*args)
    return result, (time.perf_counter() - start) * 1000


async def check(request: Request) -> Response:
    inp = await copy_input(request)
    report, ms = await run_in_threadpool(_timed, analyse_copy, inp, request.app.state.config)
    response = _json(report)
    response.headers["server-timing"] = f"analyse;dur={ms:.1f}"  # the editor and `make bench` read it
    return response


def _download_name(filename: str, ext: str) -> str:
    """A header-safe download name derived from the user's file name (which may hold anything)."""
    stem = os.path.splitext(filename)[0]
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip(".-")[:60]
    return f"{safe or 'plainpitch'}-report{ext}"


def _render(report: Any, fmt: str) -> str:
    from plainpitch.emit import render

    try:
        return render(report, fmt, color=False)
    except ModuleNotFoundError as exc:
        raise _missing_module(exc, f"the {fmt} report") from None


async def report_download(request: Request) -> Response:
    fmt = request.path_params["fmt"]
    if fmt not in REPORT_TYPES:
        raise ApiError(404, "not_found", f"no report format {fmt!r}; use one of {', '.join(REPORT_TYPES)}")
    inp = await copy_input(request)
    report = await run_in_threadpool(analyse_copy, inp, request.app.state.config)
    body = await run_in_threadpool(_render, report, fmt)
    media, ext = REPORT_TYPES[fmt]
    headers = {"content-disposition": f'attachment; filename="{_download_name(inp.filename, ext)}"'}
    if fmt == "html":
        headers["content-security-policy"] = REPORT_HTML_CSP
    return Response(body, media_type=media, headers=headers)


# -- rules and options ------------------------------------------------------------------------------------------
async def rules(request: Request) -> Response:
    return Response(request.app.state.rules_json, media_type="application/json")


async def rule(request: Request) -> Response:
    from plainpitch.rules.base import UnknownRule, find_rule
    from plainpitch.rules.docs import rule_json_dict

    key = request.path_params["code"]
    try:
        found = find_rule(key)
    except UnknownRule as exc:
        raise ApiError(404, "unknown_rule", exc.args[0]) from None
    return JSONResponse(rule_json_dict(found))


def _available(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def options_dict(max_body: int) -> dict[str, Any]:
    """What the editor offers in its menus, limited to what this build can actually do."""
    from plainpitch.emit import RENDERERS
    from plainpitch.ingest import LOADERS
    from plainpitch.profiles import AUDIENCES, CONTEXTS
    from plainpitch.rules.base import CATEGORIES
    from plainpitch.version import __version__

    return {
        "version": __version__,
        "profiles": list(AUDIENCES),
        "contexts": list(CONTEXTS),
        "media": list(COPY_MEDIA),
        "formats": [f for f in COPY_FORMATS if _available(LOADERS[f].split(":")[0])],
        "transcript_formats": list(transcript_formats()),
        "report_formats": [f for f in REPORT_TYPES if _available(RENDERERS[f].split(":")[0])],
        "categories": {name: {"prefix": p, "what": what} for name, (p, what, _) in CATEGORIES.items()},
        "call_available": _available("plainpitch.call_review"),
        "call_types": list(CALL_TYPES),
        "call_targets": _call_targets(),
        "max_bytes": max_body,
    }


def _call_targets() -> dict[str, dict[str, str]]:
    """Which call metric is held against which threshold in the report's details.call.thresholds (the call
    module's own table, so the editor and the call reports show the same benchmarks)."""
    try:
        targets = importlib.import_module("plainpitch.emit.call").TARGETS
    except (ImportError, AttributeError):
        return {}
    return {metric: {"threshold": key, "side": side} for metric, (key, side, _) in targets.items()}


async def options(request: Request) -> Response:
    return JSONResponse(request.app.state.options)


async def health(request: Request) -> Response:
    from plainpitch.version import __version__

    return JSONResponse({"status": "ok", "version": __version__})


# -- opening a dropped file -------------------------------------------------------------------------------------
def _transcript_format(text: str, filename: str) -> str | None:
    """The transcript format of a text file (the transcript loaders' own detector), or None: it reads as copy."""
    from plainpitch.ingest.errors import LoadError
    from plainpitch.ingest.transcript import detect_format

    try:
        return detect_format(text, filename)
    except LoadError:  # "not a transcript format plainpitch knows": copy, then
        return None


def open_upload(up: UploadInput) -> dict[str, Any]:
    """A dropped file -> what the editor should do with it: edit it as copy, or open it as a call."""
    from plainpitch.ingest import copy_format, sniff_format
    from plainpitch.ingest.decode import decode, normalise_newlines
    from plainpitch.ingest.errors import LoadError

    if up.filename.lower().endswith(".docx") and not up.data.startswith(b"PK\x03\x04"):
        raise ApiError(415, "not_docx", f"{up.filename} is named .docx but is not a Word file (not a ZIP package)")
    fmt = copy_format(up.data, up.filename)  # as the CLI reads it: a .json page builder's blocks are copy
    if fmt is None and is_transcript_name(up.filename):  # .vtt, .webvtt, .srt, a speech-to-text .json, .docx
        return {"kind": "call", "filename": up.filename, "format": transcript_format_for(up.filename)}
    fmt = fmt or sniff_format(up.data)
    if fmt == "email":
        # as load_bytes does: MIME parts carry their own charsets, so the message is read as UTF-8 here
        if b"\x00" in up.data[:8192]:
            raise LoadError(up.filename, "is a binary file, not an email")
        text = up.data.decode("utf-8", errors="replace")
    else:
        text, _ = decode(up.data, up.filename)
    text = normalise_newlines(text).removeprefix("\ufeff")
    # a transcript is recognised by its content whatever its name (a Granola or Fireflies export is .md, a pasted
    # call has no name at all); HTML pages and e-mails are copy
    call_format = _transcript_format(text, up.filename) if fmt in (None, "text", "markdown") else None
    if call_format:
        return {"kind": "call", "filename": up.filename, "format": call_format}
    return {"kind": "copy", "filename": up.filename, "format": fmt, "text": text}


async def open_file(request: Request) -> Response:
    up = await upload_input(request)
    return JSONResponse(await run_in_threadpool(open_upload, up))


# -- calls ------------------------------------------------------------------------------------------------------
class _CallCache:
    """The last few call reviews, so the timeline request after a review does not analyse the call again.

    Bounded in entries and in bytes: a report holds its document (text, source, tokens), about ``COST`` times the
    input's size, so a cached review is charged that much and the oldest go when the budget is spent; a review
    bigger than a quarter of the budget is not kept at all (a hostile upload must not stay in memory)."""

    COST = 40  # bytes held per byte of input, measured on a one-hour WebVTT call (report + document)

    def __init__(self, size: int = 8, max_bytes: int = 64 * 1024 * 1024) -> None:
        self.size = size
        self.max_bytes = max_bytes
        self._items: OrderedDict[str, tuple[Any, int]] = OrderedDict()
        self._held = 0
        self._lock = threading.Lock()

    @property
    def held_bytes(self) -> int:
        return self._held

    def get_or_compute(self, key: str, compute: Any, input_bytes: int = 0) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key][0]
        value = compute()
        cost = 4096 + input_bytes * self.COST
        if cost > self.max_bytes // 4:
            return value
        with self._lock:
            if key not in self._items:
                self._items[key] = (value, cost)
                self._held += cost
            while self._items and (len(self._items) > self.size or self._held > self.max_bytes):
                _, (_, freed) = self._items.popitem(last=False)
                self._held -= freed
        return value


RELEASE_AFTER = 256 * 1024  # an input this big leaves enough garbage behind to hand memory back to the system


def release_memory(input_bytes: int) -> None:
    """After a large request: collect its cycles and return freed heap pages to the system (glibc keeps them
    otherwise, and one hostile upload would leave the server holding its peak for good)."""
    if input_bytes < RELEASE_AFTER:
        return
    import ctypes
    import ctypes.util
    import gc

    gc.collect()
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: the collection alone will have to do
        pass


CALL_CACHE = _CallCache()
_TIMELINE_LOCK = threading.Lock()  # matplotlib's state is not thread-safe


def _call_key(inp: CallInput) -> str:
    digest = hashlib.sha256(inp.data if inp.data is not None else (inp.text or "").encode("utf-8"))
    digest.update(repr((inp.filename, inp.format, inp.me, inp.call_type, inp.profile, inp.data is None)).encode("utf-8"))
    return digest.hexdigest()


def _call_api() -> Any:
    try:
        return importlib.import_module("plainpitch.call_review")
    except ModuleNotFoundError as exc:
        raise _missing_module(exc, "call review") from None


def _input_bytes(inp: Any) -> int:
    return len(inp.data) if inp.data is not None else len(inp.text or "")


def review_call(inp: CallInput, base_config: Any = None, max_bytes: int | None = None) -> Any:
    """CallInput -> DocumentReport (cached by content and options). ``max_bytes`` (the server's body limit) also
    bounds what an uploaded .docx may expand to: over it is a 413."""
    api = _call_api()

    def compute() -> Any:
        config = _config(base_config, {"profile": inp.profile}) if inp.profile else base_config
        kwargs = {"me": inp.me, "call_type": inp.call_type, "fmt": inp.format, "config": config}
        try:
            if inp.data is not None:
                return api.review_bytes(inp.data, inp.filename, max_bytes=max_bytes, **kwargs)
            return api.review_text(inp.text or "", inp.filename, **kwargs)
        finally:
            release_memory(_input_bytes(inp))

    return CALL_CACHE.get_or_compute(_call_key(inp), compute, _input_bytes(inp))


async def call(request: Request) -> Response:
    from plainpitch.model import Report
    from plainpitch.version import __version__

    inp = await call_input(request)
    doc_report = await run_in_threadpool(review_call, inp, request.app.state.config, request.app.state.max_body)
    return _json(Report(documents=(doc_report,), errors=(), tool_version=__version__))


def timeline(inp: CallInput, base_config: Any = None, max_bytes: int | None = None) -> str:
    from plainpitch.web.svg import sanitise_svg

    doc_report = review_call(inp, base_config, max_bytes)
    try:
        render = importlib.import_module("plainpitch.emit.call")
    except ModuleNotFoundError as exc:
        raise _missing_module(exc, "the call timeline") from None
    with _TIMELINE_LOCK:
        svg = render.timeline_svg(doc_report)
    return sanitise_svg(svg)


async def call_timeline(request: Request) -> Response:
    inp = await call_input(request)
    svg = await run_in_threadpool(timeline, inp, request.app.state.config, request.app.state.max_body)
    return Response(svg, media_type="image/svg+xml")
