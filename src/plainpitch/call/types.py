"""Call types and their thresholds: one table, rendered into docs/calls.md (a test keeps the two in step).

A discovery call is judged by how much the buyer talks; a cold call by whether the seller holds attention long
enough to earn a meeting, so its seller share may be higher; a demo shows the product; a closing call talks price
and terms. Set the type with ``--type`` or ``[tool.plainpitch.call] type = "demo"``; otherwise it is inferred
from what the seller says (cold-call openers, screen sharing, contracts), with discovery as the default.
Override any threshold in config: ``[tool.plainpitch.call.thresholds] talk_share_max = 60`` (every type) or
``[tool.plainpitch.call.thresholds.demo] talk_share_max = 75`` (one type).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from plainpitch.text import lazy_re
from plainpitch.text.ascii_case import CaseBlind

TYPES = ("discovery", "demo", "cold", "closing")
DEFAULT_TYPE = "discovery"

# key -> (meaning, unit, {type: value or None (not checked)}, source)
THRESHOLDS: dict[str, tuple[str, str, dict[str, Any], str]] = {
    "talk_share_max": (
        "seller talk share above which TLK001 fires",
        "%",
        {"discovery": 65, "demo": 70, "cold": 80, "closing": 65},
        "Gong Labs, 'The Highest Converting Talk-to-Listen Ratio in Sales' (25,537 B2B calls, 2016, updated 2025): "
        "43:57 converts best; talking over 65% of the call goes with lower conversion. Demo 70 and cold 80 are "
        "plainpitch's allowances: a demo shows the product, and Gong Labs' 'Is cold calling dead?' (90,380 cold "
        "calls) finds cold calls are about being listened to as much as listening.",
    ),
    "talk_share_min_words": (
        "words spoken in the call before TLK001 judges the talk share",
        "words",
        {"discovery": 100, "demo": 100, "cold": 100, "closing": 100},
        "plainpitch's choice: a share taken over a few sentences is noise, not a habit.",
    ),
    "monologue_max_s": (
        "longest seller monologue before TLK002 fires",
        "s",
        {"discovery": 120, "demo": 120, "cold": 120, "closing": 120},
        "Gong, 'The Science of Winning Sales Conversations' (257,967 calls): win rates decline when company "
        "overviews run past two minutes.",
    ),
    "questions_min": (
        "fewest seller discovery questions in a long call (TLK003)",
        "questions",
        {"discovery": 11, "demo": 4, "cold": None, "closing": 3},
        "Discovery: Gong Labs' study of 519,000 discovery calls, where 11-14 questions go with the highest success "
        "rate. Demo 4 and closing 3 are plainpitch's choices: a demo checks what it shows against the buyer's "
        "problem every few minutes, and a closing call still has to learn who signs, when and what could stop it.",
    ),
    "questions_min_call_minutes": (
        "call length from which TLK003 counts questions",
        "min",
        {"discovery": 30, "demo": 30, "cold": None, "closing": 20},
        "plainpitch's choice, as the feature request set it for discovery ('fewer than 11 questions in a discovery "
        "call of 30+ minutes'); the same length for demos, and 20 minutes for closing calls: shorter calls leave "
        "less room for questions.",
    ),
    "questions_spread_min": (
        "questions needed before TLK004 judges whether they all came in the first third",
        "questions",
        {"discovery": 4, "demo": 4, "cold": None, "closing": None},
        "Gong's deck 'Navigating sales conversations from first call to closed deal' (1M+ meetings) charts when "
        "questions are asked across the call ('ask your questions at the right time'); guides built on Gong's data "
        "advise spreading them rather than front-loading (getgangly.com, 'How to win more sales calls').",
    ),
    "story_min_s": (
        "buyer's longest story below which TLK005 fires",
        "s",
        {"discovery": 50, "demo": 50, "cold": None, "closing": None},
        "Gong, 'The Science of Winning Sales Conversations': when customers talk uninterrupted for at most 50 "
        "seconds the close rate is below average; 4-minute stories go with higher win rates.",
    ),
    "story_min_call_minutes": (
        "call length from which TLK005 judges buyer stories",
        "min",
        {"discovery": 10, "demo": 10, "cold": None, "closing": None},
        "plainpitch's choice: a short call leaves no room for long stories.",
    ),
    "feature_dump_min": (
        "features in one seller stretch, with no question and no benefit, for TLK006",
        "features",
        {"discovery": 3, "demo": 3, "cold": 3, "closing": 3},
        "plainpitch's choice, as the feature request set it (three or more features); the listing-without-benefit "
        "problem is the one plainpitch's BEN rules flag in copy.",
    ),
    "next_step_window": (
        "final share of the call in which TLK007 looks for a next step",
        "share",
        {"discovery": 0.3, "demo": 0.3, "cold": 0.3, "closing": 0.3},
        "Sales coaching practice: end every call agreeing who will do what by when (3C Selling; Jeb Blount, "
        "'Always ask for the next step').",
    ),
    "price_before_value": (
        "TLK008 flags price raised by the seller before any value",
        "on/off",
        {"discovery": True, "demo": True, "cold": True, "closing": False},
        "Gong's deck 'Navigating sales conversations from first call to closed deal': establish value before you "
        "introduce pricing. Closing calls are about price, so it is off there.",
    ),
}


@dataclass(frozen=True)
class CallType:
    name: str
    source: str  # set | config | inferred
    reason: str


_COLD = lazy_re.compile(
    r"\b(?:calling\s+from|reason\s+(?:for\s+my|i'?m|i\s+am)\s+call|caught\s+you\s+at\s+a\s+bad\s+time|"
    r"(?:got|have)\s+a\s+(?:quick\s+)?(?:minute|second|moment|sec)|out\s+of\s+the\s+blue|cold\s+call|"
    r"we\s+haven'?t\s+(?:spoken|met)|you\s+don'?t\s+know\s+me|i'?ll\s+be\s+brief|this\s+is\s+a\s+sales\s+call)\b",
    re.IGNORECASE,
)
_DEMO = lazy_re.compile(
    r"\b(?:share\s+my\s+screen|sharing\s+my\s+screen|see\s+my\s+screen|let\s+me\s+show\s+you|i'?ll\s+show\s+you|"
    r"walk\s+you\s+through\s+the\s+(?:product|platform|app|dashboard)|this\s+is\s+the\s+dashboard|as\s+you\s+can\s+see|"
    r"on\s+the\s+screen|if\s+i\s+click|when\s+you\s+click|demo)\b",
    re.IGNORECASE,
)
_CLOSING = lazy_re.compile(
    r"\b(?:contract|redlines?|procurement|legal\s+review|order\s+form|purchase\s+order|msa|dpa|signature|"
    r"sign\s+(?:off|the)|countersign|renewal|payment\s+terms|net\s+30|invoice|security\s+review|final\s+pricing)\b",
    re.IGNORECASE,
)

# counted over all the seller says (text.ascii_case: a third of the time on ASCII text)
_CLOSING_COUNT, _DEMO_COUNT = CaseBlind(_CLOSING), CaseBlind(_DEMO)


def infer_type(seller_texts: list[str]) -> CallType:
    """The call type from the seller's words (seller_texts: their turns in order)."""
    opening = " ".join(seller_texts[:2])
    if _COLD.search(opening):
        return CallType("cold", "inferred", "the seller opens like a cold call")
    text = " ".join(seller_texts)
    closing = _CLOSING_COUNT.count(text)
    demo = _DEMO_COUNT.count(text)
    if closing >= 3 and closing >= demo:
        return CallType("closing", "inferred", "the seller talks contracts and terms")
    if demo >= 2:
        return CallType("demo", "inferred", "the seller shows the product on screen")
    return CallType(DEFAULT_TYPE, "inferred", "the default")


def thresholds_for(call_type: str, overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The thresholds of one call type, with config overrides (flat keys, or a table per type)."""
    values = {key: row[2].get(call_type) for key, row in THRESHOLDS.items()}
    for key, value in (overrides or {}).items():
        if isinstance(value, Mapping):
            if key == call_type:
                values.update({k: v for k, v in value.items() if k in THRESHOLDS})
        elif key in THRESHOLDS:
            values[key] = value
    return values


def thresholds_markdown() -> str:
    """The thresholds table as Markdown (docs/calls.md embeds it between markers)."""

    def cell(v: Any) -> str:
        if v is None:
            return "—"
        if v is True:
            return "on"
        if v is False:
            return "off"
        return str(v)

    lines = [
        "| threshold | unit | " + " | ".join(TYPES) + " | source |",
        "|---|---|" + "---|" * len(TYPES) + "---|",
    ]
    for key, (meaning, unit, per_type, source) in THRESHOLDS.items():
        row = [f"`{key}`: {meaning}", unit, *(cell(per_type.get(t)) for t in TYPES), source]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines) + "\n"
