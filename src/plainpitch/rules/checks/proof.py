"""Proof (PRF001), unfilled template fields (CLR002) and placeholder Latin (CLR003): what a buyer notices before
reading a claim.

Proof is found by plainpitch.analysis.proof (testimonials, customer counts, named customers, results, ratings,
benchmarks) and credited in ``details["proof"]``; a page or proposal that must persuade on its own and shows none gets
PRF001. Placeholders are found by plainpitch.text.placeholders; CLR002 reports them, one finding per kind. Lorem
ipsum is found by plainpitch.text.filler; CLR003 reports it (on by default: it is never right in copy a buyer sees).
"""

from __future__ import annotations

from collections.abc import Iterable

from plainpitch.analysis.asks import CONVERSION, find_asks, free_software, is_readme, sold_elsewhere
from plainpitch.analysis.completeness import sections_elsewhere
from plainpitch.analysis.genre import is_article, is_not_a_pitch
from plainpitch.analysis.offer import is_price_list
from plainpitch.analysis.proof import find_proof
from plainpitch.analysis.reader import is_documentation
from plainpitch.analysis.unread import has_foreign_part
from plainpitch.classify import copy_words
from plainpitch.model import Document, Metric, Span
from plainpitch.rules.base import Hit, RuleContext, details_provider, metric_provider, rule
from plainpitch.text import lazy_re, placeholders, stand_ins
from plainpitch.text.filler import is_filler, unwritten_note, writer_instruction

PROOF_MIN_WORDS = 100  # below this a page is a teaser or a stub: proof cannot be expected of it

CIALDINI = "Cialdini, 'Influence' (1984): social proof — people decide what to do by what others like them did"
NNG_TRUST = ("Nielsen Norman Group on trustworthiness: testimonials, client lists and real numbers are among the "
             "first credibility cues visitors look for")  # fmt: skip


def proofs(doc, ctx):
    return ctx.memo("proof.items", lambda: find_proof(doc))


def sells_alone(doc, ctx) -> bool:
    """A page or proposal that has to persuade without a salesperson: enough copy, a conversion ask (a page) and not
    documentation (a README with code to run is read to use the product, not to buy it)."""
    if ctx.medium not in ("page", "proposal") or copy_words(doc, ctx) < PROOF_MIN_WORDS or is_not_a_pitch(doc):
        return False  # a statement of work or a form is signed or filled in, not persuaded
    if sections_elsewhere(doc):
        return False  # the proof may be in a section another file holds
    if is_article(doc):
        return False  # a blog post or announcement is read by people who came for it, most of them users already
    if ctx.medium == "page":
        if is_price_list(doc):
            return False  # the price list does one job; the proof belongs on the pages that send buyers to it
        # a page that asks only through a link in its prose is an article that mentions where to act, not a pitch
        if not any((a.action in CONVERSION and a.kind != "inline") or a.kind == "cta" for a in find_asks(doc, ctx)):
            return False
        if is_documentation(doc, ctx) or free_software(doc, ctx):
            return False  # docs are read to use the product; free software is not sold with testimonials
        if sold_elsewhere(doc):
            return False  # the marketplace or the referred site shows its reviews and makes the sale
        if is_readme(doc):
            return False  # judged blind, 'no proof' on a README was right and useful once in seven: its reader came
            #               to try the code, and a demo, a screenshot or the stars are the proof it looks for
    return True


@rule(
    code="PRF001",
    name="missing-proof",
    category="proof",
    scope="seller",
    fields=(),
    severity="warning",
    impact=2,
    summary="A page or proposal that must persuade on its own but shows no proof: no customer, count, result or review.",
    why=(
        "Buyers believe other customers before they believe the seller. A page with no testimonial, no number of "
        "customers, no named customer and no result asks the reader to take every claim on trust, and a stranger "
        "will not; proof near the main claim is one of the first credibility cues visitors look for."
    ),
    message="No proof: nothing shows that anyone bought this and it worked",
    fix="Add one proof point near your main claim: a customer's words with name and role, how many customers you "
        "have, or a result a customer got, with a number.",
    bad=[
        {"text": "# [[Invoices that chase themselves]]\n\n" + ("Acme sends polite reminders until every invoice is paid. "
                 "It matches payments to invoices and tells you who is late. " * 8) + "\n\n[CTA: Start my free trial]",
         "medium": "page"},
    ],  # fmt: skip
    good=[
        {"text": "# Invoices that chase themselves\n\n" + ("Acme sends polite reminders until every invoice is paid. "
                 "It matches payments to invoices and tells you who is late. " * 8) + "\n\n"
                 "> \"We were paid 12 days sooner in the first month.\"\n\n— Ana Ruiz, Owner at Ruiz Bakery\n\n"
                 "[CTA: Start my free trial]",
         "medium": "page"},
        {"text": "# Invoices that chase themselves\n\n" + ("Acme sends polite reminders until every invoice is paid. "
                 "It matches payments to invoices and tells you who is late. " * 8) + "\n\nTrusted by 4,000 small "
                 "businesses.\n\n[CTA: Start my free trial]",
         "medium": "page"},
    ],  # fmt: skip
    media=("page", "proposal"),
    example_medium="page",
    sources=[CIALDINI, NNG_TRUST],
)
def missing_proof(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    if not sells_alone(doc, ctx) or proofs(doc, ctx) or has_foreign_part(doc, ctx):
        return  # proof read, no proof owed, or a part in another language the proof readers cannot see
    head = next((u for u in doc.units if u.kind in ("heading", "subject")), doc.units[0])
    yield Hit(Span(head.start, head.end), data={"scope": "document"})


@metric_provider("page", "email", "proposal", "text")
def proof_metrics(doc, ctx):
    items = proofs(doc, ctx)
    yield Metric("copy.proof_items", len(items), "pieces of proof", note="testimonials, customer counts, named "
                 "customers, results, ratings, benchmarks")  # fmt: skip
    yield Metric("copy.proof_kinds", len({p.kind for p in items}), "kinds of proof")


@details_provider("page", "email", "proposal", "text")
def proof_details(doc, ctx):
    items = proofs(doc, ctx)
    return "proof", {"count": len(items), "items": [p.as_dict() for p in items[:20]]}


# -- CLR002 ----------------------------------------------------------------------------------------------------
_KIND_MESSAGE = {
    "field": "Unfilled template field {match}{more}: the buyer sees it as written",
    "price": "Price left at {match}{more}: the offer looks unfinished",
    "filler": "Filler text '{match}'{more} left in the copy",
}
_KIND_FIX = {
    "field": "Fill in every field before sending ({names}), or remove the line.",
    "price": "Put the real prices in (or 'free' where it is free) before the buyer sees it.",
    "filler": "Replace the filler with the real copy, or cut the section until it is written.",
}


@rule(
    code="CLR002",
    default=False,
    default_note="Off by default: judged blind on real texts (the dev, corpus and fresh held-out batches pooled, eval/blind), 1 of 7 placeholder findings was right and useful (4 trivial: fields in a file that is a template by design; 2 wrong: a site's template variable, a form field).",
    name="unfilled-placeholder",
    category="clarity",
    scope="seller",
    fields=(),
    severity="error",
    impact=3,
    summary="Template fields, $0.00 prices or filler text left in copy meant for a buyer.",
    why=(
        "'Dear [Client.FirstName]' tells the buyer they are one of a list, and a proposal priced at $0.00 tells them "
        "it was never finished: either one ends the reading before the offer is seen. It is also the cheapest fix "
        "in the report."
    ),
    message="Unfilled placeholder {match}",
    fix="Fill in every field and price before the buyer sees it.",
    bad=[
        {"text": "Hi [[[First Name]]],\n\nYour site could load twice as fast. Worth a call?\n\nBest,\nAna",
         "format": "text"},
        {"text": "Website build: [[$0.00]]\n\nTraining: $0.00\n\nTotal: $0.00", "format": "text"},
    ],  # fmt: skip
    good=[
        {"text": "Hi Sam,\n\nYour site could load twice as fast. Worth a call?\n\nBest,\nAna", "format": "text"},
        {"text": "Free plan: $0 per month. Team plan: $49 per month.", "format": "text"},
    ],
    sources=["Mail-merge and template syntaxes (Mailchimp *|FNAME|*, Jinja {{ }}, bracketed fields): see "
             "plainpitch/text/placeholders.py"],
)
def unfilled_placeholder(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    text = doc.text
    by_kind: dict[str, list[tuple[int, int]]] = {}
    for unit in doc.units:
        if unit.kind == "turn":
            continue
        for start, end, kind in placeholders.find(text, unit.start, unit.end):
            if kind == "filler" and text[start : end].lower().startswith("lorem"):
                continue  # placeholder Latin is CLR003's
            if kind != "merge":  # a template engine's field is filled on send (a template file carries them by design)
                by_kind.setdefault(kind, []).append((start, end))
    if "price" in by_kind and placeholders.has_real_price(text):
        del by_kind["price"]  # "$0.00" beside real prices is a price list, not an unfinished one
    for kind, spans in by_kind.items():
        first = spans[0]
        names = sorted({text[s:e] for s, e in spans}, key=lambda n: text.index(n))
        more = f" and {len(spans) - 1} more" if len(spans) > 1 else ""
        message = _KIND_MESSAGE[kind].format(match=text[first[0] : first[1]], more=more)
        yield Hit(
            Span(*first),
            {"match": text[first[0] : first[1]]},
            data={"scope": "document", "kind": kind, "count": len(spans), "distinct": names,
                  "uses": doc.source_spans(spans[1:])},  # later uses, source offsets
            message=message,
            fix=_KIND_FIX[kind].format(names=", ".join(names[:4])),
        )


# -- CLR003 ----------------------------------------------------------------------------------------------------
_FILLER_KINDS = ("subject", "heading", "paragraph", "list_item", "cta", "quote", "table_cell")


_FIELD_RE = lazy_re.compile(r"\[[a-z][\w /-]{0,30}\]")  # "[role]", "[target customer]": a field the reader fills


def _for_the_reader(text: str, at: int) -> bool:
    """The instruction belongs to a template the text gives its reader to fill ('"Using this context: [paste your
    paragraph]"', quoted, or among fields such as '[role]'), not to a note its own writer left."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return stand_ins.in_quoted_example(line, at - line_start) or bool(_FIELD_RE.search(line))


@rule(
    code="CLR003",
    name="filler-text",
    category="clarity",
    scope="seller",
    fields=("more",),
    severity="error",
    impact=3,
    breaks_trust=True,
    summary="Placeholder left where a buyer reads it: 'lorem ipsum', '[TODO: add a link]', '[Insert logo]', copy "
    "calling itself one.",
    why=(
        "A buyer who meets 'Lorem ipsum' or 'Vestibulum a nunc ut eros' knows the page was never finished, and a "
        "testimonial in placeholder Latin says the praise around it is made up too: it costs trust in every claim "
        "on the page, not only the filler's own line. A writer's '[TODO: …]' says the same in English, and so does a "
        "template's instruction to its writer ('[e.g., Within 24-48 hours]', '[Insert download link]')."
    ),
    message="Placeholder text left in the copy{more}: '{match}'",
    fix="Write the real copy (a real customer's words with their name, for a testimonial), or cut the section until "
    "it is written.",
    bad=[
        {"text": "# Tax returns done right\n\nWe file your return in a day and find every deduction.\n\n> [[Vestibulum "
                 "a nunc ut eros condimentum posuere. Nullam dapibus quis nunc non interdum.]]\n>\n> — John Doe\n\n"
                 "[CTA: Book my return]", "medium": "page"},
        {"text": "# Welcome to the course\n\nHi Sam,\n\nThe group chat is where you meet the others and ask "
                 "questions. [[(TODO: add the invite link)]]\n\nSee you there,\nAna", "medium": "email"},
        {"text": "# Your guide is ready\n\nHi Sam,\n\nThe worksheets walk you through your first budget in an "
                 "evening. Download them here: [[[Insert download link]]]\n\nAna", "medium": "email"},
    ],  # fmt: skip
    good=[
        {"text": "# Tax returns done right\n\nWe file your return in a day and find every deduction.\n\n> \"They found "
                 "$1,200 my old preparer missed.\"\n>\n> — Ana Ruiz, nurse\n\n[CTA: Book my return]", "medium": "page"},
        {"text": "Our motto, Veritas, is on every invoice: we show you every fee before you pay.", "format": "text"},
        {"text": "Every template ships with placeholder text you replace in a minute.", "format": "text"},
    ],  # fmt: skip
    sources=["Placeholder Latin: the word lists of the Faker, lorem-text and python-lorem generators (see "
             "plainpitch/text/filler.py)", NNG_TRUST],
)
def filler_text(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    notes = not is_readme(doc)  # a README's "TODO:" lines are its roadmap, read by developers (not its template's
    # "[Insert …]" instructions)
    spans = []
    for u in doc.units:
        if u.kind not in _FILLER_KINDS:
            continue
        text = doc.unit_text(u)
        if is_filler(text):
            spans.append((u.start, u.end))
        elif (m := writer_instruction(text)) and not _for_the_reader(text, m.start()):
            spans.append((u.start + m.start(), u.start + m.end()))
        elif notes and (m := unwritten_note(text, instructions=False)):
            spans.append((u.start + m.start(), u.start + m.end()) if m.group(0).startswith(("[", "(")) else (u.start, u.end))
    if not spans:
        return
    first = spans[0]
    more = f" ({len(spans)} places)" if len(spans) > 1 else ""
    shown = doc.text[first[0] : first[1]]
    shown = shown if len(shown) <= 60 else shown[:57].rstrip() + "…"
    yield Hit(
        Span(*first),
        {"match": shown, "more": more},
        data={"scope": "document", "count": len(spans),
              "uses": doc.source_spans(spans[1:])},  # later uses, source offsets
    )
