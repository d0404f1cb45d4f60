"""The rule docs under docs/rules/ are generated from the rule metadata; this keeps them current."""

from pathlib import Path

from plainpitch.rules.docs import generated_docs

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules"


def test_rule_docs_are_current():
    pages = generated_docs()
    stale = [name for name, text in pages.items() if not (DOCS / name).is_file() or (DOCS / name).read_text(encoding="utf-8") != text]
    extra = sorted(p.name for p in DOCS.glob("*.md") if p.name not in pages)
    assert not stale and not extra, f"run `make docs`: stale {stale}, orphaned {extra}"


def test_every_rule_page_has_the_fixed_sections():
    for name, text in generated_docs().items():
        if name == "README.md":
            continue
        for section in ("## What it does", "## Why it costs the sale", "## How to fix it", "## Example", "Use instead:"):
            assert section in text, f"{name} lacks {section}"
