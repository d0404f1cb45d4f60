"""The call.* metrics on calls whose times and words are known exactly."""

import pytest

from plainpitch.call_review import analyze_call
from plainpitch.model import TimeRange, Turn
from plainpitch.text.segment import Block, build_document, words_in


def make_call(turns, has_times=True, path="call.txt"):
    """turns: (speaker, text) or (speaker, text, start, end); built the way the loaders build a call."""
    source, blocks = "", []
    for i, t in enumerate(turns):
        speaker, text = t[0], t[1]
        time = TimeRange(t[2], t[3]) if len(t) > 2 else None
        blocks.append(Block("turn", text, len(source) + len(speaker) + 2,
                            turn=Turn(speaker, time=time, index=i, source_line=i + 1)))  # fmt: skip
        source += f"{speaker}: {text}\n"
    speakers = list(dict.fromkeys(t[0] for t in turns))
    meta = {"has_times": has_times, "speakers": speakers, "format": "lines", "duration": None}
    return build_document(path, source, blocks, medium="call", format="lines", meta=meta)


def metrics(report):
    return {m.name: m for m in report.metrics}


def words_of(turns, speaker):
    return sum(len(words_in(t[1])) for t in turns if t[0] == speaker)


TIMED = [
    ("Ana", "Thanks for joining, um, I wanted to hear how your team closes the month. What does it look like today?", 0, 60),
    ("Ben", "We export the ledger, fix it by hand and send the deck, you know, late every time.", 62, 92),
    ("Ana", "Our platform does the consolidation for you. Who else feels the pain?", 93, 123),
    ("Ben", "Our controller, and the board, who gets the numbers three days late every single month.", 125, 185),
]


def test_time_based_metrics():
    m = metrics(analyze_call(make_call(TIMED), me=["Ana"]))
    assert m["call.duration_s"].value == 185
    assert m["call.talk_share.seller"].value == 50.0  # 90 s of 180 s of speech
    assert m["call.talk_share.buyer"].value == 50.0
    assert m["call.longest_monologue_s.seller"].value == 60
    assert m["call.longest_story_s.buyer"].value == 60
    assert m["call.patience_s.seller"].value == 1.0  # Ben ends at 92, Ana answers at 93
    assert m["call.interactivity"].value == pytest.approx(3 / (185 / 60), abs=0.01)
    assert m["call.questions.seller"].value == 2
    assert m["call.discovery_questions.seller"].value == 2
    assert m["call.open_questions.seller"].value == 1 and m["call.closed_questions.seller"].value == 1
    assert m["call.first_question_s.seller"].value > 0
    seller_words = words_of(TIMED, "Ana")
    assert m["call.wpm.seller"].value == pytest.approx(seller_words / 1.5, abs=0.1)
    assert m["call.fillers_per_100.seller"].value == pytest.approx(100 / seller_words, abs=0.01)  # "um"
    assert m["call.fillers_per_100.buyer"].value > 0  # "you know," as a filler
    assert all(not m[k].note for k in ("call.talk_share.seller", "call.duration_s"))


def test_without_timestamps_shares_are_by_words_and_times_are_estimated():
    untimed = make_call([t[:2] for t in TIMED], has_times=False)
    m = metrics(analyze_call(untimed, me=["Ana"]))
    seller, buyer = words_of(TIMED, "Ana"), words_of(TIMED, "Ben")
    assert m["call.talk_share.seller"].value == pytest.approx(100 * seller / (seller + buyer), abs=0.1)
    assert "by words" in m["call.talk_share.seller"].note
    assert "estimated" in m["call.duration_s"].note
    assert m["call.duration_s"].value == pytest.approx((seller + buyer) / 2.5, abs=0.5)  # 150 words a minute
    assert m["call.patience_s.seller"].value is None and m["call.wpm.seller"].value is None


def test_a_backchannel_does_not_end_a_monologue_but_a_real_answer_does():
    call = make_call([
        ("Ana", "Let me explain the architecture from the top.", 0, 70),
        ("Ben", "Mm-hmm.", 70, 71),
        ("Ana", "Then the data flows into the warehouse and out to the reports.", 71, 150),
        ("Ben", "Okay, and how does that work with our on-premise database?", 150, 160),
        ("Ana", "Good question.", 160, 162),
    ])  # fmt: skip
    report = analyze_call(call, me=["Ana"])
    assert metrics(report)["call.longest_monologue_s.seller"].value == 150
    mono = report.details["call"]["monologues"][0]
    assert (mono["turn"], mono["end_turn"], mono["over_limit"]) == (0, 2, True)
    tlk2 = [f for f in report.findings if f.code == "TLK002"]
    assert len(tlk2) == 1 and tlk2[0].turn == 2  # the longest turn of the monologue
    assert "2:30" in tlk2[0].message


def test_topic_time_and_custom_trackers():
    from plainpitch.config import Config

    call = make_call([
        ("Ana", "Our plan is $40 per seat a month. It also passes a SOC 2 audit.", 0, 20),
        ("Ben", "We compared you to Acme last year.", 20, 30),
        ("Ana", "Happy to go through that.", 30, 35),
    ])  # fmt: skip
    cfg = Config(call={"competitors": ["Acme"], "trackers": {"security": ["SOC 2", "audit"]}})
    m = metrics(analyze_call(call, me=["Ana"], config=cfg))
    assert m["call.topic_mentions.pricing"].value == 1
    assert m["call.topic_s.pricing"].value == pytest.approx(20 * 8 / 15, abs=0.1)  # 8 of the turn's 15 words
    assert m["call.topic_mentions.competitors"].value == 1
    assert m["call.topic_mentions.security"].value == 1


@pytest.mark.parametrize(
    "sentence,is_price",
    [("The plan is $40 per seat a month.", True), ("Our plans start at 20 euros.", True),
     ("I'll send you the invoice on Friday.", True), ("How much does the platform cost?", True),
     ("The plan is to walk you through the approvals screen today.", False),
     ("We get about 400 invoices a month from our suppliers.", False),
     ("Every invoice needs two approvals before it is paid.", False),
     ("The sale price of the hotel was two million, plus the closing costs.", False)],
)  # fmt: skip
def test_the_pricing_topic_is_the_sellers_price(sentence, is_price):
    call = make_call([("Ana", sentence, 0, 10), ("Ben", "Okay.", 10, 12)])
    assert (metrics(analyze_call(call, me=["Ana"]))["call.topic_mentions.pricing"].value == 1) is is_price


def test_the_buyers_invoices_and_a_plan_for_the_call_are_no_early_price():
    """TLK008 (price before value) reads the pricing topic: an agenda or the invoices the buyer's team handles
    said at the start of a call are not the seller's price."""
    for opener in ("The plan is to walk you through the approvals screen today.",
                   "So the invoices come in from your suppliers, and someone keys them in by hand."):  # fmt: skip
        call = make_call([("Ana", f"Thanks for joining, Ben. {opener}", 0, 30), ("Ben", "Okay, sounds good.", 30, 40),
                          ("Ana", "What slows your team down at month end?", 40, 50),
                          ("Ben", "Manual reports every Friday.", 50, 60)])  # fmt: skip
        report = analyze_call(call, me=["Ana"])
        assert [f for f in report.findings if f.code == "TLK008"] == [], opener


def test_one_speaker_gives_metrics_and_a_note_but_no_conversation_findings():
    call = make_call([("Ana", "We rebuilt the engine and added a scheduler and a dashboard and a new region.", 0, 400)])
    report = analyze_call(call)
    m = metrics(report)
    assert m["call.talk_share.seller"].value is None and "only one side" in m["call.talk_share.seller"].note
    assert not [f for f in report.findings if f.code.startswith("TLK")]
    assert any("only one side" in n for n in report.details["call"]["notes"])
