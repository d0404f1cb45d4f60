"""Request bodies -> validated inputs: JSON (``{"text": ...}``) or multipart (a ``file`` upload plus fields).

Validation is strict (types, enums, unknown fields) and follows the field declarations in web/models.py, from
which web/openapi.py generates the request schemas. Uploads are parsed in memory: nothing is written to disk.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request

from plainpitch.formats import TRANSCRIPT_FORMATS
from plainpitch.web.models import (
    BLANK,
    CALL_REQUEST,
    COPY_REQUEST,
    MAX_ITEM,
    MAX_LIST,
    MAX_NAME,
    MAX_PATH,
    PATH_PATTERN,
    Field,
    blank,
    names,
)
from plainpitch.web.security import MAX_BODY


class ApiError(Exception):
    """An expected failure the client can fix; the app turns it into ``{"error": {...}}`` with ``status``."""

    def __init__(self, status: int, code: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.extra = extra


def transcript_formats() -> tuple[str, ...]:
    return TRANSCRIPT_FORMATS


@dataclass
class CopyInput:
    """What /check and /report need: the copy (text or raw bytes), its name and the analysis options."""

    filename: str
    text: str | None = None
    data: bytes | None = None
    format: str | None = None
    overrides: dict[str, Any] = field(default_factory=dict)  # Config.with_overrides keys
    extra: dict[str, Any] = field(default_factory=dict)  # a route's own fields (``extra`` declarations), validated


@dataclass
class CallInput:
    filename: str
    text: str | None = None
    data: bytes | None = None
    format: str | None = None
    me: tuple[str, ...] = ()
    call_type: str | None = None
    profile: str | None = None  # who the buyer is, for jargon (as for copy)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class UploadInput:
    filename: str
    data: bytes


# -- field checks -----------------------------------------------------------------------------------------------
def _string(name: str, value: Any, *, max_len: int | None = None, allow_empty: bool = True) -> str:
    if not isinstance(value, str):
        raise ApiError(422, "invalid", f"'{name}' must be a string")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ApiError(422, "invalid", f"'{name}' is not valid Unicode (it holds a lone surrogate)") from None
    if max_len is not None and len(value) > max_len:
        raise ApiError(422, "invalid", f"'{name}' is longer than {max_len} characters")
    if not allow_empty and blank(value):
        raise ApiError(422, "invalid", f"'{name}' is empty")
    return value


def _choice(name: str, value: Any, choices: tuple[str, ...]) -> str:
    value = _string(name, value)
    if value not in choices:
        raise ApiError(422, "invalid", f"'{name}' is {value!r}; use one of {', '.join(choices)}")
    return value


def _string_list(name: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ApiError(422, "invalid", f"'{name}' must be a list of strings")
    if len(value) > MAX_LIST:
        raise ApiError(422, "invalid", f"'{name}' has more than {MAX_LIST} entries")
    return tuple(_string(f"{name}[{i}]", v, max_len=MAX_ITEM, allow_empty=False).strip() for i, v in enumerate(value))


def _filename(fields: Mapping[str, Any], default: str) -> str:
    if "filename" not in fields:
        return default
    name = _string("filename", fields["filename"], max_len=MAX_NAME, allow_empty=False)
    # only a label: never opened, but keep it to a base name so reports do not echo a path ("a/ " has none)
    base = os.path.basename(name.replace("\\", "/"))
    return default if blank(base) else base


def upload_name(raw: str | None) -> str:
    """An uploaded file's name as a label: base name only, bounded, never empty (it is never opened)."""
    name = os.path.basename((raw or "").replace("\\", "/")).strip(BLANK)[:MAX_NAME]
    return name.encode("utf-8", "replace").decode("utf-8") if name else "upload"


def _unknown(fields: Mapping[str, Any], known: set[str]) -> None:
    extra = sorted(set(fields) - known)
    if extra:
        raise ApiError(422, "invalid", f"unknown field {extra[0]!r}; the fields are {', '.join(sorted(known))}")


def _choices(declared: tuple[Field, ...], fields: Mapping[str, Any]) -> dict[str, str]:
    """The declared choice fields that are present, validated (a field that is present must be valid: null is not
    "absent")."""
    return {f.name: _choice(f.name, fields[f.name], tuple(f.choices())) for f in declared
            if f.kind == "choice" and f.name in fields}  # fmt: skip


def _extra(declared: tuple[Field, ...], fields: Mapping[str, Any], form: bool = False) -> dict[str, Any]:
    """A route's own fields (declared beside it), validated as the spec says: name, path, flag or time."""
    import re
    from datetime import datetime

    out: dict[str, Any] = {}
    for f in declared:
        if f.name not in fields:
            continue
        value = fields[f.name]
        if f.kind == "flag":
            if form and value in ("true", "false"):
                value = value == "true"
            if not isinstance(value, bool):
                raise ApiError(422, "invalid", f"'{f.name}' must be true or false")
        elif f.kind == "path":
            value = _string(f.name, value, max_len=MAX_PATH)
            if not re.search(PATH_PATTERN, value):
                raise ApiError(422, "invalid", f"'{f.name}' must be a path relative to the project folder (no leading /, "
                                               "no .., no control characters)")  # fmt: skip
        elif f.kind == "time":
            value = _string(f.name, value, max_len=40)
            try:
                value = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
            except ValueError:
                raise ApiError(422, "invalid", f"'{f.name}' must be a date and time (ISO 8601, with its offset)") from None
            if value.tzinfo is None:
                raise ApiError(422, "invalid", f"'{f.name}' must say its offset from UTC (e.g. Z or +02:00)")
        else:  # a name
            value = _string(f.name, value, max_len=MAX_NAME, allow_empty=False).strip(BLANK)
        out[f.name] = value
    return out


def _copy_options(fields: Mapping[str, Any], lists: Mapping[str, tuple[str, ...]]) -> tuple[str | None, dict[str, Any]]:
    overrides: dict[str, Any] = _choices(COPY_REQUEST, fields)
    fmt = overrides.pop("format", None)
    for key in COPY_LISTS:
        if lists.get(key):
            overrides[key] = lists[key]
    return fmt, overrides


# -- bodies -----------------------------------------------------------------------------------------------------
def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


async def _json_object(request: Request) -> dict[str, Any]:
    body = await request.body()
    try:
        value = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, "bad_json", f"the body is not valid JSON: {exc}") from None
    except RecursionError:  # arrays or objects nested ~1,000 deep: no request needs that
        raise ApiError(400, "bad_json", "the JSON body is nested too deeply; send a flat object") from None
    if not isinstance(value, dict):
        raise ApiError(422, "invalid", "the JSON body must be an object")
    return value


class _InMemoryParser(MultiPartParser):
    spool_max_size = MAX_BODY + 1  # the body limit keeps uploads under this: they never roll over to disk


async def _multipart(
    request: Request, known: set[str], lists: set[str], keep_commas: frozenset[str] = frozenset()
) -> tuple[UploadInput, dict[str, Any], dict[str, tuple[str, ...]]]:
    try:
        form = await _InMemoryParser(request.headers, request.stream(), max_files=1, max_fields=MAX_LIST,
                                     max_part_size=MAX_BODY).parse()  # fmt: skip
    except MultiPartException as exc:
        raise ApiError(400, "bad_multipart", f"the form data cannot be read: {exc.message}") from None
    try:
        keys = set(form.keys())
        _unknown(dict.fromkeys(keys), known | {"file"})
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise ApiError(422, "invalid", "send the file in a form field named 'file'")
        data = await upload.read()
        name = upload_name(upload.filename)
        fields: dict[str, Any] = {}
        list_values: dict[str, tuple[str, ...]] = {}
        for key in keys - {"file"}:
            values = form.getlist(key)
            if any(not isinstance(v, str) for v in values):
                raise ApiError(422, "invalid", f"'{key}' must be a text field, not a file")
            if key in lists:  # repeatable, or comma-separated
                items = [p.strip() for v in values for p in (v.split(",") if key not in keep_commas else [v])]
                list_values[key] = _string_list(key, [p for p in items if p])
            elif len(values) > 1:
                raise ApiError(422, "invalid", f"'{key}' is given more than once")
            else:
                fields[key] = values[0]
        return UploadInput(name, data), fields, list_values
    finally:
        await form.close()


COPY_FIELDS = names(COPY_REQUEST)
COPY_LISTS = {f.name for f in COPY_REQUEST if f.kind == "list"}


async def copy_input(request: Request, extra: tuple[Field, ...] = ()) -> CopyInput:
    """The copy and its options; ``extra``: a route's own fields besides them (JSON bodies only)."""
    media = _media_type(request)
    if media == "application/json":
        body = await _json_object(request)
        _unknown(body, COPY_FIELDS | names(extra))
        if "text" not in body:
            raise ApiError(422, "invalid", "'text' is required: the copy to check")
        text = _string("text", body["text"])
        lists = {k: _string_list(k, body[k]) for k in COPY_LISTS if k in body}
        fmt, overrides = _copy_options(body, lists)
        return CopyInput(_filename(body, "untitled"), text=text, format=fmt, overrides=overrides,
                         extra=_extra(extra, body))  # fmt: skip
    if media == "multipart/form-data" and not extra:
        upload, fields, lists = await _multipart(request, names(COPY_REQUEST, form=True), COPY_LISTS)
        fmt, overrides = _copy_options(fields, lists)
        return CopyInput(upload.filename, data=upload.data, format=fmt, overrides=overrides)
    raise _unsupported(media, accepted="application/json") if extra else _unsupported(media)


CALL_FIELDS = names(CALL_REQUEST)
CALL_LISTS = {f.name for f in CALL_REQUEST if f.kind == "list"}
KEEP_COMMAS = frozenset(f.name for f in (*COPY_REQUEST, *CALL_REQUEST) if f.kind == "list" and not f.split_commas)


async def call_input(request: Request, extra: tuple[Field, ...] = ()) -> CallInput:
    """The transcript and its options; ``extra``: a route's own fields besides them."""
    media = _media_type(request)
    if media == "application/json":
        body = await _json_object(request)
        _unknown(body, CALL_FIELDS | names(extra))
        if "text" not in body:
            raise ApiError(422, "invalid", "'text' is required: the transcript")
        text = _string("text", body["text"])
        me = _string_list("me", body["me"]) if "me" in body else ()
        return CallInput(_filename(body, "transcript.txt"), text=text, me=me, extra=_extra(extra, body),
                         **_call_options(body))  # fmt: skip
    if media == "multipart/form-data":
        known = names(CALL_REQUEST, form=True) | names(extra, form=True)
        upload, fields, lists = await _multipart(request, known, CALL_LISTS, KEEP_COMMAS)
        return CallInput(upload.filename, data=upload.data, me=lists.get("me", ()),
                         extra=_extra(extra, fields, form=True), **_call_options(fields))  # fmt: skip
    raise _unsupported(media)


def _call_options(fields: Mapping[str, Any]) -> dict[str, Any]:
    return {"format": None, "call_type": None, "profile": None, **_choices(CALL_REQUEST, fields)}


async def upload_input(request: Request) -> UploadInput:
    media = _media_type(request)
    if media != "multipart/form-data":
        raise _unsupported(media, accepted="multipart/form-data")
    upload, _, _ = await _multipart(request, set(), set())
    return upload


def _unsupported(media: str, accepted: str = "application/json or multipart/form-data") -> ApiError:
    return ApiError(415, "unsupported_media_type", f"send {accepted}, not {media or 'no Content-Type'}")
