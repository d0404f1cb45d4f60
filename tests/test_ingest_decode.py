"""Bytes -> text (ingest/decode.py) with real bytes in every encoding a copy file arrives in."""

from __future__ import annotations

import codecs
import struct
import zlib
from pathlib import Path

import pytest

from plainpitch.ingest import load_bytes, load_path
from plainpitch.ingest.decode import decode
from plainpitch.ingest.errors import LoadError

DATA = Path(__file__).parent / "data" / "ingest"
TEXT = "Stöckli counts your café’s stock — in ten minutes.\n"


def png_bytes() -> bytes:
    """A real 2x2 PNG (signature, IHDR, IDAT, IEND chunks with CRCs)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes([255, 0, 0, 0, 255, 0]) for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))  # fmt: skip


@pytest.mark.parametrize(
    "data,encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16-le-bom"),  # Python writes the BOM in native (little-endian) order
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be-bom"),
        (TEXT.encode("utf-16-le"), "utf-16"),
        (TEXT.encode("utf-16-be"), "utf-16"),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32-le-bom"),
    ],
)
def test_unicode_encodings_decode_to_the_same_text(data, encoding):
    text, found = decode(data, "copy.txt")
    assert text == TEXT
    assert found == encoding


def test_latin1_and_cp1252_fall_back_to_windows_1252():
    text, encoding = decode((DATA / "latin1_page.txt").read_bytes(), "latin1_page.txt")
    assert encoding == "cp1252"
    assert "Stöckli for cafés" in text and "£19" in text and "«no contract»" in text and "Grüße from Zürich" in text
    text, encoding = decode((DATA / "cp1252_email.txt").read_bytes(), "cp1252_email.txt")
    assert encoding == "cp1252"
    assert "Monday – it takes" in text and "Reply “yes” and" in text


def test_cp1252_undefined_bytes_still_decode_as_latin1():
    text, encoding = decode("Caf\xe9 \x81 menu".encode("latin-1"), "menu.txt")
    assert encoding == "latin-1" and text == "Caf\xe9 \x81 menu"


def test_a_utf8_file_with_one_broken_byte_stays_utf8():
    data = "It’s “fast” and it’s cheap — really.".encode() + b" \xff end."
    text, encoding = decode(data, "broken.txt")
    assert encoding.startswith("utf-8")
    assert text.startswith("It’s “fast” and it’s cheap — really.")  # not "Itâ€™s"
    assert text.endswith("\ufffd end.")


def test_binary_files_are_refused():
    with pytest.raises(LoadError, match="is a binary file, not text"):
        decode(png_bytes(), "logo.txt")
    with pytest.raises(LoadError, match="is a binary file, not text"):
        decode(b"\x00" * 300 + b"PK\x03\x04" + bytes(range(256)) * 4, "archive.md")


def test_a_few_nul_bytes_in_text_become_replacement_characters_in_place():
    data = b"Ship faster and sleep better on release nights.\n" * 10 + b"Fewer\x00 rollbacks.\x00\n" + b"Done.\n" * 5
    text, encoding = decode(data, "nul.txt")
    assert encoding == "utf-8"
    assert len(text) == len(data) and "\x00" not in text and text.count("\ufffd") == 2


def test_size_limit():
    with pytest.raises(LoadError, match=r"over the size limit of 1 MB"):
        decode(b"a" * (1_048_576 + 1), "big.md", max_bytes=1_048_576)


def test_an_empty_file_is_empty_text():
    assert decode(b"", "empty.md") == ("", "utf-8")


def test_real_files_load_through_the_dispatcher_with_their_encoding_in_meta():
    utf16 = load_path(DATA / "utf16_page.md")
    no_bom = load_path(DATA / "utf16le_nobom_page.md")
    bom8 = load_path(DATA / "utf8_bom_page.md")
    assert utf16.text == no_bom.text == bom8.text
    assert "Stöckli counts your café’s stock" in utf16.text
    assert (utf16.meta["encoding"], no_bom.meta["encoding"], bom8.meta["encoding"]) == (
        "utf-16-le-bom",
        "utf-16",
        "utf-8-sig",
    )
    assert not bom8.source.startswith("\ufeff")
    latin = load_path(DATA / "latin1_page.txt")
    assert latin.meta["encoding"] == "cp1252" and "Grüße from Zürich." in latin.text


def test_crlf_is_normalised_before_offsets_are_taken():
    doc = load_bytes(b"# Title\r\n\r\nFirst line\r\nsecond line.\r\n", "crlf.md")
    assert "\r" not in doc.source
    unit = doc.units[1]
    assert doc.unit_text(unit) == "First line second line."
    assert doc.line_col(unit.to_source(unit.start + len("First line "))) == (4, 1)
