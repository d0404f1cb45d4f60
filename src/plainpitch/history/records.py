"""A DocumentReport as the row the store keeps: pure data, no database (the export format reuses it).

What is kept of a run: the file (as a path relative to its git repository, so a team's store lines up), a hash
of its content, when, the profile, the score and its parts, every metric, the findings counted by code, and for
a call its seller and participants. The text itself only with ``keep_text``.
"""

from __future__ import annotations

import hashlib
import os
import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from plainpitch.model import SEVERITY_RANK, DocumentReport

KINDS = ("copy", "call")
STDIN = "<stdin>"
EMAIL = re.compile(r"[\w.+'-]+@([\w-]+(?:\.[\w-]+)+)", re.UNICODE)
# the call measures the trends read, as columns of a run: metric name -> column
CALL_COLUMNS = {
    "call.type": "call_type",
    "call.duration_s": "duration_s",
    "call.talk_share.seller": "talk_share",
    "call.questions.seller": "questions",
    "call.longest_monologue_s.seller": "longest_monologue_s",
    "call.next_steps": "next_steps",
    "call.asks.seller": "asks",
}


@dataclass(frozen=True)
class Participant:
    name: str
    role: str = "unknown"  # seller | buyer | unknown
    email: str | None = None


@dataclass(frozen=True)
class RunRecord:
    uid: str
    kind: str  # copy | call
    path: str
    content_hash: str
    created_at: datetime  # when the run was saved (UTC)
    occurred_at: datetime  # calls: when the transcript was written (its file time); copy: the run's time
    tool_version: str = ""
    profile: str | None = None
    context: str | None = None
    medium: str | None = None
    format: str | None = None
    score: float | None = None
    parts: dict[str, float] = field(default_factory=dict)
    metrics: dict[str, tuple[float | None, str | None, str]] = field(default_factory=dict)  # value, text, unit
    findings: dict[str, tuple[str, int]] = field(default_factory=dict)  # code -> (worst severity, count)
    seller: str | None = None
    participants: tuple[Participant, ...] = ()
    text: str | None = None

    @property
    def week(self) -> date:
        return week_of(self.occurred_at)

    def call_value(self, column: str) -> Any:
        for name, col in CALL_COLUMNS.items():
            if col == column:
                value, text, _ = self.metrics.get(name, (None, None, ""))
                return text if text is not None else value
        raise KeyError(column)


def week_of(when: datetime) -> date:
    day = when.astimezone(UTC).date()
    return day - timedelta(days=day.weekday())


def stored_path(path: str) -> str:
    """The path the store keys a file by: relative to its git repository (the same page on every teammate's
    machine), else absolute; '/' separators."""
    if path in ("-", STDIN, ""):
        return STDIN
    full = Path(os.path.abspath(path))
    for folder in full.parents:
        if (folder / ".git").exists():
            return full.relative_to(folder).as_posix()
    return full.as_posix()


def content_hash(report: DocumentReport) -> str:
    doc = report.document
    if doc is not None:
        data = doc.source.encode("utf-8", "surrogatepass")
    else:
        try:
            data = Path(report.path).read_bytes()
        except OSError:
            data = b""
    return hashlib.sha256(data).hexdigest()


def _occurred(report: DocumentReport, now: datetime, kind: str) -> datetime:
    if kind != "call" or report.path in ("-", STDIN):
        return now
    try:
        return datetime.fromtimestamp(os.stat(report.path).st_mtime, UTC)
    except OSError:
        return now


def _participants(report: DocumentReport) -> tuple[Participant, ...]:
    call = report.details.get("call") if isinstance(report.details, dict) or report.details else None
    roles: dict[str, str] = {}
    if isinstance(call, dict):
        for turn in call.get("turns") or ():
            if isinstance(turn, dict) and turn.get("speaker"):
                roles.setdefault(str(turn["speaker"]), str(turn.get("role") or "unknown"))
    if not roles and report.document is not None:
        for unit in report.document.units:
            if unit.turn is not None and unit.turn.speaker:
                roles.setdefault(unit.turn.speaker, unit.turn.role)
    out = []
    for name, role in roles.items():
        found = EMAIL.search(name)
        out.append(Participant(name.strip()[:200], role, found.group(0).lower() if found else None))
    return tuple(out)


def _seller(me: tuple[str, ...], participants: tuple[Participant, ...]) -> str | None:
    if me:
        return ", ".join(me)[:200]
    sellers = sorted(p.name for p in participants if p.role == "seller")
    return ", ".join(sellers)[:200] or None


def record_for(report: DocumentReport, kind: str, *, me: tuple[str, ...] = (), keep_text: bool = False,
               tool_version: str = "", now: datetime | None = None) -> RunRecord:  # fmt: skip
    """The row for one report. ``me``: the seller's names given to ``call review --me``."""
    if kind not in KINDS:
        raise ValueError(kind)
    now = now or datetime.now(UTC)
    metrics: dict[str, tuple[float | None, str | None, str]] = {}
    for m in report.metrics:
        if isinstance(m.value, bool) or isinstance(m.value, int | float):
            metrics[m.name[:120]] = (float(m.value), None, m.unit[:30])
        elif m.value is None:
            metrics[m.name[:120]] = (None, None, m.unit[:30])
        else:
            metrics[m.name[:120]] = (None, str(m.value)[:200], m.unit[:30])
    findings: dict[str, tuple[str, int]] = {}
    for f in report.findings:
        severity, count = findings.get(f.code, (f.severity, 0))
        worst = f.severity if SEVERITY_RANK[f.severity] > SEVERITY_RANK[severity] else severity
        findings[f.code] = (worst, count + 1)
    parts = {p.name: float(p.value) for p in report.score.parts} if report.score else {}
    participants = _participants(report) if kind == "call" else ()
    return RunRecord(
        uid=uuid.uuid4().hex,
        kind=kind,
        path=stored_path(report.path),
        content_hash=content_hash(report),
        created_at=now,
        occurred_at=_occurred(report, now, kind),
        tool_version=tool_version,
        profile=report.profile,
        context=report.context,
        medium=report.medium,
        format=report.format,
        score=float(report.score.overall) if report.score is not None else None,
        parts=parts,
        metrics=metrics,
        findings=findings,
        seller=_seller(tuple(me), participants) if kind == "call" else None,
        participants=participants,
        text=report.document.source if keep_text and report.document is not None else None,
    )
