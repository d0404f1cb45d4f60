"""The runner: folders, include/exclude, per-file errors, and the same report whether files run in parallel or not."""

from plainpitch.emit.json_report import report_dict
from plainpitch.runner import PARALLEL_MIN_FILES, Runner


def _tree(tmp_path, n):
    for i in range(n):
        (tmp_path / f"page{i:02d}.md").write_text(
            f"# Page {i}\n\nOur CDC pipeline hopefully streams WAL segments into Kafka.\n\nBook a demo.\n", encoding="utf-8"
        )
    (tmp_path / "logo.txt").write_bytes(b"\x00\x01\x02binary" * 50)
    (tmp_path / "skip.png").write_bytes(b"\x89PNG")
    return tmp_path


def test_parallel_and_serial_runs_give_the_same_report(tmp_path):
    _tree(tmp_path, PARALLEL_MIN_FILES + 4)
    every_rule = {"all": True}  # findings on every page to compare
    serial = report_dict(Runner(overrides=every_rule, jobs=1).run([str(tmp_path)]))
    parallel = report_dict(Runner(overrides=every_rule, jobs=2).run([str(tmp_path)]))
    assert serial == parallel
    assert serial["summary"]["documents"] == PARALLEL_MIN_FILES + 4
    assert [e["path"].rsplit("/", 1)[-1] for e in serial["errors"]] == ["logo.txt"]  # .png is not a copy format
    assert all(d["findings"] for d in serial["documents"])


def test_exclude_globs(tmp_path):
    _tree(tmp_path, 3)
    report = Runner(overrides={"exclude": ("page00.md", "logo.txt")}, jobs=1).run([str(tmp_path)])
    assert sorted(d.path.rsplit("/", 1)[-1] for d in report.documents) == ["page01.md", "page02.md"]
    assert report.errors == ()


def test_text_and_html_reports_render_from_slimmed_parallel_documents(tmp_path):
    from plainpitch.emit import render

    _tree(tmp_path, PARALLEL_MIN_FILES + 1)
    serial, parallel = Runner(jobs=1).run([str(tmp_path)]), Runner(jobs=2).run([str(tmp_path)])
    for fmt in ("text", "html", "markdown", "sarif"):
        assert render(serial, fmt, color=False) == render(parallel, fmt, color=False), fmt
    assert parallel.documents[0].document.words == ()  # the tokens stayed in the worker
    assert parallel.documents[0].document.word_count == serial.documents[0].document.word_count > 0


def test_a_transcript_given_to_check_points_at_call_review(tmp_path):
    (tmp_path / "call.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:02.000\n<v Ana>Hi Ben.\n", encoding="utf-8")
    report = Runner(jobs=1).run([str(tmp_path / "call.vtt")])
    assert report.documents == ()
    assert "plainpitch call review" in report.errors[0].message
