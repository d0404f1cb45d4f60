"""A standalone HTML report: per document, the copy with every finding highlighted and linked to its explanation.

One file with its CSS inlined: no scripts, fonts or images, so it opens offline and can be attached to a ticket.
The copy is shown as the source file (``Document.source``) with highlights placed by source offsets. Spans may
overlap, so the text is cut at every span boundary and each piece is wrapped once (in the most severe finding
that covers it): the markup stays flat and can never be broken by nesting. Every string that came from a user
(copy, paths, messages that quote the copy) goes through ``_esc``.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Any

from plainpitch.emit import sanitize
from plainpitch.emit.summary import reader_line, top_fixes
from plainpitch.emit.text import clock, metric_value, number, shorten
from plainpitch.model import SEVERITIES, SEVERITY_RANK, Document, DocumentReport, Finding, Report, Score
from plainpitch.text import lazy_re

_CLASS_SAFE = lazy_re.compile(r"[^a-z0-9-]")


def render(report: Report, *, score: bool = True, **_: Any) -> str:
    metas = _rule_metas()
    counts = Counter(f.severity for f in report.findings)
    title = "plainpitch report" + (f" — {report.documents[0].path}" if len(report.documents) == 1 else "")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="plainpitch {_esc(report.tool_version)}">',
        f"<title>{_esc(title)}</title>",
        f"<style>\n{_css()}</style>",
        "</head>",
        "<body>",
        "<main>",
        "<header>",
        "<h1>plainpitch report</h1>",
        f'<p class="summary">{_esc(_summary(report, counts))}</p>',
        _legend(report),
        "</header>",
    ]
    if len(report.documents) > 1:
        parts.append(_file_table(report, score))
    if report.errors:
        parts.append('<section class="errors"><h3>Not checked</h3><ul>')
        parts += [f"<li><code>{_esc(e.path)}</code>: {_esc(e.message)}</li>" for e in report.errors]
        parts.append("</ul></section>")
    for i, d in enumerate(report.documents, 1):
        parts.append(_document(d, f"d{i}", metas, score))
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts)


_esc = sanitize.html  # controls and bidi characters become U+FFFD (offsets unchanged), then escaped


def _cls(value: str) -> str:
    """A class-name fragment from rule metadata (categories, severities): lower-case letters, digits and '-'."""
    return _CLASS_SAFE.sub("-", value.lower())


@lru_cache(maxsize=1)
def _css() -> str:
    from importlib import resources

    return (resources.files("plainpitch.emit") / "report.css").read_text(encoding="utf-8")


def _rule_metas() -> dict[str, Any]:
    from plainpitch.rules.base import all_rules

    return {r.meta.code: r.meta for r in all_rules()}


def _summary(report: Report, counts: Counter[str]) -> str:
    files = len(report.documents)
    total = sum(counts.values())
    text = f"{total} finding{'s' * (total != 1)} in {files} file{'s' * (files != 1)}"
    if total:
        text += ": " + ", ".join(f"{counts[s]} {s}{'s' * (counts[s] != 1)}" for s in reversed(SEVERITIES))
    if report.errors:
        text += f"; {len(report.errors)} input{'s' * (len(report.errors) != 1)} not checked"
    return text + "."


def _legend(report: Report) -> str:
    categories = sorted({f.category for f in report.findings})
    if not categories:
        return ""
    spans = "".join(f'<span class="cat-{_cls(c)}">{_esc(c)}</span>' for c in categories)
    return f'<p class="legend">Highlights by kind: {spans}</p>'


def _file_table(report: Report, show_score: bool) -> str:
    rows = ["<nav><table>", "<thead><tr><th>file</th><th>score</th><th>errors</th><th>warnings</th>"
            "<th>suggestions</th></tr></thead><tbody>"]  # fmt: skip
    for i, d in enumerate(report.documents, 1):
        counts = Counter(f.severity for f in d.findings)
        overall = number(d.score.overall) if show_score and d.score is not None else "–"
        rows.append(f'<tr><td><a href="#d{i}">{_esc(d.path)}</a></td><td class="num">{overall}</td>'
                    + "".join(f'<td class="num">{counts[s]}</td>' for s in reversed(SEVERITIES)) + "</tr>")  # fmt: skip
    rows.append("</tbody></table></nav>")
    return "\n".join(rows)


# -- one document --------------------------------------------------------------------------------------------


def _document(d: DocumentReport, doc_id: str, metas: dict[str, Any], show_score: bool) -> str:
    words = d.document.word_count if d.document is not None else None
    meta = [f"format {d.format}", f"medium {d.medium}", reader_line(d), f"context {d.context}"]
    meta += [f"{words} words"] if words is not None else []
    out = [f'<article class="doc" id="{doc_id}">', f"<h2>{_esc(d.path)}</h2>", f'<p class="meta">{_esc(" · ".join(meta))}</p>']
    top = top_fixes(d)
    if top:
        items = "".join(f"<li><strong>{_esc(f.code)}</strong> {_esc(f.message)} <span class=\"muted\">(line "
                        f"{f.location.line})</span> <span class=\"fix\">{_esc(f.fix)}</span></li>" for f in top)  # fmt: skip
        out.append(f'<section class="top"><h3>Fix first</h3><ol>{items}</ol></section>')
    if show_score and d.score is not None:
        out.append(_score(d.score, d.findings))
    if d.metrics:
        out.append(_metrics(d))
    if d.notes:
        out.append('<ul class="notes">' + "".join(f"<li>{_esc(n)}</li>" for n in d.notes) + "</ul>")
    numbered = list(enumerate(d.findings, 1))
    if d.document is not None:
        out.append("<h3>The copy</h3>")
        out.append(f'<pre class="copy">{_highlight(d.document, numbered, doc_id)}</pre>')
    if numbered:
        out.append(f"<h3>{len(numbered)} finding{'s' * (len(numbered) != 1)}</h3>")
        out.append('<ol class="findings">')
        out += [_finding_item(n, f, doc_id, metas.get(f.code), d.document) for n, f in numbered]
        out.append("</ol>")
    else:
        out.append('<p class="muted">No findings.</p>')
    if d.details:
        dump = json.dumps(d.details, indent=2, ensure_ascii=False, default=str)
        out.append(f"<details><summary>Analysis details</summary><pre>{_esc(dump)}</pre></details>")
    out.append("</article>")
    return "\n".join(out)


def _score(score: Score, findings: tuple[Finding, ...]) -> str:
    names = {f.code: f.name for f in findings}
    items = []
    for p in score.parts:
        label = p.name.replace("_", " ")
        deductions = ", ".join(f"{d.code} {names.get(d.code, '')} ×{d.count} −{number(d.points)}" for d in p.deductions[:3])
        more = f" (+{len(p.deductions) - 3} more)" if len(p.deductions) > 3 else ""
        extra = f'<span class="deductions">{_esc(deductions + more)}</span>' if deductions else ""
        note = f'<span class="deductions">{_esc(p.note)}</span>' if p.note else ""
        items.append(f'<li><meter min="0" max="100" low="60" high="80" optimum="100" value="{p.value:.1f}"></meter> '
                     f"{_esc(label)} <strong>{number(p.value)}</strong>{extra}{note}</li>")  # fmt: skip
    grade = "good" if score.overall >= 80 else "fair" if score.overall >= 60 else "poor"
    return (f'<div class="score"><div class="overall {grade}">{score.overall:.1f}<small>/100</small></div>'
            f'<ul class="parts">{"".join(items)}</ul></div>')  # fmt: skip


def _metrics(d: DocumentReport) -> str:
    items = []
    for m in d.metrics:
        note = f' <span class="muted">({_esc(m.note)})</span>' if m.note else ""
        items.append(f'<li title="{_esc(m.name)}">{_esc(m.label or m.name)}: <strong>{_esc(metric_value(m))}</strong>{note}</li>')
    return '<ul class="metrics">' + "".join(items) + "</ul>"


def _highlightable(f: Finding, doc: Document) -> tuple[int, int] | None:
    """Source range to highlight; None for an empty span, or a document-level finding whose span is the whole
    copy (colouring everything would show nothing). Those are listed, not highlighted."""
    if _whole_document(f, doc):
        return None
    start, end = max(0, f.location.start), min(f.location.end, len(doc.source))
    return (start, end) if end > start else None


def _whole_document(f: Finding, doc: Document | None) -> bool:
    if f.span.start == f.span.end:
        return True
    return doc is not None and f.data.get("scope") == "document" and f.span.start == 0 and f.span.end >= len(doc.text)


def _highlight(doc: Document, numbered: list[tuple[int, Finding]], doc_id: str) -> str:
    """The escaped source with flat, non-overlapping <a> pieces and a numbered marker after each finding."""
    source = doc.source
    starts: dict[int, list[tuple[int, Finding]]] = defaultdict(list)
    ends: dict[int, list[int]] = defaultdict(list)
    bounds = {0, len(source)}
    for n, f in numbered:
        rng = _highlightable(f, doc)
        if rng is None:
            continue
        starts[rng[0]].append((n, f))
        ends[rng[1]].append(n)
        bounds.update(rng)
    points = sorted(bounds)
    active: dict[int, Finding] = {}
    out: list[str] = []
    for a, b in zip(points, points[1:], strict=False):  # consecutive boundaries
        _close(out, ends.get(a, ()), active, doc_id)
        for n, f in starts.get(a, ()):
            active[n] = f
        piece = _esc(source[a:b])
        if not active:
            out.append(piece)
            continue
        top_n, top = max(active.items(), key=lambda item: (SEVERITY_RANK.get(item[1].severity, 0), -len(item[1].span), -item[0]))
        title = "\n".join(f"{active[n].code} {active[n].name}: {active[n].message}" for n in sorted(active))
        many = " many" if len(active) > 1 else ""
        out.append(f'<a class="hl cat-{_cls(top.category)} sev-{_cls(top.severity)}{many}" href="#{doc_id}-f{top_n}" '
                   f'title="{_esc(title)}">{piece}</a>')  # fmt: skip
    _close(out, ends.get(len(source), ()), active, doc_id)
    return "".join(out)


def _close(out: list[str], numbers: Any, active: dict[int, Finding], doc_id: str) -> None:
    """End the findings that stop here, with one marker holding a link to each (so 10,11 never reads 1011)."""
    if not numbers:
        return
    for n in numbers:
        active.pop(n, None)
    links = ",".join(f'<a id="{doc_id}-m{n}" href="#{doc_id}-f{n}">{n}</a>' for n in sorted(numbers))
    out.append(f'<sup class="ref">{links}</sup>')


def _finding_item(n: int, f: Finding, doc_id: str, meta: Any, doc: Document | None) -> str:
    loc = f.location
    where = f"line {loc.line}, column {loc.column}" + (f" (at {clock(f.time)})" if f.time is not None else "")
    if doc is not None and _highlightable(f, doc) is not None:  # the copy has its marker to jump back to
        where_html = f'<a href="#{doc_id}-m{n}" title="back to the copy">{where}</a>'
    else:
        where_html = where + (" (about the whole document)" if f.data.get("scope") == "document" else "")
    parts = [
        f'<li id="{doc_id}-f{n}" class="finding sev-{_cls(f.severity)}">',
        f'<p><span class="badge sev-{_cls(f.severity)}">{_esc(f.severity)}</span> <code>{_esc(f.code)}</code> '
        f"{_esc(f.name)} · {where_html}</p>",
        f'<p class="message">{_esc(f.message)}</p>',
    ]
    if f.text and not _whole_document(f, doc):
        parts.append(f'<p><span class="label">Flagged:</span> <span class="flagged cat-{_cls(f.category)}">{_esc(shorten(f.text, 240))}</span></p>')
    why = getattr(meta, "why", "")
    if why:
        parts.append(f'<p><span class="label">Why it costs the sale:</span> {_esc(why)}</p>')
    if f.fix:
        parts.append(f'<p><span class="label">Fix:</span> {_esc(f.fix)}</p>')
    if f.suggestions:
        options = ", ".join(f"<q>{_esc(shorten(s.replacement, 240))}</q>" if s.replacement else "delete it" for s in f.suggestions)
        parts.append(f'<p><span class="label">Use instead:</span> {options}</p>')
    parts.append("</li>")
    return "\n".join(parts)
