"""Amounts of money in copy: "$49", "€1,200.00", "49 USD". One definition for the offer and placeholder checks."""

from __future__ import annotations

import re

PRICE_RE = re.compile(r"[$€£]\s?\d[\d,]*(?:\.\d+)?|\b\d[\d,]*(?:\.\d+)?\s?(?:USD|EUR|GBP|dollars|euros)\b")


def real_prices(text: str) -> list[str]:
    """Amounts of money that are not zero, as written."""
    return [m.group(0) for m in PRICE_RE.finditer(text) if re.search(r"[1-9]", m.group(0))]
