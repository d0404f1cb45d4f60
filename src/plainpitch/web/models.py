"""The API's request bodies and response models, declared once: ``web/inputs.py`` validates requests with these
declarations and ``web/openapi.py`` generates the spec's schemas from the same ones, so the spec says exactly what
is accepted and answered (the routes that use them are declared in ``web/routes.py``).

A body is a tuple of ``Field``s. JSON bodies carry every field; multipart bodies carry the ``file`` upload and
the fields marked ``in_form`` (the text and its name come from the upload there).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from plainpitch.call.types import TYPES as CALL_TYPES
from plainpitch.formats import COPY_FORMATS, TRANSCRIPT_FORMATS
from plainpitch.profiles import AUDIENCES, CONTEXTS

COPY_MEDIA = ("page", "email", "proposal", "text")
MAX_NAME = 255
MAX_PATH = 1000
# a relative path: no leading / or \\, no drive letter, no .. part, no control characters (it names a page in the
# project, as `check` stores it)
PATH_PATTERN = r"^(?![/\\])(?![A-Za-z]:)(?!(.*[/\\])?\.\.([/\\]|$))[^\u0000-\u001f\u007f]*[^\s\u0000-\u001f\u007f][^\u0000-\u001f\u007f]*$"
MAX_LIST = 50
MAX_ITEM = 100
# Blank characters: Python's whitespace (str.isspace, what the server strips) and JSON Schema's (ECMAScript's \s, with
# U+FEFF). A name of only these is empty, and the spec says so with an explicit class rather than "\S", whose
# meaning differs between regex engines (a generator that reads "\S" as ASCII sends U+001F as a valid name).
BLANK = ("\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
         "\u200a\u2028\u2029\u202f\u205f\u3000\ufeff")  # fmt: skip
NOT_BLANK = "[^" + "".join(f"\\u{ord(c):04x}" for c in BLANK) + "]"  # the pattern of a name: one character not blank


def blank(value: str) -> bool:
    return not value.strip(BLANK)


def name_schema(max_len: int) -> dict[str, Any]:
    """A name or label: 1 to ``max_len`` characters, not all blank (a blank one is a 422 that says it is empty)."""
    return {"type": "string", "minLength": 1, "maxLength": max_len, "pattern": NOT_BLANK}


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # text | name (a file-name label) | choice | list (of short strings) | path | flag | time
    description: str = ""
    choices: Callable[[], Sequence[str]] | None = None  # for choice fields (and list items, when given)
    required: bool = False
    in_form: bool = True  # accepted as a multipart form field
    split_commas: bool = True  # list fields in a form: "a,b" is two entries (a name may hold a comma: not split)

    def schema(self, form: bool = False) -> dict[str, Any]:
        """The JSON Schema of the field's value."""
        if self.kind == "text":
            out: dict[str, Any] = {"type": "string"}
        elif self.kind == "name":
            out = name_schema(MAX_NAME)
        elif self.kind == "choice":
            out = {"enum": list(self.choices())}
        elif self.kind == "path":  # a relative path, used as a label (never opened)
            out = {**name_schema(MAX_PATH), "pattern": PATH_PATTERN}
        elif self.kind == "flag":
            out = {"type": "boolean"} if not form else {"enum": ["true", "false"]}
        elif self.kind == "time":
            out = {"type": "string", "format": "date-time"}
        else:
            items = ({"enum": list(self.choices())} if self.choices else
                     name_schema(MAX_ITEM))  # fmt: skip
            out = {"type": "array", "maxItems": MAX_LIST, "items": items}
        description = self.description
        if form and self.kind == "list":
            description += (" Repeat the field" + (", or separate entries with commas." if self.split_commas else "."))
        if description:
            out["description"] = description.strip()
        return out


def _selectors() -> list[str]:
    """Every value --select/--ignore accepts: ALL, codes, names, aliases, code prefixes, categories."""
    from plainpitch.rules.base import all_rules  # the rules load only when the spec is built

    values = {"ALL"}
    for r in all_rules():  # a category or prefix with no rule yet selects nothing: it is not accepted
        values.update({r.meta.code, r.meta.name, *r.meta.aliases, r.meta.code[:3], r.meta.category})
    return sorted(values)


def _filename(what: str) -> Field:
    return Field("filename", "name", f"A label for the report; its extension picks the {what}.", in_form=False)


COPY_REQUEST: tuple[Field, ...] = (
    Field("text", "text", "The copy. Finding locations are offsets into it (code points).", required=True,
          in_form=False),  # fmt: skip
    _filename("format"),
    Field("format", "choice", "Input format; default: by the file name's extension, else sniffed.",
          lambda: COPY_FORMATS),  # fmt: skip
    Field("profile", "choice", "Who reads it (default: inferred from the copy).", lambda: AUDIENCES),
    Field("context", "choice", "How the sale is made.", lambda: CONTEXTS),
    Field("medium", "choice", "Force the medium (else inferred).", lambda: COPY_MEDIA),
    Field("select", "list", "Only these rules (codes, names, prefixes, categories).", _selectors),
    Field("ignore", "list", "Skip these rules.", _selectors),
)
CALL_REQUEST: tuple[Field, ...] = (
    Field("text", "text", "The transcript (WebVTT, SRT, Otter/Zoom text, JSON...).", required=True, in_form=False),
    _filename("transcript format when the content does not"),
    Field("format", "choice", "Transcript format; default: detected.", lambda: TRANSCRIPT_FORMATS),
    Field("me", "list", "Your name(s) as they appear in the transcript: marks the seller's turns.",
          split_commas=False),  # fmt: skip
    Field("call_type", "choice", "The kind of call (default: inferred).", lambda: CALL_TYPES),
    Field("profile", "choice", "Who the buyer is, for jargon (default: business).", lambda: AUDIENCES),
)


def names(fields: Sequence[Field], form: bool = False) -> set[str]:
    return {f.name for f in fields if f.in_form or not form}


def body_schema(fields: Sequence[Field], upload: dict[str, Any] | None = None) -> dict[str, Any]:
    """The schema of a JSON body (``upload`` None) or of a multipart body with its ``file`` part."""
    form = upload is not None
    properties = {f.name: f.schema(form) for f in fields if f.in_form or not form}
    required = [f.name for f in fields if f.required and (f.in_form or not form)]
    if form:
        properties = {"file": upload, **properties}
        required = ["file", *required]
    return {"type": "object", "additionalProperties": False, "required": required, "properties": properties}


# -- response models ----------------------------------------------------------------------------------------------
# The answers' shapes, as components of the spec (the Report is the JSON report's schema, shipped as package data;
# the call view, the rewrites and the history answers are declared beside their handlers).
def _strings() -> dict[str, Any]:
    return {"type": "array", "items": {"type": "string"}}


def response_models() -> dict[str, Any]:
    from plainpitch.rules.meta import SCOPES  # the rules load only when the spec is built

    return {
        "Error": {
            "type": "object",
            "required": ["error"],
            "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {
                "code": {"type": "string", "description": "Stable error code, e.g. too_large, load_error."},
                "message": {"type": "string", "description": "One line, naming the file (and line) when one is at fault."},
                "path": {"type": "string"}, "line": {"type": ["integer", "null"]}, "limit": {"type": "integer"}}}},
        },
        "Rule": {
            "type": "object",
            "description": "A rule's own metadata: the source of every tooltip, doc page and `plainpitch explain`.",
            "required": ["code", "name", "category", "severity", "summary", "why", "message", "fix", "bad", "good"],
            "properties": {
                "code": {"type": "string"}, "name": {"type": "string"}, "category": {"type": "string"},
                "severity": {"enum": ["suggestion", "warning", "error"]}, "kind": {"type": "string"},
                "summary": {"type": "string"}, "why": {"type": "string"}, "message": {"type": "string"},
                "fix": {"type": "string"}, "aliases": _strings(), "media": _strings(), "preview": {"type": "boolean"},
                "reads": {"enum": list(SCOPES), "description": "What the rule reads: " + "; ".join(
                    f"{k}: {v}" for k, v in SCOPES.items())},
                "options": {"type": "object"}, "sources": _strings(), "bad": _strings(), "good": _strings(),
            },
        },
        "Rules": {"type": "array", "items": {"$ref": "#/components/schemas/Rule"}},
        "Opened": {
            "type": "object",
            "required": ["kind", "filename", "format"],
            "properties": {"kind": {"enum": ["copy", "call"]}, "filename": {"type": "string"},
                           "format": {"type": ["string", "null"]},
                           "text": {"type": "string", "description": "copy only: the decoded file, to edit."}},
        },
        "Options": {
            "type": "object",
            "required": ["version", "profiles", "contexts", "media", "formats", "transcript_formats", "report_formats",
                         "categories", "call_available", "call_types", "call_targets", "max_bytes"],
            "properties": {
                "version": {"type": "string"}, "profiles": _strings(), "contexts": _strings(), "media": _strings(),
                "formats": _strings(), "transcript_formats": _strings(), "report_formats": _strings(),
                "categories": {"type": "object"}, "call_available": {"type": "boolean"}, "call_types": _strings(),
                "call_targets": {
                    "type": "object",
                    "description": "Call metric -> the details.call.thresholds key it is held against.",
                    "additionalProperties": {"type": "object", "required": ["threshold", "side"], "properties": {
                        "threshold": {"type": "string"}, "side": {"enum": ["min", "max"]}}},
                },
                "max_bytes": {"type": "integer"},
            },
        },
        "Health": {"type": "object", "required": ["status", "version"],
                   "properties": {"status": {"const": "ok"}, "version": {"type": "string"}}},
    }  # fmt: skip
