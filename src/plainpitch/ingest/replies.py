"""What in an email body is not the sender's new copy: quoted replies, forwarded messages and the signature.

``mask_replies`` blanks those parts out with spaces instead of cutting them, so the text keeps its length and
every offset still points at the same place in the source file. Sign-offs ("Best,\\nAna") stay: they are part
of the message; the block after a ``-- `` signature line does not.
"""

from __future__ import annotations

import re

from plainpitch.text import lazy_re

_LINE_RE = lazy_re.compile(r"[^\n]*\n?")
_QUOTED_RE = lazy_re.compile(r"[ \t]*>")
_SIGNATURE_RE = lazy_re.compile(r"--[ \t]?$")
_MOBILE_RE = lazy_re.compile(
    r"(?:Sent from my \w[\w ]{0,30}|Get Outlook for \w+|Sent from (?:Mail|Outlook) for \w+)\.?[ \t]*$", re.I
)
_ORIGINAL_RE = lazy_re.compile(r"[ \t]*-{2,}[ \t]*(?:Original Message|Forwarded message)[ \t]*-{2,}", re.I)
_FORWARDED_RE = lazy_re.compile(r"[ \t]*Begin forwarded message:", re.I)
_UNDERSCORES_RE = lazy_re.compile(r"[ \t]*_{10,}[ \t]*$")
# "On Tue, 3 Mar 2025 at 10:02, Ana <ana@x.com> wrote:" (and the few languages mail clients localise it into)
_WROTE_RE = lazy_re.compile(r"(?:wrote|a écrit|schrieb|escribió|scrisse|schreef|skrev)[ \t]*:[ \t]*$", re.I)
_ON_RE = lazy_re.compile(r"[ \t]*(?:On|Le|Am|El|Il|Op|Den)\b", re.I)
_FROM_RE = lazy_re.compile(r"[ \t]*\**(?:From|De|Von|Van)\**:\**[ \t]+\S", re.I)
_SENT_RE = lazy_re.compile(r"[ \t]*\**(?:Sent|Date|Gesendet|Envoyé|Enviado|Verzonden)\**:\**.*\d", re.I)  # has a date


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line without its newline) for every line."""
    out = []
    for m in _LINE_RE.finditer(text):
        if m.start() == len(text):
            break
        out.append((m.start(), m.group(0).rstrip("\n")))
    return out


def _reply_header_at(lines: list[tuple[int, str]], i: int) -> bool:
    """Does a quoted reply, a forwarded message or an Outlook reply header start at line ``i``?"""
    line = lines[i][1]
    if _ORIGINAL_RE.match(line) or _FORWARDED_RE.match(line):
        return True
    if _ON_RE.match(line):
        # the attribution line may wrap once or twice ("On ..., Ana Lopez <\nana@x.com> wrote:")
        joined = line
        for k in range(i, min(i + 3, len(lines))):
            if k > i:
                joined += " " + lines[k][1].strip()
            if len(joined) > 400:
                break
            if _WROTE_RE.search(joined):
                return True
            if not lines[k][1].strip():
                break
    if _UNDERSCORES_RE.match(line) and i + 1 < len(lines) and _FROM_RE.match(lines[i + 1][1]):
        return True
    if _FROM_RE.match(line):
        return any(_SENT_RE.match(lines[k][1]) for k in range(i + 1, min(i + 5, len(lines))))
    return False


def reply_start(text: str) -> int:
    """Offset where the quoted or forwarded part (or the signature) begins; len(text) when there is none."""
    lines = _lines(text)
    for i, (offset, line) in enumerate(lines):
        if _SIGNATURE_RE.match(line) or _reply_header_at(lines, i):
            return offset
    return len(text)


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def mask_replies(text: str) -> str:
    """A same-length copy of an email body with quoted lines, replies, forwards and signature blanked."""
    cut = reply_start(text)
    parts: list[str] = []
    for offset, line in _lines(text[:cut]):
        end = offset + len(line)
        newline = "\n" if end < len(text) and text[end] == "\n" else ""
        if _QUOTED_RE.match(line) or _MOBILE_RE.match(line.strip()):
            parts.append(" " * len(line) + newline)
        else:
            parts.append(line + newline)
    head = "".join(parts)
    return head + _blank(text[len(head) :])


def is_reply_block(text: str) -> bool:
    """For blocks already extracted (an HTML email): does this block start the quoted part or the signature?"""
    stripped = text.strip()
    if stripped in ("--", "-- ") or stripped.startswith("-- "):
        return True
    if _ORIGINAL_RE.match(stripped) or _FORWARDED_RE.match(stripped):
        return True
    if _ON_RE.match(stripped) and len(stripped) < 400 and _WROTE_RE.search(stripped):
        return True
    if _FROM_RE.match(stripped) and re.search(r"\b(?:Sent|Date|Gesendet|Envoyé|Enviado):.*\d", stripped):
        return True
    return False


def is_mobile_signature(text: str) -> bool:
    return bool(_MOBILE_RE.match(text.strip()))


# Headers and HTML marks of a message that answers or forwards another: a real reply carries one of them.
_THREAD_HEADER_RE = lazy_re.compile(r"^(?:In-Reply-To|References)[ \t]*:[ \t]*\S", re.I | re.M)
_HTML_THREAD_RE = lazy_re.compile(
    r"gmail_quote|gmail_attr|moz-cite-prefix|yahoo_quoted|divRplyFwdMsg|OutlookMessageHeader|protonmail_quote|"
    r"<blockquote[^>]*type=[\"']?cite",
    re.I,
)


def has_thread(source: str) -> bool:
    """Does this email carry the message it answers or forwards: a threading header, a quoted or forwarded part
    (an attribution line, "> " lines, Outlook's header block) or a mail client's HTML mark for one?"""
    blank = re.search(r"\r?\n[ \t]*\r?\n", source)
    head, body = (source[: blank.start()], source[blank.end() :]) if blank else ("", source)
    if _THREAD_HEADER_RE.search(head) or _HTML_THREAD_RE.search(body):
        return True
    lines = _lines(body)  # the body only: the message's own From:/Date: lines are not a quoted reply's header
    return any(_QUOTED_RE.match(line) or _reply_header_at(lines, i) for i, (_, line) in enumerate(lines))
