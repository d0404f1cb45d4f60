"""The OpenAPI 3.1 description of the HTTP API, served at /openapi.json and tested with schemathesis.

Generated, never written by hand: the paths from the one route declaration (``web/routes.API``), the request
bodies from the field declarations in ``web/models.py`` (which ``web/inputs.py`` validates with), the answers from
the response models (``web/models.response_models`` and the ones declared beside their handlers). The Report shape
is the JSON report's schema (the one documented wire format, shipped in the package:
``plainpitch.emit.json_report.report_schema``), embedded with its ``$defs`` moved into ``components``.
"""

from __future__ import annotations

from typing import Any

from plainpitch.emit.json_report import report_schema
from plainpitch.web import call_view, history_api, history_save, rewrite_api
from plainpitch.web.models import CALL_REQUEST, COPY_REQUEST, body_schema, response_models
from plainpitch.web.routes import API, Endpoint, ref

_PREFIX = "report_"


def _rewrite_refs(node: Any) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/"):
                out[key] = "#/components/schemas/" + _PREFIX + value.removeprefix("#/$defs/")
            else:
                out[key] = _rewrite_refs(value)
        return out
    if isinstance(node, list):
        return [_rewrite_refs(v) for v in node]
    return node


def report_components() -> dict[str, Any]:
    """``{"Report": ..., "report_<def>": ...}`` for components.schemas."""
    schema = report_schema()
    defs = schema.pop("$defs", {})
    for key in ("$schema", "$id"):
        schema.pop(key, None)
    out = {"Report": _rewrite_refs(schema)}
    out.update({_PREFIX + name: _rewrite_refs(value) for name, value in defs.items()})
    return out


ERROR_NOTES = {
    400: "Malformed body (bad JSON or form data).",
    403: "Sent by a browser from another site.",
    404: "Not found.",
    413: "The body is over the size limit.",
    415: "Unsupported Content-Type.",
    422: "Well-formed but not usable: a field fails validation, or the file cannot be read (LoadError).",
    501: "This build lacks the module the request needs (e.g. a report renderer or call review).",
}


def _body(kind: str, upload: dict[str, Any]) -> dict[str, Any]:
    if kind == "upload":
        form = {"type": "object", "additionalProperties": False, "required": ["file"], "properties": {"file": upload}}
        return {"required": True, "content": {"multipart/form-data": {"schema": form}}}
    if kind in ("rewrite", "save_copy"):  # JSON only
        model = {"rewrite": "RewriteRequest", "save_copy": "HistorySaveCopy"}[kind]
        return {"required": True, "content": {"application/json": {"schema": ref(model)}}}
    json_model, form_model = {"copy": ("CheckRequest", "CheckUpload"), "call": ("CallRequest", "CallUpload"),
                              "save_call": ("HistorySaveCall", "HistorySaveCallUpload")}[kind]  # fmt: skip
    return {"required": True, "content": {"application/json": {"schema": ref(json_model)},
                                          "multipart/form-data": {"schema": ref(form_model)}}}  # fmt: skip


def operation(e: Endpoint, upload: dict[str, Any]) -> dict[str, Any]:
    """The spec's entry for one declared route."""
    answer: dict[str, Any] = {"description": e.answer_note or e.summary,
                              "content": {media: {"schema": schema} for media, schema in e.answer.items()}}  # fmt: skip
    if e.download:
        answer["headers"] = {"Content-Disposition": {"schema": {"type": "string"}, "required": True}}
    out: dict[str, Any] = {"operationId": e.operation, "summary": e.summary}
    if e.params:
        out["parameters"] = [dict(p) for p in e.params]
    if e.body:
        out["requestBody"] = _body(e.body, upload)
    error = {"application/json": {"schema": ref("Error")}}
    out["responses"] = {"200": answer, **{str(c): {"description": e.error_notes.get(c) or ERROR_NOTES[c],
                                                   "content": error} for c in e.errors}}  # fmt: skip
    return out


def build_spec(max_body: int) -> dict[str, Any]:
    from plainpitch.version import __version__

    upload = {"type": "string", "format": "binary", "description": f"The file (at most {max_body} bytes with the form)."}
    check_json = body_schema(COPY_REQUEST)
    paths: dict[str, Any] = {}
    for e in API:
        paths.setdefault(e.path, {})[e.method.lower()] = operation(e, upload)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "plainpitch",
            "version": __version__,
            "description": "Check sales copy and call transcripts; every finding says why it costs the sale "
            "and how to fix it. Local only: the server binds to 127.0.0.1 unless told otherwise.",
        },
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {
            "schemas": {
                **report_components(),
                **response_models(),
                "CheckRequest": check_json,
                "CheckUpload": body_schema(COPY_REQUEST, upload),
                "CallRequest": body_schema(CALL_REQUEST),
                "CallUpload": body_schema(CALL_REQUEST, upload),
                **rewrite_api.schemas(check_json),
                **call_view.SCHEMAS,
                **history_api.SCHEMAS,
                **history_save.schemas(check_json, body_schema(CALL_REQUEST), upload),
            }
        },
    }
