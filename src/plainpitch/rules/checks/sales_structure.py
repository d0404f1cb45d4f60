"""Sales structure: value up front, over-explaining (detail before the first benefit), length for the medium.

The opening is what a buyer reads before deciding to read on: a page's first heading and first 50 words, an
email's first two sentences after the greeting (the inbox preview), a proposal's first three sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from plainpitch.analysis import regions
from plainpitch.analysis.genre import is_not_a_pitch
from plainpitch.analysis.offer import is_pricing_page
from plainpitch.analysis.outreach import JOINED_RE, is_cold_email
from plainpitch.analysis.regions import body_units, body_words, hero_units
from plainpitch.classify import classify_document, cues
from plainpitch.model import Document, Metric, Span
from plainpitch.rules.base import Hit, RuleContext, metric_provider, rule
from plainpitch.text import lazy_re
from plainpitch.text.wordsets import unit_word_counts

BOOMERANG = "Boomerang's analysis of 40M+ emails (blog.boomerangapp.com, 2016): 50-125 words get the most replies"
BOOMERANG_SUBJECT = "Boomerang's analysis of subject lines (blog.boomerangapp.com): 3-4 word subject lines get the most replies"
LAVENDER = ("Cold-email practitioners (e.g. Lavender's published analyses): short cold emails reply best; the 25-50 "
            "word 'best' band is their guidance, reported here as a metric only")
NNG_F = "Nielsen Norman Group, 'F-Shaped Pattern of Reading on Web Content' (2006, 2017): the first words get read"
NNG_FOLD = "Nielsen Norman Group, 'Scrolling and Attention' (2010, updated 2018): most viewing time is above the fold"

# What an opening that leads with the seller looks like, by kind.
_HISTORY_RE = lazy_re.compile(
    r"\b(?:founded|established)\b|\b(?:since|started|began|launched|born)\b[^.]{0,40}\b(?:19|20)\d\d\b|"
    r"\b(?:in|since|back in) (?:19|20)\d\d\b|\bfor (?:over |more than )?\w+ (?:years|decades)\b",
    re.IGNORECASE,
)
_FOUNDER_RE = lazy_re.compile(
    r"\b(?:founded by|(?:i am|i'm|as) (?:the |a )?(?:co-?)?founder|my name is|i started|we are a (?:team|group) of|"
    r"our (?:co-?)?founders?|our story|our journey)\b",
    re.IGNORECASE,
)
_COMPANY_RE = lazy_re.compile(
    r"^(?:we are|we're|[A-Z][\w-]*(?: [A-Z][\w-]*)? (?:is|are)) (?:a|an|the) (?:leading|premier|trusted|top|"
    r"world-class|global|innovative|next-generation)\b|\bour (?:mission|company|vision)\b",
    re.IGNORECASE,
)
LEADS = {
    "technology": "leads with the technology",
    "history": "leads with the company's history",
    "founder": "leads with the founder",
    "company": "leads with the company",
}


def opening_sentences(doc, ctx) -> list[int]:
    return regions.opening_sentences(doc, ctx.medium, ctx.thresholds)


def _lead_kind(text: str, label: str, confidence: float) -> str | None:
    clean = cues.normalise(text)
    if _FOUNDER_RE.search(clean):
        return "founder"
    if _HISTORY_RE.search(clean) and label != "benefit":
        return "history"
    if _COMPANY_RE.search(clean):
        return "company"
    if label == "feature" and cues.technical_detail(clean) >= 2:
        return "technology"
    return None


# -- STR100 ----------------------------------------------------------------------------------------------------
@rule(
    code="STR100",
    default=False,
    default_note='Off by default: judged blind on real texts (the dev, corpus and fresh held-out batches pooled, eval/blind), 2 of 5 buried-value findings were right and useful (3 wrong: a developer product named by its category first, which is the value to that reader).',
    impact=3,
    name="buried-value",
    category="structure",
    scope="seller",
    fields=("what",),
    severity="warning",
    summary="An opening that leads with the technology, the company's history or the founder, not the buyer's gain.",
    why=(
        "Buyers give an opening a few seconds: on the web they read the first heading and the first words of a "
        "line, then scan (NN/g); in the inbox they see two lines of preview. If those lines are about your stack "
        "or your founding story, the reader leaves before reaching what they would get."
    ),
    message="The opening {what}: say what the buyer gets first",
    fix="Open with the outcome for the buyer; move the technology, history or founder further down.",
    bad=[
        {"text": "[[StreamForge was founded in 2021 by three infrastructure engineers.]] It syncs your databases.",
         "format": "text", "medium": "page"},
        {"text": "Hi Sam,\n\n[[Our engine supports CDC from Postgres WAL into Kafka, with gRPC and mTLS.]] It syncs databases.\n\n"
                 "Best,\nAna", "format": "text", "medium": "email"},
    ],  # fmt: skip
    good=[
        {"text": "Your reports stay up to date without anyone copying data by hand. StreamForge syncs your databases.",
         "format": "text", "medium": "page"},
        {"text": "Hi Sam,\n\nYour team could stop copying sales data by hand. Worth a look?\n\nBest,\nAna",
         "format": "text", "medium": "email"},
    ],  # fmt: skip
    media=("page", "email", "proposal", "text"),
    sources=[NNG_F, NNG_FOLD, "Mail clients (Gmail, Outlook, Apple Mail) preview the first line or two of the body beside the subject"],
)
def buried_value(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    if is_pricing_page(doc) or is_not_a_pitch(doc):
        return  # a price list compares specs; a contract or a form is not read for its opening
    opening = opening_sentences(doc, ctx)
    if not opening:
        return
    classes = {c.index: c for c in classify_document(doc, ctx)}
    lead: tuple[int, str] | None = None
    for i in opening:
        found = classes.get(i)
        text = doc.sentences[i].text
        if found is not None and found.label == "benefit":
            return  # the opening says what the buyer gets
        if cues.YOU_RE.search(text) and cues.OUTCOME_RE.search(text):
            return
        if lead is None:
            kind = _lead_kind(text, found.label if found else "other", found.confidence if found else 0.0)
            if kind in ("founder", "company") and ctx.medium == "email":
                kind = None  # an email that opens with its sender is BEN100's (cold) or normal (a warm reply)
            if kind == "technology" and ctx.profile == "technical":
                kind = None  # for developers the technology is the value: naming it first is right
            if kind is not None:
                lead = (i, kind)
    if lead is None:
        return
    sentence = doc.sentences[lead[0]]
    yield Hit(Span(sentence.start, sentence.end), {"what": LEADS[lead[1]]}, data={"scope": "document", "lead": lead[1]})


# -- STR101 ----------------------------------------------------------------------------------------------------
@rule(
    code="STR101",
    default=False,
    default_note='Off by default: judged blind on real texts (the dev, corpus and fresh held-out batches pooled, eval/blind), 0 of 3 detail-before-benefit findings were right and useful (2 wrong: versions and requirements are what a developer checks first).',
    impact=2,
    name="detail-before-benefit",
    category="structure",
    scope="seller",
    fields=("count",),
    severity="warning",
    summary="Many technical details (numbers, specs, technical terms) before the first benefit: over-explaining.",
    why=(
        "Detail earns attention only once the buyer knows why to care. A run of specs before the first benefit "
        "makes the reader do the translation, and business readers stop at the first term they do not know."
    ),
    message="{count} technical details before the first benefit: lead with the gain",
    fix="Move one benefit above the specs, then keep only the details that prove it.",
    bad=[
        {
            "text": "Our engine ingests WAL segments via logical replication slots and serializes them with Avro. "
            "[[It runs on Kubernetes with gRPC, mTLS and RBAC at 200k events/sec and 40 ms p99.]]",
            "format": "text",
        }
    ],
    good=[
        {
            "text": "Your dashboards show sales as they happen, so you never decide on yesterday's numbers. "
            "It runs on Kubernetes with gRPC, mTLS and RBAC at 200k events/sec and 40 ms p99.",
            "format": "text",
        }
    ],
    sources=["Judgement call (the count of details is in docs/profiles.md); see NN/g on scanning: " + NNG_F],
)
def detail_before_benefit(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    if is_pricing_page(doc) or is_not_a_pitch(doc):
        return  # a price list is specs by design; a contract or a form is not a pitch
    if ctx.profile == "technical":
        return  # for developers the details (benchmarks, specs) are the benefit, shown with proof
    limit = int(ctx.threshold("sales.detail_before_benefit_max"))
    total = 0
    for item in classify_document(doc, ctx):
        if item.label == "benefit":
            return
        total += cues.technical_detail(cues.normalise(item.text))
        if total > limit:
            yield Hit(Span(item.start, item.end), {"count": total}, data={"scope": "document", "details": total})
            return


# -- length by medium ------------------------------------------------------------------------------------------
@rule(
    code="STR102",
    default=False,
    default_note="Off by default: judged blind on held-out real texts, 1 of the 4 long-cold-email findings whose "
    "labels are recorded was right and useful (fresh-6); 2 were trivial (a $2,500 sponsorship request at 211 words, a "
    "140-word cold email whose story was its proof) and 1 wrong (a 187-word link-exchange email). Judges held length "
    "the least of a cold email's problems once it is near the limit.",
    impact=2,
    example_medium="email",
    name="long-cold-email",
    category="structure",
    scope="seller",
    fields=("limit", "words"),
    severity="warning",
    summary="A cold email longer than the buyer will read (best 25-50 words; flagged over 125).",
    why=(
        "A cold email competes with a full inbox. Boomerang's study of 40M emails found replies peak at 50-125 "
        "words and fall off after; cold-email studies put the best reply rates at 25-50 words. Every extra "
        "paragraph is a reason to archive it for later, which means never."
    ),
    message="Email of {words} words: best 25-50, cut it below {limit}",
    fix="Cut to the buyer's problem, one proof and one question; move the rest to a follow-up.",
    bad=[
        {
            "text": "Subject: Faster reports\n\nHi Sam,\n\n" + ("We help finance teams close the month faster, and "
                                                       "they tell us it is the best thing they did this year. ") * 6
            + "[[Worth a short call?]]\n\nBest,\nAna",
            "format": "text",
        }
    ],
    good=[
        {
            "text": "Subject: Faster month-end\n\nHi Sam,\n\nYour team closes the month in ten days. Acme customers "
            "close in three. Worth a short call next week?\n\nBest,\nAna",
            "format": "text",
        }
    ],
    media=("email",),
    sources=[BOOMERANG, LAVENDER],
)
def long_cold_email(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    if not is_cold_email(doc, ctx.medium):
        return  # a welcome or product email the reader asked for can take the words it needs
    limit = int(ctx.threshold("sales.email_words_max"))
    words = body_words(doc)
    if words <= limit:
        return
    units = set(body_units(doc))
    body = [s for s in doc.sentences if s.unit in units]
    last = body[-1]
    yield Hit(Span(last.start, last.end), {"words": words, "limit": limit},
              data={"scope": "document", "words": words})  # fmt: skip


@rule(
    code="STR103",
    default=False,
    default_note='Off by default: judged on real copy, 2 of 6 subject-line findings were right and useful; a short subject can be the point ("Still interested?").',
    name="subject-line-length",
    category="structure",
    scope="seller",
    fields=("value", "words"),
    severity="suggestion",
    summary="A subject line too short to say anything or too long to show on a phone (aim for 3-7 words).",
    why=(
        "The subject line decides whether the email is opened. Boomerang found 3-4 word subject lines get the "
        "most replies; past about 7 words phones cut them off, and one word says too little to earn the open."
    ),
    message="Subject line of {words} words: aim for {value}",
    fix="Name the buyer's problem or result in 3-7 words.",
    bad=[{"text": "Subject: [[Introducing the all-new Acme Cloud data platform for modern finance teams everywhere]]"
                  "\n\nHi Sam,\n\nWorth a look?\n\nBest,\nAna", "format": "text"}],  # fmt: skip
    good=[{"text": "Subject: Faster month-end close\n\nHi Sam,\n\nWorth a look?\n\nBest,\nAna", "format": "text"}],
    media=("email",),
    sources=[BOOMERANG_SUBJECT],
)
def subject_line_length(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    low = int(ctx.threshold("sales.subject_words_min"))
    high = int(ctx.threshold("sales.subject_words_max"))
    counts = None
    for i, unit in enumerate(doc.units):
        if unit.kind != "subject":
            continue
        counts = counts or unit_word_counts(doc)  # one pass over the words, however many subject lines
        words = counts[i]
        if words and not low <= words <= high:
            yield Hit(Span(unit.start, unit.end), {"words": words, "value": f"{low}-{high}"})


@rule(
    code="STR104",
    default=False,
    default_note="Off by default: judged on real copy, 2 of 7 long-hero findings were right and useful (5 wrong: a short headline already made the promise, or the 'hero' was a page description).",
    name="long-hero",
    category="structure",
    scope="seller",
    fields=("limit", "words"),
    severity="suggestion",
    summary="A page hero (headline and the line under it) of more words than a visitor reads at a glance.",
    why=(
        "Visitors decide in seconds whether a page is for them, and they read the hero, not the page (NN/g: most "
        "viewing time is above the fold, and lines are read only at their start). A hero over about 20 words "
        "turns the promise into a paragraph that gets skipped."
    ),
    message="Hero of {words} words: say the promise in under {limit}",
    fix="Keep one promise in the headline and one supporting line under it; move the rest below.",
    bad=[
        {
            "text": "# Acme Sync\n\n[[Acme Sync is a secure, scalable and fully managed platform that connects every "
            "database you run to every dashboard you use, in real time, with no code.]]\n\nMore text.",
            "format": "markdown",
        }
    ],
    good=[{"text": "# Reports that update themselves\n\nAcme Sync connects your databases to your dashboards.",
           "format": "markdown"}],  # fmt: skip
    media=("page",),
    example_medium="page",
    sources=[NNG_FOLD, NNG_F, "The 20-word limit is a judgement call (docs/profiles.md)"],
)
def long_hero(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    units = hero_units(doc)
    if not units:
        return
    limit = int(ctx.threshold("sales.hero_words_max"))
    words = sum(1 for w in doc.words if w.unit in units)
    if words <= limit:
        return
    unit = doc.units[units[-1]]
    yield Hit(Span(unit.start, unit.end), {"words": words, "limit": limit}, data={"scope": "document", "words": words})


@metric_provider("email")
def email_metrics(doc, ctx) -> Iterable[Metric]:
    words = body_words(doc)
    best = int(ctx.threshold("sales.email_words_best_max"))
    yield Metric("email.words", words, "words in the body", note=f"best 25-{best}, flagged over "
                 f"{ctx.threshold('sales.email_words_max')}")  # fmt: skip
    subject = [u for u in doc.units if u.kind == "subject"]
    if subject:
        yield Metric("email.subject_words", len(doc.text[subject[0].start : subject[0].end].split()), "subject words")


# -- STR105 ----------------------------------------------------------------------------------------------------
# A headline that is only a greeting, or a greeting and a name ("Welcome to Acme Bakery", "Welcome to our home page"):
# a longer line after the greeting says something and is left to the writer.
# "Welcome" as a greeting ("Welcome to Acme", "Welcome!", "Welcome back"), not a welcome e-mail or pack named as one
_GREETING_HEADLINE_RE = lazy_re.compile(r"^\W*(?:welcome(?:\s+(?:to|back|aboard|home)\b|\s*[!,.]|\s*$)|hello\b|hi there\b|"
                                   r"greetings\b|hey there\b)", re.IGNORECASE)  # fmt: skip
GREETING_HEADLINE_MAX_WORDS = 6


@rule(
    code="STR105",
    name="greeting-headline",
    category="structure",
    scope="seller",
    fields=(),
    severity="warning",
    impact=2,
    summary="A page whose headline is a greeting ('Welcome to our website'): the line every visitor reads offers nothing.",
    why=(
        "The headline is the one line nearly every visitor reads, and they decide from it whether the page is for "
        "them. 'Welcome to Acme' tells them only where they are, which they know; what the business offers, and "
        "for whom, has to wait for the lines most visitors never read."
    ),
    message="The headline is a greeting ('{match}'): it says nothing of what the buyer gets",
    fix="Make the headline what you offer and for whom, or what the buyer gets: 'Wedding cakes baked to order in "
        "Leeds', not 'Welcome to our bakery'.",
    bad=[{"text": "# [[Welcome to Our Bakery]]\n\nWe bake cakes for weddings and birthdays, to order, in Leeds.\n\n"
                  "[Order a cake](/order)", "format": "markdown"}],  # fmt: skip
    good=[{"text": "# Wedding cakes baked to order in Leeds\n\nTell us the date and the guests; we bake the rest.\n\n"
                   "[Order a cake](/order)", "format": "markdown"}],  # fmt: skip
    media=("page",),
    example_medium="page",
    sources=[NNG_F, "The six-word limit keeps to headlines that are a greeting and a name (a judgement call)"],
)
def greeting_headline(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    units = hero_units(doc)
    if not units or is_not_a_pitch(doc):
        return
    head = doc.units[units[0]]
    text = doc.unit_text(head).strip()
    if not _GREETING_HEADLINE_RE.match(text) or len(text.split()) > GREETING_HEADLINE_MAX_WORDS:
        return
    if JOINED_RE.search(doc.text):  # a reader who has just joined or bought is rightly welcomed
        return  # a welcome to someone who has just signed up or bought: greeting them is the point
    yield Hit(Span(head.start, head.end), data={"scope": "document"})
