"""Shapes that are not prose (plainpitch.text.shapes): each pattern runs only on the lines with a trigger, and finds
exactly what a search of the whole text finds."""

import random

from plainpitch.text import placeholders, shapes


def scanned(text: str) -> list[tuple[int, int, str]]:
    """literal_spans as it was: every pattern over the whole text."""
    taken = bytearray(len(text) + 1)
    out = []
    for s, e, _kind in placeholders.find(text):
        taken[s:e] = b"\x01" * (e - s)
        out.append((s, e, "placeholder"))
    for kind, pattern in shapes._KINDS:
        for m in pattern.finditer(text):
            s, e = m.start(), m.end()
            if e > s and not any(taken[s:e]):
                taken[s:e] = b"\x01" * (e - s)
                out.append((s, e, kind))
    out.sort()
    return out


PIECES = [
    "Write to ana@example.com", "or @ana_b", "see https://acme.dev/docs?x=1.", "www.Example.COM/pricing", "//cdn.acme.io/x.js",
    "edit /etc/hosts", "~/.cargo/bin", "./configure", "C:\\Users\\Ana Lee\\file.txt", "src/main.rs", "telegraf.conf",
    "Acme.IO", "v2", "V10", "version 1.2.3-beta", "10.0.0.1", "$4.99", "[Client.FirstName]", "{{first_name}}",
    "the quick brown fox", "We ship faster.", "e.g. this", "docs.python.org/3", "a.b", "x@y", "1.5x faster",
    "README.md", "config.YAML", "(see acme.com)", "“quoted acme.com”", "foo/bar", "a\\b", "vv9", "2.0.", "\t", " ",
]


def test_the_line_search_finds_what_the_whole_text_search_finds():
    rng = random.Random(11)
    for _ in range(300):
        parts = [rng.choice(PIECES) for _ in range(rng.randrange(1, 40))]
        text = "".join(p + rng.choice([" ", " ", "\n", "\n\n", "", ", "]) for p in parts)
        assert shapes.literal_spans(text) == scanned(text), text


def test_a_shape_at_the_very_start_and_end_of_the_text_and_of_its_lines():
    for text in ("ana@example.com", "x\nana@example.com\n", "see acme.com", "v2\nv3", "/etc/hosts\n~/x", "C:\\a b\nc"):
        assert shapes.literal_spans(text) == scanned(text)
    assert [k for _, _, k in shapes.literal_spans("mail ana@example.com\nrun ./configure\nv1.2\n")] == ["email", "path", "version"]


def test_only_lines_with_a_trigger_are_searched():
    text = "\n".join(["We ship faster and you sleep at night."] * 500 + ["Write to ana@example.com today."])
    assert shapes._trigger_lines(text) == [(len(text) - len("Write to ana@example.com today."), len(text))]
    assert shapes.literal_spans(text) == scanned(text)
