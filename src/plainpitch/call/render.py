"""Call reports as text, Markdown and HTML, and the talk-time timeline chart (matplotlib, SVG).

``render_call(report_or_reports, fmt)`` with fmt text | markdown | html. JSON and SARIF use the project's one wire
format (``plainpitch.emit``), which already carries ``details["call"]``. Everything the transcript says is user
text: escaped in HTML (the SVG's text is escaped by matplotlib's SVG writer) and stripped of terminal controls in
text output.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterable
from typing import Any

from plainpitch.model import DocumentReport, Finding, Metric

ROLE_COLORS = {"seller": "#2f6db5", "buyer": "#e08a1e", "unknown": "#9a9a9a"}
MARK_COLORS = {"monologue": "#c0392b", "feature_dump": "#8e44ad", "question": "#1b1b1b"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SEVERITY_ANSI = {"error": "\x1b[1;31m", "warning": "\x1b[33m", "suggestion": "\x1b[36m"}

# (metric, label, how to show it) in report order; a second metric after "/" is shown beside the first.
METRIC_ROWS = (
    ("call.talk_share.seller", "Seller talk share", "pct"),
    ("call.longest_monologue_s.seller", "Longest seller monologue", "dur+words:call.longest_monologue_words.seller"),
    ("call.longest_story_s.buyer", "Longest buyer story", "dur+words:call.longest_story_words.buyer"),
    ("call.interactivity", "Interactivity", "num:switches a minute"),
    ("call.patience_s.seller", "Patience (pause before answering)", "secs"),
    ("call.questions.seller", "Questions: seller / buyer", "pair:call.questions.buyer"),
    ("call.questions_per_hour.seller", "Seller questions per hour", "num:"),
    ("call.discovery_questions.seller", "Discovery questions", "num:"),
    ("call.open_questions.seller", "Open / closed questions", "pair:call.closed_questions.seller"),
    ("call.first_question_s.seller", "Time to the first question", "clock"),
    ("call.fillers_per_100.seller", "Filler words (seller)", "num:per 100 words"),
    ("call.wpm.seller", "Words per minute (seller)", "num:wpm"),
    ("call.jargon_per_100.seller", "Jargon (seller)", "num:per 100 words"),
    ("call.asks.seller", "Asks", "num:"),
    ("call.next_steps", "Next steps", "num:"),
)
# Where a threshold applies: metric -> (threshold key, "max" | "min")
TARGETS = {
    "call.talk_share.seller": ("talk_share_max", "max"),
    "call.longest_monologue_s.seller": ("monologue_max_s", "max"),
    "call.longest_story_s.buyer": ("story_min_s", "min"),
    "call.discovery_questions.seller": ("questions_min", "min"),
}


# -- formatting helpers ------------------------------------------------------------------------------------
def _clean(text: str) -> str:
    return _CONTROL.sub(" ", str(text))


def _clock(seconds: float | None) -> str:
    from plainpitch.call.facts import clock

    return "—" if seconds is None else clock(seconds)


def _dur(seconds: float | None) -> str:
    from plainpitch.call.facts import moment_label

    return "—" if seconds is None else moment_label(seconds)


def _num(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}".rstrip("0").rstrip(".") if abs(value) < 1000 else f"{value:.0f}"
    return str(value)


def _metrics(report: DocumentReport) -> dict[str, Metric]:
    return {m.name: m for m in report.metrics}


def _call(report: DocumentReport) -> dict[str, Any]:
    return dict(report.details.get("call") or {})


def metric_rows(report: DocumentReport) -> list[tuple[str, str, str]]:
    """(label, value, target) for the report's summary table."""
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
            shown = _dur(v) + (f" ({words.value} words)" if words is not None and words.value is not None else "")
        elif kind == "secs":
            shown = "—" if v is None else f"{v:.1f} s"
        elif kind == "clock":
            shown = _clock(v)
        elif kind == "pair":
            other = ms.get(extra)
            shown = f"{_num(v)} / {_num(other.value if other else None)}"
        else:
            shown = _num(v) + (f" {extra}" if extra and v is not None else "")
        if m.note and ("estimated" in m.note or "by words" in m.note):
            shown = "~" + shown if v is not None else shown
        target = ""
        if name in TARGETS:
            key, side = TARGETS[name]
            limit = thresholds.get(key)
            if limit is not None:
                unit = "%" if name.endswith("share.seller") else (" s" if name.endswith("_s.seller") or name.endswith("_s.buyer") else "")
                target = f"{'≤' if side == 'max' else '≥'} {limit}{unit}"
        rows.append((label, shown, target))
    topics = [(m.name.split(".", 2)[2], m.value) for m in report.metrics if m.name.startswith("call.topic_s.")]
    for topic, secs in topics:
        mentions = ms.get(f"call.topic_mentions.{topic}")
        count = mentions.value if mentions else 0
        if count:
            rows.append((f"Topic: {topic}", f"{_dur(secs)} ({count} mentions)", ""))
    return rows


def _header(report: DocumentReport) -> list[str]:
    call = _call(report)
    ms = _metrics(report)
    duration = ms.get("call.duration_s")
    kind = call.get("type", "call")
    source = call.get("type_source", "")
    timing = "timestamps" if call.get("has_times") else "no timestamps: times estimated"
    roles = call.get("roles", {})
    out = [
        f"{kind} call ({source}), {_clock(duration.value if duration else None)} long, {timing}",
        f"seller: {', '.join(roles.get('sellers', [])) or '—'}; buyer: {', '.join(roles.get('buyers', [])) or '—'}"
        + (f" (roles {roles.get('source')})" if roles.get("source") in ("guess",) else ""),
    ]
    if report.score is not None:
        parts = ", ".join(f"{p.name} {p.value:.0f}" for p in report.score.parts)
        out.append(f"score {report.score.overall:.0f}/100 ({parts})")
    return out


def _when(f: Finding, timed: bool) -> str:
    if f.time is None:
        return "     "
    return ("" if timed else "~") + _clock(f.time)


# -- text ----------------------------------------------------------------------------------------------------
def render_text(report: DocumentReport, color: bool = False) -> str:
    call = _call(report)
    timed = bool(call.get("has_times"))
    bold = "\x1b[1m" if color else ""
    reset = "\x1b[0m" if color else ""
    lines = [f"{bold}{_clean(report.path)}{reset}"]
    if not call:
        lines += [f"  {_clean(n)}" for n in report.notes] or ["  no turns to analyse"]
        return "\n".join(lines) + "\n"
    lines += [f"  {_clean(h)}" for h in _header(report)]
    lines.append("")
    width = max((len(label) for label, _, _ in metric_rows(report)), default=10)
    for label, value, target in metric_rows(report):
        lines.append(f"  {label:<{width}}  {value}" + (f"   (target {target})" if target else ""))
    findings = report.findings
    lines.append("")
    lines.append(f"  {len(findings)} finding(s)" if findings else "  no findings")
    for f in findings:
        sev = f"{_SEVERITY_ANSI.get(f.severity, '')}{f.severity}{reset}" if color else f.severity
        lines.append(f"  {_when(f, timed)}  {sev:<10} {f.code} {f.name}  line {f.location.line}: {_clean(f.message)}")
        excerpt = " ".join(_clean(f.text).split())
        if excerpt:
            lines.append(f"           “{excerpt[:100]}{'…' if len(excerpt) > 100 else ''}”")
        lines.append(f"           fix: {_clean(f.fix)}")
    moments = call.get("moments") or []
    if moments:
        lines.append("")
        lines.append("  moments")
        for m in moments:
            lines.append(f"  {m['clock']:>8} — {_clean(m['text'])}")
    if report.notes:
        lines.append("")
        lines += [f"  note: {_clean(n)}" for n in report.notes]
    return "\n".join(lines) + "\n"


# -- Markdown ------------------------------------------------------------------------------------------------
def _md(text: str) -> str:
    """User text inside Markdown: no HTML, no table breaks, no emphasis surprises."""
    text = " ".join(_clean(text).split())
    return html.escape(text, quote=False).replace("|", "\\|").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`")


def render_markdown(report: DocumentReport) -> str:
    call = _call(report)
    timed = bool(call.get("has_times"))
    out = [f"## {_md(report.path)}", ""]
    if not call:
        out += [f"- {_md(n)}" for n in report.notes] or ["No turns to analyse."]
        return "\n".join(out) + "\n"
    out += [f"{_md(h)}  " for h in _header(report)]
    out += ["", "| metric | value | target |", "|---|---|---|"]
    out += [f"| {_md(label)} | {_md(value)} | {_md(target)} |" for label, value, target in metric_rows(report)]
    out += ["", f"### Findings ({len(report.findings)})", ""]
    if not report.findings:
        out.append("None.")
    for f in report.findings:
        when = _when(f, timed).strip()
        out.append(f"- **{f.severity}** `{f.code}` {f.name} — {when + ', ' if when else ''}line {f.location.line}: "
                   f"{_md(f.message)}  \n  > {_md(f.text)[:200]}  \n  Fix: {_md(f.fix)}")  # fmt: skip
    moments = call.get("moments") or []
    if moments:
        out += ["", "### Moments", ""]
        out += [f"- {_md(m['clock'])} — {_md(m['text'])}" for m in moments]
    if report.notes:
        out += ["", "### Notes", ""] + [f"- {_md(n)}" for n in report.notes]
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
    ax.set_yticklabels([s[:24] for s in reversed(speakers)])
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
.sev-error{color:#b00020}.sev-warning{color:#9a6700}.sev-suggestion{color:#0b6e99}
.finding{margin:.6em 0}.quote{color:#555;border-left:3px solid #ddd;padding-left:.6em;margin:.2em 0}
.moment time{font-variant-numeric:tabular-nums;display:inline-block;min-width:4.5em}
.chart svg{max-width:100%;height:auto}.note{color:#555}
"""


def _e(text: Any) -> str:
    return html.escape(_clean(str(text)), quote=True)


def _html_report(report: DocumentReport) -> str:
    call = _call(report)
    timed = bool(call.get("has_times"))
    parts = [f"<section><h1>{_e(report.path)}</h1>"]
    if not call:
        parts += [f"<p class=note>{_e(n)}</p>" for n in report.notes] or ["<p>No turns to analyse.</p>"]
        return "".join(parts) + "</section>"
    parts += [f"<p>{_e(h)}</p>" for h in _header(report)]
    parts.append(f"<div class=chart>{timeline_svg(report)}</div>")
    parts.append("<h2>Metrics</h2><table><tr><th>metric</th><th>value</th><th>target</th></tr>")
    parts += [f"<tr><td>{_e(a)}</td><td>{_e(b)}</td><td>{_e(c)}</td></tr>" for a, b, c in metric_rows(report)]
    parts.append("</table>")
    parts.append(f"<h2>Findings ({len(report.findings)})</h2>")
    for f in report.findings:
        when = _when(f, timed).strip()
        parts.append(
            f"<div class=finding><span class='sev-{_e(f.severity)}'>{_e(f.severity)}</span> <code>{_e(f.code)}</code> "
            f"{_e(f.name)} — {_e(when + ', ') if when else ''}line {f.location.line}: {_e(f.message)}"
            f"<div class=quote>{_e(f.text[:300])}</div><div>Fix: {_e(f.fix)}</div></div>"
        )
    moments = call.get("moments") or []
    if moments:
        parts.append("<h2>Moments</h2><ul>")
        parts += [f"<li class=moment><time>{_e(m['clock'])}</time> — {_e(m['text'])}</li>" for m in moments]
        parts.append("</ul>")
    if report.notes:
        parts.append("<h2>Notes</h2><ul>" + "".join(f"<li class=note>{_e(n)}</li>" for n in report.notes) + "</ul>")
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
