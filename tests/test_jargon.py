"""JRG001 unexplained-jargon and JRG002 unexplained-acronym on real sentences, in every copy format."""

import pytest

from plainpitch.config import Config
from plainpitch.engine import analyze
from plainpitch.ingest import load_path, load_text
from plainpitch.rules.base import find_rule
from plainpitch.text import lexicon

JARGON = [find_rule("JRG001"), find_rule("JRG002")]


def findings(text, path="copy.md", select=("JRG001", "JRG002"), **config):
    config.setdefault("profile", "business")  # these tests are about a business reader, whatever the copy looks like
    doc = load_text(text, path)
    report = analyze(doc, Config(**config), rules=[r for r in JARGON if r.meta.code in select])
    return [(f.code, f.text) for f in report.findings], report


def flagged(text, path="copy.md", select=("JRG001", "JRG002"), **config):
    return [t for _, t in findings(text, path, select, **config)[0]]


def test_everyday_words_in_a_technical_sense_are_caught_with_a_plain_alternative():
    got, report = findings("Our platform cuts latency for every order.")
    assert got == [("JRG001", "latency")]
    finding = report.findings[0]
    assert [s.replacement for s in finding.suggestions] == ["delay"]
    assert "delay" in finding.message and len(finding.message) < 80


def test_third_party_products_are_jargon_but_brands_and_people_are_not():
    assert flagged("PayPal moved its payments to Kubernetes, says Bala Natarajan.") == ["Kubernetes"]


def test_multi_word_term_is_one_finding():
    assert flagged("The language provides garbage collection and type safety.") == [
        "garbage collection",
        "type safety",
    ]


def test_code_shapes_are_jargon():
    got = flagged("Set use_sudo to true, edit telegraf.conf and read /proc/net/stat before MAIN.sess_queued (uint64).")
    assert got == ["use_sudo", "telegraf.conf", "/proc/net/stat", "MAIN.sess_queued", "uint64"]


def test_inline_code_in_markdown_is_one_finding_named_in_the_message():
    got, report = findings("Run `telegraf --usage` to see the sample config.")
    messages = [f.message for f in report.findings if f.code == "JRG001"]
    assert any("telegraf --usage" in m for m in messages), messages


def test_rare_coinages_are_jargon_but_rare_english_words_are_not():
    assert flagged("It runs thousands of goroutines at once.") == ["goroutines"]
    assert flagged("With Go, the company obviated most of its servers.") == []


def test_first_use_only():
    got = flagged("We deploy on Kubernetes.\n\nKubernetes restarts your app. Kubernetes scales it.")
    assert got == ["deploy", "Kubernetes"]


@pytest.mark.parametrize(
    "text",
    [
        "Each container (a sealed box for your app) restarts on its own.",
        "Kubernetes, the system that runs your apps, restarts them on its own.",
        "Your app runs in a sealed box for its code (a container).",
    ],
)
def test_a_term_explained_where_it_first_appears_is_not_flagged(text):
    assert flagged(text) == []


def test_an_explanation_full_of_jargon_does_not_count():
    got = flagged("Go's goroutines (lightweight threads of execution) made it simple.")
    assert "goroutines" in got and "threads" in got


@pytest.mark.parametrize(
    "text",
    [
        "Stream every change with change data capture (CDC). CDC needs no new servers.",
        "Stream every change with CDC (change data capture). CDC needs no new servers.",
        "Export every invoice as a PDF for your CFO and track ROI.",
    ],
)
def test_defined_or_well_known_acronyms_are_not_flagged(text):
    assert flagged(text, select=("JRG002",)) == []


def test_undefined_acronyms_are_flagged_once_by_jrg002_only():
    got, report = findings("Connect through our SDK. The SDK is free. Use CI/CD and the REST API.")
    assert got == [("JRG002", "SDK"), ("JRG002", "CI/CD"), ("JRG001", "REST API")]
    sdk = report.findings[0]
    assert sdk.suggestions and sdk.suggestions[0].replacement.startswith("SDK (")


def test_defined_acronym_with_a_jargon_long_form_is_one_finding():
    got = findings("Google pioneered Site Reliability Engineering (SRE) for its services.")[0]
    assert got == [("JRG001", "Site Reliability Engineering (SRE)")]


def test_shouting_and_roman_numerals_are_not_acronyms():
    assert flagged("NOTE: this is FREE for part II of the course.") == []


def test_audience_moves_the_threshold():
    text = "Our backend scales with demand; see the dashboard and the API."
    business = flagged(text)
    assert "backend" in business and "API" in business and "dashboard" not in business
    assert "dashboard" in flagged(text, profile="consumer")
    assert flagged(text, profile="technical") == []


def test_project_vocabulary_silences_terms():
    text = "Run it on Kubernetes with low latency."
    assert flagged(text, vocabulary=frozenset({"kubernetes", "Latency"})) == []


def test_the_pages_own_product_is_not_jargon():
    text = "# Redis for teams\n\nRedis keeps your shop fast. Redis never loses a cart."
    assert "Redis" not in flagged(text)


@pytest.mark.parametrize(
    "name,text",
    [
        ("copy.txt", "Our backend cuts latency.\n\nWe deploy daily."),
        ("copy.md", "# Speed\n\nOur **backend** cuts latency.\n\nWe deploy daily."),
        ("copy.html", "<html><body><h1>Speed</h1><p>Our backend cuts latency.</p><p>We deploy daily.</p></body></html>"),
        ("copy.eml", "From: a@example.com\nTo: b@example.com\nSubject: Speed\n\nOur backend cuts latency.\n\nWe deploy daily.\n"),
    ],
)
def test_every_copy_format(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = analyze(load_path(path), Config(), rules=JARGON)
    assert sorted(f.text for f in report.findings) == ["backend", "deploy", "latency"]
    for f in report.findings:  # locations point at the word in the file the user opened
        line = path.read_text(encoding="utf-8").splitlines()[f.location.line - 1]
        assert line[f.location.column - 1 :].startswith(f.text)


def test_everyday_words_with_a_technical_sense_count_only_in_a_technical_sentence():
    assert flagged("The driver reports the XML schema version.") == ["driver", "XML", "schema"]
    assert flagged("Our driver picks you up at the airport.") == []
    assert flagged("Add tags to every contact.") == []
    assert "tags" in flagged("Every metric from the `nvme` plugin has these tags.")


def test_a_listed_term_capitalised_on_its_own_in_a_technical_line_is_the_term():
    assert flagged("SMA.s0.c_req (uint64, count, Allocator requests)") == ["SMA.s0.c_req", "uint64", "Allocator"]
    assert "Terminal" not in flagged("The team at Terminal Technologies ships its firmware with `cargo`.")


def test_an_unknown_capitalised_name_in_a_technical_sentence_is_a_product():
    assert "Kapacitor" in flagged("To drop the `name_suffix` you may use Kapacitor to copy the data.")
    assert flagged("We started with Kapacitor last year.") == []  # no technical context: a name
    assert "Natarajan" not in flagged("Our NoSQL proxy got simpler in Go, says Bala Natarajan.")  # a person
    page = "Mintlify moved to Kubernetes.\n\nMintlify grew.\n\nMintlify uses the `posthog` SDK."
    assert "Mintlify" not in flagged(page)  # the page's own subject, named again and again


def test_service_and_bit_shapes_are_jargon():
    assert flagged("It runs on a platform-as-a-service for 64-bit systems.") == ["platform-as-a-service", "64-bit"]


@pytest.mark.parametrize(
    "name,text",
    [
        ("copy.txt", "Install the driver with `apt`.\n\nOur driver picks you up."),
        ("copy.md", "# Setup\n\nInstall the **driver** with `apt`.\n\nOur driver picks you up."),
        ("copy.html", "<html><body><p>Install the driver with <code>apt</code>.</p><p>Our driver picks you up.</p></body></html>"),
        ("copy.eml", "From: a@example.com\nTo: b@example.com\nSubject: Setup\n\nInstall the driver with `apt`.\n\nOur driver picks you up.\n"),
    ],
)
def test_technical_context_in_every_copy_format(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = analyze(load_path(path), Config(), rules=JARGON)
    drivers = [f for f in report.findings if f.text == "driver"]
    assert len(drivers) == 1 and drivers[0].data["reason"] == "context"
    line = path.read_text(encoding="utf-8").splitlines()[drivers[0].location.line - 1]
    assert "Install the" in line  # the technical sentence, not the plain one


def test_miss_causes_name_why_a_labelled_term_was_missed():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from eval_copy import _miss_cause

    assert _miss_cause("~/.cargo/bin", "x", set(), 3.3) == "code, path, number"
    assert _miss_cause("SMS", "x", set(), 3.3) == "acronym (known or all-caps)"
    assert _miss_cause("CoreOS", "x", set(), 3.3) == "name with inner capitals"
    assert _miss_cause("Suricata", "It reads Suricata alerts.", set(), 3.3) == "capitalised name or title"
    assert _miss_cause("tags", "It has tags.", set(), 3.3) == "common word, technical sense"
    assert _miss_cause("hotspots", "Find hotspots.", set(), 3.3) == "rare word"


def test_lexicon_frequency_and_dictionary():
    assert lexicon.rarer_than("goroutines", 3.3) and not lexicon.rarer_than("the", 3.3)
    assert 3.0 < lexicon.zipf("latency") < 3.6
    assert lexicon.is_english_word("obviated") and lexicon.is_english_word("queued")
    assert not lexicon.is_english_word("rustup")


def test_real_page_from_the_corpus(shared):
    report = analyze(load_path(shared / "corpus" / "sales" / "go-paypal.md"), Config(profile="business"), rules=JARGON)
    texts = {f.text for f in report.findings}
    assert {"NoSQL", "garbage collection", "goroutines"} <= texts
    assert not texts & {"PayPal", "Go", "Bala", "Natarajan"}
    assert all(len(f.message) < 80 for f in report.findings)


@pytest.mark.eval
def test_labelled_sentences_precision_and_recall(shared):
    """The headline measure of scripts/eval_copy.py, kept from regressing (figures in the report)."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from eval_copy import _labels, jargon_sentences

    fig = jargon_sentences(_labels(shared))
    assert fig["precision"] >= 0.9
    assert fig["recall"] >= 0.75
