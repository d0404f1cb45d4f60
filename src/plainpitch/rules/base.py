"""What a rule module imports: ``@rule``, ``Hit``, the provider decorators and the metadata types, in one place.

The definitions live in ``meta`` (what a rule is) and ``registry`` (where rules, metric and details providers
register); this module only gathers them, so rule authors (and plugins) have one stable import and never need
the engine::

    from plainpitch.rules.base import Hit, metric_provider, rule
"""

from __future__ import annotations

from plainpitch.rules.meta import (
    BUILTIN_FIELDS,
    CATEGORIES,
    CODE_RE,
    MARK_RE,
    NAME_RE,
    SCOPES,
    CheckFn,
    Example,
    Hit,
    Rule,
    RuleContext,
    RuleMeta,
    iter_markers,
    make_meta,
    strip_markers,
    template_fields,
)
from plainpitch.rules.registry import (
    UnknownRule,
    all_rules,
    details_provider,
    find_rule,
    metric_provider,
    register,
    resolve_selector,
    rule,
)

__all__ = [
    "BUILTIN_FIELDS", "CATEGORIES", "CODE_RE", "MARK_RE", "NAME_RE", "SCOPES", "CheckFn", "Example", "Hit", "Rule",
    "RuleContext", "RuleMeta", "UnknownRule", "all_rules", "details_provider", "find_rule", "iter_markers",
    "make_meta", "metric_provider", "register", "resolve_selector", "rule", "strip_markers", "template_fields",
]  # fmt: skip
