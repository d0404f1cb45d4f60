"""Guards around the app: a request size limit (413), security headers, and a same-origin check on writes.

All three are plain ASGI middleware (not BaseHTTPMiddleware) so that they add almost nothing to each request.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from starlette.responses import JSONResponse

MAX_BODY = 2 * 1024 * 1024  # 2 MiB: ~300,000 words of copy, far past any page, email or call transcript
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")  # Host header names (IPv6 keeps its brackets there)

# No inline script or style anywhere: the editor's JS and CSS are static files. Timeline charts are shown as
# blob: images, so even an SVG with something nasty in it could not run.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)

Scope = dict[str, Any]


def error_response(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    """The API's one error shape: ``{"error": {"code": ..., "message": ...}}``."""
    return JSONResponse({"error": {"code": code, "message": message, **extra}}, status_code=status)


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return value
    return None


def _mb(n: float) -> str:
    return f"{n / 1_048_576:.1f} MB".replace(".0 MB", " MB")


class BodyTooLarge(Exception):
    pass


class BodyLimitMiddleware:
    """413 with a JSON error when a request body is over ``max_body`` bytes, declared or streamed."""

    def __init__(self, app: Any, max_body: int = MAX_BODY) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                await error_response(400, "bad_request", "the Content-Length header is not a number")(
                    scope, receive, send
                )
                return
            if size > self.max_body:
                await self._too_large(scope, receive, send, f"the request is {_mb(size)}; the limit is")
                return
        received = 0
        started = False

        async def limited_receive() -> dict[str, Any]:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge
            return message

        async def tracking_send(message: dict[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if started:  # pragma: no cover - handlers read the whole body before they answer
                raise
            await self._too_large(scope, receive, send, "the request body is over the limit of")

    async def _too_large(self, scope: Scope, receive: Any, send: Any, what: str) -> None:
        message = f"{what} {_mb(self.max_body)}; send a shorter text or a smaller file"
        await error_response(413, "too_large", message, limit=self.max_body)(scope, receive, send)


class SecurityHeadersMiddleware:
    """Adds a strict CSP, nosniff and friends to every response that does not set its own."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                present = {k.lower() for k, _ in headers}
                headers.extend((k, v) for k, v in SECURITY_HEADERS if k not in present)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class SameOriginMiddleware:
    """Refuses writes (POST...) that a browser sends from another site's page (drive-by use of the local API).

    Requests without an Origin header (curl, scripts, the test client) are let through: they are not a browser
    acting for some other page.
    """

    SAFE = frozenset({"GET", "HEAD", "OPTIONS"})

    def __init__(self, app: Any, allowed_origins: Iterable[str] = ()) -> None:
        self.app = app
        self.allowed = {o.rstrip("/").lower() for o in allowed_origins}

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] in self.SAFE:
            await self.app(scope, receive, send)
            return
        origin = _header(scope, b"origin")
        if origin is not None:
            value = origin.decode("latin-1").strip().rstrip("/").lower()
            host = (_header(scope, b"host") or b"").decode("latin-1").lower()
            if value not in self.allowed and urlsplit(value).netloc != host:
                await error_response(
                    403, "cross_origin", "requests from other sites are refused; use the editor this server serves"
                )(scope, receive, send)
                return
        await self.app(scope, receive, send)
