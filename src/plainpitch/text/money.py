"""Amounts of money in copy: "$49", "€1,200.00", "49 USD", and as the rest of the world writes them: "30 €" (the
symbol after the amount, as French, German, Slovak and Polish copy does), "₦150,000", "R$ 99", "₹499", "Rs. 500",
"120 zł", "500 Kč". One definition for the offer and placeholder checks."""

from __future__ import annotations

from functools import lru_cache

from plainpitch.text import lazy_re

_SYMBOLS = "$€£¥₹₦₩₱₺₽฿₴₪"
_AMOUNT = r"\d[\d,.\u00a0\u202f]*\d|\d"  # "1,200.00", "1.200,00", "1 200" (a narrow space), "9"
PRICE_RE = lazy_re.compile(
    rf"(?:(?<![\w$])(?:[ACR]|NZ|HK|S|US)\$|[{_SYMBOLS}]|\b(?:Rs\.?|INR|CHF)\s?)\s?\d[\d,]*(?:\.\d+)?"
    rf"|\b(?:{_AMOUNT})\s?(?:[€£₽₹₦₺₴₪]|(?:USD|EUR|GBP|CHF|INR|AUD|CAD|zł|Kč|kr|dollars|euros|pounds|rupees)\b)"
)


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
