"""What breaks a buyer's trust before any claim is read: placeholder Latin (CLR003), a faked "Re:" thread (BEN101) and
a worked price example whose sum is wrong (CTA007). Each is found by what the text is, in every format it comes in."""

from pathlib import Path

import pytest

from plainpitch.analysis.proof import find_proof
from plainpitch.analysis.sums import wrong_sums
from plainpitch.config import Config
from plainpitch.engine import analyze
from plainpitch.ingest import load_path, load_text
from plainpitch.ingest.replies import has_thread
from plainpitch.text.filler import is_filler

DATA = Path(__file__).parent / "data"


def codes(doc, **config):
    return [f.code for f in analyze(doc, Config(**config)).findings]


# -- placeholder Latin ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Lorem ipsum dolor sit amet.",  # the words themselves, however short
    "Vestibulum a nunc ut eros condimentum posuere. Nullam dapibus quis nunc non interdum.",  # lipsum.com's stretch
    "Sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium doloremque laudantium.",  # Faker's
    "Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur.",
])
def test_placeholder_latin_is_filler_wherever_the_generator_starts(text):
    assert is_filler(text)


@pytest.mark.parametrize("text", [
    # Article 1 of the Universal Declaration of Human Rights: Romance prose shares Latin roots, not filler words
    "Todos los seres humanos nacen libres e iguales en dignidad y derechos y, dotados como están de razón y conciencia.",
    "Tutti gli esseri umani nascono liberi ed eguali in dignità e diritti. Essi sono dotati di ragione e di coscienza.",
    "Todos os seres humanos nascem livres e iguais em dignidade e em direitos. Dotados de razão e de consciência.",
    "Tous les êtres humains naissent libres et égaux en dignité et en droits. Ils sont doués de raison et de conscience.",
    "Alle Menschen sind frei und gleich an Würde und Rechten geboren. Sie sind mit Vernunft und Gewissen begabt.",
    "KPI non promozionali, letti trimestre su trimestre. I numeri qui sotto sono illustrativi di un progetto tipo.",
    "Kubernetes, Terraform, Ansible, Prometheus, Grafana, Postgres, Redis and Kafka, managed for you.",
    "Our motto, Veritas, is on every invoice: we show you every fee before you pay.",
    "Magna Carta tours of Salisbury, every day at ten, with a guide who knows the city.",
    "These should show the real product with realistic content — not Lorem Ipsum. Use a demo seeded for marketing.",
])
def test_english_and_other_languages_are_not_filler(text):
    assert not is_filler(text)


PAGE = ("# Tax returns done right\n\nWe file your return in a day and find every deduction you are owed, or the "
        "filing is free. Bring last year's return and your W-2s, and leave with a refund date.\n\n## What clients say"
        "\n\n> Vestibulum a nunc ut eros condimentum posuere. Nullam dapibus quis nunc non interdum.\n>\n> — John Doe"
        "\n\n> Sed laoreet magna commodo libero euismod sodales. Nunc ac libero convallis, interdum ligula vel.\n>\n"
        "> — Jane Roe\n\n[CTA: Book my return]\n")  # fmt: skip


def test_a_testimonial_in_placeholder_latin_is_reported_once_and_proves_nothing():
    doc = load_text(PAGE, "page.md", "markdown")
    assert find_proof(doc) == []
    found = [f for f in analyze(doc, Config()).findings if f.code == "CLR003"]
    assert len(found) == 1 and found[0].data["count"] == 2 and "(2 places)" in found[0].message
    assert found[0].text.startswith("Vestibulum") and len(found[0].data["uses"]) == 1
    real = PAGE.replace("Sed laoreet magna commodo libero euismod sodales. Nunc ac libero convallis, interdum ligula "
                        "vel.", "They found $1,200 my old preparer missed, and I had my refund in nine days.")
    doc = load_text(real, "page.md", "markdown")
    assert [p.kind for p in find_proof(doc)] == ["testimonial"]
    assert [f.data["count"] for f in analyze(doc, Config()).findings if f.code == "CLR003"] == [1]


def test_the_placeholder_rule_leaves_lorem_ipsum_to_the_filler_rule():
    doc = load_text("Hi Sam,\n\nLorem ipsum dolor sit amet. Your contact is [First Name].\n\nBest,\nAna\n", "x.txt")
    found = [f for f in analyze(doc, Config(all=True)).findings if f.code in ("CLR002", "CLR003")]
    assert sorted((f.code, f.data.get("kind")) for f in found) == [("CLR002", "field"), ("CLR003", None)]


def test_a_caption_credits_the_words_beside_it_never_a_paragraph_across_a_heading():
    text = ("> \"We close our books four days sooner.\"\n>\n> — Ana Ruiz, CFO at Northwind\n\n## Pricing\n\n"
            "Our team answers within an hour, and we set up your account with you on the first call.\n")
    proof = find_proof(load_text(text, "x.md", "markdown"))
    assert [p.text for p in proof if p.kind == "testimonial"] == ["\"We close our books four days sooner.\""]


# -- a faked thread ---------------------------------------------------------------------------------------------
COLD = "Hi Sam,\n\nI found your site on Google and can get it to the first page. Can I send you a price?\n\nBest,\nAna\n"


@pytest.mark.parametrize("subject", ["Re: Price list", "RE: Inviting you for a quick meeting", "Fwd: your site",
                                     "AW: Angebot", "Re[2]: Quick question"])
def test_a_reply_subject_on_an_email_that_answers_nothing_is_a_faked_thread(subject):
    found = [f for f in analyze(load_text(f"Subject: {subject}\n\n{COLD}", "x.txt"), Config()).findings
             if f.code == "BEN101"]
    assert len(found) == 1 and found[0].location.line == 1
    assert found[0].text == subject.split(":")[0] + ":"


def test_in_a_file_of_e_mails_a_reply_subject_no_earlier_e_mail_had_is_a_fake_thread():
    from plainpitch.config import Config
    from plainpitch.engine import analyze
    from plainpitch.ingest import load_text

    def sequence(second_body):
        return ("# Cold sequence\n\n## Email 1\n\n**Subject**: Your vendor contracts\n\nHi Sam,\n\nMost teams audit "
                "vendor contracts by hand. We do it in five minutes. Worth a look?\n\nBest,\nAna\n\n## Email 2\n\n"
                f"**Subject**: Re: Your vendor contracts\n\nHi Sam,\n\n{second_body}\n\nBest,\nAna\n")  # fmt: skip
    def ben101(text):
        return [f.text for f in analyze(load_text(text, "emails.md", "markdown"), Config()).findings if f.code == "BEN101"]
    # a follow-up in the thread of an earlier e-mail of the file keeps its subject: an honest bump, not a fake reply
    assert ben101(sequence("Following up on my last email. Here is a two-minute demo.")) == []
    assert ben101(sequence("Thanks for your note. Here is the two-minute demo you asked for.")) == []
    new_subject = sequence("Following up on my last email. Here is a two-minute demo.").replace(
        "Re: Your vendor contracts", "Re: A faster way to audit")  # a thread that never was
    assert ben101(new_subject) == ["Re:"]
    field = new_subject.replace("Re: A faster way to audit", "Re: [Original Subject]")  # the template keeps the thread
    assert ben101(field) == []
    # fresh-66: the file labels the e-mail a follow-up sent after no reply: it goes in the thread, whatever shorthand
    # its subject uses
    labelled = new_subject.replace("## Email 2", "## Email 2: short follow-up (3 days after no reply)")
    assert ben101(labelled) == []


def test_chasing_ones_own_unanswered_email_is_no_exchange_with_the_reader():
    text = ("Subject: RE: Inviting you for a quick meeting\n\nHi,\n\nWe never heard back from you so following up. "
            "Can we schedule a call on Monday?\n")
    assert "BEN101" in codes(load_text(text, "x.txt"))
    warm = text.replace("We never heard back from you so following up.", "Following up on our call last week.")
    assert "BEN101" not in codes(load_text(warm, "x.txt"))


@pytest.mark.parametrize("thread", [
    "\n\nOn Mon, 3 Mar 2025 at 09:14, Sam <sam@x.example> wrote:\n> When could you start?\n",
    "\n\n> When could you start?\n",
    "\n\n-----Original Message-----\nFrom: Sam\nSent: Monday, 3 March 2025 09:14\nSubject: Price list\n",
])
def test_an_email_that_carries_the_message_it_answers_is_a_real_reply(thread):
    text = f"Subject: Re: Price list\n\n{COLD}{thread}"
    assert has_thread(text)
    assert "BEN101" not in codes(load_text(text, "x.txt"))


def test_the_emails_own_headers_are_not_a_quoted_reply_and_threading_headers_are():
    own = "Subject: Re: Price list\nFrom: Ana <ana@x.example>\nDate: Mon, 3 Mar 2025 09:14:00 +0000\n\n" + COLD
    assert not has_thread(own)
    assert "BEN101" in codes(load_text(own, "x.txt"))
    real = DATA / "ingest" / "outreach_reply.eml"  # In-Reply-To-less, but quotes the message it answers
    assert has_thread(real.read_text(encoding="utf-8"))
    assert "BEN101" not in codes(load_path(real))
    eml = ("From: Ana <ana@x.example>\nTo: Sam <sam@y.example>\nSubject: Re: Price list\nIn-Reply-To: "
           "<1@y.example>\nContent-Type: text/plain; charset=utf-8\n\n" + COLD)
    assert has_thread(eml)
    assert "BEN101" not in codes(load_text(eml, "x.eml", "email"))
    assert "BEN101" in codes(load_text(eml.replace("In-Reply-To: <1@y.example>\n", ""), "x.eml", "email"))


def test_an_html_email_with_a_mail_clients_quote_is_a_real_reply():
    source = (DATA / "ingest" / "html_qp_gmail.eml").read_text(encoding="utf-8")
    assert has_thread(source)
    assert "BEN101" not in codes(load_path(DATA / "ingest" / "html_qp_gmail.eml"))


# -- wrong sums -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "found"), [
    ("Three seats: 3 × $10 = $40 a month.", [("3 × $10", "$40", "$30")]),
    ("Three seats: 3 x $10 = $30 a month.", []),
    ("Storage: 0.095 x 24 hours x 31 days = 70.68 GB-hours at £0.10 = £7.07.", []),
    ("Storage: 0.095 x 24 hours x 31 days = 7.68 GB-hours at £0.10.", []),  # no money in the formula: not a price
    ("Rounded as shown: 3 × $0.0833 = $0.25 a day.", []),
    ("€ and £ together: 3 × €10 = £30.", []),
    ("A 1920 x 1080 = 2MP screen for $199.", []),
    # a rate per unit and a result written with its scale: read whole, never from the middle of the product
    ("Cost: $800/hour × 20 hours × 200 attorneys = $3.2M/month in billable time.", []),
    ("Cost: $800/hour × 20 hours × 200 attorneys = $3.5M/month.", [("$800/hour × 20 hours × 200 attorneys", "$3.5M", "$3.2M")]),
    ("Revenue: $40k × 3 clients = $120k a year.", []),
    ("Revenue: $40k × 3 clients = $150k a year.", [("$40k × 3 clients", "$150k", "$120k")]),
    # a rate in per cent is a share of the amount ("× 10%" is a tenth, not ten times)
    ("Current revenue: 100 × £5,000 × 10% = £50,000/month.", []),
    ("Current revenue: 100 × £5,000 × 10% = £5,000/month.", [("100 × £5,000 × 10%", "£5,000", "£50,000")]),
])
def test_a_formula_written_out_is_checked_when_it_is_about_money(text, found):
    assert [(w.expression, w.stated, w.right) for w in wrong_sums(load_text(text, "x.txt"))] == found


TABLE = ("| Item | Used | Free | Billed | Price | Cost |\n|---|---|---|---|---|---|\n"
         "| Seats | 30 | 25 | 5 | £ 0.05 | £ 0.25 |\n| Messages | 1200 | 1000 | 200 | £ 0.01 | £ 2.00 |\n"
         "| API calls | 50,000 | 2,000 | 48,000 | £ 0.01 | £ 0.48 |\n")  # fmt: skip


def test_a_price_table_shows_which_columns_multiply_and_the_row_that_does_not_add_up():
    doc = load_text(TABLE, "t.md", "markdown")
    (w,) = wrong_sums(doc)
    assert (w.expression, w.stated, w.right) == ("48,000 × £ 0.01", "£ 0.48", "£480.00")
    assert doc.text[w.start : w.end] == "£ 0.48"
    (f,) = analyze(doc, Config(select=("CTA007",))).findings  # off by default: it is run when asked for
    assert f.message == "48,000 × £ 0.01 is £480.00, not £ 0.48" and f.location.line == 5


def test_a_table_proves_its_columns_on_two_rows_before_any_row_is_called_wrong():
    one_row = TABLE.replace("| Messages | 1200 | 1000 | 200 | £ 0.01 | £ 2.00 |\n", "")
    assert wrong_sums(load_text(one_row, "t.md", "markdown")) == []
    ones = ("| Plan | Seats | Price | Total |\n|---|---|---|---|\n| Solo | 1 | $9 | $9 |\n| Duo | 1 | $15 | $15 |\n"
            "| Team | 5 | $12 | $48 |\n")  # 1 × $9 = $9 holds on any table: it proves no column is a product
    assert wrong_sums(load_text(ones, "t.md", "markdown")) == []
    assert [w.right for w in wrong_sums(load_text(TABLE.replace("£ 0.48", "£ 480.00"), "t.md", "markdown"))] == []


def test_a_faked_thread_is_rewritten_offline_by_dropping_the_marker_and_keeping_the_subject():
    from plainpitch.rewrite import rewrite

    text = f"Subject: Re: Price list for your site\n\n{COLD}"
    result = rewrite(analyze(load_text(text, "x.txt"), Config()), Config())
    (offered,) = [o for o in result.outcomes if o.finding.code == "BEN101"]
    assert offered.status == "offered" and offered.candidate.kind == "drop-reply-marker"
    assert [(e.start, e.end, e.replacement) for e in offered.source_edits] == [(9, 13, "")]
    assert "removes BEN101" in offered.effect
    bare = rewrite(analyze(load_text(f"Subject: Re:\n\n{COLD}", "x.txt"), Config()), Config())
    assert [o.status for o in bare.outcomes if o.finding.code == "BEN101"] in ([], ["question"])


# -- what a template or a page's structure shows (found on held-out texts: fresh-5) ------------------------------
def test_an_email_templates_link_field_is_a_link_the_reader_acts_on():
    from plainpitch.analysis.asks import find_asks

    text = ("Subject: Welcome to Acme\n\nHey {{ first_name }},\n\nThanks for joining! The best first step is to finish "
            "your onboarding, which takes a few minutes: {{ site_url }}/onboarding/\n\nBest,\nAna\n")  # fmt: skip
    doc = load_text(text, "welcome.txt")
    assert [a.kind for a in find_asks(doc)] == ["link"]
    assert "CTA001" not in codes(doc)
    assert "CTA001" in codes(load_text(text.replace("{{ site_url }}/onboarding/", "soon"), "welcome.txt"))


def test_a_templates_fields_are_not_code_for_its_reader():
    from plainpitch.analysis.reader import infer_reader

    fields = ("Hey {{ user_first_name }},\n\nYour plan renews on {{ renewal_date }} for {{ plan_price }}. Your invoice "
              "is at {{ invoice_url }} and your team, {team_name}, keeps every report.\n\nBest,\nAna\n")  # fmt: skip
    assert infer_reader(load_text(fields, "x.txt")).evidence["code_names"] == 0
    code = fields.replace("{{ ", "`").replace(" }}", "`").replace("{team_name}", "`team_name`")
    assert infer_reader(load_text(code, "x.txt")).evidence["code_names"] == 5


WORK = ("# Website design\n\nFast websites that turn visits into calls. We build every page by hand, write the copy "
        "with you and keep the site up to date each month, so your phone rings.\n\n[CTA: Get a quote]\n\n"
        "## Featured work\n\n{{< cols >}}\n\n### Quartz Worx – Countertops\n\n![](q.avif)\n\n"
        "### Cedar City Strength – Fitness\n\n![](c.avif)\n\n{{< /cols >}}\n\n## What clients are saying\n\n"
        "{{< elfsight id=\"34cb\" >}}\n\n## Prices\n\nFrom $900 a site.\n")  # fmt: skip


def test_a_work_section_naming_clients_and_an_embedded_review_widget_are_proof():
    proof = find_proof(load_text(WORK, "p.md", "markdown"))
    assert [(p.kind, p.text) for p in proof] == [("named", "Featured work"), ("testimonial", "What clients are saying")]
    assert "PRF001" not in codes(load_text(WORK, "p.md", "markdown"))


def test_a_testimonials_section_filled_from_the_sites_data_is_proof_and_its_intro_alone_is_not():
    page = ("# iOS apps\n\nI build iOS apps for small teams, from first prototype to the App Store.\n\n"
            "[Contact me](/contact)\n\n## Testimonials\n\nI have worked with many great people. Here is what a few "
            "of them say.\n\n{% for t in site.data.testimonials %}\n\n> \"{{ t.quote }}\"\n>\n> {{ t.name }}, "
            "{{ t.company }}\n\n{% endfor %}\n")  # fmt: skip
    assert ("testimonial", "Testimonials") in [(p.kind, p.text) for p in find_proof(load_text(page, "p.md", "markdown"))]
    assert "PRF001" not in codes(load_text(page, "p.md", "markdown"))
    intro_only = page[: page.index("{% for")]
    assert find_proof(load_text(intro_only, "p.md", "markdown")) == []  # words about quotes are not quotes


def test_a_section_heading_alone_proves_nothing():
    one = WORK.replace("### Cedar City Strength – Fitness\n\n![](c.avif)\n\n", "")
    assert [p.kind for p in find_proof(load_text(one, "p.md", "markdown"))] == ["testimonial"]  # one client named
    filler = WORK.replace("{{< elfsight id=\"34cb\" >}}", "> Vestibulum a nunc ut eros condimentum posuere. Nullam "
                          "dapibus quis nunc non interdum.\n>\n> — John Doe")  # fmt: skip
    assert [p.kind for p in find_proof(load_text(filler, "p.md", "markdown"))] == ["named"]  # judged by its words
    prose = WORK.replace("### Quartz Worx – Countertops", "We have built sites for many kinds of local business and "
                         "each one was a new lesson in what their customers look for")  # fmt: skip
    assert "named" not in [p.kind for p in find_proof(load_text(prose, "p.md", "markdown"))]


# -- a call to action that goes nowhere ------------------------------------------------------------------------
def _dead(text, path="p.md", fmt="markdown"):
    return [f for f in analyze(load_text(text, path, fmt), Config()).findings if f.code == "CTA008"]


def test_every_ask_that_points_nowhere_is_one_finding_with_its_count():
    page = ("# Logo design\n\nA logo in two weeks, with three drafts to choose from.\n\n[Book now](#)\n\n"
            "Ready to start? [Schedule a consultation](#) or [fill out the intake form]().\n\n"
            "[Home](#) · [See how it works](#how)\n")  # fmt: skip
    (f,) = _dead(page)
    assert f.text == "Book now" and f.data["count"] == 3 and f.message.endswith("(no address) and 2 more")


def test_a_target_with_the_sources_quotes_kept_is_broken_and_a_real_one_is_not():
    (f,) = _dead("# Roofs\n\nA sealed roof in a day.\n\n[Call Now](\"tel:13522106752\")\n")
    assert "broken address" in f.message
    assert _dead("# Roofs\n\nA sealed roof in a day.\n\n[Call Now](tel:+1 (352) 210-6752)\n") == []
    assert _dead("# Roofs\n\nA sealed roof in a day.\n\n[Call Now](tel:call-us)\n") != []


SALE = "# Laptops\n\nTwenty per cent off every laptop until Friday.\n\n[Shop the sale](%s)\n"


@pytest.mark.parametrize("href, why", [
    # a web address with its scheme mistyped or left out: read as a path on the current site
    ("https//acme.example/shop", "broken address"), ("http:/acme.example/shop", "broken address"),
    ("www.acme.example/shop", "broken address"),
    # a template's example address left on the button (RFC 2606)
    ("http://example.com?plan=pro", "example address"), ("https://www.example.com/signup", "example address"),
    ("//example.org/buy", "example address"),
    # the writer's own machine, where the page was built
    ("http://localhost:3000/pages/shop", "own machine"), ("http://127.0.0.1:8000/buy", "own machine"),
    # a phone or messenger link whose number was never filled in
    ("https://wa.me/61XXXXXXXXX", "stand-in number"), ("tel:+1-XXX-XXX-XXXX", "stand-in number"),
])
def test_a_button_on_an_address_no_shop_can_be_at_goes_nowhere(href, why):
    (f,) = _dead(SALE % href)
    assert f.text == "Shop the sale" and why in f.message


def test_a_real_address_and_a_path_on_the_site_are_fine():
    for href in ("https://acme.example/shop", "/shop", "https://shop.example-store.com/sale"):
        assert _dead(SALE % href) == []


@pytest.mark.parametrize("hook", ['data-toggle="modal" data-target="#book"', 'id="book-now"', 'onclick="book()"',
                                  'class="button popup-trigger"', 'class="button appStoreLink"',
                                  'className="button appStoreLink"', 'data-export-leads'])
def test_on_a_scripted_html_page_a_hash_the_script_has_a_handle_on_may_open_a_pop_up(hook):
    html = ("<html><body><h1>Logo design</h1><p>A logo in two weeks, with three drafts to choose from.</p>"
            "<a class=\"button\" href=\"#\">Book now</a>{}</body></html>")  # fmt: skip
    script = "<script src=\"/booking.js\"></script>"
    assert [f.text for f in _dead(html.format(""), "p.html", "html")] == ["Book now"]
    # a plain button pointing at '#' is dead even beside a script: nothing on its tag marks it for the script
    assert [f.text for f in _dead(html.format(script), "p.html", "html")] == ["Book now"]
    hooked = html.replace('class="button"', hook if hook.startswith("class") else f'class="button" {hook}')
    assert _dead(hooked.format(script), "p.html", "html") == []


def test_on_a_page_a_framework_hydrates_a_button_with_no_link_is_wired_by_its_code():
    page = ("<html><body><h1>Pricing</h1><p>Priced by entity, not by seat: bring the whole finance team.</p>"
            "<div class=\"billing-switch\"><button aria-pressed=\"true\">Monthly</button><button>Yearly</button></div>"
            "<button type=\"button\" class=\"button\">Choose Growth</button>{}</body></html>")  # fmt: skip
    assert [f.text for f in _dead(page.format("<script src=\"/app.js\"></script>"), "p.html", "html")] == ["Monthly"]
    next_export = "<script>self.__next_f.push([1,\"1:I[3341]\"])</script>"
    assert _dead(page.format(next_export), "p.html", "html") == []


def test_on_a_scripted_html_page_a_broken_address_is_still_broken():
    html = ("<html><body><h1>Logo design</h1><p>A logo in two weeks, with three drafts to choose from.</p>"
            "<a class=\"button\" href=\"#\">Book now</a>{}</body></html>")  # fmt: skip
    broken = html.replace('href="#"', 'href="%22/book%22"').format("<script src=\"/b.js\"></script>")
    assert [f.text for f in _dead(broken, "p.html", "html")] == ["Book now"]


def test_a_templates_count_field_with_its_plus_is_a_customer_count_but_a_plan_limit_is_not():
    found = find_proof(load_text("Used by over {{projects}}+ libre software projects and companies.", "x.txt"))
    assert [p.kind for p in found] == ["customers"]
    assert find_proof(load_text("Up to {{ seats }} users on the Team plan.", "x.txt")) == []
    assert find_proof(load_text("Used by {{projects}} projects.", "x.txt")) == []  # no "+": a value, maybe a limit


def test_a_review_with_its_caption_on_its_last_line_is_a_testimonial():
    page = ("# Gym tracker\n\n### Love this app!\n\nThe content is awesome, I LOVE this app. It's really easy to track "
            "my workouts.  \n— kate7984\n")  # fmt: skip
    assert [p.kind for p in find_proof(load_text(page, "p.md", "markdown"))] == ["testimonial"]
    claim = page.replace("  \n— kate7984", " We — the team — built it.")
    assert find_proof(load_text(claim, "p.md", "markdown")) == []


# -- after fresh-9: proof shown without words to read -----------------------------------------------------------
def test_a_trusted_by_label_over_logos_a_press_quote_and_a_scripted_reviews_strip_are_proof():
    logos = ("# Forms\n\nSurveys your users answer.\n\n<i>Trusted by</i>\n<a href=\"https://cal.com\"><img src=\"a.svg\">"
             "</a> <a href=\"https://x.dev\"><img src=\"b.svg\"></a>\n")  # fmt: skip
    assert [p.kind for p in find_proof(load_text(logos, "r.md", "markdown"))] == ["named"]
    press = "# Film bookshop\n\n[\"A trove of movie goodness\" Time Out](https://www.timeout.com/london/x)\n"
    assert [p.kind for p in find_proof(load_text(press, "p.md", "markdown"))] == ["testimonial"]
    strip = ("<html><body><h1>Private hire</h1><p>Airport transfers across Sussex.</p>"
             "<section class=\"review-wrap review-strip\" data-reviews=\"compact\"></section></body></html>")  # fmt: skip
    assert [p.kind for p in find_proof(load_text(strip, "p.html", "html"))] == ["testimonial"]
    filled = strip.replace("</section>", "<p>Lovely drivers.</p></section>")
    assert find_proof(load_text(filled, "p.html", "html")) == []  # its words are here to judge
    trusted = "# Forms\n\nSurveys your users answer. Trusted by teams who care about their users.\n"
    assert find_proof(load_text(trusted, "r.md", "markdown")) == []  # a claim, not a label over logos


def test_reviews_kept_in_one_block_each_credited_after_its_closing_quote_are_proof():
    from plainpitch.analysis.proof import find_proof
    from plainpitch.ingest import load_text as _load

    block = ("What Our Clients Say\n“Absolutely brilliant service from start to finish, with zero stress for us.”\n"
             " — Sarah P., Bournemouth\n“We had a leak during a storm and they came the same day. Honest pricing.”\n"
             " — Mark R., Christchurch\n")  # fmt: skip
    doc = _load("# Roofs\n\nWe repair and replace roofs across the county.\n\n" + block, "r.md")
    assert [p.kind for p in find_proof(doc)].count("testimonial") == 1  # the block, once
    plain = _load("# Roofs\n\nWe call it “the fastest repairs in the county and the fairest prices” and mean it.\n", "r.md")
    assert "testimonial" not in [p.kind for p in find_proof(plain)]  # quoted words nobody is credited with


def test_a_front_matter_buttons_link_kept_beside_its_label_under_the_same_prefix_is_checked():
    page = ("---\ntitle: Sales CRM\nblocks:\n  - cta_text: Get Started Free\n    cta_link: \"%s\"\n---\n# The last CRM you "
            "will need\n\nHydra learns your business from your sales data and shows you where to spend your time and "
            "money, every week, so your team closes more deals.\n")  # fmt: skip
    (f,) = _dead(page % "#")
    assert f.text == "Get Started Free" and "no address" in f.message
    assert _dead(page % "/sign-up/") == []


def test_a_link_that_is_only_an_app_store_badge_is_read_by_its_alt_text_but_a_logo_is_not():
    from plainpitch.analysis.asks import find_asks

    page = ("<html><body><h1>Bop</h1><p>Share your daily song and see what your friends are listening to.</p>"
            "<a href=\"/\"><img src=\"logo.svg\" alt=\"Bop logo\"></a>"
            "<div><a href=\"https://apps.apple.com/app/bop\"><img src=\"badge.svg\" alt=\"Download on the App Store\">"
            "</a></div></body></html>")  # fmt: skip
    doc = load_text(page, "p.html", "html")
    assert [a.text for a in find_asks(doc)] == ["Download on the App Store"]
    assert "Bop logo" not in doc.text
    dead = page.replace("https://apps.apple.com/app/bop", "#").replace("<div><a ", "<div><a class=\"store-btn\" ")
    assert [f.text for f in _dead(dead, "p.html", "html")] == ["Download on the App Store"]


@pytest.mark.parametrize(("button", "dead"), [
    ('<button class="btn-primary">Start Free Trial</button>', True),  # in no form, nothing for a script to hold
    ('<form action="/trial"><button class="btn-primary">Start Free Trial</button></form>', False),
    ('<button class="btn-primary" onclick="startTrial()">Start Free Trial</button>', False),
    ('<a href="/trial"><button class="btn-primary">Start Free Trial</button></a>', False),  # the link around it
    ('<button class="faq-question">Start Free Trial</button>', False),  # an accordion's toggle, a script's
])
def test_a_button_in_no_form_with_nothing_for_a_script_to_hold_goes_nowhere(button, dead):
    html = ("<html><body><h1>Invoices that chase themselves</h1><p>Acme sends polite reminders until every invoice is "
            f"paid.</p>{button}</body></html>")  # fmt: skip
    assert [f.text for f in _dead(html, "p.html", "html")] == (["Start Free Trial"] if dead else [])


def test_a_component_named_button_is_not_the_element():
    tsx = ("export default function Hero() {\n  return (\n    <section>\n      <h1>Invoices that chase themselves</h1>\n"
           "      <p>Acme sends polite reminders until every invoice is paid.</p>\n      {button}\n    </section>\n  );\n}\n")
    component = tsx.replace("{button}", '<Button variant="primary">Start Free Trial</Button>')
    element = tsx.replace("{button}", '<button className="btn-primary">Start Free Trial</button>')
    assert _dead(component, "Hero.tsx", "jsx") == []
    assert [f.text for f in _dead(element, "Hero.tsx", "jsx")] == ["Start Free Trial"]


def test_an_address_that_is_a_template_field_is_filled_when_the_page_is_built():
    page = ("<html><body><h1>Study medicine abroad</h1><p>Counsellors who answer every question about fees.</p>"
            "<a class=\"btn\" href=\"tel:{{ site.phoneDial }}\">Call a counsellor</a></body></html>")  # fmt: skip
    assert _dead(page, "landing.njk", "template") == []
    assert [f.text for f in _dead(page.replace("{{ site.phoneDial }}", "call-us"), "landing.njk", "template")] == [
        "Call a counsellor"]


def test_an_address_on_the_writers_machine_written_out_is_a_developers_step_not_a_dead_button():
    readme = ("# Shopfront\n\nA shop for small bakeries, with orders by text message.\n\nRun `npm start`, then open "
              "[http://localhost:3000](http://localhost:3000) to see your shop.\n\n[Buy the licence](http://localhost:3000/buy)\n")  # fmt: skip
    assert [f.text for f in _dead(readme)] == ["Buy the licence"]
