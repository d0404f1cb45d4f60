"""Amounts of money as the world writes them (plainpitch.text.money): the price measure and the offer checks read
them, so a page priced '19 €' or '₦150,000' is not told it shows no price."""

import pytest

from plainpitch.text.money import field_prices, real_prices


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


@pytest.mark.parametrize(("source", "found"), [
    ("---\ntitle: Pricing\nplans:\n  - name: Starter\n    price: 300\n  - name: Pro\n    price: \"€49\"\n---\n", ["300", "€49"]),
    ('{"plans": [{"name": "Starter", "price": "29"}, {"name": "Team", "monthlyPrice": 99}]}', ["29", "99"]),
    ('{{< service-tier name="Home" price="$29" period="per month" >}}', ["$29"]),
    ("SETUP_FEE: 100\ncost: 4.99 USD # a month\nprice: 29/mo\n", ["100", "4.99 USD", "29/mo"]),
    ('price: "Custom"\nsetup_fee: 0\n', []),  # no amount, or nothing to pay
    ('price_id: "price_1Nc9"\nstripePriceId: 5\nprice_lookup_key: 7\n', []),  # a payment provider's id for a price
    ("coffee: 3\nrate: 4.9\namount: 2000\n", []),  # not a price's name ('amount' is a code sample's cents)
    ("Send it as JSON:\n\n```json\n{\"price\": 5}\n```\n", []),  # a code sample shows no price
])  # fmt: skip
def test_prices_a_content_field_holds_for_the_template(source, found):
    assert list(field_prices(source)) == found
