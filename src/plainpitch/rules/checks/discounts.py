"""A yearly saving the prices contradict (CLM003): "Save 20%" over a plan whose yearly price saves 40%.

What counts as a claim and a plan is plainpitch.analysis.discounts'; this rule reports the first plan that
contradicts the claim, at the claim where the copy shows it (else at the top: the claim is in the page's fields).
"""

from __future__ import annotations

from collections.abc import Iterable

from plainpitch.analysis.discounts import discount_contradiction
from plainpitch.model import Document, Span
from plainpitch.rules.base import Hit, RuleContext, rule

_PLANS = (
    "pricing_card:\n"
    "  - title: Personal\n    price: {{monthly_price: 5, yearly_price: {personal}}}\n"
    "  - title: Business\n    price: {{monthly_price: 25, yearly_price: 240}}\n"
)
_PAGE = "---\ntitle: Hosting plans\n" + _PLANS + "---\n\n# Hosting plans\n\nHosting for your shop's site. {badge} with yearly billing.\n"


@rule(
    code="CLM003",
    name="discount-contradicts-prices",
    category="claims",
    scope="seller",
    fields=("claim", "plan", "monthly", "yearly", "saving"),
    severity="error",
    impact=3,
    breaks_trust=True,
    summary="A yearly saving ('Save 20%') that a plan's own monthly and yearly prices contradict.",
    why=(
        "Buyers comparing monthly and yearly billing do the division. When 'Save 20%' sits over a plan that saves "
        "40%, or whose yearly price costs more than twelve months, the buyer cannot tell which number is wrong, the "
        "promise or the price, and stops trusting both."
    ),
    message="'{claim}' does not hold: {plan} is {monthly} a month and {yearly} a year, {saving}% off",
    fix="Correct the yearly price, or say the saving each plan really gives ('save up to 40%', or per plan).",
    bad=[
        {"text": _PAGE.format(badge="[[Save 20%]]", personal=36), "format": "markdown", "medium": "page"},
    ],
    good=[
        {"text": _PAGE.format(badge="Save 20%", personal=48), "format": "markdown", "medium": "page"},
        {"text": _PAGE.format(badge="Save up to 40%", personal=36), "format": "markdown", "medium": "page"},
    ],
    media=("page", "email", "proposal", "text"),
    example_medium="page",
    sources=["Nielsen Norman Group on pricing pages: buyers look for what they will pay and check the sums"],
)
def discount_contradicts_prices(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    found = discount_contradiction(doc)
    if found is None or not doc.units:
        return
    at = doc.text.find(found.claim.text)
    unit = next((u for u in doc.units if u.start <= at < u.end), None) if at >= 0 else None
    span = Span(at, at + len(found.claim.text)) if unit is not None else Span(doc.units[0].start, doc.units[0].end)
    saving = f"{found.plan.saving:g}"
    plan = f"'{found.plan.name}'" if found.plan.name else "a plan"
    yield Hit(span, {"claim": found.claim.text, "plan": plan, "monthly": found.plan.monthly,
                     "yearly": found.plan.yearly, "saving": saving},
              data={"scope": "document", "claimed": found.claim.percent, "saving": found.plan.saving})  # fmt: skip
