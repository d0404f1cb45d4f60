"""Which texts the selling rules judge: not a contract, a form or terms (analysis/genre.py), and the cold-email
advice only for cold emails (analysis/outreach.py)."""

import pytest

from plainpitch.analysis.genre import is_not_a_pitch
from plainpitch.analysis.outreach import is_cold_email
from plainpitch.config import Config
from plainpitch.engine import analyze
from plainpitch.ingest import load_text

SOW = """# Statement of Work: Website Rebuild

1. Discovery. Two workshops with the marketing team.
2. Build. A new site on the existing CMS, eight templates.
3. Launch. Redirects, analytics and a training session.

Fees are invoiced monthly against the hours used. Either party may end this agreement with 30 days' notice.
"""


@pytest.mark.parametrize(
    "title",
    ["# Statement of Work: Website Rebuild", "# Terms of Service", "# Privacy Policy", "# Grant application form",
     "# Request for Proposals: payroll system", "# Master Services Agreement"],
)
def test_contracts_forms_and_terms_are_not_pitches(title):
    assert is_not_a_pitch(load_text(title + "\n\nSome text follows here.\n", fmt="markdown"))


@pytest.mark.parametrize(
    "title",
    ["# Smart contract audits in two weeks", "# Our response to RFP 2026-14: payroll", "# Ship faster with Acme",
     "# Proposal for Northwind: a faster checkout"],
)
def test_pitches_stay_pitches(title):
    assert not is_not_a_pitch(load_text(title + "\n\nSome text follows here.\n", fmt="markdown"))


def test_a_statement_of_work_gets_no_selling_findings():
    report = analyze(load_text(SOW, fmt="markdown"), Config(medium="proposal", all=True))
    codes = {f.code for f in report.findings}
    assert not codes & {"CTA001", "CTA005", "PRF001", "BEN001", "STR100", "STR101"}, codes


def test_the_same_copy_as_a_pitch_is_judged():
    pitch = SOW.replace("Statement of Work: Website Rebuild", "A new website for Northwind")
    report = analyze(load_text(pitch, fmt="markdown"), Config(medium="proposal", all=True))
    assert "CTA001" in {f.code for f in report.findings}  # no ask in a proposal is a lost sale


def test_cold_and_warm_emails():
    cold = load_text("Subject: Faster checkout\n\nHi Ana,\n\nWe build checkout pages. Worth a call?\n", fmt="text")
    warm = load_text("Subject: Next steps\n\nHi Ana,\n\nThanks for the call today. Here is the plan.\n", fmt="text")
    assert is_cold_email(cold, "email")
    assert not is_cold_email(warm, "email")
    assert not is_cold_email(cold, "page")  # only an email is cold outreach


def test_title_line_joins_the_title_and_the_first_heading():
    from plainpitch.analysis.regions import title_line

    doc = load_text("<html><head><title>Acme pricing</title></head><body><h2>Plans</h2><p>Pick one.</p></body></html>",
                    fmt="html")  # fmt: skip
    assert title_line(doc) == "Acme pricing Plans"
    assert title_line(load_text("Just a line of text.\n", fmt="text")) == ""
