"""The thresholds table: every audience defines the same keys, and stricter audiences are stricter."""

import pytest

from plainpitch.profiles import AUDIENCES, CONTEXTS, DEFAULTS, thresholds

# key -> True when a larger value is more permissive (the technical reader tolerates more)
MORE_IS_LENIENT = {
    "grade.hard": True,
    "grade.very_hard": True,
    "sentence.words_hard": True,
    "sentence.words_very_hard": True,
    "grade.document": True,
    "paragraph.words_max": True,
    "paragraph.sentences_max": True,
    "jargon.zipf_max": False,  # a higher Zipf bar flags more words as rare
    "jargon.level": False,  # a higher level flags more vocabulary
}


@pytest.mark.parametrize("context", CONTEXTS)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_every_profile_has_every_copy_key(audience, context):
    merged = thresholds(audience, context)
    for key in MORE_IS_LENIENT:
        assert isinstance(merged[key], (int, float)), key


@pytest.mark.parametrize("key", sorted(MORE_IS_LENIENT))
def test_technical_is_most_lenient_and_consumer_strictest(key):
    tech, biz, cons = (thresholds(a, "self-serve")[key] for a in ("technical", "business", "consumer"))
    if MORE_IS_LENIENT[key]:
        assert tech >= biz >= cons, (key, tech, biz, cons)
    else:
        assert tech <= biz <= cons, (key, tech, biz, cons)


def test_very_hard_is_harder_than_hard():
    for audience in AUDIENCES:
        t = thresholds(audience, "self-serve")
        assert t["grade.very_hard"] > t["grade.hard"]
        assert t["sentence.words_very_hard"] > t["sentence.words_hard"]


def test_overrides_win_and_defaults_are_not_changed():
    before = dict(DEFAULTS)
    merged = thresholds("consumer", "enterprise", {"grade.hard": 20, "custom.key": 1})
    assert merged["grade.hard"] == 20 and merged["custom.key"] == 1
    assert DEFAULTS == before


def test_business_is_the_defaults():
    from plainpitch.profiles import CONTEXT_THRESHOLDS

    merged = thresholds("business", "self-serve")
    for key, value in DEFAULTS.items():
        if key not in CONTEXT_THRESHOLDS.get("self-serve", {}):
            assert merged[key] == value, key
