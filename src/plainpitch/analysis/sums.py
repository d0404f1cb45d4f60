"""Sums a buyer can check: a worked price example whose arithmetic is wrong ("48,000 calls × £0.01 = £0.48").

A buyer who redoes the sum and gets another answer stops trusting every price on the page. Two shapes are read:
- a formula written out: numbers joined by "x", "×" or "*" (each may carry a unit: "24 hours"), "=", a number, with
  money on one side or the other;
- a price table: a quantity column times a unit-price column gives a cost column. The table itself says which
  columns those are: the product must hold on at least two of its rows (rows where the quantity is 0 or 1 prove
  nothing), and on more rows than it fails; the rows where it fails are the wrong sums.
A result is right when it equals the product to the precision it is written with (£0.25 for 0.2497 is right).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import permutations

from plainpitch.text import lazy_re
from plainpitch.text.money import SCALES

_NUMBER = r"[$€£]?\s?\d[\d,]*(?:\.\d+)?"
# "2 seats × $10 = $20", "0.095 x 24 hours x 31 days = 70.68", "$800/hour × 20 hours": a factor may carry up to two
# unit words, or a rate's unit after a slash
_FACTOR = _NUMBER + r"(?:\s?/\s?[A-Za-z]+|\s?[%A-Za-z]+(?:\s[A-Za-z]+)?)??"
_FORMULA_RE = lazy_re.compile(
    r"(?<![\w.,])(" + _FACTOR + r"(?:\s?[x×*]\s?" + _FACTOR + r")+)\s?=\s?(" + _NUMBER + r")(?![\d,]*\.?\d)"
)
_FACTOR_RE = lazy_re.compile(r"([$€£]?)\s?(\d[\d,]*(?:\.\d+)?)")
# "$3.2M", "$40k", "£1.5 million": an amount written with its scale
_SCALE_RE = lazy_re.compile(r"\s?(k|K|M|m|bn|B|thousand|million|billion)\b")
# the formula found starts inside a longer one ("$800/hour × 20 hours × 200 = …" read from "20"): not its whole sum
_TIMES_BEFORE_RE = lazy_re.compile(r"(?:[×*]|\bx)\s?$")
_CELL_RE = lazy_re.compile(r"^\s*([$€£]?)\s?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(?:[A-Za-z%]{1,8})?\s*$")
_MONEY = "$€£"
_PERCENT_RE = lazy_re.compile(r"\s?(?:%|percent\b)")


@dataclass(frozen=True)
class WrongSum:
    start: int  # offsets in Document.text: the stated result (a formula's, or the table cell's)
    end: int
    expression: str  # "48,000 × £0.01"
    stated: str  # "£0.48"
    right: str  # "£480.00"


def _value(digits: str) -> float | None:
    cleaned = digits.replace(",", "")
    try:
        return float(cleaned)
    except ValueError:
        return None


def _decimals(digits: str) -> int:
    return len(digits.split(".", 1)[1]) if "." in digits else 0


def _agrees(product: float, stated: float, decimals: int) -> bool:
    """Equal to the precision the result is written with (half a unit of its last digit), or within 0.5%."""
    return abs(product - stated) <= max(0.5 * 10**-decimals, 0.005 * abs(stated)) + 1e-9


def _show(value: float, currency: str, decimals: int) -> str:
    """The right result as the page writes its amounts: cents only where the page uses them or the sum needs them."""
    if currency and round(value, decimals) != value:
        decimals = max(decimals, 2)
    return f"{currency}{value:,.{decimals}f}"


def _formulas(text: str, start: int, end: int) -> list[WrongSum]:
    out = []
    for m in _FORMULA_RE.finditer(text, start, end):
        factors = _FACTOR_RE.findall(m.group(1))
        result = _FACTOR_RE.search(m.group(2))
        if len(factors) < 2 or result is None or _TIMES_BEFORE_RE.search(text, max(start, m.start() - 3), m.start()):
            continue
        currencies = {c for c, _ in factors if c} | ({result.group(1)} if result.group(1) else set())
        if len(currencies) != 1:
            continue  # money on neither side (a screen size, an area) or two currencies: not a price sum
        values = [_value(d) for _, d in factors]
        stated = _value(result.group(2))
        if stated is None or any(v is None for v in values):
            continue
        product = 1.0
        for v, f in zip(values, _FACTOR_RE.finditer(m.group(1)), strict=True):
            scale = _SCALE_RE.match(m.group(1), f.end())  # "$40k × 3"
            product *= v * (SCALES[scale.group(1).lower()] if scale else 1.0)
            if _PERCENT_RE.match(m.group(1), f.end()):
                product /= 100  # "100 × £5,000 × 10%": a rate, a tenth of the amount
        scale = _SCALE_RE.match(text, m.end(2), end)
        if scale:  # the result's scale ("= $3.2M"): the sum is checked to the precision written, at that scale
            product /= SCALES[scale.group(1).lower()]
        decimals = _decimals(result.group(2))
        if not _agrees(product, stated, decimals):
            currency = next(iter(currencies))
            right = _show(product, currency if result.group(1) else "", decimals) + (scale.group(0) if scale else "")
            stop = scale.end() if scale else m.end(2)
            out.append(WrongSum(m.start(2), stop, m.group(1).strip(), text[m.start(2) : stop].strip(), right))
    return out


def _cell(text: str):
    """(currency, value, decimals) of a cell that holds one number, else None."""
    m = _CELL_RE.match(text)
    if not m:
        return None
    digits = m.group(2) + (m.group(3) or "")
    value = _value(digits)
    return None if value is None else (m.group(1), value, _decimals(digits))


def _tables(doc) -> list[dict[int, dict[int, tuple[int, str]]]]:
    """Each table's body rows: row -> col -> (unit index, cell text). A table is a run of cells with row numbers."""
    tables: list[dict[int, dict[int, tuple[int, str]]]] = []
    current: dict[int, dict[int, tuple[int, str]]] | None = None
    last_row = -1
    for i, unit in enumerate(doc.units):
        if unit.kind != "table_cell" or "row" not in unit.attrs:
            current = None
            continue
        row, col = unit.attrs["row"], unit.attrs["col"]
        if current is None or row < last_row:
            current = {}
            tables.append(current)
        last_row = row
        if not unit.attrs.get("header"):
            current.setdefault(row, {})[col] = (i, doc.unit_text(unit))
    return tables


def _table_sums(doc, rows: dict[int, dict[int, tuple[int, str]]]) -> list[WrongSum]:
    parsed = {r: {c: (_cell(t), i) for c, (i, t) in cells.items()} for r, cells in rows.items()}
    cols = sorted({c for cells in parsed.values() for c, (v, _) in cells.items() if v is not None})
    money = {c for c in cols if any(cells.get(c, (None,))[0] and cells[c][0][0] for cells in parsed.values())}
    out: list[WrongSum] = []
    for qty, price, cost in permutations(cols, 3):
        if qty in money or price not in money or cost not in money:
            continue  # a quantity (no currency) times a unit price gives a cost
        held, failed = 0, []
        for cells in parsed.values():
            q, p, c = (cells.get(k, (None, None)) for k in (qty, price, cost))
            if q[0] is None or p[0] is None or c[0] is None:
                continue
            product = q[0][1] * p[0][1]
            if _agrees(product, c[0][1], c[0][2]):
                held += q[0][1] not in (0.0, 1.0) and p[0][1] != 0.0  # 1 × £5 = £5 proves no column is a product
            else:
                failed.append((q, p, c, product))
        if held >= 2 and held > len(failed):
            for q, p, c, product in failed:
                unit = doc.units[c[1]]
                stated = doc.unit_text(unit).strip()
                qtext = doc.unit_text(doc.units[q[1]]).strip()
                ptext = doc.unit_text(doc.units[p[1]]).strip()
                s = unit.start + doc.unit_text(unit).index(stated)
                out.append(WrongSum(s, s + len(stated), f"{qtext} × {ptext}", stated,
                                    _show(product, c[0][0] or p[0][0], c[0][2])))
    return out


def wrong_sums(doc) -> list[WrongSum]:
    """Every wrong sum in the copy, in order, one per stated result."""
    text = doc.text
    found: list[WrongSum] = []
    if "=" in text:
        for unit in doc.units:
            if unit.kind != "turn" and text.find("=", unit.start, unit.end) != -1:
                found.extend(_formulas(text, unit.start, unit.end))
    for rows in _tables(doc):
        found.extend(_table_sums(doc, rows))
    seen: set[int] = set()
    out = []
    for w in sorted(found, key=lambda w: w.start):
        if w.start not in seen:
            seen.add(w.start)
            out.append(w)
    return out
