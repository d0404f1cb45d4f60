"""What a rule may declare, checked at registration and honoured by the engine: its scope (what it reads), its
message fields, its check signature, and examples kept in fixture files."""

import pytest

from plainpitch.call.roles import Roles, apply_roles
from plainpitch.config import Config
from plainpitch.engine import analyze
from plainpitch.ingest import load_text
from plainpitch.ingest.transcript import load_transcript_text
from plainpitch.model import Span
from plainpitch.rules.base import Hit, Rule, make_meta
from plainpitch.rules.registry import register

CALL = "Ana: We built a fast tool.\nBen: We use a spreadsheet today.\nAna: What slows your team down?\n"
META = dict(name="test-rule", category="tone", severity="suggestion", summary="t", why="t", fix="t",
            bad=["[[x]]"], good=["y"], media=("call", "text", "page"))  # fmt: skip


def every_sentence(doc, ctx):
    for s in doc.sentences:
        yield Hit(Span(s.start, s.end), {"n": len(doc.units)})


def make(scope="document", message="{match}", fields=None, check=every_sentence, code="TON990"):
    return Rule(make_meta(code=code, message=message, scope=scope, fields=fields, **META), check)


def call_doc():
    doc = load_transcript_text(CALL, "call.txt", "lines")
    return apply_roles(doc, Roles(frozenset({"Ana"}), frozenset({"Ben"}), "me"))


@pytest.mark.parametrize("scope,expected", [
    ("document", ["We built a fast tool.", "We use a spreadsheet today.", "What slows your team down?"]),
    ("seller", ["We built a fast tool.", "What slows your team down?"]),
    ("buyer", ["We use a spreadsheet today."]),
    ("copy", []),
])  # fmt: skip
def test_the_engine_feeds_a_rule_only_its_scope(scope, expected):
    report = analyze(call_doc(), Config(profile="business"), rules=[make(scope)])
    assert [f.text for f in report.findings] == expected
    # offsets are into the one text: locations point at the right line of the transcript
    assert all(CALL.splitlines()[f.location.line - 1].endswith(f.text) for f in report.findings)


def test_copy_scope_on_a_page_is_the_whole_page():
    doc = load_text("# Fast builds\n\nWe cut build times.\n", "p.md", "markdown")
    assert len(analyze(doc, Config(profile="business"), rules=[make("copy")]).findings) == 2


def test_a_hit_outside_the_declared_scope_is_dropped():
    def everywhere(doc, ctx):  # ignores its scope and reads the raw text
        yield Hit(Span(0, 3))

    report = analyze(call_doc(), Config(profile="business"), rules=[make("buyer", check=everywhere)])
    assert report.findings == ()


def test_declared_fields_are_checked_at_registration_and_on_every_hit():
    with pytest.raises(ValueError, match="TON991: message uses count but declares only fields n"):
        register(make(message="{count} times", fields=("n",), code="TON991"))
    with pytest.raises(ValueError, match="scope 'turns' is not one of"):
        register(make(scope="turns", code="TON992"))
    with pytest.raises(ValueError, match="check must take"):
        register(make(check=lambda doc: [], code="TON993"))
    ok = make(message="{n} units", fields=("n",))
    assert analyze(call_doc(), Config(profile="business"), rules=[ok]).findings[0].message == "3 units"
    missing = make(message="{count} times", fields=("count",))
    with pytest.raises(ValueError, match="TON990: a hit lacks the message field"):
        analyze(call_doc(), Config(profile="business"), rules=[missing])


def test_an_example_may_live_in_a_fixture_file(tmp_path):
    page = tmp_path / "long-page.md"
    page.write_text("# A whole page\n\n[[Perhaps]] it works.\n", encoding="utf-8")
    meta = make_meta(code="TON994", message="m", **{**META, "bad": [{"file": str(page), "format": "markdown"}]})
    (example,) = meta.bad
    assert example.text == page.read_text(encoding="utf-8") and example.file == str(page)
    with pytest.raises(ValueError, match="rule example file"):
        make_meta(code="TON995", message="m", **{**META, "bad": [{"file": str(tmp_path / "gone.md")}]})


# -- the built-in rules declare what they read, and the engine alone keeps the buyer's turns from a copy rule ----
def test_every_built_in_rule_declares_what_it_reads():
    from plainpitch.rules.registry import all_rules

    for r in all_rules():
        if r.meta.media == ("call",):  # the conversation rules weigh both sides of the call
            assert r.meta.scope == "document", r.code
        elif r.meta.kind != "metric":  # copy rules judge what the seller wrote or said
            assert r.meta.scope == "seller", r.code


def test_no_rule_module_tests_for_the_buyer_itself():
    """The buyer's turns are left out in one place (the engine's scope, by ``Unit.by_buyer``), not rule by rule."""
    import re
    from pathlib import Path

    import plainpitch.rules as rules_pkg

    buyer_test = re.compile(r"""role\s*[!=]=\s*["']buyer|by_buyer""")
    for path in Path(rules_pkg.__file__).parent.rglob("*.py"):
        assert not buyer_test.search(path.read_text(encoding="utf-8")), path


def test_a_copy_rule_never_reads_a_buyers_turn():
    from plainpitch.rules.registry import all_rules

    doc = call_doc()
    buyer = {(u.start, u.end) for u in doc.units if u.by_buyer}
    seen: dict[str, set] = {}

    def watching(r):
        def check(view, ctx):
            seen[r.code] = {(u.start, u.end) for u in view.units}
            return r.check(view, ctx)

        return Rule(r.meta, check)

    copy_rules = [watching(r) for r in all_rules() if "call" not in r.meta.media and r.meta.scope == "seller"]
    report = analyze(doc, Config(profile="business", all=True), rules=copy_rules)
    assert seen and all(units and not units & buyer for units in seen.values())
    assert not [f for f in report.findings if (doc.units[doc.unit_at(f.span.start)].start,
                                                doc.units[doc.unit_at(f.span.start)].end) in buyer]  # fmt: skip


def test_what_a_rule_memoises_over_its_part_is_kept_apart_from_the_whole():
    def counting(doc, ctx):  # memoises the number of units it was handed, under one shared key
        n = ctx.memo("test.units", lambda: len(doc.units))
        yield Hit(Span(doc.units[0].start, doc.units[0].end), {"n": n})

    whole = make("document", message="{n}", check=counting, code="TON996")
    seller = make("seller", message="{n}", check=counting, code="TON997")
    found = {f.code: f.message for f in analyze(call_doc(), Config(profile="business"), rules=[whole, seller]).findings}
    assert found == {"TON996": "3", "TON997": "2"}


def test_every_built_in_check_has_the_typed_signature():
    """``check(doc: Document, ctx: RuleContext) -> Iterable[Hit]`` (rules.meta.CheckFn), written out on every check
    so an editor or a type checker can hold a rule to it."""
    from plainpitch.rules.registry import all_rules

    for r in all_rules():
        if r.meta.kind == "python" and r.check.__module__.startswith("plainpitch.rules.checks."):
            assert r.check.__annotations__ == {"doc": "Document", "ctx": "RuleContext", "return": "Iterable[Hit]"}, r.code
