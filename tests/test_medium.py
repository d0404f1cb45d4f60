"""The medium (page, email, proposal, text) from the loader's guess and the content; --medium overrides."""

from pathlib import Path

import pytest

from plainpitch.config import Config
from plainpitch.engine import analyze
from plainpitch.ingest import load_path, load_text
from plainpitch.medium import _ABOUT_ITSELF_RE, infer, looks_like_email, looks_like_proposal, speaks_of_itself

DATA = Path(__file__).parent / "data" / "sales"
ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "path,medium",
    [
        (DATA / "cold-email-long.eml", "email"),  # an email file
        (DATA / "cold-email-short.txt", "email"),  # plain text with a Subject line
        (DATA / "proposal.md", "proposal"),  # Proposal / Scope / Timeline / Investment headings
        (DATA / "landing.html", "page"),
        (ROOT / "examples" / "landing-page.md", "page"),
    ],
)
def test_real_files(path, medium):
    doc = load_path(path)
    assert infer(doc) == medium
    assert analyze(doc, Config()).medium == medium


def test_greeting_and_sign_off_make_an_email():
    doc = load_text("Hi Sam,\n\nYour team could close the month in three days.\n\nWorth a look?\n\nCheers,\nAna\n", "x.txt")
    assert looks_like_email(doc) and infer(doc) == "email"


def test_placeholder_greeting_in_markdown():
    doc = load_text("[First],\n\nSaw your team ramp up usage.\n\nUp for a chat?\n\nCheers,\nSam\n", "x.md", "markdown")
    assert infer(doc) == "email"


def test_greeting_without_sign_off_is_not_enough():
    doc = load_text("Hello world.\n\nThis is a tutorial about parsing.\n", "x.txt")
    assert not looks_like_email(doc) and infer(doc) == "text"


@pytest.mark.parametrize(("opening", "email"), [
    ("Hey Leon, our session last week seemed to land well.", True),  # a greeting by name: a letter, signed or not
    ("Dear Ms Ruiz,", True),
    ("Hi there, I'm Ana and I build websites for bakers.", False),  # pages greet too, but nobody by name
    ("Hello, I'm Ana and I build websites for bakers.", False),
    ("Hello everyone, welcome to the shop.", False),
])  # fmt: skip
def test_a_greeting_to_someone_by_name_makes_an_email_without_a_sign_off(opening, email):
    doc = load_text(f"# Asking for an introduction\n\n{opening}\n\nCould you introduce me to Simon and Scott?\n",
                    "x.md", "markdown")  # fmt: skip
    assert looks_like_email(doc) is email
    assert infer(doc) == ("email" if email else "page")


def test_a_sentence_opening_with_a_name_and_comma_is_no_greeting():
    doc = load_text("Thanks to Rust, we can ship faster.\n\nIt compiles to one binary.\n\nThanks, the team\n", "x.txt")
    assert infer(doc) == "text"


def test_one_proposal_word_is_not_a_proposal():
    doc = load_text("# Pricing\n\nPlans from $9.\n\n# Features\n\nFast sync.\n", "x.md", "markdown")
    assert not looks_like_proposal(doc) and infer(doc) == "page"


def test_plain_text_stays_text():
    assert infer(load_text("Acme syncs your databases. It is fast.\n", "x.txt")) == "text"


def test_medium_option_overrides_the_guess():
    doc = load_path(DATA / "proposal.md")
    assert analyze(doc, Config(medium="page")).medium == "page"
    assert analyze(load_path(DATA / "cold-email-short.txt"), Config(medium="text")).medium == "text"


def test_medium_picks_the_rules_that_apply():
    # STR102 (long cold email) runs on emails only: the same words as a page are not judged for it
    doc = load_path(DATA / "cold-email-long.eml")
    as_email = {f.code for f in analyze(doc, Config(select=("STR102",))).findings}  # off by default: selected
    as_page = {f.code for f in analyze(doc, Config(medium="page", select=("STR102",))).findings}
    assert "STR102" in as_email and "STR102" not in as_page


@pytest.mark.parametrize("text", [
    "You received this email because you signed up.", "Forward THIS E-MAIL to a friend.", "mail\nthis email",
    "Why are you receiving emails from us?", "did you receive this email", "Send this email address to us",
    "the above e-mail\n address", "you are\nreceiving emails", "a mail\n\nyou're receiving our e-mails",
    "this emails", "this emaİl", "no word of it", "", "mail", "this e-mail",
])  # fmt: skip
def test_speaking_of_itself_line_by_line_is_the_whole_text_search(text):
    assert speaks_of_itself(text) == bool(_ABOUT_ITSELF_RE.search(text))


@pytest.mark.parametrize(("label", "email"), [("**Subject line options:**", True), ("Subject lines:", True),
                                              ("**Preheader:** Courage over silence", True), ("Preview text: Hi", True),
                                              ("Subject matter: courage", False), ("Our subjects:", False)])
def test_a_copy_file_that_labels_an_emails_subject_or_preheader_is_an_email(label, email):
    page = f"# Welcome to Brave Voices\n\n{label}\n\nThank you for joining us. We write now and then with tools you can use.\n"
    assert (infer(load_text(page, "welcome.md", "markdown")) == "email") is email
