"""Issue 15: compressed containers (Teams .docx) are read with limits decided before inflating. Generated bombs
stay small on disk and in memory: each is refused from the ZIP directory or within one chunk of streaming."""

from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from plainpitch.ingest.archive import MAX_ENTRIES, read_zip
from plainpitch.ingest.errors import LoadError, TooLarge
from plainpitch.ingest.transcript import load_transcript_bytes

BIN = Path(sys.executable).with_name("plainpitch")
HEAD = (b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
        b'wordprocessingml/2006/main"><w:body>')  # fmt: skip
TAIL = b"</w:body></w:document>"
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from bench_robust import CONTENT_TYPES, RELS  # noqa: E402 - the one minimal Word package of the bench and tests


def para(text: bytes) -> bytes:
    return b"<w:p><w:r><w:t>" + text + b"</w:t></w:r></w:p>"


def docx(body: bytes | None = None, *, repeat: bytes = b"", times: int = 0) -> bytes:
    """A .docx whose document part is ``body`` or ``repeat`` written ``times`` times (streamed: never whole)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(HEAD)
            if body:
                part.write(body)
            block = repeat * max(1, 65536 // max(len(repeat), 1)) if repeat else b""
            written = 0
            while repeat and written < times:
                n = min(times - written, len(block) // len(repeat))
                part.write(block[: n * len(repeat)])
                written += n
            part.write(TAIL)
    return out.getvalue()


def lying(data: bytes, name: bytes, declared: int) -> bytes:
    """The same ZIP with ``name``'s sizes in the central directory (and local header) rewritten to ``declared``."""
    raw = bytearray(data)
    pos = 0
    while (pos := raw.find(b"PK\x01\x02", pos)) >= 0:
        n = struct.unpack_from("<H", raw, pos + 28)[0]
        if raw[pos + 46 : pos + 46 + n] == name:
            struct.pack_into("<I", raw, pos + 24, declared)
            local = struct.unpack_from("<I", raw, pos + 42)[0]
            struct.pack_into("<I", raw, local + 22, declared)
        pos += 4
    return bytes(raw)


GOOD = docx(para(b"Ana  0:03") + para(b"Thanks for joining today.") + para(b"Ben  0:09") + para(b"Happy to be here."))


def test_a_real_docx_reads():
    doc = load_transcript_bytes(GOOD, "call.docx")
    assert [u.turn.speaker for u in doc.units] == ["Ana", "Ben"]


def test_repeated_paragraphs_over_the_limit_are_refused_from_the_directory():
    bomb = docx(repeat=para(b"Ana  0:03") + para(b"Thanks for joining today, we walk through pricing."), times=40_000)
    assert len(bomb) < 100_000  # ~5 MB inflated
    with pytest.raises(TooLarge, match=r"expands to \d\.\d MB, over the size limit of 1 MB") as info:
        load_transcript_bytes(bomb, "bomb.docx", max_bytes=1024 * 1024)
    assert info.value.limit == 1024 * 1024 and str(info.value).startswith("bomb.docx: ")


def test_one_huge_text_node_is_refused():
    bomb = docx(repeat=b"a", times=64 * 1024 * 1024)  # 64 MiB in one text node, ~70 KB on disk
    with pytest.raises(TooLarge, match="over the size limit of 32 MB"):
        load_transcript_bytes(bomb, "node.docx")


def test_a_lying_directory_stops_within_a_chunk():
    bomb = lying(docx(repeat=b"a", times=16 * 1024 * 1024), b"word/document.xml", 1000)
    with pytest.raises(LoadError) as info:
        read_zip(bomb, "lie.docx", 1024 * 1024, "Word .docx file")
    assert "lie.docx" in str(info.value)


def test_a_lying_directory_under_a_large_declared_size_stops_at_the_limit():
    bomb = lying(docx(repeat=b"a", times=16 * 1024 * 1024), b"word/document.xml", 900_000)
    with pytest.raises(LoadError, match="lie.docx"):
        read_zip(bomb, "lie.docx", 1024 * 1024, "Word .docx file")


def test_thousands_of_entries_are_refused_before_the_directory_is_parsed():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        for i in range(MAX_ENTRIES + 1):
            z.writestr(f"e{i}", b"")
    with pytest.raises(TooLarge, match=f"more than {MAX_ENTRIES} parts"):
        load_transcript_bytes(out.getvalue(), "many.docx")


def test_a_truncated_or_encrypted_archive_is_one_line():
    for broken in (GOOD[: len(GOOD) // 2], GOOD[:-30], GOOD.replace(b"word/document.xml", b"word/documenX.xml")):
        with pytest.raises(LoadError) as info:
            load_transcript_bytes(broken, "broken.docx")
        assert "\n" not in str(info.value) and str(info.value).startswith("broken.docx")


def test_a_corrupt_deflate_stream_is_one_line():
    """Found by tests/test_fuzz.py: a flipped byte inside the compressed data raised zlib.error."""
    raw = bytearray(GOOD)
    at = raw.find(b"word/document.xml") + len(b"word/document.xml") + 5  # inside the part's deflate data
    raw[at] ^= 0xFF
    raw[at + 1] ^= 0x5A
    try:
        load_transcript_bytes(bytes(raw), "flipped.docx")
    except LoadError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("flipped.docx")


def test_call_review_refuses_bombs_and_goes_on_with_the_other_files(tmp_path):
    (tmp_path / "a-bomb.docx").write_bytes(docx(repeat=b"a", times=40 * 1024 * 1024))
    (tmp_path / "b-good.docx").write_bytes(GOOD)
    (tmp_path / "c-small-limit.docx").write_bytes(docx(repeat=para(b"Ana  0:03") + para(b"Hi there."), times=30_000))
    result = subprocess.run([str(BIN), "call", "review", "--max-size", "1", "-f", "json", str(tmp_path)],
                            capture_output=True, timeout=120)  # fmt: skip
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert "Traceback" not in err
    assert "a-bomb.docx" in err and "over the size limit of 1 MB" in err and "--max-size" in err
    assert "c-small-limit.docx" in err
    assert [Path(d["path"]).name for d in json.loads(result.stdout)["documents"]] == ["b-good.docx"]


def test_the_call_cache_is_bounded_in_bytes():
    from plainpitch.web.api import _CallCache

    cache = _CallCache(size=100, max_bytes=10_000_000)
    for i in range(50):
        cache.get_or_compute(f"k{i}", lambda: object(), input_bytes=20_000)  # charged ~800 KB each
    assert cache.held_bytes <= 10_000_000
    cache.get_or_compute("huge", lambda: object(), input_bytes=2_000_000)  # over a quarter of the budget: not kept
    assert "huge" not in cache._items


def test_a_part_that_inflates_over_the_ratio_is_a_bomb_even_under_the_size_limit():
    """The issue's 72 KB file expanding to 10 MiB of one repeated paragraph: refused before it is read."""
    from plainpitch.ingest.archive import MAX_RATIO

    bomb = docx(repeat=para(b"Ana  0:03") + para(b"Thanks for joining today, we walk through pricing."), times=80_000)
    with pytest.raises(TooLarge, match=f"over {MAX_RATIO} times is a compression bomb"):
        load_transcript_bytes(bomb, "ratio.docx")
