"""Proof and page kinds read from a page's data fields (plainpitch.analysis.proof, genre, asks): what the layout
renders from the front matter counts as what the visitor sees; a free program is not sold with testimonials."""

import pytest

from plainpitch.config import Config
from plainpitch.engine import analyze
from plainpitch.ingest import load_text

BODY = ("# Invoices that chase themselves\n\n" + ("Acme sends polite reminders until every invoice is paid. "
        "It matches payments to invoices and tells you who is late. " * 8) + "\n\n[CTA: Start my free trial]\n")


def codes(text, name="page.md"):
    return [f.code for f in analyze(load_text(text, name, "markdown"), Config()).findings]


QUOTES = """testimonials:
  enable: true
  title: "What Our Clients Say"
  testimonials_quotes:
    - quote: "Very good experience with Jay. Will connect again for my next tax filing, no doubt."
      name: "Mayur Vedpathak"
      designation: "Managing Director"
    - quote: "Very polite and professional. Handled my filing efficiently and on time, thank you."
      name: "Senthil Kumar"
      designation: "Financial Analyst"
"""
ONE_QUOTE = """blocks:
  - _block_type: content/quote
    image_alt: Jim James
    content_markdown: Acme has shaped the business we have today. We have a repeatable process and a plan to grow.
    author: Jim James - CEO of Global Corp.
"""
COUNTER = """numbers:
  - icon: 'images/customers.svg'
    counter: '200'
    counter_suffix: '+'
    content: 'clients satisfied with our services'
"""


# a section the layout fills with quotes from the site's data, titled in the page's fields
SECTION = 'testimonials:\n  title: "What Our Community Says"\n  subtitle: "Real stories from the women we support"\n'


@pytest.mark.parametrize("fields", [QUOTES, ONE_QUOTE, COUNTER, SECTION],
                         ids=["quotes-list", "one-quote-block", "counter", "titled-section"])
def test_proof_the_layout_renders_from_the_front_matter_is_proof(fields):
    assert "PRF001" in codes(BODY)
    assert "PRF001" not in codes(f"---\ntitle: Acme\n{fields}---\n{BODY}")


@pytest.mark.parametrize("fields", [
    "features:\n  - name: Reminders\n    description: Polite reminders go out on their own until every invoice is paid.\n",
    "numbers:\n  - counter: '3'\n    content: 'clients on the starter plan'\n",  # a plan's limit, not a crowd
    'reviews:\n  enable: true\n',  # a switch, no section title: nothing says the page shows reviews
], ids=["feature-with-a-name", "small-count", "untitled-switch"])
def test_features_and_plan_limits_in_fields_are_not_proof(fields):
    assert "PRF001" in codes(f"---\ntitle: Acme\n{fields}---\n{BODY}")


def test_a_dated_page_filed_under_tags_is_a_post_and_owes_no_proof():
    assert "PRF001" not in codes(f"---\ntitle: Launch\ndate: 2020-10-18\ntags: [launch, v0]\n---\n{BODY}")
    assert "PRF001" in codes(f"---\ntitle: Launch\ndate: 2020-10-18\n---\n{BODY}")  # a site generator dates every page


def test_a_program_under_an_open_source_licence_is_not_sold_with_testimonials():
    badge = "![License: MIT](https://img.shields.io/badge/License-MIT-green.svg)\n\n"
    app = ("# A calculator in your menu bar\n\n" + ("MenuCalc opens a calculator from the menu bar, even over full-screen "
           "apps. It keeps your last result in view and looks like the calculator you know. " * 8)
           + "\n\n[CTA: Download for macOS]\n")
    assert "PRF001" not in codes(badge + app)
    assert "PRF001" in codes(badge + app.replace("Download for macOS", "Start my free trial"))  # a trial is a sale
    background = app.replace("It matches", "We have contributed to open-source projects for years. It matches", 1)
    assert "PRF001" in codes(background)  # mentioning open source is no licence: this page still sells


@pytest.mark.parametrize("line", ["Message me and I'll come over to see how bad it is.",
                                  "Message or call me, and I'll be over there for a free estimate.",
                                  "Text me and we can find a day that suits you."])
def test_a_sole_traders_message_me_is_an_ask(line):
    page = ("# Roof repairs in Leeds\n\n" + "I fix leaking roofs, broken tiles and blocked gutters for homeowners. " * 6
            + "\n\n" + line + "\n\n## What I fix\n\n- Foundation issues\n- Broken tiles\n")
    without = page.replace(line, "I have worked on roofs for twenty years.")
    assert "CTA001" not in codes(page)
    assert "CTA001" in codes(without)


def test_a_list_under_a_heading_of_whom_the_writer_worked_with_is_proof():
    page = BODY + "\n## Other nonprofits I've worked with:\n\n* The SEED\n* Rosemount Center\n* Temple College Foundation\n"
    assert "PRF001" not in codes(page)
    assert "PRF001" in codes(page.replace("Other nonprofits I've worked with:", "Other things I like"))


def test_a_quote_captioned_with_a_name_a_dash_and_a_role_is_a_testimonial():
    quote = ("\n<p>I look at the dashboard and know how many invoices are on the way and when they will be paid.</p>\n"
             "<div>Jasmine Fleming - Freelance Writer</div>\n")  # fmt: skip
    page = "<h1>Invoices that chase themselves</h1>\n<p>" + BODY.split("\n\n")[1] + "</p>\n<a href='/start'>Start my free trial</a>"
    assert "PRF001" in codes(page, "page.html")
    assert "PRF001" not in codes(page + quote, "page.html")


def test_a_button_that_says_it_cannot_be_pressed_yet_is_no_ask():
    page = "# Plans\n\nPro gives you every report, every week, for your whole team.\n\n[Coming Soon](#)\n"
    assert "CTA008" not in codes(page)
    assert "CTA008" in codes(page.replace("Coming Soon", "Get Pro"))


def test_a_readme_owes_no_proof_even_when_it_sells():
    readme = ("# Readdown\n\nA Markdown reader for the Mac that opens in under a second. " * 8
              + "\n\n[Download for Mac](https://github.com/a/readdown/releases/latest)\n")  # fmt: skip
    for name in ("README.md", "docs/app-readme.md"):
        assert "PRF001" not in codes(readme, name)
    assert "PRF001" in codes(readme, "landing.md")  # the same words on a page that sells
    # judged blind, 'no proof' on a README was right and useful once in seven, a selling one included
    trial = readme.replace("opens in", "comes with a 14-day trial and opens in")
    assert "PRF001" in codes(trial, "landing.md") and "PRF001" not in codes(trial, "README.md")


def test_cloning_the_repository_is_a_readmes_ask():
    readme = ("# Landing page template\n\nA responsive landing page for an app, with a hero, features, screenshots and "
              "a FAQ. It works on every device and needs no build step at all.\n\n## Setup\n\n"
              "1. Clone or download this repository\n2. Open `index.html` in your browser\n")  # fmt: skip
    assert "CTA001" not in codes(readme, "README.md")
    assert "CTA001" in codes(readme.replace("Clone or download this repository", "Look at the files"), "README.md")


def test_an_html_template_that_says_you_received_it_as_email_is_an_email_and_owes_no_page_proof():
    from plainpitch.medium import looks_like_email

    html = ("<h1>Last chance to grab your items</h1><p>We can only keep your cart for 24 more hours. " * 6
            + "</p><a href='/cart'>Complete your purchase</a><p>You received email because you started a checkout "
            "at our shop and did not finish.</p>")  # fmt: skip
    doc = load_text(html, "cart.tpl", "template")
    assert looks_like_email(doc)
    assert not looks_like_email(load_text(html.replace("You received email because", "We saw that"), "cart.tpl", "template"))
    faq = html.replace("You received email because you started", "Why are you receiving emails? Because you started")
    assert not looks_like_email(load_text(faq, "cart.tpl", "template"))  # a page's question about e-mail


def test_a_counter_the_site_fills_and_people_served_under_their_own_names_are_proof():
    from plainpitch.analysis.proof import find_proof

    stat = "<div><strong>{{ site.studentsPlaced }}</strong><span>Students placed abroad</span></div>"
    assert [p.kind for p in find_proof(load_text(stat, "landing.njk", "template"))] == ["customers"]
    assert [p.kind for p in find_proof(load_text("Over 2,000 students trained since 2010.", "x.txt"))] == ["customers"]
    limit = "<div><strong>{{ plan.seats }}</strong><span>Seats on the Team plan</span></div>"
    assert find_proof(load_text(limit, "pricing.njk", "template")) == []


@pytest.mark.parametrize("fields", [
    QUOTES.replace("Mayur Vedpathak", "John Doe").replace("Senthil Kumar", "Jane Doe"),
    ONE_QUOTE.replace("Jim James - CEO", "John Doe - CEO"),
], ids=["quotes-list", "one-quote-block"])
def test_a_template_s_sample_quotes_signed_by_nobody_are_not_proof(fields):
    assert "PRF001" in codes(f"---\ntitle: Acme\n{fields}---\n{BODY}")


def test_a_page_whose_every_buy_link_goes_to_a_marketplace_item_owes_no_proof_of_its_own():
    roundup = BODY.replace("[CTA: Start my free trial]", "- Door lock: https://www.amazon.com/dp/B08L7DNXT9\n"
                           "- Alarm: https://amzn.to/3SMWw86")  # fmt: skip
    assert "PRF001" in codes(BODY) and "PRF001" not in codes(roundup)
    mixed = roundup + "\n\n[Start my free trial](https://acme.example/signup)\n"  # the seller's own sign-up: owes proof
    assert "PRF001" in codes(mixed)
    checkout = roundup.replace("https://www.amazon.com/dp/B08L7DNXT9", "https://buy.stripe.com/aFae").replace(
        "https://amzn.to/3SMWw86", "https://buy.stripe.com/dRma")  # a hosted checkout shows no reviews
    assert "PRF001" in codes(checkout)


def test_a_page_whose_every_ask_is_a_referral_link_to_another_site_owes_no_proof_of_its_own():
    referrer = BODY.replace("[CTA: Start my free trial]", "[Start mining with NiceHash](https://www.nicehash.com/?refby=RH1)"
                            "\n\n[Try Kryptex](https://www.kryptex.com/?ref=a8b46154)")  # fmt: skip
    assert "PRF001" not in codes(referrer)
    # the seller's own sign-up beside them, or a link that only names where the visit came from on the seller's site
    assert "PRF001" in codes(referrer + "\n\n[Start my free trial](https://acme.example/signup)\n")
    assert "PRF001" in codes(BODY.replace("[CTA: Start my free trial]",
                                          "[Start my free trial](https://acme.example/signup?utm_source=ph)"))


def test_a_list_of_case_studies_in_fields_is_proof_but_use_cases_are_not():
    cases = "case_studies:\n  cases:\n    - client: Bakery Ruiz\n      site: ruiz.example\n    - client: Kiln & Co\n      site: kiln.example\n"
    assert "PRF001" not in codes(f"---\ntitle: Acme\n{cases}---\n{BODY}")
    uses = "use_cases:\n  - title: Reminders for freelancers\n  - title: Reminders for agencies\n"
    assert "PRF001" in codes(f"---\ntitle: Acme\n{uses}---\n{BODY}")


def test_a_case_studys_results_label_over_numbers_is_proof():
    results = ("\n\n## A logistics firm\n\n**Challenge:** deployments failed every week.\n\n**Results:**\n\n"
               "- 85% reduction in deployment-related failures\n- 40% growth in releases a month\n")  # fmt: skip
    page = BODY.replace("\n\n[CTA: Start my free trial]", results + "\n[CTA: Start my free trial]")
    assert "PRF001" in codes(BODY) and "PRF001" not in codes(page)
    assert "PRF001" in codes(page.replace("**Results:**", "**Plans:**"))  # the same numbers under another label
