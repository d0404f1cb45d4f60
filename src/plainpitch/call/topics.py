"""Topic trackers: pricing, competitors and the keyword trackers a team sets in config.

    [tool.plainpitch.call]
    competitors = ["Acme", "Globex"]                  # added to the generic competitor cues
    trackers = { security = ["SOC 2", "audit", "SSO"], migration = ["migrate", "cut over"] }

A sentence mentions a topic when one of its phrases occurs as whole words (case-insensitive). Topic time is the
share of each turn's time that its mentioning sentences take (by words).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

PRICING = "pricing"
COMPETITORS = "competitors"

_PRICING_RE = (
    r"\$\s?\d|€\s?\d|£\s?\d|\b\d[\d,.]*\s?(?:dollars|euros|pounds|usd|eur|k|grand)\b|\bper\s+(?:seat|user|month|year|node|host|"
    r"license|licence|head)\b|\ba\s+(?:month|year)\s+per\b|\bpric(?:e|es|ed|ing)\b|\bcosts?\b|\bfees?\b|\bdiscounts?\b|\bquotes?\b|"
    r"\bsubscription\s+(?:fee|cost|price)\b|\binvoice\b|\bbudget\b"
)
_COMPETITOR_RE = (
    r"\bcompetitors?\b|\bcompetition\b|\balternatives?\b|\bswitch(?:ing|ed)?\s+(?:from|away\s+from)\b|\bcompared\s+(?:to|with)\b|"
    r"\bversus\b|\bvs\.?\s|\bother\s+(?:vendors?|tools?|providers?)\b"
)


def _phrases(items: Iterable[str]) -> str:
    alts = [r"\s+".join(re.escape(w) for w in str(p).split()) for p in items if str(p).strip()]
    return r"(?<![\w-])(?:" + "|".join(sorted(alts, key=len, reverse=True)) + r")(?![\w-])" if alts else ""


def compile_topics(call_config: Mapping[str, Any] | None) -> dict[str, re.Pattern[str]]:
    """Topic name -> pattern, from the defaults and the ``[tool.plainpitch.call]`` table."""
    cfg = call_config or {}
    competitor = _COMPETITOR_RE
    names = cfg.get("competitors") or ()
    if isinstance(names, str):
        names = [names]
    if names:
        competitor += "|" + _phrases(names)
    topics = {PRICING: re.compile(_PRICING_RE, re.IGNORECASE), COMPETITORS: re.compile(competitor, re.IGNORECASE)}
    trackers = cfg.get("trackers") or {}
    if isinstance(trackers, Mapping):
        for name, phrases in trackers.items():
            if isinstance(phrases, str):
                phrases = [phrases]
            pattern = _phrases(phrases or ())
            if pattern:
                topics[str(name)] = re.compile(pattern, re.IGNORECASE)
    return topics


def topics_in(sentence: str, topics: Mapping[str, re.Pattern[str]]) -> tuple[str, ...]:
    return tuple(name for name, pattern in topics.items() if pattern.search(sentence))
