"""The OpenAPI 3.1 description of the HTTP API, served at /openapi.json and tested with schemathesis.

Request shapes are generated from the field declarations in web/models.py (which web/inputs.py validates
with) and the paths are the app's API routes (a test keeps both sets equal). The Report shape is the JSON report's
schema (the one documented wire format, shipped in the package: ``plainpitch.emit.json_report.report_schema``),
embedded with its ``$defs`` moved into ``components``.
"""

from __future__ import annotations

from typing import Any

from plainpitch.emit.json_report import report_schema
from plainpitch.rules.meta import SCOPES
from plainpitch.web import call_view, rewrite_api
from plainpitch.web.models import CALL_REQUEST, COPY_REQUEST, body_schema

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


ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": {"type": "string", "description": "Stable error code, e.g. too_large, load_error."},
                "message": {
                    "type": "string",
                    "description": "One line, naming the file (and line) when one is at fault.",
                },
                "path": {"type": "string"},
                "line": {"type": ["integer", "null"]},
                "limit": {"type": "integer"},
            },
        }
    },
}

RULE = {
    "type": "object",
    "description": "A rule's own metadata: the source of every tooltip, doc page and `plainpitch explain`.",
    "required": ["code", "name", "category", "severity", "summary", "why", "message", "fix", "bad", "good"],
    "properties": {
        "code": {"type": "string"}, "name": {"type": "string"}, "category": {"type": "string"},
        "severity": {"enum": ["suggestion", "warning", "error"]}, "kind": {"type": "string"},
        "summary": {"type": "string"}, "why": {"type": "string"}, "message": {"type": "string"},
        "fix": {"type": "string"}, "aliases": {"type": "array", "items": {"type": "string"}},
        "media": {"type": "array", "items": {"type": "string"}}, "preview": {"type": "boolean"},
        "reads": {"enum": list(SCOPES), "description": "What the rule reads: " + "; ".join(
            f"{k}: {v}" for k, v in SCOPES.items())},
        "options": {"type": "object"}, "sources": {"type": "array", "items": {"type": "string"}},
        "bad": {"type": "array", "items": {"type": "string"}}, "good": {"type": "array", "items": {"type": "string"}},
    },
}  # fmt: skip


def _error_responses(*codes: int) -> dict[str, Any]:
    words = {
        400: "Malformed body (bad JSON or form data).",
        403: "Sent by a browser from another site.",
        404: "Not found.",
        413: "The body is over the size limit.",
        415: "Unsupported Content-Type.",
        422: "Well-formed but not usable: a field fails validation, or the file cannot be read (LoadError).",
        501: "This build lacks the module the request needs (e.g. a report renderer or call review).",
    }
    ref = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    return {str(c): {"description": words[c], "content": ref} for c in codes}


def _rewrite_path(check_json: dict[str, Any], errors: dict[str, Any]) -> dict[str, Any]:
    return rewrite_api.spec_path(check_json, errors)


def build_spec(max_body: int) -> dict[str, Any]:
    from plainpitch.version import __version__
    from plainpitch.web.api import REPORT_TYPES

    upload = {
        "type": "string",
        "format": "binary",
        "description": f"The file (at most {max_body} bytes with the form).",
    }
    check_json = body_schema(COPY_REQUEST)
    check_form = body_schema(COPY_REQUEST, upload)
    call_json = body_schema(CALL_REQUEST)
    call_form = body_schema(CALL_REQUEST, upload)
    report = {"application/json": {"schema": {"$ref": "#/components/schemas/Report"}}}
    copy_body = {
        "required": True,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/CheckRequest"}},
            "multipart/form-data": {"schema": {"$ref": "#/components/schemas/CheckUpload"}},
        },
    }
    call_body = {
        "required": True,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/CallRequest"}},
            "multipart/form-data": {"schema": {"$ref": "#/components/schemas/CallUpload"}},
        },
    }
    copy_errors = _error_responses(400, 403, 413, 415, 422, 501)
    report_content = {
        "application/json": {"schema": {"$ref": "#/components/schemas/Report"}},
        "text/html": {"schema": {"type": "string"}},
        "application/sarif+json": {"schema": {"type": "object", "required": ["version", "runs"]}},
        "text/markdown": {"schema": {"type": "string"}},
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "plainpitch",
            "version": __version__,
            "description": "Check sales copy and call transcripts; every finding says why it costs the sale "
            "and how to fix it. Local only: the server binds to 127.0.0.1 unless told otherwise.",
        },
        "servers": [{"url": "/"}],
        "paths": {
            "/api/v1/check": {
                "post": {
                    "operationId": "check",
                    "summary": "Check copy (text or a file) and return the Report JSON.",
                    "requestBody": copy_body,
                    "responses": {"200": {"description": "The report.", "content": report}, **copy_errors},
                }
            },
            "/api/v1/report/{fmt}": {
                "post": {
                    "operationId": "report",
                    "summary": "Check copy and return the report as a download in the chosen format.",
                    "parameters": [
                        {"name": "fmt", "in": "path", "required": True, "schema": {"enum": list(REPORT_TYPES)}}
                    ],  # fmt: skip
                    "requestBody": copy_body,
                    "responses": {
                        "200": {
                            "description": "The report file (Content-Disposition: attachment).",
                            "headers": {"Content-Disposition": {"schema": {"type": "string"}, "required": True}},
                            "content": report_content,
                        },
                        **_error_responses(400, 403, 404, 413, 415, 422, 501),
                    },
                }
            },
            "/api/v1/open": {
                "post": {
                    "operationId": "open",
                    "summary": "Read a dropped file: copy to edit (its decoded text) or a call transcript.",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "multipart/form-data": {
                                "schema": {
                                    "type": "object",
                                    "additionalProperties": False,
                                    "required": ["file"],
                                    "properties": {"file": upload},
                                }
                            }
                        },
                    },  # fmt: skip
                    "responses": {
                        "200": {
                            "description": "What the file is.",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Opened"}}},
                        },
                        **copy_errors,
                    },  # fmt: skip
                }
            },
            "/api/v1/call": {
                "post": {
                    "operationId": "call",
                    "summary": "Review a call transcript; the report's details.call holds turns, questions, moments.",
                    "requestBody": call_body,
                    "responses": {"200": {"description": "The report.", "content": report}, **copy_errors},
                }
            },
            "/api/v1/call/timeline": {
                "post": {
                    "operationId": "callTimeline",
                    "summary": "The call's talk timeline as a sanitised SVG chart.",
                    "requestBody": call_body,
                    "responses": {
                        "200": {"description": "SVG.", "content": {"image/svg+xml": {"schema": {"type": "string"}}}},
                        **copy_errors,
                    },
                }
            },
            **call_view.spec_paths(call_body, _error_responses(400, 403, 404, 413, 415, 422, 501)),
            "/api/v1/rules": {
                "get": {
                    "operationId": "rules",
                    "summary": "Every rule's metadata.",
                    "responses": {
                        "200": {
                            "description": "Rules by code.",
                            "content": {
                                "application/json": {
                                    "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Rule"}}
                                }
                            },
                        }
                    },  # fmt: skip
                }
            },
            "/api/v1/rules/{code}": {
                "get": {
                    "operationId": "rule",
                    "summary": "One rule's metadata, by code, name or alias.",
                    "parameters": [{"name": "code", "in": "path", "required": True, "schema": {"type": "string"}}],
                    "responses": {
                        "200": {
                            "description": "The rule.",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Rule"}}},
                        },
                        **_error_responses(404),
                    },  # fmt: skip
                }
            },
            "/api/v1/options": {
                "get": {
                    "operationId": "options",
                    "summary": "What this build offers: profiles, contexts, media, formats, categories, limits.",
                    "responses": {
                        "200": {
                            "description": "Options.",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Options"}}},
                        }
                    },  # fmt: skip
                }
            },
            "/api/v1/rewrite": _rewrite_path(check_json, copy_errors),
            "/api/v1/health": {
                "get": {
                    "operationId": "health",
                    "summary": "Liveness.",
                    "responses": {
                        "200": {
                            "description": "Up.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["status", "version"],
                                        "properties": {"status": {"const": "ok"}, "version": {"type": "string"}},
                                    }
                                }
                            },
                        }
                    },  # fmt: skip
                }
            },
        },
        "components": {
            "schemas": {
                **report_components(),
                "Error": ERROR,
                "Rule": RULE,
                "CheckRequest": check_json,
                "CheckUpload": check_form,
                "CallRequest": call_json,
                "CallUpload": call_form,
                "Opened": {
                    "type": "object",
                    "required": ["kind", "filename", "format"],
                    "properties": {
                        "kind": {"enum": ["copy", "call"]},
                        "filename": {"type": "string"},
                        "format": {"type": ["string", "null"]},
                        "text": {"type": "string", "description": "copy only: the decoded file, to edit."},
                    },
                },
                "Options": {
                    "type": "object",
                    "required": [
                        "version",
                        "profiles",
                        "contexts",
                        "media",
                        "formats",
                        "transcript_formats",
                        "report_formats",
                        "categories",
                        "call_available",
                        "call_types",
                        "call_targets",
                        "max_bytes",
                    ],
                    "properties": {
                        "version": {"type": "string"},
                        "profiles": {"type": "array", "items": {"type": "string"}},
                        "contexts": {"type": "array", "items": {"type": "string"}},
                        "media": {"type": "array", "items": {"type": "string"}},
                        "formats": {"type": "array", "items": {"type": "string"}},
                        "transcript_formats": {"type": "array", "items": {"type": "string"}},
                        "report_formats": {"type": "array", "items": {"type": "string"}},
                        "categories": {"type": "object"},
                        "call_available": {"type": "boolean"},
                        "call_types": {"type": "array", "items": {"type": "string"}},
                        "call_targets": {
                            "type": "object",
                            "description": "Call metric -> the details.call.thresholds key it is held against.",
                            "additionalProperties": {
                                "type": "object",
                                "required": ["threshold", "side"],
                                "properties": {"threshold": {"type": "string"}, "side": {"enum": ["min", "max"]}},
                            },
                        },
                        "max_bytes": {"type": "integer"},
                    },
                },  # fmt: skip
            }
        },
    }
