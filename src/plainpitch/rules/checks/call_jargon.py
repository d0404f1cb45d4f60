"""JRG101: the seller's jargon on a call — the jargon detector's terms (``jargon.find_terms``), kept only when they
are jargon to *this* buyer (``plainpitch.call.terms``: not the buyer's own words, not names, not speech-to-text
slips, said more than once, not a term the buyer already asked about — TLK009 flags those).

The copy rules JRG001-JRG003 do not run on calls; this rule is their spoken form. The reader profile (``--profile``,
``profile = "technical"``) sets how technical a word must be to count, as it does for copy.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from plainpitch.call import facts_for
from plainpitch.call.terms import Candidate, SpokenTerm, spoken_jargon
from plainpitch.model import Document, Metric, Span, Suggestion
from plainpitch.rules.base import Hit, RuleContext, metric_provider, rule
from plainpitch.rules.checks.jargon import find_terms


def _candidates(report: Any) -> list[Candidate]:
    hits = [*getattr(report, "jargon", ()), *getattr(report, "acronyms", ())]
    return [Candidate(h.start, h.end, h.text, h.key, h.kind, h.reason, tuple(h.plain)) for h in hits]


def _compute(doc: Any, ctx: Any) -> list[SpokenTerm]:
    facts = facts_for(doc, ctx)
    if not facts.two_sided:
        return []
    # one pass of the detector over the whole call (this rule reads both sides), then each term's first use goes
    # to the side that said it: the seller's are candidates, the buyer's show the buyer's own vocabulary
    found = _candidates(find_terms(doc, ctx))
    role_at = {t.unit: t.role for t in facts.turns}
    seller = [c for c in found if role_at.get(doc.unit_at(c.start)) == "seller"]
    buyer = [c for c in found if role_at.get(doc.unit_at(c.start)) == "buyer"]
    return spoken_jargon(facts, seller, buyer, [a.term for a in facts.term_asks])


def call_terms(doc: Any, ctx: Any) -> list[SpokenTerm]:
    """The seller's terms that are jargon to this buyer, computed once per call."""
    if ctx is None or not hasattr(ctx, "memo"):
        return _compute(doc, ctx)
    return ctx.memo("call.jargon", lambda: _compute(doc, ctx))


@rule(
    code="JRG101",
    name="seller-jargon-on-call",
    category="jargon",
    scope="document",
    fields=("count", "term"),
    severity="suggestion",
    summary="A technical term or acronym the seller keeps saying on a call and the buyer has never used.",
    why=("A listener cannot re-read a sentence: a word they do not know takes the rest of the sentence with it, and "
         "most buyers will not interrupt to ask. On a call only terms that are jargon to this buyer count: not the "
         "buyer's own words, not company or product names, not speech-to-text slips, and not a word said once in "
         "passing. A buyer who uses several acronyms of their own shares the vocabulary."),  # fmt: skip
    message="'{term}' is said {count} times and never explained",
    fix="Say what it means for the buyer the first time you say it, or use the buyer's own words.",
    bad=[
        "Ana: Thanks for the time. Our [[CDC]] feed keeps your reports current.\n"
        "Ben: Okay. Our reports are a day late today.\n"
        "Ana: With CDC that goes away, and the CDC feed needs no new servers.\n"
        "Ben: Sounds good.\n"
    ],
    good=[
        "Ana: Thanks for the time. Our change feed keeps your reports current.\n"
        "Ben: Okay. Our reports are a day late today.\n"
        "Ana: With the feed that goes away, and it needs no new servers.\n"
        "Ben: Sounds good.\n",
        "Ana: Thanks for the time. How do you value a hotel today?\n"
        "Ben: We run the RevPAR and the NOI through a spreadsheet, then the ADR by month.\n"
        "Ana: Our model reads the NOI and the ADR from your reports, so the NOI is never typed twice.\n"
        "Ben: Good.\n",
    ],
    media=("call",),
    example_format="call",
    sources=["plainpitch's unexplained-jargon rules for copy (JRG001, JRG002), applied to what the seller says"],
)
def seller_jargon_on_call(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    for st in call_terms(doc, ctx):
        c = st.term
        plain = c.plain[0] if c.plain else ""
        if c.kind == "acronym":
            message = f"'{c.text}' is said {st.seller_uses} times and never spelled out"
            message += f" ({plain})" if plain else ""
        else:
            message = f"'{c.text}' is said {st.seller_uses} times and never explained" + (f"; try '{plain}'" if plain else "")
        yield Hit(Span(c.start, c.end), {"term": c.text, "count": st.seller_uses},
                  tuple(Suggestion(p, "plain words") for p in c.plain[:3]),
                  {"term": c.text, "count": st.seller_uses, "kind": c.kind}, message=message)  # fmt: skip


@metric_provider("call")
def call_jargon_metrics(doc, ctx) -> list[Metric]:
    facts = facts_for(doc, ctx)
    if not facts.turns:
        return []
    seller_words = sum(t.words for t in facts.turns if t.role == "seller")
    terms = call_terms(doc, ctx)
    value = round(100.0 * len(terms) / seller_words, 2) if seller_words and facts.two_sided else None
    return [Metric("call.jargon_per_100.seller", value, "Jargon per 100 seller words", "per 100 words",
                   "" if facts.two_sided else "only one side spoke")]  # fmt: skip
