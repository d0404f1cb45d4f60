"""Typos (CLR004, plainpitch.text.spelling): a slip of the keyboard is reported with the word meant; a name, a
coinage, a word of another language or a customer's words never are."""

import pytest

from plainpitch.config import Config
from plainpitch.engine import analyze
from plainpitch.ingest import load_text
from plainpitch.text.spelling import correction

BODY = ("Our bookkeepers close your books every month and send you a one-page report you can read in five minutes. "
        "You see where the money went, what you owe in tax and how much you can spend next month without worry. ")


def typos(text, name="page.md", fmt="markdown", **config):
    return [f for f in analyze(load_text(text, name, fmt), Config(**config)).findings if f.code == "CLR004"]


@pytest.mark.parametrize("slip, meant", [
    ("necesary", "necessary"),  # a letter dropped
    ("helpfull", "helpful"),  # a letter doubled
    ("stratgey", "strategy"),  # two letters swapped
    ("desparately", "desperately"),  # one changed
    ("employess", "employees"),
    ("questoins", "questions"),
    ("scalling", "scaling"),  # a doubled l where the word has none to double ("scal" is no word)
])
def test_a_slip_one_edit_from_a_common_word_is_corrected(slip, meant):
    assert correction(slip) == meant


@pytest.mark.parametrize("word", [
    "necessary", "colleagues", "reconciled",  # English, and a regular inflection of a headword
    "Necesary",  # capitalised: a name or a brand as far as spelling can tell
    "teh",  # too short to tell from an abbreviation
    "middleware", "webhooks",  # words software documentation uses
    "prover", "fundraise", "verifier",  # another form of a common word (prove, fundraiser, verified), not a slip
    "xarray", "overage",  # the first letter differs from the near word: a coinage, not a slip
    "zxqvbnm",  # nothing English is one edit away
    "louvers", "traveled", "modelling",  # the American or British spelling of a word the dictionary knows otherwise
    "spammy", "glitchy",  # an adjective made of a noun the dictionary knows (spam, glitch)
    "evals",  # the plural of a word software documentation uses (eval)
])
def test_words_names_coinages_and_forms_are_not_misspelt(word):
    assert correction(word) is None


def test_one_finding_per_misspelt_word_with_its_later_uses_and_the_word_meant():
    text = (f"# Bookkeeping for shops\n\n{BODY}We do every step that is necesary, and only what is necesary.\n\n"
            "Our stratgey is simple: you sell, we count.\n")
    found = typos(text)
    assert [(f.text, f.message) for f in found] == [
        ("necesary", "Misspelt: 'necesary' (did you mean 'necessary'?)"),
        ("stratgey", "Misspelt: 'stratgey' (did you mean 'strategy'?)"),
    ]
    first = found[0]
    assert len(first.data["uses"]) == 1
    assert [s.replacement for s in first.suggestions] == ["necessary"]
    source = load_text(text, "page.md", "markdown").source
    start, end = first.data["uses"][0]
    assert source[start:end] == "necesary"


def test_the_suggestion_substituted_reads_as_the_word_meant():
    text = f"{BODY}We do every step that is necesary to open your books.\n"
    doc = load_text(text, "page.md", "markdown")
    (finding,) = [f for f in analyze(doc, Config()).findings if f.code == "CLR004"]
    start, end = doc.source_span(finding.span)
    fixed = doc.source[:start] + finding.suggestions[0].replacement + doc.source[end:]
    assert "every step that is necessary to open your books" in fixed


@pytest.mark.parametrize("where", [
    "> We found every step that is necesary in one afternoon, and it paid for itself.\n>\n> — Ana Ruiz, Owner",
    "Run `necesary --fix` on the folder.",  # code
    "See https://example.org/necesary for the steps.",  # an address
    "Follow @necesary for updates.",  # a handle
    "The Necesary app and the necesary plan.",  # spelt capitalised elsewhere: a name
])
def test_a_customer_s_words_code_addresses_and_names_are_never_corrected(where):
    assert typos(f"{BODY}\n\n{where}\n") == []


def test_a_sentence_in_another_language_is_not_read_for_english_typos():
    # "servir" is one letter from "server", "momento" from "moment": Spanish words, not slips
    spanish = ("No conoces a tu cliente y tu página intentará servir a todos sin convertir a nadie. Es el momento de "
               "cambiar la estrategia y hablar con los clientes que ya tienes en tu lista de correo.")
    assert [f.text for f in typos(f"{BODY}\n\n{spanish}\n\nEvery step that is necesary.\n")] == ["necesary"]


def test_a_technical_reader_meets_lowercase_coinages_so_the_rule_holds_back():
    text = f"{BODY}We do every step that is necesary.\n"
    assert typos(text)
    assert typos(text, profile="technical") == []


def test_a_slip_in_a_short_line_of_an_html_page_is_read():
    # the word touches its tags, and a five-word line has too few small words to tell its language: the page decides
    html = f"<html><body><p>{BODY}</p><ul><li>Setting up Google Remarketing cmapaigns</li></ul></body></html>"
    assert [f.text for f in typos(html, "page.html", "html")] == ["cmapaigns"]


@pytest.mark.parametrize("line, word", [
    ("Read more in [the necesary guide](https://example.org/guide).", None),  # a link's words name what it links to
    ("It runs portably on every shop's till, and nothing is necesary to install.", "necesary"),  # an adverb of "portable"
])
def test_link_words_and_adverbs_of_english_adjectives_are_not_slips(line, word):
    assert [f.text for f in typos(f"{BODY}\n\n{line}\n")] == ([word] if word else [])


def test_a_line_set_in_capitals_is_read_for_typos_and_reported_as_written():
    from plainpitch.config import Config
    from plainpitch.engine import analyze
    from plainpitch.ingest import load_text

    page = ("# Our services\n\nWe help schools run their classes online and keep every parent informed.\n\n"
            "## ONLINE CLASS CORDINATION\n\nOne team plans the timetable, the links and the reminders.\n\n"
            "## CLASS CORDINATION\n\nThe same, for two words.\n")  # fmt: skip
    found = [f for f in analyze(load_text(page, "services.md", "markdown"), Config()).findings if f.code == "CLR004"]
    assert [(f.text, f.suggestions[0].replacement) for f in found] == [("CORDINATION", "COORDINATION")]
    assert found[0].location.line == 5  # the three-word heading; two words in capitals may be a name


def test_a_word_spelt_the_same_way_three_times_and_its_correction_never_is_the_writers_own():
    # fresh-73: traders' "perps" (perpetual futures), three times in a launch e-mail, read as a slip for "perks"
    text = (f"# Trade smarter\n\n{BODY}A front end for on-chain perps. Tell us what went wrong on a perps exchange. "
            "Most people liquidated on perps say the same thing.\n")  # fmt: skip
    assert [f.text for f in typos(text)] == []
    twice = text.replace("Most people liquidated on perps", "Most people liquidated there")
    assert [f.text for f in typos(twice)] == ["perps"]  # twice is still read as a slip
    beside = text + "\nMembers get perks too.\n"  # the word meant is on the page: three slips
    assert [f.text for f in typos(beside)] == ["perps"]
