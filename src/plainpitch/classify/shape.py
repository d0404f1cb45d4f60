"""Sentence shape: who the sentence is about and what kind of sentence it is, read from its words alone.

Word lists (cues.py) say *what* a sentence mentions; shape says *how* it is built, which is what separates the
three classes when the vocabulary is new (under grouped cross-validation most pages' words are unseen):

- the subject: the buyer ("you", "teams", "developers"), the seller ("we", "our team"), or the product
  ("It", "This plugin", "Rust") followed by a present-tense verb (a claim about what the product is or does);
- the mood: an imperative that states a capability ("Generate manual pages…") or one that gives a
  configuration step ("Set the `collect` option…"), a condition that opens documentation ("If…", "When…");
- the story: a past-tense narrative ("In 2015, the team needed…") against a customer's result ("…cut CPU in half",
  "from 90 seconds to 3 seconds", "within a year");
- the outcome: outcome words split by kind (speed, less, more, ease, avoid, enable) so each gets its own weight;
- the layout: a heading, a testimonial, a documentation note or a pointer elsewhere;
- the product: a present passive ("metrics are collected") or a bare quality ("is fast").

Each family is a feature group of features.py; docs/sales.md says which earn their place (so far only the outcome
kinds ship). Every pattern is general English of product copy and documentation, not a phrase of one labelled page.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

from plainpitch.classify.cues import View, alternation, case_blind, word_pattern
from plainpitch.text import lazy_re

# -- the subject -------------------------------------------------------------------------------------------------
_OPENER = r"^(?:(?:so|and|but|now|then|today|here|also|instead|thanks to [^,]+|with [^,]{1,40}),?\s+)?"
BUYER_SUBJECT_RE = case_blind(
    _OPENER + r"(?:you|your(?: \w+){1,2}|(?:(?:the|our|every|any|most|many|all) )?(?:teams?|developers|engineers|"
    r"customers|users|companies|businesses|organi[sz]ations|people|anyone|everyone|admins?|operators))\b",
)
SELLER_SUBJECT_RE = case_blind(_OPENER + r"(?:we|our (?:team|company|engineers|mission|goal)|i)\b")
# A third-person subject (a pronoun, "the/this <noun>", or a capitalised name) then a present-tense verb.
_PRESENT = (
    r"(?:is|are|has|have|can|will|also|now|just|does|doesn't|isn't|gives|lets|makes|offers|provides|supports|"
    r"includes|runs|uses|handles|comes|works|ships|builds|brings|keeps|helps|allows|enables|takes|stays|powers|"
    r"serves|exposes|collects|gathers|reports|creates|writes|reads|sends|stores|generates|removes|"
    r"[a-z]{3,}(?<![su]s)(?<!ss)s)"
)
PRODUCT_SUBJECT_RE = lazy_re.compile(
    r"^(?:it|this|these|they|its|each|every|all|the \S+(?: \S+)?|(?:this|that|each|every|the) [a-z][\w-]*|"
    r"[A-Z][\w.+#'’-]*(?: [A-Z][\w.+#'’-]*){0,2}(?:['’]s(?: \w+)?)?)\s+" + _PRESENT + r"\b"
)
# The sentence talks about the product in the past ("Go was", "we chose", "the team needed").
NARRATIVE_RE = word_pattern(
    r"was", r"were", r"had", r"did", r"became", r"began", r"wanted", r"needed", r"decided", r"chose", r"started",
    r"moved", r"migrated", r"joined", r"used to", r"discovered", r"realized", r"realised", r"found that", r"tried",
    r"turned out", r"looked for", r"sought", r"ago", r"historically", r"previously", r"at the time", r"back then",
)
_ED_RE = lazy_re.compile(r"\b[a-z]{3,}ed\b")

# -- the mood ------------------------------------------------------------------------------------------------
# A sentence that opens with the bare form of a verb: an imperative (or a capability headline).
IMPERATIVE_RE = case_blind(
    r"^(?:just |simply |easily |quickly |then |now )?(?:add|analy[sz]e|automate|avoid|build|bundle|call|catch|"
    r"change|check|choose|compile|configure|connect|control|copy|create|cut|debug|define|deploy|disable|download|"
    r"edit|enable|ensure|enter|explore|extend|find|get|give|guarantee|handle|host|import|install|integrate|"
    r"keep|launch|leave|leverage|let|load|make|manage|measure|monitor|open|pass|pick|pipe|publish|put|query|read|"
    r"record|reduce|refer|remove|replace|replay|roll|run|save|scale|search|see|select|send|set|share|ship|specify|"
    r"spot|start|stop|store|sync|take|track|try|turn|understand|update|use|visit|visuali[sz]e|watch|whip|"
    r"write)\b",
)
# What an instruction in documentation operates on (a setting, a file, a flag), not what a buyer gains.
CONFIG_OBJECT_RE = word_pattern(
    r"options?", r"settings?", r"parameters?", r"flags?", r"variables?", r"fields?", r"files?", r"directory",
    r"folder", r"sections?", r"values?", r"keys?", r"arguments?", r"permissions?", r"configuration", r"config",
    r"plugins?", r"the following", r"commands?", r"path", r"true", r"false", r"enabled", r"disabled", r"default",
)
# Documentation opens conditions and cases: "If…", "When using…", "By default…", "For each…".
CONDITION_RE = case_blind(
    r"^(?:if|when|whenever|unless|by default|for (?:each|every|example|instance)|in (?:this|that|the) case|"
    r"otherwise|depending|in order to|to (?:use|enable|run|configure|install|get|collect|see)|once|after|before)\b",
)
# A need placed on the reader: a requirement, not a gain.
NEED_RE = word_pattern(
    r"you (?:will |may |might )?(?:need|must|should|have) to", r"needs? to be", r"must be", r"should be",
    r"is required", r"are required", r"requires?", r"make sure", r"be sure to", r"keep in mind",
)

# A documentation aside: "Note:", "[!NOTE]", "**Warning**", "Tip:".
NOTE_LEAD_RE = case_blind(r"^\W*(?:\[!?)?(?:note|warning|important|tip|caution|hint)\b")
# A pointer elsewhere ("see X for details", "refer to", "documented in"): documentation, not a claim.
POINTER_RE = word_pattern(
    r"for (?:the full list|more (?:details|information|info)|details|further information)", r"refer to",
    r"see (?:the )?[\w`.-]+(?: [\w`.-]+)? (?:for|section|page|docs|documentation)", r"documented (?:in|at|on)",
    r"check (?:out )?(?:the )?[\w`:/.-]+ for", r"more (?:details|information) (?:in|at|on)",
)

# -- what the product is ------------------------------------------------------------------------------------
# A present-tense passive describing what happens inside the product ("metrics are collected", "stats will be
# grouped", "is calculated using"): how a README says what its product does.
PRESENT_PASSIVE_RE = case_blind(
    r"\b(?:is|are|will be|can be|gets?|may be)\s+(?:\w+ly\s+|also\s+|then\s+|not\s+)?"
    r"(?:[a-z]+ed|built|run|set|kept|sent|shown|written|known|given|done|made|read|split|put)\b",
)
# A bare quality ("is blazingly fast", "is generally very readable"): the guideline calls it a feature, unless
# the quality is "easy to …" something, which is a benefit (EASY_TO_RE).
IS_QUALITY_RE = case_blind(
    r"\b(?:is|are)\s+(?:\w+ly\s+|very\s+|so\s+|also\s+|both\s+|a\s+|an\s+)*(?:great|fast|lean|powerful|"
    r"robust|modern|native|lightweight|small|tiny|portable|flexible|extensible|modular|scalable|efficient|"
    r"memory-efficient|readable|understandable|reliable|stable|secure|safe|mature|expressive|elegant|"
    r"performant|concurrent|familiar|friendly|simple|typed|compiled|open[- ]source)\b(?! to)",
)
EASY_TO_RE = word_pattern(r"(?:easy|easier|easiest|simple|simpler|straightforward|quick|quicker|painless) to",
                          r"makes? it (?:easy|easier|simple|simpler|possible)")
# The past of the customer or project, told as background ("Historically…", "Before joining Google…").
HISTORY_RE = word_pattern(
    r"historically", r"originally", r"previously", r"formerly", r"used to", r"at the time", r"back then",
    r"before (?:joining|moving|switching|adopting|migrating|using)", r"in (?:19|20)\d\d",
    r"(?:was|were) (?:written|based|built|running|used) (?:in|on|with)",
)

# -- results and change --------------------------------------------------------------------------------------
# A change reported with its size: "from 90 seconds to 3 seconds", "by 40%", "in half", "3x faster", "within a year".
CHANGE_SIZE_RE = case_blind(
    r"\bfrom [\w.,$%-]+(?: \w+){0,3} (?:to|down to) [\w.,$%-]+|\bby (?:\d[\d.,]*\s?(?:%|percent|x|times)|half|a third|"
    r"(?:two|three|four|five|ten)(?:fold| times))|\bin half\b|\b\d+(?:\.\d+)?\s?(?:x|times)\b|"
    r"\bwithin (?:a|one|two|three|six) (?:days?|weeks?|months?|years?)\b|\bone-(?:eighth|tenth|third|half|quarter)\b",
)
# Verbs of a customer's improvement, in any tense.
IMPROVEMENT_RE = word_pattern(
    r"cut(?:s|ting)?", r"reduc(?:e|es|ed|ing)", r"sav(?:e|es|ed|ing)", r"increas(?:e|es|ed|ing)",
    r"doubl(?:e|es|ed|ing)", r"tripl(?:e|es|ed|ing)", r"halv(?:e|es|ed|ing)", r"grew", r"grow(?:s|ing)?",
    r"improv(?:e|es|ed|ing)", r"accelerat(?:e|es|ed|ing)", r"shorten(?:s|ed|ing)?", r"boost(?:s|ed|ing)?",
    r"dropp(?:ed|ing)", r"lower(?:s|ed|ing)?", r"speed(?:s|ed|ing)? up", r"sped up", r"scal(?:e|es|ed|ing)",
    r"eliminat(?:e|es|ed|ing)", r"obviat(?:e|es|ed|ing)", r"unlock(?:s|ed|ing)?", r"achiev(?:e|es|ed|ing)",
    r"handl(?:e|es|ed|ing) (?:up to|over|more than|millions|billions|\d)", r"now (?:handles?|serves?|runs?|has|have)",
    r"yield(?:s|ed|ing)?", r"result(?:s|ed)? in", r"as a result", r"thanks to", r"ship(?:ped)? (?:faster|sooner)",
)
# Adoption and size statistics ("a million developers", "hundreds of companies") are not results, the guideline
# says: they describe who uses the product.
ADOPTION_RE = word_pattern(
    r"(?:millions?|thousands|hundreds|dozens) of (?:developers|companies|users|teams|people|projects|organi[sz]ations)",
    r"used by", r"trusted by", r"in production", r"adopt(?:ed|ion)", r"community", r"popular", r"widely used",
)

# -- outcome families (split so the model can weigh each) ----------------------------------------------------
OUTCOME_FAMILIES: dict[str, tuple[str, ...]] = {
    "out_speed": (r"faster", r"quick(?:er|ly)", r"sooner", r"speed(?:s|ed)? up", r"in (?:minutes|seconds|days|hours)",
                  r"time to market", r"right away", r"instantly", r"swift\w*"),
    "out_less": (r"sav(?:e|es|ed|ing|ings)", r"cut(?:s|ting)?", r"reduc(?:e|es|ed|ing|tion)", r"fewer", r"less",
                 r"lower(?:s|ed)?", r"smaller", r"shrink\w*", r"minimi[sz]\w*", r"cost(?:s|-savings?)?"),
    "out_more": (r"increas\w*", r"grow\w*", r"grew", r"boost\w*", r"doubl\w*", r"tripl\w*",
                 r"more (?:time|money|revenue|sales|customers|users)", r"productiv\w*", r"revenue", r"profit\w*",
                 r"gain(?:s|ed)?"),
    "out_ease": (r"eas(?:y|ier|ily|e)", r"simpl(?:e|er|y|ifies|ified|icity)", r"straightforward", r"effortless\w*",
                 r"painless\w*", r"convenien\w*", r"smooth\w*", r"hassle", r"friction\w*", r"confiden\w*",
                 r"fearless\w*", r"peace of mind", r"out of the way", r"for granted", r"you(?:'re| are) done"),
    "out_avoid": (r"avoid\w*", r"prevent\w*", r"never", r"without", r"no need", r"don't have to", r"won't",
                  r"impossible", r"eliminat\w*", r"get rid", r"instead of", r"rather than", r"no longer",
                  r"safe(?:r|ly|ty)?", r"secure", r"protect\w*", r"guarantee\w*"),
    "out_enable": (r"help(?:s|ed|ing)?", r"let(?:s)?", r"allow(?:s|ed|ing)?", r"enabl(?:e|es|ed|ing)", r"empower\w*",
                   r"able to", r"free(?:s|d|ing)? (?:up|you|them|teams|developers)", r"lets you",
                   r"so (?:that )?(?:you|they|teams|users|developers|customers|apps|the)", r"focus(?:ed|ing)? on",
                   r"spend(?= (?:more|less|its|their|your) time)"),  # a look-ahead: "more time" is out_more
}
# The six lists share no word, so one scan with a named group per family finds them all (six scans cost more).
OUTCOME_SCAN = word_pattern(*(f"(?P<{name}>{alternation(alts)})" for name, alts in OUTCOME_FAMILIES.items()))
COMPARATIVE_RE = case_blind(r"\b(?:better|more|less|fewer|[a-z]{3,}er than|most|best)\b")

# -- layout ------------------------------------------------------------------------------------------------------
# A testimonial: in quotes, signed ("… - Prasanna Meda"), or reported ("said Bleigh").
_SIGNED_RE = lazy_re.compile(r"\s[—-]\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?\s*$")
SAID_RE = word_pattern(r"said", r"says", r"shared", r"explains?", r"explained")


def _quoted(view: View) -> bool:
    clean = view.clean.rstrip()
    if not clean:
        return False
    if clean[0] in "\"“”'" or clean[-1] in "\"“”'":
        return True
    return bool(_SIGNED_RE.search(clean[-40:])) or view.search(SAID_RE)


class Sentence:
    """One sentence (a cues.View) whose basic tests run once, and only when a family asks for them."""

    def __init__(self, view: View, n_words: int) -> None:
        self.view = view
        self.clean = view.clean
        self.n_words = n_words

    @cached_property
    def imperative(self) -> bool:
        return self.view.match(IMPERATIVE_RE)

    @cached_property
    def narrative(self) -> bool:
        return self.view.search(NARRATIVE_RE) or len(_ED_RE.findall(self.clean)) >= 2

    @cached_property
    def improvement(self) -> bool:
        return self.view.search(IMPROVEMENT_RE)

    @cached_property
    def change(self) -> bool:
        return self.view.search(CHANGE_SIZE_RE)

    @cached_property
    def outcomes(self) -> dict[str, bool]:
        found = self.view.groups(OUTCOME_SCAN)
        return {name: name in found for name in OUTCOME_FAMILIES}

    @cached_property
    def any_outcome(self) -> bool:
        return any(self.outcomes.values())

    @cached_property
    def heading(self) -> bool:
        return self.n_words <= 12 and not self.clean.rstrip().endswith((".", "!", "?", ":", '"', "”"))


# -- the families: each is a feature group of features.py, so experiments can add or drop it alone -----------
def outcome_flags(s: Sentence) -> dict[str, bool]:
    """Outcome words split by kind (speed, less, more, ease, avoid, enable), comparisons, "easy to"."""
    return {**s.outcomes, "comparative": s.view.search(COMPARATIVE_RE), "easy_to": s.view.search(EASY_TO_RE),
            "heading_claim": s.heading and not s.imperative and (s.any_outcome or s.improvement)}  # fmt: skip


def result_flags(s: Sentence) -> dict[str, bool]:
    """A customer's result (an improvement verb with its size or in a story) against adoption statistics."""
    return {"improvement": s.improvement, "change_size": s.change,
            "result": s.improvement and (s.change or s.narrative),
            "adoption": s.view.search(ADOPTION_RE)}  # fmt: skip


def mood_flags(s: Sentence) -> dict[str, bool]:
    """Imperative (capability or configuration step), a condition that opens documentation, a need."""
    config = s.view.search(CONFIG_OBJECT_RE)
    return {"imperative": s.imperative, "imperative_config": s.imperative and config,
            "imperative_outcome": s.imperative and s.any_outcome, "heading_verb": s.heading and s.imperative,
            "condition": s.view.match(CONDITION_RE), "need": s.view.search(NEED_RE),
            "config_words": config}  # fmt: skip


def subject_flags(s: Sentence) -> dict[str, bool]:
    """Who the sentence is about: the buyer, the seller, or the product doing something now."""
    buyer = s.view.match(BUYER_SUBJECT_RE)
    product = not buyer and s.view.match(PRODUCT_SUBJECT_RE)
    return {"subj_buyer": buyer, "subj_seller": s.view.match(SELLER_SUBJECT_RE), "subj_product": product,
            "product_no_outcome": product and not s.any_outcome}  # fmt: skip


def story_flags(s: Sentence) -> dict[str, bool]:
    """A past-tense narrative with no result in it, the background of a customer or project."""
    return {"narrative": s.narrative, "narrative_no_change": s.narrative and not (s.improvement or s.change),
            "history": s.view.search(HISTORY_RE)}  # fmt: skip


def layout_flags(s: Sentence) -> dict[str, bool]:
    """A heading, a testimonial, a documentation aside or pointer."""
    return {"heading": s.heading, "quoted": _quoted(s.view),
            "note_lead": s.view.match(NOTE_LEAD_RE), "pointer": s.view.search(POINTER_RE)}  # fmt: skip


def product_flags(s: Sentence) -> dict[str, bool]:
    """How a README says what its product does (a present passive) and bare qualities ("is fast")."""
    return {"present_passive": s.view.search(PRESENT_PASSIVE_RE) and not s.narrative,
            "is_quality": s.view.search(IS_QUALITY_RE)}  # fmt: skip


FAMILIES: dict[str, Callable[[Sentence], dict[str, bool]]] = {
    "outcomes": outcome_flags,
    "results": result_flags,
    "mood": mood_flags,
    "subject": subject_flags,
    "story": story_flags,
    "layout": layout_flags,
    "product": product_flags,
}


def shape_flags(text: str | View, n_words: int, families=tuple(FAMILIES)) -> dict[str, bool]:
    """The shape cues of the named families for one normalised sentence (a string or a cues.View)."""
    sentence = Sentence(text if isinstance(text, View) else View(text), n_words)
    out: dict[str, bool] = {}
    for name in families:
        out.update(FAMILIES[name](sentence))
    return out
