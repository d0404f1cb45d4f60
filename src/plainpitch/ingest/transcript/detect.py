"""Which transcript format a file is in: its content first, its extension when the content is not telling.

Content wins because exports are often misnamed (SRT saved as .txt, Zoom VTT saved as .txt); the extension
decides only when the content fits no format, so that the format's own parser can name the bad line.
"""

from __future__ import annotations

import os
import re

from plainpitch.formats import BY_NAME, TRANSCRIPT_FORMATS, is_transcript_name, transcript_format_for
from plainpitch.ingest.errors import LoadError
from plainpitch.ingest.transcript import markdown, meet, otter, teams_docx, zoom_txt
from plainpitch.ingest.transcript.captions import TIMING_RE
from plainpitch.ingest.transcript.lines import LEAD_TIME_RE, NAME_TIME_RE
from plainpitch.ingest.transcript.turns import split_label
from plainpitch.text import lazy_re

FORMATS = TRANSCRIPT_FORMATS
ZIP_MAGIC = b"PK\x03\x04"
SNIFF_LINES = 200
KNOWN = (
    "WebVTT, SRT, Zoom or Otter text, Teams .docx, Google Meet, Granola or other Markdown exports, "
    "Whisper/AssemblyAI/Deepgram/tl;dv/Fireflies JSON, or 'Name: text' lines"
)
_FRONT_MATTER_RE = lazy_re.compile(r"\A---[ \t]*\n(?:.*\n){0,200}?(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
# Section headings among the turns that make a Markdown file a document with sections, not a call (one may be a
# chapter or a "Transcript" heading between two exports' parts)
COPY_DECK_SECTIONS = 2
_MARKDOWN_HINT_RE = lazy_re.compile(r"^(?:---[ \t]*$|[ \t]{0,3}#{1,6}[ \t]|.*\*\*|.*__)", re.MULTILINE)
_SRT_TIME_RE = lazy_re.compile(r"\d,\d")
_GREETING_LINE_RE = lazy_re.compile(r"^[ \t]*(?:hi|hello|hey|dear)\b[^\n]{0,40},[ \t]*$", re.IGNORECASE | re.MULTILINE)
_SIGN_OFF_LINE_RE = lazy_re.compile(
    r"^[ \t]*(?:best|best regards|regards|kind regards|warm regards|cheers|thanks|thank you|many thanks|sincerely|"
    r"talk soon)[ \t]*[,!.]?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# an object, or a list of objects: "[00:01:02] Name: ..." lines also open with a bracket
JSON_START_RE = lazy_re.compile(r'^(?:\{\s*(?:"|\})|\[\s*(?:\{|\]))')


def _unknown(path: str, why: str) -> LoadError:
    return LoadError(path, f"not a transcript format plainpitch knows ({why}; expected {KNOWN})")


def _is_docx_zip(data: bytes) -> bool:
    # a .docx is a ZIP package whose first entries include word/ parts; the names sit in the local headers
    return data.startswith(ZIP_MAGIC) and (b"word/" in data[:65536] or b"[Content_Types].xml" in data[:4096])


def _label_of(line: str) -> str | None:
    """The name when the line opens with "Name:" (after an optional time) or "Name (01:02):", else None."""
    lead = LEAD_TIME_RE.match(line)
    rest = line[lead.end() :] if lead else line
    label = split_label(rest)
    if label:
        return label[0]
    named = NAME_TIME_RE.match(rest)
    return named.group("name").strip() if named and ":" in rest else None


def _labelled(line: str) -> bool:
    return _label_of(line) is not None


def sniff_text(text: str) -> str | None:
    """The format the content shows, or None."""
    head = text[:200_000].lstrip("\ufeff \t\n")
    if not head:
        return None
    if head.startswith("WEBVTT"):
        return "vtt"
    if JSON_START_RE.match(head):
        return "json"
    body = _FRONT_MATTER_RE.sub("", head, count=1)  # YAML "key: value" lines are not speakers
    lines = [line for line in body.split("\n", SNIFF_LINES)[:SNIFF_LINES] if line.strip()]
    if not lines:
        return None
    timings = [i for i, line in enumerate(lines) if TIMING_RE.match(line)]
    if timings:
        first = timings[0]
        # Teams' older .docx layout as text: timing, a bare speaker line, text (no index line above)
        if (
            first + 2 < len(lines)
            and not (first and lines[first - 1].strip().isdigit())
            and otter.is_name(lines[first + 1])
            and ":" not in lines[first + 1]
            and not _SRT_TIME_RE.search(lines[first])
            and len(timings) > 1
            and timings[1] - first >= 3
        ):
            return "teams"
        return "srt"  # index line or not, commas or dots: SRT's parser reads both
    sample = lines[:60]
    if _MARKDOWN_HINT_RE.search(head[:20000]):
        turns, speakers, repeated, sections, field_groups = markdown.speaker_labels(head)
        # a call has two people at least: one name in bold again and again is a page quoting one customer; a
        # letter's greeting and sign-off on lines of their own make it correspondence (e-mail templates under
        # "**Subject Line:**" labels), not what was said on a call; and labels that come back under section after
        # section are a copy deck's fields, not people taking turns
        letter = bool(_GREETING_LINE_RE.search(head) and _SIGN_OFF_LINE_RE.search(head))
        sectioned = sections >= COPY_DECK_SECTIONS
        if field_groups >= COPY_DECK_SECTIONS:
            return None  # case studies or a copy deck: the same fields under each heading, in any layout
        if turns >= 3 and 2 <= speakers <= 15 and repeated >= 2 and not letter and not sectioned:
            return "granola"  # Granola, Fireflies-style and notes-app exports: headings or bold labels per turn
    marks = sum(1 for line in sample if meet.MARK_RE.match(line))
    if marks and sum(1 for line in sample if split_label(line)) >= 2:
        return "meet"  # Google Meet's document: 'Name: text' paragraphs under a bare time mark every few minutes
    if any(zoom_txt.HEADER_RE.match(line) or zoom_txt.CHAT_RE.match(line) for line in sample[:20]):
        return "zoom"
    headers = sum(1 for line in sample if otter.header(line))
    flags = [_labelled(line) for line in sample]
    labelled = sum(flags)
    if headers and headers >= labelled and headers * 5 >= len(sample):
        return "otter"  # a header every few lines: name + time, then the paragraph
    # "Name:" on 30% of lines; a single label counts only on the first line (a one-speaker snippet). A conversation
    # comes back to people: three or more labels that each appear once ("Reports: ...", "Audit: ...") are a list.
    names = [n for n in (_label_of(line) for line in sample) if n]
    listing = len(set(names)) >= 3 and len(names) == len(set(names))
    if labelled * 10 >= len(sample) * 3 and not listing and (labelled >= 2 or flags[0]):
        return "lines"
    teams = sum(1 for line in sample if otter.header(line, teams_docx.HEADER_RE))
    if teams and teams * 5 >= len(sample):
        return "teams"  # the current Teams layout copied out of Word: "Name 0:03" with one space
    return None


def detect_format(text_or_bytes: str | bytes, path: str) -> str:
    """One of FORMATS for the content (and the path's extension), or a LoadError naming the file."""
    ext = os.path.splitext(path)[1].lower()
    if isinstance(text_or_bytes, bytes):
        data = text_or_bytes
        if data.startswith(ZIP_MAGIC):
            if _is_docx_zip(data) or ext == ".docx":
                return "docx"
            raise _unknown(path, "a ZIP archive that is not a Word .docx")
        from plainpitch.ingest.decode import decode, normalise_newlines

        text = normalise_newlines(decode(data, path)[0])
    else:
        text = text_or_bytes
    if not text.strip():
        raise LoadError(path, "is empty: there is no transcript to read")
    found = sniff_text(text)
    if found:
        return found
    # the name decides only when it is a transcript's alone (.vtt, .srt, .json): a .md or .txt that the content does
    # not show to be a transcript is copy, or nothing plainpitch knows
    by_name = transcript_format_for(path) if is_transcript_name(path) else None
    if by_name is not None and not BY_NAME[by_name].binary:
        return by_name
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")[:60]
    raise _unknown(path, f"first line '{first}'")
