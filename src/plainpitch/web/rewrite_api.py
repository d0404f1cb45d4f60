"""POST /api/v1/rewrite: the editor's "Rewrite" action, for one finding or for the findings in a selected passage.

Body: the /check fields (text, filename, format, profile, context, medium) plus ``finding``
(``{"code": "CLR001", "start": 10, "end": 17}``: the finding's code and source location as /check reported it)
or ``selection`` (``{"start": 0, "end": 120}``: source offsets, in code points). The answer lists each rewrite
(offered, dropped with its reasons, or a question for the writer) with the full text after that one rewrite, so
the editor can show the change and, when the writer accepts it, put it in place and check again.
"""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from plainpitch.web.inputs import (
    COPY_FIELDS,
    COPY_LISTS,
    ApiError,
    CopyInput,
    _copy_options,
    _filename,
    _json_object,
    _media_type,
    _string,
    _string_list,
    _unknown,
    _unsupported,
)

FIELDS = COPY_FIELDS | {"finding", "selection"}


def _range(name: str, value: Any, keys: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(value, dict) or any(k not in value for k in keys) or set(value) - set(keys):
        raise ApiError(422, "invalid", f"'{name}' must be an object with {', '.join(keys)} (and nothing else)")
    value = dict(value)
    for k in ("start", "end"):
        if isinstance(value[k], float) and value[k].is_integer():
            value[k] = int(value[k])  # JSON has one number type: 7.0 is a whole number
        if not isinstance(value[k], int) or isinstance(value[k], bool) or value[k] < 0:
            raise ApiError(422, "invalid", f"'{name}.{k}' must be a whole number of characters")
    if "code" in value and not isinstance(value["code"], str):
        raise ApiError(422, "invalid", f"'{name}.code' must be a rule code")
    if name == "selection" and value["end"] < value["start"]:  # a selection made backwards
        value = {**value, "start": value["end"], "end": value["start"]}
    return value


def _work(inp: CopyInput, base_config: Any, finding: dict | None, selection: dict | None) -> dict[str, Any]:
    from plainpitch.engine import analyze
    from plainpitch.rewrite import rewrite
    from plainpitch.rewrite.edits import apply_source
    from plainpitch.web.api import _config, load_copy

    config = _config(base_config, inp.overrides).with_overrides(all=True)  # as `plainpitch rewrite`: every rule
    report = analyze(load_copy(inp), config)
    if finding is not None:
        def only(f):
            return f.code == str(finding["code"]) and f.location.start == finding["start"] and f.location.end == finding["end"]
    else:
        def only(f):
            return selection["start"] <= f.location.start and f.location.end <= selection["end"] and f.data.get("scope") != "document"
    result = rewrite(report, config, only=only)
    source = report.document.source
    out = []
    for o in result.outcomes:
        item = o.as_dict()
        if o.status == "offered":
            item["text"] = apply_source(source, o.source_edits)
        out.append(item)
    return {"rewrites": out, "score_before": result.score_before, "counts": result.counts()}


async def rewrite_route(request: Request) -> Response:
    if _media_type(request) != "application/json":
        raise _unsupported(_media_type(request))
    body = await _json_object(request)
    _unknown(body, FIELDS)
    if "text" not in body:
        raise ApiError(422, "invalid", "'text' is required: the copy to rewrite")
    finding = _range("finding", body["finding"], ("code", "start", "end")) if "finding" in body else None
    selection = _range("selection", body["selection"], ("start", "end")) if "selection" in body else None
    if (finding is None) == (selection is None):
        raise ApiError(422, "invalid", "give either 'finding' (code, start, end) or 'selection' (start, end)")
    lists = {k: _string_list(k, body[k]) for k in COPY_LISTS if k in body}
    fmt, overrides = _copy_options(body, lists)
    inp = CopyInput(_filename(body, "untitled"), text=_string("text", body["text"]), format=fmt, overrides=overrides)
    answer = await run_in_threadpool(_work, inp, request.app.state.config, finding, selection)
    return JSONResponse(answer)


def schemas(check_json: dict[str, Any]) -> dict[str, Any]:
    """This route's request and response models (components of the spec, web/openapi.py), kept beside the handler."""
    span = {"type": "object", "additionalProperties": False, "required": ["start", "end"],
            "properties": {"start": {"type": "integer", "minimum": 0}, "end": {"type": "integer", "minimum": 0}}}  # fmt: skip
    finding = {**span, "required": ["code", "start", "end"],
               "properties": {**span["properties"], "code": {"type": "string", "description": "The finding's rule code."}},
               "description": "A finding as /check reported it: its code and source location (code points)."}  # fmt: skip
    body = {**check_json, "properties": {**check_json["properties"], "finding": finding,
                                         "selection": {**span, "description": "A selected passage (code points)."}},
            "oneOf": [{"required": ["finding"]}, {"required": ["selection"]}]}  # fmt: skip
    rewrite = {"type": "object", "required": ["status", "kind", "origin", "finding"],
               "properties": {"status": {"enum": ["offered", "dropped", "question"]}, "kind": {"type": "string"},
                              "origin": {"enum": ["offline", "model"]}, "finding": {"type": "object"},
                              "before": {"type": "string"}, "after": {"type": "string"}, "question": {"type": "string"},
                              "reasons": {"type": "array", "items": {"type": "string"}}, "effect": {"type": "string"},
                              "text": {"type": "string", "description": "The whole text with this rewrite applied."}}}  # fmt: skip
    answer = {"type": "object", "required": ["rewrites", "counts"],
              "properties": {"rewrites": {"type": "array", "items": rewrite}, "score_before": {"type": ["number", "null"]},
                             "counts": {"type": "object"}}}  # fmt: skip
    return {"RewriteRequest": body, "Rewrites": answer}
