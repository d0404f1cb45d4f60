"""Claims of absence hold back where the readers may have missed part of the text (plainpitch.analysis.unread):
a line that reads as a button in a form no ask reader knows, or a part in another language."""

import pytest

from plainpitch.analysis.unread import button_lines, foreign_share
from plainpitch.config import Config
from plainpitch.engine import analyze
from plainpitch.ingest import load_text

BODY = ("Our bookkeepers close your books every month and send you a one-page report you can read in five minutes. "
        "You see where the money went, what you owe in tax and how much you can spend next month without worry. "
        "We reconcile every account, chase missing receipts and file your sales tax on time, every time. ") * 2


def codes(text, name="page.md", fmt="markdown"):
    return [f.code for f in analyze(load_text(text, name, fmt), Config()).findings]


@pytest.mark.parametrize("line, words", [
    ("✅ Start Saving Now", "Start Saving Now"),
    ("    text: Get Started", "Get Started"),
    ('      "label": "Get a quote",', "Get a quote"),
    ("**Primary CTA button:** Get a Free Consultation", "Get a Free Consultation"),
    ("`[ start the company ]`", "start the company"),
    ("<a class=\"btn\" href=\"/shop\">Shop Now</a>", "Shop Now"),
    ("- [Book a call](https://cal.com/ana)", "Book a call"),
    ("Subscribe", "Subscribe"),
    ('  cta: { label: "Start free trial", href: "/signup" },', "Start free trial"),
    ('button_text: "Let\'s talk"', "Let's talk"),
])
def test_a_line_that_reads_as_a_button_is_seen_whatever_wraps_it(line, words):
    assert button_lines(line) == [words]


@pytest.mark.parametrize("line", [
    "- Email support",  # a noun that is also a verb, with no object: a feature of the plan
    "- Order history",
    "Open source",  # an adjective
    "Create and join events with other users",  # a feature told as a verb pair
    'tagline: "Get found by the right people"',  # a field that names the page, not a button
    "## Get found by the right people",  # a heading
    "Send millions of emails directly to customers.",  # a sentence
    "Ready to start?",  # a question: prose the ask readers read in full
    "See you on the quay",  # a farewell
    "Start",  # a lone verb that is as often a heading or a label
    "Get a free consultation with our team of certified public accountants today",  # too long for a button
])
def test_features_headings_fields_and_sentences_are_not_buttons(line):
    assert button_lines(line) == []


def test_a_page_with_no_ask_and_no_button_shaped_line_still_gets_the_finding():
    page = f"# Bookkeeping for cafés\n\n{BODY}\n\n## Plans\n\n- Email support\n- Order history\n- Monthly report\n"
    assert "CTA001" in codes(page)


def test_a_button_in_a_field_no_reader_knows_holds_back_the_claim_that_there_is_no_ask():
    page = f"---\nhero:\n  action:\n    words: Book a free call\n---\n# Bookkeeping for cafés\n\n{BODY}\n"
    assert "CTA001" not in codes(page)


SPANISH = ("Nuestros contables cierran sus libros cada mes y le envían un informe de una página que se lee en cinco "
           "minutos. Usted ve a dónde fue el dinero, lo que debe de impuestos y cuánto puede gastar el mes que viene. "
           "Los clientes nos dicen que por fin entienden sus números y que duermen mejor desde que trabajan con "
           "nosotros, y la mayoría se queda con nosotros durante años porque el trabajo se hace a tiempo.")


def test_a_part_in_another_language_holds_back_the_claims_of_absence():
    page = f"# Bookkeeping for cafés\n\n{BODY}\n\n## En español\n\n{SPANISH}\n\n{SPANISH}\n"
    english_only = f"# Bookkeeping for cafés\n\n{BODY}\n"
    assert foreign_share([BODY, SPANISH, SPANISH]) >= 0.2
    found = codes(page)
    assert "CTA001" not in found and "PRF001" not in found
    assert "CTA001" in codes(english_only)


def test_chinese_notes_count_by_character_and_english_prose_is_not_foreign():
    notes = "配合一个真实案例：比如某知名地址标签解析或某空投女巫检测演示，发布时间定在周二上午。" * 3
    assert foreign_share([BODY, notes]) > 0.2
    assert foreign_share([BODY, "Kubernetes, Terraform, Postgres and Redis, managed for you."]) == 0.0
