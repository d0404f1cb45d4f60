"""What a rewrite is: edits to the analysed text, the finding they target, and what the checks made of them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from plainpitch.model import Finding

# How a candidate was made: offline rewriters say what they did; a model's rewrite is "model".
KINDS = ("substitute", "expand-acronym", "split-sentence", "break-paragraph", "turn-to-buyer", "name-button", "drop-reply-marker", "model",
         "question")
OFFERED, DROPPED, QUESTION = "offered", "dropped", "question"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``Document.text[start:end]`` by ``replacement`` (start == end: insert)."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class SourceEdit:
    """The same edit, placed in ``Document.source`` through the units' source maps."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Candidate:
    """A proposed rewrite for one finding (or a question for the writer when no safe rewrite exists)."""

    finding: Finding
    kind: str
    edits: tuple[Edit, ...] = ()
    question: str = ""
    origin: str = "offline"  # offline | model
    note: str = ""  # what the rewriter did, in one line ("expanded from the page's own 'change data capture (CDC)'")


@dataclass
class Outcome:
    """A candidate after the checks: offered (with its source edits and before/after), dropped (with why), or a
    question for the writer."""

    candidate: Candidate
    status: str
    reasons: list[str] = field(default_factory=list)
    source_edits: tuple[SourceEdit, ...] = ()
    before: str = ""  # the sentence (or unit) before
    after: str = ""  # and after
    score_before: float | None = None
    score_after: float | None = None
    effect: str = ""  # what the re-analysis saw ("removes JRG002 'CDC'"; "we/you 9:0 -> 8:1")

    @property
    def finding(self) -> Finding:
        return self.candidate.finding

    def as_dict(self) -> dict[str, Any]:
        f = self.candidate.finding
        out: dict[str, Any] = {
            "status": self.status,
            "kind": self.candidate.kind,
            "origin": self.candidate.origin,
            "finding": {"code": f.code, "name": f.name, "severity": f.severity, "message": f.message,
                        "line": f.location.line, "column": f.location.column, "text": f.text},  # fmt: skip
        }
        if self.status == QUESTION:
            out["question"] = self.candidate.question
        else:
            out.update(before=self.before, after=self.after, note=self.candidate.note)
            out["edits"] = [{"start": e.start, "end": e.end, "replacement": e.replacement} for e in self.source_edits]
        if self.reasons:
            out["reasons"] = list(self.reasons)
        if self.effect:
            out["effect"] = self.effect
        if self.score_before is not None:
            out["score_before"] = self.score_before
        if self.score_after is not None:
            out["score_after"] = self.score_after
        return out
