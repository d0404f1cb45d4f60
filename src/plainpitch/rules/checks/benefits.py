"""Buyer focus: features with no benefit near them, we-focused copy, spec-sheet copy; the balance metrics.

Every sentence, heading and list item is classified once (plainpitch.classify) as feature, benefit or other.
The classes go into the JSON report (details["sentences"]) and drive BEN001-BEN003 and the buyer-focus score.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from plainpitch.classify import SentenceClass, classify_document, cues
from plainpitch.classify.ladder import rungs
from plainpitch.model import Metric, Span, Suggestion
from plainpitch.rules.base import Hit, details_provider, metric_provider, rule

_QUOTED_RE = re.compile(r"[\"“][^\"“”]{3,}[\"”]")
# A customer's story told in the past tense ("we decided", "we needed") is the customer's voice, not the seller
# talking about itself; BEN002 counts the writer's present-tense "we" only.
_NARRATIVE_RE = re.compile(
    r"\b(?:we|i)(?:'ve| have| had)?(?:\s+\w+ly)?\s+(?:\w+ed|had|was|were|found|made|took|began|chose|knew|saw|got|went|wrote|"
    r"built|thought|came|felt|ran|spent|led|kept|left|brought|met|heard|told|grew|saw)\b|\b(?:19|20)\d\d\b",
    re.IGNORECASE,
)


# -- shared helpers ----------------------------------------------------------------------------------------
def sections(doc) -> list[int]:
    """Section number of each unit: a heading starts a new section (it belongs to the content under it)."""
    out, current = [], 0
    for i, unit in enumerate(doc.units):
        if unit.kind == "heading" and i:
            current += 1
        out.append(current)
    return out


def claims(doc, ctx) -> tuple[SentenceClass, ...]:
    return classify_document(doc, ctx)


def _is_quoted(doc, item: SentenceClass) -> bool:
    """A testimonial or a quoted line: the customer's words, not the writer's claim to fix."""
    if doc.units[item.unit].kind == "quote":
        return True
    text = item.text.strip()
    return text[:1] in "\"“" or bool(_QUOTED_RE.fullmatch(text))


_READER_I_RE = re.compile(
    r"\b(?i:how|what|where|when|why|which|can|do|does|should|will|am|may|could|who)\s+(?:(?i:do|can|should|will)\s+)?I\b"
)


def _unquoted_sentences(doc):
    """(index, text) of each sentence with quoted words blanked; a quote may run over several sentences."""
    open_quote = False
    last_unit = -1
    for i, sentence in enumerate(doc.sentences):
        if sentence.unit != last_unit:
            open_quote, last_unit = False, sentence.unit
        text = cues.normalise(sentence.text)
        out = []
        for ch in text:
            if ch == '"':
                open_quote = not open_quote
                out.append(" ")
            else:
                out.append(" " if open_quote else ch)
        yield i, "".join(out)


def pronoun_counts(doc) -> tuple[int, int, list[tuple[int, int, int]]]:
    """(you, we, per-sentence [(index, we, you)]) over the writer's own present-tense text (quotes left out)."""
    you_total = we_total = 0
    per_sentence = []
    for i, text in _unquoted_sentences(doc):
        unit = doc.units[doc.sentences[i].unit]
        if unit.kind in ("quote", "table_cell") or (unit.turn is not None and unit.turn.role == "buyer"):
            continue
        you = cues.count(cues.YOU_RE, text)
        if unit.kind in ("cta", "link") or (text.rstrip().endswith("?") and _READER_I_RE.search(text)):
            # "Start my free trial", "How do I apply?": the reader's own voice, the buyer-focused way to write
            # a button or head a section
            you += cues.count(cues.WE_RE, text)
            we = 0
        else:
            we = 0 if _NARRATIVE_RE.search(text) else cues.count(cues.WE_RE, text)
        you_total += you
        we_total += we
        if we:
            per_sentence.append((i, we, you))
    return you_total, we_total, per_sentence


def _list_intro_is_benefit(doc, items, item, section) -> bool:
    """A feature list under a benefit (the section's heading or the lead-in line) has its "so what" said once."""
    before = [n for n in items if n.unit < item.unit and section[n.unit] == section[item.unit]
              and doc.units[n.unit].kind != "list_item"]  # fmt: skip
    return bool(before) and before[-1].label == "benefit" or any(
        n.label == "benefit" and doc.units[n.unit].kind == "heading" for n in before
    )


def _feature_runs(doc, ctx) -> list[list[SentenceClass]]:
    """Features with no benefit within the window, in runs: consecutive list items form one run."""
    items = claims(doc, ctx)
    section = sections(doc)
    window = int(ctx.threshold("sales.benefit_window"))
    floor = float(ctx.threshold("sales.feature_confidence"))
    uncovered: list[SentenceClass] = []
    for pos, item in enumerate(items):
        if item.label != "feature" or item.confidence < floor or _is_quoted(doc, item):
            continue
        if doc.units[item.unit].kind == "subject":
            continue  # a subject line has one job, the open (STR103), not the whole pitch
        near = items[max(0, pos - window) : pos + window + 1]
        if any(n.label == "benefit" and section[n.unit] == section[item.unit] for n in near):
            continue
        if doc.units[item.unit].kind == "list_item" and _list_intro_is_benefit(doc, items, item, section):
            continue
        uncovered.append(item)
    runs: list[list[SentenceClass]] = []
    for item in uncovered:
        unit = doc.units[item.unit]
        if runs and unit.kind == "list_item":
            prev = runs[-1][-1]
            prev_unit = doc.units[prev.unit]
            between = doc.units[prev.unit + 1 : item.unit]
            if prev_unit.kind == "list_item" and item.unit == prev.unit + 1 + len(between) and all(
                u.kind == "list_item" for u in between
            ):
                runs[-1].append(item)
                continue
        runs.append([item])
    return runs


def _benefit_share(items) -> float | None:
    features = sum(1 for c in items if c.label == "feature")
    benefits = sum(1 for c in items if c.label == "benefit")
    return benefits / (features + benefits) if features + benefits else None


def _feature_led(items, limit: float) -> bool:
    """Benefits under ``limit`` of the claims, judged as if two more claims were half benefits: on a text of
    one or two claims a single misread sentence must not make the whole copy "feature-led"."""
    features = sum(1 for c in items if c.label == "feature")
    benefits = sum(1 for c in items if c.label == "benefit")
    return (benefits + 1.0) / (features + benefits + 2.0) < limit


# -- BEN001 --------------------------------------------------------------------------------------------------
@rule(
    code="BEN001",
    name="feature-without-benefit",
    category="benefits",
    severity="warning",
    summary="A feature (what the product is, has or does) with no benefit for the buyer near it.",
    # severity: warning on feature-led copy (benefits under sales.benefit_share_warn of the claims), else suggestion
    why=(
        "Buyers buy outcomes, not specs. A feature with no benefit leaves the reader to work out 'so what?' "
        "on their own, and most will not: a business buyer cannot translate '20 ms p99' into 'pages load "
        "before your customers leave'. Each unanswered feature is a reason to keep looking. A warning when the "
        "copy is feature-led (benefits under 30% of its claims), a suggestion for a lone feature among benefits."
    ),
    message="Feature with no benefit near it: so what does the buyer get?",
    fix="Climb the 'so what?' ladder: add ', so you …' or ', which means …' and name the outcome.",
    bad=[
        "[[Our API answers in 20 ms at the 99th percentile.]]",
        {"text": "[[Supports SSO through SAML and OIDC.]]\n\nIt runs on Linux.", "format": "text"},
    ],
    good=[
        "Our API answers in 20 ms, so your pages load before shoppers give up.",
        {"text": "Supports SSO through SAML and OIDC, so you pass your security review in a day.", "format": "text"},
    ],
    sources=[
        "Rackham, 'SPIN Selling' (1988): features describe, benefits show how a need is met",
        "The features-advantages-benefits (FAB) framework of sales training: a feature sells only through its benefit",
    ],
    options={},
)
def feature_without_benefit(doc, ctx) -> Iterable[Hit]:
    # A feature-led page costs the sale; one bare feature among many benefits is a style point.
    led = _feature_led(claims(doc, ctx), float(ctx.threshold("sales.benefit_share_warn")))
    severity = "warning" if led else "suggestion"
    for run in _feature_runs(doc, ctx):
        first = run[0]
        ladder = rungs(first.text)
        data = {
            "label": first.label,
            "confidence": round(first.confidence, 3),
            "feature_type": ladder["feature_type"],
            "outcome_hint": ladder["outcome_hint"],
            "ladder": ladder["rungs"],
            "run": len(run),
        }
        suggestions = tuple(Suggestion(r, f"Finish with the outcome: {ladder['outcome_hint']}") for r in ladder["rungs"])
        message = None
        if len(run) > 1:
            message = f"{len(run)} features in a row with no benefit: say what the buyer gets"
            data["run_spans"] = [[item.start, item.end] for item in run]
        yield Hit(Span(first.start, first.end), {"kind": ladder["feature_type"]}, suggestions, data, message, severity)


# -- BEN002 --------------------------------------------------------------------------------------------------
@rule(
    code="BEN002",
    name="we-focused-copy",
    category="benefits",
    severity="warning",
    summary="Copy that talks about the seller (we, our, I) more than about the buyer (you, your).",
    why=(
        "Readers scan copy for what is in it for them. Copy full of 'we' and 'our' is about the seller's pride, "
        "not the buyer's problem, and reads like a brochure; 'you' puts the buyer in the picture of using it."
    ),
    message="We-focused copy: {value} we/our/I for {count} you/your",
    fix="Rewrite the flagged sentences from the buyer's side: 'you get…', 'your team…'.",
    bad=[
        {
            "text": "[[We believe our platform is the best and our engineers are proud of our code.]] We ship our "
            "releases weekly. Our team answers fast.",
            "format": "text",
        }
    ],
    good=[
        {
            "text": "You get a platform your team can trust. Your releases ship weekly, so your customers see fixes "
            "sooner. We answer within a day.",
            "format": "text",
        }
    ],
    sources=[
        "The 'you-attitude' of business writing (Locker, 'Business and Administrative Communication')",
        "Nielsen Norman Group, 'How Users Read on the Web': readers look for what concerns them",
    ],
)
def we_focused_copy(doc, ctx) -> Iterable[Hit]:
    you, we, per_sentence = ctx.memo("benefits.pronouns", lambda: pronoun_counts(doc))
    if we < int(ctx.threshold("sales.we_min")) or you / we >= float(ctx.threshold("sales.you_we_ratio_min")):
        return
    heavy = sorted(per_sentence, key=lambda t: (-(t[1] - t[2]), t[0]))
    worst = doc.sentences[heavy[0][0]]
    carriers = [
        {"start": doc.sentences[i].start, "end": doc.sentences[i].end, "we": w, "you": y}
        for i, w, y in sorted(heavy[:5], key=lambda t: t[0])
    ]
    yield Hit(
        Span(worst.start, worst.end),
        {"value": we, "count": you},
        data={"scope": "document", "we": we, "you": you, "ratio": round(you / we, 2), "sentences": carriers},
    )


# -- BEN003 --------------------------------------------------------------------------------------------------
@rule(
    code="BEN003",
    name="spec-sheet-copy",
    category="benefits",
    severity="warning",
    summary="Copy whose claims are nearly all features: a spec sheet, not a pitch.",
    why=(
        "When almost every claim is a feature, only buyers who already know why they need each one can judge "
        "the product; everyone else (the budget holder, the manager) cannot see what it is worth to them."
    ),
    message="Spec sheet: only {count} of {value} claims say what the buyer gets",
    fix="For your three strongest features, add the outcome each brings; lead with those.",
    bad=[
        {
            "text": "[[Supports SAML and OIDC single sign-on.]]\n\nIncludes a REST API and webhooks.\n\n"
            "Written in Go with a Postgres backend.\n\nAnswers in 20 ms at 10k requests per second.\n\n"
            "Stores 5 TB per node with 3x replication.\n\nRuns on Linux, macOS and Windows.",
            "format": "text",
        }
    ],
    good=[
        {
            "text": "Supports SAML single sign-on, so you pass security reviews faster.\n\nIncludes a REST API.\n\n"
            "Written in Go.\n\nExports metrics, so you find problems before customers do.\n\n"
            "Ships as one binary, so you install it in a minute.\n\nRuns on Linux and macOS.",
            "format": "text",
        }
    ],
    sources=["Judgement call, set below every professionally written page in shared/corpus (see docs/profiles.md)"],
)
def spec_sheet_copy(doc, ctx) -> Iterable[Hit]:
    items = [c for c in claims(doc, ctx) if c.label in ("feature", "benefit")]
    if len(items) < int(ctx.threshold("sales.claims_min")):
        return
    benefits = sum(1 for c in items if c.label == "benefit")
    if benefits / len(items) >= float(ctx.threshold("sales.benefit_share_min")):
        return
    first = next((c for c in items if c.label == "feature"), items[0])
    yield Hit(
        Span(first.start, first.end),
        {"count": benefits, "value": len(items)},
        data={"scope": "document", "benefits": benefits, "claims": len(items), "share": round(benefits / len(items), 3)},
    )


# -- metrics and report details --------------------------------------------------------------------------------
@metric_provider()
def buyer_focus_metrics(doc, ctx) -> Iterable[Metric]:
    items = claims(doc, ctx)
    features = sum(1 for c in items if c.label == "feature")
    benefits = sum(1 for c in items if c.label == "benefit")
    share = _benefit_share(items)
    yield Metric("copy.features", features, "feature sentences")
    yield Metric("copy.benefits", benefits, "benefit sentences")
    yield Metric("copy.benefit_share", None if share is None else round(share, 3), "benefits / (features + benefits)",
                 note="" if share is not None else "no feature or benefit claims")  # fmt: skip
    you, we, _ = ctx.memo("benefits.pronouns", lambda: pronoun_counts(doc))
    yield Metric("copy.you_count", you, "you, your")
    yield Metric("copy.we_count", we, "we, our, us, I, my")
    yield Metric(
        "copy.you_we_ratio",
        round(you / we, 2) if we else None,
        "buyer pronouns per writer pronoun",
        note="" if we else "no writer pronouns (we, our, I)",
    )


@details_provider()
def sentence_classes(doc, ctx):
    return "sentences", [c.as_dict() for c in claims(doc, ctx)]
