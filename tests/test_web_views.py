"""The editor as a daily tool, in Debian's Chromium: one state model (nothing of one view outlives it), a layout
from a 360 px phone to a wide desktop (screenshots under artifacts/screenshots/, boxes checked for overlaps),
the top three fixes first, "Fix all" with undo, the keyboard, and axe-core's accessibility check."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import (
    ROOT,
    UP_TO_DATE,
    WIDTHS,
    axe_violations,
    editor_page,
    fill_copy,
    fixtures,
    open_call,
    outside,
    overlaps,
    paste,
    pitch_call,
    require_chromium,
    shot,
    show_all,
)

pytestmark = pytest.mark.browser
require_chromium()


def _every_rule():
    from plainpitch.config import Config
    from plainpitch.web.app import create_app

    return create_app(Config(all=True))  # the fixes these tests apply (CLR001, JRG001) are off by default


server, browser, page = fixtures(_every_rule)

LANDING = (ROOT / "examples" / "landing-page.md").read_text(encoding="utf-8")
UTILIZE = ("We utilize Postgres to sync your orders. Teams utilize it every day. You can utilize the API too. "
           "Utilize it now and hopefully you save time.")  # fmt: skip
GRANOLA = ROOT / "tests" / "data" / "transcripts" / "granola_export.md"
PITCH = pitch_call()
TEAMS = ROOT / "tests" / "data" / "transcripts" / "teams_voice.vtt"
# Boxes that must never cover one another, by view (the details sheet on a phone covers the text by design,
# and is checked separately: it closes).
HEADER = [".brand", ".tab", "#open-file", "#options-toggle"]
COPY_BOXES = HEADER + [".doc-line .doc-name", "#score-chip", "#rewrite-selection", "#status", "#editor", "#score-box", "#top-findings"]
CALL_BOXES = HEADER + [".call-title", ".call-controls label", "#call-downloads button", "#call-status", ".call-summary",
                       "#call-hints li", "#timeline-chart", "#timeline-lanes > li", ".table-wrap", "#moments li",
                       "#call-findings > li"]  # fmt: skip

def visible(page, selector: str) -> bool:
    return page.locator(selector).first.is_visible()


def hover_first_mark(page) -> None:
    """Hover the first highlight the text box shows (one further down is scrolled out of sight). The top fixes are
    often about the whole page (no highlight): show every finding first."""
    show_all(page)
    top = page.locator("#editor").bounding_box()
    boxes = [page.locator("#backdrop mark").nth(i).bounding_box() for i in range(page.locator("#backdrop mark").count())]
    box = next(b for b in boxes if b and top["y"] < b["y"] < top["y"] + top["height"] - b["height"])
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.locator("#tooltip").wait_for(state="visible")


# -- 1. one state model -------------------------------------------------------------------------------------------
def test_switching_views_back_and_forth_leaves_nothing_behind(page):
    fill_copy(page, LANDING)
    hover_first_mark(page)
    page.click("#top-findings li .pick >> nth=0")
    page.locator("#selected").wait_for(state="visible")

    open_call(page, "pitch.vtt", PITCH)
    assert visible(page, "#call-view") and not visible(page, "#copy-view") and not visible(page, "#panel")
    # nothing of the copy view is left on the call view: no tooltip, no selected finding, no copy legend
    assert page.locator("#tooltip").is_hidden() and page.locator("#selected").is_hidden()
    assert page.locator("#legend").is_hidden() and page.locator("#options").is_hidden()
    assert page.locator("#selected-cards .card").count() == 0 and page.locator("#tooltip .card").count() == 0
    page.click("#call-findings li .pick >> nth=0")
    assert page.locator("#call-findings .card").count() == 1

    for _ in range(2):  # and back, twice
        page.click("#tab-copy")
        assert visible(page, "#copy-view") and page.locator("#call-view").is_hidden()
        assert page.locator("#selected").is_hidden() and page.locator("#tooltip").is_hidden()
        assert page.input_value("#input") == LANDING  # the copy itself stays
        assert page.locator("#backdrop mark.active").count() == 0
        page.click("#tab-call")
        assert visible(page, "#call-view") and page.locator("#copy-view").is_hidden()
        assert page.locator("#call-findings .card").count() == 0  # an expanded finding does not outlive its view
        assert page.locator("#call-findings [aria-expanded='true']").count() == 0
        assert page.locator("#selected").is_hidden()

    # another call replaces everything the first one showed
    first = page.inner_text("#call-header")
    open_call(page, TEAMS.name, TEAMS.read_bytes())
    assert page.text_content("#call-name") == TEAMS.name
    assert page.inner_text("#call-header") != first
    speakers = page.eval_on_selector_all("#call-me option", "os => os.map(o => o.value)")
    assert "Priya Shah" not in speakers and "Tom Becker" not in speakers, speakers  # the first call's speakers
    assert page.locator("#call-findings li[data-index]").count() == 0  # the first call's findings are gone

    # opening copy goes back to the copy view with the new file's findings, nothing selected
    page.click("#tab-copy")
    page.click("#top-findings li .pick >> nth=0")
    page.locator("#selected").wait_for(state="visible")
    paste(page, "Short and plain. Book a demo today.")  # a paste replaces what the details showed
    assert page.locator("#selected").is_hidden()
    page.wait_for_function(UP_TO_DATE)


def test_a_tapped_highlight_opens_a_sheet_that_closes_and_never_follows_to_the_call_view(browser, server):
    w, h = WIDTHS["phone"]
    with editor_page(browser, server, w, h, touch=True) as page:
        fill_copy(page, UTILIZE)
        page.evaluate("() => { document.activeElement.blur(); window.scrollTo(0, 0); }")
        box = page.locator("#backdrop mark").first.bounding_box()
        page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.locator("#selected").wait_for(state="visible")
        assert page.locator("#tooltip").is_hidden()  # no hover tooltip on a touch screen
        sheet = page.locator("#selected").bounding_box()
        assert sheet["y"] + sheet["height"] <= h + 1 and sheet["height"] <= 0.62 * h  # a sheet at the bottom
        shot(page, "phone-copy-details-sheet")
        page.click("#selected-close")
        assert page.locator("#selected").is_hidden()
        page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.locator("#selected").wait_for(state="visible")
        page.keyboard.press("Escape")
        assert page.locator("#selected").is_hidden()
        page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.locator("#selected").wait_for(state="visible")
        open_call(page, GRANOLA.name, GRANOLA.read_bytes(), "text/markdown")
        assert page.locator("#selected").is_hidden() and page.locator("#tooltip").is_hidden()


# -- 2. layout from 360 px to a desktop ---------------------------------------------------------------------------
@pytest.mark.parametrize("width_name", list(WIDTHS))
def test_layout_at_every_width(browser, server, width_name):
    w, h = WIDTHS[width_name]
    touch = w < 900
    with editor_page(browser, server, w, h, touch=touch) as page:
        fill_copy(page, LANDING)
        page.evaluate("() => { document.activeElement.blur(); window.scrollTo(0, 0); }")
        shot(page, f"{width_name}-copy")
        assert overlaps(page, COPY_BOXES) == []
        assert outside(page, COPY_BOXES) == []
        editor = page.locator("#editor").bounding_box()
        header = page.locator("header").bounding_box()
        if touch:  # the text gets most of the screen; the header stays small
            assert editor["height"] >= 0.6 * h, editor
            assert header["height"] <= 0.13 * h, header
            assert page.locator("#options").is_hidden()
            page.click("#options-toggle")
            assert page.locator("#options").is_visible()
            assert overlaps(page, HEADER + ["#options label", "#downloads button"]) == []
            page.keyboard.press("Escape")
            assert page.locator("#options").is_hidden()
        else:
            assert editor["width"] >= 0.6 * w, editor
            assert page.locator("#options").is_visible() and page.locator("#options-toggle").is_hidden()

        open_call(page, "pitch.vtt", PITCH)
        page.evaluate("() => window.scrollTo(0, 0)")
        shot(page, f"{width_name}-call", full_page=True)
        assert overlaps(page, CALL_BOXES) == []
        assert outside(page, CALL_BOXES) == []
        # the call view is one page: the document scrolls, no pane inside it does
        inner = page.evaluate("() => { const v = document.getElementById('call-view'); return v.scrollHeight - v.clientHeight; }")
        assert inner <= 1
        assert page.locator("#legend").is_hidden()
        if w < 600:  # the timeline is a list of speakers on a phone
            assert page.locator("#timeline-lanes").is_visible() and page.locator("#timeline-chart").is_hidden()
            assert page.locator("#timeline-lanes > li .lane-track").count() >= 2
        else:
            page.wait_for_function("() => { const i = document.querySelector('#timeline-chart img');"
                                   " return i && i.complete && i.naturalWidth > 0; }")  # fmt: skip


# -- 3. the call view says what the CLI says ----------------------------------------------------------------------
def test_the_call_view_says_what_the_cli_says(page):
    import re

    from plainpitch.call_review import review_bytes
    from plainpitch.emit.call import header_lines, metric_rows, render_call

    report = review_bytes(PITCH, "pitch.vtt")
    open_call(page, "pitch.vtt", PITCH)
    assert page.inner_text("#call-score") == f"{report.score.overall:.0f}"
    assert page.eval_on_selector_all("#call-header li", "ls => ls.map(l => l.textContent)") == header_lines(report)
    rows = page.eval_on_selector_all("#call-metrics tbody tr", "rs => rs.map(r => [...r.cells].map(c => c.textContent))")
    assert [(label, value) for label, value, _ in rows] == [(label, value + (" (off target)" if off else ""))
                                                            for label, value, _, off in metric_rows(report)]  # fmt: skip
    seconds = [float(n.replace(",", "")) for _, v, _ in rows for n in re.findall(r"([\d,.]+) s\b", v)]
    assert all(n < 60 for n in seconds), seconds  # a minute or more is m:ss (a pause stays in seconds)
    # one label per moment: the moment's own words, each once
    moments = page.eval_on_selector_all("#moments li span", "ss => ss.map(s => s.textContent)")
    assert moments and all(not re.match(r"^(\w+): \1: ", m) for m in moments)
    hints = page.inner_text("#call-hints")
    assert "--me" not in hints and "--" not in page.inner_text("#call-view")
    if report.details["call"]["roles"]["source"] in ("guess", "export"):
        assert "“I am” menu" in hints
    # what to work on, grouped as the CLI groups it: the same advice once, with every place it applies
    grouped = [int(n) for n in page.eval_on_selector_all("#call-findings > li", "ls => ls.map(l => l.dataset.count)")]
    assert sum(grouped) == len(report.findings) and max(grouped) > 1
    # the call type control re-reviews the call as that type
    assert page.input_value("#call-type") == ""
    page.select_option("#call-type", "closing")
    page.wait_for_function("() => document.querySelector('#call-header li').textContent.startsWith('closing')")
    assert page.input_value("#call-type") == "closing"

    for fmt, ext in (("html", ".html"), ("markdown", ".md")):
        with page.expect_download() as info:
            page.click(f"#call-downloads button[data-format='{fmt}']")
        path = Path(info.value.path())
        body = path.read_text(encoding="utf-8")
        assert info.value.suggested_filename.endswith("-report" + ext)
        want = render_call(review_bytes(PITCH, "pitch.vtt", call_type="closing"), fmt)
        if fmt == "html":
            assert body == want and "<svg" in body  # the timeline chart is in the report
        else:
            assert body.startswith(want) and "![Who spoke when](data:image/svg+xml;base64," in body


# -- issue 8 item 7: the top three fixes first --------------------------------------------------------------------
def test_the_editor_opens_with_the_top_three_fixes(page, server):
    import httpx

    fill_copy(page, LANDING)
    doc = httpx.post(server + "/api/v1/check", json={"text": LANDING, "filename": "untitled", "format": "markdown",
                                                      "profile": "business", "context": "self-serve"}).json()["documents"][0]  # fmt: skip
    shown = [int(i) for i in page.eval_on_selector_all("#top-findings li", "ls => ls.map(l => l.dataset.index)")]
    assert shown == doc["top"] and len(shown) == 3
    costs = [doc["findings"][i]["cost"] for i in shown]
    assert costs == sorted(costs, reverse=True)
    assert page.locator("#all-findings").is_hidden()
    toggle = page.locator("#show-all")
    assert toggle.inner_text() == f"Show all {len(doc['findings'])}" and toggle.get_attribute("aria-expanded") == "false"
    # the text highlights only the top fixes until the toggle shows the rest
    few = {int(i) for m in page.eval_on_selector_all("#backdrop mark", "ms => ms.map(m => m.dataset.findings)")
           for i in m.split()}  # fmt: skip
    assert few <= set(shown)
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and page.locator("#all-findings").is_visible()
    listed = page.locator("#page-findings li[data-index]").count() + page.locator("#findings li[data-index]").count()
    assert listed == len(doc["findings"])
    assert page.locator("#backdrop mark").count() > len(few)
    toggle.click()
    assert page.locator("#all-findings").is_hidden()


# -- 4. fix every use of a term, undo, the score updates ----------------------------------------------------------
def test_fix_all_uses_of_a_term_with_undo(page):
    fill_copy(page, UTILIZE)
    page.click("#show-all") if page.locator("#show-all").is_visible() else None
    before_score = page.inner_text("#score-value")
    page.click("#panel li[data-code='CLR001'] .pick >> nth=0")
    button = page.locator("#selected .apply-all")
    assert button.inner_text() == "Fix all 4"
    renders = page.evaluate("() => window.plainpitchEditor.timing.renders")
    button.click()
    page.wait_for_function(f"() => window.plainpitchEditor.timing.renders > {renders} && window.plainpitchEditor.timing.upToDate")
    fixed = page.input_value("#input")
    assert "utilize" not in fixed.lower()
    assert fixed == UTILIZE.replace("utilize", "use").replace("Utilize", "Use")  # capitals kept at a sentence start
    assert page.locator("#panel li[data-code='CLR001']").count() == 0
    assert page.inner_text("#score-value") != before_score
    assert "Replaced 4 uses" in page.inner_text("#fix-note")
    shot(page, "editor-fix-all")

    page.click("#fix-note button")  # Undo puts every one back at once
    page.wait_for_function(UP_TO_DATE)
    assert page.input_value("#input") == UTILIZE
    assert page.inner_text("#score-value") == before_score
    # and Ctrl+Z undoes a Fix all as one step too
    page.click("#panel li[data-code='CLR001'] .pick >> nth=0")
    page.click("#selected .apply-all")
    page.wait_for_function("() => !document.getElementById('input').value.includes('tilize')")
    page.focus("#input")
    page.keyboard.press("Control+z")
    assert page.input_value("#input") == UTILIZE


def test_fix_all_takes_later_uses_from_the_finding_data(page):
    """A rule that reports a term once lists its later uses in data.uses (source offsets): Fix all edits those,
    and never a place whose words changed since."""
    latency = ("Our platform cuts latency for every order. Latency costs you sales. We measure latency all day, "
               "and latency alerts go to you.")  # fmt: skip
    fill_copy(page, latency)
    if page.locator("#show-all").is_visible():
        page.click("#show-all")
    item = page.locator("#panel li[data-code^='JRG']", has_text="“latency”").first
    item.locator(".pick").click()
    uses = page.evaluate("i => window.plainpitchEditor.state.views.find(v => v.i === i).f.data.uses.length",
                         int(item.get_attribute("data-index")))  # fmt: skip
    button = page.locator("#selected .apply-all").first
    assert button.inner_text() == f"Fix all {uses + 1}"
    replacement = page.locator("#selected .apply").first.inner_text()
    button.click()
    page.wait_for_function(UP_TO_DATE)
    fixed = page.input_value("#input")
    assert "latency" not in fixed.lower() and fixed.count(replacement) + fixed.count(replacement.capitalize()) == uses + 1
    assert page.locator("#panel li", has_text="“latency”").count() == 0

    text = "Our latency is low. Latency matters. We cut latency. We cut the latenc here."
    result = page.evaluate(
        """text => {
            const view = {f: {code: 'JRG001', data: {uses: [[20, 27], [44, 51], [64, 71], [999, 1005]]}}, s: 4, e: 11,
                          page: false, source: 'latency'};
            return window.plainpitchFixes.occurrences(view, [view], text, i => i).map(o => text.slice(o.s, o.e));
        }""",
        text,
    )
    assert result == ["latency", "Latency", "latency"]  # "latenc here" and an offset past the end are skipped


# -- 5. keyboard and accessibility --------------------------------------------------------------------------------
def test_every_action_by_keyboard_with_visible_focus(page):
    fill_copy(page, UTILIZE)
    page.evaluate("() => document.activeElement.blur()")
    reached: list[str] = []
    outlines: dict[str, str] = {}
    for _ in range(60):
        page.keyboard.press("Tab")
        who = page.evaluate("() => { const a = document.activeElement; return a.id || a.className || a.tagName; }")
        if who == "BODY":  # past the last control, the browser's own UI takes focus
            continue
        reached.append(who)
        outlines[who] = page.evaluate("() => { const a = document.activeElement; const s = getComputedStyle(a);"
                                      " return a.id === 'input' ? getComputedStyle(a.parentNode).boxShadow : s.outlineStyle + ' ' + s.outlineWidth; }")  # fmt: skip
    for target in ("tab-copy", "tab-call", "tab-history", "open-file", "profile", "input", "pick", "show-all"):
        assert target in reached, (target, reached)
    assert all(v and not v.startswith("none") for v in outlines.values()), outlines  # focus is always visible
    # pick a finding with Enter, reach its "Fix all" with Tab, apply it with Enter, close the details with Escape
    if page.locator("#show-all").is_visible():
        page.focus("#show-all")
        page.keyboard.press("Enter")
    page.focus("#panel li[data-code='CLR001'] .pick")
    page.keyboard.press("Enter")
    page.locator("#selected").wait_for(state="visible")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('apply-all')"):
            break
    page.keyboard.press("Enter")
    page.wait_for_function("() => !document.getElementById('input').value.includes('tilize')")
    page.wait_for_function(UP_TO_DATE)
    page.focus("#top-findings li .pick")
    page.keyboard.press("Enter")
    page.locator("#selected").wait_for(state="visible")
    page.keyboard.press("Escape")
    assert page.locator("#selected").is_hidden()
    page.focus("#tab-call")
    page.keyboard.press("Enter")
    assert page.locator("#call-view").is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "tab-history"
    page.keyboard.press("Enter")
    assert page.locator("#history-view").is_visible() and page.locator("#call-view").is_hidden()


@pytest.mark.parametrize("width_name", ["phone", "desktop"])
def test_no_serious_accessibility_violations(browser, server, width_name):
    w, h = WIDTHS[width_name]
    with editor_page(browser, server, w, h, touch=w < 900) as page:
        assert axe_violations(page) == []  # the empty editor
        fill_copy(page, LANDING)
        page.click("#top-findings li .pick >> nth=0")
        page.locator("#selected").wait_for(state="visible")
        page.click("#show-all")
        assert axe_violations(page) == []  # findings, details, every list
        open_call(page, "pitch.vtt", PITCH)
        page.click("#call-findings li .pick >> nth=0")
        assert axe_violations(page) == []  # the call view
        # the check is real: a control with no label is caught
        page.evaluate("() => document.getElementById('call-view').append(document.createElement('input'))")
        assert [v for v in axe_violations(page) if v.startswith("label ")]
