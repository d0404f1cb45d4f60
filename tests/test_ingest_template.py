"""Page and e-mail templates: the copy a reader would see, directives set aside, offsets into the template file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plainpitch.formats import copy_format_for
from plainpitch.ingest import load_path, load_text
from plainpitch.ingest.directives import set_aside
from plainpitch.model import Document, Span
from plainpitch.text import placeholders

TEMPLATES = Path(__file__).parent / "data" / "templates"

# file -> the units a reader sees: statements and comments gone, translated sentences kept, values as named fields
EXPECTED = {
    "landing.php": [
        ("heading", "Stop losing leads to slow follow-up"),
        ("paragraph", "Acme answers every enquiry in under a minute, so {{company_name }} never loses a buyer to a "
                      "competitor."),
        ("cta", "Start your free trial"),
    ],
    "pricing.ejs": [
        ("heading", "Plans that grow with you"),
        ("list_item", "{{plan.name }}: {{plan.price }} a month"),
        ("cta", "Buy now"),
    ],
    "services.liquid": [
        ("heading", "We set up your store in two weeks"),
        ("heading", "{{service.settings.title }}"),
        ("paragraph", "{{service.settings.text }}"),
        ("paragraph", "Fixed price from {{section.settings.price }}. No surprises on the invoice."),
        ("cta", "{{sections.services.cta }}"),
    ],
    "offer.erb": [
        ("paragraph", "Hi {{customer.first_name }},"),
        ("paragraph", "Your audit found {{report.issue_count }} pages that load in over three seconds. We can fix "
                      "them this month."),
        ("cta", "Book a 20-minute call"),
        ("paragraph", "Best, Sam"),
    ],
    "jekyll_home.html": [
        ("heading", "{{site.title }}"),
        ("paragraph", "Track every invoice in one place and get paid twice as fast."),
        ("cta", "See pricing"),
    ],
    "jekyll_services.md": [
        ("heading", "Bookkeeping for {{site.data.city.name }} cafés"),
        ("paragraph", "We reconcile your till, card terminal and bank every week, so {{page.owner }} sees the real "
                      "margin by Monday."),
        ("paragraph", "Plans start at £90 a month."),
        ("paragraph", "Shown as code, a directive stays code: code."),
    ],
    "Home.tsx": [
        ("heading", "Invoices that chase themselves"),
        ("paragraph", "Acme sends polite reminders until {{company }} is paid. Don't chase clients by hand."),
        ("cta", "Start free trial"),
        ("cta", "See pricing"),
        ("list_item", "{{title}}: {{body}}"),
        ("paragraph", "Trusted by 2,000 bakeries."),
    ],
    "Welcome.tsx": [
        ("paragraph", "Your first report is ready"),
        ("paragraph", "Hi {{na}},"),
        ("paragraph", "Your first report is ready. It shows which invoices are late and who to call first."),
        ("cta", "Open the report"),
        ("paragraph", "Cheers, Dana"),
    ],
    "offer.jsp": [
        ("heading", "Book your first visit"),
        ("paragraph", "Hello {{patient.firstNam}}, our clinic opens at 8am and most visits take twenty minutes."),
        ("paragraph", "A first visit costs $45."),
        ("cta", "Book a visit"),
    ],
    "welcome.ftl": [
        ("paragraph", "Hi {{user.nam}},"),
        ("paragraph", "You are on the free plan: three projects and a week of history."),
        ("paragraph", "Upgrade to keep a year of history and unlimited projects."),
        ("paragraph", "Upgrade now"),
        ("paragraph", "Thanks, The Rabbit team"),
    ],
    "pricing.astro": [
        ("heading", "Simple pricing for growing shops"),
        ("paragraph", "Pay monthly, cancel any time. Every plan comes with unlimited orders and e-mail support."),
        ("list_item", "{{name }}: ${{price }} a month"),
        ("cta", "Start your free trial"),
    ],
    "pricing.svelte": [
        ("heading", "Simple pricing for growing shops"),
        ("paragraph", "Pay monthly, cancel any time. Every plan comes with unlimited orders and e-mail support."),
        ("paragraph", "Two months free when you pay for a year."),
        ("cta", "Show yearly prices"),
        ("list_item", "{{name }}: ${{price }} a month"),
        ("cta", "Start your free trial"),
    ],
    "offer.blade.php": [
        ("paragraph", "Hi {{student }},"),
        ("paragraph", "Your next course is 40% off until Sunday."),
        ("paragraph", "You have finished {{student }} courses with us: thank you."),
        ("cta", "Choose your next course"),
        ("paragraph", "Questions? Write to hello@weaver.example or reply to this e-mail."),
        ("paragraph", "{{footer }}"),
    ],
    "Pricing.vue": [
        ("heading", "Simple pricing for growing shops"),
        ("paragraph", "Pay monthly, cancel any time. Every plan comes with unlimited orders and e-mail support."),
        ("list_item", "{{plan.name }}: ${{plan.price }} a month"),
        ("cta", "Start your free trial"),
        ("cta", "Talk to sales"),
    ],
    "welcome.mjml": [
        ("paragraph", "Your first week, planned"),
        ("paragraph", "Hi {{first_name }},"),
        ("paragraph", "Thanks for signing up. Your dashboard is ready and your first report lands on Monday."),
        ("cta", "Open your dashboard"),
        ("paragraph", "Cheers, Dana from Acme"),
    ],
}  # fmt: skip


def units(doc: Document) -> list[tuple[str, str]]:
    return [(u.kind, " ".join(doc.unit_text(u).split())) for u in doc.units]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_template_reads_as_the_page_its_reader_sees(name: str) -> None:
    doc = load_path(TEMPLATES / name)
    assert units(doc) == EXPECTED[name]
    assert doc.source == (TEMPLATES / name).read_text()  # lines and columns point at the template itself


@pytest.mark.parametrize("path", sorted(TEMPLATES.iterdir()), ids=lambda p: p.name)
def test_every_word_maps_back_to_the_same_characters_in_the_file(path: Path) -> None:
    doc = load_path(path)
    fields = [(s, e) for u in doc.units for s, e, kind in placeholders.find(doc.text, u.start, u.end) if kind == "merge"]
    checked = 0
    for word in doc.words:
        if any(s <= word.start < e for s, e in fields):
            continue  # a field's name stands where its expression was
        s, e = doc.source_span(Span(word.start, word.end))
        if word.text == "code" and doc.source[s] == "`":
            continue  # a code span is the word "code" (as every Markdown page reads it)
        assert doc.source[s:e] == word.text
        checked += 1
    assert checked >= 5


def test_markdown_front_matter_is_still_read_and_a_directive_in_code_includes_nothing(tmp_path: Path) -> None:
    doc = load_path(TEMPLATES / "jekyll_services.md")
    assert doc.meta.get("title") == "Bookkeeping for cafés" and doc.meta.get("includes")
    shown = tmp_path / "howto.md"
    shown.write_text("# Templates\n\nWrite `{% include cta.html %}` where the button goes.\n\n"
                     "```liquid\n{% include footer.html %}\n```\n")  # fmt: skip
    assert not load_path(shown).meta.get("includes")


def test_no_directive_word_reaches_the_copy() -> None:
    for path in sorted(TEMPLATES.iterdir()):
        text = load_path(path).text
        for leftover in ("<?", "?>", "<%", "%>", "{%", "%}", "endif", "endfor", "esc_html_e", "get_header", "include",
                         "<#", "taglib", "assign", "@if", "@endif", "@section", "@lang", "{!!", "{{--"):
            assert leftover not in text, (path.name, leftover)
        assert "${" not in text.replace("${{", ""), path.name  # an expression; "$" before a field is a price


def test_plain_text_templates_read_as_plain_text_emails() -> None:
    doc = load_path(TEMPLATES / "newsletter.j2")
    assert doc.format == "text"
    assert [t for _, t in units(doc)] == [
        "Hello {{subscriber.first_name }},",
        "You are on the free plan. This month we shipped saved filters, so your weekly report takes two clicks "
        "instead of ten.",
        "Reply to this email and we will set them up for you.",
        "Thanks, {{sender.name }}",
    ]
    hbs = load_path(TEMPLATES / "trial_ending.hbs")
    assert "{{#if" not in hbs.text and "{{/if}}" not in hbs.text and "{{> footer}}" not in hbs.text
    assert "Your trial ends on {{trialEnd}}." in hbs.text


def test_mjml_is_an_email_whose_mj_button_is_a_button_with_its_link() -> None:
    doc = load_path(TEMPLATES / "welcome.mjml")
    assert doc.medium == "email" and doc.format == "html"
    (cta,) = [u for u in doc.units if u.kind == "cta"]
    assert cta.href == "https://acme.com/start"
    assert doc.meta.get("title") == "Welcome to Acme"
    assert "Arial" not in doc.text and "font-family" not in doc.text  # mj-head's settings are not copy


def test_template_extensions_name_the_template_reader() -> None:
    for name in ("a.php", "b.ejs", "c.erb", "d.hbs", "e.handlebars", "f.njk", "g.jinja", "h.j2", "i.twig",
                 "j.liquid", "k.gohtml", "l.tmpl", "m.mjml", "n.mustache", "o.phtml", "p.html.eex", "q.jsp", "r.ftl"):  # fmt: skip
        assert copy_format_for(name) == "template", name


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["<?php if ($a > 1) { ?>", "<?= $price ?>", "<%= user.name %>", "<% end %>",
                                 "{% if x %}", "{{ 'Buy now' }}", "{{#each items}}", "{{/each}}", "{# note #}",
                                 "{{ . }}", "{{!-- c --}}", "<?php _e('Save time', 'd'); ?>", "<p>", "</p>", "\n",
                                 "Save ten hours a week.", " ", "{{", "<%", "<?", "{%"]),  # fmt: skip
                max_size=25))
def test_setting_aside_keeps_every_offset_and_line(pieces: list[str]) -> None:
    text = "".join(pieces)
    out = set_aside(text)
    assert len(out) == len(text)
    assert [i for i, c in enumerate(out) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    load_text(text, "page.php")  # and the reader never fails on what is left


def test_check_reads_templates_in_a_folder_and_by_name(tmp_path: Path) -> None:
    for path in TEMPLATES.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    run = subprocess.run([sys.executable, "-m", "plainpitch", "check", "--format", "json", str(tmp_path)],
                         capture_output=True, text=True)  # fmt: skip
    assert run.returncode in (0, 1), run.stderr
    report = json.loads(run.stdout)
    read = sorted(Path(d["path"]).name for d in report["documents"])
    assert read == sorted(p.name for p in TEMPLATES.iterdir())
    run = subprocess.run([sys.executable, "-m", "plainpitch", "check", "--input-format", "template", "--format",
                          "json", "-"], input="<p>{% if a %}Ship faster.{% endif %}</p>", capture_output=True,
                         text=True)  # fmt: skip
    assert run.returncode in (0, 1), run.stderr
    (doc,) = json.loads(run.stdout)["documents"]
    assert doc["format"] == "html"


_BODY = ("<p>Acme reads every support ticket as it arrives and sorts it by how angry the customer is. Your team "
         "answers the worst ones first, and the rest wait a few minutes longer without anyone noticing.</p>\n") * 6


_LATE = _BODY * 3 + '<a class="btn" href="/trial">Start a free trial</a>\n'


# (directive, what it includes): a header, footer or layout may hold the ask, never the page's proof
INCLUDES = [("<?php get_header(); ?>\n", "chrome"), ("{% include 'hero.html' %}\n", "content"),
            ("{{> header}}\n", "chrome"), ("<%- include('partials/nav') %>\n", "chrome"),
            ('{{ define "main" }}\n', "chrome"), ("{% extends 'base.html' %}\n", "chrome"),
            ("<?php get_template_part('template-parts/testimonials'); ?>\n", "content"),
            ("<%= render @plans %>\n", "content"), ("<?php require_once 'config.php'; ?>\n", "")]  # fmt: skip


@pytest.mark.parametrize(("include", "kind"), INCLUDES)
@pytest.mark.parametrize(("button", "absent"), [("", "CTA001"), ('<a class="btn" href="/trial">Start a free trial</a>\n', "PRF001"),
                                                (_LATE, "CTA006")])  # fmt: skip
def test_a_template_that_includes_other_files_is_not_told_what_they_may_hold(include: str, kind: str, button: str,
                                                                            absent: str, tmp_path: Path) -> None:  # fmt: skip
    from plainpitch.config import Config
    from plainpitch.engine import analyze

    whole = tmp_path / "page.php"
    whole.write_text("<h1>Angry customers first</h1>\n" + _BODY + button)
    part = tmp_path / "part.php"
    part.write_text(include + "<h1>Angry customers first</h1>\n" + _BODY + button)
    asked = Config(select=(absent,))  # CTA006 is off by default; each absence rule is run on its own
    alone = analyze(load_path(whole), asked)
    assert absent in {f.code for f in alone.findings}  # the gate is what keeps it away below
    assert not any("includes other files" in note for note in alone.notes)
    doc = load_path(part)
    assert doc.meta.get("includes", "") == kind
    included = analyze(doc, asked)
    may_hold = kind == "content" or (kind == "chrome" and absent != "PRF001")
    assert (absent in {f.code for f in included.findings}) is not may_hold
    assert any("includes other files" in note for note in included.notes) is bool(kind)


def test_rails_and_phoenix_link_helpers_are_the_links_they_render() -> None:
    doc = load_text('<p>Hi <%= @user.name %>,</p>\n<p>Your plan ends Friday.</p>\n<table class="btn"><tr><td>\n'
                    "<%= link_to subscriptions_url do %>\n  Keep my account\n<% end %>\n</td></tr></table>\n"
                    "<% if @trial %><p><%= link_to 'Book a call with Sam', booking_url %></p><% end %>\n",
                    "renewal.html.erb")  # fmt: skip
    ctas = [(doc.unit_text(u), u.href) for u in doc.units if u.kind == "cta"]
    assert ctas == [("Keep my account", "subscriptions_url"), ("Book a call with Sam", "book")]
    assert "<% end" not in doc.text and " end " not in doc.text and "<a" not in doc.text


def test_a_link_alone_in_a_table_cell_is_an_email_button() -> None:
    doc = load_text('<p>Your report is ready.</p><table><tr><td align="center"><a href="https://acme.com/r">'
                    "Open the report</a></td></tr></table>", "report.html")  # fmt: skip
    assert [(u.kind, u.href) for u in doc.units if doc.unit_text(u) == "Open the report"] == [
        ("cta", "https://acme.com/r")
    ]


_POST = ("Six months in the making, the new component kit is out today with over 100 components for online shops. "
         "Product pages, carts, checkout forms and order histories are ready to paste into your project. ") * 6


@pytest.mark.parametrize(("head", "name", "article"), [
    ("---\ntitle: Shop kit\ndate: 2021-08-11\nauthor: Ada\n---\n", "post.mdx", True),
    ("export const meta = {\n  title: 'Shop kit',\n  date: '2021-08-11',\n  authors: [ada],\n}\n", "post.mdx", True),
    ("---\nlayout: post\ntitle: Shop kit\ndate: 2021-08-11\n---\n", "post.mdx", True),  # a Jekyll post's layout
    ("---\nlayout: newsposts\ntitle: Shop kit\ndate: 2021-08-11\n---\n", "post.mdx", True),
    ("---\ntitle: Shop kit\n---\n", "2021-08-11-shop-kit.mdx", True),  # _posts/: the file name carries the date
    ("---\nlayout: page\ntitle: Shop kit\ndate: 2021-08-11\n---\n", "post.mdx", False),  # a dated page
    ("---\ntitle: Shop kit\n---\n", "post.mdx", False),
    ("---\ntitle: Shop kit\n---\n", "20210811_shop_kit.mdx", False),  # a campaign's name, not a post's
])  # fmt: skip
def test_a_dated_post_is_not_told_it_lacks_proof(head: str, name: str, article: bool, tmp_path: Path) -> None:
    from plainpitch.config import Config
    from plainpitch.engine import analyze

    page = tmp_path / name
    page.write_text(head + "\nimport card from './card.jpg'\n\n# The shop kit\n\n" + _POST
                    + "\n\n[Get the kit](https://example.com/buy)\n")  # fmt: skip
    doc = load_path(page)
    assert "import" not in doc.text and "card.jpg" not in doc.text and "export" not in doc.text
    codes = {f.code for f in analyze(doc, Config()).findings}
    assert ("PRF001" in codes) is not article


def test_a_react_component_reads_as_the_markup_it_renders() -> None:
    page = load_path(TEMPLATES / "Home.tsx")
    assert page.medium == "page" and page.format == "html"
    assert [u.href for u in page.units if u.kind == "cta"] == [None, "/pricing"]
    for code in ("import", "useState", "console", "features", "=>", "setOpen(true)", "hero"):
        assert code not in page.text, code
    email = load_path(TEMPLATES / "Welcome.tsx")
    assert email.medium == "email"  # a react-email component
    assert [u.href for u in email.units if u.kind == "cta"] == ["https://acme.com/report"]
    assert copy_format_for("Hero.jsx") == copy_format_for("Hero.tsx") == copy_format_for("index.astro") == "jsx"
    astro = load_path(TEMPLATES / "pricing.astro")
    assert astro.meta.get("includes") == "chrome"  # <Layout>: the site's header and footer are elsewhere
    for code in ("import", "plans.map", "getFullYear", "innerWidth", "color: red"):
        assert code not in astro.text, code
    svelte = load_path(TEMPLATES / "pricing.svelte")  # logic blocks, script and style are code, not copy
    assert copy_format_for("+page.svelte") == "jsx" and svelte.meta.get("includes") == "chrome"
    for code in ("import", "{#if", "{:else", "{/each", "yearly = true", "color: red", "lang="):
        assert code not in svelte.text, code


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["return (", "<div>", "</div>", "<Button href={url}>", "</Button>", "{name}", "{'Buy'}",
                                 "{/* c */}", "<>", "</>", "a < b", "useState<string>()", '"str', "'", "`t ${x}`", "{",
                                 "}", ")", "\n", "Save ten hours.", "<Link", "/>", "=> <p>", "// note\n", "x = <", "<"]),
                max_size=30))  # fmt: skip
def test_reading_jsx_keeps_every_offset_and_never_fails(pieces: list[str]) -> None:
    from plainpitch.ingest.jsx import markup_only

    text = "".join(pieces)
    out = markup_only(text)
    assert len(out) == len(text)
    assert [i for i, c in enumerate(out) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    load_text(text, "page.tsx")


def test_a_component_that_renders_the_sites_own_sections_shows_part_of_the_page() -> None:
    from plainpitch.ingest.jsx import read

    page = ("import { Hero } from '@/components/hero'\nimport Pricing from './pricing'\n"
            "import { ArrowIcon } from '@/components/icons'\nimport Link from 'next/link'\n"
            "export default function Page() {\n  return (\n    <main>\n      <Hero />\n{body}    </main>\n  )\n}\n")  # fmt: skip
    assert read(page.replace("{body}", "      <Pricing plans={plans} />\n"))[1]
    assert load_text(page.replace("{body}", ""), "page.tsx").meta.get("includes")  # <Hero /> alone
    for own_copy in ("", "      <ArrowIcon />\n", '      <Link href="/buy">Buy <ArrowIcon /></Link>\n'):
        alone = page.replace("      <Hero />\n", "").replace("{body}", own_copy)
        assert not read(alone)[1], own_copy  # an icon, a package's component: no copy held elsewhere


def test_a_button_wrapping_a_link_goes_where_the_link_goes() -> None:
    doc = load_text('<Button size="lg" asChild>\n  <Link href="/pro/pricing">Buy now</Link>\n</Button>\n'.join(
        ["export const Hero = () => (\n<div>\n", "</div>\n)\n"]), "hero.tsx")  # fmt: skip
    assert [(u.kind, u.href, doc.unit_text(u)) for u in doc.units] == [("cta", "/pro/pricing", "Buy now")]
    html = load_text('<p>Plans for teams.</p><button class="big"><a href="/buy">Buy now</a></button>', "p.html")
    assert [(u.kind, u.href) for u in html.units if u.kind == "cta"] == [("cta", "/buy")]


@pytest.mark.parametrize("href", ['{% unsubscribe_link %}', "{% url 'pricing' %}", "<?php the_permalink(); ?>",
                                  "<% if @a %>/a<% end %>"])  # fmt: skip
def test_a_template_tag_in_a_links_address_is_an_address_not_an_empty_one(href: str) -> None:
    from plainpitch.config import Config
    from plainpitch.engine import analyze

    page = ("<h1>Plans</h1><p>" + "Every plan includes unlimited projects and a year of history for your team. " * 4
            + f'</p><p><a class="btn" href="{href}">See the plans</a></p>')  # fmt: skip
    doc = load_text(page, "plans.html")
    (cta,) = [u for u in doc.units if u.kind == "cta"]
    assert cta.href and cta.href.strip()
    assert "CTA008" not in {f.code for f in analyze(doc, Config(select=("CTA008",))).findings}


def test_blade_directives_are_set_aside_and_its_layout_is_chrome() -> None:
    doc = load_path(TEMPLATES / "offer.blade.php")
    assert doc.meta.get("includes") == "chrome"  # @extends: the layout holds the header and footer
    assert "hello@weaver.example" in doc.text  # an address's "@" is no directive
    section = load_text("<p>Hi.</p>\n@include('partials.testimonials')\n<p>Book a call.</p>", "home.blade.php")
    assert section.meta.get("includes") == "content" and "@include" not in section.text


def test_a_react_component_named_js_is_read_when_named_and_plain_javascript_is_not(tmp_path: Path) -> None:
    from plainpitch.ingest.errors import LoadError

    component = tmp_path / "Sponsors.js"
    component.write_text("export default function Sponsors() {\n  return (\n    <section>\n      <h1>Sponsor the show</h1>\n"
                         "      <p>Reach 35,000 developers every Monday.</p>\n    </section>\n  );\n}\n")  # fmt: skip
    assert [t for _, t in units(load_path(component))] == ["Sponsor the show", "Reach 35,000 developers every Monday."]
    code = tmp_path / "config.js"
    code.write_text("module.exports = { retries: 3 };\n")
    with pytest.raises(LoadError, match="unknown file type .js"):
        load_path(code)
    assert copy_format_for("Sponsors.js") is None  # a folder walk does not read every .js file


def test_a_page_whose_copy_lives_in_its_front_matter_is_read_from_there() -> None:
    page = ('---\nlayout: home\nbanner:\n  title: Let us solve your website challenges\n  content: "We build custom '
            'software for companies that need it fast, and we support it after launch."\n  image: /images/banner.svg\n'
            '  button:\n    label: "Contact Us"\n    link: "/contact"\nfeatures:\n  - name: "Clean Code"\n'
            '    content: "Easy to read and change, so your next developer starts in a day."\n---\n')  # fmt: skip
    doc = load_text(page, "_index.md")
    assert units(doc) == [
        ("heading", "Let us solve your website challenges"),
        ("paragraph", "We build custom software for companies that need it fast, and we support it after launch."),
        ("cta", "Contact Us"),
        ("paragraph", "Easy to read and change, so your next developer starts in a day."),
    ]
    assert [u.href for u in doc.units if u.kind == "cta"] == ["/contact"]
    for unit in doc.units:  # every unit points at its words in the file
        assert doc.source[unit.source_start : unit.source_start + 10] == doc.unit_text(unit)[:10]
    prose = "We have shipped forty apps for clinics, shops and schools since 2015, and every one of them is still running."
    body = load_text(page + "\n# Our work\n\n" + prose + "\n", "a.md")
    # a page with a body: the front matter's prose is settings, but the button the layout renders from it is shown
    assert units(body) == [("cta", "Contact Us"), ("heading", "Our work"), ("paragraph", prose)]


@pytest.mark.parametrize(
    "name,text",
    [
        ("miss.blade.php", "@extends('mail.layout')\n@section('subject')\n    We miss you!\n@stop\n@section('message')\n"
                           "<p>Your plan ended a month ago. Come back with 30% off.</p>\n@stop\n"),
        ("miss.blade.php", "@section('subject', 'We miss you!')\n@section('message')\n<p>Come back with 30% off.</p>\n@stop\n"),
        ("miss.html.j2", "{% extends 'mail.html' %}\n{% block subject %}We miss {{ user.name }}!{% endblock %}\n"
                         "{% block body %}<p>Come back with 30% off.</p>{% endblock %}\n"),
    ],
)
def test_a_templates_subject_block_makes_it_an_e_mail_with_that_subject(name, text):
    doc = load_text(text, name, "template")
    assert doc.medium == "email" and doc.meta["subject"].startswith("We miss")
    page = text.replace("subject", "title")
    assert load_text(page, name, "template").medium != "email"


def test_a_vue_components_script_and_style_are_not_copy_and_its_own_components_are_parts_it_does_not_hold():
    doc = load_path(TEMPLATES / "Pricing.vue")
    assert "salesUrl" not in doc.text and "font-size" not in doc.text
    assert next(u for u in doc.units if doc.unit_text(u) == "Talk to sales").href == "salesUrl", "a bound href has a value"
    with_part = (TEMPLATES / "Pricing.vue").read_text().replace("<ul>", "<PricingTestimonials />\n    <ul>")
    assert load_text(with_part, "Pricing.vue", "vue").meta.get("includes") == "content"
    assert load_text("<script>export default {}</script>\n", "Empty.vue", "vue").units == ()


def test_openers_with_no_closer_after_them_are_read_once_and_left_as_written() -> None:
    import time

    doc = load_text("<p>Hi {{ name }}, your plan {{ renews. See you {% soon</p>", "mail.njk", "template")
    assert doc.text.startswith("Hi {{name }}, your plan {{ renews. See you {% soon")
    began = time.process_time()
    load_text("<p>{{ a " * 40_000 + "</p>", "page.njk", "template")
    load_text("{{< a " * 40_000, "page.md", "markdown")
    assert time.process_time() - began < 30  # a bound against quadratic work, not a speed figure


@pytest.mark.parametrize("name", ["services.astro", "services.tsx"])
def test_copy_passed_to_the_sites_own_components_as_props_is_read(name) -> None:
    """A card component shows the title and text the page gives it; a layout's title and description are the page's
    head, a class or an image's alt text no copy, and an HTML element's title a tooltip."""
    cards = ('<BaseLayout title="Services for founders" description="Hire a developer who ships apps and sites fast">\n'
             '  <p class="opacity-80 mb-5 max-w-3xl">I help teams ship software end to end.</p>\n'
             '  <HorizontalCard\n    title="Website Development"\n    img={`/website.png`}\n'
             '    desc="Fast sites that rank, from landing pages to content sites."\n    url="#"\n'
             '    className="card shadow-lg rounded-xl"\n  />\n'
             '  <Testimonial quote="He shipped our app in six weeks." alt="A photo of our client at work" />\n'
             '  <a title="Opens the booking form in a new tab" href="/book">Book a call</a>\n'
             '</BaseLayout>\n')  # fmt: skip
    text = cards if name.endswith(".astro") else f"export default function Page() {{\n  return (\n{cards}  )\n}}\n"
    doc = load_text(text, name)
    assert [doc.unit_text(u) for u in doc.units] == [
        "I help teams ship software end to end.",
        "Website Development",
        "Fast sites that rank, from landing pages to content sites.",
        "He shipped our app in six weeks.",
        "Book a call",
    ]
    assert doc.units[1].kind == "heading"
    unit = next(u for u in doc.units if doc.unit_text(u) == "Website Development")
    assert text[unit.to_source(unit.start) :].startswith("Website Development")  # at its place in the file


def test_copy_passed_to_a_vue_components_static_props_is_read() -> None:
    """As in JSX: a static prop is copy the component shows; a bound one (':title') is code, a handler no copy."""
    page = ('<template>\n  <div class="wrap flex gap-4 items-center">\n'
            '    <service-card title="Website Development" desc="Fast sites that rank, from landing pages to content '
            'sites." :price="plan.price in the local currency" @click="open the card now" url="#"/>\n'
            '    <p title="Opens the booking form in a new tab">We build sites for shops.</p>\n'
            '    <BaseLayout description="A meta description for the search results page"/>\n'
            '  </div>\n</template>\n<script>\nexport default {}\n</script>\n')  # fmt: skip
    doc = load_text(page, "services.vue")
    assert [(u.kind, doc.unit_text(u)) for u in doc.units] == [
        ("heading", "Website Development"),
        ("paragraph", "Fast sites that rank, from landing pages to content sites."),
        ("paragraph", "We build sites for shops."),
    ]
    unit = doc.units[0]
    assert page[unit.to_source(unit.start) :].startswith("Website Development")
