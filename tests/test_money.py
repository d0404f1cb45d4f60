"""Amounts of money as the world writes them (plainpitch.text.money): the price measure and the offer checks read
them, so a page priced '19 €' or '₦150,000' is not told it shows no price."""

import pytest

from plainpitch.text.money import real_prices


@pytest.mark.parametrize(("text", "found"), [
    ("From $49/mo or 49 USD", ["$49", "49 USD"]),
    ("Haircut 19 €, beard 12 €", ["19 €", "12 €"]),  # the symbol after the amount (French, German, Slovak copy)
    ("1.200,00 € netto", ["1.200,00 €"]),
    ("₦150,000 per term", ["₦150,000"]),
    ("Plano R$ 99,90 por mês", ["R$ 99,90"]),
    ("A$100 an hour", ["A$100"]),
    ("Rs. 500 only", ["Rs. 500"]),
    ("Od 120 zł", ["120 zł"]),
    ("€0 to start", []),  # zero is no price (the placeholder check's $0.00)
    ("Call 555 0100 today", []),
    ("Runs 2x faster on 4 cores", []),
])  # fmt: skip
def test_prices_in_any_common_notation(text, found):
    assert real_prices(text) == found
