"""Shortcuts in the call analysis against the code they replaced, on the test transcripts and generated calls."""

import random
from dataclasses import replace
from pathlib import Path

import pytest

from plainpitch.call import details, facts, roles
from plainpitch.ingest.transcript import load_transcript

ROOT = Path(__file__).resolve().parents[1]
CALLS = [p for p in sorted((ROOT / "tests" / "data" / "transcripts").iterdir())
         if p.suffix in (".vtt", ".srt", ".json", ".txt", ".md") and p.name != "README.md"]  # fmt: skip


def _old_apply_roles(doc, decided):
    units = []
    for unit in doc.units:
        turn = unit.turn
        if turn is not None:
            role = decided.role_of(turn.speaker)
            if role != turn.role:
                unit = replace(unit, turn=replace(turn, role=role))
        units.append(unit)
    return units


@pytest.mark.parametrize("path", CALLS, ids=[p.name for p in CALLS])
def test_apply_roles_builds_the_units_replace_built(path):
    doc = load_transcript(str(path))
    for me in ((), ("Nobody",), tuple(roles.speakers_in_order(doc)[:1])):
        decided = roles.assign_roles(doc, me)
        new = roles.apply_roles(doc, decided)
        old = _old_apply_roles(doc, decided)
        assert list(new.units) == old
        assert [u.turn for u in new.units] == [u.turn for u in old]  # every field of the turn, the role included
        assert any(u.turn is not None and u.turn.role != "unknown" for u in new.units)


def _old_times(f):
    times = {}
    for s in f.sentences:
        times.setdefault(s.sentence, s.time)
    return times


@pytest.mark.parametrize("path", CALLS, ids=[p.name for p in CALLS])
def test_sentence_times_equal_the_dict_of_every_sentence(path):
    f = facts.compute(roles.with_roles(replace(load_transcript(str(path)), medium="call")))
    old = _old_times(f)
    got = details._sentence_times(f)
    for si in range(-1, len(f.doc.sentences) + 2):
        assert got.get(si) == old.get(si)


def test_sentence_times_out_of_order_facts_use_the_dict():
    rng = random.Random(2)
    fs = [facts.SentenceFact(rng.randrange(20), 0, "seller", float(i), None, False, None, None, (), 0, False)
          for i in range(60)]  # fmt: skip

    class Fake:
        sentences = fs

    got = details._sentence_times(Fake())
    old = _old_times(Fake())
    assert got._times is not None  # not in order: the dict
    assert all(got.get(si) == old.get(si) for si in range(-1, 22))
    in_order = sorted(fs, key=lambda f: f.sentence)
    Fake.sentences = in_order
    got = details._sentence_times(Fake())
    assert got._times is None and all(got.get(si) == _old_times(Fake()).get(si) for si in range(-1, 22))


@pytest.mark.parametrize("path", CALLS, ids=[p.name for p in CALLS])
def test_turn_facts_equal_the_facts_grouped_by_turn(path):
    f = facts.compute(roles.with_roles(replace(load_transcript(str(path)), medium="call")))
    grouped = facts._by_turn(f.sentences)
    assert isinstance(f.by_turn, facts.TurnFacts)
    assert dict(f.by_turn) == grouped and list(f.by_turn) == list(grouped) and len(f.by_turn) == len(grouped)
    for pos in (-1, len(f.turns), len(f.turns) + 5, "1"):
        assert f.by_turn.get(pos, ()) == ()
    assert all(f.by_turn.get(t.pos, ()) == grouped.get(t.pos, ()) for t in f.turns)


def test_turn_facts_leave_out_turns_without_facts():
    from array import array

    fs = [facts.SentenceFact(i, pos, "seller", 0.0, None, False, None, None, (), 0, False)
          for i, pos in enumerate([0, 0, 2, 3, 3, 3])]  # fmt: skip
    by_turn = facts.TurnFacts(fs, array("i", [0, 2, 2, 3, 6]), array("i", [2, 2, 3, 6, 6]))
    assert dict(by_turn) == facts._by_turn(fs) == {0: fs[0:2], 2: fs[2:3], 3: fs[3:6]}
    for pos in (1, 4):
        assert pos not in by_turn and by_turn.get(pos, ()) == ()
        with pytest.raises(KeyError):
            by_turn[pos]
