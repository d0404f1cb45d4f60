"""Markdown for a pull-request comment: a summary table per file, then each file's findings in a table.

Long lists fold into <details> so the comment stays readable, and the whole comment is capped well under
GitHub's 65,536-character limit. User text (copy, paths, messages quoting the copy) is escaped so that it
cannot break a table row, open HTML, or mention people.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from plainpitch.emit import sanitize
from plainpitch.emit.summary import reader_line, top_fixes
from plainpitch.emit.text import shorten
from plainpitch.model import SEVERITIES, DocumentReport, Finding, Report
from plainpitch.text import lazy_re

COLLAPSE_AFTER = 10  # findings shown open; more fold into <details>
MAX_ROWS = 250  # findings listed in one comment; the rest are counted
RULE_DOCS_URI = "https://plainpitch.dev/docs/rules/{code}.md"
_CODE_RE = lazy_re.compile(r"^[A-Z]{3}\d{3}$")


def render(report: Report, *, score: bool = True, collapse_after: int = COLLAPSE_AFTER, max_rows: int = MAX_ROWS,
           **_: Any) -> str:  # fmt: skip
    counts = Counter(f.severity for f in report.findings)
    total = sum(counts.values())
    files = len(report.documents)
    lines = [f"## plainpitch: {_plural(total, 'finding')} in {_plural(files, 'file')}", ""]
    if total:
        lines += [", ".join(_plural(counts[s], s) for s in reversed(SEVERITIES)) + ".", ""]
    if report.documents:
        lines += _summary_table(report, score)
    if report.errors:
        lines += ["**Not checked:**", ""]
        lines += [f"- {_code(e.path, table=False)}: {text(e.message)}" for e in report.errors]
        lines.append("")
    budget = max_rows
    for d in report.documents:
        section, budget = _document(d, score, collapse_after, budget)
        lines += section
    hidden = total - (max_rows - budget)  # max_rows - budget findings were listed
    if hidden > 0:
        lines += [f"_{_plural(hidden, 'more finding')} not listed: run `plainpitch check` locally to see them all._", ""]
    return "\n".join(lines).rstrip() + "\n"


# -- escaping --------------------------------------------------------------------------------------------------


text = sanitize.markdown  # user text for a table cell or list item
_code = sanitize.markdown_code


# -- sections -------------------------------------------------------------------------------------------------


def _summary_table(report: Report, show_score: bool) -> list[str]:
    head = "| file |" + (" score |" if show_score else "") + " errors | warnings | suggestions |"
    rule = "|:--|" + ("--:|" if show_score else "") + "--:|--:|--:|"
    rows = [head, rule]
    for d in report.documents:
        counts = Counter(f.severity for f in d.findings)
        cells = [_code(d.path)]
        if show_score:
            cells.append(_number(d.score.overall) if d.score is not None else "–")
        cells += [str(counts[s]) for s in reversed(SEVERITIES)]
        rows.append("| " + " | ".join(cells) + " |")
    return rows + [""]


def _document(d: DocumentReport, show_score: bool, collapse_after: int, budget: int) -> tuple[list[str], int]:
    heading = f"### {_code(d.path, table=False)}"
    if show_score and d.score is not None:
        heading += f" · {_number(d.score.overall)}/100"
    lines = [heading, ""]
    if show_score and d.score is not None and d.score.parts:
        lines += [" · ".join(f"{p.name.replace('_', ' ')} {_number(p.value)}" for p in d.score.parts), ""]
    lines += [f"_{text(reader_line(d))}_", ""]
    top = top_fixes(d)
    if top:
        lines += ["**Fix first**", ""]
        lines += [f"{n}. `{f.code}` {text(f.message)} (line {f.location.line}): {text(f.fix)}" for n, f in enumerate(top, 1)]
        lines.append("")
    lines += [f"> {text(note)}" for note in d.notes]
    if d.notes:
        lines.append("")
    if not d.findings:
        return lines + ["No findings.", ""], budget
    shown = list(d.findings[: max(budget, 0)])
    if not shown:
        return lines + [f"{_plural(len(d.findings), 'finding')} not listed (comment size limit).", ""], budget
    table = ["| where | rule | severity | message | flagged | use instead |", "|:--|:--|:--|:--|:--|:--|"]
    table += [_row(d.path, f) for f in shown]
    if len(shown) < len(d.findings):
        table += ["", f"_{_plural(len(d.findings) - len(shown), 'more finding')} in this file not listed._"]
    if len(d.findings) > collapse_after:
        lines += [f"<details><summary>{_plural(len(d.findings), 'finding')}</summary>", ""] + table + ["", "</details>"]
    else:
        lines += table
    return lines + [""], budget - len(shown)


def _row(path: str, f: Finding) -> str:
    where = _code(f"{path}:{f.location.line}")
    rule = f"[{f.code}]({RULE_DOCS_URI.format(code=f.code)})" if _CODE_RE.match(f.code) else text(f.code)
    flagged = _code(shorten(f.text)) if f.text else "–"
    options = ", ".join(_code(shorten(s.replacement)) if s.replacement else "delete it" for s in f.suggestions)
    cells = [where, f"{rule} {text(f.name)}", f.severity, text(f.message), flagged, options]
    return "| " + " | ".join(cells) + " |"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _number(value: Any) -> str:
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.1f}"
    return str(value)
