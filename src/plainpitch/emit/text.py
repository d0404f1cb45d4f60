"""The terminal report: findings grouped by file, each with its source line underlined, then each file's score.

The layout is built once as lines of (text, style) pieces. ``color=False`` joins the pieces as plain text (Rich
is never imported, so start-up stays fast and the output has no ANSI codes); ``color=True`` hands the same
pieces to Rich. User text is passed to Rich as ``Text``, never as markup, and control characters are replaced
so that copy cannot drive the terminal.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Any

from plainpitch.emit import sanitize
from plainpitch.emit.summary import reader_line, top_fixes
from plainpitch.model import SEVERITIES, Document, DocumentReport, Finding, Metric, Report, Score

Piece = tuple[str, str | None]  # (text, Rich style or None)
Line = list[Piece]

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "suggestion": "cyan"}
TAB = 4
MAX_LINE = 100  # longest source excerpt shown, in terminal cells; longer lines are cut around the span
CONTEXT = 30  # cells of context kept before the span when a long line is cut
TOP_DEDUCTIONS = 3
# The metrics a summary line shows, in this order, when present (the JSON report has them all).
KEY_METRICS = (
    "copy.grade", "copy.words", "copy.words_per_sentence", "copy.hard_sentences", "copy.benefit_share",
    "copy.you_we_ratio", "copy.asks", "email.subject_words", "call.type", "call.duration_s", "call.talk_share.seller",
    "call.longest_monologue_s.seller", "call.open_questions.seller", "call.patience_s.seller", "call.next_steps",
)  # fmt: skip


def render(report: Report, *, statistics: bool = False, score: bool = True, color: bool = False, full: bool = False,
           **_: Any) -> str:
    lines: list[Line] = []
    if statistics:
        lines += _statistics(report)
    else:
        for doc_report in report.documents:
            lines += _document(doc_report, score, full)
            lines.append([])
    lines.append(_totals(report))
    return _to_ansi(lines) if color else _to_plain(lines)


def render_document(doc_report: DocumentReport, *, score: bool = True, color: bool = False, full: bool = False) -> str:
    """One file's part of the report (what ``render`` prints for it), for a caller that streams file by file."""
    lines = [*_document(doc_report, score, full), []]
    return _to_ansi(lines) if color else _to_plain(lines)


def render_totals(files: int, counts: Counter[str], errors: int, *, color: bool = False) -> str:
    """The last line of the report from running counts (a streaming caller keeps no reports to count)."""
    lines = [_totals_line(files, counts, errors)]
    return _to_ansi(lines) if color else _to_plain(lines)


# -- output ----------------------------------------------------------------------------------------------------


def _to_plain(lines: list[Line]) -> str:
    return "".join("".join(text for text, _ in line) + "\n" for line in lines)


def _to_ansi(lines: list[Line]) -> str:
    import io

    from rich.console import Console
    from rich.text import Text

    out = io.StringIO()
    console = Console(file=out, force_terminal=True, color_system="standard", soft_wrap=True, width=200,
                      highlight=False, markup=False, emoji=False)  # fmt: skip
    text = Text(no_wrap=True, end="")
    for line in lines:
        for piece, style in line:
            text.append(piece, style=style or "")
        text.append("\n")
    console.print(text, end="")
    return out.getvalue()


clean = sanitize.terminal  # user text made safe for a terminal


# -- one document --------------------------------------------------------------------------------------------


def _document(d: DocumentReport, show_score: bool, full: bool = False) -> list[Line]:
    path = clean(d.path)
    lines: list[Line] = [[(path, "bold underline"), (f"  ({d.format}, {d.medium})", "dim")],
                         [("  " + clean(reader_line(d)), "dim")]]  # fmt: skip
    if not d.findings:
        lines.append([("  no findings", "green")])
    top = top_fixes(d)
    if top:
        lines.append([("  Fix first:", "bold")])
        for n, f in enumerate(top, 1):
            loc = f.location
            lines.append([(f"  {n}. ", "bold"), (f"{f.code} ", "magenta"), (clean(f.message), None),
                          (f"  (line {loc.line})", "dim")])  # fmt: skip
            if f.fix:
                lines.append([("     fix: ", "dim"), (clean(f.fix), None)])
        lines.append([])
    shown, grouped = (list(d.findings), []) if full else _split(d.findings)
    for f in shown:
        lines += _finding(path, f, d.document)
    for code, items in grouped:
        lines += _grouped(path, code, items)
    if show_score and d.score is not None:
        lines += _score(d.score, d.findings)
    metrics = _key_metrics(d)
    if metrics:
        more = len([m for m in d.metrics if m.value is not None]) - len(metrics)
        lines.append([("  metrics: ", "bold"), (clean(" · ".join(metric_text(m) for m in metrics)), None),
                      (f"  (+{more} in --format json)" if more > 0 else "", "dim")])  # fmt: skip
        for m in metrics:
            if m.note:
                lines.append([(f"    {m.label or m.name}: {clean(m.note)}", "dim")])
    for note in d.notes:
        lines.append([("  note: ", "bold"), (clean(note), None)])
    return lines


def _key_metrics(d: DocumentReport) -> list[Metric]:
    """The key metrics that are present; all of them when none of the key ones is (a new kind of report)."""
    present = {m.name: m for m in d.metrics if m.value is not None}
    key = [present[name] for name in KEY_METRICS if name in present]
    return key or list(present.values())


def metric_text(m: Metric) -> str:
    """'Reading grade: 14.8', with the unit unless the label already names it ('Words per sentence: 20.9')."""
    return f"{m.label or m.name}: {metric_value(m)}"


def metric_value(m: Metric) -> str:
    if m.value is None:
        return "–"
    label = m.label or m.name
    named = m.unit.isalpha() and re.search(rf"\b{re.escape(m.unit)}\b", label, re.IGNORECASE)
    return number(m.value) + (f" {m.unit}" if m.unit and not named else "")


def _finding(path: str, f: Finding, doc: Document | None) -> list[Line]:
    loc = f.location
    style = SEVERITY_STYLE.get(f.severity)
    header: Line = [
        (f"{path}:{loc.line}:{loc.column}: ", "bold"),
        (f"{f.code} {f.name} ", "magenta"),
        (f"[{f.severity}]", style),
        (" " + clean(f.message), None),
    ]
    if f.time is not None:
        header.append((f"  (at {clock(f.time)})", "dim"))
    lines = [header]
    gutter = len(str(loc.end_line))
    pad = " " * (gutter + 3)
    if doc is not None:
        excerpt, under = _underline(doc.line_text(loc.line), loc.column, loc.end_column if loc.end_line == loc.line else None)
        tail = f" (to line {loc.end_line})" if loc.end_line > loc.line else ""
        lines.append([(f"  {loc.line:>{gutter}} | ", "dim"), (excerpt, None)])
        lines.append([(f"{pad}| ", "dim"), (under, style), (tail, "dim")])
    replacements = [shorten(s.replacement) if s.replacement else "(delete it)" for s in f.suggestions]
    if replacements:
        lines.append([(f"{pad}→ use: ", "green"), (clean(" | ".join(dict.fromkeys(replacements))), "bold green")])
    if f.fix:
        lines.append([(f"{pad}fix: ", "dim"), (clean(f.fix), None)])
    return lines


def _split(findings: tuple[Finding, ...]) -> tuple[list[Finding], list[tuple[str, list[Finding]]]]:
    """Errors and warnings in full; suggestions grouped by rule when a rule has several (one line each, with where
    they are): the same advice is read once. ``--all`` lists every finding in full."""
    by_code: dict[str, list[Finding]] = {}
    for f in findings:
        if f.severity == "suggestion":
            by_code.setdefault(f.code, []).append(f)
    grouped = {code for code, items in by_code.items() if len(items) > 1}
    shown = [f for f in findings if f.code not in grouped or f.severity != "suggestion"]
    return shown, [(code, by_code[code]) for code in by_code if code in grouped]


def _grouped(path: str, code: str, items: list[Finding]) -> list[Line]:
    first = items[0]
    lines = [[(f"{path}: ", "bold"), (f"{code} {first.name} ×{len(items)} ", "magenta"),
              (f"[{first.severity}]", SEVERITY_STYLE.get(first.severity)),
              (" lines " + ", ".join(str(f.location.line) for f in items[:12]) + (" …" if len(items) > 12 else ""), "dim")]]
    for f in items[:5]:
        lines.append([(f"    {f.location.line}: ", "dim"), (clean(f.message), None)])
    if len(items) > 5:
        lines.append([(f"    … {len(items) - 5} more (--all lists each)", "dim")])
    if first.fix:
        lines.append([("    fix: ", "dim"), (clean(first.fix), None)])
    return lines  # fmt: skip


def shorten(text: str, limit: int = 80) -> str:
    """A long replacement (a rewritten sentence) cut in the middle: its start and its changed end stay visible."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = limit // 3
    return text[:head].rstrip() + " … " + text[-(limit - head - 3) :].lstrip()


def _width(c: str) -> int:
    if unicodedata.combining(c):
        return 0
    return 2 if unicodedata.east_asian_width(c) in "WF" else 1


def _cells(line: str) -> tuple[list[str], list[int]]:
    """What each character shows as (tabs expanded to the next stop) and how many terminal cells it takes."""
    cells: list[str] = []
    widths: list[int] = []
    pos = 0
    for c in line:
        if c == "\t":
            shown = " " * (TAB - pos % TAB)
            width = len(shown)
        else:
            shown, width = c, _width(c)
        cells.append(shown)
        widths.append(width)
        pos += width
    return cells, widths


def _underline(line: str, column: int, end_column: int | None) -> tuple[str, str]:
    """The source line (cut around the span when long) and the ^~~~ marks under the span, cell-aligned."""
    line = clean(line)
    start = min(max(column - 1, 0), len(line))
    end = len(line) if end_column is None else min(max(end_column - 1, start), len(line))
    if line.isascii() and "\t" not in line:  # the common case: one cell per character
        cells, widths = list(line), [1] * len(line)
    else:
        cells, widths = _cells(line)
    lo, hi = 0, len(line)
    if sum(widths) > MAX_LINE:
        lo = start
        budget = CONTEXT
        while lo > 0 and budget - widths[lo - 1] >= 0:
            lo -= 1
            budget -= widths[lo]
        hi, used = lo, 0
        while hi < len(line) and used + widths[hi] <= MAX_LINE:
            used += widths[hi]
            hi += 1
        while hi == len(line) and lo > 0 and used + widths[lo - 1] <= MAX_LINE:  # near the end: show more before
            lo -= 1
            used += widths[lo]
    before = "…" if lo > 0 else ""
    after = "…" if hi < len(line) else ""
    excerpt = before + "".join(cells[lo:hi]) + after
    lead = len(before) + sum(widths[lo:start])
    span_cells = sum(widths[start : min(end, hi)])
    marks = "^" + "~" * (span_cells - 1) if span_cells > 1 else "^"
    return excerpt, " " * lead + marks


def _score(score: Score, findings: tuple[Finding, ...]) -> list[Line]:
    names = {f.code: f.name for f in findings}
    parts = " · ".join(f"{p.name.replace('_', ' ')} {number(p.value)}" for p in score.parts)
    lines: list[Line] = [[("  score ", "bold"), (f"{score.overall:.1f}/100", _score_style(score.overall)),
                          (f"  ({parts})" if parts else "", None)]]  # fmt: skip
    for part in score.parts:
        if not part.deductions:
            continue
        top = ", ".join(
            f"{d.code} {names.get(d.code, '')}".rstrip() + f" ×{d.count} −{number(d.points)}"
            for d in part.deductions[:TOP_DEDUCTIONS]
        )
        more = f" (+{len(part.deductions) - TOP_DEDUCTIONS} more)" if len(part.deductions) > TOP_DEDUCTIONS else ""
        lines.append([(f"    {part.name.replace('_', ' ')}: ", "dim"), (top + more, None)])
        if part.note:
            lines.append([(f"      {clean(part.note)}", "dim")])
    return lines


def _score_style(value: float) -> str:
    return "bold green" if value >= 80 else "bold yellow" if value >= 60 else "bold red"


# -- whole report --------------------------------------------------------------------------------------------


def _statistics(report: Report) -> list[Line]:
    counts: Counter[tuple[str, str]] = Counter()
    severities: dict[str, Counter[str]] = {}
    for f in report.findings:
        counts[(f.code, f.name)] += 1
        severities.setdefault(f.code, Counter())[f.severity] += 1
    if not counts:
        return []
    width = max(len(str(n)) for n in counts.values())
    name_width = max(len(name) for _, name in counts)
    lines: list[Line] = []
    for (code, name), n in sorted(counts.items(), key=lambda item: (-item[1], item[0][0])):
        sev = severities[code].most_common(1)[0][0]
        lines.append([(f"{n:>{width}}  ", "bold"), (f"{code}  ", "magenta"), (f"{name:<{name_width}}  ", None),
                      (f"[{sev}]", SEVERITY_STYLE.get(sev))])  # fmt: skip
    return lines


def _totals(report: Report) -> Line:
    return _totals_line(len(report.documents), Counter(f.severity for f in report.findings), len(report.errors))


def _totals_line(files: int, counts: Counter[str], errors: int) -> Line:
    noun = "file" if files == 1 else "files"
    total = sum(counts.values())
    if total:
        by_severity = ", ".join(_plural(counts[s], s) for s in reversed(SEVERITIES))
        line: Line = [(f"{_plural(total, 'finding')} in {files} {noun}: ", "bold"), (by_severity, None)]
    else:
        line = [(f"No findings in {files} {noun}.", "bold green")]
    if errors:
        line.append((f"; {_plural(errors, 'input')} not checked (see the errors above)", "red"))
    return line


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def number(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


def clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
