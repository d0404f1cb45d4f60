"""``text.placeholders.find`` skips a pattern when none of the strings its every match holds is in the text (a cheap
look first): the placeholders found must be exactly those of every pattern run over every text."""

from __future__ import annotations

import random
from pathlib import Path

from plainpitch.text import placeholders

ROOT = Path(__file__).resolve().parents[1]
FRAGMENTS = ["[First Name]", "[Client.FirstName]", "[COMPANY]", "{{ name }}", "{% if x %}", "{first_name}", "<<Name>>",
             "%FIRSTNAME%", "*|FNAME|*", "$FIRST_NAME", "$0.00", "€0,00", "£X,XXX", "0.00 USD", "XX EUR", "lorem ipsum",
             "TBD", "TODO", "tk", "XXXX", "[Read more](https://x.dev)", "$49", " ", "\n\n", "word", "5", ".", "[", "]",
             "{", "}", "<", ">", "%", "*", "|", "$", "X", "0", "USD"]  # fmt: skip


def _every_pattern(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    found = []
    for pattern, kind, _needs in placeholders._PATTERNS:
        for m in pattern.finditer(text, start, end):
            if kind == "filler" and not m.group(0).lower().startswith("lorem") and not placeholders._DRAFT_MARK_RE.match(m.group(0)):
                continue
            found.append((m.start(), m.end(), kind))
    found.sort()
    out, last = [], -1
    for s, e, kind in found:
        if s >= last:
            out.append((s, e, kind))
            last = e
    return out


def test_the_cheap_look_never_skips_a_placeholder():
    rng = random.Random(15)
    texts = ["".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT / "tests" / "data").rglob("*.md"))]
    found = 0
    for text in texts:
        for start, end in ((0, len(text)), (len(text) // 3, len(text) - len(text) // 4)):
            want = _every_pattern(text, start, end)
            assert list(placeholders.find(text, start, end)) == want, (text, start, end)
            found += len(want)
    assert found > 1000  # the texts are full of placeholders of every kind
