"""The per-document word sets that gate word-list patterns (text/wordsets.py): a gated pattern finds exactly what
the pattern finds on the whole text, proved for the folding over every code point, for each trigger list against
every string its pattern can match, and on long and hostile documents against the ungated code."""

import re
import tomllib
from pathlib import Path
from re import _constants as C  # noqa: N812 - the regex parser's own names
from re import _parser as P  # noqa: N812

import pytest

import regex_words
from plainpitch.analysis import asks as ask
from plainpitch.analysis import proof, reader
from plainpitch.config import Config
from plainpitch.engine import analyze
from plainpitch.ingest import load_text
from plainpitch.rules import kinds
from plainpitch.rules.checks import not_yet, style
from plainpitch.rules.kinds import rule_from_spec
from plainpitch.text.wordsets import Phrases, case_free, fold, phrase_triggers, runs, word_sets
from regex_words import DIGIT, EDGE, NONWORD, UNKNOWN, finite_strings

ROOT = Path(__file__).resolve().parents[1]
PACKS = ROOT / "src" / "plainpitch" / "rules" / "packs"
EVERY_CHAR = "".join(map(chr, range(0x110000)))
SPECIALS = {"i": "ıİ", "s": "ſ", "k": "K"}  # the non-ASCII letters re.IGNORECASE matches to an ASCII one


# -- folding ------------------------------------------------------------------------------------------------
def test_fold_keeps_length_and_the_word_digit_and_space_classes_of_every_code_point():
    folded = fold(EVERY_CHAR)
    assert len(folded) == len(EVERY_CHAR)
    for cls in (r"\w", r"\d", r"\s"):
        pattern = re.compile(cls)
        assert [m.start() for m in pattern.finditer(folded)] == [m.start() for m in pattern.finditer(EVERY_CHAR)]


def test_fold_maps_every_character_an_ascii_literal_matches_case_blind_to_that_literal():
    for letter in "abcdefghijklmnopqrstuvwxyz0123456789_":
        matched = re.findall(re.escape(letter), EVERY_CHAR, re.IGNORECASE)
        assert {fold(c) for c in matched} == {letter}, letter
    # and nothing else folds to an ASCII character it would not match
    folded = fold(EVERY_CHAR)
    for original, new in zip(EVERY_CHAR, folded, strict=True):
        if new != original and new.isascii():
            assert re.fullmatch(re.escape(new), original, re.IGNORECASE), hex(ord(original))


def test_runs_are_folded_maximal_word_runs():
    assert runs("E-mail ſALE İstanbul don't") == ["e", "mail", "sale", "istanbul", "don", "t"]


# -- what a pattern can match, to prove its trigger list --------------------------------------------------------
def _bounded_alternatives(pattern):
    """The alternatives of a ``\\b(?:a|b|…)\\b`` pattern (asserting that shape)."""
    items = list(P.parse(pattern.pattern, pattern.flags))
    assert items[0] == (C.AT, C.AT_BOUNDARY) and items[-1] == (C.AT, C.AT_BOUNDARY) and len(items) == 3
    op, av = items[1]
    if op is C.BRANCH:  # the parser inlines a non-capturing group
        return av[1]
    assert op is C.SUBPATTERN
    inner = list(av[-1])
    return inner[0][1][1] if len(inner) == 1 and inner[0][0] is C.BRANCH else [inner]


@pytest.mark.parametrize(("pattern", "triggers"), [
    (reader._DEV_WORDS_RE, reader._DEV_TRIGGERS), (reader._CONSUMER_RE, reader._CONSUMER_TRIGGERS),
    (reader._BUSINESS_RE, reader._BUSINESS_TRIGGERS),
])  # fmt: skip
def test_every_string_the_reader_word_lists_match_holds_a_trigger_as_a_whole_word(pattern, triggers):
    for alternative in _bounded_alternatives(pattern):
        for string in finite_strings(alternative):
            # between \b and \b, each \w run of the string is a whole run of the text it matches
            assert "\n" not in string and string[:1].isalnum() and string[-1:].isalnum(), string
            assert set(runs(string)) & triggers, string


def _letters_lower_ascii(items) -> bool:
    """Every letter the parsed pattern names is lower-case ASCII, and no class range spans upper case."""
    for op, av in items:
        if op in (C.LITERAL, C.NOT_LITERAL):
            c = chr(av)
            if c.isalpha() and not (c.isascii() and c.islower()):
                return False
        elif op is C.IN:
            for o, a in av:
                if o in (C.LITERAL, C.NOT_LITERAL) and not _letters_lower_ascii([(o, a)]):
                    return False
                if o is C.RANGE and any(chr(x).isalpha() and not ("a" <= chr(x) <= "z") for x in range(a[0], a[1] + 1)):
                    return False
        elif op is C.SUBPATTERN and not _letters_lower_ascii(av[-1]):
            return False
        elif op is C.BRANCH and not all(_letters_lower_ascii(alt) for alt in av[1]):
            return False
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and not _letters_lower_ascii(av[2]):
            return False
        elif op in (C.ASSERT, C.ASSERT_NOT) and not _letters_lower_ascii(av[1]):
            return False
    return True


TWINNED = [reader._DEV_WORDS_RE, reader._CONSUMER_RE, reader._BUSINESS_RE]


@pytest.mark.parametrize("pattern", TWINNED)
def test_case_free_twins_name_only_lower_case_ascii_letters(pattern):
    assert pattern.flags & re.IGNORECASE
    assert _letters_lower_ascii(P.parse(pattern.pattern, pattern.flags))


def test_a_pattern_with_capitals_fails_the_twin_check():
    assert not _letters_lower_ascii(P.parse(r"\b(?:[A-Z]x|api)\b", re.IGNORECASE))
    assert not _letters_lower_ascii(P.parse(r"\bcafé\b", re.IGNORECASE))


# -- hostile text: every listed word in odd cases, the letters re matches case-blind, glued and split ---------------
def _variants(word: str) -> list[str]:
    out = [word, word.upper(), word.title(), "x" + word, word + "_", "-" + word + "-"]
    for ascii_letter, others in SPECIALS.items():
        for other in others:
            if ascii_letter in word:
                out.append(word.replace(ascii_letter, other))
    return out


def _hostile_text(words) -> str:
    lines = []
    for word in sorted(words):
        lines += [f"We use {part} daily." for part in _variants(word)]  # a unit each: no variant rides on another
        lines.append(f"{word}\n{word}")  # a line break inside a unit
    return "\n\n".join(lines)


def _reference_reader_counts(doc):
    """What infer_reader counted before the gate: each pattern over the whole text."""
    text = doc.text
    return ([m.group(0).lower() for m in reader._DEV_WORDS_RE.finditer(text)], len(reader._CONSUMER_RE.findall(text)),
            len(reader._BUSINESS_RE.findall(text)))  # fmt: skip


def _gated_reader_counts(doc):
    sets, text = word_sets(doc), doc.text
    return ([text[s:e].lower() for s, e in sets.find(reader._DEV_WORDS_TWIN, reader._DEV_TRIGGERS)],
            len(sets.find(reader._CONSUMER_TWIN, reader._CONSUMER_TRIGGERS)),
            len(sets.find(reader._BUSINESS_TWIN, reader._BUSINESS_TRIGGERS)))  # fmt: skip


def _every_reader_string():
    return {s for p in TWINNED for alt in _bounded_alternatives(p) for s in finite_strings(alt)}


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_gated_reader_counts_equal_the_whole_text_counts_on_hostile_text(fmt):
    doc = load_text(_hostile_text(_every_reader_string()), "t.md" if fmt == "markdown" else "t.txt", fmt)
    reference = _reference_reader_counts(doc)
    assert reference[0] and reference[1] and reference[2]  # the text does hold matches to find
    assert _gated_reader_counts(doc) == reference


def _long_document():
    """Real pages (front matter left out) and an e-mail, forty times over (130,000 characters)."""
    pages = [ROOT / "examples" / "landing-page.md", ROOT / "tests" / "data" / "sales" / "proposal.md",
             ROOT / "examples" / "cold-email.txt", ROOT / "tests" / "data" / "sales" / "cold-email-short.txt"]  # fmt: skip
    texts = [re.sub(r"\A---\n.*?\n---\n", "", p.read_text(encoding="utf-8"), flags=re.S) for p in pages]
    return load_text("\n\n".join(texts * 40), "long.md", "markdown")


def test_gated_reader_counts_equal_the_whole_text_counts_on_a_long_document():
    doc = _long_document()
    assert len(doc.text) > 100_000
    assert _gated_reader_counts(doc) == _reference_reader_counts(doc)


def test_a_document_with_text_outside_its_units_is_searched_whole():
    doc = load_text("Our developers ship.\n\nThe API is fast.", "t.txt", "text")
    first = doc.units[0]
    from dataclasses import replace

    odd = replace(doc, units=(replace(first, end=first.end - 5),) + doc.units[1:])  # "ship." outside every unit
    assert not word_sets(odd).units_fill_text()
    assert word_sets(doc).units_fill_text()
    assert _gated_reader_counts(odd) == _reference_reader_counts(odd)


# -- the TOML word rules ----------------------------------------------------------------------------------------
def _pack_specs():
    for pack in sorted(PACKS.glob("*.toml")):
        for spec in tomllib.loads(pack.read_text(encoding="utf-8")).get("rule", []):
            if spec.get("kind") in ("existence", "substitution", "occurrence"):
                yield pytest.param(spec, id=spec["code"])


def _phrases(spec):
    return spec.get("tokens") or list(spec.get("swap", {}))


def _hits(rule, doc):
    return [(h.span, h.args, h.suggestions, h.data) for h in analyze(doc, Config(), rules=[rule]).findings]


@pytest.mark.parametrize("spec", list(_pack_specs()))
def test_gated_word_rules_find_what_the_ungated_ones_find(spec, monkeypatch):
    phrases = _phrases(spec)
    text = _hostile_text({w for p in phrases for w in [p, *p.split()]}) + "\n\n" + _long_document().text[:60_000]
    doc = load_text(text, "t.md", "markdown")
    gated = rule_from_spec(spec, "test.toml")
    monkeypatch.setattr(kinds, "phrase_triggers", lambda phrases: None)
    ungated = rule_from_spec(spec, "test.toml")
    expected = [(f.span, f.message, f.suggestions, f.data) for f in analyze(doc, Config(all=True), rules=[ungated]).findings]
    assert expected  # the hostile text holds matches
    got = [(f.span, f.message, f.suggestions, f.data) for f in analyze(doc, Config(all=True), rules=[gated]).findings]
    assert got == expected


def test_phrase_triggers_take_a_whole_word_of_each_phrase():
    assert phrase_triggers(["a number of", "#1", "world's best", "best-in-class"]) == {"number", "1", "world", "class"}
    assert phrase_triggers(["Best Of BREED"]) == {"breed"}  # folded
    assert phrase_triggers(["—"]) is None  # no word: no gate
    assert phrase_triggers(["café"]) is None


def test_case_free_twin_finds_on_folded_text_what_the_pattern_finds():
    pattern = re.compile(r"\b(?:sales|kids|api)\b", re.IGNORECASE)
    text = "SALES ſales Kids KIDS kİds apı API x_api sales_"
    assert [m.span() for m in case_free(pattern).finditer(fold(text))] == [m.span() for m in pattern.finditer(text)]


# -- proof: patterns with unbounded parts, proved on an abstract language -----------------------------------------
# Each string a pattern matches is written with literal characters where the pattern names them and markers for
# what it does not: NONWORD stands for one or more characters that are not word characters (\s+), UNKNOWN for
# anything (\d+, [\w-]+, [^.!?]{0,20}), EDGE for a \b. A run of literal word characters is a whole word of the
# matched text when a literal non-word character, NONWORD or EDGE is on each side of it.
# (tests/regex_words.py: the one reader of a pattern's language, shared with the call gates' proofs)


def _abstract(seq):
    return regex_words.abstract(seq, 300_000)


def _whole_words(string):
    """The folded whole words of an abstract string."""
    return {fold(w) for w in regex_words.whole_words(string)}


def _unproved(pattern, triggers):
    """The abstract strings of the pattern that hold no trigger as a whole word."""
    strings = _abstract(P.parse(pattern.pattern, pattern.flags))
    return [s for s in strings if not (_whole_words(s) & triggers)]


@pytest.mark.parametrize("kind", ["customers", "named", "result", "benchmark"])
def test_every_string_a_proof_pattern_matches_holds_one_of_its_trigger_words(kind):
    assert not _unproved(dict(proof._KINDS)[kind], proof._TRIGGERS[kind])


def test_a_rating_holds_a_digit_a_star_or_one_of_its_words():
    unproved = _unproved(proof._RATING_RE, proof._RATING_WORDS)
    assert unproved and all(set(s) & set("0123456789★⭐") for s in unproved)


def test_the_prover_rejects_a_trigger_list_that_misses_a_word():
    assert _unproved(dict(proof._KINDS)["customers"], proof._TRIGGERS["customers"] - {"join"})
    assert _unproved(re.compile(r"x(?:api|apis)\b"), frozenset({"api", "apis"}))  # glued to "x": not a whole word
    assert _unproved(re.compile(r"\d+(?:api|apis)\b"), frozenset({"api", "apis"}))
    assert not _unproved(re.compile(r"\s(?:api|apis)\b"), frozenset({"api", "apis"}))
    assert not _unproved(re.compile(r"\b(?:api|apis)[.,]"), frozenset({"api", "apis"}))


def _reference_proof(doc, monkeypatch):
    """find_proof before the gate: every pattern on every unit (digits aside, as before)."""
    every = set(range(len(doc.units)))
    with monkeypatch.context() as m:
        m.setattr(proof, "_candidates", lambda doc: dict.fromkeys([*proof._TRIGGERS, "rating", "any"], every))
        return proof.find_proof(doc)


def test_gated_proof_finds_what_every_pattern_on_every_unit_finds(monkeypatch):
    words = {w for t in proof._TRIGGERS.values() for w in t} | proof._RATING_WORDS
    text = _hostile_text(words) + "\n\n" + (
        "Trusted by 4,000 teams.\n\nJoin 20k marketers.\n\n4.8/5 on G2.\n\n★★★★★\n\nCut costs by 40%.\n\n"
        "We halved it, in half the time.\n\n2.3 s vs 9.1 s.\n\nHelped 200+ SaaS leaders.\n\n5x faster than grep.\n\n"
        "Our customers include Acme.\n\nTrusted by Shopify.\n\nour customers: Acme.\n\nAs seen on Product Hunt.\n\n")  # fmt: skip
    doc = load_text(text * 3 + _long_document().text, "t.md", "markdown")
    expected = _reference_proof(doc, monkeypatch)
    assert {p.kind for p in expected} >= {"customers", "named", "result", "rating", "benchmark"}
    assert proof.find_proof(doc) == expected


# -- asks: literal prefilters ----------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["_NEGATED_RE", "_ASK_ANYWHERE_RE", "CALENDAR_RE", "_CONTACT_ME_RE", "URL_RE"])
def test_every_string_an_ask_pattern_matches_holds_one_of_its_literals(name):
    pattern = getattr(ask, name)
    needs = ask._NEEDS[pattern]
    strings = _abstract(P.parse(pattern.pattern, pattern.flags))
    missing = [s for s in strings if not needs.search(fold(s))]
    assert not missing, missing[:5]


def test_an_ask_literal_list_missing_one_fails_the_proof():
    strings = _abstract(P.parse(ask.CALENDAR_RE.pattern, ask.CALENDAR_RE.flags))
    assert any(not re.search("cal|hubspot|chilipiper|time", fold(s)) for s in strings)  # "slot" left out


def _examples(pattern):
    """Real sentences made from what the pattern matches (markers as a space or a word), in three cases."""
    strings = sorted(_abstract(P.parse(pattern.pattern, pattern.flags)))[:400]
    out = []
    for s in strings:
        plain = s.replace(NONWORD, " ").replace(UNKNOWN, "x1").replace(DIGIT, "1").replace(EDGE, "")
        out += [f"Well, {plain} today.", f"{plain.upper()} now?", f"We {plain.title()}."]
    return out


def test_gated_asks_find_what_the_ungated_ones_find(monkeypatch):
    sentences = [e for p in ask._NEEDS for e in _examples(p)]
    sentences += ["Reply to this email.", "Grab a time at calendly.com/ana", "Email me at ana@acme.com.",
                  "You don't need to install anything.", "See https://acme.com/pricing for plans.",
                  "BOOK A DEMO", "Ready to try it?", "My calendar is open."]  # fmt: skip
    text = "\n\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3))
    for medium in ("page", "email", "proposal"):
        doc = load_text(text + "\n\n" + _long_document().text, "t.md", "markdown")
        gated = ask._find_asks(doc, medium)
        with monkeypatch.context() as m:
            m.setattr(ask, "_NEEDS", {p: re.compile("") for p in ask._NEEDS})
            ungated = ask._find_asks(doc, medium)
        assert len(ungated) > 50 and gated == ungated


# -- clichés: sentences that hold every word of one -------------------------------------------------------------
def test_phrases_are_held_only_when_every_word_is():
    phrases = Phrases(["at the end of the day", "don't rock the boat", "café au lait"])
    assert phrases.held_in(frozenset("so at the end of the day we win".split()))
    assert not phrases.held_in(frozenset("at the end of the week".split()))
    assert phrases.held_in(frozenset(runs("Don’t ROCK the boat")))
    assert phrases.held_in(frozenset(["au", "lait"]))  # café is not ASCII: the other words gate it
    assert not Phrases(["—", "day"]).gate and Phrases(["—"]).held_in(frozenset())


def test_gated_cliches_find_what_every_sentence_finds(monkeypatch):
    phrases = [" ".join(p) for ps in style._cliches().values() for p in ps]
    lines = []
    for i, phrase in enumerate(phrases):
        variant = _variants(phrase)[i % 6]  # the phrase as written, upper case, title case, glued to x, ...
        lines.append(f"We said {variant} and left. Then {phrase.replace(' ', '  ')}!")
    text = "\n\n".join(lines) + "\n\n" + _long_document().text
    doc = load_text(text, "t.md", "markdown")
    gated = [(h.span, h.args) for h in style.cliche(doc, None)]
    monkeypatch.setattr(style, "_cliche_words", lambda: Phrases(["—"]))  # no gate
    ungated = [(h.span, h.args) for h in style.cliche(doc, None)]
    assert len(ungated) > len(phrases) and gated == ungated


# -- once per Document ----------------------------------------------------------------------------------------
def test_per_document_values_are_made_once_and_forgotten_with_the_document():
    import gc

    from plainpitch.analysis import regions
    from plainpitch.text import wordsets

    doc = load_text("Hi Sam,\n\nOur tool saves time.\n\nBest,\nAna", "e.txt", "text")
    calls = []
    assert wordsets.per_document(doc, "t", lambda: calls.append(1) or 5) == 5
    assert wordsets.per_document(doc, "t", lambda: calls.append(1) or 6) == 5 and calls == [1]
    first = regions.body_units(doc)
    first.append(99)  # a caller's list is its own
    assert regions.body_units(doc) == regions._body_units(doc) and 99 not in regions.body_units(doc)
    key = id(doc)
    del doc, first
    gc.collect()
    assert key not in wordsets._CACHE


def test_body_units_once_per_document_equal_the_walk_on_a_long_document():
    from plainpitch.analysis import regions

    doc = _long_document()
    assert regions.body_units(doc) == regions._body_units(doc) and regions.body_units(doc)


def test_infer_reader_counts_what_the_whole_text_patterns_count():
    doc = load_text(_hostile_text(_every_reader_string()) + "\n\n" + _long_document().text, "t.md", "markdown")
    dev, consumer, business = _reference_reader_counts(doc)
    evidence = reader.infer_reader(doc).evidence
    assert (evidence["developer_words"], evidence["developer_words_distinct"], evidence["consumer_words"],
            evidence["business_words"]) == (len(dev), len(set(dev)), consumer, business)  # fmt: skip


def test_every_string_the_not_yet_pattern_matches_holds_soon_as_a_whole_word():
    assert not _unproved(not_yet._NOT_YET_RE, not_yet._NOT_YET_TRIGGERS)


def test_gated_not_yet_finds_what_every_unit_finds(monkeypatch):
    page = ("# Plans\n\nSSO (coming soon) and audit logs.\n\n- Exports (Soon)\n- Teams: COMING SOON!\n\n"
            "## Roadmap\n\n- Mobile app, coming soon\n\n## Features\n\n\u201cComing soon\u201d pill.\n\n"
            "| Plan | SSO |\n|---|---|\n| Pro | available soon |\n\nSoon available: ſoon-ish plans, coming ſoon.\n\n"
            "Nothing here.\n\n")  # fmt: skip
    doc = load_text(page * 5, "page.md")
    found = not_yet.not_yet(doc)
    monkeypatch.setattr(not_yet, "_NOT_YET_TRIGGERS", None)  # no gate: every unit searched
    assert found == not_yet.not_yet(doc) and len(found) >= 20
