"""Amounts of money in copy: "$49", "€1,200.00", "49 USD". One definition for the offer and placeholder checks."""

from __future__ import annotations

from functools import lru_cache

from plainpitch.text import lazy_re

PRICE_RE = lazy_re.compile(r"[$€£]\s?\d[\d,]*(?:\.\d+)?|\b\d[\d,]*(?:\.\d+)?\s?(?:USD|EUR|GBP|dollars|euros)\b")


def real_prices(text: str) -> list[str]:
    """Amounts of money that are not zero, as written."""
    return list(_real_prices(text))


@lru_cache(maxsize=2)  # several rules ask about the same document's text: one pass over it, not one each
def _real_prices(text: str) -> tuple[str, ...]:
    return tuple(m.group(0) for m in PRICE_RE.finditer(text) if _NON_ZERO_RE.search(m.group(0)))


_NON_ZERO_RE = lazy_re.compile(r"[1-9]")
# An amount or a count written with its scale ("$3.2M", "$40k", "10k customers", "1.5 billion"): what it multiplies
# by, keyed by the scale in lower case
SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9}
