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
