"""Times in call reports: one format everywhere (CLI, HTML, Markdown, the editor), m:ss or h:mm:ss.

A position in the call ("12:40") and a length ("2:35") read the same way, as a sales manager reads a call
recording's player; "~" marks a figure estimated from the words when the transcript has no times.
"""

from __future__ import annotations


def clock(seconds: float | None) -> str:
    """'0:48', '12:40', '1:02:05'; '—' for None."""
    if seconds is None:
        return "—"
    s = int(max(0, round(seconds)))
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def approx(seconds: float | None, timed: bool) -> str:
    """``clock`` with '~' in front when the time is estimated."""
    return clock(seconds) if timed or seconds is None else "~" + clock(seconds)
