"""One editor buffer -> plainpitch's report on it, with the project's config found from the document's folder.

No LSP types here: the server turns an ``Analysis`` into diagnostics, hovers and code actions (features.py).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from plainpitch.config import Config, config_for
from plainpitch.engine import analyze
from plainpitch.formats import copy_format_for
from plainpitch.ingest import load_text
from plainpitch.ingest.decode import MAX_BYTES
from plainpitch.ingest.errors import LoadError
from plainpitch.lsp.positions import UTF16, Positions
from plainpitch.model import DocumentReport

# LSP language ids (and what editors commonly call the same formats) -> plainpitch's input format
LANGUAGE_FORMATS = {
    "markdown": "markdown", "mdx": "markdown", "html": "html", "plaintext": "text", "text": "text",
    "email": "email", "eml": "email", "mail": "email",
}  # fmt: skip


class NotCopy(Exception):
    """The buffer is not a format plainpitch reads (a source file, a transcript...): left alone."""


@dataclass(frozen=True)
class Settings:
    """What the editor's settings may override on top of the project's config file (None: keep the file's)."""

    profile: str | None = None
    context: str | None = None

    def apply(self, config: Config) -> Config:
        return config.with_overrides(profile=self.profile, context=self.context)


@dataclass(frozen=True)
class Analysis:
    uri: str
    version: int | None
    report: DocumentReport
    positions: Positions
    config: Config  # what the report was made with (the project's file and the editor's settings): rewrites reuse it


def input_format(path: str | None, language_id: str | None) -> str:
    """By the file's extension first (as ``plainpitch check`` does), else by the editor's language id."""
    if path and (found := copy_format_for(path)) is not None:
        return found
    fmt = LANGUAGE_FORMATS.get((language_id or "").lower())
    if fmt is None:
        raise NotCopy(path or language_id or "document")
    return fmt


def project_config(path: str | None, fallback_folder: str | None) -> Config:
    """The nearest plainpitch.toml / [tool.plainpitch] above the document (read again each time: a saved change
    to the config applies at the next keystroke). Raises ConfigError with a one-line message."""
    folder = os.path.dirname(path) if path else fallback_folder
    return config_for(Path(folder)) if folder else Config()


def analyse(uri: str, version: int | None, text: str, *, path: str | None, language_id: str | None,
            settings: Settings, workspace_folder: str | None = None, encoding: str = UTF16) -> Analysis:  # fmt: skip
    """Raises NotCopy, or ConfigError / LoadError with a one-line message for the user."""
    fmt = input_format(path, language_id)
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        raise LoadError(path or uri, f"is {size / 1_048_576:.1f} MB; plainpitch reads at most {MAX_BYTES // 1_048_576} MB")
    config = settings.apply(project_config(path, workspace_folder))
    doc = load_text(text, path or uri, fmt)
    return Analysis(uri, version, analyze(doc, config), Positions(text, encoding), config)

