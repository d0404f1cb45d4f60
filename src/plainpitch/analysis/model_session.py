"""One document's use of the configured model in ``plainpitch check --llm``: what to send (redacted when the user
asked), one JSON answer per request, and the fallback when the model fails.

The model judges what the offline analysis judges (sentence classes: classify/model_classifier.py; jargon in
context: analysis/model_jargon.py); both ask through ``Session.ask_json``. Any failure, a timeout, an endpoint
that is down, an answer that is not the JSON asked for, is a ``ModelAnswerError``: the caller falls back to the
offline judgement, and the session leaves one note for the report and asks the model nothing more for this
document (a down endpoint costs one wait per document, not one per question).

Nothing here runs unless the user configured a model for check (``Config.judge`` holds the LLMSettings):
``session_of(ctx)`` is None otherwise, and this module is imported only then.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Any

from plainpitch.llm import ChatClient, LLMError, LLMSettings
from plainpitch.llm.redact import Redactor
from plainpitch.text import lazy_re

NOTES_KEY = "notes"  # the engine adds the context's notes to the report
_FENCE_RE = lazy_re.compile(r"^\s*```(?:json)?\s*\n(.*?)\n\s*```\s*$", re.DOTALL)
_PLACEHOLDER_RE = lazy_re.compile(r"\[(?:email|phone|name) \d+\]")


class ModelAnswerError(Exception):
    """The model did not give a usable answer; the message is one line for the report's note."""


class Session:
    def __init__(self, settings: LLMSettings, notes: list[str], source: str = "") -> None:
        self.settings = settings
        self.redactor = _redactor(settings, source) if settings.redact else None
        self.failed: str | None = None
        self.used: list[str] = []  # what the model judged for this document
        self._notes = notes
        self._note: int | None = None

    def send(self, text: str) -> str:
        """The text as it leaves the machine (redacted when the user asked)."""
        return self.redactor.redact(text) if self.redactor else text

    def restore(self, text: str) -> str:
        return self.redactor.restore(text) if self.redactor else text

    @staticmethod
    def redacted(text: str) -> bool:
        return bool(_PLACEHOLDER_RE.search(text))

    def ask_json(self, system: str, user: str, answer_tokens: int) -> Any:
        """The model's answer parsed as JSON (an object), or ModelAnswerError."""
        if self.failed:
            raise ModelAnswerError(self.failed)
        settings = replace(self.settings, max_tokens=max(self.settings.max_tokens, answer_tokens))
        messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
        try:
            with ChatClient(settings) as client:
                answer = client.chat(messages, json_object=True)
        except LLMError as exc:
            raise ModelAnswerError(str(exc)) from None
        return parse_object(answer)

    def succeed(self, what: str) -> None:
        """Record that the model judged ``what``: one note per document says what and which model."""
        if what not in self.used:
            self.used.append(what)
        note = f"model: {' and '.join(self.used)} judged by {self.settings.model} at {self.settings.base_url}"
        if self._note is None:
            self._note = len(self._notes)
            self._notes.append(note)
        else:
            self._notes[self._note] = note

    def fail(self, what: str, reason: str) -> None:
        """Record that the model's judgement of ``what`` was not used; one note per document."""
        if self.failed is None:
            self.failed = reason
            self._notes.append(f"model: {reason}; {what} and the rest of this document judged offline instead")


def _redactor(settings: LLMSettings, source: str) -> Redactor:
    """A redactor that knows the names of the whole document: the sentences go out one by one, and a name is
    recognised by where it stands (after "Hi", on the line under "Best,"), which a lone sentence no longer shows."""
    scout = Redactor(settings.redact_names)
    scout.redact(source)
    found = tuple(v for k, v in scout.table.items() if k.startswith("[name "))
    return Redactor(tuple(dict.fromkeys((*settings.redact_names, *found))))


def parse_object(answer: str) -> dict[str, Any]:
    """A JSON object, alone (a ```json fence around it is allowed: many models add one); anything else fails."""
    text = answer.strip()
    fenced = _FENCE_RE.match(text)
    if fenced:
        text = fenced.group(1).strip()
    try:
        value = json.loads(text)
    except ValueError:
        raise ModelAnswerError("the model's answer was not the JSON asked for") from None
    if not isinstance(value, dict):
        raise ModelAnswerError("the model's answer was not a JSON object")
    return value


def session_of(ctx: Any) -> Session | None:
    """The document's model session when the user configured a model for check and the text is copy, else None."""
    settings = getattr(getattr(ctx, "config", None), "judge", None)
    if settings is None or getattr(ctx, "medium", None) == "call":
        return None
    notes = ctx.cache.setdefault(NOTES_KEY, [])
    source = getattr(getattr(ctx, "doc", None), "source", "") or ""
    return ctx.memo("model.session", lambda: Session(settings, notes, source))
