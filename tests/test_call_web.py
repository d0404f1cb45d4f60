"""The editor's API recognises a call by its content: a Granola export named .md, a pasted transcript, a Google
Meet document; a Markdown page stays copy. Calls take a reader profile like copy."""

import warnings
from pathlib import Path

import pytest

from plainpitch.web.app import create_app

with warnings.catch_warnings():  # Starlette nags about httpx vs httpx2; the client works the same
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

FIXTURES = Path(__file__).resolve().parent / "data" / "transcripts"


@pytest.fixture(scope="module")
def client():
    return TestClient(create_app(), base_url="http://localhost")  # the app allows local hosts only


@pytest.mark.parametrize(
    "name,sent_as",
    [("granola_export.md", "call.md"), ("fireflies_style.md", "notes.md"), ("google_meet.txt", "pasted transcript.txt"),
     ("granola_export.md", "pasted transcript.txt"), ("tldv.json", "call.json")],
)  # fmt: skip
def test_a_transcript_opens_as_a_call_whatever_its_name(client, name, sent_as):
    data = client.post("/api/v1/open", files={"file": (sent_as, (FIXTURES / name).read_bytes())}).json()
    assert data["kind"] == "call" and data["filename"] == sent_as


def test_markdown_copy_stays_copy(client, shared):
    for path in sorted((shared / "corpus" / "landing").glob("*.md"))[:5]:
        data = client.post("/api/v1/open", files={"file": (path.name, path.read_bytes())}).json()
        assert data["kind"] == "copy", path.name
    hugo = shared / "data" / "judged" / "copy" / "06-lifeike-agency-home.front-matter.md"
    assert client.post("/api/v1/open", files={"file": (hugo.name, hugo.read_bytes())}).json()["kind"] == "copy"


def test_the_call_review_of_a_granola_export(client):
    files = {"file": ("call.md", (FIXTURES / "granola_export.md").read_bytes())}
    report = client.post("/api/v1/call", files=files, data={"me": "Dana"}).json()["documents"][0]
    call = report["details"]["call"]
    assert call["roles"]["sellers"] == ["Dana Reyes"] and call["times"] == "start-only"
    assert report["score"]["overall"] == round(report["score"]["overall"])  # whole points: every surface agrees


def test_calls_take_a_reader_profile(client):
    text = ("Ana: Thanks for the time. The webhook fires on every change.\nBen: Okay.\n"
            "Ana: You can point the webhook at your own server.\nBen: Sure.\n")  # fmt: skip
    business = client.post("/api/v1/call", json={"text": text, "me": ["Ana"], "profile": "business"}).json()
    technical = client.post("/api/v1/call", json={"text": text, "me": ["Ana"], "profile": "technical"}).json()
    assert [f["code"] for f in business["documents"][0]["findings"] if f["code"].startswith("JRG")] == ["JRG101"]
    assert not [f for f in technical["documents"][0]["findings"] if f["code"].startswith("JRG")]
    bad = client.post("/api/v1/call", json={"text": text, "profile": "martian"})
    assert bad.status_code == 422
