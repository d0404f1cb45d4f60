"""Shared inputs for the history tests: real files to check and review, and runs with known measures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import uuid4

from plainpitch.history.records import Participant, RunRecord

ROOT = Path(__file__).resolve().parents[1]
LANDING = ROOT / "examples" / "landing-page.md"
TRANSCRIPTS = ROOT / "tests" / "data" / "transcripts"


def call_vtt(seller: str = "Ana Lopez", buyer: str = "sam@globex.com", next_step: bool = True) -> str:
    """A short call in WebVTT; the buyer's label may be an e-mail address (as some recorders write it)."""
    close = "Shall we book a pilot for Friday at 10?" if next_step else "Thanks, that is all from me."
    return (f"WEBVTT\n\n00:00.000 --> 00:05.000\n<v {seller}>Thanks for joining. What slows your month-end close today?\n\n"
            f"00:05.500 --> 00:15.000\n<v {buyer}>Manual reports every Friday. Two of us spend the whole day copying numbers.\n\n"
            f"00:15.500 --> 00:25.000\n<v {seller}>Our tool builds them for you. {close}\n\n"
            f"00:25.500 --> 00:28.000\n<v {buyer}>Yes, send the invite.\n")  # fmt: skip


def call_record(seller: str, when: datetime, talk: float, questions: int, monologue: float, next_steps: int,
                asks: int, path: str = "calls/x.vtt", participants: tuple[Participant, ...] = ()) -> RunRecord:  # fmt: skip
    metrics = {"call.type": (None, "discovery", ""), "call.duration_s": (1800.0, None, "s"),
               "call.talk_share.seller": (talk, None, "%"), "call.questions.seller": (float(questions), None, ""),
               "call.longest_monologue_s.seller": (monologue, None, "s"), "call.next_steps": (float(next_steps), None, ""),
               "call.asks.seller": (float(asks), None, "")}  # fmt: skip
    return RunRecord(uid=uuid4().hex, kind="call", path=path, content_hash=uuid4().hex * 2, created_at=when,
                     occurred_at=when, tool_version="test", profile="business", context="self-serve", medium="call",
                     format="vtt", score=80.0, parts={"talk": 80.0}, metrics=metrics,
                     findings={"TLK001": ("warning", 2)} if talk > 65 else {}, seller=seller,
                     participants=participants)  # fmt: skip


def copy_record(path: str, content: str, score: float, when: datetime) -> RunRecord:
    return RunRecord(uid=uuid4().hex, kind="copy", path=path, content_hash=content, created_at=when, occurred_at=when,
                     tool_version="test", profile="business", context="self-serve", medium="page", format="markdown",
                     score=score, parts={"clarity": score}, metrics={"copy.words": (120.0, None, "words")},
                     findings={"JRG001": ("warning", 1)})  # fmt: skip


MONDAY = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)  # a Monday


def week(n: int, day: int = 0) -> datetime:
    return MONDAY + timedelta(weeks=n, days=day)
