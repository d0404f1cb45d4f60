"""A finding's suggestions that can be applied as they are: SARIF ``fixes`` and the editor's quick fixes.

A suggestion holding "…" is a template for the writer to finish (", so you …"), shown as advice, never applied.
"""

from __future__ import annotations

from plainpitch.model import Finding, Suggestion

TEMPLATE_MARK = "…"


def applicable(f: Finding) -> tuple[Suggestion, ...]:
    return tuple(s for s in f.suggestions if TEMPLATE_MARK not in s.replacement)


def describe(f: Finding, s: Suggestion) -> str:
    """SARIF's fix description: the rule's own words, else the edit."""
    return s.description or _edit(f, s)


def _edit(f: Finding, s: Suggestion) -> str:
    return f"Replace '{f.text}' with '{s.replacement}'" if s.replacement else f"Delete '{f.text}'"


def title(f: Finding, s: Suggestion) -> str:
    """What an editor's quick-fix menu shows: the edit itself, then why."""
    return f"{_edit(f, s)} ({s.description})" if s.description else _edit(f, s)
