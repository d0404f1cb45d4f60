"""The editor set-ups in the README and docs/integrations.md start a working server: each snippet's command is run
as the editor would run it (PATH holding `plainpitch`), with the settings the snippet gives passed the way that
editor passes them (Neovim: workspace/configuration; Helix: initializationOptions; VS Code: a configuration pull),
and the language ids it lists are ones the server analyses."""

from __future__ import annotations

import asyncio
import json
import os
import re
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from readme_snippets import ROOT, snippet

pytest.importorskip("pygls")
from lsprotocol import types as t  # noqa: E402
from pytest_lsp import client_capabilities, make_test_lsp_client  # noqa: E402

from plainpitch.lsp.analysis import LANGUAGE_FORMATS  # noqa: E402

TEXT = "Our K8s-native CDC pipeline ships your code faster.\n"
BIN = Path(sys.executable).parent  # where `plainpitch` is installed beside this Python


async def _jargon_with(command: list[str], folder: Path, *, caps: str, options=None, configuration=None) -> set[str]:
    """Start the snippet's command, open a Markdown page, return the words flagged as jargon (JRG001)."""
    client = make_test_lsp_client()
    if configuration is not None:
        client.set_configuration(configuration)
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    await client.start_io(command[0], *command[1:], cwd=str(folder), env=env)
    await client.initialize_session(
        t.InitializeParams(capabilities=client_capabilities(caps), root_uri=folder.as_uri(), initialization_options=options)
    )
    uri = (folder / "page.md").as_uri()
    client.text_document_did_open(t.DidOpenTextDocumentParams(t.TextDocumentItem(uri, "markdown", 1, TEXT)))
    while uri not in client.diagnostics:
        await client.wait_for_notification(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    words = set()
    for d in client.diagnostics[uri]:
        if d.code == "JRG001":
            line = TEXT.split("\n")[d.range.start.line]
            words.add(line[d.range.start.character : d.range.end.character])
    await client.shutdown_session()
    await client.stop()
    return words


def _run(coro):
    return asyncio.run(asyncio.wait_for(coro, 120))


def _technical_project(tmp_path: Path) -> Path:
    """A project whose config says technical readers: only an editor setting can make 'pipeline' jargon here."""
    (tmp_path / "plainpitch.toml").write_text('profile = "technical"\nselect = ["ALL"]\n', encoding="utf-8")
    return tmp_path


@pytest.mark.slow
def test_neovim_snippet(tmp_path):
    lua = snippet('vim.lsp.config("plainpitch"')
    command = re.findall(r'"([^"]+)"', re.search(r"cmd = \{([^}]*)\}", lua).group(1))
    filetypes = re.findall(r'"([^"]+)"', re.search(r"filetypes = \{([^}]*)\}", lua).group(1))
    profile = re.search(r'settings = \{ plainpitch = \{ profile = "(\w+)" \} \}', lua).group(1)
    assert set(filetypes) <= set(LANGUAGE_FORMATS)  # Neovim sends the filetype as the language id
    settings = {"plainpitch": {"profile": profile}}
    words = _run(_jargon_with(command, _technical_project(tmp_path), caps="neovim", configuration=settings))
    assert "pipeline" in words  # the snippet's business profile reached the server


@pytest.mark.slow
def test_helix_snippet(tmp_path):
    config = tomllib.loads(snippet("[language-server.plainpitch]", "docs/integrations.md"))
    server = config["language-server"]["plainpitch"]
    command = [server["command"], *server["args"]]
    assert all("plainpitch" in lang["language-servers"] for lang in config["language"])
    assert {lang["name"] for lang in config["language"]} <= set(LANGUAGE_FORMATS)
    words = _run(_jargon_with(command, _technical_project(tmp_path), caps="neovim", options=server["config"]))
    assert "pipeline" in words  # `config` arrives as initializationOptions


@pytest.mark.slow
def test_vscode_snippet(tmp_path):
    settings = json.loads(snippet('{\n  "glspc.server.command"', "docs/integrations.md"))
    command = [settings["glspc.server.command"], *settings["glspc.server.commandArguments"]]
    assert set(settings["glspc.server.languageId"]) <= set(LANGUAGE_FORMATS)
    pulled = {"plainpitch": {"profile": settings["plainpitch.profile"]}}  # what getConfiguration("plainpitch") returns
    words = _run(_jargon_with(command, _technical_project(tmp_path), caps="visual-studio-code", configuration=pulled))
    assert "pipeline" in words


@pytest.mark.slow
def test_without_editor_settings_the_project_config_decides(tmp_path):
    words = _run(_jargon_with(["plainpitch", "lsp"], _technical_project(tmp_path), caps="neovim"))
    assert "pipeline" not in words  # the control for the three tests above


def test_the_docs_ci_snippets_use_what_exists():
    hooks = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    for path in ("README.md", "docs/integrations.md"):
        config = yaml.safe_load(snippet("repos:", path))
        assert {h["id"] for r in config["repos"] for h in r["hooks"]} <= hooks
        workflow = yaml.safe_load(snippet("on: pull_request", path))
        action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
        for job in workflow["jobs"].values():
            for step in job["steps"]:
                if step.get("uses", "").startswith("plainpitch/"):
                    assert set(step["with"]) <= set(action["inputs"]), path
