"""The feature/benefit/other classifier: shipped weights, pure-Python inference, the page as context, honest
figures, the "so what?" question."""

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from plainpitch.classify import (
    classify,
    classify_document,
    copy_words,
    cues,
    shape,
)
from plainpitch.classify.baseline import keyword_label
from plainpitch.classify.cues import feature_type, technical_detail
from plainpitch.classify.features import DEFAULT_GROUPS, FEATURE_VERSION, featurise
from plainpitch.classify.ladder import so_what
from plainpitch.classify.model import CONTEXT_WEIGHTS_FILE, WEIGHTS_FILE, from_dict, shipped, shipped_in_context
from plainpitch.classify.overrides import RULES, adjust
from plainpitch.config import Config
from plainpitch.emit.json_report import document_dict
from plainpitch.engine import analyze
from plainpitch.ingest import load_path, load_text

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"
DATA = Path(__file__).parent / "data" / "sales"


@pytest.mark.parametrize("name,load", [(WEIGHTS_FILE, shipped), (CONTEXT_WEIGHTS_FILE, shipped_in_context)])
def test_weights_ship_inside_the_package_and_match_the_features(name, load):
    weights = ROOT / "src" / "plainpitch" / "classify" / name
    data = json.loads(weights.read_text(encoding="utf-8"))
    assert data["feature_version"] == FEATURE_VERSION
    assert set(data["classes"]) == {"benefit", "feature", "other"}
    assert weights.stat().st_size < 200_000, "keep the weights file small"
    model = load()
    assert model is not None and len(model.weights) == len(data["weights"])
    assert model.groups == tuple(data["groups"]) == DEFAULT_GROUPS, "the model featurises as it was trained"
    assert model.context == tuple(data.get("context", ()))
    assert bool(model.context) == (name == CONTEXT_WEIGHTS_FILE), "only the in-context model reads the page"


def test_weights_for_other_features_are_refused_with_the_fix():
    data = json.loads((ROOT / "src" / "plainpitch" / "classify" / WEIGHTS_FILE).read_text(encoding="utf-8"))
    with pytest.raises(ValueError, match="train_classifier"):
        from_dict({**data, "feature_version": FEATURE_VERSION + 1})
    with pytest.raises(ValueError, match="unknown feature groups"):
        from_dict({**data, "groups": ["words", "telepathy"]})
    with pytest.raises(ValueError, match="unknown feature groups"):
        from_dict({**data, "context": ["place", "telepathy"]})


def test_inference_needs_neither_scikit_learn_nor_numpy():
    code = (
        "import sys; from plainpitch.classify import classify, classify_document; "
        "from plainpitch.ingest import load_text; classify('Cut your build times in half.'); "
        "classify_document(load_text('# Fast\\n\\n- **Replication.** Three regions.\\n', 'x.md', 'markdown')); "
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
        ("MercadoLibre cut its test runs from 90 seconds to 3 seconds.", "benefit"),  # a measured result
        ("Note: the `debug` option logs every request.", "other"),  # a documentation aside
        ("See the configuration section for details.", "other"),
    ],
)
def test_clear_cases(text, label):
    assert classify(text).label == label


def test_featurise_is_deterministic_and_marks_cues():
    a = featurise("You save 10 hours a week with our API.")
    assert a == featurise("You save 10 hours a week with our API.")
    assert a["c:you"] == a["c:outcome"] == a["c:s_out_less"] == 1.0
    assert "w:api" in a and "b:<s>_you" in a
    assert set(featurise("You save 10 hours.", ("words",))) == {"w:you", "w:save", "w:00", "w:hours"}


@pytest.mark.parametrize(
    "text,families,flag",
    [
        ("Cut deploy times from 40 minutes to 5.", ("results",), "result"),
        ("Set the `timeout` option in the config file.", ("mood",), "imperative_config"),
        ("If the plugin fails, check the logs.", ("mood",), "condition"),
        ("[!NOTE] This plugin needs root.", ("layout",), "note_lead"),
        ("“Go just gets out of the way,” said Bleigh.", ("layout",), "quoted"),
        ("Historically, the stack was based on Grails.", ("story",), "history"),
        ("Metrics are collected every ten seconds.", ("product",), "present_passive"),
        ("Your team ships twice as fast.", ("subject",), "subj_buyer"),
        ("Ship in minutes, not weeks.", ("outcomes",), "out_speed"),
    ],
)
def test_shape_cues_read_the_sentence(text, families, flag):
    assert shape.shape_flags(cues.normalise(text), len(text.split()), families)[flag] is True


def _real_sentences(shared) -> list[str]:
    texts = [json.loads(line)["text"] for line in (shared / "data" / "labels" / "sentences.dev.jsonl").open()]
    for path in sorted((shared / "corpus").glob("*/*.md")):
        texts += [t for t in path.read_text(encoding="utf-8").splitlines() if t.strip()]
    return [cues.normalise(t) for t in texts]


@pytest.mark.slow
def test_fast_twins_and_the_single_outcome_scan_agree_with_the_plain_patterns(shared):
    """Speed tricks must not change a feature: lower-cased twins, one scan for six outcome lists."""
    sentences = _real_sentences(shared)
    assert len(sentences) > 1000
    separate = {name: cues.word_pattern(*alts) for name, alts in shape.OUTCOME_FAMILIES.items()}
    for clean in sentences:
        view = cues.View(clean)
        for pattern in cues._TWIN_SOURCES:
            assert view.search(pattern) == bool(pattern.search(clean)), (pattern.pattern[:40], clean)
        assert view.groups(shape.OUTCOME_SCAN) == {n for n, p in separate.items() if p.search(clean)}, clean


@pytest.mark.parametrize(
    "text,model_says,rule,fixed",
    [
        ("Exports metrics, so you find problems before customers do.", "feature", "explicit_benefit", "benefit"),
        ("With Go, build times dropped from 90 seconds to 3 seconds.", "other", "measured_result", "benefit"),
        ("MAIN.sess_conn (uint64, count, Sessions accepted)", "other", "spec_entry", "feature"),
        ("Our API answers in 20 ms.", "other", "spec_units", "feature"),
        ("For more information see the rustup documentation.", "feature", "doc_aside", "other"),
    ],
)
def test_each_hand_rule_overrules_the_model_only_when_enabled(text, model_says, rule, fixed):
    probs = {"benefit": 0.2, "feature": 0.2, "other": 0.2, model_says: 0.6}
    assert rule in RULES
    assert adjust(text, model_says, 0.6, probs, (rule,))[0] == fixed
    assert adjust(text, model_says, 0.6, probs, ())[0] == model_says


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
def test_so_what_asks_about_the_buyers_outcome_by_feature_type(text, kind, hint_word):
    found = so_what(text)
    assert found["feature_type"] == kind == feature_type(text)[0]
    assert hint_word in found["outcome_hint"]
    question = found["question"]
    assert question.startswith("“" + text.rstrip(".")[:20]) and question.endswith("?"), "it quotes this feature"
    assert "buyer" in question and ", so you" not in question


def test_so_what_questions_differ_by_type_and_cut_long_features():
    a = so_what("Pages render in 40 ms.")["question"]
    b = so_what("SSO, RBAC and encrypted backups.")["question"]
    assert a.split(":", 1)[1] != b.split(":", 1)[1]
    long = so_what("The collector reads every counter of every device on the network every ten seconds.")
    assert "…”" in long["question"] and long["question"].count(" ") < 40


def test_technical_detail_counts_specs():
    assert technical_detail("p99 latency under 40 ms at 200k events/sec via gRPC") >= 3
    assert technical_detail("Your team gets its evenings back.") == 0


def _train_classifier():
    pytest.importorskip("sklearn")
    sys.path.insert(0, str(SCRIPTS))
    import train_classifier

    return train_classifier


@pytest.fixture(scope="module")
def cv(shared):
    """Nested grouped CV of the shipped recipe (a two-value C grid to keep the test fast), recording every
    choice of C: which pages it saw, against the pages of the fold being scored."""
    tc = _train_classifier()
    rows = tc.load_rows(shared)
    seen: list[set[str]] = []
    original = tc.choose_c

    def recording(training, recipe):
        seen.append({r.src for r in training})
        return original(training, recipe)

    tc.choose_c = recording
    try:
        result = tc.cross_validate(rows, replace(tc.SHIPPED, C=(0.1, 0.3)), previous=replace(tc.PREVIOUS, C=0.1))
    finally:
        tc.choose_c = original
    result["_choices"] = seen
    result["_pages"] = {r.src for r in rows}
    result["_rows"] = rows
    return result


@pytest.mark.eval
def test_grouped_cv_beats_every_baseline(cv):
    assert "GroupKFold" in cv["method"] and "inner grouped CV" in cv["method"]
    model = cv["model"]["macro_f1"]
    keywords, majority = cv["baseline_keywords"]["model"]["macro_f1"], cv["baseline_majority"]["model"]["macro_f1"]
    assert model > keywords + 0.05 > majority
    assert model > cv["baseline_previous"]["model"]["macro_f1"], "the page context and the landing labels must pay"
    for label in ("benefit", "feature", "other"):
        assert set(cv["model"][label]) == {"precision", "recall", "f1", "support"}
    assert sum(sum(row.values()) for row in cv["confusion"].values()) == len(cv["_rows"])
    assert {"landing", "sales_copy", "tech_readme", "shared_labels", "all"} <= set(cv["by_group"])


@pytest.mark.eval
def test_regularisation_is_never_chosen_on_the_fold_being_scored(cv):
    """Each choice of C saw only training pages: its pages never meet the scored fold's pages."""
    choices, folds = cv["_choices"], [set(pages) for pages in cv["test_pages_by_fold"]]
    assert len(choices) == len(folds) == 5
    for chosen_on, test_pages, trained_on in zip(choices, folds, cv["train_pages_by_fold"], strict=True):
        assert chosen_on and not chosen_on & test_pages and not set(trained_on) & test_pages
        assert chosen_on | test_pages == cv["_pages"]


@pytest.mark.slow
def test_labelled_sentences_are_placed_on_their_pages_as_the_cli_reads_them(shared):
    """Training and scoring read the Document's sentence (the CLI's), not the labelled string."""
    tc = _train_classifier()
    rows = tc.load_rows(shared)
    placed = [r for r in rows if r.placed]
    assert len(placed) >= 0.98 * len(rows), "nearly every labelled sentence finds its place"
    for row in placed[:200]:
        words = set(cues.normalise(row.text).lower().split())
        found = set(cues.normalise(tc.model_input(row)).lower().split())
        assert len(words & found) >= 0.5 * len(words), (row.text, tc.model_input(row))
    landing = [r for r in rows if r.group == "landing"]
    assert landing and all(r.placed and r.doc.sentences[r.index].text == r.text for r in landing)


@pytest.mark.eval
def test_error_analysis_prints_each_folds_confusion_and_misses(shared, capsys):
    tc = _train_classifier()
    tc.print_errors(tc.load_rows(shared), replace(tc.SHIPPED, C=0.1), per_fold=3)
    out = capsys.readouterr().out
    assert out.count("== fold") == 5
    assert out.count("benefit  ->") == 5
    misses = [line for line in out.splitlines() if "->" in line and "[" in line]
    assert 0 < len(misses) <= 15


@pytest.mark.eval
@pytest.mark.parametrize("recipe,name", [("SENTENCE", WEIGHTS_FILE), ("SHIPPED", CONTEXT_WEIGHTS_FILE)])
def test_shipped_weights_are_what_the_training_script_makes(shared, recipe, name):
    tc = _train_classifier()
    chosen = getattr(tc, recipe)
    assert chosen.groups == DEFAULT_GROUPS and chosen.overrides == RULES, "run time = what was measured"
    fitted = tc.fit_all(tc.load_rows(shared), chosen)
    shipped_data = json.loads((ROOT / "src" / "plainpitch" / "classify" / name).read_text(encoding="utf-8"))
    assert fitted["C"] == shipped_data["C"] and fitted["groups"] == shipped_data["groups"]
    assert fitted["context"] == shipped_data["context"]
    assert fitted["weights"].keys() == shipped_data["weights"].keys(), "retrain: scripts/train_classifier.py"
    for feature, row in fitted["weights"].items():
        assert row == pytest.approx(shipped_data["weights"][feature], abs=2e-3)


def test_real_files_in_every_format_are_classified():
    for name in ("cold-email-long.eml", "landing.html", "proposal.md", "cold-email-short.txt"):
        doc = load_path(DATA / name)
        labels = {c.label for c in classify_document(doc)}
        assert labels, name
        assert labels <= {"feature", "benefit", "other"}
