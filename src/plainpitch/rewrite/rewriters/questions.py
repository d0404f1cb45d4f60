"""Where no safe rewrite exists: a concrete question for the writer, built from the finding's own data.

Only the writer knows their buyer's outcome; a template that appends ", so you …" is not help. A question that
names the feature and the kind of outcome it usually brings is ("What can your buyer stop doing by hand once
replication is automatic?").
"""

from __future__ import annotations

import re

from plainpitch.model import Finding
from plainpitch.rewrite.rewriters.page import Page

# feature type (plainpitch.classify.cues.FEATURE_TYPES) -> question about the buyer's outcome; {kw} is the cue
_BY_FEATURE = {
    "security": "Which review, audit or deal does {kw} help your buyer pass?",
    "price": "What does your buyer save with {kw}, and compared with what?",
    "reliability": "What stops going wrong for your buyer with {kw}?",
    "automation": "What can your buyer stop doing by hand with {kw}?",
    "speed": "What can your buyer do sooner, or stop waiting for, with {kw}?",
    "scale": "What can your buyer grow into with {kw}, without a rewrite or more staff?",
    "integration": "Which tools your buyer already pays for can they keep with {kw}?",
    "insight": "What decision can your buyer make with {kw} that they cannot make today?",
}
# how to ask, by medium: a page has room for a button, an e-mail asks for a reply
_ASK_BY_MEDIUM = {
    "page": "Put it last, as a button or link that says what happens ('Book a demo', 'See pricing').",
    "email": "End with it as one question they can answer in a line ('Can we talk on Tuesday?').",
    "proposal": "End with the decision you need and by when ('Sign by 30 June to start in July').",
    "text": "End with it, in one sentence that starts with a verb.",
}
# cues that read as a noun after "with" ("with replication", "with webhooks", "with SSO"); adjectives
# ("automatic", "fast") get the generic question that quotes the feature instead
_NOUN_ENDINGS = ("ion", "ment", "ity", "ness", "ing", "s", "er", "or", "ure", "cy", "ce", "flow", "log", "api", "sdk", "sso")


def _short(text: str, words: int = 10) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def _feature_cue(text: str, kind: str) -> str | None:
    from plainpitch.classify.cues import FEATURE_TYPES

    for name, pattern, _hint in FEATURE_TYPES:
        if name == kind:
            m = pattern.search(text)
            return m.group(0) if m else None
    return None


def ask(finding: Finding, page: Page) -> str | None:
    """A question for the writer about this finding, or None when plainpitch has nothing concrete to ask."""
    code, data = finding.code, finding.data
    if code == "BEN001":
        kind = data.get("feature_type", "generic")
        cue = _feature_cue(finding.text, kind)
        template = _BY_FEATURE.get(kind)
        if template and cue and (cue.isupper() or cue.lower().endswith(_NOUN_ENDINGS)):
            return template.format(kw=cue)
        return (f"What can your buyer do, stop doing or stop worrying about because of \"{_short(finding.text)}\"? "
                "Say it right after the feature.")  # fmt: skip
    if code == "STR100":
        benefit = _first_benefit(page)
        if benefit:
            return f"Your text already says what the buyer gets: \"{_short(benefit, 16)}\". Open with that?"
        return "What does your buyer get from this, in one line? Open with that; the technology and history can follow."
    if code == "JRG001":
        term = finding.text
        return f"What does '{term}' do for your buyer? Say that in plain words, or explain it where it first appears: '{term} (…)'."
    if code == "JRG002":
        return f"What does {finding.text} stand for? Spell it out where it first appears: '… ({finding.text})'."
    if code == "JRG003":
        terms = [f.text for f in page.findings_in(finding.span.start, finding.span.end, ("JRG001", "JRG002"))]
        if terms:
            listed = ", ".join(f"'{t}'" for t in terms[:5])
            return f"Which one of {listed} does your buyer need here? Keep it, explain it, and say what the rest does for them."
    if code == "CTA003":
        return f"What does the buyer get when they click '{finding.text.strip()}'? Put that on the button ('Get my quote', 'See pricing')."
    if code in ("RDB001", "RDB002"):
        return "This sentence has no clean place to split. What is the one thing it must tell the buyer? Say that first, in its own sentence."
    if code == "CTA001":
        ask_how = _ASK_BY_MEDIUM.get(page.report.medium, _ASK_BY_MEDIUM["page"])
        return f"What is the one thing the reader should do after reading this? {ask_how}"
    if code == "PRF001":
        return ("Who has used this, and what changed for them? A customer's name with one number (time saved, "
                "money saved, errors gone) is the proof a buyer looks for.")  # fmt: skip
    if code == "BEN002":
        return "Which of these 'we' sentences is really about what the buyer gets? Make the buyer its subject: 'You get…', 'Your team…'."
    return None


def _first_benefit(page: Page) -> str | None:
    for item in page.report.details.get("sentences") or ():
        if item.get("label") == "benefit" and item.get("confidence", 0) >= 0.6 and len(item["text"].split()) >= 5:
            text = item["text"]
            if not re.match(r"^\s*[\"“]", text):
                return text
    return None
