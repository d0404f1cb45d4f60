"""The checked rewrite of one finding in an editor buffer, as a quick fix.

The same pipeline as `plainpitch rewrite` and the web editor's Rewrite action (``plainpitch.rewrite``): offline
rewriters only (nothing leaves the machine), every rule on while checking (a rewrite must add no finding of any
rule and must not lower the default score), and only a rewrite that passed those checks becomes a fix. One
rewrite takes up to a few hundred milliseconds, so the server computes it only when asked for one finding
(codeAction/resolve, or the finding under the cursor for a client that cannot resolve).
"""

from __future__ import annotations

import logging

from plainpitch.engine import analyze
from plainpitch.ingest import load_text
from plainpitch.lsp.analysis import Analysis
from plainpitch.lsp.features import Edit, Fix
from plainpitch.model import Finding
from plainpitch.rewrite import rewrite
from plainpitch.rewrite.model import OFFERED
from plainpitch.rewrite.rewriters import for_code

SNIPPET = 40  # characters of the flagged text a menu title quotes
log = logging.getLogger(__name__)

Key = tuple[str, int, int]  # a finding as the editor's action names it: rule code and source offsets


def key(f: Finding) -> Key:
    return f.code, f.location.start, f.location.end


def rewritable(f: Finding) -> bool:
    """The rule has an offline rewriter (most findings have none: no action is offered for them)."""
    return bool(for_code(f.code))


def title(f: Finding) -> str:
    """Known before the rewrite is made, so a lazy action and its resolved form read the same."""
    text = " ".join(f.text.split())
    if len(text) > SNIPPET:
        text = text[: SNIPPET - 1].rstrip() + "…"
    return f"Rewrite '{text}' ({f.code}, checked by plainpitch)"


def find(analysis: Analysis, wanted: Key) -> Finding | None:
    return next((f for f in analysis.report.findings if key(f) == wanted), None)


def fixes_for(analysis: Analysis, finding: Finding) -> tuple[Fix, ...]:
    """The offered rewrite of this finding as a Fix (edits in the buffer's source offsets), or nothing when no
    candidate passed the checks. Runs on the server's analysis worker (it analyses the text again)."""
    doc = analysis.report.document
    assert doc is not None
    try:
        config = analysis.config.with_overrides(all=True)  # as `plainpitch rewrite`: every rule, for the checks
        report = analyze(load_text(doc.source, doc.path, doc.format), config)
        result = rewrite(report, config, only=lambda f: key(f) == key(finding), questions=False)
    except Exception:  # a rewriter's bug must not take the server down: no fix, and the log says why
        log.exception("rewrite of %s at %d failed", finding.code, finding.location.start)
        return ()
    out = []
    for o in result.outcomes:
        if o.status == OFFERED and o.source_edits:
            edits = tuple(Edit(e.start, e.end, e.replacement) for e in o.source_edits)
            out.append(Fix(title(finding), finding, edits))
    return tuple(out)


def data(analysis: Analysis, f: Finding) -> dict:
    """What a lazy action carries to codeAction/resolve: the buffer version and the finding it rewrites."""
    code, start, end = key(f)
    return {"rewrite": {"uri": analysis.uri, "version": analysis.version, "code": code, "start": start, "end": end}}


def from_data(value: object) -> tuple[str, int | None, Key] | None:
    """The (uri, version, finding key) in a lazy action's data; None for data that is not ours."""
    found = value.get("rewrite") if isinstance(value, dict) else None
    if not isinstance(found, dict):
        return None
    uri, version, code, start, end = (found.get(k) for k in ("uri", "version", "code", "start", "end"))
    whole = all(isinstance(n, int) and not isinstance(n, bool) for n in (start, end))
    if not (isinstance(uri, str) and isinstance(code, str) and whole and (version is None or isinstance(version, int))):
        return None
    return uri, version, (code, start, end)
