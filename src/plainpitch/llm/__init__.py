"""An OpenAI-compatible chat client (Ollama, llama.cpp's llama-server, vLLM, hosted APIs) and its settings.

A low layer: it knows HTTP, the chat-completions wire format, settings and redaction, nothing of rules or the
engine, so that analysis code may use it too. Nothing is sent anywhere unless the user configured an endpoint
(``[tool.plainpitch.llm]`` or flags); see docs/rewrite.md.
"""

from __future__ import annotations

from plainpitch.llm.client import ChatClient
from plainpitch.llm.errors import LLMError
from plainpitch.llm.settings import LLMSettings, resolve

__all__ = ["ChatClient", "LLMError", "LLMSettings", "resolve"]
