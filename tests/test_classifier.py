"""The feature/benefit/other classifier: shipped weights, pure-Python inference, honest figures, the ladder."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from plainpitch.classify import classify, classify_document, copy_words
from plainpitch.classify.baseline import keyword_label
from plainpitch.classify.cues import feature_type, technical_detail
from plainpitch.classify.features import FEATURE_VERSION, featurise
from plainpitch.classify.ladder import rungs
from plainpitch.classify.model import WEIGHTS_FILE, shipped
from plainpitch.config import Config
from plainpitch.emit.json_report import document_dict
from plainpitch.engine import analyze
from plainpitch.ingest import load_path, load_text

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"
DATA = Path(__file__).parent / "data" / "sales"


def test_weights_ship_inside_the_package_and_match_the_features():
    weights = ROOT / "src" / "plainpitch" / "classify" / WEIGHTS_FILE
    data = json.loads(weights.read_text(encoding="utf-8"))
    assert data["feature_version"] == FEATURE_VERSION
    assert set(data["classes"]) == {"benefit", "feature", "other"}
    assert weights.stat().st_size < 200_000, "keep the weights file small"
    model = shipped()
    assert model is not None and len(model.weights) == len(data["weights"])


def test_inference_needs_neither_scikit_learn_nor_numpy():
    code = (
        "import sys; from plainpitch.classify import classify; classify('Cut your build times in half.'); "
        "print('sklearn' in sys.modules, 'numpy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]


def test_probabilities_are_a_distribution():
    label, confidence, probs = shipped().predict("Supports SAML and OIDC single sign-on.")
    assert abs(sum(probs.values()) - 1.0) < 1e-9
    assert probs[label] == confidence == max(probs.values())


@pytest.mark.parametrize(
    "text,label",
    [
        ("Supports SAML and OIDC single sign-on.", "feature"),
        ("Includes a REST API and webhooks.", "feature"),
        ("Our API answers in 20 ms at 10k requests per second.", "feature"),  # spec with units: hand rule
        ("Find bugs before your users do.", "benefit"),
        ("Cut your build times in half.", "benefit"),
        ("Exports metrics, so you find problems before customers do.", "benefit"),  # the ladder's own form
        ("StreamForge was founded in 2021 by three former engineers.", "other"),
        ("Set the `collect` option to true in telegraf.conf:", "other"),
    ],
)
def test_clear_cases(text, label):
    assert classify(text).label == label


def test_featurise_is_deterministic_and_marks_cues():
    a = featurise("You save 10 hours a week with our API.")
    assert a == featurise("You save 10 hours a week with our API.")
    assert a["c:you"] == a["c:outcome"] == 1.0
    assert "w:api" in a and "b:<s>_you" in a


def test_keyword_baseline():
    assert keyword_label("Save hours every week.") == "benefit"
    assert keyword_label("Supports OIDC.") == "feature"
    assert keyword_label("Thanks for reading.") == "other"


def test_document_classes_go_into_the_json_report_with_offsets():
    doc = load_path(ROOT / "examples" / "landing-page.md")
    report = analyze(doc, Config())
    sentences = document_dict(report)["details"]["sentences"]
    assert sentences, "every classified sentence is listed"
    for item in sentences:
        assert set(item) >= {"start", "end", "text", "label", "confidence"}
        assert doc.text[item["start"] : item["end"]] == item["text"]
        assert item["label"] in ("feature", "benefit", "other") and 0 < item["confidence"] <= 1
    labels = {s["text"]: s["label"] for s in sentences}
    assert labels["Pluggable SerDes with protobuf and JSON Schema support"] == "feature"


def test_buttons_and_links_are_not_classified():
    doc = load_text("Acme syncs your data.\n\n[CTA: Start my free trial]\n", "x.md", "markdown")
    texts = [c.text for c in classify_document(doc)]
    assert texts == ["Acme syncs your data."]
    assert copy_words(doc) == 4


@pytest.mark.parametrize(
    "text,kind,hint_word",
    [
        ("Pages render in 40 ms.", "speed", "time"),
        ("Automated nightly workflows.", "automation", "hours"),
        ("Replicated across three regions with automatic failover.", "reliability", "outages"),
        ("SSO, RBAC and encrypted backups.", "security", "audits"),
        ("Plans from $9 per month.", "price", "money"),
    ],
)
def test_ladder_hint_follows_the_feature_type(text, kind, hint_word):
    found = rungs(text)
    assert found["feature_type"] == kind == feature_type(text)[0]
    assert hint_word in found["outcome_hint"]
    stem = text.rstrip(".")
    assert found["rungs"] == [f"{stem}, so you …", f"{stem}, which means …"]


def test_technical_detail_counts_specs():
    assert technical_detail("p99 latency under 40 ms at 200k events/sec via gRPC") >= 3
    assert technical_detail("Your team gets its evenings back.") == 0


@pytest.fixture(scope="module")
def cv(shared):
    pytest.importorskip("sklearn")
    sys.path.insert(0, str(SCRIPTS))
    import train_classifier

    return train_classifier.cross_validate(train_classifier.load_rows(shared))


def test_grouped_cv_beats_both_baselines(cv):
    assert "GroupKFold" in cv["method"]
    model, keywords, majority = cv["model"]["macro_f1"], cv["baseline_keywords"]["macro_f1"], cv["baseline_majority"]["macro_f1"]
    assert model > keywords + 0.05 > majority
    for label in ("benefit", "feature", "other"):
        assert set(cv["model"][label]) == {"precision", "recall", "f1", "support"}


def test_shipped_weights_are_what_the_training_script_makes(shared):
    pytest.importorskip("sklearn")
    sys.path.insert(0, str(SCRIPTS))
    import train_classifier

    rows = train_classifier.load_rows(shared)
    fitted = train_classifier.fit([r["text"] for r in rows], [r["label"] for r in rows], [r["src"] for r in rows])
    shipped_data = json.loads((ROOT / "src" / "plainpitch" / "classify" / WEIGHTS_FILE).read_text(encoding="utf-8"))
    assert fitted["weights"].keys() == shipped_data["weights"].keys(), "retrain: scripts/train_classifier.py"
    for name, row in fitted["weights"].items():
        assert row == pytest.approx(shipped_data["weights"][name], abs=2e-3)


def test_real_files_in_every_format_are_classified():
    for name in ("cold-email-long.eml", "landing.html", "proposal.md", "cold-email-short.txt"):
        doc = load_path(DATA / name)
        labels = {c.label for c in classify_document(doc)}
        assert labels, name
        assert labels <= {"feature", "benefit", "other"}
