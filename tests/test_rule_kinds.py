"""The data rule kinds a TOML pack can use, each run through the engine on real text."""

import tomllib

import pytest

from plainpitch.config import Config
from plainpitch.engine import analyze
from plainpitch.ingest import load_text
from plainpitch.rules import base, registry
from plainpitch.rules.kinds import rule_from_spec

META = """
category = "tone"
severity = "suggestion"
summary = "test"
why = "a rule written for the tests of the data rule kinds"
message = "{match}"
fix = "test"
bad = ["[[x]]"]
good = ["y"]
"""


def make(kind_toml: str):
    spec = tomllib.loads(META + kind_toml)
    return rule_from_spec(spec, "test.toml")


def run(rule, text, **config):
    return analyze(load_text(text, "t.txt", "text"), Config(**config), rules=[rule]).findings


def test_existence_matches_phrases_across_line_breaks_and_case():
    rule = make('code = "TON901"\nname = "test-existence"\nkind = "existence"\ntokens = ["world class"]\n')
    found = run(rule, "A World\nclass tool. Not worldclass.\n")
    assert [f.text for f in found] == ["World class"]


def test_substitution_suggests_in_the_writers_case():
    rule = make('code = "TON902"\nname = "test-swap"\nkind = "substitution"\nswap = { utilize = "use" }\n')
    (finding,) = run(rule, "Utilize it.\n")
    assert [s.replacement for s in finding.suggestions] == ["Use"]


@pytest.mark.parametrize("scope,expected", [("sentence", 1), ("paragraph", 2), ("document", 1)])
def test_occurrence_counts_per_scope(scope, expected):
    rule = make(f'code = "TON903"\nname = "test-occurrence"\nkind = "occurrence"\nscope = "{scope}"\nmax = 1\ntokens = ["very"]\n')
    text = "Very very good.\n\nVery fine. Very nice.\n"
    assert len(run(rule, text)) == expected


def test_metric_min_and_max_with_profile_thresholds():
    high = make('code = "TON904"\nname = "test-metric-max"\nkind = "metric"\nmetric = "copy.words_per_sentence"\n'
                'max = "profile:sentence.words_average"\n')
    low = make('code = "TON905"\nname = "test-metric-min"\nkind = "metric"\nmetric = "copy.words_per_sentence"\nmin = 3\n')
    long_text = ("the tool sends " * 10).strip() + ".\n"  # one sentence of 30 words
    (finding,) = run(high, long_text)
    assert finding.data["scope"] == "document" and finding.data["value"] == 30
    assert run(high, long_text, profile="technical", thresholds={"sentence.words_average": 40}) == ()
    assert len(run(low, "Hi. Go.\n")) == 1 and run(low, long_text) == ()


def test_unknown_kind_is_a_clear_error():
    with pytest.raises(ValueError, match="kind 'regexp'; use one of existence, substitution, occurrence, metric"):
        make('code = "TON906"\nname = "test-bad"\nkind = "regexp"\n')


def test_rules_are_found_by_code_name_and_alias(monkeypatch):
    rule = make('code = "TON907"\nname = "test-alias"\nkind = "existence"\ntokens = ["x"]\naliases = ["old-name"]\n')
    base.all_rules()
    monkeypatch.setitem(registry._REGISTRY, "TON907", rule)
    assert base.find_rule("old-name") is rule
    assert base.find_rule("test-alias") is rule
    assert base.find_rule("ton907") is rule
    with pytest.raises(base.UnknownRule, match="did you mean"):
        base.find_rule("test-alias2")


def test_word_kinds_read_the_sellers_part_of_a_call():
    from plainpitch.call.roles import Roles, apply_roles
    from plainpitch.ingest.transcript import load_transcript_text

    call = "Ana: It is very very fast.\nBen: Very good, very very good.\nAna: Very well.\n"
    doc = apply_roles(load_transcript_text(call, "call.txt", "lines"), Roles(frozenset({"Ana"}), frozenset({"Ben"}), "me"))
    words = make('code = "TON908"\nname = "test-seller-words"\nkind = "existence"\ntokens = ["very"]\n')

    def counted(most):
        return make(f'code = "TON909"\nname = "test-seller-count"\nkind = "occurrence"\nscope = "document"\n'
                    f'max = {most}\ntokens = ["very"]\n')  # fmt: skip

    everyone = make('code = "TON910"\nname = "test-all-words"\nkind = "existence"\ntokens = ["very"]\nreads = "document"\n')
    assert words.meta.scope == "seller" and everyone.meta.scope == "document"

    def run_call(rule):
        return analyze(doc, Config(), rules=[rule]).findings

    assert [f.location.line for f in run_call(words)] == [1, 1, 3]
    # the seller and the buyer each say "very" three times: a window over the whole call counts the seller's three
    assert len(run_call(counted(2))) == 1 and run_call(counted(3)) == ()
    assert len(run_call(everyone)) == 6


def test_a_packs_message_may_use_only_the_fields_its_kind_gives():
    def with_message(message, kind_toml):
        return rule_from_spec({**tomllib.loads(META + kind_toml), "message": message}, "test.toml")

    with pytest.raises(ValueError, match="TON911: message uses count but declares only fields"):
        registry.register(with_message("{count} times", 'code = "TON911"\nname = "test-fields"\nkind = "existence"\n'
                                                        'tokens = ["x"]\n'))  # fmt: skip
    counted = with_message("{count} of {max}: {match}", 'code = "TON912"\nname = "test-fields-ok"\n'
                                                         'kind = "occurrence"\nmax = 1\ntokens = ["very"]\n')  # fmt: skip
    assert counted.meta.fields == ("count", "max")
    assert [f.message for f in run(counted, "Very very good.\n")] == ["2 of 1: Very"]
