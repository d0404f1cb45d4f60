"""The editor in a real browser: Playwright drives Debian's Chromium (never a downloaded browser) against the app
served by uvicorn on loopback (tests/browser.py). Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from browser import (
    ROOT,
    UP_TO_DATE,
    drop,
    fixtures,
    open_call,
    paste,
    require_chromium,
    shot,
    show_all,
    type_copy,
)

pytestmark = pytest.mark.browser
require_chromium()


def _every_rule():
    from plainpitch.config import Config
    from plainpitch.web.app import create_app

    return create_app(Config(all=True))  # these tests type hedges and jargon, which are off by default


server, browser, page = fixtures(_every_rule)

XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'
XSS_NAME = "<img src=x onerror=window.__pwned=1>"  # no "/" (a path) nor '"' (browsers send it as %22)
HEDGED = (
    "We think our platform will hopefully cut your build times. Perhaps it is somewhat faster than what you "
    "use now, sort of. Our Kubernetes-native CDC pipeline leverages idempotent microservices."
)

def marks(page) -> list[tuple[str, str]]:
    return page.eval_on_selector_all("#backdrop mark", "ms => ms.map(m => [m.dataset.code, m.textContent])")


def pwned(page) -> bool:
    return page.evaluate("() => window.__pwned !== undefined")


def rules(server) -> dict[str, dict]:
    import httpx

    return {r["code"]: r for r in httpx.get(server + "/api/v1/rules").json()}


# -- the copy editor ----------------------------------------------------------------------------------------------
def test_typing_highlights_findings_and_explains_them(page, server):
    type_copy(page, HEDGED)
    show_all(page)
    found = marks(page)
    hedges = [text for code, text in found if code == "TON001"]
    assert hedges == ["We think", "hopefully", "Perhaps", "somewhat", "sort of"]
    if any(r["category"] == "jargon" for r in rules(server).values()):
        assert any(code.startswith("JRG") for code, _ in found), found
    assert page.eval_on_selector_all(
        "#backdrop mark[data-code='TON001']", "ms => ms.every(m => m.classList.contains('cat-tone'))"
    )
    assert float(page.inner_text("#score-value")) < 100
    # every highlight belongs to a finding listed in the side panel (overlaps split one finding into segments)
    marked = page.eval_on_selector_all("#backdrop mark", "ms => ms.flatMap(m => m.dataset.findings.split(' '))")
    listed = page.eval_on_selector_all("#findings li", "ls => ls.map(l => l.dataset.index)")
    assert set(marked) and set(marked) <= set(listed)

    # hover: the message, why it costs the sale (from the rule metadata) and the fix
    box = page.locator("#backdrop mark[data-code='TON001']").nth(1).bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    tooltip = page.locator("#tooltip")
    tooltip.wait_for(state="visible")
    why = rules(server)["TON001"]["why"]
    assert "'hopefully' hedges the claim" in tooltip.inner_text()
    assert why in tooltip.inner_text() and "Fix:" in tooltip.inner_text()
    shot(page, "editor-highlights")

    # the keyboard way in: the caret inside a finding explains it in the side panel
    page.click("#findings li[data-code='TON001'] .pick >> nth=0")
    page.locator("#selected").wait_for(state="visible")
    assert "hedges the claim" in page.inner_text("#selected")


def test_highlights_land_on_the_words_after_emoji_and_markdown(page):
    if page.locator("#format option[value='markdown']").count():
        page.select_option("#format", "markdown")
    type_copy(page, "# 🚀 Launch\n\nShip 🚀🚀 faster, **hopefully** with *perhaps* fewer 👩‍💻 steps.")
    show_all(page)
    hedges = [text for code, text in marks(page) if code == "TON001"]
    assert hedges == ["hopefully", "perhaps"]


def test_highlights_stay_on_their_words_while_typing(page):
    type_copy(page, "This will hopefully help.")
    show_all(page)
    page.click("#input")
    page.keyboard.press("Control+Home")  # edit before the finding: the highlight must move with its word
    page.keyboard.type("Yes. ")
    assert [t for c, t in marks(page) if c == "TON001"] == ["hopefully"]
    page.wait_for_function(UP_TO_DATE)
    assert [t for c, t in marks(page) if c == "TON001"] == ["hopefully"]


def _example_with_suggestion() -> tuple[str, str, str] | None:
    """A rule's own bad example whose finding (from that rule) offers a word-for-word replacement:
    (example text, rule code, flagged words)."""
    from plainpitch.config import Config
    from plainpitch.engine import analyze
    from plainpitch.ingest import load_text
    from plainpitch.rules.base import all_rules, strip_markers

    for rule in all_rules():
        for example in rule.meta.bad:
            if (example.format or rule.meta.example_format) != "markdown" or example.medium == "call":
                continue
            text = strip_markers(example.text)
            report = analyze(load_text(text, "example.md", "markdown"), Config())
            for f in report.findings:
                if f.code != rule.meta.code or not f.suggestions or f.data.get("scope") == "document":
                    continue
                replacement = f.suggestions[0].replacement
                if replacement and "…" not in replacement and len(f.text) <= 30:
                    return text, f.code, f.text
    return None


def test_apply_a_fix_changes_the_text_and_the_score(page):
    found = _example_with_suggestion()
    if found is None:
        pytest.skip("no rule offers a one-click replacement yet")
    text, code, flagged = found
    type_copy(page, text + "\n\nThis will hopefully help.")
    show_all(page)
    before_score = float(page.inner_text("#score-value"))
    before_text = page.input_value("#input")
    item = page.locator(f"#panel li[data-code='{code}']", has_text=f"“{flagged}”").first
    index = int(item.get_attribute("data-index"))
    start, end = page.evaluate(
        f"() => {{ const v = window.plainpitchEditor.state.views.find(v => v.i === {index}); return [v.s, v.e]; }}"
    )
    assert before_text[start:end] == flagged
    item.locator(".pick").click()
    apply = page.locator("#selected .apply").first
    apply.wait_for(state="visible")
    replacement = apply.inner_text()
    renders = page.evaluate("() => window.plainpitchEditor.timing.renders")
    apply.click()
    page.wait_for_function(
        f"() => window.plainpitchEditor.timing.renders > {renders} && window.plainpitchEditor.timing.upToDate"
    )
    after_text = page.input_value("#input")
    assert after_text == before_text[:start] + replacement + before_text[end:]
    # the score is recomputed from the new text; its direction is the scoring's business (a replacement can
    # trip another measure: CTA003's "Get my free quote" costs you-focus points for "my")
    assert float(page.inner_text("#score-value")) != before_score
    assert not page.locator(f"#panel li[data-code='{code}']", has_text=f"“{flagged}”").count()
    shot(page, "editor-after-fix")
    page.focus("#input")
    page.keyboard.press("Control+z")  # the fix went through the textarea's own undo stack
    assert page.input_value("#input") == before_text


def test_hostile_copy_is_shown_as_text(page):
    # as plain text the markup stays in the analysed text, so it reaches findings, quotes and tooltips
    page.select_option("#format", "text")
    copy = f"{XSS}\n\nThis will hopefully help. {XSS}\n\nOur platform <b>supports</b> {XSS} SSO through SAML and OIDC."
    page.fill("#input", copy)
    page.wait_for_function(UP_TO_DATE)
    show_all(page)
    carried = page.evaluate("() => window.plainpitchEditor.state.views.filter(v => v.f.text.includes('<img')).length")
    assert carried >= 1, "no finding carries the payload: the test would prove nothing"
    assert not pwned(page)
    for where in ("#backdrop", "#top-findings", "#findings", "#page-findings", "#selected", "#tooltip", "#panel", "header"):
        assert page.locator(f"{where} img, {where} script, {where} b").count() == 0, where
    assert XSS in page.text_content("#backdrop")
    assert "<img" in page.text_content("#panel")  # shown as the characters the writer typed
    for i in range(page.locator("#backdrop mark").count()):
        box = page.locator("#backdrop mark").nth(i).bounding_box()
        page.mouse.move(box["x"] + 3, box["y"] + 3)
        page.locator("#tooltip").wait_for(state="visible")
    assert page.locator("#tooltip img, #tooltip script").count() == 0
    assert not pwned(page)


def test_dropped_file_with_a_hostile_name_opens_as_copy(page, shared):
    page_text = (shared / "corpus" / "landing" / "supabase-vector.md").read_bytes()
    name = f"{XSS_NAME}.md"
    drop(page, "#input", name, page_text)
    page.wait_for_function("() => document.getElementById('input').value.length > 100")
    page.wait_for_function(UP_TO_DATE)
    assert page.text_content("#doc-name") == name
    assert page.locator("header img, .doc-line img, .doc-line script").count() == 0
    assert not pwned(page)
    assert page.input_value("#input") == page_text.decode("utf-8")
    assert page.locator("#top-findings li[data-index]").count() >= 1
    shot(page, "editor-dropped-page")


def test_download_the_report(page):
    type_copy(page, "This will hopefully help.")
    button = page.locator("#downloads button[data-format='json']")
    with page.expect_download() as info:
        button.click()
    download = info.value
    data = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert download.suggested_filename.endswith("-report.json")
    assert any(f["code"] == "TON001" for f in data["documents"][0]["findings"])


# -- calls --------------------------------------------------------------------------------------------------------
def _row(page, label: str) -> list[str]:
    return page.locator("#call-metrics tbody tr", has=page.locator("th", has_text=label)).first.locator("td").all_inner_texts()


def test_dropped_transcript_opens_the_call_view(page, shared):
    path = shared / "transcripts" / "formats" / "derived_from_ami" / "ES2002a_teams_style.vtt"
    open_call(page, path.name, path.read_bytes())
    page.locator("#call-view").wait_for(state="visible")
    page.wait_for_function(
        "() => { const i = document.querySelector('#timeline-chart img'); return i && i.complete && i.naturalWidth > 0; }"
    )
    assert page.locator("#call-metrics tbody tr").count() >= 1
    assert page.text_content("#call-name") == path.name
    value, target = _row(page, "Seller talk share")
    assert target.startswith("≤") and target.endswith("%"), target
    assert page.locator("#moments li").count() >= 1
    shot(page, "call-view")

    # "I am": naming the seller re-reviews the call with that speaker's turns as the seller's
    assert page.input_value("#call-me") == "Project Manager"
    page.select_option("#call-me", "Marketing")
    page.wait_for_function(
        "before => { const c = document.querySelector('#call-metrics tbody tr td'); return c && c.textContent !== before; }",
        arg=value,
    )
    assert page.input_value("#call-me") == "Marketing"


def test_a_pasted_transcript_opens_the_call_view_and_pasted_copy_stays_copy(page):
    transcript = (ROOT / "tests" / "data" / "transcripts" / "granola_export.md").read_text(encoding="utf-8")
    paste(page, transcript)
    page.locator("#call-view").wait_for(state="visible")
    assert page.text_content("#call-name") == "pasted transcript.txt"
    page.wait_for_function("() => document.querySelectorAll('#call-metrics tbody tr').length > 0")
    assert "1:36 long" in page.inner_text("#call-header")  # lengths as m:ss, as the CLI and the HTML report write them
    page.click("#tab-copy")
    page.locator("#copy-view").wait_for(state="visible")
    copy = "\n\n".join([HEDGED, HEDGED, "Book a demo today."])
    paste(page, copy)
    page.wait_for_function("t => document.querySelector('#input').value.includes(t)", arg="Book a demo today.")
    assert page.locator("#call-view").is_hidden()


def test_hostile_speaker_names_stay_text(page):
    vtt = (
        "WEBVTT\n\n00:00:00.000 --> 00:00:06.000\n<v Ana>Hi, thanks for making time. What made you look at us?</v>\n\n"
        f"00:00:06.500 --> 00:00:14.000\n<v {XSS}>Our builds are slow and the team is blocked every day.</v>\n\n"
        "00:00:14.500 --> 00:00:20.000\n<v Ana>Could we book a demo with your lead on Tuesday at ten?</v>\n"
    )
    open_call(page, f"{XSS_NAME}.vtt", vtt.encode())
    assert not pwned(page)
    assert page.locator("#call-view script, #call-view img:not(#timeline-chart img)").count() == 0
    assert page.text_content("#call-name") == f"{XSS_NAME}.vtt"
    # the speaker's name (as far as WebVTT's <v> tag carries it) is shown as the characters it holds
    speakers = page.eval_on_selector_all("#call-me option", "os => os.map(o => o.textContent)")
    assert any(s.startswith("<img src=x") for s in speakers), speakers
    assert "<img src=x" in page.text_content("#timeline-lanes")
