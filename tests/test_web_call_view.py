"""The call view's API: what the editor shows is what `plainpitch call review` says (the same renderers), notes are
worded for the page, and the downloads are the call report files."""

from __future__ import annotations

import warnings

import pytest

from browser import pitch_call
from plainpitch.call_review import review_bytes
from plainpitch.emit.call import header_lines, metric_rows, notes, render_call
from plainpitch.web.app import create_app
from plainpitch.web.call_view import page_terms

with warnings.catch_warnings():  # Starlette nags about httpx vs httpx2; the client works the same
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

PITCH = pitch_call()


@pytest.fixture(scope="module")
def client():
    return TestClient(create_app(), base_url="http://localhost")


def test_the_view_is_the_call_report_in_json(client):
    view = client.post("/api/v1/call/view", files={"file": ("pitch.vtt", PITCH)}).json()
    report = review_bytes(PITCH, "pitch.vtt")
    assert view["header"] == header_lines(report)
    assert view["score"] == f"{report.score.overall:.0f}"
    assert [(m["label"], m["value"], m["target"], m["off"]) for m in view["metrics"]] == metric_rows(report)
    assert sorted(i for g in view["groups"] for i in g) == list(range(len(report.findings)))
    assert view["when"] and all(w.count(":") == 1 for w in view["when"] if w)  # m:ss
    assert [s["name"] for s in view["speakers"]] == ["Priya Shah", "Tom Becker"]
    assert view["timeline"].startswith("<svg") and "<script" not in view["timeline"]
    assert view["report"]["documents"][0]["details"]["call"]["type"] == "discovery"
    # the CLI's role note, in the page's words
    assert any("roles guessed" in n and "--me" in n for n in notes(report))
    assert any("“I am” menu" in h for h in view["hints"]) and not any("--" in h for h in view["hints"])


def test_a_call_type_and_a_seller_change_the_review(client):
    view = client.post("/api/v1/call/view", files={"file": ("pitch.vtt", PITCH)},
                       data={"call_type": "closing", "me": "Tom Becker"}).json()  # fmt: skip
    assert view["header"][0].startswith("closing call (set)")
    assert "seller: Tom Becker" in view["header"][1]


@pytest.mark.parametrize("note,said", [
    ("roles guessed: Ana is taken as the seller (speaks first); pass --me NAME to set it",
     "roles guessed: Ana is taken as the seller (speaks first); choose yourself in the “I am” menu"),
    ("'You' is taken as the seller: recorders label the person who recorded the call 'You' (pass --me NAME to choose "
     "someone else)", "'You' is taken as the seller: recorders label the person who recorded the call 'You' (choose "
     "yourself in the “I am” menu)"),
    ("'Team' seems to hold several people: label each person in the recorder, or pass --me for everyone on your side",
     "'Team' seems to hold several people: label each person in the recorder, or choose yourself in the “I am” menu"),
    ("set --type demo to judge it as a demo", None),  # advice for the command line only
    ("11 turn(s) overlap the one above them", "11 turn(s) overlap the one above them"),
    ("a well-known speaker -- quoted", "a well-known speaker -- quoted"),
])  # fmt: skip
def test_notes_in_the_pages_own_terms(note, said):
    assert page_terms(note) == said


@pytest.mark.parametrize("fmt", ["html", "markdown", "json"])
def test_downloads(client, fmt):
    res = client.post(f"/api/v1/call/report/{fmt}", files={"file": ('<b>x.vtt', PITCH)})
    assert res.status_code == 200
    disposition = res.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="') and "<" not in disposition and disposition.count('"') == 2
    if fmt == "html":
        assert res.text == render_call(review_bytes(PITCH, '<b>x.vtt'), "html")
        assert "sandbox" in res.headers["content-security-policy"]
        assert "<b>" not in res.text.split("<body>")[1].split("<svg")[0]  # the file name is escaped
    elif fmt == "markdown":
        assert res.text.startswith(render_call(review_bytes(PITCH, '<b>x.vtt'), "markdown"))
        assert "](data:image/svg+xml;base64," in res.text
    else:
        assert res.json()["documents"][0]["details"]["call"]["turns"]


def test_unknown_format_and_bad_input(client):
    assert client.post("/api/v1/call/report/pdf", files={"file": ("a.vtt", PITCH)}).status_code == 404
    bad = client.post("/api/v1/call/view", files={"file": ("a.vtt", b"\x00\x01\x02")})
    assert bad.status_code == 422 and "\n" not in bad.json()["error"]["message"]
    assert client.post("/api/v1/call/view", json={"text": "Ana: hi", "call_type": "lunch"}).status_code == 422
