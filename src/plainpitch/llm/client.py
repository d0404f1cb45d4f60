"""The chat-completions client: one POST to ``{base_url}/chat/completions``, streamed (server-sent events) or
not, with timeouts, a few retries and one clear line when the endpoint is down or answers nonsense.

Built on httpx rather than the ``openai`` package: the wire format is one JSON request and either a JSON answer
or ``data: {...}`` lines, which is less code to own than a large SDK (and its pydantic models) to install and
import; httpx gives timeouts, streaming and connection reuse, and it is already how the tests talk HTTP.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from plainpitch.llm.errors import LLMError

if TYPE_CHECKING:  # pragma: no cover
    from plainpitch.llm.settings import LLMSettings

RETRY_STATUS = frozenset({408, 429, 500, 502, 503, 504})
BACKOFF = (0.5, 1.5, 4.0)


class ChatClient:
    def __init__(self, settings: LLMSettings, *, transport: Any = None, sleep: Callable[[float], None] = time.sleep) -> None:
        import httpx

        self.settings = settings
        self._sleep = sleep
        headers = {"content-type": "application/json", "accept": "application/json, text/event-stream"}
        key = settings.api_key()
        if key:
            headers["authorization"] = f"Bearer {key}"
        self._http = httpx.Client(timeout=httpx.Timeout(settings.timeout, connect=min(10.0, settings.timeout)),
                                  headers=headers, transport=transport, trust_env=False)  # fmt: skip

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> ChatClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _body(self, messages: list[dict[str, str]], stream: bool, json_object: bool = False) -> dict[str, Any]:
        s = self.settings
        body = {"model": s.model, "messages": messages, "temperature": s.temperature, "seed": s.seed,
                "max_tokens": s.max_tokens, "stream": stream}  # fmt: skip
        if json_object:  # JSON mode (OpenAI, Ollama, llama-server, vLLM): the answer is one JSON object
            body["response_format"] = {"type": "json_object"}
        return body

    def chat(self, messages: list[dict[str, str]], *, stream: bool = False, on_token: Callable[[str], None] | None = None,
             json_object: bool = False) -> str:
        """The assistant's answer (with ``stream``, tokens go to ``on_token`` as they arrive; with ``json_object``,
        JSON mode is asked for: the caller still validates what comes back)."""
        import httpx

        where = self.settings.endpoint
        last = ""
        for attempt in range(self.settings.retries + 1):
            if attempt:
                self._sleep(BACKOFF[min(attempt - 1, len(BACKOFF) - 1)])
            try:
                if stream:
                    return "".join(self._stream(messages, on_token))
                response = self._http.post(where, json=self._body(messages, False, json_object))
                if response.status_code in RETRY_STATUS:
                    last = f"{where} answered HTTP {response.status_code}"
                    continue
                _raise_for_status(response, where)
                return _content(response, where)
            except _Retry as exc:
                last = str(exc)
            except httpx.TimeoutException:
                last = f"{where} did not answer within {self.settings.timeout:g} s"
            except httpx.TransportError as exc:
                last = f"cannot reach {where} ({_reason(exc)}); is the model server running?"
        raise LLMError(last + (f" (after {self.settings.retries + 1} tries)" if self.settings.retries else ""))

    def _stream(self, messages: list[dict[str, str]], on_token: Callable[[str], None] | None) -> Iterator[str]:
        where = self.settings.endpoint
        with self._http.stream("POST", where, json=self._body(messages, True)) as response:
            if response.status_code in RETRY_STATUS:
                raise _Retry(f"{where} answered HTTP {response.status_code}")
            if response.status_code >= 400:
                response.read()
            _raise_for_status(response, where)
            kind = response.headers.get("content-type", "")
            if "text/event-stream" not in kind:
                response.read()
                text = _content(response, where)  # some servers ignore "stream": take the whole answer
                if on_token:
                    on_token(text)
                yield text
                return
            done = False
            for line in response.iter_lines():
                if not line.startswith("data:"):
                    continue
                data = line[5:].strip()
                if data == "[DONE]":
                    done = True
                    break
                try:
                    chunk = json.loads(data)
                    delta = chunk["choices"][0].get("delta") or {}
                except (ValueError, KeyError, IndexError, TypeError, AttributeError):
                    raise LLMError(f"{where} streamed something that is not a chat completion chunk") from None
                piece = delta.get("content") or ""
                if not isinstance(piece, str):
                    raise LLMError(f"{where} streamed something that is not a chat completion chunk")
                if piece:
                    if on_token:
                        on_token(piece)
                    yield piece
                if chunk["choices"][0].get("finish_reason"):
                    done = True
            if not done:
                raise LLMError(f"{where} ended the stream before the answer was complete")


class _Retry(Exception):
    pass


def _reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0][:120]


def _raise_for_status(response: Any, where: str) -> None:
    if response.status_code < 400:
        return
    detail = ""
    try:
        body = response.json()
        err = body.get("error") if isinstance(body, dict) else None
        detail = (err.get("message") if isinstance(err, dict) else err) or ""
    except ValueError:
        pass
    detail = f": {str(detail).splitlines()[0][:160]}" if detail else ""
    if response.status_code in (401, 403):
        raise LLMError(f"{where} refused the request (HTTP {response.status_code}){detail}; check api_key_env")
    if response.status_code == 404:
        raise LLMError(f"{where} answered 404{detail}: check base_url (it usually ends in /v1) and the model name")
    raise LLMError(f"{where} answered HTTP {response.status_code}{detail}")


def _content(response: Any, where: str) -> str:
    try:
        body = response.json()
        content = body["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        raise LLMError(f"{where} returned something that is not a chat completion") from None
    if not isinstance(content, str):
        raise LLMError(f"{where} returned something that is not a chat completion")
    return content
