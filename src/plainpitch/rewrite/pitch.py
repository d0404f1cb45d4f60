"""``plainpitch pitch``: what a seller leads with, made from a technical text.

Offline it is extractive: it picks the text's own sentences and reorders them into a one-line value
proposition for the buyer, three benefits each tied to the feature it comes from, one proof point, one ask, and
says what is missing. With a model it asks for the same shape in better words, then checks the answer: every
fact in it must be one the text states (otherwise the offline pitch is kept, and the reason is given).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from plainpitch.model import DocumentReport
from plainpitch.rewrite import facts as factlib
from plainpitch.text import lazy_re

_PROOF_RE = lazy_re.compile(
    r"\d[\d,.]*\s*(?:%|x\b|k\b|\+)?[^.]{0,60}\b(?:customers?|teams?|companies|users?|developers|businesses|"
    r"organi[sz]ations|downloads|stars|sites?|websites|installs|faster|cheaper|saved|reduced|increased|cut|less|more)\b|"
    r"\b(?:trusted by|used by|customers include|case stud)",
    re.I,
)
_YOU_RE = lazy_re.compile(r"\b(?:you|your)\b", re.I)
READER_WORDS = {"business": "a business buyer", "technical": "an engineer", "consumer": "a consumer"}


@dataclass
class Pitch:
    buyer: str
    buyer_why: str
    value: str | None
    benefits: list[tuple[str, str | None]]  # (benefit, the feature it comes from)
    proof: str | None
    ask: tuple[str, str | None] | None  # (label, href)
    missing: list[str] = field(default_factory=list)
    features_without_benefit: list[str] = field(default_factory=list)
    origin: str = "offline"
    note: str = ""

    def markdown(self, path: str) -> str:
        how = "offline: the text's own sentences, reordered" if self.origin == "offline" else self.note
        lines = [f"<!-- plainpitch pitch of {path} for {self.buyer} ({self.buyer_why}); {how} -->", ""]
        lines.append(f"**{_one_line(self.value)}**" if self.value else "**(Missing: one line that says what the buyer gets.)**")
        lines.append("")
        for benefit, feature in self.benefits:
            lines.append(f"- {_one_line(benefit)}" + (f" *(from: {_one_line(feature)})*" if feature else ""))
        lines.append("")
        if self.proof:
            lines += [f"> {_one_line(self.proof)}", ""]
        if self.ask:
            label, href = self.ask
            lines += [f"[{_one_line(label)}]({href})" if href else f"**{_one_line(label)}**", ""]
        if self.missing or self.features_without_benefit:
            lines.append("<!-- what the text does not say yet:")
            lines.extend(f"  - {m}" for m in self.missing)
            lines.extend(f"  - what does the buyer get from \"{_one_line(f)}\"?" for f in self.features_without_benefit[:5])
            lines.append("-->")
        return "\n".join(lines).rstrip() + "\n"

    def as_dict(self) -> dict[str, Any]:
        return {"buyer": self.buyer, "buyer_why": self.buyer_why, "value": self.value,
                "benefits": [{"benefit": b, "feature": f} for b, f in self.benefits], "proof": self.proof,
                "ask": None if not self.ask else {"label": self.ask[0], "href": self.ask[1]}, "missing": self.missing,
                "features_without_benefit": self.features_without_benefit, "origin": self.origin, "note": self.note}  # fmt: skip


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _buyer(report: DocumentReport) -> tuple[str, str]:
    reader = report.details.get("reader") if hasattr(report.details, "get") else None
    if isinstance(reader, dict) and reader.get("profile"):
        profile = reader["profile"]
        if reader.get("set_by") == "inferred":
            why = "inferred: " + "; ".join(reader.get("reasons") or ["from the text"])
        else:
            why = "as you set it"
        return READER_WORDS.get(profile, profile), why
    return READER_WORDS.get(report.profile, report.profile), f"the '{report.profile}' profile"


def offline(report: DocumentReport) -> Pitch:
    doc = report.document
    assert doc is not None
    from plainpitch.rules.checks.benefits import sections

    section = sections(doc)
    items = [s for s in report.details.get("sentences") or () if doc.units[s["unit"]].kind not in ("cta", "link", "subject")]
    quoted = {i for i, u in enumerate(doc.units) if u.kind == "quote"}
    benefits = [s for s in items if s["label"] == "benefit" and s["unit"] not in quoted and 4 <= len(s["text"].split()) <= 40]
    features = [s for s in items if s["label"] == "feature" and s["unit"] not in quoted]

    def feature_for(b) -> str | None:
        same = [f for f in features if section[f["unit"]] == section[b["unit"]]]
        if not same:
            return None
        return min(same, key=lambda f: (abs(f["start"] - b["start"]), f["start"] > b["start"]))["text"]

    ranked = sorted(benefits, key=lambda s: (-(bool(_YOU_RE.search(s["text"])) + s["confidence"]), s["start"]))
    value = None
    if ranked:
        short = [s for s in ranked if len(s["text"].split()) <= 25] or ranked
        value = short[0]
    rest = [b for b in ranked if b is not value]
    chosen: list[dict] = []
    used_features: set[str] = set()
    for b in rest:  # prefer benefits tied to different features
        f = feature_for(b)
        if f and f in used_features:
            continue
        chosen.append(b)
        if f:
            used_features.add(f)
        if len(chosen) == 3:
            break
    for b in rest:
        if len(chosen) == 3:
            break
        if b not in chosen:
            chosen.append(b)
    chosen.sort(key=lambda s: s["start"])
    proof = None
    for unit_index in sorted(quoted):
        text = doc.unit_text(doc.units[unit_index]).strip()
        if 5 <= len(text.split()) <= 60:
            proof = text
            break
    if proof is None:
        for s in doc.sentences:
            if _PROOF_RE.search(s.text) and s.word_count <= 40 and (value is None or s.start != value["start"]):
                proof = s.text
                break
    ask = _ask(report)
    buyer, why = _buyer(report)
    missing = []
    if value is None:
        missing.append("no sentence says what the buyer gets: write the one-line value proposition")
    if len(chosen) < 3:
        missing.append(f"only {len(chosen)} benefit{'s' if len(chosen) != 1 else ''} in the text; a pitch leads with three")
    if proof is None:
        missing.append("no proof point: a customer count, a named customer, a result with a number, a quote")
    if ask is None:
        missing.append("no ask: one next step for the buyer (a button or a link)")
    tied = {feature_for(b) for b in benefits}
    bare = [f["text"] for f in features if f["text"] not in tied]
    return Pitch(buyer, why, value["text"] if value else None, [(b["text"], feature_for(b)) for b in chosen], proof, ask,
                 missing, bare)  # fmt: skip


def _ask(report: DocumentReport) -> tuple[str, str | None] | None:
    from plainpitch.analysis.asks import find_asks

    doc = report.document
    asks = find_asks(doc)
    order = {"cta": 0, "link": 1, "question": 2, "sentence": 3}
    asks = sorted(asks, key=lambda a: (order.get(a.kind, 4), a.start))
    if not asks:
        return None
    best = asks[0]
    unit = doc.units[doc.unit_at(best.start)]
    return best.text.strip(), unit.href if best.kind in ("cta", "link") else None


PITCH_SYSTEM = (
    "You are a sales copywriter. From a technical text and an extract of it, write what a seller leads with, as "
    "Markdown: line 1 a bold one-line value proposition for the reader named; then exactly three '- ' bullets, each "
    "a benefit followed by ' *(from: the feature)*'; then one '> ' proof line if the text has proof; then one ask "
    "line. Use only facts the text states: no new numbers, names, customers or claims. Answer with the Markdown only."
)


def with_model(report: DocumentReport, base: Pitch, client, path: str) -> Pitch:
    """A model's pitch in the same shape, or the offline one (with the reason) when the answer fails the checks."""
    doc = report.document
    text = doc.text if len(doc.text) <= 12000 else doc.text[:12000]
    user = "\n".join([f"Reader: {base.buyer}.", "Extract (the text's own sentences):", base.markdown(path), "The text:", text])
    answer = client.chat([{"role": "system", "content": PITCH_SYSTEM}, {"role": "user", "content": user}])
    answer = answer.strip().removeprefix("```markdown").removeprefix("```").removesuffix("```").strip()
    bullets = [line for line in answer.splitlines() if line.startswith("- ")]
    if not answer.startswith("**") or len(bullets) != 3:
        base.note = "the model's pitch did not have the asked shape; offline pitch kept"
        return base
    hrefs = " ".join(u.href for u in doc.units if u.href)
    made_up = factlib.invented(factlib.facts(doc.text + "\n" + hrefs), factlib.facts(answer))
    if made_up:
        base.note = "the model's pitch stated facts the text does not (" + ", ".join(made_up[:5]) + "); offline pitch kept"
        return base
    lines = answer.splitlines()
    value = lines[0].strip("* ")
    benefits = []
    for line in bullets:
        m = re.match(r"- (.*?)\s*\*\(from: (.*)\)\*\s*$", line)
        benefits.append((m.group(1), m.group(2)) if m else (line[2:], None))
    proof = next((line[2:] for line in lines if line.startswith("> ")), base.proof)
    return Pitch(base.buyer, base.buyer_why, value, benefits, proof, base.ask, base.missing, base.features_without_benefit,
                 "model", f"written by {client.settings.model}, checked: every fact is the text's own")  # fmt: skip
