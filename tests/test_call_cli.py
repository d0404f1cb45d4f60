"""plainpitch call review | compare through the real command line (click's runner)."""

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from plainpitch.cli import main

FIXTURES = Path(__file__).resolve().parent / "data" / "transcripts"
GOOD = (
    "Ana: Thanks for joining. What slows your month-end close today?\n"
    "Ben: Manual reports every Friday. Two of us spend the whole day copying numbers from the ledger into "
    "spreadsheets, and then the controller checks every line again before the board pack goes out.\n"
    "Ana: Our tool builds them for you, so your team gets Friday back.\n"
    "Ben: Sounds useful.\n"
    "Ana: Great. I'll send you the proposal by Thursday, and let's meet Friday at 10.\n"
)
NO_NEXT_STEP = GOOD.replace("Great. I'll send you the proposal by Thursday, and let's meet Friday at 10.", "Great, talk soon.")


def run(*args, **kw):
    return CliRunner().invoke(main, ["call", *args], catch_exceptions=False, **kw)


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


def test_review_clean_call_exits_0(tmp_path):
    result = run("review", write(tmp_path, "good.txt", GOOD), "--me", "Ana")
    assert result.exit_code == 0, result.output
    assert "seller: Ana; buyer: Ben" in result.output


def test_review_exits_1_on_an_error_finding_and_fail_on_raises_the_bar(tmp_path):
    path = write(tmp_path, "bad.txt", NO_NEXT_STEP)
    result = run("review", path, "--me", "Ana")
    assert result.exit_code == 1 and "TLK007" in result.output
    assert run("review", path, "--me", "Ana", "--fail-on", "error").exit_code == 1
    ok = run("review", write(tmp_path, "warn.txt", GOOD), "--me", "Ana", "--fail-on", "error")
    assert ok.exit_code == 0


def test_review_json_is_the_project_wire_format(tmp_path):
    result = run("review", str(FIXTURES / "teams_voice.vtt"), "--me", "Dana Reyes", "-f", "json")
    data = json.loads(result.output)
    doc = data["documents"][0]
    assert doc["medium"] == "call" and doc["details"]["call"]["version"] == "1.2"
    assert any(m["name"] == "call.talk_share.seller" for m in doc["metrics"])


def test_review_sarif_and_html_and_markdown(tmp_path):
    path = str(FIXTURES / "lines_timed.txt")
    sarif = json.loads(run("review", path, "--me", "Dana", "-f", "sarif").output)
    assert sarif["version"] == "2.1.0"
    out = tmp_path / "call.html"
    assert run("review", path, "--me", "Dana", "-f", "html", "-o", str(out)).exit_code in (0, 1)
    assert "<svg" in out.read_text(encoding="utf-8")
    assert run("review", path, "--me", "Dana", "-f", "markdown").output.startswith("# plainpitch call report")


def test_review_type_flag(tmp_path):
    result = run("review", write(tmp_path, "c.txt", GOOD), "--me", "Ana", "--type", "cold", "-f", "json")
    assert json.loads(result.output)["documents"][0]["details"]["call"]["type"] == "cold"


def test_unreadable_files_get_one_line_each_and_exit_codes(tmp_path):
    bad = write(tmp_path, "notes.md", "# Notes\n\nNothing here is a transcript.\n")
    result = CliRunner().invoke(main, ["call", "review", bad, str(tmp_path / "missing.vtt")])
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("plainpitch: error:")]
    assert len(errors) == 2 and "notes.md" in errors[0] and "missing.vtt: no such file" in errors[1]
    assert "Traceback" not in result.output
    mixed = CliRunner().invoke(main, ["call", "review", bad, write(tmp_path, "good.txt", GOOD), "--me", "Ana"])
    assert mixed.exit_code == 1 and "seller: Ana" in mixed.output


def test_malformed_transcript_names_the_line(tmp_path):
    vtt = write(tmp_path, "bad.vtt", "WEBVTT\n\n00:00:01.000 -> 00:00:02.000\n<v Ana>Hello\n")
    result = CliRunner().invoke(main, ["call", "review", vtt])
    assert result.exit_code == 2 and "bad.vtt" in result.output and "line 3" in result.output


def test_a_folder_is_walked_for_transcripts(tmp_path):
    write(tmp_path, "a.txt", GOOD)
    write(tmp_path, "b.txt", NO_NEXT_STEP)
    result = run("compare", str(tmp_path), "--me", "Ana", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [Path(r["path"]).name for r in rows] == ["a.txt", "b.txt"]


def test_compare_one_row_per_call_one_column_per_metric(tmp_path):
    paths = [str(FIXTURES / n) for n in ("teams_voice.vtt", "broadcast.srt", "otter_export.txt")]
    result = run("compare", *paths, "--me", "Dana Reyes", "-f", "json")
    data = json.loads(result.output)
    assert len(data["calls"]) == 3 and "call.talk_share.seller" in data["metrics"]
    assert all(set(data["metrics"]) <= set(row) for row in data["calls"])
    text = run("compare", *paths, "--me", "Dana Reyes").output
    assert text.splitlines()[0].split()[:3] == ["call", "type", "length"] and len(text.splitlines()) == 5
    md = run("compare", *paths, "--me", "Dana Reyes", "-f", "markdown").output
    assert md.count("\n") == 5 and "call.talk\\_share.seller" in md


def test_config_me_type_and_trackers_are_read_from_plainpitch_toml(tmp_path):
    (tmp_path / "plainpitch.toml").write_text(
        '[call]\nme = ["Ana"]\ntype = "demo"\ntrackers = { reporting = ["reports", "board pack"] }\n', encoding="utf-8"
    )
    result = run("review", write(tmp_path, "c.txt", GOOD), "-f", "json")
    doc = json.loads(result.output)["documents"][0]
    call = doc["details"]["call"]
    assert call["roles"] == {"sellers": ["Ana"], "buyers": ["Ben"], "source": "config"}
    assert call["type"] == "demo" and call["type_source"] == "set"
    assert call["topics"]["reporting"]["mentions"] >= 1


def test_review_profile_flag_decides_what_is_jargon(tmp_path):
    call = write(tmp_path, "webhook.txt", "Ana: Thanks for the time. The webhook fires on every change.\nBen: Okay.\n"
                 "Ana: You can point the webhook at your own server.\nBen: Sure.\n")  # fmt: skip

    def jargon(*flags):
        report = json.loads(run("review", call, "--me", "Ana", "-f", "json", *flags).output)
        return [f["code"] for d in report["documents"] for f in d["findings"] if f["code"].startswith("JRG")]

    assert jargon("--profile", "business") == ["JRG101"]
    assert jargon("--profile", "technical") == []
    (tmp_path / "plainpitch.toml").write_text('profile = "technical"\n', encoding="utf-8")
    assert jargon() == [] and jargon("--profile", "business") == ["JRG101"]  # like check: the flag wins over config
