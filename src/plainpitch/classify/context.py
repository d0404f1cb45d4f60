"""Context features: what the page around a sentence says about it (structure.py reads the page).

The sentence features (features.py) say what a sentence is made of; these say where it sits and what is around
it, in named groups so each can be measured alone (scripts/train_classifier.py --experiments):

- ``place``: the unit kind (heading, list item, quote, table cell), heading level, a bold lead-in or a bold line,
  first or only sentence of its unit, the sentence after a bold lead-in;
- ``quote``: a customer's words (a quote, quotation marks, an attribution line) and the attribution itself;
- ``near``: a few cues of the section heading, of a list's lead-in line, of the bold lead-in, and of the
  sentences just before and after (an outcome, a feature verb, technical detail, a story);
- ``page``: what kind of page it is, from shares over all its sentences (technical detail, code, past-tense
  story, you, we): the same sentence reads differently in a README and in a customer story.

Every feature is named ``x:…`` and is 0/1, so the linear model (model.py) scores them like any other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from plainpitch.classify import cues, shape
from plainpitch.classify.structure import Place, Structure

CONTEXT_GROUPS = ("place", "quote", "near", "page")


@dataclass(frozen=True, slots=True)
class Cues:
    """The few cues of one sentence that its neighbours read (computed once per sentence)."""

    outcome: bool
    feature_verb: bool
    tech: bool
    code: bool
    story: bool
    you: bool
    we: bool
    question: bool
    colon_end: bool
    imperative: bool

    @classmethod
    def of(cls, text: str) -> Cues:
        view = cues.view_of(text)
        clean = view.clean.rstrip()
        return cls(
            outcome=view.search(cues.OUTCOME_RE),
            feature_verb=view.search(cues.FEATURE_VERB_RE),
            tech=cues.technical_detail(view) > 0,
            code=bool(cues.CODE_TOKEN_RE.search(clean)),
            story=view.search(shape.NARRATIVE_RE) or view.search(cues.STORY_RE),
            you=view.search(cues.YOU_RE),
            we=view.search(cues.WE_RE),
            question=clean.endswith("?"),
            colon_end=clean.endswith(":"),
            imperative=view.match(shape.IMPERATIVE_RE),
        )


_NEAR_CUES = ("outcome", "feature_verb", "tech", "story", "you", "question", "colon_end", "imperative")


@dataclass(frozen=True, slots=True)
class Page:
    """Shares over the page's sentences, bucketed into flags."""

    flags: tuple[str, ...]

    @classmethod
    def of(cls, all_cues: list[Cues], places: tuple[Place, ...]) -> Page:
        n = len(all_cues)
        if n == 0:
            return cls(())

        def share(test: Callable[[Cues], bool]) -> float:
            return sum(1 for c in all_cues if test(c)) / n

        flags = []
        tech, code, story = share(lambda c: c.tech), share(lambda c: c.code), share(lambda c: c.story)
        you, we, outcome = share(lambda c: c.you), share(lambda c: c.we), share(lambda c: c.outcome)
        lists = sum(1 for p in places if p.kind == "list_item") / max(len(places), 1)
        for name, value, cuts in (("tech", tech, (0.3, 0.6)), ("code", code, (0.1, 0.3)), ("story", story, (0.15, 0.3)),
                                  ("you", you, (0.1, 0.25)), ("we", we, (0.05, 0.15)), ("outcome", outcome, (0.15, 0.3)),
                                  ("lists", lists, (0.2, 0.5))):  # fmt: skip
            if value >= cuts[1]:
                flags.append(f"{name}_high")
            elif value >= cuts[0]:
                flags.append(f"{name}_mid")
            else:
                flags.append(f"{name}_low")
        return cls(tuple(flags))


class DocumentContext:
    """The context features of every sentence of one document, from its structure and the sentences' cues."""

    def __init__(self, texts: list[str], struct: Structure) -> None:
        self.texts = texts
        self.struct = struct
        self._cues: list[Cues | None] = [None] * len(texts)
        self._page: Page | None = None

    def cues_at(self, i: int) -> Cues:
        found = self._cues[i]
        if found is None:
            found = self._cues[i] = Cues.of(self.texts[i])
        return found

    @property
    def page(self) -> Page:
        if self._page is None:
            self._page = Page.of([self.cues_at(i) for i in range(len(self.texts))], self.struct.places)
        return self._page

    def features(self, i: int, groups: tuple[str, ...]) -> dict[str, float]:
        place = self.struct[i]
        feats: dict[str, float] = {}
        if "place" in groups:
            for name in _place_flags(place):
                feats["x:" + name] = 1.0
        if "quote" in groups:
            if place.quoted:
                feats["x:quoted"] = 1.0
            if place.attribution:
                feats["x:attribution"] = 1.0
        if "near" in groups:
            self._near(i, place, feats)
        if "page" in groups:
            for flag in self.page.flags:
                feats["x:page_" + flag] = 1.0
        return feats

    def _near(self, i: int, place: Place, feats: dict[str, float]) -> None:
        for prefix, j in (("h", place.heading), ("i", place.intro), ("l", place.lead)):
            if j >= 0 and j != i:
                found = self.cues_at(j)
                feats[f"x:{prefix}_any"] = 1.0
                for name in _NEAR_CUES:
                    if getattr(found, name):
                        feats[f"x:{prefix}_{name}"] = 1.0
        n = len(self.texts)
        for prefix, j in (("p", i - 1), ("n", i + 1)):
            if 0 <= j < n:
                found = self.cues_at(j)
                for name in ("outcome", "feature_verb", "tech", "story"):
                    if getattr(found, name):
                        feats[f"x:{prefix}_{name}"] = 1.0


def _place_flags(place: Place) -> list[str]:
    out = ["k_" + place.kind]
    if place.kind == "heading":
        out.append("h1" if place.level <= 1 else "h2plus")
    if place.bold_lead:
        out.append("bold_lead")
    if place.opens_bold:
        out.append("opens_bold")
    if place.bold_line:
        out.append("bold_line")
    if place.lead >= 0:
        out.append("after_lead")
    if place.first:
        out.append("first")
    if place.only:
        out.append("only")
    if place.index_in_list == 0:
        out.append("list_first")
    if place.intro >= 0:
        out.append("has_intro")
    if place.position < 0.1:
        out.append("top")
    return out
