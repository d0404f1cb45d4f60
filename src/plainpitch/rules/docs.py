"""Rule documentation generated from rule metadata: docs/rules/*.md, `plainpitch explain`, `plainpitch rules`."""

from __future__ import annotations

import json
import os
from typing import Any

from plainpitch.rules.base import CATEGORIES, Rule, all_rules, strip_markers


def _example_block(text: str) -> str:
    return "```text\n" + text.rstrip() + "\n```"


def rule_markdown(rule: Rule) -> str:
    m = rule.meta
    lines = [f"# {m.code} {m.name}", ""]
    badges = [f"category: `{m.category}`", f"severity: `{m.severity}`", f"kind: `{m.kind}`", f"reads: `{m.scope}`"]
    if m.media:
        badges.append("media: " + ", ".join(f"`{x}`" for x in m.media))
    if m.preview:
        badges.append("**preview** (runs only when selected)")
    if not m.default:
        badges.append("**off by default** (`--select " + m.code + "` or `--all`)")
    if m.breaks_trust:
        badges.append("**breaks trust** (discounts the whole score)")
    if m.any_language:
        badges.append("**any language** (reads structure, not words)")
    if m.aliases:
        badges.append("aliases: " + ", ".join(f"`{a}`" for a in m.aliases))
    lines += [" · ".join(badges), ""]
    if m.default_note:
        lines += [f"> {m.default_note}", ""]
    lines += ["## What it does", "", m.summary, "", "## Why it costs the sale", "", m.why, ""]
    if m.sources:
        lines += ["Sources:", ""] + [f"- {s}" for s in m.sources] + [""]
    lines += ["## How to fix it", "", m.fix, "", "## Example", "", "Flagged (the marked text is what the rule reports):", ""]
    for ex in m.bad:
        lines += [_example_block(ex.text.replace("[[", "⟦").replace("]]", "⟧")), ""]
    lines += ["Use instead:", ""]
    for ex in m.good:
        lines += [_example_block(ex.text), ""]
    if m.options:
        lines += ["## Options", "", "| option | default |", "|---|---|"]
        lines += [f"| `{k}` | `{json.dumps(v)}` |" for k, v in m.options.items()]
        lines += ["", f"Set them under `[tool.plainpitch.rules.{m.code}]`.", ""]
    if m.pack:
        lines += [f"Defined in the rule pack `{m.pack}`.", ""]
    return "\n".join(lines).rstrip() + "\n"


def rule_json_dict(rule: Rule) -> dict[str, Any]:
    m = rule.meta
    return {
        "code": m.code,
        "name": m.name,
        "category": m.category,
        "severity": m.severity,
        "kind": m.kind,
        "summary": m.summary,
        "why": m.why,
        "message": m.message,
        "fix": m.fix,
        "aliases": list(m.aliases),
        "media": list(m.media),
        "reads": m.scope,
        "preview": m.preview,
        "default": m.default,
        "default_note": m.default_note,
        "impact": m.impact,
        "breaks_trust": m.breaks_trust,
        "any_language": m.any_language,
        "options": dict(m.options),
        "sources": list(m.sources),
        "bad": [strip_markers(e.text) for e in m.bad],
        "good": [e.text for e in m.good],
    }


def rule_json(rule: Rule) -> str:
    return json.dumps(rule_json_dict(rule), indent=2) + "\n"


def rules_json() -> str:
    return json.dumps([rule_json_dict(r) for r in all_rules()], indent=2) + "\n"


def rules_table(show_all: bool = False, color: bool = False) -> str:
    rows = [r for r in all_rules() if show_all or not r.meta.preview]
    width = max((len(r.meta.name) for r in rows), default=10)
    out = []
    for r in rows:
        m = r.meta
        off = "   " if m.default and not m.preview else "off"
        out.append(f"{m.code}  {m.name:<{width}}  {m.severity:<10}  {off}  {m.summary}")
    return "\n".join(out) + "\n"


def index_markdown() -> str:
    lines = ["# Rules", "", "Generated from the rule metadata by `plainpitch docs`; do not edit by hand.", "",
             "A rule marked *off* does not run by default: on the judged real texts fewer than half of its findings were",
             "right and useful (each rule's page says what was measured). Select it with `--select CODE`, or run every",
             "rule with `--all`.", ""]  # fmt: skip
    for category, (prefix, what, subscore) in CATEGORIES.items():
        rules = [r for r in all_rules() if r.meta.category == category]
        if not rules:
            continue
        lines += [f"## {category} ({prefix}): {what}", "", f"Costs the `{subscore}` sub-score.", ""]
        lines += ["| code | name | severity | by default | what it flags |", "|---|---|---|---|---|"]
        for r in rules:
            m = r.meta
            on = "on" if m.default and not m.preview else "*off*"
            lines.append(f"| [{m.code}]({m.code}.md) | {m.name} | {m.severity} | {on} | {m.summary} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def generated_docs() -> dict[str, str]:
    pages = {f"{r.meta.code}.md": rule_markdown(r) for r in all_rules()}
    pages["README.md"] = index_markdown()
    return pages


def write_docs(out: str, check_only: bool = False) -> list[str]:
    """Write (or compare) the generated pages; returns the names that were out of date."""
    pages = generated_docs()
    stale = []
    os.makedirs(out, exist_ok=True)
    for name, text in pages.items():
        path = os.path.join(out, name)
        try:
            with open(path, encoding="utf-8") as fh:
                current = fh.read()
        except FileNotFoundError:
            current = None
        if current != text:
            stale.append(name)
            if not check_only:
                with open(path, "w", encoding="utf-8") as fh:
                    fh.write(text)
    for name in sorted(os.listdir(out)):
        if name.endswith(".md") and name not in pages:
            stale.append(name)
            if not check_only:
                os.remove(os.path.join(out, name))
    return stale
