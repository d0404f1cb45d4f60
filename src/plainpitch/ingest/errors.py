"""The one error a loader raises: it names the file and says what is wrong in one line."""

from __future__ import annotations


class LoadError(Exception):
    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.message = message
        self.line = line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


class TooLarge(LoadError):
    """The input (or what it expands to) is over a size limit: the web API answers 413 for it."""

    def __init__(self, path: str, message: str, limit: int) -> None:
        super().__init__(path, message)
        self.limit = limit
