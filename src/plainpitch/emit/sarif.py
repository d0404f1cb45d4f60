"""SARIF 2.1.0 for code-scanning tools (GitHub, GitLab, IDEs): one run, rules from the rule metadata.

Severity is kept, not flattened: suggestion -> note, warning -> warning, error -> error. Lines and columns are
1-based Unicode code points (``columnKind`` says so); end columns are exclusive, as in plainpitch's own
locations. ``charOffset``/``charLength`` count code points in the decoded file, so they are left out for a
file whose CRLF line endings were normalised away (its lines and columns stay exact).

For code scanning: rule ids are the rule codes (stable across versions; a renamed rule keeps its code and lists
its old names as ``deprecatedNames``), and every result carries ``partialFingerprints`` (see ``fingerprints.py``)
so that an alert is matched across commits instead of being opened again when lines move.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from plainpitch.emit.fingerprints import finding_fingerprints, line_hashes
from plainpitch.emit.fixes import applicable, describe
from plainpitch.model import Document, DocumentReport, Finding, Location, Report
from plainpitch.text import lazy_re

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
HOME_URI = "https://plainpitch.dev"
RULE_DOCS_URI = HOME_URI + "/docs/rules/{code}.md"  # the pages `plainpitch docs` writes to docs/rules/
LEVELS = {"suggestion": "note", "warning": "warning", "error": "error"}
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "plainpitch/v1"
_LINE_PREFIX = lazy_re.compile(r"^line (\d+): ")


def render(report: Report, **_: Any) -> str:
    return json.dumps(sarif_dict(report), indent=2, ensure_ascii=False) + "\n"


def sarif_dict(report: Report, cwd: str | None = None) -> dict[str, Any]:
    cwd = cwd or os.getcwd()
    rules, index = _rules(report)
    artifacts: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    notes: list[dict[str, Any]] = []
    for d in report.documents:
        location = _artifact_location(d.path, cwd, len(artifacts))
        artifacts.append(_artifact(d, location))
        exact_offsets = _offsets_are_exact(d.path)
        hashes = line_hashes(d.path) if d.findings else {}
        for f, own in zip(d.findings, finding_fingerprints(d), strict=True):
            result = _result(f, d.document, location, index[f.code], exact_offsets)
            result["partialFingerprints"] = {FINGERPRINT_KEY: own}
            if f.location.line in hashes:  # what code scanning matches on; upload-sarif computes the same value
                result["partialFingerprints"]["primaryLocationLineHash"] = hashes[f.location.line]
            results.append(result)
        for note in d.notes:
            notes.append({"level": "note", "message": {"text": note}, "locations": [{"physicalLocation": {"artifactLocation": location}}]})
    for err in report.errors:
        notes.append(_error_notification(err.path, err.message, cwd))
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "plainpitch",
                "version": report.tool_version or "0",
                "semanticVersion": report.tool_version or "0.0.0",
                "informationUri": HOME_URI,
                "rules": rules,
            }
        },
        "invocations": [
            {
                # False when an input could not be read: the run did not check everything it was asked to.
                "executionSuccessful": not report.errors,
                "toolExecutionNotifications": notes,
                "workingDirectory": {"uri": _dir_uri(cwd)},
            }
        ],
        "originalUriBaseIds": {SRCROOT: {"uri": _dir_uri(cwd)}},
        "artifacts": artifacts,
        "results": results,
        "columnKind": "unicodeCodePoints",
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


# -- rules ----------------------------------------------------------------------------------------------------


def _rules(report: Report) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Every registered rule (so ruleIndex is stable across runs), plus any unregistered code seen in results."""
    from plainpitch.rules.base import all_rules

    descriptors = [_rule_descriptor(r.meta) for r in all_rules()]
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    for f in report.findings:
        if f.code not in index:
            index[f.code] = len(descriptors)
            descriptors.append({"id": f.code, "name": f.name, "shortDescription": {"text": f.name},
                                "defaultConfiguration": {"level": LEVELS[f.severity]},
                                "properties": {"category": f.category, "tags": [f.category]}})  # fmt: skip
    return descriptors, index


def _rule_descriptor(meta: Any) -> dict[str, Any]:
    from plainpitch.rules.base import strip_markers

    bad = [strip_markers(e.text) for e in meta.bad]
    marked = [e.text.replace("[[", "⟦").replace("]]", "⟧") for e in meta.bad]
    good = [e.text for e in meta.good]
    text = meta.fix
    markdown = f"**How to fix it:** {meta.fix}"
    if bad:
        text += "\n\nFlagged:\n" + "\n".join(f"  {b}" for b in bad)
        markdown += "\n\nFlagged (marked ⟦like this⟧):\n\n" + "\n\n".join(_fence(b) for b in marked)
    if good:
        text += "\n\nUse instead:\n" + "\n".join(f"  {g}" for g in good)
        markdown += "\n\nUse instead:\n\n" + "\n\n".join(_fence(g) for g in good)
    descriptor: dict[str, Any] = {
        "id": meta.code,
        "name": meta.name,
        "shortDescription": {"text": meta.summary},
        "fullDescription": {"text": meta.why},
        "help": {"text": text, "markdown": markdown},
        "helpUri": RULE_DOCS_URI.format(code=meta.code),
        "defaultConfiguration": {"level": LEVELS[meta.severity], "enabled": not meta.preview},
        "properties": {"category": meta.category, "tags": [meta.category], "severity": meta.severity},
    }
    if meta.aliases:
        descriptor["deprecatedNames"] = list(meta.aliases)
    return descriptor


def _fence(text: str) -> str:
    ticks = "`" * max(3, max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    return f"{ticks}text\n{text.rstrip()}\n{ticks}"


# -- results --------------------------------------------------------------------------------------------------


def _region(loc: Location, doc: Document | None, exact_offsets: bool, snippet: bool = True) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": loc.line,
        "startColumn": loc.column,
        "endLine": loc.end_line,
        "endColumn": loc.end_column,
    }
    if exact_offsets:
        region["charOffset"] = loc.start
        region["charLength"] = loc.end - loc.start
    if snippet and doc is not None and loc.end > loc.start:
        region["snippet"] = {"text": doc.source[loc.start : loc.end]}
    return region


def _result(f: Finding, doc: Document | None, artifact: dict[str, Any], rule_index: int, exact: bool) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": _region(f.location, doc, exact)}}],
        "properties": {"name": f.name, "category": f.category, "severity": f.severity, "text": f.text},
    }
    if f.turn is not None:
        result["properties"]["turn"] = f.turn
    if f.time is not None:
        result["properties"]["time"] = round(f.time, 2)
    fixes = []
    for s in applicable(f):
        replacement: dict[str, Any] = {"deletedRegion": _region(f.location, None, exact, snippet=False)}
        if s.replacement:
            replacement["insertedContent"] = {"text": s.replacement}
        fixes.append({"description": {"text": describe(f, s)},
                      "artifactChanges": [{"artifactLocation": artifact, "replacements": [replacement]}]})  # fmt: skip
    if fixes:
        result["fixes"] = fixes
    return result


# -- artifacts ------------------------------------------------------------------------------------------------


def _artifact_location(path: str, cwd: str, index: int | None = None) -> dict[str, Any]:
    """A URI relative to the working directory (under %SRCROOT%), or an absolute file URI outside it."""
    absolute = os.path.abspath(os.path.join(cwd, path))
    relative = os.path.relpath(absolute, cwd)
    if relative.startswith(os.pardir):
        location: dict[str, Any] = {"uri": Path(absolute).as_uri()}
    else:
        location = {"uri": quote(relative.replace(os.sep, "/")), "uriBaseId": SRCROOT}
    if index is not None:
        location["index"] = index
    return location


def _artifact(d: DocumentReport, location: dict[str, Any]) -> dict[str, Any]:
    artifact: dict[str, Any] = {"location": {k: v for k, v in location.items() if k != "index"}}
    artifact["sourceLanguage"] = {"markdown": "markdown", "html": "html", "email": "email"}.get(d.format, "plaintext")
    try:
        if os.path.isfile(d.path):
            artifact["length"] = os.path.getsize(d.path)  # bytes on disk, as SARIF counts them
    except (OSError, ValueError):  # no such file, or a name no file can have (a NUL in an uploaded file's name)
        pass
    if d.path == "<stdin>":
        artifact["description"] = {"text": "standard input"}
    return artifact


def _offsets_are_exact(path: str) -> bool:
    """Code-point offsets match the file unless reading it folded CRLF/CR line endings into LF."""
    if not os.path.isfile(path):  # a device (/dev/zero never ends), a folder, or a name no file can have
        return True
    try:
        with open(path, "rb") as fh:
            return b"\r" not in fh.read()
    except (OSError, ValueError):
        return True  # not a file on disk (stdin, text from the API): the offsets are into the text given


def _dir_uri(folder: str) -> str:
    uri = Path(folder).resolve().as_uri()
    return uri if uri.endswith("/") else uri + "/"


def _error_notification(path: str, message: str, cwd: str) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": _artifact_location(path, cwd)}
    line = _LINE_PREFIX.match(message)
    if line:
        physical["region"] = {"startLine": int(line.group(1))}
    return {"level": "error", "message": {"text": f"{path}: {message}"}, "locations": [{"physicalLocation": physical}]}
