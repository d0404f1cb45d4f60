"""Trend charts with matplotlib (imported here, only when a chart is drawn): PNG or SVG bytes.

One panel per call measure (a line per seller, or per deal, over the weeks) and one for the copy score by page
version. Names are user text: matplotlib's writers escape them, and ``$`` is escaped so that a name is never read
as mathtext.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from plainpitch.history.trends import CALL_MEASURES, LABELS

MAX_LINES = 8  # the busiest sellers, deals and pages; the JSON has them all


def _label(text: Any) -> str:
    from plainpitch.emit.sanitize import terminal as clean

    text = clean(str(text))
    return (text[:28] + "…" if len(text) > 29 else text).replace("$", r"\$")


def trend_figure(data: dict[str, Any], by: str = "seller") -> Any:
    from matplotlib.dates import AutoDateLocator, DateFormatter
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    groups = (data.get("sellers") if by == "seller" else data.get("deals")) or []
    groups = groups[:MAX_LINES]
    pages = (data.get("pages") or [])[:MAX_LINES]
    panels = list(CALL_MEASURES) + (["score"] if pages else [])
    cols = 3
    rows = -(-len(panels) // cols)
    fig = Figure(figsize=(12, 3.2 * rows), dpi=100)
    axes = fig.subplots(rows, cols, squeeze=False).ravel()
    for ax, measure in zip(axes, panels, strict=False):
        title, unit = LABELS[measure]
        ax.set_title(title + (f" ({unit})" if unit else ""), fontsize=10)
        ax.spines[["top", "right"]].set_visible(False)
        ax.tick_params(labelsize=8)
        if measure == "score":
            for page in pages:
                points = [(v["version"], v["score"]) for v in page["versions"] if v["score"] is not None]
                if points:
                    ax.plot(*zip(*points, strict=True), marker="o", label=_label(page["path"]))
            ax.set_xlabel("page version", fontsize=8)
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
            ax.set_ylim(0, 100)
            ax.legend(fontsize=7, frameon=False)
            continue
        for group in groups:
            points = [(date.fromisoformat(p["week"]), p[measure]) for p in group["series"] if p[measure] is not None]
            if points:
                ax.plot(*zip(*points, strict=True), marker=".", label=_label(group.get("seller") or group.get("deal")))
        if measure.endswith("_rate") or measure == "talk_share":
            ax.set_ylim(0, 100)
        ax.xaxis.set_major_locator(AutoDateLocator(maxticks=5))
        ax.xaxis.set_major_formatter(DateFormatter("%Y-%m-%d"))
        ax.tick_params(axis="x", labelrotation=25)
    if groups:
        axes[0].legend(fontsize=7, frameon=False)
    for ax in axes[len(panels):]:
        ax.set_visible(False)
    fig.suptitle(f"plainpitch history, per {by} (week by week)", fontsize=11)
    fig.tight_layout()
    return fig


def chart_bytes(data: dict[str, Any], fmt: str, by: str = "seller") -> bytes:
    """The chart as PNG or SVG (fmt 'png' | 'svg')."""
    import matplotlib

    fig = trend_figure(data, by)
    buf = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "plainpitch"}):
        fig.savefig(buf, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
    return buf.getvalue()
