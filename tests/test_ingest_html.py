"""The HTML loader on a realistic landing page and on broken, hostile and hidden markup."""

from __future__ import annotations

import html
import re
from pathlib import Path

from plainpitch.config import Config
from plainpitch.engine import analyze
from plainpitch.ingest import load_path, load_text
from plainpitch.model import Document, Span

LANDING = Path(__file__).parent / "data" / "ingest" / "landing.html"


def kinds(doc: Document) -> list[tuple[str, str]]:
    return [(u.kind, doc.unit_text(u)) for u in doc.units]


ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?")


def source_of(doc: Document, start: int, end: int) -> str:
    """The source of a span; an entity at its end is taken whole (its characters all map to the ``&``)."""
    s, e = doc.source_span(Span(start, end))
    amp = doc.source.rfind("&", s, e)
    m = ENTITY.match(doc.source, amp) if amp != -1 else None
    return doc.source[s : max(e, m.end() if m else e)]


def words_map_back(doc: Document) -> int:
    checked = 0
    for word in doc.words:
        src = source_of(doc, word.start, word.end)
        u = doc.units[doc.unit_at(word.start)]
        if any(u.start + c["start"] <= word.start < u.start + c["end"] for c in u.attrs.get("code", ())):
            assert src.startswith("<code") and src.endswith("</code>"), src
            continue
        assert src == word.text or html.unescape(src) == word.text, (word.text, src)
        checked += 1
    return checked


def test_landing_page_units():
    doc = load_path(LANDING)
    assert (doc.medium, doc.format) == ("page", "html")
    assert doc.meta["title"] == "Shipyard — Deploys your team can trust"
    assert doc.meta["description"] == "Shipyard turns every merge into a safe, reversible deploy."
    assert doc.meta["lang"] == "en"
    assert kinds(doc) == [
        ("heading", "Ship on Friday & sleep on Friday night"),
        ("paragraph", "Shipyard checks every deploy against your real traffic and rolls it back in seconds when "
                      "something breaks, so your on-call engineer keeps their weekend."),
        ("cta", "Start your free trial"),
        ("cta", "Book a 20-minute demo"),
        ("heading", "Why teams switch to Shipyard"),
        ("list_item", "Instant rollback – one click returns production to the last good build."),
        ("list_item", "Canary checks – 5% of users see a release before everyone else does."),
        ("list_item", "Works with code, GitHub Actions and GitLab CI."),
        ("paragraph", "Read the quick-start guide to set it up in ten minutes."),
        ("quote", "We cut failed deploys by 80% in our first month."),
        ("paragraph", "Maria Chen, VP Engineering at Northwind"),
        ("heading", "Simple pricing"),
        *[("table_cell", t) for t in ("Plan", "Price", "Best for", "Starter", "Free", "Side projects and small teams",
                                      "Team", "$49 per month", "Teams that deploy every day")],
        ("cta", "Get started free"),
        ("paragraph", "Leverage our synergistic platform."),
    ]  # fmt: skip
    assert [u.level for u in doc.units if u.kind == "heading"] == [1, 2, 2]
    assert [u.level for u in doc.units if u.kind == "list_item"] == [1, 1, 1]
    assert [u.href for u in doc.units if u.kind == "cta"] == ["/signup", "/demo", None]
    para = next(u for u in doc.units if doc.unit_text(u).startswith("Read the"))
    assert para.attrs["links"] == [{"start": 9, "end": 26, "href": "/docs/quickstart"}]
    assert [u.attrs.get("header", False) for u in doc.units if u.kind == "table_cell"][:4] == [True, True, True, False]


def test_chrome_hidden_and_code_are_dropped():
    doc = load_path(LANDING)
    for never in ("Pricing", "Log in", "cookies", "Accept all", "Buy now", "Start free today", "Secret beta",
                  "Decorative", "canary 5%", "rights reserved", "Privacy", "Logo", "dataLayer"):  # fmt: skip
        assert never not in doc.text, never


def test_offsets_point_into_the_html_file():
    doc = load_path(LANDING)
    assert words_map_back(doc) == len(doc.words) - 1  # all but the <code> placeholder
    heading = doc.units[0]
    amp = doc.unit_text(heading).index("&")
    assert doc.source.startswith("&amp;", heading.to_source(heading.start + amp))
    line, col = doc.line_col(heading.source_start)
    assert doc.line_text(line)[col - 1 :].startswith("Ship on Friday &amp; sleep")
    price = next(u for u in doc.units if doc.unit_text(u) == "$49 per month")
    assert doc.source.startswith("&#36;49", price.source_start)
    wrapped = doc.units[1]  # a paragraph that wraps over two lines of the file
    assert doc.line_col(wrapped.to_source(wrapped.end - 1))[0] == doc.line_col(wrapped.source_start)[0] + 1


def test_ignore_comment_in_html():
    text = "<p>This will hopefully help.</p><!-- plainpitch: ignore TON001 --><p>This will hopefully help.</p>"
    report = analyze(load_text(text, "a.html"), Config(select=("TON001",)))
    assert [(f.text, f.location.column) for f in report.findings] == [("hopefully", 14)]


def test_broken_html_is_still_read():
    text = ("<html><body><div><p>First paragraph <b>bold <i>both</b> still here.</div></div></div>"
            "<p>Second<p>Third</span></p></p><ul><li>One<li>Two</ul><table><tr><td>A<td>B</table>"
            "<h2>Unclosed heading<p>After it &amp more &bogus; &#x41; &#65</p><![if !IE]><p>Old IE</p><![endif]>")  # fmt: skip
    doc = load_text(text, "broken.html")
    assert kinds(doc) == [
        ("paragraph", "First paragraph bold both still here."),
        ("paragraph", "Second"),
        ("paragraph", "Third"),
        ("list_item", "One"),
        ("list_item", "Two"),
        ("table_cell", "A"),
        ("table_cell", "B"),
        ("heading", "Unclosed heading"),
        ("paragraph", "After it & more &bogus; A A"),
        ("paragraph", "Old IE"),
    ]
    assert words_map_back(doc) == len(doc.words)


def test_bare_text_buttons_and_inputs():
    text = ('<body>Bare text in the body.<div>Text in a div <span>with a span</span><br>and a break.</div>'
            '<section><a href="/x">Standalone link</a></section>'
            '<p>Inline <a href="/y">link</a> stays.</p><button type="button">Click &amp; go</button>'
            '<input type="submit" value="Send it"><input type="text" value="not a button">'
            '<a role="button" href="/z">Role button</a></body>')  # fmt: skip
    doc = load_text(text, "b.html")
    assert kinds(doc) == [
        ("paragraph", "Bare text in the body."),
        ("paragraph", "Text in a div with a span and a break."),
        ("cta", "Standalone link"),
        ("paragraph", "Inline link stays."),
        ("cta", "Click & go"),
        ("cta", "Send it"),
        ("cta", "Role button"),
    ]
    send = next(u for u in doc.units if doc.unit_text(u) == "Send it")
    assert doc.source[send.source_start : send.source_start + 7] == "Send it"
    assert words_map_back(doc) == len(doc.words)


def test_hostile_markup_loads():
    assert load_text("<div>" * 10_000 + "deep text" + "</div>" * 10_000, "d.html").text == "deep text"
    assert load_text("<div>" * 10_000 + "never closed", "d.html").text == "never closed"
    assert load_text("<ul><li>" * 5_000 + "nested items", "d.html").text == "nested items"
    assert load_text("<p>a</p>" + "</div>" * 20_000 + "<p>b</p>", "d.html").text == "a\n\nb"
    long_line = "Our product saves teams two hours a day. " * 5_000
    assert len(load_text(f"<p>{long_line}</p>", "l.html").words) == 40_000
    doc = load_text("<p>a\x00b</p><script>x = '</p>'</script><p>c</p>", "n.html")
    assert doc.text.startswith("a") and "x =" not in doc.text


def test_escaped_user_text_stays_text():
    # markup inside entities is text to read, never markup (the HTML emitter escapes it again)
    doc = load_text("<p>&lt;script&gt;alert(1)&lt;/script&gt; is not a tag here.</p>", "x.html")
    assert doc.text == "<script>alert(1)</script> is not a tag here."


def test_sibling_items_of_a_row_are_separate_words_but_a_word_split_by_emphasis_is_one():
    doc = load_text('<p>Fits: <span>Open-core procurement</span><span>Exit from licensing</span>. We re<em>use</em> '
                    "<b>it</b><i>.</i></p>", "chips.html")  # fmt: skip
    assert doc.text == "Fits: Open-core procurement Exit from licensing. We reuse it."
    start = doc.text.index("Exit")
    assert doc.source[doc.to_source(start) : doc.to_source(start) + 4] == "Exit"
