"""plainpitch: coaches technical people to sell. Public API only; the work happens in the submodules.

    >>> import plainpitch
    >>> report = plainpitch.check_text("Our K8s-native CDC pipeline leverages Kafka.", fmt="text")
    >>> [f.code for f in report.findings]  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from plainpitch.version import __version__

if TYPE_CHECKING:  # pragma: no cover
    from plainpitch.config import Config
    from plainpitch.model import Document, DocumentReport, Report

__all__ = [
    "__version__",
    "analyze",
    "check_text",
    "check_paths",
    "load",
    "load_text",
    "Config",
    "Document",
    "DocumentReport",
    "Finding",
    "Report",
]


def load(path: str, fmt: str | None = None) -> Document:
    """Load a file (Markdown, HTML, email, text) into a Document."""
    from plainpitch.ingest import load_path

    return load_path(path, fmt)


def load_text(text: str, path: str = "-", fmt: str | None = None) -> Document:
    from plainpitch.ingest import load_text as _load_text

    return _load_text(text, path, fmt)


def analyze(doc: Document, config: Config | None = None, **overrides: Any) -> DocumentReport:
    """Run the rules over a loaded Document."""
    from plainpitch.config import Config as _Config
    from plainpitch.engine import analyze as _analyze

    cfg = (config or _Config()).with_overrides(**overrides) if overrides else config
    return _analyze(doc, cfg)


def check_text(text: str, path: str = "-", fmt: str | None = None, config: Config | None = None, **overrides: Any) -> DocumentReport:
    """Load and analyse a string in one call."""
    return analyze(load_text(text, path, fmt), config, **overrides)


def check_paths(paths: list[str], config: Config | None = None, **overrides: Any) -> Report:
    from plainpitch.runner import check_paths as _check_paths

    return _check_paths(paths, config, **overrides)


def __getattr__(name: str) -> Any:
    if name in {"Document", "DocumentReport", "Finding", "Report", "Span", "Metric"}:
        from plainpitch import model

        return getattr(model, name)
    if name == "Config":
        from plainpitch.config import Config as _Config

        return _Config
    raise AttributeError(name)
