"""The Markdown walker parses a unit as a "plainpitch: ignore" directive only when it opens as one can (p, P or <),
and looks for [CTA: …] buttons only in units that hold "[CTA:": the same Document as parsing and looking in every
unit."""

import re
from pathlib import Path

from plainpitch.ingest import load_text
from plainpitch.ingest import markdown as md
from plainpitch.ingest.suppress import DIRECTIVE_RE

ROOT = Path(__file__).resolve().parents[1]

HOSTILE = """# Page

plainpitch: ignore JRG001

We use Kubernetes everywhere.

PLAINPITCH: ignore passive-voice

Mistakes were made.

Plainpitch:   ignore

- plainpitch: ignore CTA001
- Book a demo today.

> plainpitch: ignore

Our team ships. [CTA: Start free] and [CTA:Book a call] here.

- [CTA: Get started]

Plain text that names plainpitch: ignore in the middle.
"""


def _doc(text):
    d = load_text(text, "page.md")
    return d.text, [(u.kind, u.start, u.end, u.source_start, u.href) for u in d.units], d.suppressions


def test_the_gated_walk_builds_the_document_the_full_walk_builds(monkeypatch):
    texts = [HOSTILE] + [p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT / "tests" / "data").rglob("*.md"))]
    texts += [(ROOT / "examples" / "landing-page.md").read_text(encoding="utf-8")]
    gated = [_doc(t) for t in texts]
    with monkeypatch.context() as m:
        m.setattr(md, "_DIRECTIVE_START_RE", re.compile(""))
        m.setattr(md, "_CTA_MARK", "")  # every unit searched
        full = [_doc(t) for t in texts]
    assert gated == full
    text, units, suppressions = gated[0]
    assert sum(1 for u in units if u[0] == "cta") == 3 and len(suppressions) >= 4


def test_a_directive_opens_with_p_or_a_comment_and_nothing_else_matches_p():
    assert md._CTA_RE.pattern.startswith(re.escape(md._CTA_MARK).replace(r"\ ", " "))
    assert DIRECTIVE_RE.pattern.startswith(r"^(?:<!--)?\s*plainpitch:")
    blind = re.compile("p", re.IGNORECASE)
    assert {chr(c) for c in range(0x110000) if blind.fullmatch(chr(c))} == {"p", "P"}
    for text in ("plainpitch: ignore", "  Plainpitch: ignore X", "<!-- plainpitch: ignore -->", "\tPLAINPITCH: ignore"):
        assert md._DIRECTIVE_START_RE.match(text) and DIRECTIVE_RE.match(text.strip())
