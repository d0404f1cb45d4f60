"""Call types: inference, per-type thresholds, config overrides, and the table in docs/calls.md."""

from pathlib import Path

import pytest

from plainpitch.call.types import THRESHOLDS, TYPES, infer_type, thresholds_for, thresholds_markdown
from plainpitch.call_review import analyze_call
from plainpitch.config import Config, ConfigError
from plainpitch.ingest.transcript import load_transcript_text

DOCS = Path(__file__).resolve().parents[1] / "docs" / "calls.md"


def test_the_thresholds_table_in_the_docs_is_current():
    text = DOCS.read_text(encoding="utf-8")
    start = text.index("<!-- thresholds:start -->\n") + len("<!-- thresholds:start -->\n")
    end = text.index("<!-- thresholds:end -->")
    assert text[start:end] == thresholds_markdown(), "regenerate the table in docs/calls.md from types.THRESHOLDS"


def test_every_threshold_has_a_value_or_dash_for_every_type_and_a_source():
    for key, (meaning, unit, per_type, source) in THRESHOLDS.items():
        assert set(per_type) == set(TYPES), key
        assert meaning and unit and len(source) > 30, key


def test_a_cold_call_allows_a_higher_seller_share_than_a_discovery_call():
    assert thresholds_for("cold")["talk_share_max"] > thresholds_for("discovery")["talk_share_max"]
    assert thresholds_for("closing")["price_before_value"] is False


@pytest.mark.parametrize(
    "seller,expected",
    [
        (["Hi, this is Ana calling from Acme. Do you have a minute?", "We help finance teams."], "cold"),
        (["Let me share my screen.", "As you can see, this is the dashboard.", "If I click here..."], "demo"),
        (["Legal sent the redlines on the contract.", "Procurement needs the order form.", "Net 30 is fine."], "closing"),
        (["Thanks for the time.", "Tell me about your month-end close."], "discovery"),
    ],
)
def test_type_inference(seller, expected):
    assert infer_type(seller).name == expected


def test_overrides_flat_and_per_type():
    cfg = {"talk_share_max": 60, "demo": {"talk_share_max": 75}}
    assert thresholds_for("discovery", cfg)["talk_share_max"] == 60
    assert thresholds_for("demo", cfg)["talk_share_max"] == 75


CALL = (
    "Ana: Thanks for joining. I want to walk you through everything we built this year for you.\n"
    "Ben: Sure.\n"
    "Ana: We rebuilt the engine, added a scheduler, redesigned the dashboard and moved to a new region. "
    "The exports are twice as fast as last year, the audit trail covers every change, and the mobile app shows "
    "the same numbers as the web. We hired a support team in your time zone, opened a partner program for "
    "accounting firms, and next quarter we ship forecasting, planning and a new API for your engineers. On top of "
    "that, the onboarding now takes a week instead of a month, and every plan includes training for your team.\n"
    "Ben: Okay.\n"
)


def test_type_flag_and_its_thresholds_reach_the_rules():
    doc = load_transcript_text(CALL, "call.txt")
    discovery = analyze_call(doc, me=["Ana"])
    cold = analyze_call(doc, me=["Ana"], call_type="cold")
    assert discovery.details["call"]["type"] == "discovery" and discovery.details["call"]["type_source"] == "inferred"
    assert cold.details["call"]["type"] == "cold" and cold.details["call"]["type_source"] == "set"
    assert cold.details["call"]["thresholds"]["talk_share_max"] == 80
    # talk share is ~95% here: over both limits
    assert "TLK001" in {f.code for f in discovery.findings} and "TLK001" in {f.code for f in cold.findings}
    relaxed = analyze_call(doc, me=["Ana"], config=Config(call={"thresholds": {"talk_share_max": 99}}))
    assert "TLK001" not in {f.code for f in relaxed.findings}


def test_an_unknown_type_is_a_clear_error():
    doc = load_transcript_text(CALL, "call.txt")
    with pytest.raises(ConfigError, match="not one of discovery, demo, cold, closing"):
        analyze_call(doc, call_type="webinar")
