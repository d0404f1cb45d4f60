"""A yearly discount the prices do not give: "Save 20% with yearly billing" over plans whose yearly price saves 40%,
or costs more than twelve months.

Judged blind, pricing pages whose promised saving contradicts their own prices were named as the first problem a
copywriter would fix: a buyer who works it out stops believing every other number. Read only where the prices are
data a layout renders (a page's fields, a content file: ``monthly_price: 5``, ``priceYearly: "₹ 1550 INR"``), so that
every plan's pair of prices is known for certain; a page that writes its prices in prose is not judged.

- a *claim*: "Save 20%", "20% off", "Ahorra un 20%" (one percentage on the page; two different ones are two offers,
  and which plan each belongs to is not known); "up to 20%" is a ceiling, met when one plan comes near it;
- a *plan*: a mapping with a monthly and a yearly price, both numbers above zero. A yearly price below the monthly
  one is a month's price billed yearly; otherwise it is the year's price;
- the claim is *contradicted* when a plan's saving is five points or more away from it (a ceiling: when no plan comes
  within five points). Five points leave room for the usual rounding ("two months free" is 16.7%, said as "17%").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plainpitch.text import lazy_re

TOLERANCE = 5.0  # percentage points

_CLAIM_RE = lazy_re.compile(
    r"\b(?:save|saving|ahorr[ae]s?|ahorro|économisez|economi[sz]e|economiza|spare|sparen|risparmia)\b"
    r"(?P<ceiling1>[^%\d\n]{0,12}?\b(?:up to|hasta|bis zu|jusqu'à|fino al)\b)?[^%\d\n]{0,12}?"
    r"(?P<a>\d{1,2}(?:[.,]\d)?)\s?%"
    r"|(?P<ceiling2>\b(?:up to|hasta|bis zu|jusqu'à)\s+)?(?P<b>\d{1,2}(?:[.,]\d)?)\s?%\s*"
    r"(?:off|discount|de descuento|rabatt|de réduction|di sconto)\b",
    re.IGNORECASE,
)
_AMOUNT_RE = lazy_re.compile(r"^[^\d]{0,8}?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?[^\d]{0,8}$")
_MONTH_RE = lazy_re.compile(r"month|mensual|mensuel|monatlich|mese", re.IGNORECASE)
_YEAR_RE = lazy_re.compile(r"year|annual|anual|annuel|jährlich|jahr|anno", re.IGNORECASE)
_NAME_KEYS = ("title", "name", "label", "plan")


@dataclass(frozen=True)
class Claim:
    percent: float
    ceiling: bool
    text: str  # as written


@dataclass(frozen=True)
class Plan:
    name: str
    monthly: str  # as written
    yearly: str
    saving: float  # per cent


@dataclass(frozen=True)
class Contradiction:
    claim: Claim
    plan: Plan


def _amount(value) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    m = _AMOUNT_RE.match(str(value).strip()) if isinstance(value, str) else None
    if not m:
        return None
    return float(m.group(1).replace(",", "") + "." + (m.group(2) or "0"))


def _plans(data, name: str = "", depth: int = 0) -> list[Plan]:
    if depth > 8:
        return []
    out: list[Plan] = []
    if isinstance(data, dict):
        own = next((str(data[k]) for k in _NAME_KEYS if isinstance(data.get(k), str)), name)
        monthly = next(((k, v) for k, v in data.items() if isinstance(k, str) and _MONTH_RE.search(k)), None)
        yearly = next(((k, v) for k, v in data.items() if isinstance(k, str) and _YEAR_RE.search(k)), None)
        m = _amount(monthly[1]) if monthly else None
        y = _amount(yearly[1]) if yearly else None
        if m and y:
            saving = (1 - y / m) if y < m else (1 - y / (12 * m))
            out.append(Plan(own, str(monthly[1]), str(yearly[1]), round(saving * 100, 1)))
        for value in data.values():
            out.extend(_plans(value, own, depth + 1))
    elif isinstance(data, list):
        for value in data:
            out.extend(_plans(value, name, depth + 1))
    return out


def _claims(text: str) -> list[Claim]:
    out = []
    for m in _CLAIM_RE.finditer(text):
        digits = (m.group("a") or m.group("b")).replace(",", ".")
        out.append(Claim(float(digits), bool(m.group("ceiling1") or m.group("ceiling2")), m.group(0).strip()))
    return out


def discount_contradiction(doc) -> Contradiction | None:
    """The first plan whose prices contradict the page's one yearly-saving claim, if any."""
    data = doc.meta.get("front_matter")
    if not isinstance(data, dict):
        return None
    plans = _plans(data)
    if not plans:
        return None
    claims = _claims(doc.source)
    if len({c.percent for c in claims}) != 1:
        return None  # no claim, or two offers whose plans are not known
    claim = claims[0]
    if claim.ceiling:
        if all(abs(p.saving - claim.percent) >= TOLERANCE and p.saving < claim.percent for p in plans):
            return Contradiction(claim, max(plans, key=lambda p: p.saving))
        return None
    wrong = [p for p in plans if abs(p.saving - claim.percent) >= TOLERANCE]
    return Contradiction(claim, wrong[0]) if wrong else None
