"""What every report opens with: who the copy was judged for, and the fixes to make first (DocumentReport.top)."""

from __future__ import annotations

from plainpitch.model import DocumentReport, Finding

READERS = {"technical": "developers", "business": "business buyers", "consumer": "consumers"}


def reader_line(d: DocumentReport) -> str:
    """'reader: developers, guessed from the copy (31 code blocks); --profile to change', or 'reader: business
    buyers (your setting)'."""
    reader = d.details.get("reader") if hasattr(d.details, "get") else None
    who = READERS.get(d.profile, d.profile)
    if not isinstance(reader, dict):
        return f"reader: {who}"
    if reader.get("set_by") == "inferred":
        reasons = "; ".join(reader.get("reasons") or []) or "no sign of developers or consumers"
        return f"reader: {who}, guessed from the copy ({reasons}); --profile to change"
    return f"reader: {who}" + (" (your setting)" if reader.get("set_by") == "user" else "")


def top_fixes(d: DocumentReport) -> list[Finding]:
    """The fixes to make first, costliest first (none when there is only one finding: it is the list)."""
    if len(d.findings) < 2:
        return []
    return [d.findings[i] for i in d.top if i < len(d.findings)]
