"""Every crash the fuzzing found (issue 9 item 6, and tests/test_fuzz.py since), kept as a regression case: the
input loads and is analysed, or fails with one LoadError line naming the file."""

from __future__ import annotations

import pytest

from plainpitch.engine import analyze
from plainpitch.ingest import load_bytes, load_text
from plainpitch.ingest.errors import LoadError
from plainpitch.ingest.transcript import load_transcript_bytes
from plainpitch.model import Span

COPY = [
    ("html-control-charref.html", b"<p>Ship &#3; faster with &#0; us &#x110000; and &#99999999999; today.</p>"),
    ("html-charref-title.html", b"<title>A &#3; B</title><p>Ship faster.</p>"),
    ("md-bare-dash.md", b"-\n"),
    ("md-dashes.md", b"Our API -\n\n- \n\n-\n- -\n"),
    ("email-from-at.eml", b"From: ana@\nSubject: hi\n\nHello there, we ship faster.\n"),
    ("email-bad-addresses.eml", b'To: <\nFrom: "\nCc: ,,@\nSubject: hi\n\nHello there.\n'),
    ("email-unknown-charset.eml", b"Subject: hi\nContent-Type: text/plain; charset=foo-bar\n\nHello there.\n"),
    ("email-base64-charset.eml", b"Subject: x\nContent-Type: text/plain; charset=base64\n"
                                 b"Content-Transfer-Encoding: quoted-printable\n\nHello =E9 there.\n"),
    ("email-idna-charset.eml", b"Subject: x\nContent-Type: text/plain; charset=idna\n"
                               b"Content-Transfer-Encoding: quoted-printable\n\nHello =E9 there.\n"),
    ("email-undefined-charset.eml", b"Subject: x\nContent-Type: text/plain; charset=undefined\n\nHello there.\n"),
    ("email-utf16-qp.eml", b"Subject: x\nContent-Type: text/plain; charset=utf-16\n"
                           b"Content-Transfer-Encoding: quoted-printable\n\nHello =E9 there.\n"),
    ("email-broken-base64.eml", b"Subject: hi\nContent-Transfer-Encoding: base64\n\nSGVsbG8gd2=9ybGQ=x\n"),
    ("email-broken-qp.eml", b"Subject: hi\nContent-Transfer-Encoding: quoted-printable\n\nHello =\n=4\n"),
    ("email-body-past-the-end.eml", b"\xc3\xbf\n\n"),  # found by test_fuzz: a word mapped one past the file
    ("email-broken-encoded-word.eml", b"Subject: =?utf-8?B?S?=\nFrom: =?foo?Q?=E?= <a@b>\n\nHello there.\n"),
]  # fmt: skip

CALLS = [
    ("huge-hours.vtt", b"WEBVTT\n\n" + b"9" * 400 + b":00:00.000 --> 00:00:05.000\n<v Ana>Hello there\n"),
    ("huge-hours.srt", b"1\n" + b"9" * 5000 + b":00:00,000 --> 00:00:05,000\nAna: Hello there\n"),
    ("huge-minutes.txt", b"Ana  " + b"9" * 5000 + b":00\nHello there.\nBen  0:05\nHi.\n"),
    ("huge-float.json", b'{"segments":[{"start":1e999,"end":2,"text":"hi there","speaker":"A"}]}'),
    ("huge-int.json", b'{"segments":[{"start":' + b"9" * 400 + b',"end":2,"text":"hi there","speaker":"A"}]}'),
    ("huge-int-digits.json", b'{"segments":[{"start":' + b"9" * 5000 + b',"end":2,"text":"hi","speaker":"A"}]}'),
    ("nan-times.json", b'{"segments":[{"start":NaN,"end":Infinity,"text":"hi there","speaker":"A"}]}'),
    ("bad-escape.json", b'{"segments":[{"start":1,"end":2,"text":"hi \\ud800 \\udc00x there","speaker":"A"}]}'),
    ("deep.json", b"[" * 100_000 + b"]" * 100_000),
]


def _check(load, name: str, data: bytes):
    try:
        doc = load(data, name)
    except LoadError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(name) and len(str(exc)) < 400
        return None
    for word in doc.words:
        s, e = doc.source_span(Span(word.start, word.end))
        assert 0 <= s <= e <= len(doc.source)
    return doc


@pytest.mark.parametrize(("name", "data"), COPY, ids=[c[0] for c in COPY])
def test_copy_crash_cases_load_and_analyse(name, data):
    doc = _check(load_bytes, name, data)
    if doc is not None:
        analyze(doc)


@pytest.mark.parametrize(("name", "data"), CALLS, ids=[c[0] for c in CALLS])
def test_transcript_crash_cases_load_or_fail_in_one_line(name, data):
    from plainpitch.call_review import analyze_call

    doc = _check(load_transcript_bytes, name, data)
    if doc is not None:
        analyze_call(doc)


def test_huge_hours_are_refused_with_the_reason():
    with pytest.raises(LoadError, match="digits of hours"):
        load_transcript_bytes(CALLS[0][1], "huge-hours.vtt")


def test_a_control_character_reference_is_dropped_like_a_browser_does():
    doc = load_bytes(b"<p>Ship&#3; faster.</p>", "p.html")
    assert doc.text == "Ship faster."


def test_lone_surrogates_from_a_python_caller():
    doc = load_text("Subject: hi \udcff\n\nHello \ud800 there, we ship.\n", "a.eml")
    assert "\ufffd" in doc.text
    analyze(doc)


def test_malformed_address_keeps_its_raw_text():
    doc = load_bytes(b"From: ana@\nSubject: hi\n\nHello there.\n", "a.eml")
    assert doc.meta["from"] == "ana@"


def test_a_charset_name_with_a_null_character_is_read_as_the_file_is():
    data = b'Subject: hi\nContent-Type: text/plain; charset="utf\x00-8"\n\nCaf\xc3\xa9 owners get paid sooner.\n'
    doc = load_bytes(data, "a.eml")
    assert "paid sooner" in doc.text
