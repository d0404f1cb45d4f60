"""The JSON report matches its schema (plainpitch/emit/report.schema.json) exactly, and its locations point at the flagged source text."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from plainpitch.config import Config
from plainpitch.emit import json_report, render
from plainpitch.emit.json_report import report_schema
from plainpitch.ingest import load_text
from plainpitch.model import (
    MEDIA,
    SEVERITIES,
    Deduction,
    DocumentReport,
    Finding,
    Location,
    Metric,
    Report,
    Score,
    Span,
    SubScore,
    Suggestion,
)
from plainpitch.profiles import AUDIENCES, CONTEXTS
from plainpitch.rules.base import CATEGORIES
from plainpitch.runner import Runner

jsonschema = pytest.importorskip("jsonschema")

DOCS = Path(__file__).resolve().parents[1] / "docs"
SCHEMA = report_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
ONLY_HEDGES = Config(select=("TON001",))


# Real files of every copy format, each with hedges for TON001 to find.
FILES = {
    "pitch.txt": "Subject: Faster builds\n\nThis will hopefully cut your build\ntimes. Perhaps we think it is fast.\n",
    "landing.md": (
        "---\ntitle: Faster builds\n---\n\n# Perhaps the fastest CI\n\nThis will *hopefully* cut your **build** times.\n\n"
        "- We think it works on [every runner](https://example.com/runners).\n\n```\nhopefully not in code\n```\n"
    ),
    "page.html": (
        "<!doctype html><html><head><title>Builds</title></head><body><h1>Faster builds</h1>\n"
        "<p>This will hopefully cut your build&nbsp;times.</p>\n<p>Perhaps <b>we think</b> it is fast.</p></body></html>\n"
    ),
    "mail.eml": (
        "From: Ana <ana@example.com>\nTo: Bo <bo@example.com>\nSubject: Faster builds\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\n\nHi Bo,\n\nThis will hopefully cut your build times.\n\nAna\n"
    ),
}
FORMAT_OF = {"pitch.txt": "text", "landing.md": "markdown", "page.html": "html", "mail.eml": "email"}


def _validate(data: dict) -> None:
    errors = sorted(VALIDATOR.iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def _report(paths: list[str], config: Config = ONLY_HEDGES) -> dict:
    return json.loads(render(Runner(config).run(paths), "json"))


@pytest.mark.parametrize(
    "name", [pytest.param(n, id=FORMAT_OF[n]) for n in FILES]
)
def test_reports_of_every_format_match_the_schema(tmp_path, name):
    path = tmp_path / name
    path.write_text(FILES[name], encoding="utf-8")
    data = _report([str(path)])
    _validate(data)
    assert data["summary"]["findings"]["suggestion"] >= 1
    assert data["documents"][0]["findings"][0]["code"] == "TON001"


def test_clean_copy_errors_and_notes_match_the_schema(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("Your builds finish in half the time. Try it free today.\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    german = tmp_path / "german.txt"
    german.write_text("Wir glauben, dass dieses Werkzeug die Arbeit der Entwickler deutlich einfacher macht und "
                      "dass die Kunden damit sehr zufrieden sind.\n", encoding="utf-8")  # fmt: skip
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02binary\x00" * 50)
    data = _report([str(clean), str(empty), str(german), str(binary), str(tmp_path / "missing.txt")])
    _validate(data)
    by_path = {Path(d["path"]).name: d for d in data["documents"]}
    assert by_path["clean.txt"]["findings"] == []
    assert by_path["german.txt"]["notes"] and by_path["german.txt"]["score"] is None
    assert {Path(e["path"]).name for e in data["errors"]} == {"blob.txt", "missing.txt"}
    assert data["summary"]["errors"] == 2


def test_every_rule_on_real_copy_matches_the_schema(shared):
    """All registered rules (not only TON001) on the shared corpus: their data, metrics and details must fit."""
    files = sorted((shared / "corpus" / "landing").glob("*.md"))[:3] + sorted((shared / "corpus" / "emails").glob("*.md"))[:2]
    _validate(_report([str(f) for f in files], Config()))


def test_a_call_transcript_report_matches_the_schema(shared):
    from plainpitch.engine import analyze
    from plainpitch.ingest import transcript

    doc = transcript.load_transcript(str(shared / "transcripts" / "formats" / "derived_from_ami" / "ES2002a_teams_style.vtt"))
    data = json.loads(render(Report((analyze(doc, Config()),)), "json"))
    _validate(data)
    document = data["documents"][0]
    assert document["medium"] == "call"
    assert any(m["name"].startswith("call.") for m in document["metrics"])
    assert all("turn" in f and "time" in f for f in document["findings"])  # a timed transcript places each finding


def _hand_built_report() -> Report:
    """Every optional field filled in: suggestions, call turn and time, metrics of each value type, details."""
    doc = load_text("We think you might like it. Perhaps.", "call.txt", "text")
    finding = Finding(
        code="TON001", name="hedge-word", category="tone", severity="warning", message="'We think' hedges the claim",
        fix="State the claim plainly.", span=Span(0, 8), location=Location(0, 8, 1, 1, 1, 9), text="We think",
        suggestions=(Suggestion("We know", "say it plainly"), Suggestion("")), data={"scope": "sentence", "hits": (1, 2)},
        turn=3, time=12.3456,
    )  # fmt: skip
    score = Score(91.25, (SubScore("clarity", 88.0, (Deduction("TON001", 4.0, 1),), note="short copy"),))
    metrics = (Metric("copy.grade", 8.123456, "reading grade"), Metric("copy.words", 7, "words", "words"),
               Metric("call.talk_ratio.seller", None, note="no timestamps"), Metric("copy.medium", "email"),
               Metric("copy.benefit_ratio", float("nan"), note="no claims to divide by"))  # fmt: skip
    d = DocumentReport("call.txt", "text", "call", "business", "enterprise", (finding,), metrics, score, doc,
                       details={"sentences": [{"label": "benefit", "span": (0, 8)}]}, notes=("a note",))  # fmt: skip
    return Report((d,), (), "0.1.0")


def test_hand_built_report_with_every_optional_field_matches_the_schema():
    data = json.loads(render(_hand_built_report(), "json"))
    _validate(data)
    finding = data["documents"][0]["findings"][0]
    assert finding["turn"] == 3 and finding["time"] == 12.35
    assert finding["suggestions"][1] == {"replacement": "", "description": ""}
    assert data["documents"][0]["metrics"][-1]["value"] is None  # NaN has no JSON spelling: null, not NaN


@pytest.mark.parametrize(
    "path,value",
    [
        (("documents", 0, "findings", 0, "surprise"), 1),  # an undocumented field
        (("documents", 0, "findings", 0, "severity"), "fatal"),
        (("documents", 0, "findings", 0, "location", "line"), 0),
        (("documents", 0, "medium"), "billboard"),
        (("documents", 0, "score", "overall"), 101),
        (("schema_version",), "2.0"),
        (("summary", "findings", "note"), 0),
    ],
)
def test_schema_rejects_what_the_report_never_writes(path, value):
    data = json.loads(render(_hand_built_report(), "json"))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert not VALIDATOR.is_valid(data)


@pytest.mark.parametrize("field", ["code", "message", "location", "suggestions", "span"])
def test_schema_requires_each_finding_field(field):
    data = json.loads(render(_hand_built_report(), "json"))
    broken = copy.deepcopy(data)
    del broken["documents"][0]["findings"][0][field]
    assert not VALIDATOR.is_valid(broken)


def test_schema_enums_and_version_match_the_code():
    defs = SCHEMA["$defs"]
    assert SCHEMA["$id"] == json_report.SCHEMA_URI
    assert SCHEMA["properties"]["$schema"]["const"] == json_report.SCHEMA_URI
    assert re.fullmatch(SCHEMA["properties"]["schema_version"]["pattern"], json_report.SCHEMA_VERSION)
    assert defs["finding"]["properties"]["category"]["enum"] == list(CATEGORIES)
    assert defs["severity"]["enum"] == list(SEVERITIES)
    assert defs["document"]["properties"]["medium"]["enum"] == list(MEDIA)
    assert defs["document"]["properties"]["profile"]["enum"] == list(AUDIENCES)
    assert defs["document"]["properties"]["context"]["enum"] == list(CONTEXTS)


def _property_names(node) -> set[str]:
    names: set[str] = set()
    if isinstance(node, dict):
        names |= set(node.get("properties", {}))
        for value in node.values():
            names |= _property_names(value)
    elif isinstance(node, list):
        for value in node:
            names |= _property_names(value)
    return names


def test_the_prose_docs_explain_every_field_and_their_example_is_valid():
    prose = (DOCS / "report-schema.md").read_text(encoding="utf-8")
    missing = {n for n in _property_names(SCHEMA) if f"`{n}`" not in prose}
    assert not missing, f"docs/report-schema.md does not explain {sorted(missing)}"
    example = re.search(r"```json\n(.*?)```", prose, re.S)
    assert example, "the docs lost their example report"
    _validate(json.loads(example.group(1)))


# -- locations ---------------------------------------------------------------------------------------------------


def _same_words(a: str, b: str) -> bool:
    """Wrapped lines are joined with a space in the analysed text; compare the words, not the whitespace."""
    return a.split() == b.split()


def _check_locations(name: str, source: str, minimum: int) -> None:
    report = json.loads(render(Report((_analyze(name, source),)), "json"))
    findings = report["documents"][0]["findings"]
    assert len(findings) >= minimum, [f["text"] for f in findings]
    lines = source.split("\n")
    for f in findings:
        loc = f["location"]
        assert _same_words(source[loc["start"] : loc["end"]], f["text"]), (f["text"], source[loc["start"] : loc["end"]])
        # line/column say the same as the offsets
        before = source[: loc["start"]]
        assert loc["line"] == before.count("\n") + 1
        assert loc["column"] == len(before) - (before.rfind("\n") + 1) + 1
        assert lines[loc["line"] - 1][loc["column"] - 1 :].startswith(f["text"].split()[0])


def _analyze(name: str, source: str) -> DocumentReport:
    from plainpitch.engine import analyze

    return analyze(load_text(source, name), ONLY_HEDGES)


def test_locations_slice_the_plain_source_to_the_flagged_text():
    source = (
        "Subject: Perhaps a faster build\n\n"
        "Hi Ana,\n\n  This will hopefully cut your build times, and we\nthink it is arguably the best.\n\n"
        "- Possibly the fastest\n- It seems fine\n\nRegards\n"
    )
    _check_locations("pitch.txt", source, 6)


def test_locations_slice_the_markdown_source_to_the_flagged_text():
    source = (
        "---\ntitle: Perhaps\n---\n\n# Perhaps the fastest CI\n\n"
        "This will *hopefully* cut your **build** times &amp; we think\nit is arguably the best.\n\n"
        "- Possibly the [fastest runner](https://example.com) around\n  - it seems fine\n\n"
        "> In theory, it is somewhat quicker.\n\n```\nhopefully not checked: this is code\n```\n"
    )
    _check_locations("landing.md", source, 7)


# -- written one document at a time, byte for byte the text of the whole dict ---------------------------------------
def _whole(report: Report, pretty: bool) -> str:
    """The report as it was written before it streamed: the whole dict, one json.dumps."""
    data = json_report.report_dict(report)
    if pretty:
        return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n"


def _awkward_details() -> dict:
    """Details the writer must convert: floats to round, NaN, tuples, sets, a dataclass, int and bool keys, text
    with newlines and quotes, empty containers, nesting deeper than the streamed levels."""
    return {
        "sentences": [{"label": "benefit", "p": 0.123456789, "span": (0, 8), "text": 'line\n"two"\t✓'} for _ in range(3)],
        "call": {"turns": [{"words": 3, "share": 1 / 3}], "nested": {"deeper": {"deepest": [1.0, 2.5, float("inf")]}},
                 "empty": {}, "none": [], "tags": frozenset({"a"}), "span": Span(1, 4), 7: "int key", True: "bool key"},
        "ratio": float("nan"),
        "plain": {"kept": [1, "two", None, False]},
    }  # fmt: skip


def _reports() -> list[Report]:
    hand = _hand_built_report()
    d = hand.documents[0]
    awkward = DocumentReport(d.path, d.format, d.medium, d.profile, d.context, d.findings, d.metrics, d.score,
                             d.document, details=_awkward_details(), notes=d.notes, top=(0,))  # fmt: skip
    real = Runner(ONLY_HEDGES).run([str(Path(__file__).resolve().parents[1] / "examples" / "landing-page.md")])
    from plainpitch.model import InputError

    errors = (InputError("missing.md", "cannot read the file: No such file"), InputError("x\n.md", 'a "quoted"\nname'))
    return [
        Report((), (), "1.0"),
        Report((), errors, "1.0"),
        hand,
        Report((awkward,), errors, "1.0"),
        Report((*real.documents, awkward, *real.documents), (), "1.0"),
    ]


@pytest.mark.parametrize("pretty", [True, False], ids=["indented", "compact"])
def test_the_streamed_report_is_byte_for_byte_the_whole_dicts(pretty):
    for report in _reports():
        pieces = list(json_report.chunks(report, pretty))
        assert "".join(pieces) == _whole(report, pretty)
        assert render(report, "json", pretty=pretty) == _whole(report, pretty)


def test_the_writer_reads_plain_details_in_place_and_copies_only_what_it_converts():
    details = _awkward_details()
    shared = json_report._shared(details)
    assert shared["sentences"] is not details["sentences"]  # 0.123456789 is rounded: a copy
    assert shared["plain"] is details["plain"]  # nothing to convert: the report's own dict, not a second copy
    assert shared["call"]["turns"] is not details["call"]["turns"]  # 1/3 is rounded
    assert shared["call"]["empty"] is details["call"]["empty"]
    assert json.dumps(shared) == json.dumps(json_report._plain(details))  # tuples stay tuples: JSON lists either way
    # the report's details are never changed by writing them
    assert details["call"]["turns"][0]["share"] == 1 / 3 and isinstance(details["call"]["tags"], frozenset)


def test_a_large_document_is_written_in_bounded_pieces():
    """A page of many sentences: no piece holds the document, each is about STREAM_BATCH characters."""
    d = _hand_built_report().documents[0]
    items = [{"label": "feature", "start": i, "end": i + 40, "text": f"sentence {i} of the page"} for i in range(20_000)]
    big = DocumentReport(d.path, d.format, d.medium, d.profile, d.context, d.findings, d.metrics, d.score,
                         d.document, details={"sentences": items})  # fmt: skip
    report = Report((big,), (), "1.0")
    pieces = list(json_report.chunks(report, pretty=False))
    text = "".join(pieces)
    assert text == _whole(report, False)
    assert len(pieces) >= len(text) // json_report.STREAM_BATCH
    assert max(map(len, pieces)) <= json_report.STREAM_BATCH + 500  # a batch, the item that filled it, the header
