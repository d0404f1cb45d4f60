"""Regular expressions compiled on first use.

Compiling the rules' several hundred patterns was a third of a cold `plainpitch check`, and a short page uses
about a third of them (the rest read shapes it does not have: transcripts, templates, tables of prices). A lazy
pattern compiles when first searched and then puts the compiled pattern's own methods on itself, so after the
first call it costs what a compiled pattern costs.

A lazy pattern is not an `re.Pattern`: give `re.sub(P, ...)` and friends `P.compiled`, or call `P.sub(...)`.
"""

from __future__ import annotations

import re
from typing import Any, cast

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class LazyPattern:
    """A pattern's source and flags, compiled when a method first needs it."""

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def _now(self) -> re.Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._source, self._flags)
            for name in _METHODS:  # instance attributes shadow the class's methods: later calls go straight to re
                setattr(self, name, getattr(compiled, name))
        return compiled

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern, for the re functions that want one."""
        return self._now()

    @property
    def pattern(self) -> str:
        return self._source

    @property
    def flags(self) -> int:
        return self._now().flags

    @property
    def groups(self) -> int:
        return self._now().groups

    @property
    def groupindex(self) -> Any:
        return self._now().groupindex

    def __reduce__(self) -> tuple[Any, ...]:  # pickled and copied as its source, compiled again on first use
        return (LazyPattern, (self._source, self._flags))

    def __repr__(self) -> str:
        return f"lazy_re.compile({self._source!r}, {self._flags!r})"


def _forwarder(name: str):
    def method(self: LazyPattern, *args: Any, **kwargs: Any) -> Any:  # the first call: compile, then run
        return getattr(self._now(), name)(*args, **kwargs)

    method.__name__ = name
    return method


for _name in _METHODS:  # search, match, finditer, sub …: each compiles on its first call, as the pattern's own later
    setattr(LazyPattern, _name, _forwarder(_name))


def compile(source: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - the name re uses
    """A pattern that compiles on first use (typed as the compiled pattern it behaves as)."""
    return cast(re.Pattern[str], LazyPattern(source, flags))
