"""The versioned JSON report (documented in docs/report-schema.md; its JSON Schema ships in the package as
``plainpitch/emit/report.schema.json``, read with ``report_schema()``).

Every other surface that needs data (the web editor, the HTTP API) uses ``report_dict`` so there is one wire
format. Bump SCHEMA_VERSION's minor for added fields, its major for removed or changed ones.
"""

from __future__ import annotations

import dataclasses
import json
import math
from functools import cache
from importlib import resources
from typing import Any

from plainpitch.model import DocumentReport, Finding, Metric, Report, Score

SCHEMA_VERSION = "1.1"
SCHEMA_URI = "https://plainpitch.dev/schema/report-1.json"
SCHEMA_FILE = "report.schema.json"  # package data beside this module: an installed wheel has it too


@cache
def _schema_text() -> str:
    return (resources.files("plainpitch.emit") / SCHEMA_FILE).read_text(encoding="utf-8")


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``report_dict``'s output; a fresh copy the caller may change."""
    return json.loads(_schema_text())


def _plain(value: Any) -> Any:
    """Dataclasses, tuples and mappings -> JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict) or hasattr(value, "items"):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return _number(value)
    return value


def _number(value: float) -> float | None:
    """Rounded; NaN and infinity (a ratio over nothing) become null, since JSON has no way to write them."""
    return round(value, 4) if math.isfinite(value) else None


def finding_dict(f: Finding) -> dict[str, Any]:
    loc = f.location
    out: dict[str, Any] = {
        "code": f.code,
        "name": f.name,
        "category": f.category,
        "severity": f.severity,
        "message": f.message,
        "fix": f.fix,
        "text": f.text,
        "cost": f.cost,
        "span": {"start": f.span.start, "end": f.span.end},
        "location": {
            "start": loc.start,
            "end": loc.end,
            "line": loc.line,
            "column": loc.column,
            "end_line": loc.end_line,
            "end_column": loc.end_column,
        },
        "suggestions": [{"replacement": s.replacement, "description": s.description} for s in f.suggestions],
        "data": _plain(f.data),
    }
    if f.turn is not None:
        out["turn"] = f.turn
    if f.time is not None:
        out["time"] = round(f.time, 2)
    return out


def metric_dict(m: Metric) -> dict[str, Any]:
    value = _number(m.value) if isinstance(m.value, float) else m.value
    return {"name": m.name, "value": value, "label": m.label, "unit": m.unit, "note": m.note}


def score_dict(s: Score | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {
        "overall": s.overall,
        "parts": [
            {
                "name": p.name,
                "value": p.value,
                "note": p.note,
                "deductions": [{"code": d.code, "points": d.points, "count": d.count} for d in p.deductions],
            }
            for p in s.parts
        ],
    }


def document_dict(d: DocumentReport) -> dict[str, Any]:
    return {
        "path": d.path,
        "format": d.format,
        "medium": d.medium,
        "profile": d.profile,
        "context": d.context,
        "words": d.document.word_count if d.document is not None else None,
        "score": score_dict(d.score),
        "metrics": [metric_dict(m) for m in d.metrics],
        "findings": [finding_dict(f) for f in d.findings],
        "details": _plain(d.details),
        "notes": list(d.notes),
        "top": list(d.top),
    }


def report_dict(report: Report) -> dict[str, Any]:
    counts = {"suggestion": 0, "warning": 0, "error": 0}
    for f in report.findings:
        counts[f.severity] += 1
    return {
        "$schema": SCHEMA_URI,
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "plainpitch", "version": report.tool_version},
        "summary": {"documents": len(report.documents), "errors": len(report.errors), "findings": counts},
        "documents": [document_dict(d) for d in report.documents],
        "errors": [{"path": e.path, "message": e.message} for e in report.errors],
    }


def render(report: Report, pretty: bool = True, **_: Any) -> str:
    """Indented for people; compact (the C encoder, ~5x faster and a third smaller) for pipes and files."""
    if pretty:
        return json.dumps(report_dict(report), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    return json.dumps(report_dict(report), ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n"
