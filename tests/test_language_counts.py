"""looks_english counts each distinct word once: the same verdict as the ratio over the list of every letters-only
word, at the edges (20 words, a ratio of 0.08), with capitals, digits and punctuation in the words, and on the
tuple of Tokens a rule's scoped view holds."""

import random
from dataclasses import replace

from plainpitch.ingest import load_text
from plainpitch.text.language import _COMMON, ENGLISH_ONLY, english_ratio, looks_english


def _by_the_list(doc) -> bool:
    words = [t.text for t in doc.words if t.text.isalpha()]
    if len(words) >= 60 and not any(w.lower() in ENGLISH_ONLY for w in words):
        return False
    return True if len(words) < 20 else english_ratio(words) >= 0.08


def test_the_verdict_is_that_of_the_ratio_over_every_word():
    rng = random.Random(7)
    common = ["the", "The", "THE", "and", "You", "our", "it's", "of"]
    other = ["Straße", "lavoro", "rapide", "équipe", "x2", "42", "Zeit", "über", "año"]
    verdicts = set()
    for _ in range(400):
        n = rng.randrange(12, 60)
        share = rng.choice((0.0, 0.05, 0.07, 0.08, 0.09, 0.1, 0.3))
        words = [rng.choice(common) if rng.random() < share else rng.choice(other) for _ in range(n)]
        doc = load_text(" ".join(words) + ".", "page.txt")
        expected = _by_the_list(doc)
        verdicts.add(expected)
        assert looks_english(doc) == expected, words
        assert looks_english(replace(doc, words=tuple(doc.words))) == expected, words
    assert verdicts == {True, False}


def test_the_edges_of_twenty_words_and_a_ratio_of_eight_percent():
    for alpha, common in ((19, 0), (20, 0), (20, 1), (20, 2), (25, 2), (50, 4), (50, 3), (100, 8), (100, 7)):
        words = ["the"] * common + ["lavoro"] * (alpha - common) + ["42", "x2"]
        doc = load_text(" ".join(words) + ".", "page.txt")
        assert looks_english(doc) == _by_the_list(doc), (alpha, common)


def test_the_english_only_words_are_those_no_other_language_shares():
    import wordfreq

    others = ("es pt fr de it nl ro sh pl sv id tr da nb fi cs hu ca sk sl ms vi").split()
    shared = set().union(*(wordfreq.top_n_list(lang, 100) for lang in others))
    assert ENGLISH_ONLY == _COMMON - shared


def test_prose_in_another_language_is_not_english_though_it_shares_short_words():
    portuguese = ("Você recebeu este e-mail porque se cadastrou na AgroFer Trader. A safra de soja chegou ao porto "
                  "e o preço do milho subiu na semana. No mercado de fertilizantes a ureia caiu de novo, e a "
                  "potássio ficou estável. Veja a análise do mercado e o calendário de entregas do mês. A equipe "
                  "da AgroFer responde a todas as perguntas por e-mail ou telefone. Obrigado por ler, até a "
                  "próxima edição do boletim.")
    assert not looks_english(load_text(portuguese, "news.txt"))
    # an English price list: few function words, but some of them English alone
    english = " ".join(f"Plan {n} includes backups, support, reports and alerts for teams; see it with your team."
                       for n in range(6))
    assert looks_english(load_text(english, "prices.txt"))
