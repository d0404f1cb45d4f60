"""A yearly saving the prices contradict (CLM003, plainpitch.analysis.discounts): read where every plan's monthly and
yearly prices are data, reported only when a plan is five points or more away from the one saving promised."""

import pytest

from plainpitch.analysis.discounts import discount_contradiction
from plainpitch.config import Config
from plainpitch.engine import analyze
from plainpitch.ingest import load_text

PLANS = ("plans:\n  - name: Starter\n    priceMonthly: \"₹ 10 INR\"\n    priceYearly: \"{starter}\"\n"
         "  - name: Pro\n    priceMonthly: \"₹ 100 INR\"\n    priceYearly: \"₹ 600 INR\"\n")  # fmt: skip


def page(claim, starter="₹ 60 INR"):
    return (f"---\ntitle: Pricing\ndiscountNote: \"{claim}\"\n{PLANS.format(starter=starter)}---\n\n# Pricing\n\n"
            "Plans for every shop, billed monthly or yearly.\n")


@pytest.mark.parametrize(("claim", "starter", "found"), [
    ("Get 50% off on the yearly plan", "₹ 60 INR", None),  # 60 a year against 120: half off, as promised
    ("Get 50% off on the yearly plan", "₹ 110 INR", ("Starter", 8.3)),  # 110 against 120: 8% off
    ("Save 48% with yearly billing", "₹ 60 INR", None),  # within five points: rounding
    ("Save up to 50%", "₹ 110 INR", None),  # a ceiling, reached by Pro
    ("Save up to 70%", "₹ 110 INR", ("Pro", 50.0)),  # a ceiling no plan comes near
    ("Save 20% yearly, and 10% off your first order", "₹ 110 INR", None),  # two offers: which is whose is unknown
    ("Get 50% off on the yearly plan", "₹ 5 INR", None),  # below the monthly price: a month's price billed yearly
])
def test_a_claimed_yearly_saving_is_checked_against_every_plan(claim, starter, found):
    result = discount_contradiction(load_text(page(claim, starter), "pricing.md", "markdown"))
    assert (None if result is None else (result.plan.name, result.plan.saving)) == found


def test_the_finding_quotes_the_claim_and_the_plan_as_written():
    findings = [f for f in analyze(load_text(page("Get 50% off on the yearly plan", "₹ 110 INR"), "pricing.md",
                                             "markdown"), Config()).findings if f.code == "CLM003"]  # fmt: skip
    assert [f.message for f in findings] == [
        "'50% off' does not hold: 'Starter' is ₹ 10 INR a month and ₹ 110 INR a year, 8.3% off"]


def test_prices_written_in_prose_are_not_judged():
    prose = "# Pricing\n\nStarter is ₹ 10 INR a month or ₹ 110 INR a year. Get 50% off on the yearly plan.\n"
    assert discount_contradiction(load_text(prose, "pricing.md", "markdown")) is None
