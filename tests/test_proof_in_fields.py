"""Proof and page kinds read from a page's data fields (plainpitch.analysis.proof, genre, asks): what the layout
renders from the front matter counts as what the visitor sees; a free program is not sold with testimonials."""

import pytest

from plainpitch.config import Config
from plainpitch.engine import analyze
from plainpitch.ingest import load_text

BODY = ("# Invoices that chase themselves\n\n" + ("Acme sends polite reminders until every invoice is paid. "
        "It matches payments to invoices and tells you who is late. " * 8) + "\n\n[CTA: Start my free trial]\n")


def codes(text, name="page.md"):
    return [f.code for f in analyze(load_text(text, name, "markdown"), Config()).findings]


QUOTES = """testimonials:
  enable: true
  title: "What Our Clients Say"
  testimonials_quotes:
    - quote: "Very good experience with Jay. Will connect again for my next tax filing, no doubt."
      name: "Mayur Vedpathak"
      designation: "Managing Director"
    - quote: "Very polite and professional. Handled my filing efficiently and on time, thank you."
      name: "Senthil Kumar"
      designation: "Financial Analyst"
"""
ONE_QUOTE = """blocks:
  - _block_type: content/quote
    image_alt: Jim James
    content_markdown: Acme has shaped the business we have today. We have a repeatable process and a plan to grow.
    author: Jim James - CEO of Global Corp.
"""
COUNTER = """numbers:
  - icon: 'images/customers.svg'
    counter: '200'
    counter_suffix: '+'
    content: 'clients satisfied with our services'
"""


@pytest.mark.parametrize("fields", [QUOTES, ONE_QUOTE, COUNTER], ids=["quotes-list", "one-quote-block", "counter"])
def test_proof_the_layout_renders_from_the_front_matter_is_proof(fields):
    assert "PRF001" in codes(BODY)
    assert "PRF001" not in codes(f"---\ntitle: Acme\n{fields}---\n{BODY}")


@pytest.mark.parametrize("fields", [
    "features:\n  - name: Reminders\n    description: Polite reminders go out on their own until every invoice is paid.\n",
    "numbers:\n  - counter: '3'\n    content: 'clients on the starter plan'\n",  # a plan's limit, not a crowd
], ids=["feature-with-a-name", "small-count"])
def test_features_and_plan_limits_in_fields_are_not_proof(fields):
    assert "PRF001" in codes(f"---\ntitle: Acme\n{fields}---\n{BODY}")


def test_a_dated_page_filed_under_tags_is_a_post_and_owes_no_proof():
    assert "PRF001" not in codes(f"---\ntitle: Launch\ndate: 2020-10-18\ntags: [launch, v0]\n---\n{BODY}")
    assert "PRF001" in codes(f"---\ntitle: Launch\ndate: 2020-10-18\n---\n{BODY}")  # a site generator dates every page


def test_a_program_under_an_open_source_licence_is_not_sold_with_testimonials():
    badge = "![License: MIT](https://img.shields.io/badge/License-MIT-green.svg)\n\n"
    app = ("# A calculator in your menu bar\n\n" + ("MenuCalc opens a calculator from the menu bar, even over full-screen "
           "apps. It keeps your last result in view and looks like the calculator you know. " * 8)
           + "\n\n[CTA: Download for macOS]\n")
    assert "PRF001" not in codes(badge + app)
    assert "PRF001" in codes(badge + app.replace("Download for macOS", "Start my free trial"))  # a trial is a sale
    background = app.replace("It matches", "We have contributed to open-source projects for years. It matches", 1)
    assert "PRF001" in codes(background)  # mentioning open source is no licence: this page still sells


@pytest.mark.parametrize("line", ["Message me and I'll come over to see how bad it is.",
                                  "Message or call me, and I'll be over there for a free estimate.",
                                  "Text me and we can find a day that suits you."])
def test_a_sole_traders_message_me_is_an_ask(line):
    page = ("# Roof repairs in Leeds\n\n" + "I fix leaking roofs, broken tiles and blocked gutters for homeowners. " * 6
            + "\n\n" + line + "\n\n## What I fix\n\n- Foundation issues\n- Broken tiles\n")
    without = page.replace(line, "I have worked on roofs for twenty years.")
    assert "CTA001" not in codes(page)
    assert "CTA001" in codes(without)
