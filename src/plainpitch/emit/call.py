"""Call reports as text, Markdown and HTML, written for the sales manager who reads them.

- The header says what call it was (type, length, who sold, whether times are measured), then the score.
- The metrics table shows each figure with its target; a figure off its target is marked (✗ in text and
  Markdown, a red cell with the word "off target" in HTML).
- Findings come errors first, then warnings, then suggestions; the same advice is given once, with every place
  it applies listed by time ("TLK002 long monologue ×6: 6:29 (3:38), 10:45 (2:26), …"), not repeated six times.
- Times and lengths are m:ss everywhere ("~" when estimated from the words); a place in the call is its time, and
  a line number only where the transcript has lines a person reads (never into a JSON export).
- Moments to listen back to are named by what happened ("3:38 monologue: the company's background").

``render_call(report_or_reports, fmt)`` with fmt text | markdown | html; ``timeline_svg`` draws the talk-time chart
(matplotlib, SVG); ``render_comparison`` is ``plainpitch call compare``'s table. JSON and SARIF use the project's
one wire format (``plainpitch.emit``), which carries ``details["call"]``. Everything the transcript says is user
text: escaped in HTML (the SVG's text is escaped by matplotlib's SVG writer) and stripped of terminal controls.
All of it goes through the project's one sanitiser (``plainpitch.emit.sanitize``).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from plainpitch.call.timefmt import approx, clock
from plainpitch.emit import sanitize
from plainpitch.model import SEVERITIES, DocumentReport, Finding, Metric

ROLE_COLORS = {"seller": "#2f6db5", "buyer": "#e08a1e", "unknown": "#9a9a9a"}
MARK_COLORS = {"monologue": "#c0392b", "feature_dump": "#8e44ad", "question": "#1b1b1b"}
_SEVERITY_ANSI = {"error": "\x1b[1;31m", "warning": "\x1b[33m", "suggestion": "\x1b[36m"}
# Formats whose line numbers a person can follow in the file (a JSON or .docx export has none worth showing).
LINE_FORMATS = frozenset({"vtt", "srt", "zoom", "otter", "lines", "markdown", "meet", "teams"})
MAX_PLACES = 8  # places listed for one grouped finding; the rest are counted

# (metric, label, how to show it) in report order; "dur" values are m:ss, a second metric after ":" is shown beside.
METRIC_ROWS = (
    ("call.talk_share.seller", "Seller talk share", "pct"),
    ("call.longest_monologue_s.seller", "Longest seller monologue", "dur+words:call.longest_monologue_words.seller"),
    ("call.longest_story_s.buyer", "Longest buyer story", "dur+words:call.longest_story_words.buyer"),
    ("call.interactivity", "Interactivity", "num:switches a minute"),
    ("call.patience_s.seller", "Patience (pause before answering)", "secs"),
    ("call.discovery_questions.seller", "Discovery questions (seller)", "num:"),
    ("call.questions.buyer", "Questions the buyer asked", "num:"),
    ("call.open_questions.seller", "Open / closed questions", "pair:call.closed_questions.seller"),
    ("call.first_question_s.seller", "First discovery question at", "clock"),
    ("call.asks.seller", "Asks", "num:"),
    ("call.next_steps", "Next steps", "num:"),
    ("call.loose_next_steps", "Loose next steps (no date)", "num:"),
    ("call.objections.buyer", "Objections raised", "num:"),
    ("call.buying_signals.buyer", "Buying signals", "num:"),
    ("call.fillers_per_100.seller", "Filler words (seller)", "num:per 100 words"),
    ("call.wpm.seller", "Words per minute (seller)", "num:wpm"),
    ("call.jargon_per_100.seller", "Jargon (seller)", "num:per 100 words"),
)
# Where a threshold applies: metric -> (threshold key, "max" | "min", how the limit reads)
TARGETS = {
    "call.talk_share.seller": ("talk_share_max", "max", "pct"),
    "call.longest_monologue_s.seller": ("monologue_max_s", "max", "dur"),
    "call.longest_story_s.buyer": ("story_min_s", "min", "dur"),
    "call.discovery_questions.seller": ("questions_min", "min", "num"),
}


# -- formatting helpers ------------------------------------------------------------------------------------
def _clean(text: Any) -> str:
    return sanitize.terminal(text)


def _num(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}".rstrip("0").rstrip(".") if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _metrics(report: DocumentReport) -> dict[str, Metric]:
    return {m.name: m for m in report.metrics}


def _call(report: DocumentReport) -> dict[str, Any]:
    return dict(report.details.get("call") or {})


def _estimated(m: Metric) -> bool:
    return bool(m.note) and ("estimated" in m.note or "by words" in m.note)


def _limit_text(limit: Any, how: str) -> str:
    if how == "pct":
        return f"{limit}%"
    if how == "dur":
        return clock(float(limit))
    return _num(limit)


def metric_rows(report: DocumentReport) -> list[tuple[str, str, str, bool]]:
    """(label, value, target, off target?) for the report's metrics table."""
    ms = _metrics(report)
    thresholds = _call(report).get("thresholds", {})
    rows = []
    for name, label, how in METRIC_ROWS:
        m = ms.get(name)
        if m is None:
            continue
        kind, _, extra = how.partition(":")
        v = m.value
        if kind == "pct":
            shown = "—" if v is None else f"{v:.0f}%"
        elif kind == "dur+words":
            words = ms.get(extra)
            shown = clock(v) + (f" ({_num(words.value)} words)" if words is not None and words.value is not None else "")
        elif kind == "secs":
            shown = "—" if v is None else f"{v:.1f} s"
        elif kind == "clock":
            shown = clock(v)
        elif kind == "pair":
            other = ms.get(extra)
            shown = f"{_num(v)} / {_num(other.value if other else None)}"
        else:
            shown = _num(v) + (f" {extra}" if extra and v is not None else "")
        if v is not None and _estimated(m):
            shown = "~" + shown
        target, off = "", False
        if name in TARGETS:
            key, side, limit_how = TARGETS[name]
            limit = thresholds.get(key)
            if limit is not None and not isinstance(limit, bool):
                target = f"{'≤' if side == 'max' else '≥'} {_limit_text(limit, limit_how)}"
                if isinstance(v, int | float):
                    off = v > limit if side == "max" else v < limit
        rows.append((label, shown, target, off))
    for m in report.metrics:
        if m.name.startswith("call.topic_s.") and m.value:
            topic = m.name.split(".", 2)[2]
            mentions = ms.get(f"call.topic_mentions.{topic}")
            count = mentions.value if mentions else 0
            if count:
                rows.append((f"Topic: {topic}", f"{clock(m.value)} ({count} mentions)", "", False))
    return rows


def header_lines(report: DocumentReport) -> list[str]:
    call = _call(report)
    ms = _metrics(report)
    duration = ms.get("call.duration_s")
    kind = call.get("type", "call")
    source = call.get("type_source", "")
    times = call.get("times") or ("measured" if call.get("has_times") else "none")
    timing = {"measured": "timestamps", "start-only": "start times only",
              "sparse": "a time every few minutes"}.get(times, "no timestamps: times estimated from the words")  # fmt: skip
    roles = call.get("roles", {})
    length = approx(duration.value if duration else None, bool(call.get("has_times")))
    out = [
        f"{kind} call ({source}), {length} long, {timing}",
        f"seller: {', '.join(roles.get('sellers', [])) or '—'}; buyer: {', '.join(roles.get('buyers', [])) or '—'}"
        + (f" (roles {roles.get('source')})" if roles.get("source") in ("guess", "export") else ""),
    ]
    if report.score is not None:
        parts = ", ".join(f"{p.name} {p.value:.0f}" for p in report.score.parts)
        out.append(f"score {report.score.overall:.0f}/100 ({parts})")
    return out


def notes(report: DocumentReport) -> list[str]:
    """The engine's notes and the call analysis' notes (roles, times, mixed speakers), each once."""
    out: list[str] = []
    for n in (*report.notes, *(_call(report).get("notes") or ())):
        if n and n not in out:
            out.append(n)
    return out


# -- findings, grouped -------------------------------------------------------------------------------------
def _place(f: Finding, report: DocumentReport, timed: bool) -> str:
    """Where a finding is: its time (and its line, when the transcript has lines a person reads)."""
    where = approx(f.time, timed) if f.time is not None else ""
    extra = [str(f.data["place"])] if f.data.get("place") else []
    if report.format in LINE_FORMATS and f.location.line:
        extra.append(f"line {f.location.line}")
    if not extra:
        return where
    return f"{where} ({', '.join(extra)})" if where else ", ".join(extra)


def grouped(report: DocumentReport) -> list[list[Finding]]:
    """Findings grouped by rule, errors first, each group in call order."""
    groups: dict[str, list[Finding]] = {}
    for f in sorted(report.findings, key=lambda f: (f.time if f.time is not None else -1, f.span.start)):
        groups.setdefault(f.code, []).append(f)
    rank = {s: i for i, s in enumerate(reversed(SEVERITIES))}
    return sorted(groups.values(), key=lambda g: (min(rank[f.severity] for f in g), g[0].time or 0, g[0].code))


def _summary(report: DocumentReport) -> str:
    counts = {s: sum(1 for f in report.findings if f.severity == s) for s in reversed(SEVERITIES)}
    parts = [f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items() if n]
    return ", ".join(parts) if parts else "no findings"


def _excerpt(text: str, limit: int) -> str:
    text = " ".join(_clean(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _group_lines(v: dict[str, Any], quote_limit: int) -> list[tuple[str, str]]:
    """The lines under a grouped finding, by kind (where, terms, quote, fix): each format marks them up its way."""
    lines = [("where", f"at {v['where']}")] if v["where"] else []
    if v["terms"] and v["count"] > 1:
        lines.append(("terms", "terms: " + ", ".join(dict.fromkeys(v["terms"]))))
    elif v["quote"]:
        lines.append(("quote", _excerpt(v["quote"], quote_limit)))
    return [*lines, ("fix", f"fix: {v['fix']}")]


def _group_view(group: list[Finding], report: DocumentReport, timed: bool) -> dict[str, Any]:
    first = group[0]
    worst = max(group, key=lambda f: SEVERITIES.index(f.severity))
    places = [_place(f, report, timed) for f in group]
    more = len(places) - MAX_PLACES
    where = ", ".join(p for p in places[:MAX_PLACES] if p) + (f" and {more} more" if more > 0 else "")
    also = first.data.get("also") if len(group) == 1 else None
    if also:  # one finding for a repeated problem (TLK002, TLK006): the other instances, by time
        items = [f"{a['clock']} ({', '.join(str(a[k]) for k in ('length', 'about') if a.get(k))})" for a in also[:MAX_PLACES]]
        rest = len(also) - MAX_PLACES
        where += ("; " if where else "") + "also at " + ", ".join(items) + (f" and {rest} more" if rest > 0 else "")
    message = first.message if len(group) == 1 else (first.data.get("group_message") or first.message)
    return {"code": first.code, "name": first.name, "severity": worst.severity, "count": len(group),
            "message": message, "where": where, "quote": first.text, "fix": first.fix,
            "terms": [f.data.get("term") or f.text for f in group] if first.category == "jargon" else []}  # fmt: skip


# -- text ----------------------------------------------------------------------------------------------------
def render_text(report: DocumentReport, color: bool = False) -> str:
    call = _call(report)
    timed = bool(call.get("has_times"))
    bold = "\x1b[1m" if color else ""
    reset = "\x1b[0m" if color else ""
    lines = [f"{bold}{_clean(report.path)}{reset}"]
    if not call:
        lines += [f"  {_clean(n)}" for n in notes(report)] or ["  no turns to analyse"]
        return "\n".join(lines) + "\n"
    lines += [f"  {_clean(h)}" for h in header_lines(report)]
    rows = metric_rows(report)
    lines.append("")
    width = max((len(label) for label, _, _, _ in rows), default=10)
    vwidth = max((len(value) for _, value, _, _ in rows), default=5)
    for label, value, target, off in rows:
        mark = ("  ✗ off target" if off else "") if target else ""
        lines.append(f"  {label:<{width}}  {_clean(value):<{vwidth}}" + (f"  target {target}{mark}" if target else ""))
    lines += ["", f"  findings: {_summary(report)}"]
    for group in grouped(report):
        v = _group_view(group, report, timed)
        sev = f"{_SEVERITY_ANSI.get(v['severity'], '')}{v['severity']}{reset}" if color else v["severity"]
        times = f" ×{v['count']}" if v["count"] > 1 else ""
        lines.append(f"  {sev:<10} {v['code']} {v['name']}{times}: {_clean(v['message'])}")
        for kind, text in _group_lines(v, 100):
            lines.append(f"             {'“' + text + '”' if kind == 'quote' else _clean(text)}")
    moments = call.get("moments") or []
    if moments:
        lines += ["", "  moments to listen back to"]
        lines += [f"  {_clean(m['clock']):>8}  {_clean(m['text'])}" for m in moments]
    if notes(report):
        lines.append("")
        lines += [f"  note: {_clean(n)}" for n in notes(report)]
    return "\n".join(lines) + "\n"


# -- Markdown ------------------------------------------------------------------------------------------------
def _md(text: Any) -> str:
    """User text inside Markdown: no HTML, no table breaks, no emphasis surprises."""
    return sanitize.markdown(" ".join(str(text).split()))


def render_markdown(report: DocumentReport) -> str:
    call = _call(report)
    timed = bool(call.get("has_times"))
    out = [f"## {_md(report.path)}", ""]
    if not call:
        out += [f"- {_md(n)}" for n in notes(report)] or ["No turns to analyse."]
        return "\n".join(out) + "\n"
    out += [f"{_md(h)}  " for h in header_lines(report)]
    out += ["", "| metric | value | target |", "|---|---|---|"]
    out += [f"| {_md(label)} | {_md(value)}{' ✗' if off else ''} | {_md(target)}{' (off target)' if off else ''} |"
            for label, value, target, off in metric_rows(report)]  # fmt: skip
    out += ["", f"### Findings: {_summary(report)}", ""]
    for group in grouped(report):
        v = _group_view(group, report, timed)
        times = f" ×{v['count']}" if v["count"] > 1 else ""
        item = f"- **{v['severity']}** `{v['code']}` {v['name']}{times}: {_md(v['message'])}"
        for kind, text in _group_lines(v, 200):
            item += f"  \n  {'> ' if kind == 'quote' else ''}{_md(text)}"
        out.append(item)
    moments = call.get("moments") or []
    if moments:
        out += ["", "### Moments to listen back to", ""]
        out += [f"- {_md(m['clock'])} — {_md(m['text'])}" for m in moments]
    if notes(report):
        out += ["", "### Notes", ""] + [f"- {_md(n)}" for n in notes(report)]
    return "\n".join(out) + "\n"


# -- the timeline chart --------------------------------------------------------------------------------------
def timeline_svg(report: DocumentReport, width: float = 10.0) -> str:
    """The talk-time timeline as an SVG string: one row per speaker, turns as bars coloured by role, monologues
    over the limit and feature dumps marked above their turns, the seller's questions as ticks."""
    from matplotlib.figure import Figure  # heavy: only when a chart is drawn
    from matplotlib.patches import Patch

    call = _call(report)
    turns = call.get("turns") or []
    speakers: list[str] = []
    role_of: dict[str, str] = {}
    for t in turns:
        if t["speaker"] not in role_of:
            speakers.append(t["speaker"])
            role_of[t["speaker"]] = t["role"]
    rows = {s: i for i, s in enumerate(reversed(speakers))}
    height = 1.4 + 0.45 * max(len(speakers), 1)
    fig = Figure(figsize=(width, height), dpi=100)
    ax = fig.add_subplot()
    by_speaker: dict[str, list[tuple[float, float]]] = {s: [] for s in speakers}
    for t in turns:
        start, end = t["start"] or 0.0, t["end"] or 0.0
        by_speaker[t["speaker"]].append((start / 60, max(end - start, 0.5) / 60))
    for s in speakers:
        ax.broken_barh(by_speaker[s], (rows[s] - 0.35, 0.7), facecolors=ROLE_COLORS.get(role_of[s], "#999999"))
    top = len(speakers) - 0.5
    for m in call.get("monologues") or []:
        if m.get("over_limit"):
            ax.broken_barh([(m["start"] / 60, max(m["seconds"], 1) / 60)], (top + 0.05, 0.18), facecolors=MARK_COLORS["monologue"])
    for d in call.get("feature_dumps") or []:
        if d.get("time") is not None:
            ax.plot([d["time"] / 60], [top + 0.35], marker="v", color=MARK_COLORS["feature_dump"], markersize=7)
    for q in call.get("questions") or []:
        if q.get("time") is not None and q["speaker"] in rows:
            y = rows[q["speaker"]]
            ax.plot([q["time"] / 60, q["time"] / 60], [y + 0.38, y + 0.55], color=MARK_COLORS["question"], linewidth=1)
    ax.set_yticks(range(len(speakers)))
    ax.set_yticklabels([s[:24] for s in reversed(speakers)], parse_math=False)  # a name is text, never math ($)
    ax.set_ylim(-0.6, top + 0.6)
    duration = (call.get("duration_s") or 0) / 60
    ax.set_xlim(0, max(duration, 0.1))
    ax.set_xlabel("minutes" + ("" if call.get("has_times") else " (estimated at 150 words a minute)"))
    ax.spines[["top", "right"]].set_visible(False)
    handles = [Patch(color=ROLE_COLORS["seller"], label="seller"), Patch(color=ROLE_COLORS["buyer"], label="buyer"),
               Patch(color=MARK_COLORS["monologue"], label="monologue over limit"),
               Patch(color=MARK_COLORS["feature_dump"], label="feature dump"),
               Patch(color=MARK_COLORS["question"], label="question")]  # fmt: skip
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.35 if len(speakers) < 4 else -0.15),
              ncol=5, frameon=False, fontsize=8)  # fmt: skip
    fig.tight_layout()
    buf = io.StringIO()
    import matplotlib

    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "plainpitch"}):
        fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    svg = buf.getvalue()
    return svg[svg.index("<svg") :] if "<svg" in svg else svg


# -- HTML ----------------------------------------------------------------------------------------------------
_CSS = """
body{font:15px/1.5 system-ui,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#1b1b1b}
h1{font-size:1.4em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ddd}
table{border-collapse:collapse}td,th{padding:.2em .8em;border-bottom:1px solid #eee;text-align:left}
td.off{background:#fdecea;color:#8a1c12;font-weight:600}
.sev-error{color:#b00020}.sev-warning{color:#9a6700}.sev-suggestion{color:#0b6e99}
.finding{margin:.8em 0}.quote{color:#555;border-left:3px solid #ddd;padding-left:.6em;margin:.2em 0}
.where{color:#555;font-variant-numeric:tabular-nums}
.moment time{font-variant-numeric:tabular-nums;display:inline-block;min-width:4.5em}
.chart svg{max-width:100%;height:auto}.note{color:#555}
"""


def _e(text: Any) -> str:
    return sanitize.html(text)


def _html_report(report: DocumentReport) -> str:
    call = _call(report)
    timed = bool(call.get("has_times"))
    parts = [f"<section><h1>{_e(report.path)}</h1>"]
    if not call:
        parts += [f"<p class=note>{_e(n)}</p>" for n in notes(report)] or ["<p>No turns to analyse.</p>"]
        return "".join(parts) + "</section>"
    parts += [f"<p>{_e(h)}</p>" for h in header_lines(report)]
    parts.append(f"<div class=chart>{timeline_svg(report)}</div>")
    parts.append("<h2>Metrics</h2><table><tr><th>metric</th><th>value</th><th>target</th></tr>")
    for label, value, target, off in metric_rows(report):
        cls = " class=off" if off else ""
        flag = " <span>(off target)</span>" if off else ""
        parts.append(f"<tr><td>{_e(label)}</td><td{cls}>{_e(value)}{flag}</td><td>{_e(target)}</td></tr>")
    parts.append("</table>")
    parts.append(f"<h2>Findings: {_e(_summary(report))}</h2>")
    for group in grouped(report):
        v = _group_view(group, report, timed)
        times = f" ×{v['count']}" if v["count"] > 1 else ""
        body = (f"<div class=finding><span class='sev-{_e(v['severity'])}'>{_e(v['severity'])}</span> "
                f"<code>{_e(v['code'])}</code> {_e(v['name'])}{times}: {_e(v['message'])}")  # fmt: skip
        for kind, text in _group_lines(v, 300):
            body += f"<div class={'quote' if kind == 'terms' else kind}>{_e(text)}</div>"
        parts.append(body + "</div>")
    moments = call.get("moments") or []
    if moments:
        parts.append("<h2>Moments to listen back to</h2><ul>")
        parts += [f"<li class=moment><time>{_e(m['clock'])}</time> {_e(m['text'])}</li>" for m in moments]
        parts.append("</ul>")
    if notes(report):
        parts.append("<h2>Notes</h2><ul>" + "".join(f"<li class=note>{_e(n)}</li>" for n in notes(report)) + "</ul>")
    return "".join(parts) + "</section>"


def render_html(reports: Iterable[DocumentReport]) -> str:
    body = "".join(_html_report(r) for r in reports)
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>plainpitch call report</title>"
            f"<meta name=viewport content='width=device-width,initial-scale=1'><style>{_CSS}</style></head>"
            f"<body>{body}</body></html>\n")  # fmt: skip


def render_call(report_or_reports: DocumentReport | Iterable[DocumentReport], fmt: str = "text", color: bool = False) -> str:
    """One or several call reports as text, markdown or html."""
    reports = [report_or_reports] if isinstance(report_or_reports, DocumentReport) else list(report_or_reports)
    if fmt == "text":
        return "\n".join(render_text(r, color) for r in reports)
    if fmt == "markdown":
        return "# plainpitch call report\n\n" + "\n".join(render_markdown(r) for r in reports)
    if fmt == "html":
        return render_html(reports)
    raise ValueError(f"unknown call report format {fmt!r}; use text, markdown or html")


# -- compare ---------------------------------------------------------------------------------------------------
def comparison(reports: list[DocumentReport]) -> tuple[list[str], list[dict[str, Any]]]:
    """(metric names in first-seen order, one row per call: path, every metric value, finding counts)."""
    names: dict[str, None] = {}
    rows = []
    for r in reports:
        row: dict[str, Any] = {"path": r.path}
        for m in r.metrics:
            if m.name.startswith("call."):
                names.setdefault(m.name, None)
                row[m.name] = m.value
        row["findings"] = len(r.findings)
        row["score"] = r.score.overall if r.score is not None else None
        rows.append(row)
    return list(names), rows


def _cell(value: Any, how: str = "") -> str:
    if how == "dur" and isinstance(value, int | float):
        return clock(value)
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def render_comparison(reports: list[DocumentReport], fmt: str, columns: Iterable[tuple[str, str, str]] = ()) -> str:
    """``call compare``: csv, json and markdown hold every metric (seconds as numbers); text shows ``columns``."""
    names, rows = comparison(reports)
    every = ["path", *names, "findings", "score"]
    if fmt == "json":
        return json.dumps({"metrics": names, "calls": rows}, indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(every)
        for row in rows:
            writer.writerow(["" if row.get(c) is None else row.get(c) for c in every])
        return buf.getvalue()
    if fmt == "markdown":
        lines = ["| " + " | ".join(_md(c) for c in every) + " |", "|" + "---|" * len(every)]
        lines += ["| " + " | ".join(_md(_cell(row.get(c))) for c in every) + " |" for row in rows]
        return "\n".join(lines) + "\n"
    cols = [("path", "call", "")] + [c for c in columns if c[0] in names] + [("findings", "findings", "")]
    table = [[h for _, h, _ in cols]] + [[_clean(_cell(row.get(k), how)) for k, _, how in cols] for row in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(cols))]
    out = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(r, widths, strict=True)))
           for r in table]  # fmt: skip
    out.append("(lengths as m:ss; --format csv, json or markdown has every metric, in seconds)")
    return "\n".join(out) + "\n"
