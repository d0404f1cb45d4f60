"""JSON from speech-to-text services, in the shapes their documentation publishes.

- Whisper (openai-whisper ``result``/``--output_format json``): ``{"text", "segments": [{"start", "end", "text"}]}``
  in seconds, no speakers; WhisperX adds ``"speaker": "SPEAKER_00"`` and ``"words"`` to each segment.
- AssemblyAI (``speaker_labels=true``): ``{"utterances": [{"speaker": "A", "start": 250, "end": 2000,
  "text"}]}`` with times in *milliseconds*; without diarization (``utterances`` null) the whole ``text`` is one
  turn.
- Deepgram (``utterances=true``): ``{"results": {"utterances": [{"speaker": 0, "start", "end", "transcript"}]}}``
  in seconds; or (``paragraphs=true``) ``results.channels[0].alternatives[0].paragraphs.paragraphs[]`` with
  ``speaker``, ``start``, ``end`` and ``sentences: [{"text"}]``.
- tl;dv (public API ``GET /v1alpha1/meetings/{id}/transcript``): ``{"id", "meetingId", "data": [{"speaker",
  "text", "startTime", "endTime"}]}`` in seconds, speakers by name.
- Fireflies (GraphQL ``transcript { sentences { speaker_name text start_time end_time } }``): the ``data`` /
  ``transcript`` wrappers or the bare ``sentences`` list, in seconds.
- a bare list of ``{"start", "end", "text", "speaker"}`` segments (what many wrappers write).
Speaker ids become names: "A" -> "Speaker A", 0 -> "Speaker 0"; WhisperX's "SPEAKER_00" stays as it is.

Offsets: ``json`` gives no positions, so each text is found in the source after the one before (a regex over
``"text": "..."``, compared with the decoded value); escapes such as ``\\u00e9`` map to the escape's first
character. Finding is a forward scan, so a file is read once.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from plainpitch.ingest.errors import LoadError
from plainpitch.ingest.transcript.turns import Cue, CueText, LineIndex, Piece
from plainpitch.text import lazy_re

ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_KEY_RES: dict[str, re.Pattern[str]] = {}
UNKNOWN_SHAPE = (
    "JSON is not a speech-to-text result plainpitch knows "
    "(Whisper 'segments', AssemblyAI 'utterances', Deepgram 'results', tl;dv 'data', Fireflies 'sentences')"
)


_HEX4_RE = lazy_re.compile(r"[0-9a-fA-F]{4}")


def _key_re(key: str) -> re.Pattern[str]:
    if key not in _KEY_RES:
        _KEY_RES[key] = re.compile(rf'"{key}"\s*:\s*"((?:[^"\\]|\\.)*)"')
    return _KEY_RES[key]


def decode_json_string(raw: str, start: int) -> tuple[str, list[int] | int]:
    """A JSON string body -> (text, source offsets): an int when it has no escapes (a verbatim slice)."""
    if "\\" not in raw:
        return raw, start
    chars: list[str] = []
    offsets: list[int] = []
    i = 0
    n = len(raw)
    while i < n:
        c = raw[i]
        if c != "\\":
            chars.append(c)
            offsets.append(start + i)
            i += 1
            continue
        e = raw[i + 1] if i + 1 < n else ""
        if e == "u" and _HEX4_RE.fullmatch(raw, i + 2, i + 6):
            code = int(raw[i + 2 : i + 6], 16)
            length = 6
            if 0xD800 <= code < 0xDC00 and raw[i + 6 : i + 8] == "\\u" and _HEX4_RE.fullmatch(raw, i + 8, i + 12):
                low = int(raw[i + 8 : i + 12], 16)
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                length = 12
            chars.append(chr(code))
            offsets.append(start + i)
            i += length
        else:
            chars.append(ESCAPES.get(e, e))
            offsets.append(start + i)
            i += 2
    return "".join(chars), offsets


def _trim_piece(text: str, where: list[int] | int) -> Piece:
    lead = len(text) - len(text.lstrip())
    keep = len(text.rstrip())
    if isinstance(where, int):
        return text[lead:keep], where + lead
    return text[lead:keep], where[lead:keep]


class _Finder:
    """Finds each wanted string value in the source, scanning forward from the last one found."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.cursor = 0
        self.lines = LineIndex(source)

    def seek_key(self, key: str) -> None:
        m = re.compile(rf'"{key}"\s*:').search(self.source, self.cursor)
        if m:
            self.cursor = m.start()

    def find(self, key: str, wanted: str) -> tuple[Piece, int]:
        """(trimmed piece, 1-based line) of the next ``"key": "<wanted>"`` in the source."""
        pattern = _key_re(key)
        pos = self.cursor
        while True:
            m = pattern.search(self.source, pos)
            if m is None:
                break
            text, where = decode_json_string(m.group(1), m.start(1))
            if text == wanted:
                self.cursor = m.end()
                piece = _trim_piece(text, where)
                first = piece[1] if isinstance(piece[1], int) else (piece[1][0] if piece[1] else m.start(1))
                return piece, self.lines.line_of(first)
            pos = m.end()
        # not found verbatim (should not happen with valid JSON): point every character at the cursor
        stripped = wanted.strip()
        return (stripped, [self.cursor] * len(stripped)), self.lines.line_of(self.cursor)


def _number(value: Any, scale: float = 1.0) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        seconds = float(value) / scale
    except OverflowError:  # an integer past any float: not a time
        return None
    return seconds if math.isfinite(seconds) else None


def _speaker(value: Any) -> str | None:
    if value is None or value == "":
        return None
    # AssemblyAI labels speakers "A", "B"...; Deepgram numbers them
    if isinstance(value, int) or (isinstance(value, str) and (value.isdigit() or re.fullmatch(r"[A-Z]{1,2}", value))):
        return f"Speaker {value}"
    return str(value)


def _cue(finder: _Finder, key: str, texts: list[str], speaker: Any, start: float | None, end: float | None) -> Cue:
    cue_text = CueText()
    line = 0
    for text in texts:
        if not isinstance(text, str) or not text.strip():
            continue
        piece, at = finder.find(key, text)
        line = line or at
        cue_text.extend([piece])
    return Cue(_speaker(speaker), cue_text.pieces, line or finder.lines.line_of(finder.cursor), start, end)


def _segments(finder: _Finder, items: list[Any], key: str, scale: float,
              names: tuple[str, str, str] = ("speaker", "start", "end")) -> list[Cue]:  # fmt: skip
    who, start_key, end_key = names
    cues = []
    for item in items:
        if not isinstance(item, dict):
            continue
        text = item.get(key)
        start, end = _number(item.get(start_key), scale), _number(item.get(end_key), scale)
        if start is None or end is None:
            start = end = None
        speaker = item.get(who)
        if isinstance(speaker, dict):  # {"name": ...} speaker objects
            speaker = speaker.get("name")
        cues.append(_cue(finder, key, [text] if isinstance(text, str) else [], speaker, start, end))
    return cues


def _fireflies_sentences(data: dict) -> list | None:
    for holder in (data, data.get("data"), (data.get("data") or {}).get("transcript") if isinstance(data.get("data"), dict) else None,
                   data.get("transcript")):  # fmt: skip
        if isinstance(holder, dict) and isinstance(holder.get("sentences"), list):
            return holder["sentences"]
    return None


def parse(source: str, path: str) -> tuple[list[Cue], dict[str, Any]]:
    try:
        data = json.loads(source)
    except json.JSONDecodeError as exc:
        raise LoadError(path, f"is not valid JSON: {exc.msg} (column {exc.colno})", line=exc.lineno) from None
    except RecursionError:
        raise LoadError(path, "is not a JSON transcript: nested too deeply") from None
    except ValueError as exc:  # e.g. an integer of thousands of digits (Python's int-conversion limit)
        raise LoadError(path, f"is not a JSON transcript: {str(exc).split(';')[0]}") from None
    finder = _Finder(source)
    if isinstance(data, list):
        if data and all(isinstance(d, dict) and isinstance(d.get("text"), str) for d in data[:50]):
            return _segments(finder, data, "text", 1.0), {"asr": "segments"}
        raise LoadError(path, UNKNOWN_SHAPE)
    if not isinstance(data, dict):
        raise LoadError(path, UNKNOWN_SHAPE)

    items = data.get("data")
    if isinstance(items, list) and items and all(isinstance(d, dict) and "startTime" in d for d in items[:50]):
        finder.seek_key("data")
        return _segments(finder, items, "text", 1.0, ("speaker", "startTime", "endTime")), {"asr": "tldv"}
    sentences = _fireflies_sentences(data)
    if sentences is not None:
        finder.seek_key("sentences")
        return _segments(finder, sentences, "text", 1.0, ("speaker_name", "start_time", "end_time")), {"asr": "fireflies"}

    if isinstance(data.get("segments"), list):
        segments = data["segments"]
        diarised = any(isinstance(s, dict) and s.get("speaker") is not None for s in segments)
        finder.seek_key("segments")
        return _segments(finder, segments, "text", 1.0), {"asr": "whisperx" if diarised else "whisper"}

    if "utterances" in data and ("audio_url" in data or "words" in data or isinstance(data["utterances"], list)):
        if isinstance(data["utterances"], list) and data["utterances"]:
            finder.seek_key("utterances")
            return _segments(finder, data["utterances"], "text", 1000.0), {"asr": "assemblyai"}
        if isinstance(data.get("text"), str):  # no diarisation: one turn by "Unknown"
            return [_cue(finder, "text", [data["text"]], None, None, None)], {"asr": "assemblyai"}
        raise LoadError(path, "AssemblyAI result has no utterances and no text (was the transcript finished?)")

    results = data.get("results")
    if isinstance(results, dict):
        if isinstance(results.get("utterances"), list):
            finder.seek_key("utterances")
            return _segments(finder, results["utterances"], "transcript", 1.0), {"asr": "deepgram"}
        try:
            paragraphs = results["channels"][0]["alternatives"][0]["paragraphs"]["paragraphs"]
        except (KeyError, IndexError, TypeError):
            paragraphs = None
        if isinstance(paragraphs, list):
            finder.seek_key("paragraphs")
            cues = []
            for para in paragraphs:
                if not isinstance(para, dict):
                    continue
                texts = [s.get("text") for s in para.get("sentences") or [] if isinstance(s, dict)]
                start, end = _number(para.get("start")), _number(para.get("end"))
                if start is None or end is None:
                    start = end = None
                cues.append(_cue(finder, "text", texts, para.get("speaker"), start, end))
            return cues, {"asr": "deepgram"}
        if "channels" in results:
            raise LoadError(
                path, "Deepgram result has no utterances or paragraphs: request utterances=true&diarize=true"
            )
    raise LoadError(path, UNKNOWN_SHAPE)
