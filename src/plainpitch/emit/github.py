"""GitHub Actions workflow commands (``--format github``): one annotation per finding, shown on the pull request.

    ::warning file=site/index.md,line=6,col=3,endLine=6,endColumn=14,title=JRG001 unexplained-jargon::message

The runner reads one command per line and un-escapes ``%25``, ``%0D`` and ``%0A`` in the message, and also
``%3A`` and ``%2C`` in property values (where ``:`` ends the properties and ``,`` separates them), so copy can
never end a command early, start a new one (``::add-mask::``, ``::stop-commands::``) or forge a property.
Terminal controls and bidi overrides in user text are replaced first, as in the text report.

Columns are 1-based code points like plainpitch's own locations; the runner wants ``endColumn`` inclusive and
no columns at all when an annotation spans several lines. Severity: error -> error, warning -> warning,
suggestion -> notice. A file that could not be read becomes an ``::error`` on that file.
"""

from __future__ import annotations

import os
from typing import Any

from plainpitch.emit.text import clean
from plainpitch.model import Finding, Report
from plainpitch.text import lazy_re

_BREAKS = lazy_re.compile(r"([\r\n])")
COMMANDS = {"error": "error", "warning": "warning", "suggestion": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, cwd: str | None = None, **_: Any) -> str:
    cwd = cwd or os.getcwd()
    lines = []
    for d in report.documents:
        path = _repo_path(d.path, cwd)
        lines.extend(annotation(f, path) for f in d.findings)
    for err in report.errors:
        lines.append(command("error", {"file": _repo_path(err.path, cwd), "title": "plainpitch"}, err.message))
    return "".join(line + "\n" for line in lines)


def annotation(f: Finding, path: str | None) -> str:
    loc = f.location
    props: dict[str, Any] = {"file": path, "line": loc.line}
    if loc.end_line == loc.line:
        props["col"] = loc.column
        props["endLine"] = loc.end_line
        props["endColumn"] = max(loc.column, loc.end_column - 1)  # inclusive for the runner; ours is exclusive
    else:
        props["endLine"] = loc.end_line
    props["title"] = f"{f.code} {f.name}"
    return command(COMMANDS[f.severity], props, f"{f.message}\nfix: {f.fix}")


def command(name: str, props: dict[str, Any], message: str) -> str:
    fields = ",".join(f"{key}={escape_property(_safe(str(value)))}" for key, value in props.items() if value is not None)
    return f"::{name} {fields}::{escape_data(_safe(message))}"


def _safe(text: str) -> str:
    """Terminal controls out, line breaks kept: escaping carries them (a file name may really hold one)."""
    return "".join(part if part in ("\r", "\n") else clean(part) for part in _BREAKS.split(text))


def _repo_path(path: str, cwd: str) -> str | None:
    """Relative to the working directory (the repository root in a workflow), which is what annotations need."""
    if path in ("-", "<stdin>"):
        return None
    absolute = os.path.abspath(os.path.join(cwd, path))
    relative = os.path.relpath(absolute, cwd)
    return absolute if relative.startswith(os.pardir) else relative.replace(os.sep, "/")
