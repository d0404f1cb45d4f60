"""What the buyer says that a sales manager listens for: objections, buying signals, and the people who decide
but are not on the call. Patterns over one sentence at a time (``speech.normalise``); the rules judge what the
seller did next.

- **Objections** by kind: price ("too expensive", "not in the budget"), status quo ("we live in Excel", "we built
  our own", "we don't really need"), competitor ("we already use Acme"), timing ("not the right time"), authority
  ("I'd have to run it by my CFO") and risk ("my concern is", "how do we know it works").
- **Buying signals**: interest ("we are definitely interested", "that is exactly what we need"), and questions
  about getting it ("how soon could we start?", "what would it take to roll this out?", "can we try it?").
- **Absent deciders**: someone expected on the call who did not join ("he says start without me", "Carlos
  couldn't make it"), or named as the one who decides ("Carlos signs off", "I'd have to run it by Carlos"), who is
  not a speaker and is never greeted as joining later; and whether the call says they are away ("Carlos is gonna be
  out a week"), so that nobody is advised to meet them next week.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plainpitch.call.speech import lacks, normalise
from plainpitch.text import lazy_re
from plainpitch.text.lexicon import zipf

OBJECTIONS: dict[str, re.Pattern[str]] = {
    "price": re.compile(
        r"\btoo\s+(?:expensive|pricey|costly|steep)\b|\b(?:out\s+of|over|beyond|not\s+in)\s+(?:our|my|the)\s+budget\b|"
        r"\b(?:no|don't\s+have\s+(?:the|a|any)?)\s*budget\s+(?:for|this|right)\b|\bcan't\s+afford\b|"
        r"\b(?:that's|that\s+is|it's|it\s+is|seems)\s+(?:a\s+lot\s+of\s+money|(?:really\s+|very\s+|pretty\s+)?(?:steep|pricey|expensive))\b|"
        r"\b(?:way\s+)?more\s+than\s+we\s+(?:pay|spend|want\s+to\s+spend)\b"
    ),
    "status quo": re.compile(
        r"\b(?:live|lives|living|work|works|working|stay|staying|do\s+(?:everything|it\s+all|all\s+of\s+(?:it|that)))\s+"
        r"(?:in|out\s+of)\s+(?:excel|spreadsheets?|google\s+sheets|email)\b|"
        r"\bwe(?:'ve|\s+have)?\s+(?:already\s+)?(?:built|build|have|got)\s+(?:our\s+own|(?:an?\s+)?(?:in-house|internal|homegrown))\b|"
        r"\b(?:happy|fine|okay|ok|good)\s+with\s+(?:what\s+we\s+have|our\s+current|the\s+way\s+we|excel|spreadsheets)\b|"
        r"\bwe\s+don't\s+(?:really\s+)?(?:need|see\s+the\s+need|have\s+a\s+need)\b|\bnot\s+(?:a|our)\s+(?:top\s+|big\s+)?priority\b|"
        r"\bwhat\s+about\s+(?:excel|spreadsheets|people\s+who)\b"
    ),
    "competitor": re.compile(
        r"\bwe(?:'re|\s+are)?\s+(?:already|currently)\s+(?:using|use|working\s+with|signed\s+with|talking\s+to|evaluating|with)\b|"
        r"\bhow\s+(?:are|is)\s+(?:you|this|it|that)\s+(?:any\s+)?different\s+(?:from|than)\b|"
        r"\bwhy\s+(?:wouldn't\s+we|not)\s+(?:just\s+)?(?:use|go\s+with|stick\s+with)\b|\b(?:does|do)\s+the\s+same\s+thing\b"
    ),
    "timing": re.compile(
        r"\bnot\s+(?:the\s+)?right\s+(?:time|now|moment)\b|\b(?:maybe|probably|not\s+until)\s+next\s+(?:year|quarter)\b|"
        r"\btoo\s+(?:busy|early)\s+(?:for|right|to)\b|\bbad\s+timing\b|\bnot\s+(?:right\s+)?now\b"
    ),
    "authority": re.compile(
        r"\b(?:i|we)(?:'d|\s+would|'ll|\s+will)?\s+(?:have|need)\s+to\s+(?:run\s+(?:it|this|that)\s+by|check\s+with|"
        r"get\s+(?:approval|sign-?off|buy-?in)\s+from|talk\s+(?:to|with)\s+(?:my|our|the))\b|\bnot\s+my\s+(?:decision|call)\b"
    ),
    "risk": re.compile(
        r"\b(?:my|our|the\s+big|one)\s+(?:concern|worry|fear|hesitation)\s+(?:is|would\s+be|there)\b|"
        r"\b(?:i'm|we're|i\s+am|we\s+are)\s+(?:a\s+(?:little|bit)\s+)?(?:concerned|worried|skeptical|nervous|hesitant)\b|"
        r"\bhow\s+(?:do|would|can)\s+(?:i|we)\s+(?:know|trust|be\s+sure)\b|"
        r"\bwhat\s+(?:happens\s+)?if\s+(?:it|the\s+\w+)\s+(?:breaks|fails|goes\s+down|is\s+wrong|gets\s+it\s+wrong)\b"
    ),
}
# Words every match of each pattern holds as a whole word (proved in tests/test_call_gates.py): a sentence holding
# none of them is not searched.
OBJECTION_WORDS: dict[str, frozenset[str]] = {
    "price": frozenset("abudget afford anybudget budget costly expensive lot nobudget pay pricey seems spend steep "
                       "thebudget".split()),
    "status quo": frozenset("build current don email excel fine good happy homegrown house internal ok okay own people "
                            "priority sheets spreadsheet spreadsheets staying".split()),
    "competitor": frozenset("already currently different thing use why".split()),
    "timing": frozenset("busy early maybe now probably quarter right timing until".split()),
    "authority": frozenset("approval buy buyin call check decision run sign signoff talk".split()),
    "risk": frozenset("breaks concern concerned fails fear goes hesitant hesitation know nervous skeptical sure trust "
                      "worried worry wrong".split()),
}
_OBJECTION_ANY = frozenset().union(*OBJECTION_WORDS.values())
_BUYING = lazy_re.compile(
    r"\b(?:i|we)(?:'m|'re|\s+am|\s+are|'d\s+be|\s+would\s+be)\s+(?:(?:definitely|very|really|super|certainly|genuinely|most\s+definitely|"
    r"absolutely)\s+)?(?:are\s+)?interested\b(?!\s+in\s+(?:hearing\s+about\s+)?(?:your|the\s+way|how\s+you))|"
    r"\b(?:that's|that\s+is|this\s+is|that\s+would\s+be|this\s+would\s+be)\s+(?:exactly\s+what\s+we|just\s+what\s+we|"
    r"(?:really\s+|very\s+)?(?:valuable|huge|a\s+game\s+changer|what\s+we\s+need))\b|"
    r"\bhow\s+(?:soon|quickly|fast)\s+(?:can|could|would)\s+(?:we|i)\b|\bwhen\s+(?:can|could)\s+(?:we|i)\s+(?:start|get|try|see|have)\b|"
    r"\bwhat\s+(?:would|does|will)\s+it\s+take\s+to\s+(?:get\s+(?:started|going|this)|start|roll|move\s+forward|implement|set\s+(?:it|this)\s+up|sign|buy|switch)\b|\b(?:can|could)\s+(?:we|i)\s+(?:try|test|pilot|trial|get\s+access|get\s+a\s+(?:trial|demo|copy))\b|"
    r"\bwhat\s+(?:are|would\s+be)\s+the\s+next\s+steps\b|\bsign\s+(?:me|us)\s+up\b|\b(?:i|we)\s+(?:love|like)\s+(?:that|this|it)\s+a\s+lot\b|"
    r"\b(?:i'd|we'd|i\s+would|we\s+would)\s+(?:love|like)\s+to\s+(?:try|see\s+(?:it|more|this)|get\s+(?:started|access)|move\s+forward|pilot)\b"
)
_EXPECTED_ABSENT = lazy_re.compile(
    r"\b(?:start|go\s+ahead|begin|get\s+going)\s+without\s+(?:me|him|her|them)\b|"
    r"\b(?:can't|cannot|couldn't|won't\s+be\s+able\s+to|wasn't\s+able\s+to|isn't\s+able\s+to)\s+(?:make\s+it|join|be\s+(?:here|there|on))\b|"
    r"\b(?:won't|will\s+not)\s+be\s+(?:joining|on\s+the\s+call|here)\b|\b(?:got|was|is)\s+(?:pulled|stuck)\s+(?:into|in)\b"
)
_DECIDES = lazy_re.compile(
    r"\b(?:decides?|signs?\s+off|has\s+the\s+final\s+(?:say|word)|makes?\s+the\s+(?:final\s+)?(?:call|decision)|"
    r"(?:is|was)\s+the\s+(?:decision\s+maker|one\s+who\s+decides|final\s+say)|holds\s+the\s+budget|owns\s+the\s+budget)\b"
)
_BUYING_WORDS = frozenset(
    "access changer could exactly fast forward get huge interested lot need pilot quickly see sign soon start test "
    "trial try valuable what when".split()
)
_EXPECTED_ABSENT_WORDS = frozenset("begin call cannot here join joining pulled start stuck t without won".split())
_DECIDES_WORDS = frozenset("call decide decides decision final holds owns sign signs".split())
_RUN_BY_FROM = lazy_re.compile(r"\b(?:run\s+(?:it|this|that)\s+by|get\s+(?:approval|sign-?off)\s+from)\s+")
_ABSENCE_WORDS = _EXPECTED_ABSENT_WORDS | _DECIDES_WORDS | {"by", "from"}  # the last two: _RUN_BY_FROM
_RUN_BY = lazy_re.compile(r"\b(?:run\s+(?:it|this|that)\s+by|check\s+with|get\s+(?:approval|sign-?off)\s+from|talk\s+(?:to|with))\s+$")
NAME = lazy_re.compile(r"\b([A-Z][a-z]{2,})\b")
COMMON_WORD_ZIPF = 5.0  # "Whether", "First": words this common are never taken for a name
_NOT_NAMES = frozenset(
    """
    The This That These Those Then There Here When What Where Which Who Why How And But Yes Yeah Yep Okay Well So
    Now Right Sure Great Good Thanks Thank Hello Hey Please Maybe Also Just Like Let Our Your Their His Her Its
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
    September October November December Excel Mhmm Sorry Actually Oh Hi Alright Absolutely Definitely Exactly
    """.split()
)


@dataclass(frozen=True, slots=True)
class Objection:
    kind: str
    text: str  # the matched words


@dataclass(frozen=True, slots=True)
class Absence:
    name: str  # the person as named ("Carlos"), or the role ("my CFO")
    why: str  # "expected" (did not join) | "decides"


def objection(sentence: str) -> Objection | None:
    if lacks(sentence, _OBJECTION_ANY):
        return None
    low = normalise(sentence)
    for kind, pattern in OBJECTIONS.items():
        if lacks(sentence, OBJECTION_WORDS[kind]):
            continue
        m = pattern.search(low)
        if m:
            return Objection(kind, sentence[m.start() : m.end()])
    return None


def buying_signal(sentence: str) -> str | None:
    if lacks(sentence, _BUYING_WORDS):
        return None
    m = _BUYING.search(normalise(sentence))
    return sentence[m.start() : m.end()] if m else None


def absence_possible(sentence: str) -> bool:
    """Whether ``absences`` could find anything in this sentence (it holds one of the words its patterns need)."""
    return not lacks(sentence, _ABSENCE_WORDS)


_LOWERCASE_WORD = lazy_re.compile(r"\b[a-z][a-z'-]+\b")
_CHUNK = 1 << 20


def lowercase_words(text: str, chunk: int = _CHUNK) -> frozenset[str]:
    """The words a transcript writes in lower case somewhere: a capitalised word that never appears in lower case
    is a name ("Carlos"); one that does is a word opening a sentence ("First", "Likewise"). Read about ``chunk``
    characters at a time, each ending at a line break (no word runs across one, and the break is a non-word
    character either way), so a long call never holds a list of every word it says."""
    found: set[str] = set()
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos + chunk) if pos + chunk < len(text) else -1
        end = len(text) if end < 0 else end
        found.update(_LOWERCASE_WORD.findall(text, pos, end))
        pos = end
    return frozenset(found)


def absences(turn_sentences: list[str], before: str = "", common: frozenset[str] = frozenset()) -> list[Absence]:
    """People a turn says are expected but absent, or who decide (names with a capital, as transcripts write
    them). ``before`` is the end of the previous turn, for "Carlos just texted me: start without me"; ``common``
    the call's lower-case words (``lowercase_words``)."""

    def _names(text: str) -> list[str]:
        return [n for n in NAME.findall(text)
                if n not in _NOT_NAMES and n.lower() not in common and zipf(n.lower()) < COMMON_WORD_ZIPF]  # fmt: skip

    out: list[Absence] = []
    for i, sentence in enumerate(turn_sentences):
        if lacks(sentence, _ABSENCE_WORDS):
            continue  # none of the three patterns below can match
        low = normalise(sentence)
        if _EXPECTED_ABSENT.search(low) and not any(a.why == "expected" for a in out):
            # the person: the nearest name before it, in this turn (who texted, who can't make it), else just before
            for text in (*reversed(turn_sentences[max(0, i - 4) : i + 1]), before):
                names = _names(text)
                if names:
                    out.append(Absence(names[-1], "expected"))
                    break
        m = _DECIDES.search(low)
        if m:
            names = _names(sentence[: m.start()])
            if names:
                out.append(Absence(names[-1], "decides"))
        for r in _RUN_BY_FROM.finditer(low):
            names = _names(sentence[r.end() : r.end() + 30])
            if names:
                out.append(Absence(names[0], "decides"))
    return out


# "Carlos is gonna be out like a week", "Priya will be on vacation": a meeting with them soon cannot happen
_AWAY = (r"(?:'s|'ll\s+be|\s+is|\s+will\s+be|(?:'s|\s+is)\s+(?:gonna|going\s+to)\s+be)\s+(?:\w+\s+){0,2}?"
         r"(?:out|away|off|on\s+(?:vacation|holiday|leave|pto|a\s+trip)|travel+ing|out\s+of\s+(?:the\s+)?(?:office|town|pocket|country))\b")


def is_away(sentence: str, name: str) -> bool:
    """The sentence says ``name`` is away for a while ("I know Carlos is gonna be out like, a week or so")."""
    low = normalise(sentence)
    if name.lower() not in low:
        return False
    return re.search(rf"\b{re.escape(name.lower())}{_AWAY}", low) is not None
