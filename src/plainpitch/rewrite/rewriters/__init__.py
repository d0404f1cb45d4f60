"""Offline rewriters, keyed by rule code: each turns one finding into candidate rewrites (or nothing).

A rewriter reads the finding's code, span and data (never its message, which the rules may reword) and the
document, and returns Candidates whose edits are in ``Document.text``. It does not judge its own output: every
candidate goes through the same checks (plainpitch.rewrite.check) as a model's rewrite. Where no safe rewrite
exists, ``questions.ask`` gives the writer a concrete question instead.

A new rewriter is a function ``(finding, page) -> Iterable[Candidate]`` registered with ``@rewriter("CODE")``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from plainpitch.model import Finding
from plainpitch.rewrite.model import Candidate

RewriterFn = Callable[[Finding, "object"], Iterable[Candidate]]
_REWRITERS: dict[str, list[RewriterFn]] = {}


def rewriter(*codes: str) -> Callable[[RewriterFn], RewriterFn]:
    def wrap(fn: RewriterFn) -> RewriterFn:
        for code in codes:
            _REWRITERS.setdefault(code, []).append(fn)
        return fn

    return wrap


def _load() -> None:
    from plainpitch.rewrite.rewriters import (  # noqa: F401  (they register on import)
        acronym,
        button,
        buyer,
        paragraph,
        plain,
        split,
        subject,
        words,
    )


def for_code(code: str) -> list[RewriterFn]:
    _load()
    return list(_REWRITERS.get(code, ()))


def codes() -> list[str]:
    """Rule codes that have an offline rewriter."""
    _load()
    return sorted(_REWRITERS)
