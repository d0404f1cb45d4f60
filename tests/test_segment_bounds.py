"""A unit with no sentence end is one sentence, trimmed: with or without space around it, as _trim makes it."""

from plainpitch.text.segment import Block, build_document


def test_a_unit_without_an_end_is_one_trimmed_sentence():
    texts = ["Fast builds", "  Fast builds", "Fast builds \t", " \nFast builds\n ", "x", " x", "x "]
    doc = build_document("t.md", "", [Block("heading", t, 0) for t in texts])
    for unit, sentence in zip(doc.units, doc.sentences, strict=True):
        assert sentence.text == doc.unit_text(unit).strip()
        assert (sentence.start, sentence.end) == (unit.start + len(doc.unit_text(unit)) - len(doc.unit_text(unit).lstrip()),
                                                  unit.end - (len(doc.unit_text(unit)) - len(doc.unit_text(unit).rstrip())))
    assert [w.text for w in doc.words] == ["Fast", "builds"] * 4 + ["x"] * 3
