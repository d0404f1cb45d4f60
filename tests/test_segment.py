"""The one segmenter: sentences and words with offsets that map back to the source."""

from plainpitch.ingest import load_text
from plainpitch.text.segment import Block, build_document


def sentences(text):
    return [s.text for s in load_text(text, "x.txt", "text").sentences]


def test_splits_on_terminal_punctuation():
    assert sentences("We ship fast. You save time! Ready? Go.") == ["We ship fast.", "You save time!", "Ready?", "Go."]


def test_keeps_abbreviations_decimals_and_versions_together():
    assert sentences("Dr. Smith uses v2.1 daily, e.g. for 3.5x gains. It works.") == [
        "Dr. Smith uses v2.1 daily, e.g. for 3.5x gains.",
        "It works.",
    ]


def test_words_keep_technical_tokens_whole():
    doc = load_text("Edit nginx.conf in /etc/nginx with snake_case keys; don't use e-mail.", "x.txt", "text")
    words = [w.text for w in doc.words]
    assert "nginx.conf" in words and "/etc/nginx" in words and "snake_case" in words
    assert "don't" in words and "e-mail" in words


def test_sentences_never_cross_units():
    doc = load_text("First paragraph without a stop\n\nSecond paragraph here.", "x.txt", "text")
    assert [s.text for s in doc.sentences] == ["First paragraph without a stop", "Second paragraph here."]
    assert doc.sentences[0].unit != doc.sentences[1].unit


def test_joined_lines_map_back_to_the_source():
    source = "Our tool\n  helps you\nship faster.\n"
    doc = load_text(source, "x.txt", "text")
    assert doc.text == "Our tool helps you ship faster."
    for word in doc.words:
        from plainpitch.model import Span

        start, end = doc.source_span(Span(word.start, word.end))
        assert source[start:end] == word.text
    helps = next(w for w in doc.words if w.text == "helps")
    from plainpitch.model import Span

    start, _ = doc.source_span(Span(helps.start, helps.end))
    assert doc.line_col(start) == (2, 3)


def test_source_map_length_is_checked():
    import pytest

    with pytest.raises(ValueError):
        build_document("x", "abc", [Block("paragraph", "abc", 0, [0, 1])])


def _markdown_page():
    from pathlib import Path

    return (Path(__file__).resolve().parents[1] / "examples" / "landing-page.md").read_text(encoding="utf-8")


def test_a_long_document_segments_as_its_pieces_do():
    """Many copies of a page in one Document: every copy's sentences and words are the single page's, shifted by
    where the copy starts (the segmenter keeps nothing that grows with the document's length)."""
    from plainpitch.text.segment import JOIN

    page = _markdown_page().split("\n---\n", 1)[1].lstrip()  # the body: front matter opens a file only once
    one = load_text(page, "page.md")
    copies = 40
    many = load_text("\n\n".join([page] * copies), "page.md")
    assert len(many.sentences) == copies * len(one.sentences) and len(many.words) == copies * len(one.words)
    step = len(one.text) + len(JOIN)
    n_units, n_sentences = len(one.units), len(one.sentences)
    for k in (0, 1, copies // 2, copies - 1):
        shift = k * step
        sentences = many.sentences[k * n_sentences : (k + 1) * n_sentences]
        assert [(s.start - shift, s.end - shift, s.text, s.unit - k * n_units) for s in sentences] == [
            (s.start, s.end, s.text, s.unit) for s in one.sentences
        ]
        words = many.words[k * len(one.words) : (k + 1) * len(one.words)]
        assert [(w.start - shift, w.text, w.sentence - k * n_sentences) for w in words] == [
            (w.start, w.text, w.sentence) for w in one.words
        ]


def test_a_unit_copied_verbatim_keeps_no_map_and_maps_the_same():
    """A block whose map is one run of the source (most Markdown units) is held without a per-character map, and
    every offset maps to the same source offset as through the map."""
    source = "# Title\n\nPlain words here.\n\nSome **bold** words.\n"
    explicit = [Block("paragraph", "Plain words here.", 9, list(range(9, 26))),
                Block("paragraph", "Some bold words.", 28, [28, 29, 30, 31, 32, 35, 36, 37, 38, 41, 42, 43, 44, 45, 46, 47])]  # fmt: skip
    doc = build_document("x.md", source, explicit)
    plain, bold = doc.units
    assert plain.source_map is None and bold.source_map is not None
    for offset in range(plain.start, plain.end + 3):
        assert plain.to_source(offset) == 9 + offset - plain.start
    assert [source[bold.to_source(o)] for o in range(bold.start, bold.end)] == list("Some bold words.")
    md = load_text(_markdown_page(), "page.md")
    for unit in md.units:
        if unit.source_map is None:  # held without a map: each character sits at its place in the source (a
            # line break the unit reads as a space included)
            source = md.source[unit.source_start : unit.source_start + unit.end - unit.start]
            assert all(a == b or a.isspace() and b.isspace() for a, b in zip(source, md.unit_text(unit), strict=True))


def test_sentences_are_held_compact_and_read_as_a_tuple_of_sentences():
    """Document.sentences keeps int arrays, not a Sentence per sentence; what a rule reads is unchanged."""
    import pickle

    from plainpitch.model import Sentence, Sentences

    doc = load_text("We ship fast. You save time!\n\nReady? Go now.\n\nNo stop here", "x.txt", "text")
    sents = doc.sentences
    assert isinstance(sents, Sentences)
    expected = tuple(
        Sentence(s, e, doc.text[s:e], u, ws, we)
        for s, e, u, ws, we in (
            (0, 13, 0, 0, 3), (14, 28, 0, 3, 6), (30, 36, 1, 6, 7), (37, 44, 1, 7, 9), (46, 58, 2, 9, 12),
        )
    )  # fmt: skip
    assert [s.text for s in sents] == ["We ship fast.", "You save time!", "Ready?", "Go now.", "No stop here"]
    assert sents == expected and tuple(sents) == expected and len(sents) == 5
    assert sents[1] == expected[1] and sents[-1] == expected[-1] and sents[1:3] == expected[1:3]
    assert sents[::2] == expected[::2] and list(reversed(sents)) == list(reversed(expected))
    assert sents.index(expected[3]) == 3 and expected[2] in sents
    assert [w.text for w in doc.sentence_words(sents[3])] == ["Go", "now"] and sents[3].word_count == 2
    assert {sents[0]: 1}[expected[0]] == 1  # hashable and equal by value, as the dataclass was
    again = pickle.loads(pickle.dumps(doc))
    assert again.sentences == sents and tuple(again.sentences) == expected
    assert not load_text("", "x.txt", "text").sentences


def test_units_without_an_end_mark_are_one_trimmed_sentence():
    """A unit with no end mark inside is one sentence, trimmed (the shortcut), beside one split by the rules."""
    doc = build_document("x.txt", "", [Block("paragraph", "Fast setup", 0, None), Block("heading", "  Pricing  ", 0, None),
                                        Block("paragraph", "Call Dr. Who. e.g. now. Then go.", 0, None)])  # fmt: skip
    assert [s.text for s in doc.sentences] == ["Fast setup", "Pricing", "Call Dr. Who. e.g. now.", "Then go."]
    assert [[w.text for w in doc.sentence_words(s)] for s in doc.sentences] == [
        ["Fast", "setup"], ["Pricing"], ["Call", "Dr", "Who", "e.g", "now"], ["Then", "go"]]  # fmt: skip
    assert [(s.start, s.end) for s in doc.sentences] == [(0, 10), (14, 21), (25, 48), (49, 57)]
