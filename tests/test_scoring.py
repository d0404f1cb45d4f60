"""The 0-100 score: deterministic, explained by its deductions, ranking copy the way a seller would."""

import json
import sys
from pathlib import Path

import pytest

from plainpitch.config import Config
from plainpitch.emit.json_report import score_dict
from plainpitch.engine import analyze
from plainpitch.ingest import load_path, load_text
from plainpitch.scoring import DOCUMENT_POINTS, MEASURE_NOTES, SUBSCORES, WEIGHTS

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data" / "sales"

GEEK = """# StreamForge: a Kafka-native CDC pipeline

StreamForge ingests WAL segments via logical replication slots and serializes them with Avro. We built our
engine on a zero-copy ring buffer, and our producers are exactly-once at 200k events/sec per partition.

- Helm charts and a Kubernetes operator
- mTLS between all nodes, RBAC and OIDC SSO
- OpenTelemetry traces over OTLP
"""

SELLER = """# Reports that update themselves

Your dashboards show today's sales, so you decide on today's numbers instead of last week's.

- Set up in an afternoon, with no code
- Pass your security review with SSO and audit logs
- Never copy a spreadsheet by hand again

Plans start at $49 a month.

[CTA: Start my free trial]
"""


def score_of(text, name="x.md", fmt="markdown", **config):
    return analyze(load_text(text, name, fmt), Config(**config)).score


def test_score_is_deterministic():
    doc = load_path(ROOT / "examples" / "landing-page.md")
    first, second = analyze(doc, Config()).score, analyze(doc, Config()).score
    assert first == second


def test_parts_and_weights():
    score = score_of(SELLER)
    assert [p.name for p in score.parts] == list(SUBSCORES)
    assert abs(sum(WEIGHTS.values()) - 1.0) < 1e-9
    assert 0 <= score.overall <= 100
    assert score.overall == pytest.approx(sum(WEIGHTS[p.name] * p.value for p in score.parts), abs=0.1)


def test_every_point_lost_is_a_deduction():
    report = analyze(load_path(ROOT / "examples" / "landing-page.md"), Config(profile="business", all=True))
    codes = {f.code for f in report.findings}
    for part in report.score.parts:
        assert part.value == pytest.approx(max(0.0, 100 - sum(d.points for d in part.deductions)), abs=0.1)
        for d in part.deductions:
            assert d.code in codes or d.code in MEASURE_NOTES
    buyer = next(p for p in report.score.parts if p.name == "buyer_focus")
    assert {"BEN001", "BEN002", "benefit-share", "you-focus"} <= {d.code for d in buyer.deductions}
    assert "you-focus" in buyer.note
    wire = score_dict(report.score)
    assert json.dumps(wire) and all(p["deductions"] for p in wire["parts"] if p["value"] < 100)


def test_document_findings_cost_their_full_weight_whatever_the_length():
    short = "Acme syncs your databases to your dashboards."
    report = analyze(load_text(short, "x.txt", "text"), Config())
    ask = next(p for p in report.score.parts if p.name == "ask")
    assert ("CTA001", DOCUMENT_POINTS["error"]) in [(d.code, d.points) for d in ask.deductions]
    long = analyze(load_text((short + " ") * 60, "y.txt", "text"), Config())
    assert next(p for p in long.score.parts if p.name == "ask").value == ask.value


def test_the_seller_version_beats_the_geek_version():
    assert score_of(SELLER).overall > score_of(GEEK).overall + 10


def test_buyer_focus_and_ask_subscores_move_with_the_copy():
    geek, seller = score_of(GEEK), score_of(SELLER)
    part = {p.name: p for p in geek.parts}, {p.name: p for p in seller.parts}
    assert part[1]["buyer_focus"].value > part[0]["buyer_focus"].value
    assert part[1]["ask"].value == 100 > part[0]["ask"].value
    # an offer says what it costs: a pointer to the price ("free trial") costs less than no word at all
    pointer = score_of(SELLER.replace("Plans start at $49 a month.\n\n", ""))
    nothing = score_of(SELLER.replace("Plans start at $49 a month.\n\n", "").replace("free ", ""))
    price = {s: next(d.points for p in x.parts for d in p.deductions if d.code == "price") for s, x in
             (("pointer", pointer), ("nothing", nothing))}  # fmt: skip
    assert 0 < price["pointer"] < price["nothing"]



def test_prices_the_template_renders_from_fields_are_prices():
    """A pricing page whose plans sit in a shortcode's JSON (the theme shows "$29") is not told it shows no price."""
    plans = ",\n".join(f'{{"name": "{n}", "price": "{p}", "description": "Best option for a team of {k} who ship every '
                        f'week.", "button": {{"text": "Start my trial", "url": "/signup"}}}}'
                        for n, p, k in (("Starter", "29", "two"), ("Team", "99", "ten")))  # fmt: skip
    page = f"---\ntitle: Pricing\n---\n\n{{{{< pricing-table >}}}}\n{{\"plans\": [{plans}]}}\n{{{{< /pricing-table >}}}}\n"
    priced = score_of(page)
    unpriced = score_of(page.replace('"price": "29"', '"price": "Custom"').replace('"price": "99"', '"price": "Custom"'))
    assert not [d for p in priced.parts for d in p.deductions if d.code == "price"]
    assert [d for p in unpriced.parts for d in p.deductions if d.code == "price"]


def test_a_welcome_to_a_new_customer_is_not_asked_for_a_price_or_much_proof():
    """The reader of a welcome has just decided: it need not name the price again, nor prove the product as a cold
    e-mail must; the same e-mail with no welcome in it still does."""
    body = ("Hi Sam,\n\nYour reports are set up. Connect your bank in two minutes and tomorrow morning you will see "
            "yesterday's sales and costs side by side.\n\n[Connect my bank](https://app.example/connect)\n\nAna\n")
    welcome = analyze(load_text("Subject: Welcome to Acme Reports\n\n" + body, "welcome.txt", "text"),
                      Config(medium="email")).score  # fmt: skip
    plain = analyze(load_text("Subject: Reports for your shop\n\n" + body, "plain.txt", "text"),
                    Config(medium="email")).score  # fmt: skip

    def lost(score, code):
        return sum(d.points for p in score.parts for d in p.deductions if d.code == code)

    assert lost(welcome, "price") == 0 < lost(plain, "price")
    assert 0 < lost(welcome, "proof") < lost(plain, "proof")

def test_a_rewrite_in_plain_words_scores_higher():
    before = ("The application must be completed by the applicant and received by the financial office by the "
              "first of June in order for consideration of eligibility to be undertaken.")  # fmt: skip
    after = "We must get your application by June 1. Then we check if you can join."
    assert score_of(after, "a.txt", "text").overall > score_of(before, "b.txt", "text").overall


def test_no_copy_no_score():
    assert analyze(load_path(DATA / "links-only.md"), Config()).score is None


def test_calls_keep_their_own_score_shape():
    # measures (grade, benefit share...) are for copy; a call's score comes from its findings only
    from plainpitch.scoring import measure_deductions

    class Ctx:
        medium = "call"

    doc = load_text("Hello there, thanks for joining the call today.", "x.txt", "text")
    assert all(not measures for measures in measure_deductions(doc, Ctx()).values())


@pytest.mark.eval
def test_ranking_on_the_dev_pairs(shared):
    """The better text of a pair (landing page over README, plain rewrite over original) scores higher."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import eval_sales

    result = eval_sales.ranking(shared)
    assert result["pairs"]["accuracy"] >= 0.75
    assert result["before_after"]["accuracy"] >= 0.8
    assert result["combined"]["accuracy"] > result["combined"]["baseline_flesch_accuracy"]


SHORT_EMAIL = """Subject: Your month-end, two days shorter

Hi Ana,

Finance teams like yours close the books two days sooner with Ledgerly, because the bank feeds match themselves.
You stop chasing receipts, and your auditors get one clean export.

Would a 15-minute call on Thursday make sense?

Best,
Ben
"""


def _part(score, name):
    return next(p for p in score.parts if p.name == name)


def test_an_email_making_its_case_in_a_few_claims_is_not_short_of_substance():
    # the same words read as an e-mail and as a page: an e-mail asks one thing, so its few claims fill the part
    email = score_of(SHORT_EMAIL, "a.txt", "text")
    page = score_of(SHORT_EMAIL.replace("Subject: ", "# ").replace("Hi Ana,\n\n", "").replace("Best,\nBen\n", ""))
    assert _part(email, "substance").value > _part(page, "substance").value + 20


def test_a_text_of_no_known_medium_owes_proof_like_a_page():
    text = ("Ledgerly matches your bank feeds to your invoices, so you close the month two days sooner. Your auditors get "
            "one clean export. Plans start at $49 a month; start a free trial at ledgerly.example/start.\n")  # fmt: skip
    as_text = score_of(text, "readme.txt", "text")
    as_page = score_of("# Ledgerly\n\n" + text)
    assert _part(as_text, "proof").value == _part(as_page, "proof").value < 50
