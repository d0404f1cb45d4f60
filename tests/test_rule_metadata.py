"""Lint the rule metadata: the docs, `explain`, SARIF and the editor are all generated from it."""

import string

import pytest

from plainpitch.model import SEVERITIES
from plainpitch.rules.base import CATEGORIES, CODE_RE, NAME_RE, all_rules

RULES = all_rules()


def test_there_are_rules():
    assert len(RULES) >= 10


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.meta.code)
def test_metadata_is_complete(rule):
    m = rule.meta
    assert CODE_RE.match(m.code), m.code
    assert NAME_RE.match(m.name), m.name
    assert not m.name.startswith(("no-", "avoid-")), "name the problem, not the prohibition"
    assert m.category in CATEGORIES
    assert m.code.startswith(CATEGORIES[m.category][0]), f"{m.code} in category {m.category}"
    assert m.severity in SEVERITIES
    for field in ("summary", "why", "message", "fix"):
        value = getattr(m, field)
        assert value and value.strip() == value, f"{m.code}.{field} empty or padded"
    assert len(m.summary) <= 120
    assert len(m.why) >= 40, f"{m.code}: say why it costs the sale"
    assert m.bad and m.good, f"{m.code} needs bad and good examples"
    assert all("[[" in ex.text for ex in m.bad), f"{m.code}: mark what a bad example flags with [[…]]"
    assert all("[[" not in ex.text for ex in m.good)
    fields = {f for _, f, _, _ in string.Formatter().parse(m.message) if f}
    declared = set(m.fields or ())  # a rule that declares its fields has each checked on every hit (engine)
    assert fields <= {"match", "replacement", "count", "max", "min", "value", "metric"} | set(m.options) | _free(m) | declared, (
        f"{m.code}: message uses unknown fields {fields}"
    )


def _free(meta):
    # Python rules may pass their own args; they declare them in options or use documented names.
    return set() if meta.kind != "python" else {"match", "grade", "words", "term", "expansion", "ratio", "count",
                                                   "seconds", "share", "limit", "value", "detail", "what", "kind"}


def test_codes_names_and_aliases_are_unique():
    seen = {}
    for r in RULES:
        for key in (r.meta.code, r.meta.name, *r.meta.aliases):
            assert key not in seen, f"{key} used by {seen[key]} and {r.meta.code}"
            seen[key] = r.meta.code
