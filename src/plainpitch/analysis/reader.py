"""Who reads this copy: developers (technical), business buyers, or consumers — inferred from the copy itself.

Jargon is relative to the reader: "Kafka" is plain to a developer and a closed door to a shop owner. The user may
set the reader (``--profile``, config ``profile``); when they do not, the engine uses this guess, and the report
says which reader was assumed and why. When the user's choice and the guess differ, the report says that too.

The evidence is the kind a person uses at a glance, counted over the source and the analysed text:
- code the reader is expected to run or read: fenced or ``<pre>`` code blocks, install or run commands
  ("pip install", "docker run", "git clone"), shell prompts; inline code spans; names only code uses (snake_case, camelCase, file names, --flags, system paths);
- words that address or describe developers and their work: "developers", "your code", "pull request", "SDK",
  "open source", "self-host", "CLI", "repository" (one count per distinct word: a page that says "API" twenty
  times is not more technical than one that says it twice);
- for consumers: the buyer's private life (family, home, kids, your phone, an order and its delivery).

Decision (documented in docs/reader.md; thresholds set by principle, checked on the corpora by their known
readers, not fitted to them): a text with code to run is for developers; without code, developers are the reader
when the copy names their work often (``DEV_WORDS_MIN`` distinct developer words and at least
``DEV_RATE_MIN`` per 100 words); consumers when private-life words clearly dominate; otherwise business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plainpitch.text import lazy_re
from plainpitch.text.wordsets import case_free, word_sets

AUDIENCE_NAMES = {"technical": "developers", "business": "business buyers", "consumer": "consumers"}

_FENCE_RE = lazy_re.compile(r"^[ \t]{0,3}(?:```|~~~)", re.MULTILINE)
_PRE_RE = lazy_re.compile(r"<pre\b", re.IGNORECASE)
_COMMAND_RE = lazy_re.compile(
    r"(?:^|[\s`$>])(?:sudo\s+)?(?:pip3?|pipx|uv|npm|npx|yarn|pnpm|bun|brew|cargo|go|apt(?:-get)?|dnf|yum|pacman|"
    r"choco|scoop|winget|docker|podman|kubectl|helm|gem|bundle|composer|git|make|mvn|gradle|dotnet|nuget|conda|"
    r"poetry|rustup|mix|cabal|opam|deno)"
    r"\s+(?:install|add|get|run|clone|build|init|create|pull|compose|apply|new)\b|"
    r"\bcurl\s[^\n|]*\|\s*(?:sudo\s+)?(?:ba|z)?sh\b|^\s*\$\s+\w",
    re.MULTILINE,
)
_INLINE_CODE_RE = lazy_re.compile(r"`[^`\n]+`")
# Names only code uses: snake_case, camelCase, dotted names (not web addresses), --flags, paths, letters+digits types
_CODE_NAME_RE = lazy_re.compile(
    r"(?<![\w/.-])(?:[a-z]+_[a-z0-9_]+|[a-z]{2,}[A-Z][a-z]+\w*|[a-z]\w*\.[a-z_]\w*\.[a-z_]\w*|"
    r"[a-z]\w*\.(?:conf|cfg|ini|json|ya?ml|toml|xml|py|js|ts|go|rs|rb|sh|exe|dll|so|lock)|--[a-z][\w-]+|"
    r"/(?:etc|usr|var|proc|sys|opt|home|tmp|dev)/[\w./-]*|(?:u?int|float)(?:8|16|32|64))(?![\w])"
)
# Words that name developers or their work. Distinct words are counted, so one product word repeated cannot tip it.
_DEV_WORDS_RE = lazy_re.compile(
    r"\b(?:developers?|devs|engineers?|engineering teams?|programmers?|coders?|your code|codebase|source code|"
    r"repos?|repository|repositories|pull requests?|merge requests?|commits?|open[- ]source|github|gitlab|sdks?|"
    r"apis?|cli|command[- ]line|terminal|librar(?:y|ies)|frameworks?|compil(?:e|er|ed)|runtime|self-host(?:ed|ing)?|"
    r"deploy(?:s|ed|ing|ment)?|debug(?:ging)?|binar(?:y|ies)|plugins?|contributors?|forks?|dependenc(?:y|ies)|"
    r"kubernetes|docker|containers?|backend|frontend|database|postgres(?:ql)?|sql|typescript|javascript|python|"
    r"rust|golang|java|react|node\.?js|webhooks?|endpoints?|latency|throughput|scalab(?:le|ility)|config(?:uration)?)\b",
    re.IGNORECASE,
)
_CONSUMER_RE = lazy_re.compile(
    r"\b(?:your (?:family|kids|children|home|house|partner|pet|dog|cat|phone|wedding|body|skin|health|garden|car)|"
    r"families|kids|parents|moms?|dads?|at home|free shipping|delivery|delivered to your door|add to cart|checkout|"
    r"recipes?|bedroom|kitchen|holiday|vacation|birthday|gifts?)\b",
    re.IGNORECASE,
)
_BUSINESS_RE = lazy_re.compile(
    r"\b(?:customers?|clients?|revenue|sales|team(?:s|mates)?|compan(?:y|ies)|business(?:es)?|managers?|invoices?|"
    r"marketing|marketers?|conversions?|pipeline|leads?|roi|budget|employees?|staff|agency|agencies|enterprise|"
    r"startups?|founders?|saas|b2b|subscribers?|visitors?|campaigns?|stakeholders?)\b",
    re.IGNORECASE,
)

# One word each match of these three holds as a whole word (tests/test_wordsets.py proves it for every string
# they match): units without one are not searched (text/wordsets.py).
_DEV_TRIGGERS = frozenset("""
    api apis backend binaries binary cli codebase coder coders code command commit commits compile compiled compiler
    config configuration container containers contributor contributors database debug debugging dependencies
    dependency deploy deployed deploying deployment deploys developer developers devs docker endpoint endpoints
    engineer engineering engineers fork forks framework frameworks frontend github gitlab golang host hosted hosting
    java javascript kubernetes latency libraries library node nodejs plugin plugins postgres postgresql programmer
    programmers python react repo repos repositories repository request requests runtime rust scalability scalable
    sdk sdks source sql terminal throughput typescript webhook webhooks""".split())
_CONSUMER_TRIGGERS = frozenset("""
    family kids children home house partner pet dog cat phone wedding body skin health garden car families parents
    mom moms dad dads shipping delivery delivered cart checkout recipe recipes bedroom kitchen holiday vacation
    birthday gift gifts""".split())
_BUSINESS_TRIGGERS = frozenset("""
    agencies agency b2b budget business businesses campaign campaigns client clients companies company conversion
    conversions customer customers employee employees enterprise founder founders invoice invoices lead leads
    manager managers marketer marketers marketing pipeline revenue roi saas sales staff stakeholder stakeholders
    startup startups subscriber subscribers team teammates teams visitor visitors""".split())

_DEV_WORDS_TWIN, _CONSUMER_TWIN, _BUSINESS_TWIN = map(case_free, (_DEV_WORDS_RE, _CONSUMER_RE, _BUSINESS_RE))

DEV_WORDS_MIN = 4  # distinct developer words
DEV_RATE_MIN = 1.5  # developer words per 100 words
_TEMPLATE_FIELD_RE = lazy_re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{[a-z_][\w.]*\}")
CODE_NAMES_MIN = 3  # distinct code names (snake_case, camelCase, file names, --flags, system paths)
CONSUMER_MIN = 3  # consumer words, and more of them than business words


@dataclass(frozen=True)
class Reader:
    profile: str  # technical | business | consumer
    reasons: tuple[str, ...]  # what in the copy points there, in plain words
    evidence: dict  # the counts, for the JSON report

    @property
    def documentation(self) -> bool:
        """Copy a developer reads to use the product (code blocks or install and run commands): see is_documentation."""
        return bool(self.evidence.get("code_blocks") or self.evidence.get("commands"))

    @property
    def name(self) -> str:
        return AUDIENCE_NAMES[self.profile]

    def describe(self) -> str:
        why = "; ".join(self.reasons) if self.reasons else "no sign of developers or consumers in the copy"
        return f"{self.name} ({why})"


def reader_of(doc, ctx=None) -> Reader:
    """The inferred reader, once per analysis (the engine puts it in the rule context's memo)."""
    return ctx.memo("reader", lambda: infer_reader(doc)) if ctx is not None else infer_reader(doc)


def is_documentation(doc, ctx=None) -> bool:
    """Copy a developer reads to use the product, not to buy it: a README or docs page with code blocks or install
    and run commands. The sales-structure rules (value up front, features with no benefit, proof) do not judge it:
    for that reader the technology and the benchmarks are the value (judged so blind on real READMEs)."""
    return reader_of(doc, ctx).documentation


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def infer_reader(doc) -> Reader:
    """The reader the copy is written for. Calls are judged for their buyer like pages (the default business)."""
    source = doc.source or ""
    text = doc.text or ""
    words = max(1, doc.word_count)
    fences = len(_FENCE_RE.findall(source)) // 2 + len(_PRE_RE.findall(source))
    if hasattr(doc.meta, "get"):
        fences -= doc.meta.get("prose_fences", 0)  # copy a copy deck keeps in fences (plainpitch.ingest.markdown)
    parsed = doc.meta.get("code_blocks") if hasattr(doc.meta, "get") else None
    if isinstance(parsed, int):
        fences = max(fences, parsed)  # the Markdown parser also sees indented code blocks
    commands = len(_COMMAND_RE.findall(source))
    inline = sum(len(u.attrs.get("code", ())) for u in doc.units if hasattr(u.attrs, "get")) + len(
        _INLINE_CODE_RE.findall(text)
    )
    # a template's fields ("{{ user_first_name }}") are filled before anyone reads the copy: not code for its reader
    named = _TEMPLATE_FIELD_RE.sub(" ", text) if "{" in text else text
    code_names = {m.group(0) for m in _CODE_NAME_RE.finditer(named)}
    sets = word_sets(doc)  # the three word lists: in the folded text, only in the units that hold one of their words
    folded = sets.folded()
    dev_hits = [text[s:e].lower() for s, e in sets.find(_DEV_WORDS_TWIN, _DEV_TRIGGERS, folded)]
    dev_distinct = len(set(dev_hits))
    dev_rate = 100.0 * len(dev_hits) / words
    consumer = len(sets.find(_CONSUMER_TWIN, _CONSUMER_TRIGGERS, folded))
    business = len(sets.find(_BUSINESS_TWIN, _BUSINESS_TRIGGERS, folded))
    del folded
    evidence = {
        "code_blocks": fences, "commands": commands, "inline_code": inline, "developer_words": len(dev_hits),
        "developer_words_distinct": dev_distinct, "developer_words_per_100": round(dev_rate, 2),
        "code_names": len(code_names),
        "consumer_words": consumer, "business_words": business, "words": doc.word_count,
    }  # fmt: skip
    reasons: list[str] = []
    if fences or commands:
        if fences:
            reasons.append(_plural(fences, "code block"))
        if commands:
            reasons.append(_plural(commands, "install or run command"))
        return Reader("technical", tuple(reasons), evidence)
    if len(code_names) >= CODE_NAMES_MIN:
        reasons.append(f"{len(code_names)} names only code uses ({', '.join(sorted(code_names)[:3])})")
        return Reader("technical", tuple(reasons), evidence)
    if dev_distinct >= DEV_WORDS_MIN and dev_rate >= DEV_RATE_MIN:
        sample = ", ".join(list(dict.fromkeys(dev_hits))[:4])  # distinct, in order of first use
        reasons.append(f"talks about developers' work ({sample})")
        if inline:
            reasons.append(_plural(inline, "code span"))
        return Reader("technical", tuple(reasons), evidence)
    if consumer >= CONSUMER_MIN and consumer > business:
        reasons.append(_plural(consumer, "word") + " about the buyer's private life")
        return Reader("consumer", tuple(reasons), evidence)
    if business:
        reasons.append(f"talks about customers, teams or revenue ({_plural(business, 'mention')})")
    return Reader("business", tuple(reasons), evidence)
