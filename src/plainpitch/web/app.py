"""Builds the Starlette app: the editor page, its static files, the /api/v1 routes (declared in web/routes.py),
the spec generated from them and the guards."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import FileResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from plainpitch.web import api
from plainpitch.web.inputs import ApiError
from plainpitch.web.routes import API
from plainpitch.web.security import (
    LOOPBACK_HOSTS,
    MAX_BODY,
    BodyLimitMiddleware,
    SameOriginMiddleware,
    SecurityHeadersMiddleware,
    error_response,
)

STATIC = Path(__file__).parent / "static"


def _warm_up(config: Any) -> None:
    """Load every rule and lazy module now, once, rather than during the first keystroke (or in two threads)."""
    from plainpitch.engine import analyze
    from plainpitch.ingest import load_text
    from plainpitch.rules.base import all_rules

    all_rules()
    analyze(load_text("Perhaps this will help you ship faster. Try it today.", "warm-up.txt", "text"), config)


# -- error handlers: one JSON shape, one line, never a traceback -----------------------------------------------
async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message, **exc.extra)


async def _load_error(request: Request, exc: Exception) -> Response:
    from plainpitch.ingest.errors import TooLarge

    if isinstance(exc, TooLarge):  # the file, or what it expands to, is over the limit
        return error_response(413, "too_large", str(exc), path=exc.path, limit=exc.limit)
    return error_response(422, "load_error", str(exc), path=getattr(exc, "path", ""), line=getattr(exc, "line", None))


async def _client_gone(request: Request, exc: Exception) -> Response:
    """The client went away mid-request (or was dropped by a timeout): nothing to answer, nothing to log."""
    return Response(status_code=400)


async def _config_error(request: Request, exc: Exception) -> Response:
    message = exc.args[0] if exc.args else str(exc)
    return error_response(422, "invalid", str(message))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
    response = error_response(exc.status_code, code, str(exc.detail))
    response.headers.update(exc.headers or {})  # e.g. Allow on a 405
    return response


async def _internal_error(request: Request, exc: Exception) -> Response:
    return error_response(500, "internal", f"plainpitch failed on this input ({type(exc).__name__}); please report it")


async def editor(request: Request) -> Response:
    return FileResponse(STATIC / "editor.html", media_type="text/html; charset=utf-8")


async def openapi(request: Request) -> Response:
    return Response(request.app.state.openapi_json, media_type="application/json")


def create_app(
    config: Any = None,
    *,
    max_body: int = MAX_BODY,
    allowed_hosts: Sequence[str] | None = None,
    cors_origins: Sequence[str] = (),
) -> Starlette:
    """The app. ``config`` is the base Config (the project's plainpitch.toml); each request may override the
    profile, context, medium and rule selection. ``allowed_hosts`` guards against DNS rebinding (default:
    loopback names only). CORS stays closed unless ``cors_origins`` names origins to let in."""
    from plainpitch.config import Config, ConfigError
    from plainpitch.ingest.errors import LoadError
    from plainpitch.rules.base import UnknownRule, all_rules
    from plainpitch.rules.docs import rule_json_dict
    from plainpitch.web.openapi import build_spec

    config = config or Config()
    _warm_up(config)
    hosts = list(allowed_hosts) if allowed_hosts is not None else list(LOOPBACK_HOSTS)
    middleware = [
        Middleware(SecurityHeadersMiddleware),
        Middleware(TrustedHostMiddleware, allowed_hosts=hosts, www_redirect=False),
        Middleware(SameOriginMiddleware, allowed_origins=cors_origins),
        Middleware(BodyLimitMiddleware, max_body=max_body),
    ]
    if cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        middleware.insert(1, Middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
                                        allow_headers=["content-type"]))  # fmt: skip
    routes = [
        Route("/", editor, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
        *(Route(e.path, e.handler, methods=[e.method]) for e in API),
        Mount("/static", app=StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={
            ApiError: _api_error,
            LoadError: _load_error,
            ConfigError: _config_error,
            UnknownRule: _config_error,
            HTTPException: _http_error,
            ClientDisconnect: _client_gone,
            Exception: _internal_error,
        },
    )
    app.state.config = config
    app.state.max_body = max_body
    # static answers, computed once
    app.state.rules_json = json.dumps([rule_json_dict(r) for r in all_rules()], ensure_ascii=False).encode("utf-8")
    app.state.options = api.options_dict(max_body)
    app.state.openapi_json = json.dumps(build_spec(max_body), ensure_ascii=False).encode("utf-8")
    return app
