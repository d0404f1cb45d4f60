"""Request timeouts for ``plainpitch serve``: uvicorn's h11 protocol times out only idle kept-alive connections,
so a client that sends its headers (slowloris) or its body a byte at a time would hold a connection forever.

The guard arms one deadline per phase of a request: the request line and headers must arrive within
``header_timeout`` of their first byte (or of the connection), the body within ``body_timeout`` of the headers.
Trickling bytes does not extend a deadline. A client past it is dropped: the connection is closed (the app sees a
disconnect, which it answers quietly).
"""

from __future__ import annotations

import asyncio
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol


class GuardedH11Protocol(H11Protocol):
    header_timeout = 10.0
    body_timeout = 30.0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._phase: str | None = None
        self._timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm("headers")

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._follow()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._follow()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    # -- the deadline of the phase the client is in -------------------------------------------------------------
    def _follow(self) -> None:
        state = self.conn.their_state
        if state is h11.IDLE:
            # between requests nothing is owed (uvicorn's keep-alive timer closes an idle connection), but the
            # first bytes of the next request start its header deadline
            phase = "headers" if self.conn.trailing_data[0] else None
            if phase is None and self._phase == "headers" and self.cycle is None:
                return  # still waiting for the first request: keep the deadline set at connect time
        elif state is h11.SEND_BODY:
            phase = "body"
        else:
            phase = None  # the request is in: the app's work and the response are not timed here
        if phase != self._phase:
            self._disarm()
            if phase is not None:
                self._arm(phase)

    def _arm(self, phase: str) -> None:
        self._phase = phase
        delay = self.header_timeout if phase == "headers" else self.body_timeout
        self._timer = self.loop.call_later(delay, self._expired)

    def _disarm(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer = None
        self._phase = None

    def _expired(self) -> None:
        self._timer = None
        if not self.transport.is_closing():
            self.transport.close()


def guarded_protocol(header_timeout: float, body_timeout: float) -> type[GuardedH11Protocol]:
    """The protocol class with these deadlines (uvicorn takes a class, not an instance)."""
    return type("GuardedH11Protocol", (GuardedH11Protocol,), {"header_timeout": header_timeout,
                                                              "body_timeout": body_timeout})  # fmt: skip
