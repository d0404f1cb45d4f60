"""Copy a Markdown page passes its Hugo shortcodes as named parameters (plainpitch.ingest.fields.shortcode_copy) is
on the page: a headline is a heading, a description a paragraph, a button's label a button with the link kept
beside it under the same prefix, however the key is spelt."""

from plainpitch.config import Config
from plainpitch.engine import analyze
from plainpitch.ingest import load_text
from plainpitch.model import Span

PAGE = """---
title: Home
---

{{< hero
    headline="Build Your SaaS Website"
    sub_headline="Create fast, responsive websites that load instantly and bring you more signups."
    primary_button_text="Get Started Free"
    primary_button_url="#"
    hero_image="/images/hero.svg"
>}}

{{< feature
    title="Lightning-Fast Performance"
    description="Your website loads instantly, so visitors stay and read what you sell."
    buttonText="Learn More"
    buttonLink="/performance"
>}}
"""


def _copy_units(doc):
    """(kind, text, link) of each block read, the shortcode tags' own left out; each checked to point at its place
    in the file."""
    units = [u for u in doc.units if not doc.unit_text(u).startswith("{{")]
    for unit in units:
        start, end = doc.source_span(Span(unit.start, unit.end))
        assert doc.source[start:end] == doc.unit_text(unit)
    return [(u.kind, doc.unit_text(u), u.href) for u in units]


def test_a_shortcode_s_parameters_are_read_as_the_blocks_its_template_shows():
    doc = load_text(PAGE, "_index.md", "markdown")
    assert _copy_units(doc) == [
        ("heading", "Build Your SaaS Website", None),
        ("paragraph", "Create fast, responsive websites that load instantly and bring you more signups.", None),
        ("cta", "Get Started Free", "#"),
        ("heading", "Lightning-Fast Performance", None),
        ("paragraph", "Your website loads instantly, so visitors stay and read what you sell.", None),
        ("cta", "Learn More", "/performance"),
    ]


def test_a_shortcode_button_that_points_nowhere_is_reported():
    findings = analyze(load_text(PAGE, "_index.md", "markdown"), Config()).findings
    assert [(f.code, f.text) for f in findings if f.code == "CTA008"] == [("CTA008", "Get Started Free")]


JSON_BODY = """---
title: Pricing
---

{{< pricing-table >}}
{
    "title": "Plans for business teams like yours",
    "plans": [
        {"name": "Starter", "price": "29", "description": "Best option for one person and a first project.",
         "button": {"text": "Get started", "url": "#"}},
        {"name": "Team", "price": "99", "description": "For teams that need extended and premium support.",
         "button": {"text": "Choose Team", "url": "/signup?plan=team"}}
    ]
}
{{< /pricing-table >}}
"""


def test_a_shortcode_body_written_as_json_is_read_as_its_fields_not_as_prose():
    doc = load_text(JSON_BODY, "pricing.md", "markdown")
    assert _copy_units(doc) == [
        ("heading", "Plans for business teams like yours", None),
        ("paragraph", "Best option for one person and a first project.", None),
        ("cta", "Get started", "#"),
        ("paragraph", "For teams that need extended and premium support.", None),
        ("cta", "Choose Team", "/signup?plan=team"),
    ]
    findings = analyze(doc, Config()).findings
    assert [(f.code, f.text) for f in findings if f.code in ("CTA001", "CTA008")] == [("CTA008", "Get started")]


def test_a_file_of_unclosed_shortcodes_is_read_without_going_back_over_it():
    import time

    from plainpitch.ingest.fields import shortcode_copy

    began = time.process_time()
    assert shortcode_copy("{{< a " * 50_000 + ">}}") == [] and shortcode_copy("{{< a " * 50_000) == []
    assert time.process_time() - began < 30  # a bound against quadratic work, not a speed figure
