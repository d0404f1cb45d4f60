"""The jargon pass looks only at the sentences holding a word that may make a term (``_live_sentences``), and in
them at those words; for phrases only at the sentences where a word pair may start one (``_live_flags``): it must
find exactly what looking at every sentence finds, for every reader, on text built to reach each way a sentence
makes a hit (a capitalised name mid-sentence, a title-case heading, a flag, C++, a phrase, acronyms, code shapes)
and on real pages."""

from dataclasses import replace
from pathlib import Path

import pytest

from plainpitch.config import Config
from plainpitch.engine import Context
from plainpitch.ingest import load_path, load_text
from plainpitch.rules.checks import jargon

ROOT = Path(__file__).resolve().parents[1]
PROFILES = ("technical", "business", "consumer")

# Each line reaches one way a sentence makes a hit while its other words are plain.
HOSTILE = """# Our Wonderful Platform Uses Kubernetes Daily

Kubernetes runs it for you.

We ship it with Kapacitor for teams.

Bala Natarajan said it was good.

Run it with --verbose now. We love it with --love at night.

It is written in C++ and it is fast. We love C++ at night. We love C# well. We love F# well. We love .NET well.

Open the command line to start.

Open the command `ls -la` line to start. Use the command-line tool. We run in memory, on premise and off the shelf.

We use CI/CD and B2B tools and the SDK.

Write snake_case names and batteryLevel fields.

Latency drops. Our Latency drops. Abstraction we love. We love Aborting well. Low-latency queues and API-first design.

- Webhooks
- Twemproxy is here
- The Middleware Layer

| Plan | Feature |
|---|---|
| Pro | Kafka streams |

A plain sentence with nothing in it. Another plain sentence follows it here.
"""


def _every_sentence(doc, counts, openers, starts, *_args):
    return range(len(doc.sentences))


def _hits(doc, profile, monkeypatch=None):
    ctx = Context(doc, Config(profile=profile), "page", profile)
    th = jargon.Thresholds.of(ctx)
    mask, _code, technical = jargon._protected(doc)
    return [(h.start, h.end, h.text, h.key, h.kind, h.reason, h.strength, h.plain) for h in
            jargon._atomic_hits(doc, th, mask, technical)]  # fmt: skip


def _same_either_way(doc, monkeypatch):
    # a rule's scoped view holds its sentences and words as tuples (engine.scoped): the same answers from those
    as_tuples = replace(doc, sentences=tuple(doc.sentences), words=tuple(doc.words))
    for profile in PROFILES:
        shortcut, from_tuples = _hits(doc, profile), _hits(as_tuples, profile)
        with monkeypatch.context() as m:
            m.setattr(jargon, "_live_sentences", _every_sentence)
            # and every word of a sentence is looked at, and every sentence may hold a phrase
            m.setattr(jargon, "_live_flags", lambda *_args: (None, None))
            every = _hits(doc, profile)
        assert shortcut == every, (doc.path, profile)
        assert from_tuples == every, (doc.path, profile)


def test_the_live_sentences_find_what_every_sentence_finds_on_hostile_text(monkeypatch):
    doc = load_text(HOSTILE, "hostile.md")
    _same_either_way(doc, monkeypatch)
    # the text does reach the ways it was written for (else the comparison above proves little)
    found = {h[2] for h in _hits(doc, "business")}
    assert {"Kapacitor", "--verbose", "--love", "C++", "C#", "F#", ".NET", "command line", "CI/CD", "snake_case",
            "Kubernetes", "Abstraction", "Aborting"} <= found  # fmt: skip


def test_the_live_sentences_find_what_every_sentence_finds_on_real_pages(monkeypatch, shared):
    paths = sorted((shared / "corpus").rglob("*.md"))[:60] + [ROOT / "examples" / "landing-page.md"]
    for path in paths:
        _same_either_way(load_path(path), monkeypatch)


@pytest.mark.parametrize("profile", PROFILES)
def test_a_word_called_dead_makes_no_hit_wherever_it_stands(profile):
    """Each word ``_live_words`` calls dead, put at the start of a sentence, inside one, in a title-case heading
    and between capitalised words, makes no hit."""
    doc = load_text(HOSTILE, "hostile.md")
    th = jargon.Thresholds.of(Context(doc, Config(profile=profile), "page", profile))
    words = set(jargon._word_texts(doc)) | {"Zulip", "Postgres", "Heroku", "Twemproxy", "Docker", "Acme", "Paris"}
    live = jargon._live_words(words, th)
    dead = sorted(w for w, v in live.items() if not v)
    assert dead and any(w[:1].isupper() for w in dead)
    for word in dead:
        text = f"{word} is here.\n\nWe like {word} today.\n\n# The Big {word} Show\n\nWe met Ana {word} Lee there.\n"
        page = load_text(text, "p.md")
        assert _hits(page, profile) == [], (word, profile)


def test_the_glossary_look_skips_only_units_without_a_separator(monkeypatch):
    lines = ["Kubernetes: the system that runs your apps.", "Latency — the wait before a page answers you.",
             "Middleware – the code between two programs here.", "Webhook - a message one app sends another.",
             "**SSO (Single Sign-On)**: one login for every tool you use.", "Plain words with no separator at all.",
             "API:short", "Hyphen-ated words only, no glossary here.", "Kafka—the log that holds every event."]  # fmt: skip
    doc = load_text("\n\n".join(lines), "glossary.md")
    gated = jargon._glossary(doc)
    with monkeypatch.context() as m:
        m.setattr(jargon, "_GLOSSARY_MARK_RE", __import__("re").compile(""))
        every = jargon._glossary(doc)
    assert gated == every and {"kubernete", "latency", "middleware", "webhook", "sso", "kafka"} <= gated
