"""Stand-in details (CLR005, plainpitch.text.stand_ins): a template's example value left where the real one belongs
is reported; a real value, an example told as one and a template's own fields are not."""

import pytest

from plainpitch.config import Config
from plainpitch.engine import analyze
from plainpitch.ingest import load_text
from plainpitch.text import stand_ins

BODY = "# Emergency plumbing in Leeds\n\nA plumber at your door within the hour, with every part in the van.\n\n"


def kinds(text):
    return [(text[s:e], k) for s, e, k in stand_ins.find(text)]


@pytest.mark.parametrize(("line", "found"), [
    ("Call us: (555) 123-4567", [("(555) 123-4567", "phone")]),
    ("Emergency call: (212) 555-1234", [("555-1234", "phone")]),
    ("Phone: 123-456-7890 or 020-12345678", [("123-456-7890", "phone"), ("020-12345678", "phone")]),
    ("Write to support@yoursite.com or visit www.yoursite.com", [("support@yoursite.com", "email"),
                                                                  ("www.yoursite.com", "site")]),
    ("Send an email to your.email@example.com", [("your.email@example.com", "email")]),
    ("Website: example.com", [("example.com", "site")]),
    ("\u201cBest tool I've used.\u201d \u2014 Jane Doe, Lead Developer", [("Jane Doe", "person")]),
    ("| Open rate | x% | Click rate | XX% |", [("x%", "figure"), ("XX%", "figure")]),
    ("Basic LLC Formation: Starting at $XXX + state fees", [("$XXX", "price")]),
    ("Setup €XX, then $X,XXX a year or £XX.XX a month", [("€XX", "price"), ("$X,XXX", "price"), ("£XX.XX", "price")]),
    ("Questions? Contact support@[yourdomain].com", [("support@[yourdomain].com", "email")]),
    ("Phone: +48-XXX-XXX-XXX or 07xx xxx xxx", [("+48-XXX-XXX-XXX", "phone"), ("07xx xxx xxx", "phone")]),
    ("WhatsApp 61XXXXXXXXX", [("61XXXXXXXXX", "phone")]),
    ("- **GitHub:** https://github.com/yourusername/shield-js", [("https://github.com/yourusername", "site")]),
    ("Contributors: your_username", [("your_username", "handle")]),  # a plugin readme's header, left as written
    ("Follow @yourhandle for launch news", [("@yourhandle", "handle")]),
])
def test_a_stand_in_is_found_by_its_shape(line, found):
    assert kinds(line) == found


@pytest.mark.parametrize("line", [
    "Call us: 0113 496 0321 or +44 20 7946 0958",  # real numbers
    "Write to hello@acme-plumbing.co.uk",
    "Business e-mail (e.g. procurement@company.com)",  # an example, told as one
    "Wildcard subdomains (project.yourdomain.com) work out of the box",  # an illustration, not a contact
    "Book a time here: https://cal.example.com/sam/30min",  # a subdomain: not the site itself
    "Save 20% a year; 4,555 customers",
    "If you charge $X a month and keep a client a year, each is worth 12 times $X",  # a sum's unknown
    "Sizes from S to $XXL",  # not an amount
    "Sizes 2XL and 3XL; order XXXX-1234",  # X's that are not a number's digits
    "Card 4242 XXXX XXXX 4242 saved",
    "Star us at github.com/yourtools/acme",  # a real handle that starts with 'your'
    "Open the help desk by going to yourwebsite.com/support.",  # a page the plugin makes on the reader's own site
    "Sign in with your username and password.",  # an instruction to the reader
  # a card shown masked: not a phone number's length
    "WhatsApp us (e.g. +254 7XX XXX XXX)",  # an example, told as one
])
def test_real_values_and_announced_examples_are_not_stand_ins(line):
    assert kinds(line) == []


def test_a_bracketed_address_is_a_field_in_a_template_but_a_detail_left_elsewhere():
    left = BODY + "Contact us for pricing: [your-email@example.com]\n"
    template = BODY + "Hi [First Name],\n\nContact us for pricing: [your-email@example.com]\n"
    def clr005(text):
        return [f.text for f in analyze(load_text(text, "p.md", "markdown"), Config()).findings if f.code == "CLR005"]
    assert clr005(left) == ["your-email@example.com"]
    assert clr005(template) == []
    # a price in X's: left on a page, but one more field among a template's
    assert clr005(BODY + "Starting at $XXX a month.\n") == ["$XXX"]
    assert clr005(BODY + "Hi [First Name],\n\n[Product 1] - was $XX, now $XX.\n") == []


def test_one_finding_per_page_with_the_count_and_a_contact_detail_is_an_error():
    page = BODY + "Call us now: (555) 123-4567\n\nOr write to help@example.com.\n\n> Great service. \u2014 Jane Doe\n"
    (finding,) = [f for f in analyze(load_text(page, "p.md", "markdown"), Config()).findings if f.code == "CLR005"]
    assert finding.message == "A phone number left as a template's stand-in: '(555) 123-4567' and 2 more"
    assert finding.severity == "error" and finding.data["kinds"] == ["email", "person", "phone"]
    assert len(finding.data["uses"]) == 2


@pytest.mark.parametrize(("line", "name", "found"), [
    ("Call [Your Phone Number] for a free mock-up.", "landing.md", ["[Your Phone Number]"]),
    ("> It paid for itself in a month. — [NAME], [ROLE]", "landing.md", ["[NAME]"]),
    ("> We shipped in a week. — [Spokesperson Name], [Title]", "press-release.md", ["[Title]"]),
    ("Call [Your Phone Number] for a free mock-up.", "landing-page-template.md", []),  # a template by its name
    ("Call [Your Phone Number] for a free mock-up.", "outreach-emails.md", []),  # e-mails, filled when sent
    ("Call {{ phone }} or [Your Phone Number] for a free mock-up.", "landing.md", []),  # an engine fills the file
    ("Dear [Client.FirstName], here is the plan.", "landing.md", []),  # a merge tool's notation
    ("- [x] Works on macOS and [Windows]; Windows 11 only.", "landing.md", []),  # a ticked box; a word written plain too
])
def test_a_field_in_plain_words_left_on_a_page_is_a_stand_in(line, name, found):
    doc = load_text(BODY + line + "\n", name, "markdown")
    assert [f.text for f in analyze(doc, Config()).findings if f.code == "CLR005"] == found


def test_a_field_word_among_bracketed_buttons_is_a_label():
    footer = BODY + "[GitHub] [Documentation] [Blog] [Contact]\n"
    assert [f.code for f in analyze(load_text(footer, "landing.md", "markdown"), Config()).findings if f.code == "CLR005"] == []
    bio = BODY + "Chas [Last Name] has taught for [X] years.\n"
    assert [f.text for f in analyze(load_text(bio, "landing.md", "markdown"), Config()).findings if f.code == "CLR005"] == ["[Last Name]"]


def test_a_stand_in_domain_the_page_writes_as_its_own_name_is_the_sellers_brand():
    page = BODY + "Search a name at DOMAIN.COM and own it in a minute.\n\nWhy Domain.com? Twenty years of names.\n"
    assert [f.code for f in analyze(load_text(page, "p.md", "markdown"), Config()).findings if f.code == "CLR005"] == []
    stand_in = BODY + "Search a name at DOMAIN.COM and own it in a minute.\n"
    assert [f.text for f in analyze(load_text(stand_in, "p.md", "markdown"), Config()).findings if f.code == "CLR005"] == ["DOMAIN.COM"]


@pytest.mark.parametrize(("line", "reported"), [
    ('- Target specific keywords like "Invisalign in [your city]"', False),  # an example phrase, quoted
    ("- Posts such as “Braces in [Your City]: what to expect” every week", False),
    ('Call [Your Phone Number] for a "free" mock-up', True),  # quotation marks elsewhere on the line
    ('A "free" mock-up: call [Your Phone Number] today', True),
])
def test_a_field_inside_a_quoted_example_is_the_example_not_a_detail_left(line, reported):
    page = BODY + line + "\n"
    found = [f.text for f in analyze(load_text(page, "p.md", "markdown"), Config()).findings if f.code == "CLR005"]
    assert bool(found) == reported, found


@pytest.mark.parametrize(("href", "stand_in"), [
    ("https://wa.me/61XXXXXXXXX", True), ("tel:+1-XXX-XXX-XXXX", True), ("tel:+61412345678", False),
    ("https://wa.me/61412345678", False), ("https://example.com/XXXXXXX", False),
])
def test_a_phone_or_messenger_link_to_a_number_in_x_s_is_a_stand_in(href, stand_in):
    assert stand_ins.stand_in_number(href) is stand_in


def test_a_text_that_opens_by_saying_it_is_a_template_has_fields_by_design():
    kit = ("# Press releases\n\nTwo templates: an announcement before the event and a report after it.\n\n"
           "**Headline:** Boats from corks race on the creek\n\nYoung and old are invited to build a boat that fits on "
           "a sheet of paper. Press contact: [Your Phone Number].\n")  # fmt: skip
    def clr005(text):
        return "CLR005" in {f.code for f in analyze(load_text(text, "p.md", "markdown"), Config(medium="page")).findings}
    assert not clr005(kit)
    assert clr005(kit.replace("Two templates: an announcement", "Two dates to keep: an announcement"))
    # a product that offers templates says nothing about the text itself
    assert clr005(kit.replace("Two templates: an announcement before", "Notes, templates and exports: an announcement before"))
