"""The "so what?" question: what to ask about one feature so that the writer finds the buyer's outcome.

    >>> so_what("Replication is automatic across three regions.")["question"]
    '“Replication is automatic across three regions”: which outage, lost sale or night call does that spare your buyer?'

Only the writer knows their buyer, so the tool does not invent the outcome: it asks a question about the buyer's
outcome about this feature (quoted from the sentence), shaped by the feature's type (speed -> time, automation -> work no longer done by hand, reliability -> outages and lost sales,
security -> reviews passed, price -> money, integration -> rework spared, insight -> problems found sooner), and
says the kind of outcome that type usually sells (cues.FEATURE_TYPES). Nothing is appended to the sentence: a
question is advice for the writer (the finding's fix and data), never a replacement for their text.
"""

from __future__ import annotations

from plainpitch.classify import cues

# One question per feature type, asked about the feature as the sentence says it.
QUESTIONS = {
    "security": "which security review, audit or deal does that get your buyer through, and which risk does it take off "
                "their plate?",
    "price": "what does your buyer keep, or stop paying for, because of that?",
    "reliability": "which outage, lost sale or night call does that spare your buyer?",
    "automation": "what can your buyer stop doing by hand, and what do they do with that time instead?",
    "speed": "which wait does that take away from your buyer, and what do they finish sooner because of it?",
    "scale": "how far can your buyer grow with that before they need a rewrite or a bigger team?",
    "integration": "which tool your buyer already pays for does that fit, and what rework does it spare them?",
    "insight": "what will your buyer find out that they cannot see today, and what will they fix or decide sooner?",
    "ease": "what can your buyer's team do on the first day because of that, and which training or mistakes does it "
            "spare?",
    "generic": "what can your buyer do, save or stop worrying about because of that?",
}
_MAX_QUOTE_WORDS = 10


def quote(text: str) -> str:
    """The feature as the sentence says it, quoted and cut to a few words."""
    words = cues.normalise(text).strip().rstrip(".!:;,").split()
    cut = " ".join(words[:_MAX_QUOTE_WORDS]) + (" …" if len(words) > _MAX_QUOTE_WORDS else "")
    return f"“{cut}”"


def so_what(text: str) -> dict:
    """The feature's type, a question about the buyer's outcome that quotes it, and the outcome its type sells."""
    kind, hint = cues.feature_type(text)
    return {"feature_type": kind, "question": f"{quote(text)}: {QUESTIONS[kind]}", "outcome_hint": hint}
