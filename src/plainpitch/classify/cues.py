"""Hand cues of sales copy: words and shapes that mark a feature, a benefit, an instruction, a story or an ask.

They feed three things: the classifier's cue features (model.py), the keyword baseline it is measured against
(baseline.py), and the rules that need to know what a sentence talks about (outcome hints, technical detail).
Each list is general English of product copy, not phrases memorised from the labelled pages.
"""

from __future__ import annotations

import re
from functools import lru_cache

from plainpitch.text import lazy_re

# -- normalising ---------------------------------------------------------------------------------------------
_MARKUP_RE = lazy_re.compile(r"\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def normalise(text: str) -> str:
    """The sentence as the cues read it: no Markdown emphasis, straight quotes, single spaces."""
    text = text.translate(_QUOTES)
    if "*" in text or "_" in text:  # most sentences have no emphasis: skip the scan
        text = _MARKUP_RE.sub("", text)
    return " ".join(text.split())


# Python's re runs a case-blind pattern several times slower than a case-sensitive one, so every case-blind
# pattern without capitals of its own gets a case-sensitive twin that View runs on the lower-cased sentence.
# Twins compile on first use, so importing the cues stays as cheap as before.
_CAPITAL_RE = lazy_re.compile(r"(?<!\\)[A-Z]")
_TWIN_SOURCES: dict[re.Pattern[str], str] = {}


class _Twins(dict):
    def __missing__(self, pattern: re.Pattern[str]) -> re.Pattern[str] | None:
        source = _TWIN_SOURCES.get(pattern)
        twin = self[pattern] = re.compile(source) if source is not None else None
        return twin


_TWINS: dict[re.Pattern[str], re.Pattern[str] | None] = _Twins()


def case_blind(regex: str) -> re.Pattern[str]:
    """A case-blind pattern (and its fast twin for lower-cased text, when it has no capital letter)."""
    pattern = lazy_re.compile(regex, re.IGNORECASE)
    if not _CAPITAL_RE.search(regex):
        _TWIN_SOURCES[pattern] = regex
    return pattern


def alternation(alternatives: tuple[str, ...]) -> str:
    """The alternation with alternatives that open on the same letter factored together ("s(?:ave|ales)"):
    re tries every alternative at every word start, so a long word list costs a third less this way."""
    by_letter: dict[str, list[str]] = {}
    rest = []
    for alt in alternatives:
        if alt[:1].isalpha() and alt[:1].islower():
            by_letter.setdefault(alt[0], []).append(alt[1:])
        else:
            rest.append(alt)
    parts = [first + (tails[0] if len(tails) == 1 else "(?:" + "|".join(tails) + ")")
             for first, tails in by_letter.items()]  # fmt: skip
    return "|".join(parts + rest)


def word_pattern(*alternatives: str) -> re.Pattern[str]:
    """One case-blind pattern matching any of the alternatives as whole words."""
    return case_blind(r"(?<![\w-])(?:" + alternation(alternatives) + r")(?![\w-])")


_words = word_pattern  # the short name the lists below use


_DIGIT_RE = lazy_re.compile(r"\d")


class View:
    """A normalised sentence and its lower-cased copy; each pattern runs on the copy it is fastest on."""

    __slots__ = ("clean", "low", "digit")

    def __init__(self, clean: str) -> None:
        self.clean = clean
        self.low = clean.lower()
        self.digit = _DIGIT_RE.search(clean) is not None  # patterns that need a digit are skipped without one

    def search(self, pattern: re.Pattern[str]) -> bool:
        twin = _TWINS[pattern]
        if twin is not None:
            return twin.search(self.low) is not None
        return pattern.search(self.clean) is not None

    def match(self, pattern: re.Pattern[str]) -> bool:
        twin = _TWINS[pattern]
        if twin is not None:
            return twin.match(self.low) is not None
        return pattern.match(self.clean) is not None

    def count(self, pattern: re.Pattern[str]) -> int:
        twin = _TWINS[pattern]
        return len(twin.findall(self.low) if twin is not None else pattern.findall(self.clean))

    def groups(self, pattern: re.Pattern[str]) -> set[str]:
        """The names of the groups that matched anywhere (for one scan that stands for several word lists)."""
        twin = _TWINS[pattern]
        found = twin.finditer(self.low) if twin is not None else pattern.finditer(self.clean)
        return {m.lastgroup for m in found if m.lastgroup}


@lru_cache(maxsize=256)
def view_of(text: str) -> View:
    """The normalised View of a raw sentence, shared by the model's features and the hand rules."""
    return View(normalise(text))


# -- who the sentence is about -------------------------------------------------------------------------------
YOU_RE = lazy_re.compile(r"(?<![\w'])(?:[Yy]ou(?:r|rs|'re|'ll|'ve|'d|rself|rselves)?|YOU(?:R)?)(?![\w'])")
# "us" only in lower case ("US" is a country); "I" only as a capital letter.
WE_RE = lazy_re.compile(
    r"(?<![\w'])(?:[Ww]e(?:'re|'ve|'ll|'d)?|[Oo]urs?|[Oo]urselves|us|I|I'm|I've|I'll|I'd|[Mm]y|me)(?![\w'])"
)

# -- benefit cues: what the buyer gets -----------------------------------------------------------------------
OUTCOME_RE = _words(
    r"sav(?:e|es|ed|ing|ings)", r"cut(?:s|ting)?", r"reduc(?:e|es|ed|ing|tion)", r"lower(?:s|ed|ing)?",
    r"fewer(?! than)", r"less (?:time|work|effort|code|money|cost|risk|hassle|toil)", r"faster", r"quick(?:er|ly)",
    r"sooner", r"in (?:minutes|seconds|hours|days)", r"within (?:a|one|two) (?:day|week|month)s?",
    r"eas(?:y|ier|ily)", r"effortless(?:ly)?", r"simplif(?:y|ies|ied)", r"streamlin(?:e|es|ed)",
    r"boost(?:s|ed)?", r"increas(?:e|es|ed|ing)", r"improv(?:e|es|ed|ing)", r"grow(?:s|th)?", r"grew",
    r"doubl(?:e|ed|es)", r"tripl(?:e|ed|es)", r"productiv(?:e|ity)", r"focus(?:ed)? on",
    r"spend (?:more|less) time", r"confiden(?:t|tly|ce)", r"peace of mind", r"fearless(?:ly)?",
    r"without (?:worrying|having to|the hassle|breaking|writing|any)", r"never (?:again|lose|worry|debate|think)",
    r"avoid(?:s|ed|ing)?", r"prevent(?:s|ed|ing)?", r"eliminat(?:e|es|ed|ing)", r"get rid of",
    r"no need (?:to|for)", r"(?:don't|do not|won't|never) (?:have|need) to", r"free(?:s|d|ing)? (?:you|up|them|teams)",
    r"hit the ground running", r"instead of", r"so (?:you|that|they|teams|your|it|users|customers)",
    r"which means", r"(?:this|that) means", r"allow(?:s|ed|ing)? (?:you|teams|them|us|developers|engineers|users)",
    r"let(?:s)? (?:you|teams|them|us|anyone|developers|users)", r"help(?:s|ed|ing)?", r"enabl(?:e|es|ed|ing) (?:you|teams|them|us|developers|engineers|users|anyone)",
    r"empower(?:s|ed|ing)?", r"happ(?:y|ier)", r"revenue", r"sales", r"profit", r"cost(?:s|-savings?)?",
    r"money", r"budget", r"time to market", r"downtime", r"outages?", r"secure by default", r"protect(?:s|ed)?",
    r"catch(?:es)? (?:bugs|errors|issues|problems)", r"find (?:bugs|issues|problems)", r"ship (?:faster|sooner|reliable|with)",
    r"scal(?:e|es|ed) (?:easily|effortlessly|with)", r"in half", r"\d+(?:\.\d+)?\s?(?:x|times) (?:faster|more|less|fewer)",
    r"productive", r"peace", r"stress", r"hassle", r"headaches?", r"pain", r"frustrat(?:ion|ing)",
    r"you(?:'ll)? (?:get|can|will|never|always)", r"able to", r"made it possible", r"makes? it (?:possible|easy|easier|simple)",
    r"in (?:a|an|one) (?:minute|hour|day|week|afternoon)", r"pass(?:es|ed)? (?:your |the |an? )?(?:security )?(?:audits?|reviews?|inspections?|compliance)",
    r"before (?:your|the|they|you) (?:customers|users|competitors|deadline|notice)", r"on time",
    r"you're done", r"for you", r"won't have to", r"guarantee(?:s|d)?", r"love", r"accelerat(?:e|es|ed|ing)",
    r"in (?:just|only|under|less than) (?:a|one|two|three|four|five|\d+) \w+", r"wins?", r"convert(?:s)? (?:users|visitors|customers)",
)
# A customer's result: a change verb in the past tense with a number nearby ("cut build times by half").
RESULT_RE = _words(
    r"cut", r"reduced", r"saved", r"increased", r"doubled", r"tripled", r"grew", r"dropp(?:ed|ing)", r"halved",
    r"improved", r"accelerated", r"shortened", r"boosted", r"obviated",
)

# -- feature cues: what the product is, has or does ----------------------------------------------------------
FEATURE_VERB_RE = _words(
    r"supports?", r"support for", r"includ(?:es|ing)", r"provid(?:es|ing)", r"offers?", r"comes with",
    r"built (?:on|with|in|for)", r"written in", r"based on", r"powered by", r"integrat(?:es|ion|ions|ed)",
    r"compatible", r"exports?", r"collects?", r"gathers?", r"reports?", r"exposes?", r"returns?", r"runs? on",
    r"ships? with", r"features?", r"uses", r"implements?", r"handles?", r"generates?", r"manages?",
    r"deploys?", r"stores?", r"ingests?", r"parses?", r"compiles?", r"listens?", r"sends?", r"emits?",
)
TECH_NOUN_RE = _words(
    r"api", r"apis", r"sdk", r"cli", r"library", r"libraries", r"module", r"plugin", r"plugins", r"framework",
    r"engine", r"architecture", r"protocol", r"runtime", r"server", r"servers", r"database", r"schema",
    r"configuration", r"config", r"option", r"options", r"parameter", r"parameters", r"field", r"fields",
    r"metric", r"metrics", r"tag", r"tags", r"endpoint", r"endpoints", r"binary", r"binaries", r"compiler",
    r"thread", r"threads", r"concurrency", r"latency", r"throughput", r"cpu", r"memory", r"queue", r"cluster",
    r"node", r"nodes", r"container", r"containers", r"kubernetes", r"docker", r"postgres", r"sql", r"json",
    r"yaml", r"toml", r"xml", r"http", r"https", r"grpc", r"rest", r"graphql", r"webhook", r"webhooks",
    r"microservices?", r"serverless", r"open[- ]source", r"garbage collector", r"type system", r"toolchain",
    r"package manager", r"build tool", r"syntax", r"interface", r"interfaces", r"goroutines?", r"channels?",
)
# Bare qualities of the product ("fast", "lean", "powerful"): a feature unless an outcome is said with them.
QUALITY_RE = _words(
    r"fast", r"lean", r"great", r"powerful", r"robust", r"modern", r"advanced", r"native", r"built-in",
    r"lightweight", r"light", r"small", r"tiny", r"portable", r"flexible", r"extensible", r"modular",
    r"scalable", r"efficient", r"memory-efficient", r"blazingly", r"high-performance", r"performant",
    r"elegant", r"rich", r"complete", r"full-featured", r"first-class", r"best-in-class", r"industry-grade",
    r"enterprise-grade", r"open source", r"type[- ]safe", r"concurrent", r"cross-platform", r"zero-cost",
)
# Spec shapes: a number with a unit, a type in parentheses, a code identifier, an acronym, a version.
NUMBER_UNIT_RE = case_blind(
    r"\b\d[\d,.]*\s?(?:ms|s|sec|seconds|µs|ns|gb|mb|kb|tb|gib|mib|k|m|%|x|rps|qps|req/s|rpm|cores?|nodes?|"
    r"threads?|bits?|bytes?|hz|mhz|ghz|events?|requests?|connections?|percent)\b",
)
NUMBER_RE = lazy_re.compile(r"\b\d[\d,.]*\b")
CODE_TOKEN_RE = lazy_re.compile(
    r"`[^`]+`|\b[a-z]+_[a-z0-9_]+\b|\b[A-Za-z]+\.[a-z_][\w.]*\b|\b[a-z]+[A-Z]\w*\b|\(u?int\d*|\((?:string|bool|float)"
)
ACRONYM_RE = lazy_re.compile(r"\b[A-Z][A-Z0-9]{1,5}s?\b")
VERSION_RE = lazy_re.compile(r"\bv?\d+\.\d+(?:\.\d+)?\b")

# -- other: instructions, story, questions, asks -------------------------------------------------------------
INSTRUCTION_RE = case_blind(
    r"^(?:to use|to enable|set|add|run|configure|edit|specify|enable|disable|copy|create|change|update|"
    r"replace|note|see|refer|make sure|ensure|check|open|type|enter|select|define|use the|if you)\b",
)
STORY_RE = _words(
    r"(?:19|20)\d\d", r"founded", r"was born", r"started (?:in|as|out)", r"joined", r"years ago", r"history",
    r"background", r"decided", r"needed", r"began", r"back then", r"at the time", r"originally", r"our story",
    r"our mission", r"our team", r"founders?", r"ceo", r"cto",
)
# Notes, requirements and pointers: the caveats of documentation, not claims about the product.
DOC_NOTE_RE = _words(
    r"note", r"notes", r"must", r"need to", r"needs to", r"requires?", r"required", r"should", r"please",
    r"in order to", r"for more information", r"for details", r"see", r"can be found", r"the following",
    r"default(?:s)?", r"depending on", r"example", r"e\.g", r"i\.e", r"recommended", r"otherwise", r"make sure",
    r"be aware", r"important", r"warning", r"mandatory", r"optional",
)
# A product spec line: an identifier, then its type or description ("MAIN.sess_conn (uint64, count, ...)").
SPEC_LINE_RE = lazy_re.compile(r"^[-*\s]*`?[\w.\[\]/*-]+`?\s*(?:\([^)]*\)|-\s|:\s|\[\]\w+)")
# The opening verb of a capability line ("Generate manual pages...", "Roll out features safely").
CAPABILITY_VERB_RE = case_blind(
    r"^(?:build|write|ship|deploy|use|get|find|test|create|generate|publish|bundle|integrate|scale|handle|"
    r"compile|start|make|catch|spot|see|roll|toggle|store|track|monitor|manage|automate|connect|host|run|"
    r"debug|analy[sz]e|understand|keep|control|launch|whip|share|send|sync|search|index|query|visuali[sz]e|"
    r"capture|record|replay|watch|measure|collect|define|extend|easily|quickly|simply|instantly)\b",
)
# What the product is or has, said of it in the third person ("X is a...", "X supports...").
IS_HAS_RE = _words(r"is an?", r"is the", r"are", r"has", r"have", r"contains?", r"consists? of")
# Benefit verbs said of the product ("X helps / lets / makes / allows").
GIVES_RE = _words(r"helps?", r"lets?", r"makes?", r"allows?", r"enables?", r"gives?", r"brings?", r"keeps?",
                  r"means?", r"ensures?", r"guarantees?", r"takes care of", r"deals? with")
PAST_RE = _words(r"was", r"were", r"had", r"did", r"became", r"wanted", r"used to", r"chose", r"moved", r"built", r"wrote")
EMOJI_RE = lazy_re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]")

ASK_WORDS = (
    r"sign up", r"signup", r"get started", r"start (?:free|your|a|now|building|for free)", r"try(?: it)?(?: for free| free| now)?",
    r"book (?:a|your)", r"schedule (?:a|your)", r"contact (?:us|sales)", r"talk to (?:us|sales|an expert)",
    r"request (?:a )?(?:demo|quote|trial)", r"download", r"install", r"learn more", r"read more", r"find out more",
    r"join", r"subscribe", r"register", r"buy", r"order", r"get (?:a|your|the|it|access|in touch)", r"reply",
    r"create (?:an? )?(?:account|organization)", r"see (?:pricing|plans|how|it|the docs|a demo)", r"watch",
    r"explore", r"apply", r"call us", r"email us", r"let me know", r"up for a chat",
)
ASK_RE = _words(*ASK_WORDS)
# An ask that opens the sentence ("Start your free trial today", "Sign up"): a call to action. Narrower than
# ASK_WORDS: "Watch how…", "Explore the paths…", "Join two tables" open capability lines as often as asks.
ASK_START_RE = case_blind(r"^(?:" + alternation((
    r"sign up", r"signup", r"get started", r"start (?:free|your|a|now|for free)", r"try (?:it|for free|free|now)",
    r"book (?:a|your)", r"schedule (?:a|your)", r"contact (?:us|sales)", r"talk to (?:us|sales|an expert)",
    r"request (?:a )?(?:demo|quote|trial)", r"download", r"learn more", r"read more", r"find out more", r"subscribe",
    r"register", r"buy", r"get in touch", r"create (?:an? )?account", r"see (?:pricing|plans|a demo)", r"call us",
    r"email us",
)) + r")(?![\w-])")

# -- feature types -> the outcome a buyer buys (for the "so what?" ladder) ----------------------------------
FEATURE_TYPES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("security", _words(r"secur\w*", r"encrypt\w*", r"sso", r"single sign-on", r"rbac", r"mtls", r"tls", r"audit\w*",
                        r"complian\w*", r"soc ?2", r"gdpr", r"hipaa", r"permissions?", r"auth\w*", r"oidc", r"saml",
                        r"memory safety", r"memory-safe", r"vulnerab\w*"),
     "audits passed, breaches and fines avoided, security reviews that close deals"),
    ("price", _words(r"pric\w*", r"free", r"cheap\w*", r"cost\w*", r"\$\d[\d,.]*", r"per (?:month|user|seat)",
                     r"licen[cs]\w*", r"plans?", r"billing"),
     "money kept: a smaller bill, a budget that stretches further"),
    ("reliability", _words(r"reliab\w*", r"uptime", r"availability", r"highly available", r"fault[- ]toleran\w*",
                           r"redundan\w*", r"failover", r"backups?", r"replicat\w*", r"exactly[- ]once", r"durab\w*",
                           r"sla", r"99\.\d+%", r"self-healing", r"resilien\w*", r"stable", r"stability"),
     "fewer outages and lost sales, nights not spent firefighting"),
    ("automation", _words(r"automat\w*", r"auto-\w+", r"scheduled?", r"cron", r"workflows?", r"pipelines?",
                          r"one[- ]click", r"no[- ]code", r"templates?", r"generat\w*", r"provision\w*"),
     "hours of manual work given back each week"),
    ("speed", _words(r"fast\w*", r"speed\w*", r"quick\w*", r"latency", r"throughput", r"performan\w*", r"\d+\s?ms",
                     r"milliseconds?", r"real[- ]time", r"instant\w*", r"low[- ]latency", r"blazing\w*", r"rps",
                     r"requests? per", r"events?/s\w*", r"concurren\w*", r"parallel\w*"),
     "time saved: pages that load before the buyer leaves, jobs done sooner"),
    ("scale", _words(r"scal\w*", r"horizontal\w*", r"clusters?", r"millions?", r"billions?", r"distributed",
                     r"multi-region", r"global\w*", r"elastic\w*"),
     "growth without a rewrite or a bigger team"),
    ("integration", _words(r"integrat\w*", r"plugins?", r"connectors?", r"api", r"apis", r"sdks?", r"webhooks?",
                           r"compatible", r"works with", r"exports?", r"imports?"),
     "no rework: it fits the tools the team already pays for"),
    ("insight", _words(r"analytics", r"metrics?", r"dashboards?", r"reports?", r"monitor\w*", r"observab\w*",
                       r"logs?", r"logging", r"traces?", r"tracing", r"alerts?", r"heatmaps?", r"recordings?"),
     "problems found before customers notice, decisions made on facts"),
    ("ease", _words(r"simpl\w*", r"intuitive", r"easy", r"familiar", r"friendly", r"readable", r"ergonomic\w*",
                    r"zero[- ]config\w*", r"out of the box", r"batteries[- ]included"),
     "less training and fewer mistakes: new people productive sooner"),
)
GENERIC_OUTCOME = "the result the buyer gets: time or money saved, a risk avoided, a sale won"


def feature_type(text: str) -> tuple[str, str]:
    """(type, outcome hint) of a feature sentence: the first type whose cues it mentions, else generic."""
    for name, pattern, hint in FEATURE_TYPES:
        if pattern.search(text):
            return name, hint
    return "generic", GENERIC_OUTCOME


def count(pattern: re.Pattern[str], text: str) -> int:
    return sum(1 for _ in pattern.finditer(text))


def technical_detail(text: str | View) -> int:
    """How many technical details a sentence carries: numbers with units, code tokens, acronyms, tech nouns."""
    view = text if isinstance(text, View) else View(text)
    numbers = view.count(NUMBER_UNIT_RE) + view.count(VERSION_RE) if view.digit else 0
    return numbers + view.count(CODE_TOKEN_RE) + view.count(ACRONYM_RE) + view.count(TECH_NOUN_RE)
