"""A 0-100 score per document that tracks how well the copy would sell, with sub-scores explained by deductions.

What a buyer needs from sales copy, and so what the score weighs (sub-score: weight):

- **substance** (what the copy tells the buyer, 0.25): the claims it makes for the buyer to decide on, a benefit
  counting twice a feature, on a log scale full at SUBSTANCE_FULL (about a landing page's worth; an e-mail asks one
  thing, so it is full at SUBSTANCE_FULL_EMAIL). Copy that says little cannot sell however clean it is.
- **ask** (the offer and the ask, 0.15): a clear next step to take (a button or link beats a sentence), what it
  costs (an amount, or at least a pointer to the price; not in a welcome to a reader who has just joined or bought);
  the ask rules' findings cost here.
- **proof** (0.10): reasons to believe someone else bought it and it worked: testimonials, customer counts, named
  customers, results, ratings, benchmarks (plainpitch.analysis.proof). A page or proposal that must persuade on
  its own is expected to show some, an email that asks the reader to act one proof point; a pricing page and a
  welcome to a new customer, whose buyer has decided, little.
- **buyer focus** (0.20): what the buyer gets (benefits among the claims), talking to the buyer rather than about
  the seller; the BEN and CLM rules' findings cost here.
- **clarity** (0.20): reading grade, sentence length; the readability, tone and structure findings.
- **jargon** (0.10): unexplained terms for this reader per 100 words (copy.jargon_terms, whatever rules are on).

Then **statements**: slogans and filler ("You get it. You save time. You win.") say nothing even where the
classifier reads a claim into them. The overall score is the weighted parts times ``STATEMENT_FLOOR + (1 - floor) *
statement_share``, the share of the statements a text of its length should make (a body sentence of
four words or more; one per 60 words, at least one, at most four) that it makes.

Then **trust**: a finding that makes the buyer doubt everything else (placeholder Latin where a testimonial should
be, a faked "Re:" thread, a price example whose sum is wrong; rules marked ``breaks_trust``) costs the whole text,
not one part: the overall score is multiplied by TRUST_FACTOR for each such rule that fires (at most
TRUST_BREAKS_MAX of them).

Every point lost is a Deduction (a rule code, or a named measure such as ``grade``) in the report.

How the weights were chosen (scripts/score_study.py): sets of real texts each ranked best to worst as sales copy
by a reader who never saw the code (the copywriter's eleven dev texts, and the blind rounds' rankings in
eval/blind/PROTOCOL.md). Across them, what tracked the rankings was how much the copy tells the buyer, the ask,
proof and talking to the buyer; a log-of-length cost and a share of claims with a number in them ran against the
rankings or not at all, so neither is measured any more. The weights are round numbers near a pairwise fit,
validated leaving each set out; the figures are in the README ("Is the advice right?"). A
call is scored by plainpitch.call.score.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

from plainpitch.model import Deduction, Document, Finding, Score, SubScore

SUBSCORES = ("substance", "ask", "proof", "buyer_focus", "clarity", "jargon")
# Round numbers near a pairwise fit to ranked sets of real texts (module docstring). Jargon keeps 0.10 though the
# rankings gave it nothing: at 0.05 spelling out an acronym (a longer sentence) lowered the score it fixes.
WEIGHTS = {"substance": 0.25, "ask": 0.15, "proof": 0.10, "buyer_focus": 0.20, "clarity": 0.20, "jargon": 0.10}
SEVERITY_POINTS = {"suggestion": 1.5, "warning": 4.0, "error": 12.0}
DOCUMENT_POINTS = {"suggestion": 5.0, "warning": 12.0, "error": 30.0}
# Findings whose fact a measure already charges: no proof (the proof measure), only reading asks (ask strength).
MEASURED_BY = {"PRF001": "proof", "CTA010": "ask-strength"}
# Per-100-words scale: local findings cost per this many words of copy (floor: short copy is not let off).
WORDS_PER_UNIT = 100

# -- measures --------------------------------------------------------------------------------------------------
GRADE_FLOOR = 6.0  # plain-language target (plainlanguage.gov, GOV.UK: write for a reading age of 9-12)
GRADE_POINTS = 1.0  # per grade above the floor (at 3 the rankings tracked a little better, but spelling out an
GRADE_CAP = 15.0  # acronym, longer words, then lowered the score of the rewrite that fixes it)
GRADE_RELIABLE_WORDS = 100  # below this the formulas are rough: the grade weighs words/100 of its cost
SENTENCE_WORDS_FLOOR = 15.0  # plain-language guides: average 15-20 words per sentence
SENTENCE_POINTS = 1.0  # per word of average sentence length above the floor
SENTENCE_CAP = 15.0
# What the copy tells the buyer: a benefit claim counts this many times a feature claim (the buyer decides on what
# they get; a feature still informs), and the part is full at this many on a log scale (about a landing page).
BENEFIT_CLAIM_WEIGHT = 2
SUBSTANCE_FULL = 20
# A short e-mail makes one case (cold-email guides: 50-125 words, one problem, one proof, one ask): about three
# benefits is all it should say, and saying more makes it longer, not better.
SUBSTANCE_FULL_EMAIL = 6
BENEFIT_SHARE_POINTS = 40.0  # times the share of claims that are features, not benefits
NO_CLAIMS_SHARE = 0.5  # copy with no feature or benefit claim says nothing for the buyer either: half cost
SHARE_PRIOR_CLAIMS = 4  # the share is pulled toward 0.5 as if this many more claims were half benefits
WE_SHARE_POINTS = 20.0  # times the share of pronouns that are the writer's (we, our, I)
NO_PRONOUN_SHARE = 0.5  # copy that addresses nobody: half cost
JARGON_DENSITY_POINTS = 10.0  # per unexplained term per 100 words (three in 100 words lose the buyer)
JARGON_DENSITY_CAP = 60.0
# The ask: a button or link for a next step is the whole point (level 3); a next step asked only in a sentence, or
# a button with an unclear label (2), and only "learn more" (1) cost this much. Copy with no ask at all (0) asks the
# buyer for nothing: with CTA001's error (30 points) the ask part is gone.
ASK_STRENGTH_POINTS = {3: 0.0, 2: 15.0, 1: 35.0, 0: 70.0}
# The price: an amount costs nothing; a pointer to it (pricing page, "free", a quote) this much; no word on what it
# costs, this much (Nielsen Norman Group: prices are the information buyers look for first).
PRICE_POINTER_POINTS = 10.0
PRICE_NONE_POINTS = 25.0
# Proof expected by the medium: a page or proposal that sells on its own shows some; one kind is a start, three
# kinds (say a testimonial, a customer count and a result) is what a strong page carries.
# An email that asks a stranger (or a trial user) to act is expected to give one reason to believe: the standard advice
# for cold and product emails is one proof point ("Acme cut its month-end by 3 days").
# A text of no known medium that sells (a plugin directory's readme.txt, a plain-text page) is read as a page: it
# too must persuade on its own.
PROOF_EXPECTED = {"page": 1.0, "proposal": 1.0, "email": 0.7, "text": 1.0}
# A text with one job once the buyer has decided (a price list; a welcome to someone who has just joined or bought)
# is expected to carry a little proof, not to make the case again.
ONE_JOB_PROOF = 0.4
PROOF_NONE_POINTS = 70.0  # no proof at all, on a page that must sell on its own
PROOF_PER_KIND = (0.0, 30.0, 15.0, 0.0)  # points still lost with 0 (see above), 1, 2, 3+ kinds of proof
STATEMENT_FLOOR = 0.5
WORDS_PER_STATEMENT = 60
STATEMENTS_MAX = 4
STATEMENT_MIN_WORDS = 4
# A buyer who catches one trick or one wrong sum discounts every other claim on the page; two are the most that
# still leave anything to weigh.
TRUST_FACTOR = 0.85
TRUST_BREAKS_MAX = 2

MEASURE_NOTES = {
    "grade": "reading grade above 6",
    "sentence-length": "average sentence over 15 words",
    "benefit-share": "share of claims that are features, not benefits",
    "you-focus": "share of pronouns that are we/our/I, not you/your",
    "jargon-density": "unexplained terms for this reader per 100 words",
    "ask-strength": "no button or link for a next step (only 'learn more', or the ask buried in a sentence)",
    "proof": "little or no proof that others bought it and it worked",
    "price": "no amount: only a pointer to the price, or no word on what it costs",
    "substance": "few claims for the buyer to decide on (a benefit counts twice a feature)",
}


def _subscore_of(finding: Finding) -> str:
    from plainpitch.rules.base import CATEGORIES

    part = CATEGORIES.get(finding.category, ("", "", "clarity"))[2]
    return part if part in WEIGHTS else "clarity"


def _metric(ctx, name: str):
    if ctx is None:
        return None
    try:
        return ctx.metric(name)
    except Exception:  # a metric provider that fails must not take the score down with it
        return None


def _price_points(doc: Document, ctx) -> float:
    """An offer says what it costs: an amount (nothing lost), a pointer to the price (pricing or plans, "free",
    "open source", a quote, a sales contact), or nothing at all. A call or a note that sells nothing is not judged."""
    from plainpitch.analysis.offer import document_prices, offer_parts
    from plainpitch.analysis.outreach import welcomes_a_new_customer

    medium = getattr(ctx, "medium", "text")
    if medium not in ("page", "email", "proposal"):
        return 0.0
    if document_prices(doc) or (medium == "email" and welcomes_a_new_customer(doc)):
        return 0.0  # priced, or a welcome to a reader who has just bought or joined
    return PRICE_POINTER_POINTS if offer_parts(doc, ctx).price else PRICE_NONE_POINTS


def _proof_points(doc: Document, ctx) -> float:
    from plainpitch.analysis.offer import is_pricing_page
    from plainpitch.analysis.outreach import welcomes_a_new_customer

    medium = getattr(ctx, "medium", "text")
    expected = PROOF_EXPECTED.get(medium, 0.4)
    if medium == "page" and is_pricing_page(doc):
        expected = ONE_JOB_PROOF  # the price list does one job; proof lives on the pages that send buyers to it
    elif medium == "email" and welcomes_a_new_customer(doc):
        expected = ONE_JOB_PROOF  # the reader has just decided: the welcome's job is the first step
    kinds = int(_metric(ctx, "copy.proof_kinds") or 0)
    lost = PROOF_NONE_POINTS if kinds == 0 else PROOF_PER_KIND[min(kinds, 3)]
    return expected * lost


def measure_deductions(doc: Document, ctx) -> dict[str, dict[str, float]]:
    """Points lost to the measures, by sub-score and measure name (see the module docstring)."""
    out: dict[str, dict[str, float]] = {name: {} for name in SUBSCORES}
    if ctx is None or getattr(ctx, "medium", "") == "call" or not doc.words:
        return out
    words = max(doc.word_count, 1)
    reliability = min(1.0, words / GRADE_RELIABLE_WORDS)  # rough over a few words: weighs words/100 of its cost
    grade = _metric(ctx, "copy.grade")
    if grade is not None:
        out["clarity"]["grade"] = reliability * min(GRADE_CAP, GRADE_POINTS * max(0.0, float(grade) - GRADE_FLOOR))
    per_sentence = _metric(ctx, "copy.words_per_sentence")
    if per_sentence is not None:
        out["clarity"]["sentence-length"] = min(
            SENTENCE_CAP, SENTENCE_POINTS * max(0.0, float(per_sentence) - SENTENCE_WORDS_FLOOR)
        )
    features = _metric(ctx, "copy.features") or 0
    benefits = _metric(ctx, "copy.benefits") or 0
    said = BENEFIT_CLAIM_WEIGHT * benefits + features
    full = SUBSTANCE_FULL_EMAIL if getattr(ctx, "medium", "") == "email" else SUBSTANCE_FULL
    out["substance"]["substance"] = 100.0 * (1.0 - min(1.0, math.log1p(said) / math.log1p(full)))
    prior = SHARE_PRIOR_CLAIMS
    feature_share = (features + NO_CLAIMS_SHARE * prior) / (features + benefits + prior)
    out["buyer_focus"]["benefit-share"] = BENEFIT_SHARE_POINTS * feature_share
    you = _metric(ctx, "copy.you_count") or 0
    we = _metric(ctx, "copy.we_count") or 0
    out["buyer_focus"]["you-focus"] = WE_SHARE_POINTS * (we / (you + we) if you + we else NO_PRONOUN_SHARE)
    strength = _metric(ctx, "copy.ask_strength")
    if strength is not None:
        out["ask"]["ask-strength"] = ASK_STRENGTH_POINTS.get(int(strength), 0.0)
    out["ask"]["price"] = _price_points(doc, ctx)
    out["proof"]["proof"] = _proof_points(doc, ctx)
    terms = _metric(ctx, "copy.jargon_terms") or 0
    density = reliability * JARGON_DENSITY_POINTS * terms * WORDS_PER_UNIT / words
    out["jargon"]["jargon-density"] = min(JARGON_DENSITY_CAP, density)
    return out


def statement_share(doc: Document, ctx) -> float:
    """0..1: the share of the statements a text of this length should make that it makes. A statement is a body
    sentence of at least STATEMENT_MIN_WORDS words (slogans like "You win." say nothing; greetings, sign-offs and
    buttons are not the body): one per 60 words, at least one, at most four."""
    from plainpitch.analysis.regions import body_units

    body = set(body_units(doc)) | {i for i, u in enumerate(doc.units) if u.kind == "table_cell"}  # a table informs
    statements = sum(1 for s in doc.sentences if s.unit in body and s.word_count >= STATEMENT_MIN_WORDS)
    needed = min(STATEMENTS_MAX, max(1.0, doc.word_count / WORDS_PER_STATEMENT))
    return min(1.0, statements / needed)


def _trust_breaks(findings: tuple[Finding, ...]) -> set[str]:
    """The codes of the trust-breaking rules (``breaks_trust``) among the findings."""
    from plainpitch.rules.base import all_rules

    breakers = {r.meta.code for r in all_rules() if r.meta.breaks_trust}
    return {f.code for f in findings if f.code in breakers}


def score(doc: Document, findings: Iterable[Finding], ctx=None) -> Score | None:
    """The score, or None when there is no copy to judge (a one-word file, a list of links). A call is scored by
    the call analysis' own measure (plainpitch.call.score: talk and the seller's jargon)."""
    findings = tuple(findings)
    if getattr(ctx, "medium", "") == "call":
        from plainpitch.call.score import call_score, seller_words

        return call_score(findings, seller_words(doc)) if doc.units else None
    from plainpitch.classify import MIN_COPY_WORDS, copy_words

    if copy_words(doc, ctx) < MIN_COPY_WORDS:
        return None
    words = max(doc.word_count, 1)
    scale = max(1.0, words / WORDS_PER_UNIT)
    costs: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for f in findings:
        part = _subscore_of(f)
        if f.code in MEASURED_BY:
            continue  # a measure is the same fact; counting both would charge it twice
        if f.data.get("scope") == "document":
            costs[part][f.code].append(DOCUMENT_POINTS[f.severity])
        else:
            costs[part][f.code].append(SEVERITY_POINTS[f.severity] / scale)
    measures = measure_deductions(doc, ctx)
    parts = []
    exact: dict[str, float] = {}
    for name in SUBSCORES:
        found = [Deduction(code, round(sum(pts), 2), len(pts)) for code, pts in costs[name].items()]
        measured = [Deduction(key, round(pts, 2), 1) for key, pts in measures.get(name, {}).items() if pts > 0]
        deductions = tuple(sorted(found + measured, key=lambda d: (-d.points, d.code)))
        value = max(0.0, 100.0 - sum(d.points for d in deductions))
        exact[name] = max(0.0, 100.0 - sum(sum(p) for p in costs[name].values()) - sum(measures.get(name, {}).values()))
        note = "; ".join(f"{d.code}: {MEASURE_NOTES[d.code]}" for d in measured)
        parts.append(SubScore(name, round(value, 1), deductions, note))
    weighted = sum(WEIGHTS[name] * exact[name] for name in SUBSCORES)
    factor = STATEMENT_FLOOR + (1.0 - STATEMENT_FLOOR) * statement_share(doc, ctx)
    factor *= TRUST_FACTOR ** min(TRUST_BREAKS_MAX, len(_trust_breaks(findings)))
    # From the unrounded parts, to two decimals: small differences (one word fewer) still order two texts.
    return Score(round(weighted * factor, 2), tuple(parts))
