"""Style rules that need more than a regex over a word list: walls of text (STR001), clichés (TON004) and
passive voice (TON005)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from plainpitch.model import Document, Span
from plainpitch.rules.base import Hit, RuleContext, rule
from plainpitch.text import lazy_re
from plainpitch.text.segment import words_in
from plainpitch.text.wordsets import Phrases, word_sets

# -- STR001 ---------------------------------------------------------------------------------------------


@rule(
    code="STR001",
    default=False,
    default_note='Off by default: on the judged real texts 0 of 5 findings were right and useful (4 trivial, 1 wrong).',
    name="long-paragraph",
    category="structure",
    scope="seller",
    fields=("count", "words"),
    severity="suggestion",
    example_format="text",
    summary="A paragraph with more words or sentences than a buyer will read in one go.",
    why=(
        "On screens people scan: they read the first lines of a block and skip the rest (Nielsen Norman Group's "
        "eye-tracking studies). A wall of text hides the one sentence that would have sold the product."
    ),
    message="Wall of text: {words} words in {count} sentences",
    fix="Split it into short paragraphs of one idea each, or turn a list of points into bullets.",
    bad=[
        "[[We built Acme for teams that send a lot of invoices and hate chasing payments. It connects to your "
        "bank, matches every payment to its invoice and tells you which customers are late. It sends polite "
        "reminders for you, on the schedule you choose, and stops as soon as the customer pays. It also shows "
        "you which customers always pay late, so you can ask for a deposit next time. Your accountant gets a "
        "clean report at the end of every month, with every payment matched. Most teams set it up in ten "
        "minutes and stop chasing payments in their first week.]]",
    ],
    good=[
        "We built Acme for teams that hate chasing payments.\n\nIt matches every payment to its invoice and "
        "tells you who is late.\n\nIt sends polite reminders for you, and stops as soon as the customer pays.",
    ],
    sources=["thresholds: profile keys paragraph.words_max and paragraph.sentences_max (docs/profiles.md)"],
)
def long_paragraph(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    words_max = ctx.threshold("paragraph.words_max")
    sentences_max = ctx.threshold("paragraph.sentences_max")
    counts: dict[int, list[int]] = {}
    for sentence in doc.sentences:
        entry = counts.setdefault(sentence.unit, [0, 0])
        entry[0] += sentence.word_count
        entry[1] += 1
    for index, (words, sentences) in counts.items():
        unit = doc.units[index]
        if unit.kind not in ("paragraph", "quote"):
            continue
        if words > words_max or sentences > sentences_max:
            yield Hit(
                Span(unit.start, unit.end),
                {"words": words, "count": sentences},
                data={"words": words, "sentences": sentences},
            )


# -- TON005 ---------------------------------------------------------------------------------------------
# Irregular past participles, after Vale's write-good Passive rule (MIT; see docs/CREDITS.md). Regular ones
# end in -ed and are matched by shape.
_IRREGULAR = """
awoken beat become been begun bent beset bet bid bidden bitten bled blown born borne bought bound bred brought
broken built burnt burst cast caught chosen clung come cost crept cut dealt dived done drawn dreamt driven drunk
dug eaten fallen fed felt fit fled flown flung forbidden forgotten forgiven forsaken fought found frozen given
gone got gotten ground grown heard held hidden hit hung hurt kept knelt knit known laid lain leapt learnt led left
lent let lit lost made meant met misspelt mistaken mown overcome overdone overtaken overthrown paid pled proven
put quit read rid ridden risen run rung said sat sawn seen sent set sewn shaken shaven shed shod shone shorn shot
shown shrunk shut slain slept slid slit slung smelt sold sought sown sped spent spilt spit split spoken spread
sprung spun stolen stood stuck stung stunk strewn stridden striven struck strung sung sunk sworn swept swollen
swum swung taken taught thought thrived thrown torn told trodden understood upheld upset woken won worn woven
wept withdrawn withheld withstood wound written
""".split()
# Participles that, after "to be", are almost always adjectives describing a state, not an action done to it
_ADJECTIVAL = frozenset(
    """
    based interested located concerned excited pleased delighted tired bored married qualified experienced skilled
    talented dedicated committed involved supposed used related limited advanced sophisticated complicated
    detailed varied mixed crowded determined prepared done gone worried surprised amazed convinced satisfied
    aware known required needed allowed welcome finished closed open opened fixed certified licensed
    honored honoured impressed thrilled touched moved inspired born welcomed celebrated loved trusted called named
    designed built made meant suited hosted headquartered powered backed funded owned rated ranked included
    """.split()
)
# "is curated by you": the actor is named, so nothing is hidden
_BY_AGENT_RE = lazy_re.compile(r"^(?:\s+(?:and|or|,)?\s*\w+(?:ed|en)?){0,3}?\s+by\s", re.IGNORECASE)
_BE = r"(?:am|is|are|was|were|be|been|being|isn't|aren't|wasn't|weren't|is not|are not|was not|were not)"
_PASSIVE_RE = lazy_re.compile(
    rf"\b{_BE}\s+(?:(?:\w+ly|not|also|often|always|never|all|still|then|now|already|fully)\s+){{0,2}}"
    rf"(?P<verb>\w+ed|{'|'.join(sorted(_IRREGULAR, key=len, reverse=True))})\b",
    re.IGNORECASE,
)


@rule(
    code="TON005",
    default=False,
    default_note='Off by default: on the judged real texts 0 of 23 passive-voice findings were right and useful (12 right but trivial, 11 wrong); most passives in copy hide nobody who matters.',
    name="passive-voice",
    category="tone",
    scope="seller",
    fields=(),
    severity="suggestion",
    example_format="text",
    summary="Passive voice that hides who does what (\"reports are generated\"); not when the actor is named or the verb is a state.",
    why=(
        "Passive sentences hide the actor, and in sales copy the actor is the point: the buyer wants to know that "
        "your product does the work, or that they can. Active sentences are also shorter and read faster "
        "(plainlanguage.gov: use active voice)."
    ),
    message="'{match}' is passive: say who does it",
    fix="Name the actor and put it first: 'Acme sends your invoices', not 'invoices are sent'.",
    bad=[
        "Your invoices [[are sent]] every morning.",
        "Reports [[were automatically generated]] for every client.",
    ],
    good=[
        "Acme sends your invoices every morning.",
        "We are based in Lisbon and are interested in your feedback.",
        "Every dashboard is curated and created by you.",
        "We would be honored to have you as a customer.",
    ],
    sources=[
        "plainlanguage.gov: use active voice",
        "Vale write-good Passive rule (irregular participles), MIT",
    ],
)
def passive_voice(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    text = doc.text
    for unit in doc.units:
        for m in _PASSIVE_RE.finditer(text, unit.start, unit.end):
            verb = m.group("verb").lower()
            if verb in _ADJECTIVAL or (len(verb) < 4 and verb not in _IRREGULAR):
                continue
            if verb.endswith("eed") and verb not in _IRREGULAR:
                continue  # "indeed", "exceed": not participles
            # "is based on", "are built-in": a hyphen after the participle makes it an adjective
            if text[m.end() : m.end() + 1] == "-":
                continue
            after = text[m.end() : m.end() + 60]
            if _BY_AGENT_RE.match(after):
                continue  # the actor is named: "is curated and created by you"
            yield Hit(Span(m.start(), m.end()), {"match": m.group(0)})


# -- TON004 ---------------------------------------------------------------------------------------------
# A Python rule over a data file rather than a TOML existence rule: ~700 phrases as one regex cost ~45 ms to
# compile at every start and ~14 ms per 1,000-word page to run; matched word by word from a first-word index,
# they cost well under a millisecond.
@lru_cache(maxsize=1)
def _cliches() -> dict[str, list[tuple[str, ...]]]:
    text = (resources.files("plainpitch") / "data" / "cliches.txt").read_text(encoding="utf-8")
    index: dict[str, list[tuple[str, ...]]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            words = tuple(w.lower().replace("’", "'") for w in words_in(line))
            if words:
                index.setdefault(words[0], []).append(words)
    for phrases in index.values():
        phrases.sort(key=len, reverse=True)
    return index


@lru_cache(maxsize=1)
def _cliche_words() -> Phrases:
    """The clichés by their words: a sentence matches one only when its words, lower-cased, are the cliché's, so it
    holds each of them as a whole word (text/wordsets.py); the others are not read."""
    return Phrases(" ".join(phrase) for phrases in _cliches().values() for phrase in phrases)


@rule(
    code="TON004",
    default=False,
    default_note="Off by default: a cliché is a style point; the generic claims a copywriter strikes are CLM001's.",
    name="cliche",
    category="tone",
    scope="seller",
    fields=(),
    severity="suggestion",
    example_format="text",
    summary="Stock phrases readers have seen so often they no longer read them (\"at the end of the day\").",
    why=(
        "A cliché tells the buyer this copy is like all the rest. Readers skip phrases they have seen a thousand "
        "times, and with them the claim the phrase was meant to carry."
    ),
    message="'{match}' is a cliché",
    fix="Say the specific thing: what changes for the buyer, with a number or an example.",
    bad=["[[At the end of the day]], our tool saves you time.", "Take your sales to [[the next level]]."],
    good=["Our tool saves each rep two hours a week.", "Close deals a week sooner."],
    sources=[
        "Vale write-good Cliches (MIT, after btford/write-good)",
        "proselint cliché lists: Garner, diction (BSD-3)",
        "data/cliches.txt, built by scripts/build_cliches.py",
    ],
)
def cliche(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    index = _cliches()
    sentences = doc.sentences
    # only the sentences that hold, as a whole word, one word of some cliché (text/wordsets.py)
    for number in word_sets(doc).sentences_holding(_cliche_words()):
        sentence = sentences[number]
        tokens = doc.sentence_words(sentence)
        lowered = [t.text.lower().replace("’", "'") for t in tokens]
        i = 0
        while i < len(tokens):
            match = None
            for phrase in index.get(lowered[i], ()):
                if tuple(lowered[i : i + len(phrase)]) == phrase:
                    match = phrase
                    break
            if match is None:
                i += 1
                continue
            end = tokens[i + len(match) - 1].end
            yield Hit(Span(tokens[i].start, end), {"match": doc.text[tokens[i].start : end]})
            i += len(match)
