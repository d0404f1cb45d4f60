"""Replacements that fit the sentence (text/substitute.py), and every jargon suggestion on real copy read back."""

from pathlib import Path

import pytest

from plainpitch.config import Config
from plainpitch.engine import analyze
from plainpitch.ingest import load_path
from plainpitch.rules.base import find_rule
from plainpitch.text.substitute import apply, article_for, fit, inflect, problems


def swap(text: str, term: str, plain: str):
    start = text.index(term)
    found = fit(text, start, start + len(term), plain)
    return None if found is None else apply(text, found)


@pytest.mark.parametrize(
    "text,term,plain,expected",
    [
        ("Own your backend.", "backend", "the server side", "Own your server side."),
        ("Backend is fast.", "Backend", "the server side", "The server side is fast."),
        ("We deployed it.", "deployed", "release", "We released it."),
        ("Start deploying today.", "deploying", "launch", "Start launching today."),
        ("It has low latency.", "latency", "delay", "It has low delay."),
        ("Use a webhook to tell us.", "webhook", "automatic message", "Use an automatic message to tell us."),
        ("An endpoint is all you need.", "endpoint", "web address", "A web address is all you need."),
        ("Manage your clusters.", "clusters", "group of servers", "Manage your groups of servers."),
        ("Cut the latencies.", "latencies", "delay", "Cut the delays."),
    ],
)
def test_replacements_take_the_form_and_the_article_of_the_sentence(text, term, plain, expected):
    assert swap(text, term, plain) == expected


@pytest.mark.parametrize(
    "text,term,plain",
    [
        ("Zero-config setup", "config", "settings"),  # part of a compound: the meaning changes
        ("The pipeline runs fast.", "pipeline", "automated steps"),  # modifies the next word
        ("Our tracking script is small.", "script", "small program"),  # modified by a noun before it
    ],
)
def test_no_replacement_rather_than_a_wrong_one(text, term, plain):
    assert swap(text, term, plain) is None


def test_inflection_and_articles():
    from plainpitch.text.substitute import form_of

    assert [form_of(w) for w in ("thing", "need", "caching", "deployed", "pipelines", "status")] == [
        "base", "base", "gerund", "past", "plural", "base"
    ]
    assert inflect("group of server", "plural") == "groups of server"
    assert inflect("usage caps", "plural") == "usage caps"
    assert inflect("release", "past") == "released" and inflect("launch", "gerund") == "launching"
    assert article_for("hour") == "an" and article_for("user") == "a" and article_for("SDK") == "an"


def test_problems_names_what_reads_wrong():
    assert problems("Own your the server side.") == ["determiners collide: 'your the'"]
    assert problems("a automated step") == ["'a automated' should be 'an automated'"]
    assert problems("It releaseded.") == ["broken word form: 'releaseded'"]
    assert problems("Own your server side, so that the team sees an hour of work.") == []


def _copy_files(shared: Path) -> list[Path]:
    judged = [p for p in sorted((shared / "data" / "judged" / "copy").iterdir()) if p.suffix in (".md", ".html", ".txt", ".eml")]
    corpus = sorted(p for folder in ("landing", "sales", "emails", "readme") for p in (shared / "corpus" / folder).glob("*.md"))
    return judged + corpus


@pytest.mark.slow
@pytest.mark.parametrize("profile", ["business", "consumer"])
def test_every_jargon_suggestion_reads_as_english_in_its_sentence(shared, profile):
    """Substitute each JRG001/JRG002 suggestion into its sentence on every dev text and corpus page: the sentence
    must not gain a problem (colliding determiners, a/an, broken verb forms)."""
    rules = [find_rule("JRG001"), find_rule("JRG002")]
    offered = 0
    bad = []
    for path in _copy_files(shared):
        doc = load_path(path)
        report = analyze(doc, Config(profile=profile), rules=rules)
        for f in report.findings:
            sentence = next((s for s in doc.sentences if s.start <= f.span.start < s.end), None)
            if sentence is None:
                continue
            before = doc.text[sentence.start : sentence.end]
            for suggestion in f.suggestions:
                offered += 1
                rel_start, rel_end = f.span.start - sentence.start, f.span.end - sentence.start
                after = before[:rel_start] + suggestion.replacement + before[rel_end:]
                new = set(problems(after)) - set(problems(before))
                if new:
                    bad.append(f"{path.name}: {after!r}: {sorted(new)}")
    assert offered > 20  # the test sees real suggestions
    assert bad == []
