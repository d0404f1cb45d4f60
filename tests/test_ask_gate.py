"""_find_asks normalises an ASCII sentence without cues.normalise's table (ask.normalised): the same text, and each
gated pattern still decides the asks it decides (a negation whose only literal is its own, a slot to pick)."""

from plainpitch.ingest import load_text
from plainpitch.rules.checks import ask

SENTENCES = [
    "Start now, you never need to start over.", "Buy it today, you do not have to buy a plan.",
    "Subscribe today, there is no need to subscribe twice.", "Register today, never register again.",
    "Try it free, you do not need to try hard.", "Reply to this email.", "Grab a time at calendly.com/ana.",
    "Email me at ana@acme.com.", "See https://acme.com/pricing for plans.", "Go to www.acme.com now.",
    "BOOK A DEMO", "Ready to try it?", "My calendar is open.", "Could you introduce me to Simon?",
    "Plain words with nothing to ask.", "We ship faster.", "Call us on 555 0100.", "Then pick a slot that suits you.",
]  # fmt: skip


def test_each_gated_pattern_still_decides():
    asks = {a.text: a for a in ask._find_asks(load_text("\n\n".join(SENTENCES), "t.md", "markdown"), "page")}
    assert "Start now, you never need to start over." not in asks  # the negation is read
    assert asks["Reply to this email."].kind == "sentence"  # asked anywhere in the sentence
    assert "Then pick a slot that suits you." in asks  # a calendar
    assert asks["Email me at ana@acme.com."].action == "contact"
    assert asks["See https://acme.com/pricing for plans."].kind == "link"


def test_the_ascii_shortcut_normalises_as_cues_does():
    import random

    from plainpitch.classify import cues

    rng = random.Random(9)
    pieces = ["we", "You", " ", "  ", "\t", "\n", "*", "**", "_", "__", "’", "“", "”", "–", "\u00a0", "é", ".", '"', "x"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 14)))
        assert ask.normalised(text) == cues.normalise(text), repr(text)
