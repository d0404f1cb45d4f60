"""Report renderers. Each format lives in its own module, imported only when asked for."""

from __future__ import annotations

import importlib
from typing import Any

from plainpitch.model import Report

RENDERERS = {
    "text": "plainpitch.emit.text:render",
    "json": "plainpitch.emit.json_report:render",
    "sarif": "plainpitch.emit.sarif:render",
    "html": "plainpitch.emit.html:render",
    "markdown": "plainpitch.emit.markdown:render",
    "github": "plainpitch.emit.github:render",
}


def render(report: Report, fmt: str, **options: Any) -> str:
    """Render the whole report; renderers ignore options they do not use."""
    module, func = RENDERERS[fmt].split(":")
    return getattr(importlib.import_module(module), func)(report, **options)
