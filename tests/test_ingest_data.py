"""Content files (plainpitch.ingest.data): a page kept as YAML or JSON fields is read as the copy its layout shows,
each value at its place in the file; a speech-to-text JSON is still a call; a Mako template's tags are no copy."""

import json
import time
from pathlib import Path

from click.testing import CliRunner

from plainpitch import formats
from plainpitch.cli import main
from plainpitch.config import Config
from plainpitch.engine import analyze
from plainpitch.ingest import load_path, load_text
from plainpitch.model import Span

YAML_PAGE = """hero:
  title: "Books closed in three days"
  content: "We reconcile every account and send you one page you can read in five minutes."
  button:
    label: "Book a free call"
    link: "/contact"
features:
  - Reconciliation of every bank account each month
  - Sales tax filed on time
  - icon: images/ledger.svg
old_offer:
  enable: false
  content: "Half price for the first month, this spring only, for every new client."
"""


def _blocks(doc):
    return [(u.kind, doc.unit_text(u)) for u in doc.units]


def test_a_yaml_page_is_read_as_its_layout_shows_it_each_value_at_its_place():
    doc = load_text(YAML_PAGE, "home.yml")
    assert doc.format == "data" and doc.medium == "page"
    blocks = _blocks(doc)
    assert ("heading", "Books closed in three days") in blocks
    assert ("cta", "Book a free call") in blocks
    assert ("list_item", "Reconciliation of every bank account each month") in blocks
    assert not any("Half price" in text for _, text in blocks)  # a block the theme is told not to show
    assert not any("ledger" in text for _, text in blocks)  # a path is no copy
    for unit in doc.units:  # every unit points at its words in the file
        start, end = doc.source_span(Span(unit.start, unit.end))
        assert doc.source[start:end] == doc.unit_text(unit)


JSON_PAGE = {
    "meta": {"title": "Acme Books", "lang": "en"},
    "hero": {"title": "Books closed in three days",
             "subTitle": "We reconcile every account and you\u2019ll read one page a month.",
             "cta": {"label": "Book a free call", "href": "/contact"}},
    "features": ["Reconciliation of every bank account each month", "Sales tax filed on time"],
    "promo": {"enabled": False, "text": "Half price for the first month, this spring only."},
}


def test_a_json_page_is_copy_and_an_escaped_value_keeps_its_place(tmp_path):
    path = tmp_path / "landing.json"
    path.write_text(json.dumps(JSON_PAGE, indent=2), encoding="utf-8")  # ensure_ascii: "you\u2019ll" escaped
    doc = load_path(path)
    blocks = _blocks(doc)
    assert ("cta", "Book a free call") in blocks
    assert ("list_item", "Sales tax filed on time") in blocks
    assert not any("Half price" in text for _, text in blocks)
    [sub] = [u for u in doc.units if "reconcile" in doc.unit_text(u)]
    assert doc.unit_text(sub) == "We reconcile every account and you\u2019ll read one page a month."
    start, end = doc.source_span(Span(sub.start, sub.end))
    assert doc.source[start:end] == "We reconcile every account and you\\u2019ll read one page a month."


def test_check_reads_a_json_page_and_still_sends_a_transcript_to_call_review(tmp_path):
    page = tmp_path / "landing.json"
    page.write_text(json.dumps(JSON_PAGE), encoding="utf-8")
    whisper = tmp_path / "call.json"
    whisper.write_text(json.dumps({"text": "Hi.", "segments": [{"start": 0, "end": 1, "text": "Hi Ana, thanks."}]}),
                       encoding="utf-8")  # fmt: skip
    result = CliRunner().invoke(main, ["check", str(page), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    assert json.loads(result.stdout)["documents"][0]["format"] == "data"
    refused = CliRunner().invoke(main, ["check", str(whisper)])
    assert refused.exit_code == 2 and f"{whisper}: is a call transcript" in refused.stderr


def test_a_folder_walk_leaves_data_files_alone_and_naming_one_reads_it(tmp_path):
    (tmp_path / "page.md").write_text("# Books closed in three days\n\nWe reconcile every account.\n", encoding="utf-8")
    (tmp_path / "config.yml").write_text("title: My site\nbaseURL: https://example.com/\n", encoding="utf-8")
    assert ".yml" not in formats.extensions(formats.COPY) and formats.copy_format_for("home.yaml") == "data"
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "json"])
    assert [Path(d["path"]).name for d in json.loads(result.stdout)["documents"]] == ["page.md"]


def test_the_proof_and_asks_of_a_data_page_are_read_by_the_rules():
    proof = YAML_PAGE + ("testimonials:\n  - quote: \"They closed our books in three days, every month since.\"\n"
                         "    name: Ana Ruiz\n    role: Owner, Café Sol\n"
                         "  - quote: \"One page a month and I finally know where the money goes.\"\n"
                         "    name: Ben Okafor\n    role: Founder, Okafor Bakes\n")  # fmt: skip
    body = "  - Payroll run on the same day every month for every employee you have\n" * 12
    page = proof.replace("features:\n", "features:\n" + body)
    found = {f.code for f in analyze(load_text(page, "home.yml"), Config()).findings}
    assert not {"CTA001", "PRF001"} & found
    without = page.split("testimonials:")[0]
    assert "PRF001" in {f.code for f in analyze(load_text(without, "home.yml"), Config()).findings}


def test_hostile_data_files_are_read_quickly_without_a_crash():
    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True))
    began = time.process_time()
    load_text(laughs, "bomb.yml")
    load_text("[" * 5000 + "]" * 5000, "deep.json", "data")
    load_text('{"a": "unterminated', "broken.json", "data")
    load_text("/* " * 200_000, "comments.ts", "data")  # comments never closed: each read to the end once, not again
    assert time.process_time() - began < 30  # a bound against a hang, not a speed figure


def test_a_mako_templates_tags_and_control_lines_are_no_copy():
    mako = ('<%inherit file="base.mako"/>\n<p>Hi ${user.name},</p>\n% if trial:\n<p>Your trial ends on Friday. '
            '<a href="https://example.com/billing">Add your card</a> to keep your reports.</p>\n% endif\n'
            '<%def name="footer()">\n<p>Sincerely, Andrey</p>\n</%def>\n')  # fmt: skip
    doc = load_text(mako, "trial_end.mako")
    text = " ".join(doc.unit_text(u) for u in doc.units)
    assert "inherit" not in text and "if trial" not in text and "endif" not in text and "def name" not in text
    assert "Your trial ends on Friday." in text and "Sincerely, Andrey" in text


def test_the_editor_opens_a_json_page_as_copy_and_a_speech_to_text_json_as_a_call():
    from plainpitch.web.api import load_copy, open_upload
    from plainpitch.web.inputs import CopyInput, UploadInput

    opened = open_upload(UploadInput("landing.json", json.dumps(JSON_PAGE).encode("utf-8")))
    assert opened["kind"] == "copy" and opened["format"] == "data"
    doc = load_copy(CopyInput("landing.json", text=opened["text"], format=opened["format"]))
    assert ("cta", "Book a free call") in _blocks(doc)
    whisper = {"text": "Hi.", "segments": [{"start": 0, "end": 1, "text": "Hi Ana, thanks."}]}
    assert open_upload(UploadInput("call.json", json.dumps(whisper).encode("utf-8")))["kind"] == "call"


TS_PAGE = """import type { Dict } from "./types";

interface Hero { title: string; subtitle: string }

// the page's copy, one object per section
export default {
  hero: {
    badge: 'Guide',
    title: 'Books closed in three days',
    subtitle: 'We reconcile every account and you\\'ll read one page a month.',
    bookButton: "Book a free call",
  },
  features: [
    `Reconciliation of every bank account each month`,
    'Sales tax filed on time, every time',
  ],
  oldOffer: { enable: false, body: 'Half price for the first month, this spring only.' },
};
"""


def test_a_typescript_module_that_keeps_a_page_s_copy_is_read_as_its_fields(tmp_path):
    path = tmp_path / "en.ts"
    path.write_text(TS_PAGE, encoding="utf-8")
    doc = load_path(path)
    assert doc.format == "data"
    assert _blocks(doc) == [
        ("heading", "Books closed in three days"),
        ("paragraph", "We reconcile every account and you'll read one page a month."),
        ("cta", "Book a free call"),
        ("list_item", "Reconciliation of every bank account each month"),
        ("list_item", "Sales tax filed on time, every time"),
    ]
    [sub] = [u for u in doc.units if "reconcile" in doc.unit_text(u)]
    start, end = doc.source_span(Span(sub.start, sub.end))
    assert doc.source[start:end] == "We reconcile every account and you\\'ll read one page a month."
    # the app's components lay the page out and may hold its ask and proof: nothing is reported missing here
    assert not {"CTA001", "PRF001"} & {f.code for f in analyze(doc, Config()).findings}
    assert doc.meta["includes"] == "content"
    code = tmp_path / "util.ts"
    code.write_text("export function add(a: number, b: number): number {\n  return a + b;\n}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(code)])
    assert result.exit_code == 2 and "unknown file type .ts" in result.stderr  # code, not copy


def test_a_data_file_that_is_a_list_of_cards_is_one_part_of_a_page_and_nothing_is_reported_missing():
    cards = "".join(f"- name: {n}\n  price: \"${p}\"\n  description: \"Reliable bookkeeping for your monthly reporting "
                    f"needs, done by one accountant who knows your books.\"\n  features:\n    - Accurate monthly books\n"
                    f"    - Payroll for up to {k} employees\n    - A reply within a day, every day of the year\n"
                    for n, p, k in (("Bookkeeping", 299, 3), ("Bookkeeping and Tax", 499, 10), ("Finance", 2599, 50)))
    doc = load_text(cards, "pricing.yml")
    assert doc.meta["includes"] == "content"
    assert not {"CTA001", "PRF001"} & {f.code for f in analyze(doc, Config()).findings}
    page = load_text("hero:\n  title: Books closed in three days\n" + "".join(
        f"  line{i}: \"We reconcile every account and send you one page you can read in five minutes, every month.\"\n"
        for i in range(6)), "home.yml")
    assert "includes" not in page.meta and "CTA001" in {f.code for f in analyze(page, Config()).findings}
