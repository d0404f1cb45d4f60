"""Rewrites from a model (any OpenAI-compatible chat endpoint), grounded in the finding, the reader and the
page's facts. The model's answer is only a candidate: it goes through the same checks as an offline rewrite,
plus one more (it may not state a fact the page does not).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from plainpitch.llm import ChatClient, LLMError, LLMSettings
from plainpitch.llm.redact import Redactor
from plainpitch.model import Finding
from plainpitch.rewrite import facts as factlib
from plainpitch.rewrite.edits import minimal_edits
from plainpitch.rewrite.model import Candidate
from plainpitch.rewrite.rewriters.page import Page
from plainpitch.text import lazy_re

# what the model is asked to fix: the findings with a sentence-sized rewrite
CODES = ("JRG001", "JRG002", "JRG003", "CLR001", "RDB001", "RDB002", "BEN001", "BEN002", "CTA003", "STR100",
         "TON001", "TON002", "TON003")  # fmt: skip
READERS = {
    "business": "a business buyer (a manager or budget holder): knows their business, not the technology",
    "technical": "an engineer evaluating the product: knows the technology, wants the facts",
    "consumer": "a consumer: no technical or business vocabulary",
}
SYSTEM = (
    "You are a sales copy editor. You rewrite one passage of a product text so that the buyer sees what they get. "
    "Rules: keep every number, price, date, name and product term exactly as written; add no fact, number, name "
    "or claim that the text does not state; keep the meaning; keep it about as long or shorter; plain words. "
    "Answer with the rewritten passage only: no quotes, no preamble, no explanation."
)
_PREFIX_RE = lazy_re.compile(r"^\s*(?:here(?:'s| is)[^:\n]*:|rewritten(?: passage| sentence)?:|rewrite:)\s*", re.I)


def prompt(finding: Finding, passage: str, page: Page, profile: str) -> list[dict[str, str]]:
    page_facts = sorted({k.split(":", 1)[1] for k in factlib.facts(page.text)})[:40]
    user = "\n".join([
        f"Reader: {READERS.get(profile, profile)}.",
        f"Facts on the page (keep the ones in the passage; add none): {', '.join(page_facts) or 'none'}.",
        f"Problem ({finding.code} {finding.name}): {finding.message}",
        f"How to fix it: {finding.fix}",
        f"Flagged words: {finding.text[:200]}",
        "Passage to rewrite:",
        passage,
    ])  # fmt: skip
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}]


def clean_answer(answer: str, passage: str) -> str | None:
    """The rewrite in the answer, or None when the answer is not a usable rewrite of the passage."""
    text = _PREFIX_RE.sub("", answer.strip()).strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'`" or text.startswith("“") and text.endswith("”"):
        text = text[1:-1].strip()
    if not text or "\n\n" in text or len(text) > 3 * len(passage) + 40 or text.startswith(("```", "#", "- ")):
        return None
    return " ".join(text.split())


def _passages(finding: Finding, page: Page) -> Iterable[tuple[int, str]]:
    if finding.code == "CTA003":
        text = finding.text.strip()
        if text:
            yield finding.span.start + finding.text.index(text), text
        return
    if finding.code == "BEN002":
        for item in (finding.data.get("sentences") or ())[:2]:
            s = page.sentence_of(item["start"])
            if s is not None:
                yield s.start, s.text
        return
    s = page.sentence_of(finding.span.start)
    if s is not None:
        yield s.start, s.text


class ModelRewriter:
    """A Proposer for the pipeline: one chat request per passage."""

    def __init__(self, settings: LLMSettings, profile: str = "business", *, on_token: Callable[[str], None] | None = None,
                 client: ChatClient | None = None) -> None:  # fmt: skip
        self.settings = settings
        self.profile = profile
        self.on_token = on_token
        self.client = client or ChatClient(settings)
        self.requests = 0
        self.errors: list[str] = []

    def close(self) -> None:
        self.client.close()

    def __call__(self, finding: Finding, page: Page) -> Iterable[Candidate]:
        if finding.code not in CODES or page.unit_of(finding.span.start).kind == "quote":
            return
        for start, passage in _passages(finding, page):
            redactor = Redactor(self.settings.redact_names) if self.settings.redact else None
            sent = redactor.redact(passage) if redactor else passage
            messages = prompt(finding, sent, page, self.profile)
            if redactor:
                messages = [{**m, "content": redactor.redact(m["content"])} for m in messages]
            self.requests += 1
            try:
                answer = self.client.chat(messages, stream=self.on_token is not None, on_token=self.on_token)
            except LLMError as exc:
                self.errors.append(str(exc))
                raise
            if redactor:
                answer = redactor.restore(answer)
            rewritten = clean_answer(answer, passage)
            if rewritten is None:
                yield Candidate(finding, "model", (), origin="model", note="the model's answer was not a rewrite")
                continue
            edits = minimal_edits(start, passage, rewritten)
            if edits:
                yield Candidate(finding, "model", tuple(edits), origin="model", note=f"rewritten by {self.settings.model}")
