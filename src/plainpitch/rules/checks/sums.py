"""A worked price example whose sum is wrong (CTA007): found by plainpitch.analysis.sums."""

from __future__ import annotations

from collections.abc import Iterable

from plainpitch.analysis.sums import wrong_sums
from plainpitch.model import Document, Span
from plainpitch.rules.base import Hit, RuleContext, rule


@rule(
    code="CTA007",
    default=False,
    default_note="Off by default: wrong on all 3 held-out findings (a rate per hour read as per month, a factor in per "
                 "cent read as a whole number, twice): reading a worked sum from prose misreads units and shares often "
                 "enough that a finding telling the seller their arithmetic is wrong cannot be trusted yet.",
    name="wrong-sum",
    category="ask",
    scope="seller",
    fields=("expression", "stated", "right"),
    severity="error",
    impact=3,
    breaks_trust=True,
    summary="A price example or price table whose arithmetic is wrong: the buyer redoes the sum and gets another answer.",
    why=(
        "Buyers check the sums that tell them what they will pay. When '48,000 × £0.01' is shown as '£0.48', the "
        "reader cannot tell which number is the mistake, the price or the total, and stops trusting every price "
        "on the page; a wrong worked example is worse than none."
    ),
    message="{expression} is {right}, not {stated}",
    fix="Correct the result, or the price if that is the mistake (say the unit if the price is per 1,000 or per "
    "hour), and check the totals built on it.",
    bad=[
        {"text": "Three seats: 3 × $10 = [[$40]] a month.", "format": "text"},
        {"text": "| Item | Used | Price | Cost |\n|---|---|---|---|\n| Messages | 200 | £0.01 | £2.00 |\n"
                 "| Seats | 5 | £0.05 | £0.25 |\n| Calls | 48,000 | £0.01 | [[£0.48]] |\n", "format": "markdown"},
    ],  # fmt: skip
    good=[
        {"text": "Three seats: 3 × $10 = $30 a month.", "format": "text"},
        {"text": "| Item | Used | Price | Cost |\n|---|---|---|---|\n| Messages | 200 | £0.01 | £2.00 |\n"
                 "| Seats | 5 | £0.05 | £0.25 |\n| Calls | 48,000 | £0.01 | £480.00 |\n", "format": "markdown"},
        {"text": "A 1920 x 1080 = 2MP screen for $199.", "format": "text"},
    ],  # fmt: skip
    sources=["Nielsen Norman Group on pricing pages: buyers look for what they will pay and check the sums"],
)
def wrong_sum(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    for w in wrong_sums(doc):
        yield Hit(Span(w.start, w.end), {"expression": w.expression, "stated": w.stated, "right": w.right},
                  data={"expression": w.expression, "stated": w.stated, "right": w.right})
