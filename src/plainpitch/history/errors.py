"""The one error the history layer raises: a one-line message for the user, never a traceback."""

from __future__ import annotations


class HistoryError(Exception):
    """A store that cannot be opened, read or written, or a request it cannot answer (an unknown deal...)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "history store error"


class UnknownDeal(HistoryError):
    """No deal by that name (the web API answers 404 rather than "store unavailable")."""
