"""Forms real copy takes that the readers must see as a buyer does: an e-mail written in HTML for mail clients, a
button named in a copy deck, an ask that is a chat or calendar link, proof a layout renders from front matter, a
router's link, case studies laid out with bold labels, a page's metadata block, a Hugo shortcode, release notes, a
results section. Each was a wrong finding on
held-out texts (eval/blind/PROTOCOL.md)."""

import pytest

from plainpitch.analysis.asks import find_asks
from plainpitch.analysis.proof import find_proof
from plainpitch.config import Config
from plainpitch.engine import analyze
from plainpitch.ingest import load_text
from plainpitch.ingest.transcript.detect import sniff_text
from plainpitch.medium import infer
from plainpitch.model import Span

_STEPS = ("<p>Your account is ready. Here is how to set up your first class: add your pupils, pick a project and "
          "share the link with them.</p>\n<p>If anything goes wrong, reply and I will help.</p>\n")  # fmt: skip


@pytest.mark.parametrize(("style", "email"), [
    ("table, td { mso-table-lspace: 0pt; mso-table-rspace: 0pt; }", True),  # Outlook's table fix
    (".ExternalClass, .ExternalClass p { line-height: 100%; } #outlook a { padding: 0; }", True),
    ("a[x-apple-data-detectors] { color: inherit !important; }", True),
    ("body { font-family: sans-serif; } .hero { padding: 2rem; }", False),  # a page's styles
])  # fmt: skip
def test_html_written_for_mail_clients_is_an_email(style, email):
    page = f"<html><head><style>{style}</style></head><body><h1>Welcome to Calyx</h1>\n{_STEPS}</body></html>"
    report = analyze(load_text(page, "welcome.html"), Config())
    assert (report.medium == "email") is email
    if email:
        assert "STR105" not in {f.code for f in report.findings}  # a welcome e-mail may greet its reader


def test_a_greeting_by_merge_field_in_an_html_heading_is_an_email():
    page = f"<html><body><h1>Hi {{{{name}}}}, glad you're here</h1>\n{_STEPS}</body></html>"
    assert analyze(load_text(page, "welcome.html"), Config()).medium == "email"


def test_a_bold_button_line_under_a_product_is_an_ask_with_crlf_line_ends():
    draft = ("# Archive sale\r\n\r\nHi there,\r\n\r\nThe archive is open for two days.\r\n\r\n"
             "**Serum Bundle (3-Pack)**\r\nThree serums for the price of two.\r\n**VIP Price: $68** (with code VIP)\r\n"
             "**Shop Now**\r\n")  # fmt: skip
    asks = find_asks(load_text(draft, "sale.md", "markdown"))
    assert [(a.text, a.action) for a in asks] == [("Shop Now", "buy")]


@pytest.mark.parametrize(("line", "label"), [
    ("Button: `View your booking`, Signal Yellow, Hull Navy label.", "View your booking"),
    ("**Button Text: ENTER THE VAULT**", "ENTER THE VAULT"),
    ("Primary CTA – Book a call", "Book a call"),
    ("Buttons are yellow on every page.", None),
])  # fmt: skip
def test_a_copy_deck_naming_its_button_has_that_ask(line, label):
    deck = f"# Booking confirmation\n\nYour crossing is booked for Friday at nine.\n\n{line}\n"
    asks = [a for a in find_asks(load_text(deck, "letter.md", "markdown")) if a.kind == "cta"]
    assert [a.text for a in asks] == ([label] if label else [])


@pytest.mark.parametrize(("href", "action"), [
    ("https://t.me/webinar_bot?start=42", "contact"),
    ("https://calendar.google.com/calendar/render?action=TEMPLATE&text=Workshop", "meet"),
    ("https://wa.me/15551234567", "contact"),
    ("https://example.com/blog/why-context-matters", None),  # reading on is not acting
])  # fmt: skip
def test_a_link_to_a_chat_or_to_the_readers_calendar_is_a_way_to_act(href, action):
    mail = f"Hey Ana,\n\nYou're registered for Thursday's workshop. First, [connect here]({href}).\n\nSee you, Maria\n"
    asks = [a for a in find_asks(load_text(mail, "welcome.md", "markdown")) if a.kind == "inline"]
    assert [a.action for a in asks] == ([action] if action else [])


def test_a_button_the_layout_renders_from_front_matter_is_on_the_page():
    body = "## What you get\n\n" + "A fast, clean site for your business, written with you and live in two weeks. " * 5
    page = f'---\ntitle: "Website Design"\ncta: "Need a site that represents your business? Let\'s build it."\n---\n\n{body}\n'
    doc = load_text(page, "web-design.md", "markdown")
    assert [doc.unit_text(u) for u in doc.units if u.kind == "cta"] == [
        "Need a site that represents your business? Let's build it."
    ]
    assert "CTA001" not in {f.code for f in analyze(doc, Config()).findings}


def test_customer_logos_kept_in_front_matter_are_proof():
    body = "# Loans for New York\n\n" + "We lend to the small businesses that make this city, and we answer the phone. " * 8
    head = "---\nhero:\n  subhead: Some of our customers\n  logos:\n    - src: /img/joe.png\n      alt: Joe Coffee\n" \
           "    - src: /img/gin.png\n      alt: Gin Lane\n---\n"  # fmt: skip
    assert any(p.kind == "named" for p in find_proof(load_text(head + body, "index.md", "markdown")))
    lone = head.replace("    - src: /img/gin.png\n      alt: Gin Lane\n", "")  # one logo is not a row of customers
    assert not find_proof(load_text(lone + body, "index.md", "markdown"))


def test_a_reported_measurement_is_evidence():
    doc = load_text("# Scraper\n\nMeasured on 2026-09-16 from a datacenter VPS: 15 of 15 records on every page.\n",
                    "x.md", "markdown")  # fmt: skip
    assert [p.kind for p in find_proof(doc)] == ["benchmark"]


def test_a_routers_link_has_its_address_in_to():
    page = load_text('<p>Learn more in our <Link to="/backstage/">Ultimate Guide</Link>.</p>', "Home.jsx")
    links = [link for u in page.units for link in (u.attrs.get("links") or ())]
    assert [link["href"] for link in links] == ["/backstage/"]


@pytest.mark.parametrize(("line", "ask"), [
    ("**[Reserve Your Spot](#pricing)** | Route capped at 40 homes", True),
    ("[View on GitHub](https://github.com/acme/tool)", True),
    ("One predictable monthly fee – no per-visit surprises, ever.", False),
    ("There is no limit to how many times we visit in a month.", False),
    ("Visit our shop on Main Street.", True),
])  # fmt: skip
def test_reserving_shopping_and_a_repository_are_asks_and_a_visit_in_passing_is_not(line, ask):
    assert bool(find_asks(load_text(f"# Snow clearing\n\n{line}\n", "x.md", "markdown"))) is ask


_CASES = """# Fractional CTO

Senior technology leadership, two days a week.

## Success stories

### TechScale (Series A SaaS)
**Challenge:** 40 people, 12 engineers, a platform that would not scale.

**Solution:** six months on architecture and team structure.

**Results:** deployments in two hours, not two weeks.

### GrowthCorp (E-commerce)
**Challenge:** a legacy stack that limited growth.

**Solution:** twelve months leading the move to services.

**Results:** 99.9% uptime and pages 70% faster.
"""


def test_case_studies_with_the_same_bold_labels_are_copy_not_a_call():
    assert sniff_text(_CASES) is None
    call = "## Transcript\n\n**Ana:** How do you close the month today?\n\n**Ben:** In spreadsheets.\n\n" \
           "**Ana:** How long does it take?\n\n**Ben:** About two days.\n"  # fmt: skip
    assert sniff_text(call) == "granola"
    chapters = ("## Transcript\n\n**Ana:** How do you close the month?\n\n**Ben:** By hand.\n\n## Chapter 2\n\n"
                "**Ana:** How long?\n\n**Ben:** Five days.\n\n## Chapter 3\n\n**Ana:** Who signs?\n\n**Ben:** Maria.\n")  # fmt: skip
    assert sniff_text(chapters) is not None  # a call in chapters, one turn each: two people, not three fields


def test_press_release_templates_labelled_field_by_field_are_copy_not_a_call():
    releases = ("# Press releases\n\n## 1. Announcement\n\n**Headline:** Boats from corks race on the creek\n\n"
                "**Subheading:** The village invites everyone to build a boat\n\nYoung and old are invited to build a boat "
                "that fits on a sheet of paper.\n\n## 2. Report\n\n**Headline:** Forty home-made boats race down the "
                "creek\n\n**Subheading:** A clean creek and a happy village\n\nForty boats raced on Saturday.\n")  # fmt: skip
    assert sniff_text(releases) != "granola"
    assert load_text(releases, "press-release.md", "markdown").units  # read as copy, not refused as a call


def test_a_pelican_metadata_block_is_front_matter_not_copy():
    doc = load_text("Title: Fractional CTO Services\nDate: 2025-01-08\nSlug: services/cto\nTemplate: page\n\n"
                    "# Fractional CTO\n\nSenior technology leadership when you need it.\n", "cto.md", "markdown")  # fmt: skip
    assert doc.meta["front_matter"]["slug"] == "services/cto" and doc.meta["title"] == "Fractional CTO Services"
    assert "Slug" not in doc.text and "2025-01-08" not in doc.text
    letter = load_text("From: ana@acme.com\nTo: ben@example.com\n\nHi Ben,\n\nThe notes are attached.\n", "n.md",
                       "markdown")  # fmt: skip
    assert "front_matter" not in letter.meta


@pytest.mark.parametrize(("markup", "email"), [
    ("<x-mail::message>\n# Need a discount?\n\nHello again, your trial essays are used up.\n</x-mail::message>", True),
    ("@component('mail::message')\n# Need a discount?\n\nHello again, your trial essays are used up.\n@endcomponent", True),
    ('<table role="presentation"><tr><td><p>Your first gift funded eleven hours.</p></td></tr></table>'
     '<table role="presentation"><tr><td><p>Five short notes over thirty days.</p></td></tr></table>', True),
    ('<table role="presentation"><tr><td><p>Your first gift funded eleven hours.</p></td></tr></table>', False),
])  # fmt: skip
def test_laravel_mail_components_and_presentation_tables_make_an_email(markup, email):
    assert (infer(load_text(markup, "offer.blade.php" if "mail::" in markup else "gift.html")) == "email") is email


def test_a_copy_file_about_one_letter_is_an_email():
    deck = ("# Cold Email Template\n\n## Variables\n- `{{company_name}}` — target company\n\n## Body\n\n"
            "Hi {{contact_name}},\n\nI noticed {{company_name}} is hiring three engineers.\n\n"
            "Would a 15-minute call this week make sense?\n\nBest,\nPreem\n\n## Follow-up rules\n- Wait 3 days\n")  # fmt: skip
    doc = load_text(deck, "cold_email.md", "markdown")
    report = analyze(doc, Config())
    assert report.medium == "email" and [a.kind for a in find_asks(doc)] == ["question"]
    assert not {"CTA001", "PRF001"} & {f.code for f in report.findings}


def test_go_ahead_and_create_an_account_is_an_ask():
    post = "# Beta\n\nThe beta is open to everyone today. Go ahead and [create an account](/pricing)!\n"
    assert [a.action for a in find_asks(load_text(post, "beta.md", "markdown"))][:1] == ["start"]


def test_filler_a_layout_renders_from_front_matter_is_reported_and_its_prose_is_not_read():
    head = ('---\ntitle: "Oso Tech"\nabout:\n  heading: "About us"\n  description: "Far far away, behind the word '
            'mountains, far from the countries Vokalia and Consonantia, there live the blind texts."\n'
            '  note: "We answer every message within a working day, and we mean it."\n---\n')  # fmt: skip
    body = "# IT support for small offices\n\n" + "We keep your office online, your data backed up and your team working. " * 4
    doc = load_text(head + body, "_index.md", "markdown")
    assert "Vokalia" in doc.text and "every message within" not in doc.text  # the rest of the front matter: settings
    found = [f for f in analyze(doc, Config()).findings if f.code == "CLR003"]
    assert len(found) == 1 and found[0].text.startswith("Far far away") and found[0].location.line == 5


def test_a_yaml_block_of_copy_in_front_matter_is_read_line_by_line_at_its_place():
    page = ("---\ntitle: Upcoming courses\nsections:\n  - title: intro\n    content: >-\n      ## Lorem ipsum\n\n\n"
            "      Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\n\n"
            "      - dolor sit amet\n    actions: []\n---\n")  # fmt: skip
    doc = load_text(page, "pricing.md", "markdown")
    texts = [doc.unit_text(u) for u in doc.units]
    assert "Lorem ipsum" in texts and "dolor sit amet" in texts and ">-" not in doc.text and "actions" not in doc.text
    for unit in doc.units:  # every line points at its words in the file
        assert doc.source[unit.source_start : unit.source_start + 8] == doc.unit_text(unit)[:8]
    assert [f.location.line for f in analyze(doc, Config()).findings if f.code == "CLR003"] == [6]


def test_a_button_kept_under_a_btn_key_in_front_matter_is_an_ask():
    page = ("---\ntitle: Pricing\ncontent_blocks:\n  - _bookshop_name: pricing/table\n    pricing_tier:\n"
            "      - tier: Secured\n        price: 50/mo\n        btn:\n          link: /contact\n"
            "          text: Get Started\n---\n")  # fmt: skip
    doc = load_text(page, "pricing.md", "markdown")
    assert [(doc.unit_text(u), u.href) for u in doc.units if u.kind == "cta"] == [("Get Started", "/contact")]


def test_a_copy_deck_naming_its_cta_button_on_lines_of_their_own_asks():
    deck = ("## Hero Section\n\n**Headline:**\nReliable bookkeeping, handled remotely.\n\n"
            "**Primary CTA button:** Get a Free Consultation\n**Secondary CTA button:** Call [Your Phone Number]\n")
    asks = find_asks(load_text(deck, "landing-page-copy.md", "markdown"))
    assert [a.text for a in asks if a.kind == "cta"][:1] == ["Get a Free Consultation"]


@pytest.mark.parametrize(("shortcode", "silent"), [
    ("{{< cta >}}", True),  # the theme's call-to-action section: copy this file does not hold
    ('{{< pricing plans="starter,pro" >}}', True),
    ("{{< contact-form >}}", True),
    ('{{< figure src="/img/team.png" >}}', False),  # a shortcode that lays out what the page gives it: no ask there
    ('{{< rowcard title="Web presence" >}}', False),
])  # fmt: skip
def test_a_hugo_shortcode_named_for_an_ask_renders_one_this_file_does_not_hold(shortcode, silent):
    body = "# Automate your shop\n\n" + "We connect your store, your stock and your accounts so orders ship on time. " * 4
    codes = {f.code for f in analyze(load_text(f"{body}\n{shortcode}\n", "_index.md", "markdown"), Config()).findings}
    assert ("CTA001" not in codes) is silent


def test_a_shortcode_showing_an_ask_may_hold_the_ask_but_not_the_proof():
    body = "# Consulting\n\n" + "I help small teams pick, build and run the right systems for their business. " * 12
    codes = {f.code for f in analyze(load_text(body + "\n{{< contact-form >}}\n", "consulting.md", "markdown"), Config()).findings}
    assert "CTA001" not in codes and "PRF001" in codes
    proof = {f.code for f in analyze(load_text(body + "\n{{< testimonials >}}\n", "consulting.md", "markdown"), Config()).findings}
    assert "PRF001" not in proof


@pytest.mark.parametrize("name", ["changelog-002.md", "CHANGELOG.md", "release-notes/v2.md"])
def test_release_notes_are_news_for_users_by_their_file_name_and_may_still_ask(name):
    from plainpitch.analysis.genre import is_article

    note = ("---\ntitle: Newsletter\n---\n\n### New Features\n\n" + "- **Newsletter**: teams can now send their "
            "digests to every subscriber, and readers get the links their favourite teams pick each week.\n" * 4)  # fmt: skip
    assert is_article(load_text(note, name, "markdown"))
    assert not is_article(load_text(note, "newsletter.md", "markdown"))
    codes = {f.code for f in analyze(load_text(note, name, "markdown"), Config()).findings}
    assert "PRF001" not in codes and "CTA001" in codes  # no proof owed to users; an ask to try it still is


def test_a_post_dated_by_a_camel_case_key_is_an_article():
    from plainpitch.analysis.genre import is_article

    post = "---\ntitle: Launch\npublishedAt: 2023-06-02\nlayout: post\n---\n\nWe shipped the newsletter.\n"
    assert is_article(load_text(post, "launch.md", "markdown"))


def test_a_results_section_told_in_the_past_with_numbers_is_proof():
    page = ("# Signal Relay\n\n## Outcomes (from pilots)\n\n- 5.3 hours a week reclaimed for a 4-person intel pod.\n"
            "- 12 execs subscribed to the nightly digest.\n")  # fmt: skip
    assert [p.kind for p in find_proof(load_text(page, "landing.md", "markdown"))] == ["result"]
    promise = page.replace("reclaimed for", "back for").replace("subscribed to", "on")  # what you will get: no proof
    assert find_proof(load_text(promise, "landing.md", "markdown")) == []


@pytest.mark.parametrize("head", [
    "# App Store Connect listing copy\n\nPaste-ready.\n\n## Description\n\n",
    "# Luxicon\n\n## Subtitle (30 chars max)\n\nPrivate 1-on-1 transcripts\n\n"
    "## Promotional text (170 chars max — editable without review)\n\nRecord a 1-on-1.\n\n## Description\n\n",
])  # fmt: skip
def test_an_app_store_listing_is_told_by_its_title_or_its_fields_with_their_limits(head):
    from plainpitch.analysis.completeness import store_listing

    body = "Record a 1-on-1, get a speaker-labelled transcript, and keep every word on your phone. " * 6
    doc = load_text(head + body + "\n", "app-store.md", "markdown")
    assert store_listing(doc)
    assert not {"PRF001", "CTA001"} & {f.code for f in analyze(doc, Config()).findings}


def test_a_phrase_in_quotation_marks_is_mentioned_not_used():
    mail = ("Subject: Invoices\n\nHi Sam,\n\nOur reminders go out on their own: no more awkward \"just checking in\" "
            "emails from your office. Worth a look?\n\nBest,\nAna\n")  # fmt: skip
    used = mail.replace('awkward "just checking in" emails from your office.', "chasing. Just checking in on the quote.")
    codes = lambda text: [f.code for f in analyze(load_text(text, "a.txt", "text"), Config(select=("TON007",))).findings]  # noqa: E731
    assert "TON007" not in codes(mail)
    assert "TON007" in codes(used)


def test_connecting_on_linkedin_is_a_way_to_reach_the_seller():
    line = "To discuss a pilot, connect on LinkedIn at [linkedin.com/in/ana](https://www.linkedin.com/in/ana/).\n"
    asks = find_asks(load_text("# A fraud prototype\n\nWe built a model for council tax teams.\n\n" + line, "c.md", "markdown"))
    assert [a.action for a in asks] == ["contact"]


def test_a_wireframes_buttons_written_as_code_are_buttons_and_its_boxes_are_not():
    body = "# Werkhaus\n\n" + "Describe a business and eight employees build it, with sources, a price and a page. " * 4
    deck = body + "\n\n`[ prompt box ]`\n`[ start the company ]`\n"
    doc = load_text(deck, "landing-page.md", "markdown")
    assert [doc.unit_text(u) for u in doc.units if u.kind == "cta"] == ["start the company"]
    codes = {f.code for f in analyze(doc, Config()).findings}
    assert not {"CTA001", "CTA008"} & codes
    code = load_text(body + "\n\n`npm install werkhaus`\n", "landing-page.md", "markdown")  # code is no button
    assert not [u for u in code.units if u.kind == "cta"]


# -- fresh-62 to 64 (judged blind at a62057c): each wrong finding's general cause ------------------------------------
_LAUNCH_BODY = ("We built a free shade generator to take that traffic back. Type any hex and you get a gradient of "
                "tints, paste-ready exports and a contrast badge on every shade, with [a page for every colour]"
                "(https://shades.example/4040ff). ") * 3  # fmt: skip


@pytest.mark.parametrize(("front", "path", "article"), [
    ("pubDate: 2026-06-14", "launch.md", True),  # a publication date: a post's key, not every page's
    ("publishedAt: 2026-06-14", "launch.md", True),
    ("date: 2026-06-14", "src/content/blog/launch.md", True),  # dated, in a blog's folder
    ("date: 2026-06-14", "launch.md", False),  # a site generator dates every page
    ("description: Free shade generator", "src/content/blog/launch.md", False),  # a blog folder but no date
])  # fmt: skip
def test_a_post_is_told_by_a_publication_date_or_a_dated_file_in_a_blogs_folder(front, path, article):
    from plainpitch.analysis.genre import is_article

    post = f"---\ntitle: We rebuilt the shade tool\n{front}\n---\n\n{_LAUNCH_BODY}\n\n[Try it free](https://shades.example/)\n"
    doc = load_text(post, path, "markdown")
    assert is_article(doc) is article
    assert ("PRF001" in {f.code for f in analyze(doc, Config()).findings}) is not article


def test_a_link_inside_a_front_matter_field_is_on_the_page_and_asks():
    body = "We start by talking to the people doing the work, then research, design and build the tools they need. " * 3
    page = (f"---\ntitle: Services\nclosing: \"If this sounds like your problem, [we'd like to hear about it](/contact) "
            f"→.\"\n---\n\n{body}\n")  # fmt: skip
    doc = load_text(page, "services.md", "markdown")
    closing = [u for u in doc.units if u.attrs.get("links")]
    assert [doc.unit_text(u) for u in closing] == ["If this sounds like your problem, we'd like to hear about it →."]
    link = closing[0].attrs["links"][0]
    span = doc.source_span(Span(closing[0].start + link["start"], closing[0].start + link["end"]))
    assert doc.source[span[0] : span[1]] == "we'd like to hear about it" and link["href"] == "/contact"
    assert "CTA001" not in {f.code for f in analyze(doc, Config()).findings}
    plain = page.replace("[we'd like to hear about it](/contact)", "we'd like to hear about it")
    assert "CTA001" in {f.code for f in analyze(load_text(plain, "services.md", "markdown"), Config()).findings}


def test_a_collection_entry_is_one_card_of_a_list_page_not_a_page():
    from plainpitch.analysis.completeness import collection_card

    about = ("The Broadcasting Union is the leading alliance of public service media. Its members run nearly 2,000 "
             "television, radio and online channels and offer a wealth of content across other platforms.")  # fmt: skip
    card = f"---\ntitle: EBU\nimage: logo-ebu.png\nlink: https://ebu.ch\ntestimonial: true\n---\n\n{about}\n"
    doc = load_text(card, "_customers/ebu.md", "markdown")
    assert collection_card(doc)
    assert not {"CTA001", "PRF001"} & {f.code for f in analyze(doc, Config()).findings}
    page = card.replace(about, "## Who we serve\n\n" + about + (" We help such members ship faster." * 8))
    assert not collection_card(load_text(page, "about.md", "markdown"))  # a page with sections is a page
    assert "CTA001" in {f.code for f in analyze(load_text(page, "about.md", "markdown"), Config()).findings}
    bare = card.replace("image: logo-ebu.png\n", "")  # no picture: nothing says it is a card
    assert not collection_card(load_text(bare, "ebu.md", "markdown"))


@pytest.mark.parametrize(("source", "name", "fmt"), [
    ('<html><body><h1>Welcome to Lexa!</h1>\n<p>\n    Hello <strong>{{ name }}</strong>,<br>\n    We are glad you '
     'joined.\n</p>\n<p>With Lexa you can read any contract in plain words and book a lawyer in a day.</p>\n'
     '<p><a href="https://lexa.example/start">Get started</a></p></body></html>\n', "welcome.html", "html"),
    ("# Welcome to Lexa!\n\nHi **{{name}}**,\n\nWe are glad you joined. With Lexa you can read any contract in plain "
     "words and book a lawyer in a day.\n\n[Get started](https://lexa.example/start)\n", "welcome.md", "markdown"),
])  # fmt: skip
def test_a_greeting_by_merge_field_inside_inline_markup_makes_an_email(source, name, fmt):
    # fresh-65: an HTML welcome whose 'Hello <strong>{{ name }}</strong>,' was read as a page's greeting headline
    doc = load_text(source, name, fmt)
    assert infer(doc) == "email"
    assert "STR105" not in {f.code for f in analyze(doc, Config()).findings}
    plain = source.replace("{{ name }}", "there").replace("{{name}}", "there")  # "Hello there," opens pages too
    assert infer(load_text(plain, name, fmt)) == "page"


def test_a_wordpress_plugin_readme_is_the_directorys_listing():
    # fresh-67: CTA001 on a plugin's readme.txt (kept as .md); the plugin directory shows the download button
    from plainpitch.analysis.completeness import plugin_directory_readme

    readme = ("=== Gumroad Embed ===\nContributors: ana\nTags: woocommerce, gumroad\nRequires at least: 5.0\n"
              "Tested up to: 6.3\nStable tag: 1.0\nLicense: GPLv2 or later\n\nSell on your shop with one button.\n\n"
              "== Description ==\n\nIt adds a Gumroad button to your WooCommerce products, so buyers pay without "
              "leaving your shop and you keep every sale in one place.\n\n== Changelog ==\n\n= 1.0 =\n"
              "* Initial release.\n")  # fmt: skip
    for name in ("readme.txt", "readme.md"):
        doc = load_text(readme, name, "markdown" if name.endswith(".md") else "text")
        assert plugin_directory_readme(doc)
        assert not {"CTA001", "PRF001"} & {f.code for f in analyze(doc, Config()).findings}
    page = readme.split("\n\n", 1)[1]  # the same words without the directory's header: a page that asks nothing
    assert not plugin_directory_readme(load_text(page, "gumroad.md", "markdown"))
    assert "CTA001" in {f.code for f in analyze(load_text(page, "gumroad.md", "markdown"), Config()).findings}


@pytest.mark.parametrize(("text", "note"), [
    ("Say hello in the Slack channel. [TODO: Add Slack invite link.]", "[TODO: Add Slack invite link.]"),
    ("TODO: the price of the team plan", "TODO:"),  # the rule reports the whole unit
    ("Some representative placeholder content for the first slide", "Some representative placeholder content"),
    ("Placeholder text", "Placeholder text"),
    ("Every template ships with placeholder text you replace in a minute.", None),  # a template's feature
    ("Our todo app keeps your TODO list in one place.", None),  # no note: a product's words
    ("Tick off each todo: a note becomes a task.", None),
    ("Response time: [e.g., Within 24-48 hours]", "[e.g., Within 24-48 hours]"),  # a template's instructions
    ("Install: [If it's code-based, add: Run npm install].", "[If it's code-based, add: Run npm install]"),
    ("[Insert download link]", "[Insert download link]"),
    ("[List your services: design, build]", "[List your services: design, build]"),
    ("[Add to cart]", None),  # a button drawn in plain text
    ("[Add to cart](/cart) or [Replace it][1]", None),  # links
    ("Use it for reports (e.g. the month's sales).", None),  # an example in prose
])  # fmt: skip
def test_a_writers_note_or_copy_calling_itself_a_placeholder_is_unwritten(text, note):
    from plainpitch.text.filler import unwritten_note

    found = unwritten_note(text)
    assert (found.group(0) if found else None) == note


def test_a_todo_note_in_an_email_is_filler_but_a_readmes_todo_list_is_its_roadmap():
    mail = ("Hi Sam,\n\nThe group chat is where you meet the others. [TODO: add the invite link]\n\n"
            "[Join the course](https://course.example/join)\n\nSee you there,\nAna\n")  # fmt: skip
    found = [f for f in analyze(load_text(mail, "welcome.md", "markdown"), Config()).findings if f.code == "CLR003"]
    assert [f.text for f in found] == ["[TODO: add the invite link]"]
    readme = ("# fastgrid\n\nA grid layout engine for dashboards.\n\n```\npip install fastgrid\n```\n\n## Roadmap\n\n"
              "- TODO: nested grids\n- TODO: a React binding\n")  # fmt: skip
    assert "CLR003" not in {f.code for f in analyze(load_text(readme, "README.md", "markdown"), Config()).findings}
    # a README template's instruction to its writer is no roadmap: it is copy left unwritten
    template = readme + "\n## Support\n\nResponse time: [e.g., Within 24-48 hours]\n"
    found = [f for f in analyze(load_text(template, "README.md", "markdown"), Config()).findings if f.code == "CLR003"]
    assert [f.text for f in found] == ["[e.g., Within 24-48 hours]"]


@pytest.mark.parametrize("line", [
    '> *"Using this context: [paste your paragraph] — now do the following: [paste the prompt]"*',  # quoted
    "Write once: I am a [role] who helps [target customer]. Then [paste your paragraph] before any prompt.",  # fields
])  # fmt: skip
def test_a_template_given_to_the_reader_to_fill_is_no_note_left_by_the_writer(line):
    # fresh-72: a course e-mail teaches its buyer a prompt template to copy; its instructions are the reader's
    mail = f"Hi Sam,\n\nHere is the trick that saves an hour a day.\n\n{line}\n\n[Get the full course](https://x.example)\n\nAna\n"
    found = [f for f in analyze(load_text(mail, "lesson.md", "markdown"), Config()).findings if f.code == "CLR003"]
    assert found == []
    left = mail.replace(line, "Download your worksheet here: [Insert download link]")
    found = [f for f in analyze(load_text(left, "lesson.md", "markdown"), Config()).findings if f.code == "CLR003"]
    assert [f.text for f in found] == ["[Insert download link]"]


def test_a_named_customer_introduced_to_give_their_account_is_a_testimonial():
    # fresh-69: PRF001 on a case study whose customer's CEO, named, tells the story without quotation marks
    story = ("# Oil fields monitoring\n\nField services need frequent, accurate monitoring at a low cost.\n\n"
             "Zan Gligorov, CEO of OrgPal Telemetry, explains the reasoning behind their choice.\n\nOur objective was "
             "a simple device that integrates with hundreds of sensors across the oil fields we serve.\n")  # fmt: skip
    assert [p.kind for p in find_proof(load_text(story, "case.md", "markdown"))] == ["testimonial"]
    unnamed = story.replace("Zan Gligorov, CEO of OrgPal Telemetry, explains", "We explain")
    assert find_proof(load_text(unnamed, "case.md", "markdown")) == []


def test_a_misspelling_written_beside_its_right_spelling_is_on_purpose():
    # fresh-69: 'frend' and 'peeple' in a spelling reform's press release ('*friend* becomes *frend*')
    text = ("# EuSpell\n\nThe reform keeps each word's silhouette: *friend* becomes *frend*, *people* becomes *peeple*. "
            "Our service is pleasent and free for busy families who want their weekends back.\n")  # fmt: skip
    found = [f.text for f in analyze(load_text(text, "press.md", "markdown"), Config()).findings if f.code == "CLR004"]
    assert found == ["pleasent"]  # a typo with no right spelling beside it is still one


def test_a_typo_beside_its_right_spelling_but_not_set_apart_is_still_a_typo():
    # fresh-67's 'Clinical solutions … soutions' was right: only a word set apart ('*frend*') is a mention
    text = ("# Providence Health\n\nOur solutions for clinics are pleasant to use, and our soutions team answers "
            "every call for busy families who want their weekends back.\n")  # fmt: skip
    found = [f.text for f in analyze(load_text(text, "p.md", "markdown"), Config()).findings if f.code == "CLR004"]
    assert found == ["soutions"]


@pytest.mark.parametrize("label", ["Subject:", "Subject line:", "Subject/Opening:"])
def test_a_copy_decks_subject_label_makes_a_subject_and_a_faked_thread_is_seen(label):
    # fresh-73: a cold-outreach kit's "**Subject/Opening:** Re: new construction permits in [City]"
    deck = (f"# Cold outreach templates\n\n## Template 1\n\n**{label}** Re: new construction permits in Austin\n\n"
            "Hi Dana,\n\nI pulled last week's permits in Austin; four look like your kind of job.\n\n"
            "Worth a look?\n\nSam\n")  # fmt: skip
    doc = load_text(deck, "outreach.md", "markdown")
    assert [doc.unit_text(u) for u in doc.units if u.kind == "subject"] == ["Re: new construction permits in Austin"]
    assert "BEN101" in {f.code for f in analyze(doc, Config()).findings}
