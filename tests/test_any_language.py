"""On copy that is not English only the rules that read the page's structure run (a button that goes nowhere, git's
conflict markers); the rules that read English words are skipped, and the note says which ran."""

from plainpitch.config import Config
from plainpitch.engine import analyze
from plainpitch.ingest import load_text
from plainpitch.rules.registry import all_rules

GERMAN = ("<h1>Buchhaltung für kleine Läden</h1>\n<p>Wir erledigen Ihre Buchhaltung jeden Monat, pünktlich und zum "
          "festen Preis. Sie laden die Belege hoch, wir buchen sie und schicken Ihnen den Bericht. Keine Überraschungen "
          "bei der Steuer, keine Nachzahlungen, und ein fester Ansprechpartner für alle Fragen rund um Ihr Geschäft. "
          "Über zweihundert Läden in der Region vertrauen uns schon seit Jahren.</p>\n"
          "<a class='btn btn-primary' href='#'>Jetzt kostenlos testen</a>\n")


def test_only_the_structural_rules_run_on_copy_in_another_language():
    report = analyze(load_text(GERMAN, "seite.html", "html"), Config())
    assert [f.code for f in report.findings] == ["CTA008"]
    (note,) = [n for n in report.notes if "does not look like English" in n]
    assert note.endswith("(except those that read the page's structure, not its words: CLR006, CTA008)")
    assert report.score is None  # the score weighs English words: none is given


def test_the_structural_rules_are_few_and_say_so_in_their_docs():
    from plainpitch.rules.docs import rule_markdown

    structural = {r.meta.code for r in all_rules() if r.meta.any_language}
    assert structural == {"CTA008", "CLR006"}
    for r in all_rules():
        assert ("any language" in rule_markdown(r)) == (r.meta.code in structural)


def test_no_rule_runs_on_another_language_when_the_user_selected_only_word_rules():
    report = analyze(load_text(GERMAN, "seite.html", "html"), Config(select=("PRF001",)))
    assert report.findings == () and any(n.endswith("so they were skipped") for n in report.notes)
