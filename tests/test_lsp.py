"""`plainpitch lsp` end to end: pytest-lsp's real LSP client starts the server process and talks to it over stdio.

Each test runs its own event loop (``asyncio.run``), so the suite does not depend on pytest-asyncio being loaded.
Ranges are checked against what plainpitch itself finds in the same text, sliced by an independent UTF-16 (or
UTF-8) computation here, with accents, emoji, CJK text, a BOM and CRLF line endings in the buffers.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")
from lsprotocol import types as t  # noqa: E402
from pytest_lsp import client_capabilities, make_test_lsp_client  # noqa: E402

from plainpitch.config import Config  # noqa: E402
from plainpitch.engine import analyze  # noqa: E402
from plainpitch.ingest import load_text  # noqa: E402

MARKDOWN = (
    "\ufeff# Café 🚀 launch: our K8s-native CDC pipeline\r\n\r\n"
    "日本語のチーム 👩‍💻 We leverage gRPC and Kafka. This will hopefully cut costs.\r\n"
)
HTML = "<html><body><h1>Naïve 🚀 teams</h1><p>We leverage our K8s-native CDC pipeline. It will hopefully help.</p></body></html>\n"
TEXT = "Olá 👋 — our K8s-native CDC pipeline leverages Kafka. This will hopefully cut your costs.\n"
EMAIL = (
    "From: ana@example.com\nTo: bo@example.com\nSubject: Our K8s pipeline 🚀\n\n"
    "Hi Bo, we leverage Kafka and gRPC. This will hopefully cut costs.\n\nBest,\nAna\n"
)


@contextlib.asynccontextmanager
async def session(root: Path, *, options=None, encodings=None, configuration=None, client="visual-studio-code"):
    client_ = make_test_lsp_client()
    published: list[t.PublishDiagnosticsParams] = []
    original = client_.protocol.fm.features[t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]

    def record(params: t.PublishDiagnosticsParams) -> None:
        published.append(params)
        original(params)

    client_.protocol.fm.features[t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = record
    client_.published = published
    if configuration is not None:
        client_.set_configuration(configuration)
    await client_.start_io(sys.executable, "-m", "plainpitch", "lsp", "--stdio", cwd=str(root))
    caps = client_capabilities(client)
    if encodings is not None:
        caps.general = t.GeneralClientCapabilities(position_encodings=encodings)
    result = await client_.initialize_session(
        t.InitializeParams(capabilities=caps, root_uri=root.as_uri(), initialization_options=options,
                           workspace_folders=[t.WorkspaceFolder(root.as_uri(), root.name)])  # fmt: skip
    )
    client_.result = result
    try:
        yield client_
    finally:
        await client_.shutdown_session()
        await client_.stop()


async def published_for(client, uri: str, version: int | None = None) -> t.PublishDiagnosticsParams:
    """The next publish for this document (and version), waiting as long as it takes (the test's timeout rules)."""
    while True:
        for p in client.published:
            if p.uri == uri and (version is None or p.version == version):
                return p
        await client.wait_for_notification(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, 120))


def open_doc(client, path: Path, text: str, language: str, version: int = 1) -> str:
    uri = path.as_uri()
    client.text_document_did_open(t.DidOpenTextDocumentParams(t.TextDocumentItem(uri, language, version, text)))
    return uri


# -- an independent reading of positions: LSP lines, columns in the encoding's code units -------------------


LINE_END = re.compile(r"\r\n|\r|\n")
CODECS = {"utf-16": ("utf-16-le", 2), "utf-8": ("utf-8", 1), "utf-32": ("utf-32-le", 4)}


def to_offset(text: str, pos: t.Position, encoding: str = "utf-16") -> int:
    """Code-point offset in ``text`` of an LSP position: the line's start, then its code units encoded and cut."""
    starts = [0] + [m.end() for m in LINE_END.finditer(text)]
    line = LINE_END.split(text)[pos.line]
    codec, width = CODECS[encoding]
    return starts[pos.line] + len(line.encode(codec)[: pos.character * width].decode(codec))


def range_text(text: str, rng: t.Range, encoding: str = "utf-16") -> str:
    return text[to_offset(text, rng.start, encoding) : to_offset(text, rng.end, encoding)]


def expected(text: str, name: str, config: Config | None = None) -> list[tuple[str, str]]:
    """What plainpitch finds in the same buffer, as (code, source text) pairs."""
    report = analyze(load_text(text, name), config or Config())
    doc = report.document
    return sorted((f.code, doc.source[f.location.start : f.location.end]) for f in report.findings)


def apply(text: str, edits: list[t.TextEdit], encoding: str = "utf-16") -> str:
    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start, end = to_offset(text, e.range.start, encoding), to_offset(text, e.range.end, encoding)
        text = text[:start] + e.new_text + text[end:]
    return text


# -- tests ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8"])
def test_diagnostics_on_open_point_at_the_flagged_text_in_every_format(tmp_path, encoding):
    docs = {"page.md": (MARKDOWN, "markdown"), "page.html": (HTML, "html"), "note.txt": (TEXT, "plaintext"),
            "mail.eml": (EMAIL, "plaintext")}  # fmt: skip

    async def go():
        async with session(tmp_path, encodings=[encoding]) as client:
            assert client.result.capabilities.position_encoding == encoding
            for name, (text, language) in docs.items():
                uri = open_doc(client, tmp_path / name, text, language)
                published = await published_for(client, uri, 1)
                got = sorted((d.code, range_text(text, d.range, encoding)) for d in published.diagnostics)
                want = expected(text, name)
                assert want, name
                assert [g[0] for g in got] == [w[0] for w in want], name
                for (code, seen), (_, flagged) in zip(got, want, strict=True):
                    assert seen == flagged, (name, code, seen, flagged)
                for d in published.diagnostics:
                    assert d.source == "plainpitch" and d.code_description.href.endswith(f"{d.code}.md")

    run(go())


@pytest.mark.slow
def test_typing_is_debounced_and_only_the_changed_document_is_analysed_again(tmp_path):
    (tmp_path / "plainpitch.toml").write_text('select = ["ALL"]\n', encoding="utf-8")  # TON003 is off by default

    async def go():
        async with session(tmp_path) as client:
            a = open_doc(client, tmp_path / "a.md", "Our tool is fast.\n", "markdown")
            b = open_doc(client, tmp_path / "b.md", "This will hopefully help.\n", "markdown")
            await published_for(client, a, 1)
            await published_for(client, b, 1)
            before = len(client.published)
            words = ["We", " leverage", " Kafka", " to", " synergize"]
            column = 0
            for version, word in enumerate(words, start=2):  # five keystroke-sized edits, sent back to back
                pos = t.Position(1, column)
                change = t.TextDocumentContentChangePartial(range=t.Range(pos, pos), text=word)
                client.text_document_did_change(
                    t.DidChangeTextDocumentParams(t.VersionedTextDocumentIdentifier(uri=a, version=version), [change])
                )
                column += len(word)
            final = await published_for(client, a, 6)
            c = open_doc(client, tmp_path / "c.md", "Thanks.\n", "markdown")  # a barrier: analysed after anything queued
            await published_for(client, c, 1)
            after = [(p.uri, p.version) for p in client.published[before:]]
            assert after == [(a, 6), (c, 1)]  # one analysis for five edits; b was never analysed again
            codes = {d.code for d in final.diagnostics}
            assert "TON003" in codes  # 'leverage' typed in the last edits is found

    run(go())


def test_hover_explains_and_the_quick_fix_applies_the_rules_replacement(tmp_path):
    text = "# 🚀 Ship faster\n\nNaïve 👩‍💻 teams: we cut the latency of your code.\n"
    (tmp_path / "plainpitch.toml").write_text('select = ["ALL"]\n', encoding="utf-8")  # JRG001 is off by default

    async def go():
        async with session(tmp_path) as client:
            uri = open_doc(client, tmp_path / "p.md", text, "markdown")
            published = await published_for(client, uri, 1)
            [jargon] = [d for d in published.diagnostics if d.code == "JRG001" and range_text(text, d.range) == "latency"]
            hover = await client.text_document_hover_async(t.HoverParams(t.TextDocumentIdentifier(uri), jargon.range.start))
            assert hover is not None and hover.contents.kind == t.MarkupKind.Markdown
            from plainpitch.rules.base import find_rule

            meta = find_rule("JRG001").meta
            assert "JRG001" in hover.contents.value
            assert "Why it costs the sale" in hover.contents.value and "Fix" in hover.contents.value
            plain = hover.contents.value.replace("\\", "")
            assert meta.why.split(".")[0] in plain
            actions = await client.text_document_code_action_async(
                t.CodeActionParams(t.TextDocumentIdentifier(uri), jargon.range, t.CodeActionContext(diagnostics=[jargon]))
            )
            fixes = [a for a in actions if a.kind == t.CodeActionKind.QuickFix and "'latency'" in a.title]
            assert fixes and fixes[0].is_preferred
            [doc_edit] = fixes[0].edit.document_changes  # VS Code takes versioned edits: a stale edit is refused
            assert doc_edit.text_document.version == 1
            fixed = apply(text, list(doc_edit.edits))
            replacement = doc_edit.edits[0].new_text
            assert fixed == text.replace("latency", replacement, 1)
            change = t.TextDocumentContentChangeWholeDocument(text=fixed)
            client.text_document_did_change(t.DidChangeTextDocumentParams(t.VersionedTextDocumentIdentifier(uri=uri, version=2), [change]))
            after = await published_for(client, uri, 2)
            assert not [d for d in after.diagnostics if d.code == "JRG001" and range_text(fixed, d.range) == replacement]

    run(go())


# a BOM, CRLF line endings, accents and emoji: the rewrites' edits must land on the editor's own code units
REWRITABLE = (
    "\ufeff# 🚀 Reports your team trusts\r\n\r\n"
    "Naïve 👩‍💻 teams: our service reads every row that your team writes to the database and copies it to the "
    "warehouse in seconds, and it retries on failure, and it keeps a log of each copy so that you can audit what "
    "changed and when it changed for every table you own.\r\n\r\n"
    "Our dashboards facilitate reviews. It uses idempotent writes.\r\n\r\n"
    "Your team writes rows to the database every day. We copy each row to the warehouse in seconds. If a copy "
    "fails, we try again until it works. Every copy is logged so you can see what changed. You can check any table "
    "at any time. Reports stay current without extra work. Your analysts see the same numbers as your app. Setup "
    "takes ten minutes and needs no code. You pick the tables and we do the rest. Billing is by the row, so small "
    "teams pay little.\r\n"  # a wall of text: its rewrite is a paragraph break, written as CRLF here
)


def checked_rewrites(root: Path, text: str, name: str) -> dict[tuple[str, str], str | None]:
    """What `plainpitch rewrite` itself offers, worked out here without the server: for each finding whose rule has
    a rewriter, (code, flagged text) -> the analysed text after that one checked rewrite, or None when none passed."""
    from plainpitch.config import config_for
    from plainpitch.rewrite import rewrite
    from plainpitch.rewrite.edits import apply_source
    from plainpitch.rewrite.rewriters import codes

    config = config_for(root).with_overrides(all=True)
    report = analyze(load_text(text, name), config)
    source = report.document.source
    out: dict[tuple[str, str], str | None] = {}
    for f in report.findings:
        if f.code in codes():
            result = rewrite(report, config, only=lambda g, f=f: g is f, questions=False)
            offered = [o for o in result.outcomes if o.status == "offered"]
            out[(f.code, source[f.location.start : f.location.end])] = (
                apply_source(source, offered[0].source_edits) if offered else None
            )
    return out


def analysed(buffer: str) -> str:
    """An editor buffer as plainpitch analyses it (no BOM, LF line endings)."""
    return buffer.removeprefix("\ufeff").replace("\r\n", "\n")


def workspace_edits(edit: t.WorkspaceEdit, uri: str, version: int | None) -> list[t.TextEdit]:
    if version is None:  # a client without documentChanges gets plain changes
        assert edit.document_changes is None
        return list(edit.changes[uri])
    [doc_edit] = edit.document_changes
    assert doc_edit.text_document.uri == uri and doc_edit.text_document.version == version
    return list(doc_edit.edits)


@pytest.mark.parametrize(("client_name", "versioned"), [("visual-studio-code", True), ("neovim", False)])
def test_checked_rewrites_are_lazy_quick_fixes_resolved_to_precise_edits(tmp_path, client_name, versioned):
    (tmp_path / "plainpitch.toml").write_text('select = ["ALL"]\n', encoding="utf-8")  # RDB002, CLR001 are off by default
    want = checked_rewrites(tmp_path, REWRITABLE, "p.md")
    assert any(v is not None for v in want.values()) and None in want.values()  # both kinds of finding are here

    async def go():
        async with session(tmp_path, client=client_name) as client:
            assert client.result.capabilities.code_action_provider.resolve_provider
            enc = client.result.capabilities.position_encoding or "utf-16"  # Neovim takes UTF-8 columns
            uri = open_doc(client, tmp_path / "p.md", REWRITABLE, "markdown")
            published = await published_for(client, uri, 1)
            seen = set()
            for d in published.diagnostics:
                flagged = (d.code, range_text(REWRITABLE, d.range, enc))
                if flagged not in want:
                    continue
                seen.add(flagged)
                context = t.CodeActionContext(diagnostics=[d])
                ask = t.CodeActionParams(t.TextDocumentIdentifier(uri), d.range, context)
                actions = await client.text_document_code_action_async(ask)
                [lazy] = [a for a in actions if a.data is not None and a.diagnostics[0].range == d.range
                          and a.diagnostics[0].code == d.code]  # fmt: skip
                assert lazy.edit is None and "checked by plainpitch" in lazy.title  # nothing made until asked
                resolved = await client.code_action_resolve_async(lazy)
                again = await client.text_document_code_action_async(ask)  # made once: now offered as it is
                made = [a for a in again if a.title == lazy.title and a.diagnostics[0].range == d.range]
                if want[flagged] is None:
                    assert resolved.edit is None and not made, flagged
                    while not any("passed plainpitch's checks" in m.message for m in client.messages):
                        await client.wait_for_notification(t.WINDOW_SHOW_MESSAGE)
                    continue
                edits = workspace_edits(resolved.edit, uri, 1 if versioned else None)
                fixed = apply(REWRITABLE, edits, enc)
                assert analysed(fixed) == want[flagged], flagged  # exactly the pipeline's checked rewrite
                assert fixed.startswith("\ufeff") and "\n" not in fixed.replace("\r\n", "")  # the buffer's own line endings
                assert sum(len(range_text(REWRITABLE, e.range, enc)) for e in edits) <= len(flagged[1])  # not the whole text
                [now] = made
                assert now.data is None and workspace_edits(now.edit, uri, 1 if versioned else None) == edits
            assert seen == set(want)

    run(go())


def test_a_client_without_resolve_gets_the_rewrite_under_the_cursor_made_on_request(tmp_path):
    (tmp_path / "plainpitch.toml").write_text('select = ["ALL"]\n', encoding="utf-8")
    want = checked_rewrites(tmp_path, REWRITABLE, "p.md")

    async def go():
        async with session(tmp_path, client="emacs") as client:  # eglot: no codeAction/resolve
            enc = client.result.capabilities.position_encoding or "utf-16"  # Neovim takes UTF-8 columns
            enc = client.result.capabilities.position_encoding or "utf-16"
            uri = open_doc(client, tmp_path / "p.md", REWRITABLE, "markdown")
            published = await published_for(client, uri, 1)
            outcomes = []
            for d in published.diagnostics:
                flagged = (d.code, range_text(REWRITABLE, d.range, enc))
                if flagged not in want or d.range.start.line != d.range.end.line or len(flagged[1]) > 20:
                    continue  # one word under the cursor
                cursor = t.Range(d.range.start, d.range.start)
                actions = await client.text_document_code_action_async(
                    t.CodeActionParams(t.TextDocumentIdentifier(uri), cursor, t.CodeActionContext(diagnostics=[]))
                )
                assert all(a.data is None and a.edit is not None for a in actions)
                rewrites = [a for a in actions if "checked by plainpitch" in a.title and a.diagnostics[0].range == d.range]
                outcomes.append(want[flagged] is not None)
                if want[flagged] is None:
                    assert not rewrites, flagged  # nothing passed the checks: nothing offered
                    continue
                [rewrite] = rewrites
                assert analysed(apply(REWRITABLE, workspace_edits(rewrite.edit, uri, 1), enc)) == want[flagged]
            assert True in outcomes and False in outcomes  # a word with a checked rewrite and one without
            whole = t.Range(t.Position(0, 0), t.Position(6, 0))
            on_save = t.CodeActionContext(diagnostics=[], only=[t.CodeActionKind.SourceFixAll])
            assert not await client.text_document_code_action_async(  # a save's source.fixAll makes no rewrite
                t.CodeActionParams(t.TextDocumentIdentifier(uri), whole, on_save)
            )

    run(go())


def test_project_config_then_editor_settings_decide_the_profile(tmp_path):
    project = tmp_path / "site"
    project.mkdir()
    (project / "plainpitch.toml").write_text('profile = "technical"\nselect = ["ALL"]\n', encoding="utf-8")
    text = "Our K8s-native CDC pipeline ships your code faster.\n"

    def jargon(params):
        return sorted(range_text(text, d.range) for d in params.diagnostics if d.code == "JRG001")

    async def go():
        async with session(tmp_path) as client:
            uri = open_doc(client, project / "page.md", text, "markdown")
            assert jargon(await published_for(client, uri, 1)) == []  # the project says: technical readers
            client.published.clear()
            client.workspace_did_change_configuration(
                t.DidChangeConfigurationParams(settings={"plainpitch": {"profile": "business"}})
            )
            assert "pipeline" in jargon(await published_for(client, uri))  # the editor setting wins
            client.published.clear()
            client.set_configuration({"plainpitch": {"profile": "technical", "context": "enterprise"}})
            client.workspace_did_change_configuration(t.DidChangeConfigurationParams(settings=None))  # pull
            assert jargon(await published_for(client, uri)) == []
            client.workspace_did_change_configuration(
                t.DidChangeConfigurationParams(settings={"plainpitch": {"profile": "executives"}})
            )
            while not client.messages:
                await client.wait_for_notification(t.WINDOW_SHOW_MESSAGE)
            assert "'executives' is not one of" in client.messages[-1].message

    run(go())


def test_a_broken_config_file_is_one_message_naming_it(tmp_path):
    (tmp_path / "plainpitch.toml").write_text("profile = [unclosed\n", encoding="utf-8")

    async def go():
        async with session(tmp_path) as client:
            uri = open_doc(client, tmp_path / "page.md", "This will hopefully help.\n", "markdown")
            published = await published_for(client, uri, 1)
            assert not published.diagnostics
            assert len(client.messages) == 1
            message = client.messages[0].message
            assert str(tmp_path / "plainpitch.toml") in message and "invalid TOML" in message
            assert "Traceback" not in message
            hover = await client.text_document_hover_async(t.HoverParams(t.TextDocumentIdentifier(uri), t.Position(0, 12)))
            assert hover is None  # still answering
            other = open_doc(client, tmp_path / "main.py", "print('hopefully')\n", "python")
            assert not (await published_for(client, other, 1)).diagnostics  # not copy: left alone

    run(go())


def test_without_pygls_the_command_says_what_to_install(tmp_path):
    import subprocess

    code = "import sys; sys.modules['pygls'] = None; from plainpitch.cli import main; main(['lsp'])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 2
    assert out.stderr.strip() == "plainpitch: error: the language server needs pygls: pip install 'plainpitch[lsp]'"
