"""The detectors on transcribed sales speech: the failure cases the trial of issue 10 found on real calls, each
written as the general shape it stands for (narration, reported speech, fragments, admin and check-ins, tags,
questions talked past, past-tense 'asks', loose follow-ups), and the new signals (objections, buying signals,
deciders not on the call)."""

import pytest

from plainpitch.call.asks import find_ask, find_next_step
from plainpitch.call.questions import (
    ADMIN,
    CHECK,
    DISCOVERY,
    NARRATION,
    REPORTED,
    SMALL_TALK,
    find_questions,
)
from plainpitch.call.sentences import classify
from plainpitch.call.signals import absences, buying_signal, lowercase_words, objection
from plainpitch.call.speech import unstutter
from plainpitch.call_review import review_text


def purposes(sentence):
    return [q.purpose for q in find_questions(sentence)]


@pytest.mark.parametrize(
    "sentence,purpose",
    [
        ("So what is my equity? What am I putting in?", NARRATION),
        ("And he asked me, can you do the same for hotels?", REPORTED),
        ("Do you have any questions or comments before I go on?", CHECK),
        ("Any questions so far?", CHECK),
        ("Do you do you mind if I record this so he can watch it?", ADMIN),
        ("Is it just you and I today?", ADMIN),
        ("Are you in Miami today?", ADMIN),
        ("Where are you based?", SMALL_TALK),
        ("How is the weather over there?", SMALL_TALK),
    ],
)
def test_questions_that_are_not_discovery_on_a_call(sentence, purpose):
    assert purposes(sentence) and set(purposes(sentence)) == {purpose}


@pytest.mark.parametrize(
    "sentence",
    [
        "Which was their first foray into a consolidated database of all their different products.",  # a split
        "Looking at trends, you know, what are the hot markets, is there a lot of activity in a region, etcetera.",
        "So it could be a spelling error, could be a you know?",
    ],
)
def test_fragments_lists_and_tags_are_no_questions(sentence):
    assert [q for q in find_questions(sentence) if q.purpose == DISCOVERY] == []


def test_discovery_questions_survive_speech():
    for sentence in ("how do you handle approvals today", "Forgive me, how many analysts do you have?",
                     "so what does your team do when a deal slips"):  # fmt: skip
        assert DISCOVERY in purposes(sentence), sentence


def test_a_question_talked_past_is_not_discovery_unless_it_is_to_the_listener():
    narration = "What did they do last year in terms of renovations?"
    assert classify(narration, "seller").discovery
    assert not classify(narration, "seller", words_after=40).discovery
    assert classify("What did your team do last year?", "seller", words_after=40).discovery


def test_a_reciprocal_you_after_a_statement_asks_the_same_thing():
    assert classify("You?", "seller", before="I usually give around Christmas.").discovery
    assert not classify("You?", "seller", before="I'm good, thanks.").discovery


def test_unstutter_drops_repeated_words():
    assert unstutter("do you do you mind if I I think we we want") == "do you mind if I think we want"
    assert unstutter("what what is it") == "what is it"
    assert unstutter("no repeats here") == "no repeats here"


@pytest.mark.parametrize(
    "sentence",
    [
        "I was asked to join RealPage to help with their central reporting product.",
        "So long story short, back in January we decided to go ahead and partner up.",
        "Let me go ahead and share my screen.",
        "If I put in my occupancy here, let's say it was eighty seven percent.",
        "Can I ask if you have ever donated to a charity before?",
        "How much money do you spend on snacks every week?",
        "You have no idea how much this will help them.",
    ],
)
def test_what_happened_is_no_ask(sentence):
    assert find_ask(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Can I see if we can exchange your device for a newer one?",
        "Would you be interested in a pilot with your analysts?",
        "Just let me know how much you would be interested in donating.",
    ],
)
def test_offers_are_asks(sentence):
    assert find_ask(sentence) is not None


@pytest.mark.parametrize(
    "sentence,is_step",
    [
        ("Is it all right if I find time in early December on your calendar with your analysts?", True),
        ("I'm interested to learn more and let's find some time in December.", True),
        ("Can we find twenty minutes with Carlos next Tuesday?", True),
        ("I'll follow up on Friday.", True),
        ("Should I follow up with you in a couple of weeks or around Labor Day?", False),
        ("We will be back around Labor Day.", False),
        ("May or may not have the renovation amount.", False),
    ],
)
def test_next_steps_at_week_and_month_level(sentence, is_step):
    assert (find_next_step(sentence) is not None) is is_step


@pytest.mark.parametrize(
    "sentence,kind",
    [
        ("Typically people like this love to live in Excel.", "status quo"),
        ("Honestly, that's too expensive for us this year.", "price"),
        ("We're already using Acme for that.", "competitor"),
        ("I'd have to run it by my CFO first.", "authority"),
        ("My concern is the data migration.", "risk"),
    ],
)
def test_objections_by_kind(sentence, kind):
    found = objection(sentence)
    assert found is not None and found.kind == kind


def test_no_objection_in_ordinary_talk():
    for sentence in ("We export the ledger every Friday.", "The price of the hotel was two million."):
        assert objection(sentence) is None


def test_buying_signals_are_the_buyers_own_interest():
    assert buying_signal("I think that is something we are definitely interested in.")
    assert buying_signal("How soon could we start?")
    assert buying_signal("He was very interested in the underwriting part.") is None
    assert buying_signal("What does it take to make a remote control?") is None


def test_absent_deciders_are_named_people():
    common = lowercase_words("first of all, likewise, truly")
    found = absences(["Carlos, one second.", "He just texted me.", "He says start without me."], common=common)
    assert [(a.name, a.why) for a in found] == [("Carlos", "expected")]
    assert absences(["Likewise.", "Truly, who decides on this?"], common=common) == []
    assert [a.name for a in absences(["I'd have to run it by Priya before we sign."])] == ["Priya"]


CALL = (
    "[00:00:00] Ana: Thanks for joining, Ben. What does your team use for the monthly forecast today?\n"
    "[00:00:10] Ben: Honestly, we live in Excel and the team likes it that way. Carlos texted, he says start without me.\n"
    "[00:00:20] Ana: Excel is where errors hide. Our platform replaces the spreadsheets with one model that everyone "
    "edits at once, tracks every change, checks every formula and rolls up every region overnight, so the board "
    "pack builds itself on the first working day of the month.\n"
    "[00:01:00] Ben: That is exactly what we need.\n"
    "[00:01:05] Ana: Great. It also exports to Excel.\n"
    "[00:01:10] Ben: Nice.\n"
)


def test_the_new_coaching_on_one_call():
    report = review_text(CALL, "call.txt", me=["Ana"])
    codes = {f.code for f in report.findings}
    assert {"TLK010", "TLK011", "TLK012"} <= codes
    call = report.details["call"]
    assert call["objections"][0]["kind"] == "status quo" and not call["objections"][0]["answered_with_question"]
    assert call["buying_signals"][0]["followed_by_next_step"] is False
    assert call["absent_deciders"][0]["name"] == "Carlos"
    kinds = [m["kind"] for m in call["moments"]]
    assert {"objection", "buying_signal", "absent_decider"} <= set(kinds)
    metrics = {m.name: m.value for m in report.metrics}
    assert metrics["call.objections.buyer"] == 1 and metrics["call.objections_explored.seller"] == 0
    assert metrics["call.buying_signals.buyer"] == 1


def test_a_demo_with_no_questions_is_coached_too():
    lines = ["[00:00:00] Ana: Thanks for joining. Let me share my screen. As you can see, this is the dashboard."]
    for minute in range(1, 32, 2):
        lines.append(f"[00:{minute:02d}:00] Ben: Okay.")
        lines.append(f"[00:{minute + 1:02d}:00] Ana: Here you can see the report for the month {minute}.")
    report = review_text("\n".join(lines) + "\n", "demo.txt", me=["Ana"])
    assert report.details["call"]["type"] == "demo"
    tlk3 = [f for f in report.findings if f.code == "TLK003"]
    assert tlk3 and "demo call" in tlk3[0].message


def _unstutter_by_slices(text):
    """unstutter as first written: every run compared by slicing, at every word."""
    import re

    words = re.findall(r"\S+", text)
    if len(words) < 2:
        return text
    keys = [w.strip(",").lower() for w in words]
    if len(set(keys)) == len(keys):
        return text
    out, i, n = [], 0, len(words)
    while i < n:
        for size in (3, 2, 1):
            if i + 2 * size <= n and keys[i : i + size] == keys[i + size : i + 2 * size]:
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    return " ".join(out)


def test_unstutter_answers_as_the_slice_by_slice_comparison():
    import random

    rng = random.Random(5)
    vocab = ["we", "We,", "do", "you", "you,", "mind", "the", "I", "i", "think", "a", "a,"]
    for _ in range(3000):
        text = " ".join(rng.choice(vocab) for _ in range(rng.randrange(0, 14)))
        assert unstutter(text) == _unstutter_by_slices(text), text
