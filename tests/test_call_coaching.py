"""One finding per problem, and next steps that are loose rather than missing: what a sales manager would raise.

- Several long monologues (TLK002) or feature tours (TLK006) on one call are one finding, on the worst, with the
  others in its data and in the report's line; a monologue that another rule coaches (a tour, an objection answered
  with a pitch) is that rule's.
- "No next step" (TLK007, error) is not "a next step with no date" (TLK013, warning); the same loose step answers a
  buying signal (TLK011) and brings in an absent decider (TLK012), whose fix never asks for a meeting the call says
  cannot happen.

Every call here is written for the test, as WebVTT with measured times, and read by the real loader.
"""

import pytest

from plainpitch.call.asks import find_loose_step, find_next_step
from plainpitch.call.signals import is_away
from plainpitch.call_review import review_text
from plainpitch.emit.call import render_call


def vtt(*cues):
    """cues: (start_s, end_s, speaker, text) -> a WebVTT transcript."""

    def stamp(s):
        return f"{int(s // 3600):02d}:{int(s % 3600 // 60):02d}:{s % 60:06.3f}"

    out = ["WEBVTT", ""]
    for start, end, who, text in cues:
        out += [f"{stamp(start)} --> {stamp(end)}", f"<v {who}>{text}</v>", ""]
    return "\n".join(out)


def review(*cues, **kw):
    return review_text(vtt(*cues), "call.vtt", me=["Ana"], **kw)


def found(report, code):
    return [f for f in report.findings if f.code == code]


BACKGROUND = (
    "I started my career as an analyst in a bank twenty years ago. Then I worked at a consultancy for eight years. "
    "We founded the company in 2018 with two friends from that firm. We raised our first round a year later. "
    "We opened an office in Lisbon and hired our first engineers there. I spent most of that year on the road "
    "with customers, and we built the first version of the platform together with them. "
) * 2
PITCH = (
    "The platform brings every ledger into one place. The numbers stay the same from the close to the board pack. "
    "Everyone works from one version, and nothing gets lost between teams. That is what the platform is for. "
) * 3
ANSWER = (
    "Each subsidiary keeps its ledger in its own currency. Every night the balances are translated at the closing "
    "rate and the transactions at the average rate. The differences go to a translation reserve, the intercompany "
    "balances are eliminated, and the group figures are ready in the morning. "
) * 3
NARRATION = (
    "Let me share my screen. Here you can see the list of entities. If I click on one, it opens the ledger. "
    "The ledger comes from the nightly import, and the import runs on its own every night. The totals at the top "
    "come from the trial balance, and they match what the auditors saw last year. "
) * 3


# -- TLK002: the worst monologue, the rest listed --------------------------------------------------------------------
def monologue_call():
    return review(
        (0, 10, "Ana", "Thanks for joining, Ben."),
        (10, 14, "Ben", "Happy to be here."),
        (14, 200, "Ana", BACKGROUND),  # the seller's history before the buyer has said anything: the one to raise
        (200, 230, "Ben", "We close the books for twelve subsidiaries, and it takes us three weeks every month. "
                          "How does the consolidation work with subsidiaries in other currencies?"),
        (230, 480, "Ana", ANSWER),  # longer, but the buyer asked for it
        (480, 500, "Ben", "I see, that is more or less what we do by hand today, with a lot of spreadsheets."),
        (500, 680, "Ana", NARRATION),
        (680, 690, "Ben", "Okay, that is clear enough for now, thank you."),
        (690, 700, "Ana", "I'll send you the proposal by Friday."),
    )


def test_several_long_monologues_are_one_finding_on_the_worst():
    report = monologue_call()
    (tlk2,) = found(report, "TLK002")
    assert tlk2.time == 14 and tlk2.data["kind"] == "background"
    assert "the seller's background and history" in tlk2.message and "(2 more over 2:00)" in tlk2.message
    # the others, in call order, with what they were
    assert [(a["clock"], a["kind"]) for a in tlk2.data["also"]] == [("3:50", "answer"), ("8:20", "narration")]
    kinds = {m["start"]: m["kind"] for m in report.details["call"]["monologues"] if m["over_limit"]}
    assert kinds == {14: "background", 230: "answer", 500: "narration"}


def test_the_report_gives_the_others_on_the_findings_line():
    out = render_call(monologue_call(), "text")
    assert out.count("TLK002") == 1
    assert "at 0:14 (3:06, line 10); also at 3:50 (4:10, answer to a question), 8:20 (3:00, demo narration)" in out


# the seller asked, the buyer told their story: what comes next is no longer the opening
ASKED = [
    (0, 10, "Ana", "Thanks for joining, Ben. What made you take the call?"),
    (10, 60, "Ben", "We close the books for twelve subsidiaries, and it takes three weeks every month, which "
                    "is why the board asked us to look at tools this year."),
]


def test_a_pitch_nobody_asked_for_outranks_a_longer_answer():
    report = review(
        *ASKED,
        (60, 200, "Ana", PITCH),
        (200, 215, "Ben", "How does the consolidation work with subsidiaries in other currencies?"),
        (215, 500, "Ana", ANSWER),
        (500, 510, "Ben", "Thanks, that helps."),
        (510, 520, "Ana", "I'll send you the proposal by Friday."),
    )
    (tlk2,) = found(report, "TLK002")
    assert tlk2.time == 60 and tlk2.data["kind"] == "pitch" and tlk2.data["also"][0]["kind"] == "answer"


def test_one_long_monologue_is_one_finding_with_nothing_else_listed():
    report = review(
        *ASKED,
        (60, 200, "Ana", PITCH),
        (200, 210, "Ben", "Okay, thank you, that is helpful to know."),
        (210, 220, "Ana", "I'll send you the proposal by Friday."),
    )
    (tlk2,) = found(report, "TLK002")
    assert tlk2.data["also"] == [] and "more over" not in tlk2.message


def test_an_objection_answered_with_a_pitch_is_tlk010s_not_a_second_monologue_finding():
    report = review(
        (0, 10, "Ana", "Thanks for joining, Ben. What does your team use for the close today?"),
        (10, 30, "Ben", "Honestly, we live in Excel and the team likes it that way."),
        (30, 200, "Ana", PITCH),
        (200, 210, "Ben", "Okay, I see what you mean by that."),
        (210, 220, "Ana", "I'll send you the proposal by Friday."),
    )
    assert len(found(report, "TLK010")) == 1
    assert found(report, "TLK002") == []  # the same passage, the same problem: one finding
    (mono,) = [m for m in report.details["call"]["monologues"] if m["over_limit"]]
    assert mono["kind"] == "objection"


def tour(minutes_from, n):
    lines = [f"Here you can see the {w} for every deal." for w in ("pipeline", "model", "rent roll", "comps", "budget",
                                                                  "forecast", "returns", "waterfall", "history")]  # fmt: skip
    lines += ["If I click on a deal, it opens the details.", "You can filter the list by region.",
              "We also have a market tab with the sales.", "This is where you enter the loan terms."]  # fmt: skip
    return " ".join(lines[:n] * 2)


def test_several_feature_tours_are_one_finding_on_the_longest():
    report = review(
        (0, 10, "Ana", "Thanks for joining, Ben. What would you like to see today?"),
        (10, 40, "Ben", "Mostly how you handle the underwriting, from the first look at a deal to the model."),
        (40, 200, "Ana", tour(0, 10)),
        (200, 215, "Ben", "Okay. And where does the acquisition model sit in all of that?"),
        (215, 600, "Ana", tour(0, 13)),
        (600, 610, "Ben", "Right, thanks for showing me all of that."),
        (610, 620, "Ana", "I'll send you the proposal by Friday."),
    )
    (tlk6,) = found(report, "TLK006")
    assert tlk6.time == 215 and tlk6.data["kind"] == "tour" and "(1 more: 0:40)" in tlk6.message
    assert [(a["clock"], a["kind"]) for a in tlk6.data["also"]] == [("0:40", "tour")]
    assert found(report, "TLK002") == []  # tours are TLK006's
    out = render_call(report, "text")
    assert out.count("TLK006") == 1 and "also at 0:40 (2:40)" in out


# -- next steps: missing, loose, firm --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence,lacks",
    [
        ("What I'll do as a next step is share the recording with Priya.", "date"),
        ("We will be back in touch around Easter.", "date"),
        ("Should I follow up with you in a couple of weeks or after the summer?", "date"),
        ("Then I think we could regroup and see where the overlap is.", "date"),
        ("Let's pick this up again when Priya is back.", None),  # no action that reaches past the call
        ("Let's regroup when Priya is back.", "date"),
        ("I'll send you the deck.", "date"),
        ("A follow-up call next Thursday would be great.", "owner"),
    ],
)
def test_loose_next_steps(sentence, lacks):
    step = find_loose_step(sentence)
    assert (step.lacks if step else None) == lacks
    assert find_next_step(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Great talking to you, let's keep in touch.",  # a pleasantry
        "We'll talk soon.",
        "Let me share my screen.",  # during the call
        "You can share the report with your board.",  # what the product does
        "Where can I send the form?",  # a question for information
        "I didn't know I could send that much.",
        "I'd rather send it myself.",
        "We had a follow-up call last Tuesday.",  # what happened
        "Or maybe this is something for the next meeting.",
    ],
)
def test_what_is_no_loose_next_step(sentence):
    assert find_loose_step(sentence) is None


def test_a_scheduled_next_call_is_a_next_step_with_nobody_saying_i_will():
    for sentence in ("Our next call is Tuesday at 10.", "So the next meeting's gonna be in thirty minutes."):
        assert find_next_step(sentence) is not None, sentence
    assert find_next_step("The next call was great.") is None


OPENING = [
    (0, 10, "Ana", "Thanks for joining, Ben. What slows your team down at month end?"),
    (10, 40, "Ben", "Manual reports every Friday, and a board pack that is always late by a few days."),
    (40, 60, "Ana", "Our tool builds them for you, so your team gets Friday back."),
]


def test_no_next_step_at_all_is_the_error():
    report = review(*OPENING, (60, 70, "Ben", "Sounds useful, thanks for the overview."),
                    (70, 75, "Ana", "Thanks for your time, Ben. Have a great weekend."))  # fmt: skip
    assert [f.severity for f in found(report, "TLK007")] == ["error"] and found(report, "TLK013") == []


def test_a_next_step_with_no_date_is_a_warning_on_the_last_loose_step():
    report = review(*OPENING,
                    (60, 70, "Ben", "Sounds useful. I'll share the recording with my controller."),
                    (70, 80, "Ana", "Great, we will be back in touch around Easter."),
                    (80, 85, "Ben", "Sounds good, bye."))  # fmt: skip
    assert found(report, "TLK007") == []
    (tlk13,) = found(report, "TLK013")
    assert tlk13.severity == "warning" and tlk13.text == "Great, we will be back in touch around Easter."
    assert tlk13.message == "The next step has no date: “Great, we will be back in touch around Easter.”"
    steps = report.details["call"]["loose_next_steps"]
    assert [(s["lacks"], s["when"]) for s in steps] == [("date", ""), ("date", "around Easter")]
    assert any(m["kind"] == "loose_next_step" for m in report.details["call"]["moments"])
    assert {m.name: m.value for m in report.metrics}["call.loose_next_steps"] == 2


def test_a_firm_next_step_needs_no_finding_even_beside_loose_ones():
    report = review(*OPENING,
                    (60, 70, "Ben", "Sounds useful. I'll share the recording with my controller."),
                    (70, 80, "Ana", "Great. Can we meet with her on Tuesday at 10 to go through it?"))  # fmt: skip
    assert found(report, "TLK007") == [] and found(report, "TLK013") == []


def test_loose_steps_count_only_where_the_call_closes():
    # early in a call, "we can send you the report" describes the product more often than it promises anything
    report = review(*OPENING, (60, 70, "Ben", "Good. And what happens to the old reports?"),
                    (70, 90, "Ana", "I'll send you the migration guide, it covers the old reports."),
                    *[(90 + 20 * i, 100 + 20 * i, "Ben" if i % 2 else "Ana", "And the board pack comes with it.")
                      for i in range(12)],
                    (340, 350, "Ana", "Thanks for your time, Ben."))  # fmt: skip
    assert report.details["call"]["loose_next_steps"] == []
    assert [f.severity for f in found(report, "TLK007")] == ["error"]


# -- the same next steps answer a buying signal and bring in the decider ---------------------------------------------
def test_a_loose_next_step_at_the_close_answers_a_buying_signal():
    report = review((0, 10, "Ana", "The model updates every time a statement is uploaded."),
                    (10, 15, "Ben", "That is exactly what we need."),
                    (15, 25, "Ana", "Great. It also exports to Excel and keeps every version."),
                    (25, 35, "Ben", "Nice. I'll share the recording with my team and we could regroup after that."))  # fmt: skip
    assert found(report, "TLK011") == []
    assert report.details["call"]["buying_signals"][0]["followed_by_next_step"] is True
    assert len(found(report, "TLK013")) == 1  # the step has no date: that is the coaching point


def test_a_buying_signal_with_nothing_after_it_is_still_flagged():
    report = review((0, 10, "Ana", "The model updates every time a statement is uploaded."),
                    (10, 15, "Ben", "That is exactly what we need."),
                    (15, 25, "Ana", "Great. It also exports to Excel and keeps every version."),
                    (25, 35, "Ben", "Nice, thanks for showing me."))  # fmt: skip
    assert len(found(report, "TLK011")) == 1


DECIDER = [(0, 10, "Ben", "Hi Ana. Priya just texted me, she says start without me."),
           (10, 30, "Ana", "No problem. Our tool builds the board pack for you, so your team gets the first week back."),
           (30, 40, "Ben", "That is useful.")]  # fmt: skip


def test_a_loose_step_that_names_the_decider_brings_them_in():
    report = review(*DECIDER, (40, 50, "Ben", "I'll share the recording with Priya to get her view."),
                    (50, 55, "Ana", "Great, thank you."))  # fmt: skip
    assert found(report, "TLK012") == []
    assert report.details["call"]["absent_deciders"][0]["brought_in"] is True
    (tlk13,) = found(report, "TLK013")
    assert "with Priya in it" in tlk13.fix  # the meeting to be dated is the one with the decider


def test_waiting_for_the_decider_to_be_back_brings_them_in():
    report = review(*DECIDER, (40, 50, "Ben", "She is out this week, so let's regroup when she is back."),
                    (50, 55, "Ana", "Sounds good."))  # fmt: skip
    assert found(report, "TLK012") == []


def test_no_meeting_is_suggested_with_a_decider_who_is_away():
    report = review(*DECIDER, (40, 50, "Ben", "Priya is gonna be out for a week or so, she is travelling."),
                    (50, 55, "Ana", "Okay, thanks for your time."))  # fmt: skip
    (tlk12,) = found(report, "TLK012")
    assert tlk12.data["away"] is True and "Priya is away" in tlk12.fix and "next week" not in tlk12.fix
    assert report.details["call"]["absent_deciders"][0]["away"] is True
    present = review(*DECIDER, (40, 50, "Ben", "Okay, thanks for your time."), (50, 55, "Ana", "Thanks, Ben."))
    assert found(present, "TLK012")[0].fix.startswith("Agree how the decider gets involved")


@pytest.mark.parametrize(
    "sentence,away",
    [("I know Priya is gonna be out like a week or so.", True), ("Priya will be on vacation until May.", True),
     ("Priya is outstanding at this.", False), ("Priya is the one who decides.", False)],
)  # fmt: skip
def test_someone_said_to_be_away(sentence, away):
    assert is_away(sentence, "Priya") is away
