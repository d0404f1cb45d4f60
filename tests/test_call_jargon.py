"""On calls, jargon is what the seller says to this buyer: not the buyer's own words, not names, not
speech-to-text slips, not a word said once in passing; a term the buyer asked about is flagged by TLK009."""

from plainpitch.call_review import analyze_call, review_text
from plainpitch.ingest.transcript import load_transcript_text

ASKED = (
    "Ana: We run it inbetween your Kubernetes clusters, so nothing changes for you.\n"
    "Ben: What is Kubernetes? We use something called inbetween-sync too.\n"
    "Ana: It is the system that runs your apps. I will send you a short summary on Friday.\n"
)


def codes(report, prefix=""):
    return [(f.code, f.text) for f in report.findings if f.code.startswith(prefix)]


def test_a_term_the_buyer_asked_about_is_tlk009_and_slips_are_not_jargon():
    report = analyze_call(load_transcript_text(ASKED, "call.txt"), me=["Ana"])
    assert ("TLK009", "Kubernetes") in codes(report, "TLK009")
    assert not codes(report, "JRG")  # asked about (TLK009 covers it); "inbetween" is a slip, not a term


def test_seller_jargon_said_twice_counts_once_and_names_do_not():
    text = ("Ana: Thanks for the time. Our CDC feed keeps your reports current, says Red IQ.\n"
            "Ben: Okay. Our reports are a day late today.\n"
            "Ana: With CDC that goes away. I worked at Red IQ for years.\n"
            "Ben: Good to know.\n")  # fmt: skip
    report = review_text(text, "call.txt", me=["Ana"])
    assert codes(report, "JRG") == [("JRG101", "CDC")]
    assert report.details["call"]["jargon"][0] == {**report.details["call"]["jargon"][0], "term": "CDC", "uses": 2}


def test_the_buyers_own_terms_and_a_fluent_buyer_are_respected():
    own = ("Ana: Thanks for the time. Our model reads the NOI from your statements.\n"
           "Ben: Our NOI is in a spreadsheet today.\n"
           "Ana: The model keeps the NOI current every month.\n"
           "Ben: Good.\n")  # fmt: skip
    assert not codes(review_text(own, "call.txt", me=["Ana"]), "JRG")
    fluent = ("Ana: Thanks for the time. Our model reads the EBITDA from your statements.\n"
              "Ben: We track the ADR, the GOP and the NOI by month.\n"
              "Ana: The model shows the EBITDA next to them every month.\n"
              "Ben: Good.\n")  # fmt: skip
    assert not codes(review_text(fluent, "call.txt", me=["Ana"]), "JRG")


def test_calls_take_the_reader_profile_like_copy():
    text = ("Ana: Thanks for the time. The webhook fires on every change.\n"
            "Ben: Okay.\n"
            "Ana: You can point the webhook at your own server.\n"
            "Ben: Sure.\n")  # fmt: skip
    from plainpitch.config import Config

    business = review_text(text, "call.txt", me=["Ana"], config=Config(profile="business"))
    technical = review_text(text, "call.txt", me=["Ana"], config=Config(profile="technical"))
    assert [c for c, _ in codes(business, "JRG")] == ["JRG101"]
    assert not codes(technical, "JRG")
