"""The Markdown loader on the shared corpus and on hand-made edge cases: units, exact offsets, what is not prose."""

from __future__ import annotations

import html
import re

import pytest

from conftest import SHARED
from plainpitch.config import Config
from plainpitch.engine import analyze
from plainpitch.ingest import load_path, load_text
from plainpitch.model import Document, Span

CORPUS = SHARED / "corpus"
CORPUS_FILES = sorted(p for sub in ("landing", "sales", "emails", "readme") for p in (CORPUS / sub).glob("*.md"))


def kinds(doc: Document) -> list[tuple[str, str]]:
    return [(u.kind, doc.unit_text(u)) for u in doc.units]


def unit(doc: Document, text: str):
    found = [u for u in doc.units if doc.unit_text(u) == text]
    assert found, f"no unit {text!r} in {[doc.unit_text(u) for u in doc.units]}"
    return found[0]


def source_of(doc: Document, start: int, end: int) -> str:
    s, e = doc.source_span(Span(start, end))
    return doc.source[s:e]


def assert_words_map_back(doc: Document) -> int:
    """Every word's source span holds that word (entities decoded, escapes and code placeholders allowed)."""
    checked = 0
    for word in doc.words:
        src = source_of(doc, word.start, word.end)
        u = doc.units[doc.unit_at(word.start)]
        in_code = any(u.start + c["start"] <= word.start < u.start + c["end"] for c in u.attrs.get("code", ()))
        if in_code:
            assert src.startswith("`") and src.endswith("`"), (word.text, src)
            continue
        assert src == word.text or html.unescape(src) == word.text or src.replace("\\", "") == word.text, (
            doc.path, word.text, src)  # fmt: skip
        checked += 1
    return checked


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"NEEDS SHARED DATA: {CORPUS} is not there")
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_word_of_the_corpus_maps_back_to_the_file(path):
    doc = load_path(path)
    assert doc.format == "markdown"
    assert assert_words_map_back(doc) > 10
    for u in doc.units:
        text = doc.unit_text(u)
        assert text == text.strip() and "  " not in text
        assert "**" not in text and "](" not in text, text


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"NEEDS SHARED DATA: {CORPUS} is not there")
def test_corpus_has_many_words_checked():
    total = sum(assert_words_map_back(load_path(p)) for p in CORPUS_FILES)
    assert len(CORPUS_FILES) >= 60 and total > 20_000


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"NEEDS SHARED DATA: {CORPUS} is not there")
def test_landing_page_units():
    doc = load_path(CORPUS / "landing" / "supabase-auth.md")
    assert doc.medium == "page" and doc.meta["title"] == "Auth | Built-in user management"
    got = kinds(doc)
    assert got[:4] == [
        ("heading", "Auth | Built-in user management"),
        ("paragraph", "Authentication that you can afford that is built in to your supabase project."),
        ("heading", "Authentication"),
        ("heading", "Open Source Auth (with tons of integrations)"),
    ]
    assert [u.level for u in doc.units[:4]] == [1, 0, 2, 1]
    assert [t for k, t in got if k == "cta"] == ["Documentation", "Explore documentation"]
    item = unit(doc, "Enterprise logins — Support for SAML, Azure. More enterprise providers and SSO coming soon.")
    assert item.kind == "list_item" and item.level == 1
    quote = [t for k, t in got if k == "quote"]
    assert len(quote) == 1 and quote[0].startswith("“Supabase is not only super easy")
    # the CTA maps to its label in the file, the bold item to the text inside the ** markers
    cta = unit(doc, "Explore documentation")
    assert doc.line_text(doc.line_col(cta.source_start)[0]) == "[CTA: Explore documentation]"
    assert source_of(doc, item.start, item.start + len("Enterprise logins")) == "Enterprise logins"


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"NEEDS SHARED DATA: {CORPUS} is not there")
def test_ctas_inside_paragraphs_and_list_items_are_split_out():
    doc = load_path(CORPUS / "landing" / "supabase-vector.md")
    item = unit(doc, "Semantic Search — Search your own knowledge base by semantic similarity.")
    following = doc.units[doc.units.index(item) + 1]
    assert item.kind == "list_item" and (following.kind, doc.unit_text(following)) == ("cta", "View example")
    zulip = load_path(CORPUS / "landing" / "zulip-for-business.md")
    ctas = [t for k, t in kinds(zulip) if k == "cta"]
    assert ctas[:3] == ["Create organization", "Get a demo", "Self-host Zulip"]  # one paragraph, three buttons
    assert not any("[CTA" in t for _, t in kinds(zulip))


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"NEEDS SHARED DATA: {CORPUS} is not there")
def test_gfm_table_cells():
    doc = load_path(CORPUS / "landing" / "posthog-feature-flags.md")
    cells = [u for u in doc.units if u.kind == "table_cell"]
    header = [doc.unit_text(u) for u in cells if u.attrs["header"]]
    assert header == ["LaunchDarkly", "Optimizely", "Flagsmith", "GrowthBook", "PostHog"]
    posthog = cells[4]
    assert (posthog.attrs["row"], posthog.attrs["col"]) == (0, 5)
    assert source_of(doc, posthog.start, posthog.end) == "PostHog"  # inside **PostHog**
    flag = unit(doc, "Flag scheduling")
    assert flag.kind == "table_cell" and flag.attrs == {"row": 9, "col": 0, "header": False}


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"NEEDS SHARED DATA: {CORPUS} is not there")
def test_readme_alert_labels_and_inline_code():
    doc = load_path(CORPUS / "readme" / "telegraf-mysql.md")
    quote = next(u for u in doc.units if u.kind == "quote")
    assert doc.unit_text(quote).startswith("To gather metrics from the performance schema")
    para = next(u for u in doc.units if doc.unit_text(u).startswith("When code, a variety"))
    span = para.attrs["code"][0]
    assert source_of(doc, para.start + span["start"], para.start + span["end"]) == "`metric_version = 2`"
    assert not any("metric_version" in doc.unit_text(u) for u in doc.units)


EDGES = """---
title: Edge page
description: "Never linted"
---

Setext *heading*
================

[Get started free](https://example.com/signup "Sign up")

- [Docs](https://example.com/docs)
- Item with [a link](https://x.example) and `git push`, ![the logo](logo.png) and more.
  - Nested **bold** item &amp; an escaped \\* star
    1. Third level <https://example.com> autolink

> Quote line one
> continues here.

```python
print("fenced code is never prose")
```

    indented code is never prose either

<!-- an ordinary comment is never prose -->

Hard line\\
break and tab\there.

![only an image](picture.png)

[ref link][r] and [shortcut] end.

[r]: https://example.com/r
[shortcut]: https://example.com/s
"""


def test_markup_is_removed_and_offsets_stay_exact():
    doc = load_text(EDGES, "edges.md")
    assert doc.meta["front_matter"] == {"title": "Edge page", "description": "Never linted"}
    assert doc.meta["title"] == "Edge page"
    assert kinds(doc) == [
        ("heading", "Setext heading"),
        ("cta", "Get started free"),
        ("link", "Docs"),
        ("list_item", "Item with a link and code, and more."),
        ("list_item", "Nested bold item & an escaped * star"),
        ("list_item", "Third level https://example.com autolink"),
        ("quote", "Quote line one continues here."),
        ("paragraph", "Hard line break and tab here."),
        ("paragraph", "ref link and shortcut end."),
    ]
    assert [u.level for u in doc.units if u.kind == "list_item"] == [1, 2, 3]
    assert [u.href for u in doc.units[1:3]] == ["https://example.com/signup", "https://example.com/docs"]
    item = doc.units[3]
    assert item.attrs["links"] == [{"start": 10, "end": 16, "href": "https://x.example"}]
    assert source_of(doc, item.start + 21, item.start + 25) == "`git push`"
    nested = doc.units[4]
    text = doc.unit_text(nested)
    amp = text.index("&")
    assert doc.source.startswith("&amp;", nested.to_source(nested.start + amp))  # the entity's "&"
    star = text.index("*")
    assert source_of(doc, nested.start + star, nested.start + star + 1) == "*"
    assert doc.source[doc.units[7].to_source(doc.units[7].start + len("Hard line"))] == "\n"
    assert assert_words_map_back(doc) == len(doc.words) - 1  # all but the code placeholder
    for never in ("fenced", "indented", "ordinary", "logo", "only an image", "Never linted", "Edge page"):
        assert never not in doc.text


def test_tabs_in_list_continuation_lines_keep_exact_offsets():
    doc = load_text("- first line\n\tcontinued after a tab\n", "tabs.md")
    assert kinds(doc) == [("list_item", "first line continued after a tab")]
    assert assert_words_map_back(doc) == 6


def test_html_blocks_are_read_as_html():
    doc = load_text(
        '# Title\n\n<div align="center">\n  <p>Made &amp; loved by <a class="button" href="/go">Try it</a></p>\n</div>\n',
        "h.md",
    )
    assert kinds(doc) == [("heading", "Title"), ("paragraph", "Made & loved by"), ("cta", "Try it")]
    assert doc.units[2].href == "/go"
    assert assert_words_map_back(doc) == 6


HEDGED = "This will hopefully cut your build times."


def hedges(text: str, path: str = "s.md") -> list[str]:
    report = analyze(load_text(text, path), Config(select=("TON001",)))
    return [f.text for f in report.findings if f.code == "TON001"]


def test_ignore_comment_silences_the_next_block_only():
    assert hedges(f"{HEDGED}\n") == ["hopefully"]
    assert hedges(f"<!-- plainpitch: ignore TON001 -->\n{HEDGED}\n\n{HEDGED}\n") == ["hopefully"]
    assert hedges(f"<!-- plainpitch: ignore hedge-word -->\n- {HEDGED}\n- {HEDGED}\n\n{HEDGED}\n") == ["hopefully"]
    assert hedges(f"<!-- plainpitch: ignore JRG001 -->\n{HEDGED}\n") == ["hopefully"]  # other codes only
    assert hedges(f"{HEDGED}\n\n<!-- plainpitch: ignore-file -->\n\n{HEDGED}\n") == []


def test_an_email_in_markdown():
    text = (
        "Subject: Fewer **Friday** rollbacks\nTo: dana@example.com\n\nHi Dana,\n\n"
        "Teams like yours lose *Friday afternoons* to rollbacks.\n\nWorth a call on Tuesday?\n\nThanks,\nSam\n\n"
        "-- \nSam Patel, Shipyard\n\nOn Mon, 3 Mar 2025 at 09:14, Dana <dana@example.com> wrote:\n> We are looking.\n"
    )
    doc = load_text(text, "mail.md")
    assert doc.medium == "email"
    assert doc.meta["subject"] == "Fewer Friday rollbacks" and doc.meta["to"] == "dana@example.com"
    assert kinds(doc) == [
        ("subject", "Fewer Friday rollbacks"),
        ("paragraph", "Hi Dana,"),
        ("paragraph", "Teams like yours lose Friday afternoons to rollbacks."),
        ("paragraph", "Worth a call on Tuesday?"),
        ("paragraph", "Thanks, Sam"),
    ]
    assert assert_words_map_back(doc) == len(doc.words)


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"NEEDS SHARED DATA: {CORPUS} is not there")
def test_subject_lines_inside_a_page_are_subject_units():
    doc = load_path(CORPUS / "emails" / "posthog-ghosting-sequence.md")
    assert [t for k, t in kinds(doc) if k == "subject"] == ["Still interested?", "Did I lose you?"]
    assert doc.medium == "page"


def test_deep_nesting_does_not_recurse_without_end():
    for text in ("> " * 5000 + "deep\n\nafter the quotes.", "- " * 5000 + "deep\n", "1. " * 3000 + "x\n",
                 "*" * 5000 + "x" + "*" * 5000, "[" * 5000 + "x" + "](u)" * 5000):  # fmt: skip
        doc = load_text(text, "deep.md")
        assert doc.format == "markdown"
    assert "after the quotes." in load_text("> " * 5000 + "deep\n\nafter the quotes.", "deep.md").text


def test_a_1000_word_page_is_linear_work():
    # no clock here: the same page ten times over makes ten times the units, and loading still succeeds
    page = (CORPUS / "landing" / "zulip-for-business.md").read_text(encoding="utf-8") if CORPUS.is_dir() else EDGES
    one, ten = load_text(page, "p.md"), load_text("\n\n".join([page] * 10), "p.md")
    assert len(ten.units) == 10 * len(one.units) and len(ten.words) == 10 * len(one.words)


def _alnum(text: str) -> str:
    return re.sub(r"[\W_]+", "", html.unescape(text)).lower()


def _subsequence(needle: str, hay: str) -> bool:
    it = iter(hay)
    return all(ch in it for ch in needle)


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"NEEDS SHARED DATA: {CORPUS} is not there")
def test_findings_on_the_corpus_point_at_their_text_in_the_file():
    """Every finding of every rule: the file's text at its location reads as the flagged text (markup aside)."""
    from plainpitch.rules.base import all_rules

    rules = all_rules()
    checked = 0
    for path in sorted((CORPUS / "landing").glob("*.md")) + sorted((CORPUS / "emails").glob("*.md")):
        doc = load_path(path)
        try:  # every rule in one analysis (each finding is its own rule's); one by one only if a rule raises
            findings = list(analyze(doc, Config(), rules=rules).findings)
        except Exception:  # noqa: BLE001 - a rule's own bug is its own tests' business, not the loader's
            findings = []
            for rule in rules:
                try:
                    findings += analyze(doc, Config(), rules=[rule]).findings
                except Exception:  # noqa: BLE001
                    continue
        for f in findings:
            src = doc.source[f.location.start : f.location.end]
            want, got = _alnum(f.text), _alnum(src)
            if not want:
                continue
            assert got[:1] == want[:1] and got[-1:] == want[-1:] and _subsequence(want, got), (
                path.name, f.code, f.text, src)  # fmt: skip
            checked += 1
    assert checked > 50


def test_indented_page_markup_is_copy_but_an_indented_snippet_stays_code():
    page = ("# Consulting\n\n\t<p>We accelerate <strong>predictable delivery</strong> by embedding a senior advocate in "
            "your team.</p>\n\nBook a call.\n\nEmbed the widget:\n\n    <script src=\"/w.js\"></script>\n")  # fmt: skip
    doc = load_text(page, "page.md", "markdown")
    assert "We accelerate predictable delivery by embedding a senior advocate in your team." in doc.text
    assert "w.js" not in doc.text and doc.meta["code_blocks"] == 1  # the snippet: code for the reader, not copy
    start = doc.text.index("predictable")
    assert doc.source[doc.to_source(start) : doc.to_source(start) + 11] == "predictable"


# -- copy a copy deck keeps in fences ---------------------------------------------------------------------------
_DECK = ("# Win-back e-mails\n\n## E-mail 1\n\n**Subject:** We saved your projects\n\n```\nHey {{first_name}},\n\n"
         "We kept every project you made. Pick up where you left off.\n\nWorth a look this week? Just reply to this "
         "email.\n\nBest,\nMia\n```\n")  # fmt: skip


def test_an_e_mail_a_copy_deck_keeps_in_a_fence_is_read_as_copy_where_it_is_written():
    doc = load_text(_DECK, "deck.md", "markdown")
    texts = [doc.unit_text(u) for u in doc.units]
    assert "We kept every project you made. Pick up where you left off." in texts
    for unit in doc.units:  # every unit maps back to the very characters of the file
        assert doc.source[doc.to_source(unit.start) : doc.to_source(unit.end - 1) + 1] == doc.unit_text(unit)
    report = analyze(doc, Config())
    assert "CTA001" not in {f.code for f in report.findings}, "its ask is in the fence"


@pytest.mark.parametrize(
    "fence",
    [
        "```bash\n$ pip install acme\n$ acme sync --all\n```",  # commands
        "```\nimport acme\nacme.sync(every=5)  # keep the dashboards current.\nprint('done.')\n```",  # code
        "```python\nWe keep every project you made. Pick up where you left off. It is all there.\n```",  # a language
        "```\nUsage: acme [OPTIONS]\n  --all    Sync everything.\n  --help   Show this message.\n```",  # help text
    ],
)
def test_code_and_command_fences_stay_code(fence):
    doc = load_text(f"# Acme\n\nAcme syncs your dashboards.\n\n{fence}\n", "r.md", "markdown")
    assert [doc.unit_text(u) for u in doc.units] == ["Acme", "Acme syncs your dashboards."]


def test_a_front_matter_button_the_theme_is_told_not_to_show_is_not_copy():
    page = ("---\nbanner:\n  title: \"Salesforce work that pays for itself\"\n  button:\n    enable: false\n"
            "    label: \"Get Started Now\"\n    link: \"#\"\n---\n")  # fmt: skip
    doc = load_text(page, "_index.md", "markdown")
    assert "Get Started Now" not in doc.text
    shown = load_text(page.replace("enable: false", "enable: true"), "_index.md", "markdown")
    assert any(u.kind == "cta" and shown.unit_text(u) == "Get Started Now" for u in shown.units)


def test_a_front_matter_section_switched_off_hides_everything_it_holds():
    page = ("---\nfeatures:\n  - title: \"Salesforce experts for your sales team\"\n    content: \"We set up Sales Cloud "
            "and train your team in a week.\"\n  - title: \"Results you can measure\"\n    content: \"Our clients see a "
            "300% return within a year.\"\n    button:\n      enable: true\n      label: \"See case studies\"\n"
            "    enable: false\n---\n")  # fmt: skip
    doc = load_text(page, "_index.md", "markdown")
    assert "We set up Sales Cloud" in doc.text
    assert "300% return" not in doc.text and "See case studies" not in doc.text


@pytest.mark.parametrize(
    "destination",
    ['{{< ref "/contact" >}} "Contact"', "{{ site.baseurl }}/contact", "{% link contact.md %}", '{{< relref "x.md" >}}'],
)
def test_a_link_whose_destination_is_a_template_directive_is_a_link(destination):
    """A site generator fills the link's address; the reader still sees a link (the page's ask), not its markup."""
    doc = load_text(f"# Hypnotherapy\n\nWhen you are ready, [**book a free call**]({destination}) with me.\n", "page.md")
    para = unit(doc, "When you are ready, book a free call with me.")
    (link,) = para.attrs["links"]
    assert doc.unit_text(para)[link["start"] : link["end"]] == "book a free call"
