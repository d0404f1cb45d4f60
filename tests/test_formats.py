"""The one formats table (plainpitch.formats) drives every place that names a format: the CLI's choices, both
folder walkers, the loaders' registries, the editor's open and the API's enums."""

import importlib
import json
import shutil
from pathlib import Path

import click
from click.testing import CliRunner

from plainpitch import formats
from plainpitch.cli import main
from plainpitch.ingest import LOADERS
from plainpitch.ingest.transcript import PARSERS
from plainpitch.ingest.transcript.detect import FORMATS as DETECTED
from plainpitch.web.api import open_upload
from plainpitch.web.inputs import UploadInput

VTT = Path(__file__).parent / "data" / "transcripts" / "teams_voice.vtt"


def test_every_reader_in_the_table_is_a_function():
    for fmt in formats.FORMATS:
        module, func = fmt.reader.split(":")
        assert callable(getattr(importlib.import_module(module), func)), fmt.name


def test_loaders_parsers_and_cli_choices_come_from_the_table():
    assert tuple(LOADERS) == formats.COPY_FORMATS
    assert tuple(PARSERS) == formats.TRANSCRIPT_FORMATS == DETECTED
    commands = {c.name: c for c in main.commands.values()}
    check_choice = next(p for p in commands["check"].params if p.name == "input_format").type
    review = commands["call"].commands["review"]
    review_choice = next(p for p in review.params if p.name == "input_format").type
    assert isinstance(check_choice, click.Choice) and tuple(check_choice.choices) == formats.COPY_FORMATS
    assert tuple(review_choice.choices) == formats.TRANSCRIPT_FORMATS


def test_webvtt_is_a_transcript_named_directly_and_in_a_folder(tmp_path):
    named = tmp_path / "calls" / "demo.webvtt"
    named.parent.mkdir()
    shutil.copy(VTT, named)
    for target in (named, named.parent):
        result = CliRunner().invoke(main, ["call", "review", str(target), "--format", "json"])
        assert result.exit_code in (0, 1), result.output
        (doc,) = json.loads(result.stdout)["documents"]
        assert doc["path"] == str(named) and doc["medium"] == "call"


def test_check_points_a_transcript_at_call_review(tmp_path):
    for name in ("demo.webvtt", "demo.vtt", "demo.srt"):
        path = tmp_path / name
        shutil.copy(VTT, path)
        result = CliRunner().invoke(main, ["check", str(path)])
        assert result.exit_code == 2
        assert f"{path}: is a call transcript" in result.stderr and "plainpitch call review" in result.stderr


def test_the_editor_opens_a_webvtt_as_a_call():
    opened = open_upload(UploadInput("demo.webvtt", VTT.read_bytes()))
    assert opened == {"kind": "call", "filename": "demo.webvtt", "format": "vtt"}


def test_a_txt_name_can_be_copy_or_a_transcript():
    assert formats.copy_format_for("notes.txt") == "text"
    assert formats.transcript_format_for("notes.txt") is None  # content decides
    assert not formats.is_transcript_name("notes.txt") and formats.is_transcript_name("x.JSON")
    assert ".txt" in formats.extensions(formats.CALL) and ".webvtt" in formats.extensions(formats.CALL)


def test_one_call_type_list():
    from plainpitch.call.types import TYPES
    from plainpitch.web.openapi import build_spec

    review = main.commands["call"].commands["review"]
    assert tuple(next(p for p in review.params if p.name == "call_type").type.choices) == TYPES
    call = build_spec(1024)["components"]["schemas"]["CallRequest"]["properties"]["call_type"]
    assert tuple(call["enum"]) == TYPES
