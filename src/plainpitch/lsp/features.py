"""An Analysis as LSP answers: diagnostics, hovers and code actions.

Code actions come from ``FIX_PROVIDERS``: functions ``(analysis, findings) -> iterable of Fix``, where ``findings``
are the ones under the editor's selection; they must be cheap, as editors ask on every cursor move. The rule's own
safe replacements are the first provider. The checked rewrites of the rewrite feature cost a re-analysis each,
so they are not a provider: the server offers them as lazy actions (``lazy_action``, ``data`` names the finding)
and fills the edit in on codeAction/resolve (lsp/rewrites.py, lsp/server.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from lsprotocol import types

from plainpitch.emit.fixes import applicable, title
from plainpitch.emit.sarif import RULE_DOCS_URI
from plainpitch.emit.text import clean
from plainpitch.lsp.analysis import Analysis
from plainpitch.model import Finding, Location

SOURCE = "plainpitch"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "suggestion": types.DiagnosticSeverity.Information,
}
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~&])")


@dataclass(frozen=True)
class Edit:
    """Replace ``Document.source[start:end]`` (the analysed text's offsets) with ``text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Fix:
    title: str
    finding: Finding
    edits: tuple[Edit, ...]
    preferred: bool = False


def rule_replacements(analysis: Analysis, findings: Sequence[Finding]) -> Iterable[Fix]:
    """The rule's own suggestions that can be applied as they are ('automated steps' for 'pipeline')."""
    for f in findings:
        for i, s in enumerate(applicable(f)):
            yield Fix(title(f, s), f, (Edit(f.location.start, f.location.end, s.replacement),), preferred=i == 0)


FIX_PROVIDERS: list[Callable[[Analysis, Sequence[Finding]], Iterable[Fix]]] = [rule_replacements]


# -- positions ------------------------------------------------------------------------------------------------


def finding_range(analysis: Analysis, loc: Location) -> types.Range:
    start = analysis.positions.to_lsp(loc.line, loc.column)
    end = analysis.positions.to_lsp(loc.end_line, loc.end_column)
    return types.Range(types.Position(*start), types.Position(*end))


def offset_range(analysis: Analysis, start: int, end: int) -> types.Range:
    doc = analysis.report.document
    assert doc is not None
    a = analysis.positions.to_lsp(*doc.line_col(start))
    b = analysis.positions.to_lsp(*doc.line_col(end))
    return types.Range(types.Position(*a), types.Position(*b))


def findings_in(analysis: Analysis, rng: types.Range) -> list[Finding]:
    """Findings whose range touches the given one (a cursor right after a word still counts as on it)."""
    lo = (rng.start.line, rng.start.character)
    hi = (rng.end.line, rng.end.character)
    out = []
    for f in analysis.report.findings:
        r = finding_range(analysis, f.location)
        if (r.start.line, r.start.character) <= hi and lo <= (r.end.line, r.end.character):
            out.append(f)
    return out


# -- diagnostics ----------------------------------------------------------------------------------------------


def diagnostic(analysis: Analysis, f: Finding) -> types.Diagnostic:
    return types.Diagnostic(
        range=finding_range(analysis, f.location),
        message=clean(f.message),
        severity=SEVERITY[f.severity],
        code=f.code,
        code_description=types.CodeDescription(href=RULE_DOCS_URI.format(code=f.code)),
        source=SOURCE,
        data={"name": f.name},
    )


def diagnostics(analysis: Analysis) -> list[types.Diagnostic]:
    return [diagnostic(analysis, f) for f in analysis.report.findings]


# -- hover ----------------------------------------------------------------------------------------------------


def md(text: str) -> str:
    """User text inside Markdown: no links, images or HTML can be smuggled into the editor's hover."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", clean(text))


def hover(analysis: Analysis, position: types.Position) -> types.Hover | None:
    from plainpitch.rules.base import UnknownRule, find_rule

    found = findings_in(analysis, types.Range(position, position))
    if not found:
        return None
    parts = []
    for f in found:
        block = [f"**{f.code} {md(f.name)}** ({f.severity}): {md(f.message)}"]
        try:
            block.append(f"*Why it costs the sale:* {md(find_rule(f.code).meta.why)}")
        except UnknownRule:  # a finding from a rule that is not registered (a plugin gone since): no why to show
            pass
        block.append(f"*Fix:* {md(f.fix)}")
        concrete = [s.replacement for s in applicable(f) if s.replacement]
        if concrete:
            block.append("*Try:* " + " · ".join(md(r) for r in concrete))
        parts.append("\n\n".join(block))
    first = finding_range(analysis, found[0].location)
    return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, "\n\n---\n\n".join(parts)), first)


# -- code actions ---------------------------------------------------------------------------------------------


def text_edits(analysis: Analysis, edits: Sequence[Edit]) -> list[types.TextEdit]:
    newline = analysis.positions.newline
    return [types.TextEdit(offset_range(analysis, e.start, e.end), e.text.replace("\n", newline)) for e in edits]


def workspace_edit(analysis: Analysis, edits: Sequence[Edit], versioned: bool) -> types.WorkspaceEdit:
    """``versioned``: the client takes documentChanges, so an edit computed for an older version of the buffer is
    refused instead of applied in the wrong place."""
    changes = text_edits(analysis, edits)
    if versioned:
        doc_id = types.OptionalVersionedTextDocumentIdentifier(analysis.uri, analysis.version)
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(doc_id, changes)])
    return types.WorkspaceEdit(changes={analysis.uri: changes})


def fix_action(analysis: Analysis, fix: Fix, versioned: bool) -> types.CodeAction:
    return types.CodeAction(
        title=clean(fix.title), kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic(analysis, fix.finding)],
        is_preferred=fix.preferred, edit=workspace_edit(analysis, fix.edits, versioned),
    )  # fmt: skip


def lazy_action(analysis: Analysis, finding: Finding, title: str, data: dict) -> types.CodeAction:
    """A quick fix whose edit the client asks for (codeAction/resolve) only when the writer picks or previews it."""
    return types.CodeAction(
        title=clean(title), kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic(analysis, finding)],
        data=data,
    )  # fmt: skip


def code_actions(analysis: Analysis, rng: types.Range, versioned: bool) -> list[types.CodeAction]:
    """Quick fixes from the providers for the findings under the range."""
    found = findings_in(analysis, rng)
    return [fix_action(analysis, fix, versioned) for provider in FIX_PROVIDERS for fix in provider(analysis, found)]
