"""The copy-paste snippets of the README's "Use it in your editor / CI" section (and of docs/integrations.md), for
the tests that run them: a snippet is found by how it starts, so the tests exercise exactly what users copy."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECTION = "## Use it in your editor / CI"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)


def section(path: str = "README.md") -> str:
    text = (ROOT / path).read_text(encoding="utf-8")
    if path != "README.md":
        return text
    start = text.index(SECTION)
    end = text.find("\n## ", start + len(SECTION))
    return text[start : end if end != -1 else len(text)]


def snippets(path: str = "README.md") -> list[tuple[str, str]]:
    """(language, code) of every fenced block."""
    return [(m.group(1), m.group(2)) for m in FENCE.finditer(section(path))]


def snippet(starts_with: str, path: str = "README.md") -> str:
    found = [code for _, code in snippets(path) if code.lstrip().startswith(starts_with)]
    assert len(found) == 1, f"expected one snippet starting {starts_with!r} in {path}, found {len(found)}"
    return found[0]
