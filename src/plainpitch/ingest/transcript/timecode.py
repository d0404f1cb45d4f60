"""Clock strings -> seconds, for every timestamp shape the transcript formats use.

Cue timings ("00:01:02.500", "01:02.500", Teams' "0:0:0.570", SRT's "00:00:01,000"), start-only stamps ("1:02",
"1:02:05") and time-of-day stamps ("10:02:03"). Hours are not capped: "25:00:00.000" is a legal WebVTT time.
"""

from __future__ import annotations

from plainpitch.text import lazy_re

# h:m:s(.f) or m:s(.f); any number of hour digits; 1-2 digit minutes/seconds (Teams writes "0:0:5.2");
# the fraction may use "." (WebVTT) or "," (SRT) and may be missing (lenient).
CLOCK = r"(?:\d+:)?\d{1,2}:\d{1,2}(?:[.,]\d{1,9})?"
CLOCK_RE = lazy_re.compile(rf"^{CLOCK}$")


class BadTime(ValueError):
    """A clock string that has the right shape but impossible fields (e.g. 75 seconds)."""


# No call lasts a million hours: a longer hours field is a broken or hostile file, and reading it whole would
# cost an arbitrarily long integer (or overflow a float).
MAX_HOUR_DIGITS = 6

_PARTS_RE = lazy_re.compile(r"^[ \t]*(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,9}))?[ \t]*$")


def seconds(stamp: str) -> float:
    """'01:02:03.5' -> 3723.5. Raises BadTime for minutes or seconds of 60 and more."""
    m = _PARTS_RE.match(stamp)
    if not m:
        raise BadTime(f"'{_short(stamp)}' is not a time")
    hours, minutes, secs, frac = m.groups()
    if hours is not None and len(hours.lstrip("0")) > MAX_HOUR_DIGITS:
        raise BadTime(f"'{_short(stamp)}' is not a valid time (more than {MAX_HOUR_DIGITS} digits of hours)")
    secs_i = int(secs)
    if secs_i >= 60 or (hours is not None and int(minutes) >= 60):
        raise BadTime(f"'{stamp.strip()}' is not a valid time (minutes and seconds run 0-59)")
    value = (int(hours) * 3600 if hours else 0) + int(minutes) * 60 + secs_i
    return value + float("0." + frac) if frac else float(value)


def start_only_seconds(stamp: str) -> float:
    """Otter/Teams start stamps: '0:05' is m:ss, '1:02:05' is h:mm:ss. Minutes may pass 59 in 'mm:ss' ("75:12")."""
    parts = stamp.strip().split(":")
    if len(parts) == 2:
        if len(parts[0].lstrip("0")) > MAX_HOUR_DIGITS + 2:
            raise BadTime(f"'{_short(stamp)}' is not a valid time (too many digits of minutes)")
        minutes, secs = int(parts[0]), float(parts[1].replace(",", "."))
        if secs >= 60:
            raise BadTime(f"'{stamp}' is not a valid time (seconds run 0-59)")
        return minutes * 60 + secs
    return seconds(stamp)


def _short(stamp: str, limit: int = 40) -> str:
    """A stamp as quoted in an error: one bounded line, whatever the file holds."""
    stamp = stamp.strip()
    return stamp if len(stamp) <= limit else stamp[: limit - 1] + "…"
