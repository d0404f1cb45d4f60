"""The HTTP API and the page it serves: shapes, errors, limits, and the security promises of `plainpitch serve`."""

from __future__ import annotations

import email.message
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import warnings
from html.parser import HTMLParser
from pathlib import Path

import pytest

with warnings.catch_warnings():  # Starlette nags about httpx vs httpx2; the client works the same
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from plainpitch.formats import COPY_FORMATS, TRANSCRIPT_FORMATS
from plainpitch.rules.base import all_rules
from plainpitch.web.api import REPORT_TYPES
from plainpitch.web.app import STATIC, create_app
from plainpitch.web.security import MAX_BODY

ROOT = Path(__file__).resolve().parents[1]
HEDGED = "This will hopefully cut your build times. Perhaps it is somewhat faster, sort of."
XSS = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">'


@pytest.fixture(scope="module")
def app():
    return create_app()


@pytest.fixture(scope="module")
def client(app):
    return TestClient(app, base_url="http://localhost")


def _error(response, status: int, code: str | None = None) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    err = response.json()["error"]
    if code:
        assert err["code"] == code
    message = err["message"]
    assert message and "\n" not in message and "Traceback" not in message
    return message


def _validate_report(data: dict) -> None:
    """Against the report's schema (shipped in the package), and the basics."""
    import jsonschema

    from plainpitch.emit.json_report import report_schema

    assert data["schema_version"].startswith("1.")
    assert data["summary"]["documents"] == len(data["documents"]) == 1
    jsonschema.validate(data, report_schema())


def _source_slices(data: dict, source: str) -> list[tuple[str, str]]:
    return [
        (f["code"], source[f["location"]["start"] : f["location"]["end"]]) for f in data["documents"][0]["findings"]
    ]


# -- the page ---------------------------------------------------------------------------------------------------
def test_editor_page_has_strict_security_headers(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "access-control-allow-origin" not in r.headers


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.script_text = ""
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.script_text += data.strip()


def test_editor_html_has_no_inline_script_style_or_handlers():
    parser = _Tags()
    parser.feed((STATIC / "editor.html").read_text(encoding="utf-8"))
    scripts = [attrs for tag, attrs in parser.tags if tag == "script"]
    assert scripts and all(a.get("src", "").startswith("/static/") for a in scripts)
    assert parser.script_text == ""
    for tag, attrs in parser.tags:
        assert not any(name.startswith("on") for name in attrs), f"inline handler on <{tag}>"
        assert "style" not in attrs, f"inline style on <{tag}> (the CSP blocks it)"


def test_every_asset_is_local():
    for path in STATIC.iterdir():
        text = path.read_text(encoding="utf-8")
        for ref in re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)""", text):
            assert ref.startswith(("/static/", "#")), f"{path.name} refers to {ref}"
        # no absolute URL anywhere but an SVG's XML namespace
        urls = [u for u in re.findall(r"https?://[^\s\"')]+", text) if u != "http://www.w3.org/2000/svg"]
        assert urls == [], f"{path.name} names {urls}"
        assert "@import" not in text and "url(http" not in text
    js = "\n".join(p.read_text(encoding="utf-8") for p in sorted(STATIC.glob("*.js")))
    assert "innerHTML" not in js and "outerHTML" not in js and "insertAdjacentHTML" not in js
    assert "eval(" not in js and "new Function" not in js and "document.write" not in js
    assert set(re.findall(r"fetch\('([^']+)'", js)) <= {
        "/api/v1/check",
        "/api/v1/open",
        "/api/v1/call/view",
        "/api/v1/rewrite",
    }
    assert set(re.findall(r"downloadFrom\('([^']+)'", js)) <= {"/api/v1/report/", "/api/v1/call/report/"}


@pytest.mark.parametrize(
    "name,media", [("editor.js", "javascript"), ("ui.js", "javascript"), ("fixes.js", "javascript"),
                   ("call.js", "javascript"), ("editor.css", "text/css"), ("favicon.svg", "image/svg+xml")]
)
def test_static_files_are_served(client, name, media):
    r = client.get(f"/static/{name}")
    assert r.status_code == 200 and media in r.headers["content-type"]
    assert r.headers["x-content-type-options"] == "nosniff"


# -- /api/v1/check ----------------------------------------------------------------------------------------------
def test_check_text_finds_hedges_at_their_source_offsets(client):
    r = client.post("/api/v1/check", json={"text": HEDGED, "format": "text", "filename": "draft.txt",
                                              "select": ["ALL"]})  # TON001 is off by default
    assert r.status_code == 200
    data = r.json()
    _validate_report(data)
    doc = data["documents"][0]
    assert doc["path"] == "draft.txt" and doc["format"] == "text"
    hedges = [text for code, text in _source_slices(data, HEDGED) if code == "TON001"]
    assert hedges == ["hopefully", "Perhaps", "somewhat", "sort of"]
    assert doc["score"]["overall"] < 100


def test_check_markdown_locations_point_into_the_typed_text(client):
    source = "# Ship faster\n\nThis will **hopefully** cut your *build* times.\n\n- perhaps a list item\n"
    r = client.post("/api/v1/check", json={"text": source, "format": "markdown", "select": ["TON001"]})
    data = r.json()
    hedges = [f for f in data["documents"][0]["findings"] if f["code"] == "TON001"]
    assert [source[f["location"]["start"] : f["location"]["end"]] for f in hedges] == ["hopefully", "perhaps"]
    # the analysed text dropped the Markdown markers, so spans and locations differ: the editor must use locations
    assert hedges[0]["span"]["start"] != hedges[0]["location"]["start"]


def test_check_without_a_format_sniffs_it(client):
    html = "<!doctype html><html><body><p>This will <b>hopefully</b> help.</p></body></html>"
    data = client.post("/api/v1/check", json={"text": html, "select": ["TON001"]}).json()
    assert data["documents"][0]["format"] == "html"
    assert ("TON001", "hopefully") in _source_slices(data, html)


def test_check_options_change_the_analysis(client):
    body = {"text": HEDGED, "format": "text"}
    plain = client.post("/api/v1/check", json={**body, "select": ["ALL"]}).json()["documents"][0]
    tech = client.post("/api/v1/check", json={**body, "profile": "technical", "context": "enterprise", "select": ["ALL"],
                                              "medium": "email", "ignore": ["TON001"]}).json()["documents"][0]  # fmt: skip
    default = client.post("/api/v1/check", json=body).json()["documents"][0]
    assert not any(f["code"] == "TON001" for f in default["findings"])  # off by default, selectable
    assert (tech["profile"], tech["context"], tech["medium"]) == ("technical", "enterprise", "email")
    assert any(f["code"] == "TON001" for f in plain["findings"])
    assert not any(f["code"] == "TON001" for f in tech["findings"])
    only = client.post("/api/v1/check", json={**body, "select": ["hedge-word"]}).json()["documents"][0]
    assert {f["code"] for f in only["findings"]} == {"TON001"}


def _real_files(shared: Path, tmp: Path) -> dict[str, Path]:
    """One real file per copy format, built from the shared corpora (pages and outreach emails)."""
    landing = shared / "corpus" / "landing" / "svelte-home.md"
    outreach = (shared / "corpus" / "emails" / "posthog-asking-for-introductions.md").read_text(encoding="utf-8")
    files = {"markdown": landing}
    (tmp / "outreach.txt").write_text(outreach, encoding="utf-8")
    files["text"] = tmp / "outreach.txt"
    from markdown_it import MarkdownIt

    body = MarkdownIt().render(landing.read_text(encoding="utf-8"))
    (tmp / "svelte.html").write_text(f"<!DOCTYPE html><html><head><title>Svelte</title></head><body>{body}</body></html>",
                                     encoding="utf-8")  # fmt: skip
    files["html"] = tmp / "svelte.html"
    msg = email.message.EmailMessage()
    msg["From"] = "Ana <ana@example.com>"
    msg["To"] = "lead@example.org"
    msg["Subject"] = "Quick intro?"
    msg.set_content(outreach)
    (tmp / "intro.eml").write_bytes(msg.as_bytes())
    files["email"] = tmp / "intro.eml"
    return files


@pytest.mark.parametrize("fmt", ["markdown", "text", "html", "email"])
def test_check_upload_of_a_real_file(client, shared, tmp_path, fmt):
    path = _real_files(shared, tmp_path)[fmt]
    with path.open("rb") as fh:
        r = client.post("/api/v1/check", files={"file": (path.name, fh)}, data={"profile": "technical"})
    assert r.status_code == 200, r.text
    data = r.json()
    _validate_report(data)
    doc = data["documents"][0]
    assert doc["path"] == path.name and doc["format"] == fmt and doc["profile"] == "technical"
    assert doc["words"] > 50
    if fmt in ("markdown", "text", "html"):  # the editor highlights by location: it must point at the flagged words
        source = path.read_text(encoding="utf-8")
        for f in doc["findings"]:
            if " " not in f["text"] and "&" not in source[f["location"]["start"] : f["location"]["end"]]:
                assert source[f["location"]["start"] : f["location"]["end"]] == f["text"]


def test_upload_name_is_only_a_label(client):
    r = client.post("/api/v1/check", files={"file": ("../../etc/passwd", b"This will hopefully help.")})
    assert r.status_code == 200
    assert r.json()["documents"][0]["path"] == "passwd"
    r = client.post("/api/v1/check", json={"text": "hopefully", "filename": "/etc/shadow"})
    assert r.json()["documents"][0]["path"] == "shadow"


@pytest.mark.parametrize(
    "kwargs,status,code,words",
    [
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 400, "bad_json", "JSON"),
        ({"json": ["text"]}, 422, "invalid", "object"),
        ({"json": {}}, 422, "invalid", "'text' is required"),
        ({"json": {"text": 12}}, 422, "invalid", "'text' must be a string"),
        ({"json": {"text": "x", "colour": "red"}}, 422, "invalid", "unknown field 'colour'"),
        ({"json": {"text": "x", "profile": "ceo"}}, 422, "invalid", "technical, business, consumer"),
        ({"json": {"text": "x", "format": None}}, 422, "invalid", "'format'"),
        ({"json": {"text": "x", "select": ["XYZ999"]}}, 422, "invalid", "unknown rule"),
        ({"json": {"text": "x", "select": "TON001"}}, 422, "invalid", "list"),
        (
            {"content": b"hopefully", "headers": {"content-type": "text/plain"}},
            415,
            "unsupported_media_type",
            "text/plain",
        ),
        ({"files": {"upload": ("a.txt", b"x")}}, 422, "invalid", "unknown field 'upload'"),
        ({"files": {"profile": (None, "technical")}}, 422, "invalid", "form field named 'file'"),
        (
            {"files": {"file": ("logo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))}},
            422,
            "load_error",
            "logo.png",
        ),
    ],
)
def test_bad_input_is_one_clear_line(client, kwargs, status, code, words):
    message = _error(client.post("/api/v1/check", **kwargs), status, code)
    assert words in message


def test_load_error_names_the_file(client):
    r = client.post("/api/v1/check", files={"file": ("slides.txt", bytes(range(256)) * 8)})
    message = _error(r, 422, "load_error")
    assert message.startswith("slides.txt: ") and "binary" in message
    assert r.json()["error"]["path"] == "slides.txt"


# -- limits and disk --------------------------------------------------------------------------------------------
def test_oversized_body_is_a_413_with_a_json_error(client):
    big = "word " * (MAX_BODY // 5 + 10)
    message = _error(client.post("/api/v1/check", json={"text": big}), 413, "too_large")
    assert "2 MB" in message


def test_streamed_body_without_length_is_limited_too():
    small = TestClient(create_app(max_body=10_000), base_url="http://localhost")

    def chunks():
        for _ in range(50):
            yield b"x" * 1000

    r = small.post("/api/v1/check", content=chunks(), headers={"content-type": "application/json"})
    _error(r, 413, "too_large")
    assert r.json()["error"]["limit"] == 10_000


def test_uploads_stay_in_memory(client, monkeypatch, tmp_path):
    """Nothing is written to disk: the multipart parser never rolls an upload over to a temporary file."""
    rolled = []
    monkeypatch.setattr(tempfile.SpooledTemporaryFile, "rollover", lambda self: rolled.append(self))
    monkeypatch.chdir(tmp_path)
    text = ("This will hopefully help your team ship. " * 40 + "\n\n") * 800  # ~1.3 MB: over Starlette's 1 MB spool
    assert 1_048_576 < len(text.encode()) < MAX_BODY
    r = client.post("/api/v1/open", files={"file": ("big.txt", text.encode())})  # same upload path as /check
    assert r.status_code == 200, r.text[:300]
    assert r.json()["text"] == text
    assert rolled == []
    assert list(tmp_path.iterdir()) == []


# -- CORS, origins, hosts ---------------------------------------------------------------------------------------
def test_cors_is_closed_by_default(client):
    evil = {"origin": "https://evil.example"}
    r = client.get("/api/v1/rules", headers=evil)
    assert r.status_code == 200 and "access-control-allow-origin" not in r.headers
    pre = client.options("/api/v1/check", headers={**evil, "access-control-request-method": "POST"})
    assert "access-control-allow-origin" not in pre.headers and pre.status_code >= 400
    _error(client.post("/api/v1/check", json={"text": "x"}, headers=evil), 403, "cross_origin")
    same = client.post("/api/v1/check", json={"text": "x"}, headers={"origin": "http://localhost"})
    assert same.status_code == 200


def test_cors_opens_only_to_named_origins():
    opened = TestClient(create_app(cors_origins=["http://127.0.0.1:3000"]), base_url="http://localhost")
    r = opened.get("/api/v1/rules", headers={"origin": "http://127.0.0.1:3000"})
    assert r.headers["access-control-allow-origin"] == "http://127.0.0.1:3000"
    r = opened.get("/api/v1/rules", headers={"origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers


def test_foreign_host_header_is_refused(client):
    """DNS rebinding: a page on evil.example resolved to 127.0.0.1 still sends Host: evil.example."""
    r = client.get("/api/v1/rules", headers={"host": "evil.example"})
    assert r.status_code == 400
    for local in ("127.0.0.1:8765", "localhost:8765", "[::1]:8765"):
        assert client.get("/api/v1/health", headers={"host": local}).status_code == 200, local


# -- hostile text in copy, names and downloads ------------------------------------------------------------------
def test_hostile_text_and_names_come_back_as_json_data(client):
    text = f"{XSS}\n\nThis will hopefully help. {XSS}"
    r = client.post("/api/v1/check", json={"text": text, "filename": f"{XSS}.txt", "format": "text", "select": ["ALL"]})
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/json" and r.headers["x-content-type-options"] == "nosniff"
    data = r.json()
    assert data["documents"][0]["path"].endswith(".txt")
    assert ("TON001", "hopefully") in _source_slices(data, text)


@pytest.mark.parametrize("fmt", ["json", "html", "sarif", "markdown"])
def test_report_downloads(client, shared, fmt):
    body = {"text": f"{XSS}\n\n{HEDGED}", "filename": f'evil"\r\nX-Injected: 1;{XSS}.md', "format": "text",
            "select": ["ALL"]}
    r = client.post(f"/api/v1/report/{fmt}", json=body)
    assert r.status_code == 200, r.text[:300]
    disposition = r.headers["content-disposition"]
    assert re.fullmatch(r'attachment; filename="[A-Za-z0-9._-]+"', disposition), disposition
    assert "x-injected" not in r.headers
    if fmt == "json":
        _validate_report(r.json())
    elif fmt == "sarif":
        import jsonschema

        schema = json.loads((shared / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
        jsonschema.validate(r.json(), schema)
        assert any(res["ruleId"] == "TON001" for res in r.json()["runs"][0]["results"])
    elif fmt == "html":
        assert "<script>window.__pwned" not in r.text and "<img src=x" not in r.text
        assert r.headers["content-security-policy"].startswith("sandbox")
    else:
        assert "TON001" in r.text


def test_unknown_report_format_is_404(client):
    _error(client.post("/api/v1/report/pdf", json={"text": "x"}), 404, "not_found")


# -- rules and options ------------------------------------------------------------------------------------------
def test_rules_list_every_rule_with_its_explanation(client):
    rules = client.get("/api/v1/rules").json()
    assert [r["code"] for r in rules] == [r.meta.code for r in all_rules()]
    for r in rules:
        assert r["why"] and r["fix"] and r["message"] and r["summary"]


def test_rule_by_code_or_name(client):
    assert client.get("/api/v1/rules/TON001").json()["name"] == "hedge-word"
    assert client.get("/api/v1/rules/hedge-word").json()["code"] == "TON001"
    message = _error(client.get("/api/v1/rules/TON01"), 404, "unknown_rule")
    assert "TON001" in message


def test_options_describe_what_this_build_can_do(client):
    o = client.get("/api/v1/options").json()
    assert o["profiles"] == ["technical", "business", "consumer"]
    assert o["formats"] == list(COPY_FORMATS) and o["transcript_formats"] == list(TRANSCRIPT_FORMATS)
    assert o["report_formats"] == list(REPORT_TYPES)
    assert o["call_available"] is True
    assert o["max_bytes"] == MAX_BODY
    assert set(o["categories"]) >= {"jargon", "tone", "ask"}


# -- opening dropped files --------------------------------------------------------------------------------------
def test_open_copy_returns_the_decoded_text(client, shared):
    path = shared / "corpus" / "landing" / "pinia-home.md"
    r = client.post("/api/v1/open", files={"file": (path.name, path.read_bytes())})
    data = r.json()
    assert data["kind"] == "copy" and data["format"] == "markdown"
    assert data["text"] == path.read_text(encoding="utf-8").replace("\r\n", "\n")


def test_open_legacy_encoding_is_decoded(client):
    r = client.post("/api/v1/open", files={"file": ("old.txt", "Caf\u00e9 na\u00efve, hopefully.".encode("cp1252"))})
    assert r.json()["text"] == "Caf\u00e9 na\u00efve, hopefully."


@pytest.mark.parametrize("name", ["ES2002a_teams_style.vtt", "ES2002a.srt", "ES2002a_otter_style.txt"])
def test_open_transcript_is_a_call(client, shared, name):
    path = shared / "transcripts" / "formats" / "derived_from_ami" / name
    data = client.post("/api/v1/open", files={"file": (path.name, path.read_bytes())}).json()
    assert data["kind"] == "call" and data["filename"] == name


def test_open_timed_text_named_txt_is_a_call(client):
    srt = b"1\n00:00:01,000 --> 00:00:04,000\nAna: Hi, thanks for joining.\n\n2\n00:00:04,500 --> 00:00:06,000\nBo: Sure.\n"
    data = client.post("/api/v1/open", files={"file": ("call.txt", srt)}).json()
    assert data["kind"] == "call"


def test_open_text_copy_stays_copy(client, shared):
    outreach = (shared / "corpus" / "emails" / "posthog-ramp-up-direct-outreach.md").read_bytes()
    for name, data in (
        ("draft.txt", outreach),
        ("email.txt", b"Subject: Quick intro?\n\nHi Ana, hopefully you are well."),
    ):
        opened = client.post("/api/v1/open", files={"file": (name, data)}).json()
        assert opened["kind"] == "copy" and opened["format"] == "text", name


def test_open_binary_is_one_line(client):
    _error(client.post("/api/v1/open", files={"file": ("x.txt", bytes(range(256)) * 4)}), 422, "load_error")


# -- calls ------------------------------------------------------------------------------------------------------
def _hostile_vtt() -> bytes:
    return (
        "WEBVTT\n\n00:00:00.000 --> 00:00:05.000\n<v Ana Seller>Hi, thanks for making time. What made you look at us?</v>\n\n"
        f"00:00:05.500 --> 00:00:12.000\n<v {XSS}>Our builds are slow and the team is blocked every day.</v>\n\n"
        "00:00:12.500 --> 00:00:20.000\n<v Ana Seller>Could we book a demo with your lead on Tuesday?</v>\n"
    ).encode()


def test_call_review_of_a_real_transcript(client, shared):
    path = shared / "transcripts" / "formats" / "derived_from_ami" / "ES2002a_teams_style.vtt"
    r = client.post("/api/v1/call", files={"file": (path.name, path.read_bytes())}, data={"me": "Project Manager"})
    assert r.status_code == 200, r.text[:300]
    data = r.json()
    _validate_report(data)
    doc = data["documents"][0]
    assert doc["medium"] == "call"
    speakers = {t["speaker"] for t in doc["details"]["call"]["turns"]}
    assert {"Project Manager", "Marketing"} <= speakers


def test_call_timeline_is_a_clean_svg_even_with_hostile_speakers(client):
    import xml.etree.ElementTree as ET

    r = client.post("/api/v1/call/timeline", files={"file": ("call.vtt", _hostile_vtt())})
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
    root = ET.fromstring(r.text)
    names = {el.tag.rsplit("}", 1)[-1].lower() for el in root.iter()}
    assert not names & {"script", "foreignobject", "img", "iframe"}
    assert not any(k.lower().startswith("on") for el in root.iter() for k in el.attrib)
    assert "<img" not in r.text and "<script" not in r.text


# -- the server process -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("host,warns", [("127.0.0.1", False), ("localhost", False), ("::1", False), ("127.0.0.2", False),
                                        ("0.0.0.0", True), ("192.168.1.20", True), ("::", True), ("example.org", True)])  # fmt: skip
def test_warning_when_not_on_loopback(host, warns):
    from plainpitch.web.server import exposure_warning

    warning = exposure_warning(host)
    assert (warning is not None) == warns
    if warns:
        assert host in warning and "127.0.0.1" in warning


def test_open_flag_opens_the_editor_once_the_server_is_up(monkeypatch):
    from types import SimpleNamespace

    from plainpitch.web import server

    opened = []
    monkeypatch.setattr(server.webbrowser, "open", opened.append)
    server._open_when_started(SimpleNamespace(started=True), "http://127.0.0.1:8765/")
    assert opened == ["http://127.0.0.1:8765/"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_busy_port_is_one_clear_line(capsys):
    from plainpitch.web.server import _bind

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        with pytest.raises(SystemExit) as exit_info:
            _bind("127.0.0.1", port)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err == f"plainpitch: error: cannot listen on 127.0.0.1:{port}: the port is in use (try --port)"


def test_serve_command_serves_on_loopback(tmp_path):
    port = _free_port()
    exe = Path(sys.executable).with_name("plainpitch")
    proc = subprocess.Popen([str(exe), "serve", "--port", str(port)], cwd=tmp_path, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "NO_COLOR": "1"})  # fmt: skip
    try:
        import httpx

        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read()
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.1)
        assert r.json()["status"] == "ok"
        assert "server" not in r.headers  # no version banner
        page = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
        assert page.status_code == 200 and "editor.js" in page.text
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    err = proc.stderr.read()
    assert f"http://127.0.0.1:{port}/" in err and "warning" not in err
    assert list(tmp_path.iterdir()) == []  # nothing written where it ran


@pytest.mark.parametrize("filename", ["\x00", "a\x00b.md", "/dev/zero"])
def test_a_sarif_report_for_a_name_no_file_can_have_is_answered(client, filename):
    """Found by schemathesis: the SARIF report asks the disk about the file; a NUL in the name raised (500). A
    device's name is never read as the file."""
    r = client.post("/api/v1/report/sarif", json={"text": "We ship faster. Book a demo.", "filename": filename})
    assert r.status_code == 200, r.text
    assert json.loads(r.text)["runs"][0]["results"] is not None
