"""The one error the model client raises: its message is the one line the user sees."""

from __future__ import annotations


class LLMError(RuntimeError):
    """One line for the user: what went wrong with the model endpoint."""
