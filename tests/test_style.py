"""Style and tone rules: passive voice, long paragraphs, clichés, weasel words, buzzwords, inflated words."""

import pytest

from plainpitch.config import Config
from plainpitch.engine import analyze
from plainpitch.ingest import load_path, load_text
from plainpitch.rules.base import find_rule


def flagged(code, text, path="copy.txt", **config):
    report = analyze(load_text(text, path), Config(**config), rules=[find_rule(code)])
    return [f.text for f in report.findings]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Your invoices are sent every morning.", ["are sent"]),
        # the actor of the first is named ("by our team"); the second hides who tests it
        ("The code was written by our team and is automatically tested.", ["is automatically tested"]),
        ("Every dashboard is curated and created by you.", []),
        ("We would be honored to have you as a customer, and we were impressed.", []),
        ("Reports were not generated.", ["were not generated"]),
        ("We are based in Lisbon and are interested in your feedback.", []),
        ("It was indeed a good year; we were all tired.", []),
        ("Acme sends your invoices every morning.", []),
        ("The plugin is built-in.", []),
    ],
)
def test_passive_voice(text, expected):
    assert flagged("TON005", text) == expected


def test_long_paragraph_by_words_and_by_sentences():
    short = "We match your payments. You get a report."
    many = " ".join(["We match payments."] * 6)
    wordy = "We " + " ".join(["match every payment to its invoice"] * 16) + "."
    assert flagged("STR001", short) == []
    assert flagged("STR001", many) == [many]
    assert flagged("STR001", wordy) == [wordy]
    assert flagged("STR001", many, thresholds={"paragraph.sentences_max": 10}) == []


def test_cliches_match_whole_phrases_only():
    assert flagged("TON004", "At the end of the day, it works. The day ends at five.") == ["At the end of the day"]
    assert flagged("TON004", "It is a win-win for both teams.") == ["win-win"]
    assert flagged("TON004", "The end of the report lists every day.") == []


def test_weasel_and_buzzwords():
    assert flagged("TON002", "Our API is very fast and really cheap.") == ["very", "really"]
    assert flagged("TON003", "We leverage a seamless, best-in-class platform.") == ["leverage", "seamless", "best-in-class"]
    assert flagged("TON003", "Supabase gives you a Postgres database.") == []


def test_inflated_words_suggest_plain_ones():
    report = analyze(
        load_text("We utilize AI in order to facilitate payments.", "copy.txt"), Config(), rules=[find_rule("CLR001")]
    )
    got = {f.text: [s.replacement for s in f.suggestions] for f in report.findings}
    assert got == {"utilize": ["use"], "in order to": ["to"], "facilitate": ["ease", "help"]}


def test_curated_plain_words_leave_good_sales_copy_alone():
    # words plainlanguage.gov lists but that good product copy uses plainly were dropped from the pack
    assert flagged("CLR001", "We provide additional accurate reports and address every request.") == []


def test_style_rules_run_on_markdown_html_and_email(tmp_path):
    texts = {
        "a.md": "# Hi\n\nYour invoices are sent daily.",
        "a.html": "<html><body><p>Your invoices are sent daily.</p></body></html>",
        "a.eml": "From: a@example.com\nSubject: Hi\n\nYour invoices are sent daily.\n",
    }
    for name, text in texts.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        report = analyze(load_path(path), Config(), rules=[find_rule("TON005")])
        assert [f.text for f in report.findings] == ["are sent"], name


def test_style_rules_are_suggestions_so_they_cost_no_warning_budget():
    for code in ("CLR001", "STR001", "TON001", "TON002", "TON003", "TON004", "TON005"):
        assert find_rule(code).meta.severity == "suggestion"
