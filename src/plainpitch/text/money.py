"""Amounts of money in copy: "$49", "€1,200.00", "49 USD", and as the rest of the world writes them: "30 €" (the
symbol after the amount, as French, German, Slovak and Polish copy does), "₦150,000", "R$ 99", "₹499", "Rs. 500",
"120 zł", "500 Kč". One definition for the offer and placeholder checks."""

from __future__ import annotations

import re
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

# A price a site keeps in a content field, for the template to render with its currency and period: front matter or
# a YAML data file ("price: 300", "price: \"€49\""), JSON ("\"price\": \"29\""), a shortcode's or component's
# parameter ('price="$29"'). The key names a price ("price", "monthlyPrice", "setup_fee", "cost"); not a payment
# provider's id for one ("price_id": "price_1Nc…"), and not "amount", which code samples use for cents.
_FIELD_PRICE_RE = lazy_re.compile(
    r"(?<![\w-])[\"']?(?P<key>[A-Za-z][A-Za-z_-]*)[\"']?[ \t]*[:=][ \t]*(?P<q>[\"']?)"
    rf"(?P<value>(?:[{_SYMBOLS}]|[A-Z]{{3}}[ \t]?)?[ \t]?\d[\d,. ]*(?:[ \t]?(?:[{_SYMBOLS}]|[A-Z]{{3}}))?"
    r"(?:[ \t]?/[ \t]?[A-Za-z]+)?)(?P=q)[ \t]*(?=[,}\]\n>]|$|[ \t]+[\w-]+=|[ \t]*#)"
)
_FENCE_RE = lazy_re.compile(r"^[ \t]*(`{3,}|~{3,}).*?^[ \t]*\1", re.MULTILINE | re.DOTALL)
_KEY_WORD_RE = lazy_re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")  # "monthlyPrice" -> monthly, Price; "SETUP_FEE"
_PRICE_WORD_RE = lazy_re.compile(r"pric|cost|fee", re.IGNORECASE)  # no such word: no field can name a price
_PRICE_KEY_WORDS = frozenset({"price", "prices", "pricing", "cost", "costs", "fee", "fees"})
_ID_KEY_WORDS = frozenset({"id", "ids", "key", "lookup"})  # a payment provider's name for a price, not the amount


def _names_a_price(key: str) -> bool:
    words = {w.lower() for w in _KEY_WORD_RE.findall(key)}
    return bool(words & _PRICE_KEY_WORDS) and not words & _ID_KEY_WORDS


@lru_cache(maxsize=2)  # the offer checks, the pricing-page test and the score each ask about the same source
def field_prices(source: str) -> tuple[str, ...]:
    """The non-zero prices ``source`` keeps in content fields (not in a code sample's fence), as written."""
    if not _PRICE_WORD_RE.search(source):
        return ()
    fences = [m.span() for m in _FENCE_RE.finditer(source)] if ("```" in source or "~~~" in source) else []
    return tuple(m.group("value").strip() for m in _FIELD_PRICE_RE.finditer(source)
                 if _NON_ZERO_RE.search(m.group("value")) and _names_a_price(m.group("key"))
                 and not any(a <= m.start() < b for a, b in fences))  # fmt: skip


# An amount or a count written with its scale ("$3.2M", "$40k", "10k customers", "1.5 billion"): what it multiplies
# by, keyed by the scale in lower case
SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9}
