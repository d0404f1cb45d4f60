"""_find_asks normalises an ASCII sentence without cues.normalise's table (ask.normalised): the same text, and each
gated pattern still decides the asks it decides (a negation whose only literal is its own, a slot to pick)."""

from plainpitch.analysis import asks as ask
from plainpitch.ingest import load_text

SENTENCES = [
    "Start now, you never need to start over.", "Buy it today, you do not have to buy a plan.",
    "Subscribe today, there is no need to subscribe twice.", "Register today, never register again.",
    "Try it free, you do not need to try hard.", "Reply to this email.", "Grab a time at calendly.com/ana.",
    "Email me at ana@acme.com.", "See https://acme.com/pricing for plans.", "Go to www.acme.com now.",
    "BOOK A DEMO", "Ready to try it?", "My calendar is open.", "Could you introduce me to Simon?",
    "Plain words with nothing to ask.", "We ship faster.", "Call us on 555 0100.", "Then pick a slot that suits you.",
]  # fmt: skip


def test_each_gated_pattern_still_decides():
    asks = {a.text: a for a in ask._find_asks(load_text("\n\n".join(SENTENCES), "t.md", "markdown"), "page")}
    assert "Start now, you never need to start over." not in asks  # the negation is read
    assert asks["Reply to this email."].kind == "sentence"  # asked anywhere in the sentence
    assert "Then pick a slot that suits you." in asks  # a calendar
    assert asks["Email me at ana@acme.com."].action == "contact"
    assert asks["See https://acme.com/pricing for plans."].kind == "link"


def test_the_ascii_shortcut_normalises_as_cues_does():
    import random

    from plainpitch.classify import cues

    rng = random.Random(9)
    pieces = ["we", "You", " ", "  ", "\t", "\n", "*", "**", "_", "__", "’", "“", "”", "–", "\u00a0", "é", ".", '"', "x"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 14)))
        assert ask.normalised(text) == cues.normalise(text), repr(text)


def test_a_number_to_call_is_the_next_step_and_a_count_after_call_is_not():
    lines = ["Make us your first call. Call **1-866-322-2245**.", "Text us now on +44 7700 900123.",
             "We call 2,000 customers a day.", "Call volumes fell 40% in 2024."]  # fmt: skip
    asks = {a.text for a in ask._find_asks(load_text("\n\n".join(lines), "t.md", "markdown"), "page")}
    assert any("1-866-322-2245" in t for t in asks) and any("7700" in t for t in asks)
    assert not any("2,000" in t or "volumes" in t for t in asks)


def test_a_bracketed_label_alone_on_its_line_is_a_button_but_a_picture_is_not():
    from plainpitch.config import Config
    from plainpitch.engine import analyze

    mail = ("Hey {name},\n\nYour free trial ends on {date}. After that your plan begins at {price} a month, and your "
            "syncs go on without a break.\n\nYou can change or cancel your plan from your account settings.\n\n{label}\n")
    def cta001(label):
        return [f.code for f in analyze(load_text(mail.replace("{label}", label), "m.txt", "text"), Config()).findings
                if f.code == "CTA001"]
    assert cta001("[Manage Subscription]") == []
    assert cta001("[Hero image]") == ["CTA001"] and cta001("See you soon.") == ["CTA001"]
    assert cta001("Best,\n\n[Name]") == ["CTA001"]  # a field to fill, not a button
    assert cta001("The [Manage Subscription] page lists every invoice.") == ["CTA001"]  # in a sentence: a name


def test_a_sentence_that_sends_the_reader_to_the_links_below_is_the_ask():
    page = ("# Our services\n\nWe build the web presence your business needs, so customers find you first in search "
            "and pick you over the shop down the road.\n\n{point}\n\n{links}")  # fmt: skip
    links = "\n".join(f"- [{n}](/services/{n.lower().replace(' ', '-')})" for n in ("Web design", "SEO", "Ads"))

    def asks(point, with_links=True):
        doc = load_text(page.replace("{point}", point).replace("{links}", links if with_links else ""), "s.md")
        return [a.text for a in ask._find_asks(doc, "page") if a.kind == "sentence"]

    sentence = "Click any of the services below to see how each one helps."
    assert asks(sentence) == [sentence]
    assert asks("Choose a plan below.") == ["Choose a plan below."]
    assert asks(sentence, with_links=False) == []  # nothing below to click: not an ask
    assert asks("Our clients use the services below every day.") == []  # not an imperative


def test_a_link_whose_words_ask_to_buy_is_an_ask_and_one_that_asks_to_read_on_is_not():
    text = ("Please <a href='./building.php'>build your own</a>, or better yet, <a href='https://shop.example/all'>"
            "buy a pre-built box</a> and help the project. <a href='/plans'>Learn more about changing your plan</a>.")
    doc = load_text("<p>" + text + "</p>", "a.html")
    assert [a.text for a in ask._find_asks(doc, "page") if a.kind == "inline"] == ["buy a pre-built box"]


def test_a_bracketed_line_that_opens_with_a_verb_of_getting_is_a_button_to_a_product_not_a_field():
    from plainpitch.analysis.asks import CONVERSION, find_asks

    deck = "# Acme\n\n> [Get BatchShrink]\n\nIt makes smaller copies of your videos.\n\n> [Client Name]\n"
    asks = find_asks(load_text(deck, "deck.md", "markdown"))
    assert [(a.text, a.kind) for a in asks] == [("Get BatchShrink", "cta")]
    assert asks[0].action in CONVERSION  # the ask CTA006 looks for in the hero


def test_a_sentence_that_tells_the_reader_how_to_begin_is_an_onboarding_ask():
    from plainpitch.config import Config
    from plainpitch.engine import analyze

    mail = ("Subject: Welcome to EcoExposure\n\nWelcome to EcoExposure. Your account is ready to use.\n\nYou can collect "
            "samples, record field data, and review your saved records.\n\n{how}\n\nThank you for contributing.\n")
    def cta001(how):
        return [f.code for f in analyze(load_text(mail.replace("{how}", how), "m.txt", "text"), Config()).findings
                if f.code == "CTA001"]
    assert cta001("To get started, log in and select New Sample from the Home screen.") == []
    assert cta001("Samples are kept for a year on the Home screen.") == ["CTA001"]


def test_a_macro_called_before_the_first_ask_may_render_it_so_the_ask_is_not_called_late():
    from plainpitch.config import Config
    from plainpitch.engine import analyze

    body = "".join(f"<p>Paragraph {i}: we guide students through every step of studying medicine abroad, from the "
                   "first call about fees to the day they start their hospital rotations.</p>\n" for i in range(20))
    page = ("<html><body><h1>Study medicine abroad</h1>\n{call}\n" + body +
            "<a class=\"btn\" href=\"/apply\">Apply now</a></body></html>")  # fmt: skip
    def cta006(call):
        return [f.code for f in analyze(load_text(page.replace("{call}", call), "landing.njk", "template"),
                                        Config(select=("CTA006",))).findings]  # fmt: skip
    assert cta006("") == ["CTA006"]
    assert cta006('{{ enquiryForm(campus, "top") }}') == []


def test_in_an_email_a_link_in_the_body_is_the_ask_but_the_footer_and_profiles_are_not():
    from plainpitch.config import Config
    from plainpitch.engine import analyze

    mail = ("Subject: Welcome\n\nHello, friend,\n\nThank you for joining the community. We write now and then with "
            "practical tools, stories shared with consent and ways to help when you have the capacity.\n\n"
            "A few places to begin, only when it feels right:\n\n{list}\n\nWith care,\n\nThe team\n\n"
            "[Unsubscribe](https://x.org/u) · [Twitter](https://twitter.com/x) · [View in browser](https://x.org/v)\n")  # fmt: skip
    def cta001(items):
        return [f.code for f in analyze(load_text(mail.replace("{list}", items), "m.md", "markdown"), Config()).findings
                if f.code == "CTA001"]  # fmt: skip
    assert cta001("- [Learn](https://x.org/learn): plain information\n- [Guide](https://x.org/guide): what to say") == []
    assert cta001("- Learn: plain information\n- Guide: what to say") == ["CTA001"]  # the footer's links are not asks
    assert cta001("- Learn: plain information\n- [Guide](#): what to say") == ["CTA001"]  # a link to nowhere is no way to act


def test_giving_and_taking_part_are_a_causes_asks():
    for label in ("Donate today", "Take action", "Get involved", "Volunteer with us", "Give monthly"):
        assert ask.action_of(label) == "give" and ask.action_of(label) in ask.CONVERSION, label
    page = load_text("# Safe kids\n\nWe train parents and teachers.\n\n[Take action](https://x.org/act)\n", "p.md", "markdown")
    assert [a.action for a in ask.find_asks(page)] == ["give"]


def test_an_items_page_in_a_marketplace_is_where_the_reader_buys_it():
    for url in ("https://www.amazon.com/dp/B07LG3TYJS", "https://amzn.to/3SMWw86", "https://www.etsy.com/listing/12/mug",
                "https://gumroad.com/l/deck", "https://buy.stripe.com/abc"):
        page = load_text(f"# Travel safety\n\nA door lock that fits any hotel door.\n\n- Amazon: {url}\n", "p.md", "markdown")
        assert [a.action for a in ask.find_asks(page)] == ["buy"], url
    page = load_text("# Travel safety\n\nA door lock.\n\n- Read: https://www.amazon.com/gp/help/customer\n", "p.md", "markdown")
    assert ask.find_asks(page) == []


def test_asking_to_be_sent_or_told_the_details_is_the_enquiry():
    for line in ("Send us the square footage and the building type, and we will tell you what a visit needs.",
                 "Tell us about your project and we reply within a day."):
        page = load_text(f"# Office cleaning\n\nNightly cleaning for small offices.\n\n{line}\n", "p.md", "markdown")
        assert [a.action for a in ask.find_asks(page)] == ["contact"], line
    story = load_text("# Office cleaning\n\nOur clients tell us the floors have never been cleaner.\n", "p.md", "markdown")
    assert ask.find_asks(story) == []


def test_a_page_that_gives_a_real_address_or_number_to_write_or_call_asks_but_a_stand_in_does_not():
    from plainpitch.config import Config
    from plainpitch.engine import analyze

    body = ("# Beer pong tables for rent\n\nA full set with balls and cups, delivered to your party and picked up the "
            "next day. Student prices, and a deposit back in full when the table comes home dry.\n\n")
    def cta001(contact):
        doc = load_text(body + contact + "\n", "p.md", "markdown")
        return "CTA001" in {f.code for f in analyze(doc, Config()).findings}
    assert not cta001("Bookings: beerpong.turku@gmail.com")
    assert not cta001("Bookings: 0113 496 0321")
    assert not cta001("[Book by e-mail](mailto:beerpong.turku@gmail.com)")
    assert cta001("Delivered anywhere in the city.")  # no way to act at all
    assert cta001("Bookings: you@example.com")  # a stand-in reaches nobody


def test_an_ask_after_a_condition_is_the_main_clause():
    for line, action in (("When you're ready for the full board, subscribe for unlimited access.", "buy"),
                         ("If anything is unclear, reply to this e-mail.", "reply")):
        page = load_text(f"# Under Review\n\nReads of tonight's board, every night.\n\n{line}\n", "p.md", "markdown")
        assert [a.action for a in ask.find_asks(page)] == [action], line
    for line in ("If you stay a year, the price stays the same.", "When we launched, contact forms were rare."):
        page = load_text(f"# Under Review\n\nReads of tonight's board, every night.\n\n{line}\n", "p.md", "markdown")
        assert ask.find_asks(page) == [], line


def test_a_writers_kit_of_templates_is_not_told_it_asks_nothing():
    from plainpitch.config import Config
    from plainpitch.engine import analyze

    kit = ("# Press releases\n\nTwo templates: an announcement before the race and a report after it. Local papers "
           "like short, concrete texts with a good photo and a quote from the organisers.\n\n**Headline:** Boats "
           "from corks race down the creek\n\nYoung and old build a boat that fits on a sheet of paper and race it "
           "on the creek on the first Saturday of June.\n")  # fmt: skip
    def cta001(text, path="kit.md"):
        return "CTA001" in {f.code for f in analyze(load_text(text, path, "markdown"), Config(medium="page")).findings}
    assert not cta001(kit)
    page = kit.replace("Two templates: an announcement", "Two dates to keep: an announcement")
    assert cta001(page) and not cta001(page, "press-release-template.md")
