"""The versioned JSON report (documented in docs/report-schema.md; its JSON Schema ships in the package as
``plainpitch/emit/report.schema.json``, read with ``report_schema()``).

Every other surface that needs data (the web editor, the HTTP API) uses ``report_dict`` so there is one wire
format. Bump SCHEMA_VERSION's minor for added fields, its major for removed or changed ones.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import math
from collections.abc import Iterator
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
    """Dataclasses, tuples and mappings -> JSON-ready values (a fresh copy: callers may change it)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict) or hasattr(value, "items"):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return _number(value)
    return value


_ENCODED_AS_IS = (str, int, bool, type(None))


def _shared(value: Any) -> Any:
    """What ``_plain`` makes of ``value`` for the encoder, sharing every part the encoder writes the same way as
    the copy (a dict with string keys, a list or tuple, a string, an int, a float already rounded): the writer
    reads the report's details in place instead of holding a second copy of them (the per-sentence classes of a
    1 MiB page were held twice). Read-only: the result may be the report's own objects."""
    kind = type(value)
    if kind in _ENCODED_AS_IS:
        return value
    if kind is dict:
        out = None
        for i, (k, v) in enumerate(value.items()):
            new = _shared(v)
            if out is None and (new is not v or type(k) is not str):
                out = dict(itertools.islice(value.items(), i))  # the items before are written as they are
            if out is not None:
                out[str(k)] = new
        return value if out is None else out
    if kind is list or kind is tuple:
        items = None
        for i, v in enumerate(value):
            new = _shared(v)
            if items is None and new is not v:
                items = list(value[:i])
            if items is not None:
                items.append(new)
        return value if items is None else items
    if kind is float:
        number = _number(value)
        return value if number == value else number
    return _plain(value)


def _number(value: float) -> float | None:
    """Rounded; NaN and infinity (a ratio over nothing) become null, since JSON has no way to write them."""
    return round(value, 4) if math.isfinite(value) else None


def finding_dict(f: Finding, _ready: Any = _plain) -> dict[str, Any]:
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
        "data": _ready(f.data),
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


def document_dict(d: DocumentReport, _ready: Any = _plain) -> dict[str, Any]:
    """One document's part of the report (``_ready``: ``_shared`` when only the encoder reads the result)."""
    return {
        "path": d.path,
        "format": d.format,
        "medium": d.medium,
        "profile": d.profile,
        "context": d.context,
        "words": d.document.word_count if d.document is not None else None,
        "score": score_dict(d.score),
        "metrics": [metric_dict(m) for m in d.metrics],
        "findings": [finding_dict(f, _ready) for f in d.findings],
        "details": _ready(d.details),
        "notes": list(d.notes),
        "top": list(d.top),
    }


def _head(report: Report) -> dict[str, Any]:
    counts = {"suggestion": 0, "warning": 0, "error": 0}
    for f in report.findings:
        counts[f.severity] += 1
    return {
        "$schema": SCHEMA_URI,
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "plainpitch", "version": report.tool_version},
        "summary": {"documents": len(report.documents), "errors": len(report.errors), "findings": counts},
    }


def _errors(report: Report) -> list[dict[str, str]]:
    return [{"path": e.path, "message": e.message} for e in report.errors]


def report_dict(report: Report) -> dict[str, Any]:
    return {**_head(report), "documents": [document_dict(d) for d in report.documents], "errors": _errors(report)}


def chunks(report: Report, pretty: bool = True) -> Iterator[str]:
    """The text of ``render`` in pieces, one document at a time: each document's dict is made, encoded and dropped
    before the next, so a writer that writes each piece never holds the whole report as one dict (nor as one
    string). The pieces join to exactly ``json.dumps(report_dict(report), ...)``: JSON escapes every newline
    inside a string, so the newlines of an indented piece are its layout and re-indenting them is safe."""
    if pretty:
        def encode(value: Any, depth: int) -> str:
            text = json.dumps(value, indent=2, ensure_ascii=False, allow_nan=False)
            return text.replace("\n", "\n" + "  " * depth) if depth else text

        yield encode(_head(report), 0)[:-2] + ',\n  "documents": ['
        for i, d in enumerate(report.documents):
            yield ("," if i else "") + "\n    " + encode(document_dict(d, _shared), 2)
        yield ("\n  ]" if report.documents else "]") + ',\n  "errors": ' + encode(_errors(report), 1) + "\n}\n"
        return
    encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode
    batch: list[str] = [encode(_head(report))[:-1], ',"documents":[']
    size = 0
    for i, d in enumerate(report.documents):
        if i:
            batch.append(",")
        for piece in _compact_pieces(document_dict(d, _shared), encode, STREAM_DEPTH):
            batch.append(piece)
            size += len(piece)
            if size >= STREAM_BATCH:
                yield "".join(batch)
                batch, size = [], 0
    batch += ['],"errors":', encode(_errors(report)), "}\n"]
    yield "".join(batch)


STREAM_DEPTH = 4  # document -> details -> the call's analysis -> a list of it (its turns) -> items
STREAM_BATCH = 1 << 16  # characters written at a time


def _compact_pieces(value: Any, encode: Any, depth: int) -> Iterator[str]:
    """``encode(value)`` in pieces: the dicts of the first ``depth`` levels a member at a time and their lists an
    item at a time, so the encoder never holds a whole document's text (as small strings, ~8x its size) at once.
    An item of a list (one sentence, one turn) is small: it is encoded whole."""
    kind = type(value)
    if depth and kind is dict and value:
        sep = "{"
        for k, v in value.items():
            yield sep + encode(k) + ":"
            yield from _compact_pieces(v, encode, depth - 1)
            sep = ","
        yield "}"
    elif depth and (kind is list or kind is tuple) and value:
        sep = "["
        for v in value:
            yield sep + encode(v)
            sep = ","
        yield "]"
    else:
        yield encode(value)


def render(report: Report, pretty: bool = True, **_: Any) -> str:
    """Indented for people; compact (the C encoder, ~5x faster and a third smaller) for pipes and files. A caller
    that writes the report out should write ``chunks`` instead: the same text, without holding all of it."""
    return "".join(chunks(report, pretty))
