"""What `plainpitch history` computes and shows: week-by-week trends per seller and per deal, copy score by page
version; text with sparklines, JSON, CSV, HTML and PNG/SVG charts, with hostile names kept harmless."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from history_data import call_record, copy_record, week
from plainpitch.cli import main
from plainpitch.history.deals import DealInput, add_deal
from plainpitch.history.render import render_html, render_text, sparkline
from plainpitch.history.runs import save_run
from plainpitch.history.settings import HistorySettings, normalise_url
from plainpitch.history.store import open_store
from plainpitch.history.trends import history_data

HOSTILE = "<script>x</script>$x^2$\x1b[2J"


@pytest.fixture
def filled(store_url):
    """Two sellers over three weeks, one deal, one page in two versions, with measures worked out by hand."""
    store = open_store(HistorySettings(normalise_url(store_url)))
    with store.write() as conn:
        acme = add_deal(conn, DealInput("Acme renewal", stage="proposal"))
        # Ana: week 0 two calls (talk 70, 60; questions 4, 8; next steps 1, 0; asks 1, 1), week 2 one call
        save_run(conn, call_record("Ana", week(0), 70, 4, 120, 1, 1), deal_id=acme, link="flag")
        save_run(conn, call_record("Ana", week(0, 3), 60, 8, 80, 0, 1), deal_id=acme, link="flag")
        save_run(conn, call_record("Ana", week(2), 45, 12, 40, 1, 0), deal_id=acme, link="flag")
        save_run(conn, call_record(HOSTILE, week(1), 50, 6, 60, 1, 1))
        save_run(conn, copy_record("site/landing.md", "1" * 64, 55.0, week(0)))
        save_run(conn, copy_record("site/landing.md", "2" * 64, 71.0, week(1)))
        save_run(conn, copy_record("site/landing.md", "2" * 64, 71.0, week(2)))
    yield store_url
    store.close()


def data_for(url, **kw):
    store = open_store(HistorySettings(normalise_url(url)))
    with store.read() as conn:
        data = history_data(conn, url, **kw)
    store.close()
    return data


def test_trends_per_seller_week_by_week(filled):
    data = data_for(filled)
    ana = next(g for g in data["sellers"] if g["seller"] == "Ana")
    assert [p["week"] for p in ana["series"]] == ["2026-03-02", "2026-03-16"]
    first = ana["series"][0]
    assert (first["calls"], first["talk_share"], first["questions"], first["longest_monologue_s"]) == (2, 65.0, 6.0, 100.0)
    assert (first["next_step_rate"], first["ask_rate"]) == (50.0, 100.0)
    assert ana["overall"] == {"calls": 3, "talk_share": 58.3, "questions": 8.0, "longest_monologue_s": 80.0,
                              "next_step_rate": 66.7, "ask_rate": 66.7}  # fmt: skip
    assert data["sellers"][0]["seller"] == "Ana"  # the busiest first
    assert data["summary"]["call_runs"] == 4 and data["summary"]["copy_runs"] == 3


def test_trends_per_deal_and_pages_by_version(filled):
    data = data_for(filled, by="deal")
    assert [g["deal"] for g in data["deals"]] == ["Acme renewal"] and data["sellers"] == [] and data["pages"] == []
    assert data["deals"][0]["overall"]["calls"] == 3
    pages = data_for(filled, by="page")["pages"]
    assert [(v["version"], v["runs"], v["score"]) for v in pages[0]["versions"]] == [(1, 1, 55.0), (2, 2, 71.0)]
    only = data_for(filled, seller="Ana")
    assert [g["seller"] for g in only["sellers"]] == ["Ana"] and only["deals"] == []
    later = data_for(filled, since=week(1).date())
    assert [p["week"] for p in next(g for g in later["sellers"] if g["seller"] == "Ana")["series"]] == ["2026-03-16"]


def test_sparklines():
    assert sparkline([0, 50, 100], 0, 100) == "▁▅█"
    assert sparkline([3, None, 3]) == "▁ ▁"
    assert sparkline([]) == ""


def test_text_report_shows_sparklines_and_strips_terminal_controls(filled):
    text = render_text(data_for(filled))
    assert "Per seller" in text and "Per deal" in text and "Copy score by page version" in text
    assert "v1 55 → v2 71" in text
    assert any(ch in text for ch in "▁▂▃▄▅▆▇█")
    assert "\x1b" not in text and "<script>" in text  # plain text: markup is harmless, escapes are not
    colored = render_text(data_for(filled), color=True)
    assert "\x1b[2J" not in colored


def test_html_escapes_names_and_embeds_the_chart_as_an_image(filled):
    from plainpitch.history.charts import chart_bytes

    data = data_for(filled)
    page = render_html(data, chart_bytes(data, "svg"))
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert 'src="data:image/svg+xml;base64,' in page and "<svg" not in page
    assert "default-src 'none'" in page


def test_charts_png_and_svg(filled):
    from plainpitch.history.charts import chart_bytes

    data = data_for(filled)
    assert chart_bytes(data, "png")[:8] == b"\x89PNG\r\n\x1a\n"
    svg = chart_bytes(data, "svg")
    root = ET.fromstring(svg)  # well-formed: the hostile name is escaped, $...$ is not read as mathtext
    assert root.tag.endswith("svg") and b"<script" not in svg and b"&lt;script&gt;" in svg and b"$x^2$" in svg
    assert b"Acme renewal" in chart_bytes(data, "svg", by="deal")


def test_history_command_formats_and_chart_file(filled, tmp_path):
    env = {"PLAINPITCH_HISTORY_URL": filled, "NO_COLOR": "1"}
    run = CliRunner().invoke
    text = run(main, ["history"], env=env)
    assert text.exit_code == 0 and "Ana" in text.output
    as_json = json.loads(run(main, ["history", "-f", "json", "--by", "seller"], env=env).output)
    assert {g["seller"] for g in as_json["sellers"]} == {"Ana", HOSTILE}
    rows = list(csv.DictReader(io.StringIO(run(main, ["history", "-f", "csv"], env=env).output)))
    assert {r["group"] for r in rows} == {"seller", "deal", "page"}
    chart = tmp_path / "trends.png"
    html_out = tmp_path / "trends.html"
    done = run(main, ["history", "--chart", str(chart), "-f", "html", "-o", str(html_out)], env=env)
    assert done.exit_code == 0, done.output
    assert chart.read_bytes()[:4] == b"\x89PNG" and "<h2>Per seller</h2>" in html_out.read_text(encoding="utf-8")
    bad = run(main, ["history", "--chart", str(tmp_path / "x.gif")], env=env)
    assert bad.exit_code == 2
    unknown = run(main, ["history", "--deal", "Nope"], env=env)
    assert unknown.exit_code == 2 and "no deal named" in unknown.output
    assert run(main, ["history", "--since", "soon"], env=env).exit_code == 2
