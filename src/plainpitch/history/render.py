"""``plainpitch history`` as text (with sparklines), JSON, CSV or HTML (with the chart).

Seller, deal and page names are user text: stripped of terminal controls in text, escaped in HTML, and the HTML
holds the chart as an image (a data: URL), never as inline SVG that could carry markup.
"""

from __future__ import annotations

import base64
import csv
import io
import json
from typing import Any

from plainpitch.history.trends import CALL_MEASURES, LABELS, LOWER_IS_BETTER

SPARKS = "▁▂▃▄▅▆▇█"
SPARK_WEEKS = 16  # the text report shows the last this many weeks; JSON, CSV and the chart have every week
SPARK_VERSIONS = 6  # and the last this many versions of each page


def sparkline(values: list[float | None], lo: float | None = None, hi: float | None = None) -> str:
    """One character per value, ▁ lowest to █ highest (a week with no value is a space)."""
    known = [v for v in values if v is not None]
    if not known:
        return " " * len(values)
    lo = min(known) if lo is None else lo
    hi = max(known) if hi is None else hi
    span = hi - lo
    out = []
    for v in values:
        if v is None:
            out.append(" ")
        else:
            step = 0 if span <= 0 else round((v - lo) / span * (len(SPARKS) - 1))
            out.append(SPARKS[max(0, min(len(SPARKS) - 1, step))])
    return "".join(out)


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    number = f"{value:.0f}" if abs(value) >= 10 or unit == "%" else f"{value:.1f}"
    return f"{number}{unit}" if unit in ("%", "s") else number


def _change(first: float | None, last: float | None, measure: str, color: bool) -> str:
    if first is None or last is None or round(first, 1) == round(last, 1):
        return ""
    delta = last - first
    better = (delta < 0) == (measure in LOWER_IS_BETTER)
    text = f"{'↑' if delta > 0 else '↓'} from {_fmt(first, LABELS[measure][1])}"
    if color:
        text = f"\x1b[{32 if better else 31}m{text}\x1b[0m"
    return text


def _group_lines(name: str, head: str, series: list[dict[str, Any]], overall: dict[str, Any], color: bool) -> list[str]:
    from plainpitch.emit.sanitize import terminal as clean

    recent = series[-SPARK_WEEKS:]
    title = clean(name)
    if color:
        title = f"\x1b[1m{title}\x1b[0m"
    lines = [f"  {title}  {head}"]
    for measure in CALL_MEASURES:
        label, unit = LABELS[measure]
        values = [p[measure] for p in recent]
        known = [v for v in values if v is not None]
        bounds = (0.0, 100.0) if unit == "%" else (None, None)
        spark = sparkline(values, *bounds)
        change = _change(known[0], known[-1], measure, color) if len(known) > 1 else ""
        lines.append(f"    {label:<18} {spark:<{SPARK_WEEKS}}  {_fmt(overall[measure], unit):>6}  {change}".rstrip())
    return lines


def _calls(group: dict[str, Any]) -> str:
    n = group["overall"]["calls"]
    return f"{n} call{'' if n == 1 else 's'}"


def render_text(data: dict[str, Any], color: bool = False) -> str:
    from plainpitch.emit.sanitize import terminal as clean

    s = data["summary"]
    out = [f"History in {clean(data['store'])}: {s['call_runs']} call runs, {s['copy_runs']} copy runs, "
           f"{s['deals']} deals, {s['pages']} pages"]  # fmt: skip
    if s["first"]:
        out[0] += f" ({s['first'][:10]} to {s['last'][:10]})"
    weeks = f"the last {SPARK_WEEKS} weeks with calls, week by week; the value is over the whole period"
    if data.get("sellers"):
        out += ["", f"Per seller ({weeks})"]
        for g in data["sellers"]:
            out += _group_lines(g["seller"], _calls(g), g["series"], g["overall"], color)
    if data.get("deals"):
        out += ["", f"Per deal ({weeks})"]
        for g in data["deals"]:
            head = f"{g['status']}{', ' + clean(g['stage']) if g['stage'] else ''}, {_calls(g)}"
            out += _group_lines(g["deal"], head, g["series"], g["overall"], color)
    if data.get("pages"):
        out += ["", "Copy score by page version"]
        for page in data["pages"]:
            scores = [v["score"] for v in page["versions"]]
            steps = " → ".join(f"v{v['version']} {_fmt(v['score'], '')}" for v in page["versions"][-SPARK_VERSIONS:])
            out.append(f"  {clean(page['path'])}  {sparkline(scores[-SPARK_VERSIONS:], 0.0, 100.0)}  {steps}")
    if not any(data.get(k) for k in ("sellers", "deals", "pages")):
        out += ["", "Nothing to show yet: save runs with `plainpitch check --save` or `plainpitch call review --save`."]
    return "\n".join(out) + "\n"


def render_json(data: dict[str, Any], pretty: bool = True) -> str:
    return json.dumps(data, indent=2 if pretty else None, ensure_ascii=False) + "\n"


def render_csv(data: dict[str, Any]) -> str:
    """One row per group and week (sellers, deals) and per page version: for a spreadsheet."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["group", "name", "week", "calls", *CALL_MEASURES, "version", "score"])
    for kind, key in (("seller", "sellers"), ("deal", "deals")):
        for g in data.get(key) or []:
            for p in g["series"]:
                writer.writerow([kind, g[kind], p["week"], p["calls"], *(p[m] for m in CALL_MEASURES), "", ""])
    for page in data.get("pages") or []:
        for v in page["versions"]:
            writer.writerow(["page", page["path"], v["first_seen"][:10], "", *([""] * len(CALL_MEASURES)),
                             v["version"], v["score"]])  # fmt: skip
    return buf.getvalue()


_CSS = """body{font:15px/1.5 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#1b1b1b}
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{padding:.2em .7em;border-bottom:1px solid #eee;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}.spark{font-family:monospace;letter-spacing:1px}
img{max-width:100%}"""


def render_html(data: dict[str, Any], chart_svg: bytes | None = None) -> str:
    from plainpitch.emit.sanitize import html as e

    s = data["summary"]
    parts = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
             "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
             "img-src data:\">", "<title>plainpitch history</title>", f"<style>{_CSS}</style></head><body>",
             "<h1>plainpitch history</h1>",
             f"<p>{s['call_runs']} call runs, {s['copy_runs']} copy runs, {s['deals']} deals, {s['pages']} pages.</p>"]  # fmt: skip
    if chart_svg:
        parts.append(f'<img alt="trend charts" src="data:image/svg+xml;base64,{base64.b64encode(chart_svg).decode()}">')
    head = "".join(f"<th>{e(LABELS[m][0])}</th>" for m in CALL_MEASURES)
    for key, title in (("sellers", "Per seller"), ("deals", "Per deal")):
        if not data.get(key):
            continue
        parts += [f"<h2>{title}</h2>", f"<table><tr><th>{key[:-1]}</th><th>calls</th>{head}</tr>"]
        for g in data[key]:
            cells = []
            for m in CALL_MEASURES:
                unit = LABELS[m][1]
                spark = sparkline([p[m] for p in g["series"][-SPARK_WEEKS:]], *((0.0, 100.0) if unit == "%" else (None, None)))
                cells.append(f'<td class="num">{e(_fmt(g["overall"][m], unit))} <span class="spark">{e(spark)}</span></td>')
            parts.append(f"<tr><td>{e(g[key[:-1]])}</td><td class=\"num\">{g['overall']['calls']}</td>{''.join(cells)}</tr>")
        parts.append("</table>")
    if data.get("pages"):
        parts += ["<h2>Copy score by page version</h2>", "<table><tr><th>page</th><th>versions</th></tr>"]
        for page in data["pages"]:
            steps = " → ".join(f"v{v['version']} {_fmt(v['score'], '')}" for v in page["versions"])
            parts.append(f"<tr><td>{e(page['path'])}</td><td>{e(steps)}</td></tr>")
        parts.append("</table>")
    parts += ["</body></html>", ""]
    return "\n".join(parts)
