"""Email: .eml files (quoted-printable, base64, 8-bit Latin-1, HTML-only), Subject-first text, replies, signatures."""

from __future__ import annotations

import html
import quopri
import re
from pathlib import Path

import pytest

from plainpitch.config import Config
from plainpitch.engine import analyze
from plainpitch.ingest import load_bytes, load_path, load_text
from plainpitch.ingest.replies import mask_replies, reply_start
from plainpitch.model import Document, Span

DATA = Path(__file__).parent / "data" / "ingest"
ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?")
QUOTED = ("Thanks for the note", "evaluating", "pricing", "Sam Patel |", "Account Executive", "wrote", "Dana Ruiz")


def kinds(doc: Document) -> list[tuple[str, str]]:
    return [(u.kind, doc.unit_text(u)) for u in doc.units]


def decoded_source(doc: Document, start: int, end: int) -> str:
    """The source of a span read back: quoted-printable undone, an entity at its end taken whole."""
    s, e = doc.source_span(Span(start, end))
    amp = doc.source.rfind("&", s, e)
    m = ENTITY.match(doc.source, amp) if amp != -1 else None
    raw = doc.source[s : max(e, m.end() if m else e)]
    return html.unescape(quopri.decodestring(raw.encode("utf-8")).decode("utf-8"))


def words_map_back(doc: Document) -> int:
    for word in doc.words:
        assert decoded_source(doc, word.start, word.end) == word.text, word.text
    return len(doc.words)


def test_multipart_prefers_the_plain_part_and_drops_reply_and_signature():
    doc = load_path(DATA / "outreach_reply.eml")
    assert (doc.medium, doc.format) == ("email", "email")
    assert doc.meta["subject"] == "Re: Fewer Friday rollbacks at Northwind"
    assert doc.meta["from"] == "Sam Patel <sam@shipyard.example>"
    assert (doc.meta["body"], doc.meta["offsets"]) == ("text/plain", "exact")
    assert kinds(doc) == [
        ("subject", "Re: Fewer Friday rollbacks at Northwind"),
        ("paragraph", "Hi Dana,"),
        ("paragraph", "I saw that Northwind’s deploys jumped from weekly to daily this quarter — congratulations. "
                      "Teams at that pace usually start losing Friday afternoons to rollbacks, and that is exactly "
                      "the problem Shipyard solves: every deploy is checked against real traffic and rolled back in "
                      "seconds when something breaks."),
        ("paragraph", "Would a 20-minute call next Tuesday or Wednesday work to see if it fits your team?"),
        ("paragraph", "Best, Sam"),  # the sign-off stays; the block after "-- " goes
    ]  # fmt: skip
    for gone in QUOTED:
        assert gone not in doc.text


def test_quoted_printable_body_maps_exactly_into_the_file():
    doc = load_path(DATA / "outreach_reply.eml")
    assert words_map_back(doc) > 70
    subject = doc.units[0]
    assert doc.line_text(doc.line_col(subject.source_start)[0]) == "Subject: Re: Fewer Friday rollbacks at Northwind"
    para = doc.units[2]
    quarter = doc.unit_text(para).index("quarter")
    s, e = doc.source_span(Span(para.start + quarter, para.start + quarter + 7))
    assert doc.source[s:e] == "quart=\ner"  # the word spans a soft line break in the file
    assert doc.line_col(s)[0] == 16


def test_html_only_quoted_printable_email():
    doc = load_path(DATA / "html_qp_gmail.eml")
    assert (doc.meta["body"], doc.meta["offsets"]) == ("text/html", "exact")
    assert kinds(doc)[1:] == [
        ("paragraph", "Hi Dana,"),
        ("paragraph", kinds(load_path(DATA / "outreach_reply.eml"))[2][1]),
        ("paragraph", "Would a 20-minute call next Tuesday or Wednesday work to see if it fits your team?"),
        ("cta", "Pick a time"),
        ("paragraph", "Best, Sam"),
    ]
    assert doc.units[4].href == "https://cal.example/sam"
    for gone in QUOTED:
        assert gone not in doc.text
    assert words_map_back(doc) > 70


def test_base64_html_maps_to_the_body_start_and_outlook_reply_is_dropped():
    doc = load_path(DATA / "html_base64_outlook.eml")
    assert doc.meta["subject"] == "Café meeting → six hours back every week"  # an encoded word
    assert (doc.meta["body"], doc.meta["offsets"]) == ("text/html", "body start")
    assert kinds(doc) == [
        ("subject", "Café meeting → six hours back every week"),
        ("paragraph", "Hello Priya,"),
        (
            "paragraph",
            "Your team spends about six hours a week chasing failed deploys. Shipyard gives those hours back.",
        ),
        ("cta", "Start a free trial"),
        ("paragraph", "Kind regards, Sam"),
    ]
    assert "Can you send me" not in doc.text and "Priya Shah" not in doc.text
    body_line = doc.source.split("\n").index("") + 2  # the first line after the header block
    assert {doc.line_col(u.source_start)[0] for u in doc.units[1:]} == {body_line}
    assert doc.line_col(doc.units[0].source_start)[0] == 3  # the subject header's own line


def test_8bit_latin1_body_original_message_and_mobile_signature():
    doc = load_path(DATA / "latin1_8bit_original_message.eml")
    assert doc.meta["subject"] == "Your café chain and the Monday stock count"  # raw 8-bit header bytes
    assert doc.meta["from"] == "René Dubois <rene@example.fr>"
    assert kinds(doc) == [
        ("subject", "Your café chain and the Monday stock count"),
        ("paragraph", "Bonjour Claire,"),
        ("paragraph", "Your managers count stock by hand every Monday. With Stöckli they scan the shelves with a "
                      "phone in ten minutes, and the order goes out before noon."),
        ("paragraph", "Can I show you how the café on Rue Cler does it? Reply with a time that suits you."),
        ("paragraph", "Merci, René"),
    ]  # fmt: skip
    assert doc.meta["offsets"] == "exact"
    for word in doc.words:
        s, e = doc.source_span(Span(word.start, word.end))
        assert doc.source[s:e] == word.text


def test_plain_text_email_with_subject_first_line():
    doc = load_path(DATA / "cp1252_email.txt")
    assert doc.medium == "email" and doc.meta["encoding"] == "cp1252"
    assert kinds(doc) == [
        ("subject", "A café that counts its stock in ten minutes"),
        ("paragraph", "Bonjour Claire,"),
        ("paragraph", "Your managers count stock by hand every Monday – it takes them two hours. "
                      "Stöckli turns that into ten minutes with a phone."),
        ("paragraph", "Reply “yes” and I will send a short video."),
        ("paragraph", "René"),
    ]  # fmt: skip
    assert "Dubois" not in doc.text


INTERLEAVED = """Subject: Re: pricing
From: sam@shipyard.example

Hi Priya,

> Can you send pricing?
It is $49 per month per team, and the first month is free.

> Do you support GitLab?
It does, out of the box.

Sent from my iPhone

From: Priya Shah
Sent: Monday, March 3, 2025 4:12 PM
To: Sam
Subject: pricing

Hello, can you send pricing and tell me about GitLab?
"""


def test_interleaved_quotes_and_outlook_header_in_text():
    doc = load_text(INTERLEAVED, "reply.txt")
    assert doc.meta["from"] == "sam@shipyard.example"
    assert kinds(doc) == [
        ("subject", "Re: pricing"),
        ("paragraph", "Hi Priya,"),
        ("paragraph", "It is $49 per month per team, and the first month is free."),
        ("paragraph", "It does, out of the box."),
    ]


@pytest.mark.parametrize(
    "tail",
    [
        "On Tue, 4 Mar 2025 at 10:02, Dana Ruiz <dana@example.com> wrote:\n> old text\n",
        "On Tue, Mar 4, 2025 at 10:02 AM Dana Ruiz <\ndana@example.com> wrote:\n\n> old text\n",
        "-----Original Message-----\nFrom: Dana\nSent: Tuesday\n\nold text\n",
        "---------- Forwarded message ---------\nFrom: Dana\nDate: Tue\n\nold text\n",
        "________________________________\nFrom: Dana Ruiz\nSent: Tuesday\nold text\n",
        "-- \nSam Patel\nold text\n",
        "--\nSam Patel\nold text\n",
        "Le mar. 4 mars 2025 à 10:02, Dana <dana@example.com> a écrit :\n> old text\n",
    ],
)
def test_reply_markers(tail):
    body = "Hi Dana,\n\nOne new line.\n\nBest,\nSam\n\n" + tail
    masked = mask_replies(body)
    assert len(masked) == len(body)
    assert masked.startswith("Hi Dana,\n\nOne new line.\n\nBest,\nSam\n\n")
    assert "old text" not in masked and "Dana Ruiz" not in masked
    assert reply_start(body) == len("Hi Dana,\n\nOne new line.\n\nBest,\nSam\n\n")


def test_ordinary_lines_are_not_reply_markers():
    body = ("On Tuesday we ship the new dashboard.\nFrom: the whole team, thanks!\n"
            "Sent: nothing yet.\nx -- y\n> not at the start? it is a quote, dropped\n")  # fmt: skip
    masked = mask_replies(body)
    assert masked.startswith("On Tuesday we ship the new dashboard.\nFrom: the whole team, thanks!\n")
    assert "x -- y" in masked and "not at the start" not in masked


def test_email_loaded_from_text_and_from_stdin():
    text = "From: sam@shipyard.example\nSubject: Quick question\n\nThis will hopefully help you.\n\n-- \nSam\n"
    doc = load_text(text, "example.eml", "email")
    assert kinds(doc) == [("subject", "Quick question"), ("paragraph", "This will hopefully help you.")]
    piped = load_bytes(text.encode(), "<stdin>")
    assert piped.format == "email" and kinds(piped) == kinds(doc)
    report = analyze(doc, Config(select=("TON001",)))
    assert [(f.text, f.location.line, f.location.column) for f in report.findings] == [("hopefully", 4, 11)]


def test_findings_in_a_quoted_printable_email_land_on_the_right_line():
    data = (DATA / "outreach_reply.eml").read_bytes().replace(b"Would a 20-minute call", b"Perhaps a 20-minute call")
    doc = load_bytes(data, "reply.eml")
    report = analyze(doc, Config(select=("TON001",)))
    (finding,) = [f for f in report.findings if f.text == "Perhaps"]
    assert doc.line_text(finding.location.line).startswith("Perhaps a 20-minute call")
    assert finding.location.column == 1


def test_an_mbox_reads_its_first_message():
    mbox = ("From sam@x Tue Mar  4 10:02:00 2025\nFrom: sam@x\nSubject: Hi there\n\nThis will help you.\n\n"
            "From dana@y Wed Mar  5 10:02:00 2025\nSubject: second\n\nOther message.\n")  # fmt: skip
    doc = load_bytes(mbox.encode(), "inbox.mbox")
    assert kinds(doc) == [("subject", "Hi there"), ("paragraph", "This will help you.")]
    assert doc.meta["note"] == "an mbox: only the first message was read"
