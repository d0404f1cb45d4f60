"""The editor in a real browser: Playwright drives Debian's Chromium (never a downloaded browser) against the app
served by uvicorn on loopback. Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is not installed (`make browser` installs Debian's chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "artifacts" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]  # fmt: skip
XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'
XSS_NAME = "<img src=x onerror=window.__pwned=1>"  # no "/" (a path) nor '"' (browsers send it as %22)
HEDGED = (
    "We think our platform will hopefully cut your build times. Perhaps it is somewhat faster than what you "
    "use now, sort of. Our Kubernetes-native CDC pipeline leverages idempotent microservices."
)
UP_TO_DATE = "() => window.plainpitchEditor && window.plainpitchEditor.timing.upToDate"


@pytest.fixture(scope="module")
def server():
    import uvicorn

    from plainpitch.web.app import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    from plainpitch.config import Config

    # every rule: these tests are about highlights and explanations, and the hedges they type are off by default
    srv = uvicorn.Server(uvicorn.Config(create_app(Config(all=True)), log_level="warning"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    srv.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server, request):
    """A fresh editor page; afterwards: no request left the server, no script error, no CSP violation."""
    context = browser.new_context(viewport={"width": 1280, "height": 820}, accept_downloads=True)
    pg = context.new_page()
    requests: list[str] = []
    problems: list[str] = []
    dialogs: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.goto(server + "/")
    pg.wait_for_selector("body[data-ready='1']")
    yield pg
    foreign = [u for u in requests if not u.startswith((server + "/", "blob:", "data:"))]
    context.close()
    assert foreign == [], f"requests left the machine: {foreign}"
    assert dialogs == [], f"a dialog opened: {dialogs}"
    assert not [p for p in problems if "Content Security Policy" in p or p.startswith("page error")], problems


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def type_copy(page, text: str) -> None:
    page.click("#input")
    page.keyboard.type(text, delay=2)
    page.wait_for_function(UP_TO_DATE)


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
    page.click("#findings li[data-code='TON001'] >> nth=0")
    page.locator("#selected").wait_for(state="visible")
    assert "hedges the claim" in page.inner_text("#selected")


def test_highlights_land_on_the_words_after_emoji_and_markdown(page):
    if page.locator("#format option[value='markdown']").count():
        page.select_option("#format", "markdown")
    type_copy(page, "# 🚀 Launch\n\nShip 🚀🚀 faster, **hopefully** with *perhaps* fewer 👩‍💻 steps.")
    hedges = [text for code, text in marks(page) if code == "TON001"]
    assert hedges == ["hopefully", "perhaps"]


def test_highlights_stay_on_their_words_while_typing(page):
    type_copy(page, "This will hopefully help.")
    page.keyboard.press("Home")  # edit before the finding: the highlight must move with its word
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
    before_score = float(page.inner_text("#score-value"))
    before_text = page.input_value("#input")
    item = page.locator(f"#findings li[data-code='{code}']", has_text=f"“{flagged}”").first
    index = int(item.get_attribute("data-index"))
    start, end = page.evaluate(
        f"() => {{ const v = window.plainpitchEditor.state.view.find(v => v.i === {index}); return [v.s, v.e]; }}"
    )
    assert before_text[start:end] == flagged
    item.click()
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
    assert not page.locator(f"#findings li[data-code='{code}']", has_text=f"“{flagged}”").count()
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
    carried = page.evaluate("() => window.plainpitchEditor.state.view.filter(v => v.f.text.includes('<img')).length")
    assert carried >= 1, "no finding carries the payload: the test would prove nothing"
    assert not pwned(page)
    for where in ("#backdrop", "#findings", "#page-findings", "#selected", "#tooltip", "#panel", "header"):
        assert page.locator(f"{where} img, {where} script, {where} b").count() == 0, where
    assert XSS in page.text_content("#backdrop")
    assert "<img" in page.text_content("#panel")  # shown as the characters the writer typed
    for i in range(page.locator("#backdrop mark").count()):
        box = page.locator("#backdrop mark").nth(i).bounding_box()
        page.mouse.move(box["x"] + 3, box["y"] + 3)
        page.locator("#tooltip").wait_for(state="visible")
    assert page.locator("#tooltip img, #tooltip script").count() == 0
    assert not pwned(page)


def _drop(page, selector: str, name: str, content: bytes, mime: str = "text/plain") -> None:
    page.evaluate(
        """([selector, name, bytes, mime]) => {
            const dt = new DataTransfer();
            dt.items.add(new File([new Uint8Array(bytes)], name, {type: mime}));
            document.querySelector(selector).dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
        }""",
        [selector, name, list(content), mime],
    )


def test_dropped_file_with_a_hostile_name_opens_as_copy(page, shared):
    page_text = (shared / "corpus" / "landing" / "supabase-vector.md").read_bytes()
    name = f"{XSS_NAME}.md"
    _drop(page, "#input", name, page_text)
    page.wait_for_function("() => document.getElementById('input').value.length > 100")
    page.wait_for_function(UP_TO_DATE)
    assert page.text_content("#doc-name") == name
    assert page.locator("header img, .doc-line img, .doc-line script").count() == 0
    assert not pwned(page)
    assert page.input_value("#input") == page_text.decode("utf-8")
    assert page.locator("#findings li").count() >= 1
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
def test_dropped_transcript_opens_the_call_view(page, shared):
    path = shared / "transcripts" / "formats" / "derived_from_ami" / "ES2002a_teams_style.vtt"
    _drop(page, "#input", path.name, path.read_bytes(), "text/vtt")
    page.locator("#call-view").wait_for(state="visible")
    img = page.locator("#timeline img")
    img.wait_for(state="visible", timeout=30_000)
    page.wait_for_function(
        "() => { const i = document.querySelector('#timeline img'); return i && i.complete && i.naturalWidth > 0; }"
    )
    assert page.locator("#call-metrics tbody tr").count() >= 1
    assert page.text_content("#call-name") == path.name
    benchmarked = page.locator("#call-metrics tr[data-metric='call.talk_share.seller'] td").nth(1).inner_text()
    assert benchmarked.startswith("at most"), benchmarked
    assert page.locator("#moments li").count() >= 1
    shot(page, "call-view")

    # "I am": naming the seller re-reviews the call with that speaker's turns as the seller's
    share = "#call-metrics tr[data-metric='call.talk_share.seller'] td >> nth=0"
    before = page.inner_text(share)
    assert page.input_value("#call-me") == "Project Manager"
    page.select_option("#call-me", "Marketing")
    page.wait_for_function(
        "before => { const c = document.querySelector(\"#call-metrics tr[data-metric='call.talk_share.seller'] td\");"
        " return c && c.textContent !== before; }",
        arg=before,
    )
    assert page.input_value("#call-me") == "Marketing"


def _paste(page, text: str) -> None:
    page.focus("#input")
    page.evaluate(
        """t => { const dt = new DataTransfer(); dt.setData('text/plain', t);
           document.querySelector('#input').dispatchEvent(
             new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true})); }""",
        text,
    )


def test_a_pasted_transcript_opens_the_call_view_and_pasted_copy_stays_copy(page):
    transcript = (ROOT / "tests" / "data" / "transcripts" / "granola_export.md").read_text(encoding="utf-8")
    _paste(page, transcript)
    page.locator("#call-view").wait_for(state="visible")
    assert page.text_content("#call-name") == "pasted transcript.txt"
    page.wait_for_function("() => document.querySelectorAll('#call-metrics tbody tr').length > 0")
    length = page.locator("#call-metrics tr[data-metric='call.duration_s'] td").nth(0).inner_text()
    assert length == "1:36", length  # lengths as m:ss, as the CLI and the HTML report write them
    page.click("#back-to-editor")
    page.locator("#copy-view").wait_for(state="visible")
    copy = "\n\n".join([HEDGED, HEDGED, "Book a demo today."])
    _paste(page, copy)
    page.wait_for_function("t => document.querySelector('#input').value.includes(t)", arg="Book a demo today.")
    assert page.locator("#call-view").is_hidden()


def test_hostile_speaker_names_stay_text(page):
    vtt = (
        "WEBVTT\n\n00:00:00.000 --> 00:00:06.000\n<v Ana>Hi, thanks for making time. What made you look at us?</v>\n\n"
        f"00:00:06.500 --> 00:00:14.000\n<v {XSS}>Our builds are slow and the team is blocked every day.</v>\n\n"
        "00:00:14.500 --> 00:00:20.000\n<v Ana>Could we book a demo with your lead on Tuesday at ten?</v>\n"
    )
    _drop(page, "#input", f"{XSS_NAME}.vtt", vtt.encode(), "text/vtt")
    page.locator("#call-view").wait_for(state="visible")
    page.wait_for_function("() => document.querySelector('#timeline img, #timeline .timeline-note')")
    assert not pwned(page)
    assert page.locator("#call-view script, #call-view img:not(#timeline img)").count() == 0
    assert page.text_content("#call-name") == f"{XSS_NAME}.vtt"
