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


_PACKAGES = """# Websites for local trades

We build fast, simple websites for plumbers, electricians and roofers, so the people searching for your trade near
them find you first and call you. Every site is written with you in a one-hour call, works on phones and is live
within two weeks. You own it, and we keep it updated for as long as you need.

Most tradespeople lose work to a competitor whose site loads faster or shows a phone number at the top. We fix
both: your number and a quote button sit on every page, and the pages load in under a second on a phone signal.

## Packages

- Starter, $900: five pages, your logo and a contact form that sends straight to your phone.
- Growth, $1,800: ten pages, a quote form, reviews from Google on the home page and local search set up.
- Care, $60 a month: hosting, updates, backups and one change a month.

[Book a free 15-minute call](https://example.com/call)
"""


def test_a_service_page_with_a_packages_section_is_judged_for_proof_and_a_bare_price_list_is_not():
    from plainpitch.analysis.offer import is_price_list, is_pricing_page

    page = load_text(_PACKAGES, fmt="markdown")
    assert is_pricing_page(page) and not is_price_list(page)  # three prices, but the page still has to persuade
    assert "PRF001" in {f.code for f in analyze(page, Config(medium="page")).findings}
    titled = load_text(_PACKAGES.replace("# Websites for local trades", "# Pricing"), fmt="markdown")
    assert is_price_list(titled) and "PRF001" not in {f.code for f in analyze(titled, Config(medium="page")).findings}
    bare = load_text("# Websites\n\n- Starter $900\n- Growth $1,800\n- Care $60 a month\n- Logo $200\n\n"
                     "[Book a call](https://example.com/call)\n", fmt="markdown")  # fmt: skip
    assert is_price_list(bare)  # prices every few words: the list is the page


def test_a_page_of_about_a_hundred_words_that_sells_is_judged_for_proof_and_a_teaser_is_not():
    body = ("We build fast, simple websites for plumbers, electricians and roofers, so the people searching for your "
            "trade near them find you first and call you. Every site is written with you in a one-hour call, works "
            "on phones and is live within two weeks. You own it, and we keep it updated for as long as you need it. "
            "Hosting, backups and one change a month are included, with no contract and no setup fee at all. Your "
            "phone number and a quote button sit on every page, and the pages load in under a second.")  # fmt: skip
    page = "# Websites for local trades\n\n{}\n\n[Book a free call](https://example.com/call)\n"
    assert "PRF001" in {f.code for f in analyze(load_text(page.format(body), fmt="markdown"), Config()).findings}
    teaser = body.split(". ")[0] + "."
    assert "PRF001" not in {f.code for f in analyze(load_text(page.format(teaser), fmt="markdown"), Config()).findings}


def test_a_record_under_document_control_is_not_a_pitch():
    # fresh-66: CTA001 on a ratified price record kept in a repository ("Version … Ratified … Owner … Status")
    body = ("\n\n## Price stack\n\n| Tier | Price |\n|---|---|\n| Standard | $1,500 |\n| Expert | $9,500 |\n\n"
            "Standard is the entry tier and produces a sealed report and a badge for smaller sites.\n")  # fmt: skip
    record = "# Canonical pricing\n_Version: 0.1 · Ratified: 2026-05-04 · Owner: Ellari LLC_\n_Status: active_" + body
    assert is_not_a_pitch(load_text(record, "PRICING.md", fmt="markdown"))
    assert "CTA001" not in {f.code for f in analyze(load_text(record, "PRICING.md", fmt="markdown"), Config()).findings}
    deck = "# Canonical pricing\n_Status: draft_" + body  # one field: a copy deck's own note, still copy
    assert not is_not_a_pitch(load_text(deck, "pricing.md", fmt="markdown"))


def test_the_sellers_own_business_plan_is_not_a_pitch():
    # fresh-68: CTA001 on a README that is a product's plan (its monetization, launch and marketing sections)
    plan = ("# PriorAuth Buddy\n\nAn app that helps patients fight prior-authorization denials.\n\n## What it does\n\n"
            "It drafts the appeal letter from your denial notice in minutes.\n\n## Monetization\n\nFreemium: three "
            "appeals free, then $9 a month.\n\n## Target Launch\n\nQ3, on iOS first.\n\n## Marketing\n\nPatient "
            "forums and clinic partnerships.\n")  # fmt: skip
    assert is_not_a_pitch(load_text(plan, "README.md", fmt="markdown"))
    assert "CTA001" not in {f.code for f in analyze(load_text(plan, "README.md", fmt="markdown"), Config()).findings}
    page = plan.replace("## Target Launch\n\nQ3, on iOS first.\n\n", "").replace("## Monetization", "## Pricing")
    # one such section (its marketing): a page may have it
    assert not is_not_a_pitch(load_text(page, "README.md", fmt="markdown"))
