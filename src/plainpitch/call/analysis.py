"""analyze_call: one call transcript (a Document of turns) -> a DocumentReport with the call coaching.

Steps: assign roles (``--me``, config, or a guess with a warning) and set them on the turns; run the engine with
medium "call" so the TLK rules, the ``call.*`` metrics and ``details["call"]`` are produced; run the jargon rules
(JRG001, JRG002) on the seller's turns only — copy rules do not run on calls by default, and what the buyer says
is not the seller's jargon; then add the jargon rate and a call score.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from plainpitch.call.roles import SELLER, apply_roles, assign_roles
from plainpitch.config import Config
from plainpitch.model import Deduction, Document, DocumentReport, Finding, Metric, Score, SubScore

JARGON_CODES = ("JRG001", "JRG002")
# Call score: what each finding costs (points) in its part; parts weighted into the overall score.
TALK_POINTS = {"suggestion": 5.0, "warning": 12.0, "error": 25.0}
JARGON_POINTS = {"suggestion": 1.5, "warning": 4.0, "error": 12.0}  # per finding, per 100 seller words
WEIGHTS = {"talk": 0.7, "jargon": 0.3}


def _names(me: Any) -> list[str]:
    if not me:
        return []
    if isinstance(me, str):
        return [me]
    return [str(m) for m in me]


# Speech-to-text leaves misspellings ("inbetween") and markup ("V_C_R_") that look like coinages or code to the
# copy rule; in a transcript only terms the lexicon knows, product names and acronyms count as the seller's jargon.
WRITTEN_ONLY_REASONS = frozenset({"rare", "code"})


def _spoken_jargon(finding: Finding, seller_turns: set[int]) -> bool:
    return finding.turn in seller_turns and finding.data.get("reason") not in WRITTEN_ONLY_REASONS


def _jargon_rules(config: Config) -> list:
    """JRG001/JRG002 if they are installed and selected (they are written in parallel: tolerate their absence)."""
    from plainpitch.engine import selected_rules

    try:
        chosen = selected_rules(replace(config, medium=None), "text")
    except LookupError:  # a --select naming a rule that does not exist yet
        return []
    return [r for r in chosen if r.meta.code in JARGON_CODES]


def analyze_call(doc: Document, me: Iterable[str] | str = (), call_type: str | None = None,
                 config: Config | None = None) -> DocumentReport:  # fmt: skip
    """Coach one call. ``me``: the seller's names as in the transcript; ``call_type``: discovery|demo|cold|closing."""
    from plainpitch.engine import analyze, selected_rules

    config = config or Config()
    call_cfg = dict(config.call or {})
    roles = assign_roles(doc, me=_names(me), config_me=_names(call_cfg.get("me")))
    doc = apply_roles(replace(doc, medium="call") if doc.medium != "call" else doc, roles)
    doc = replace(doc, meta={**doc.meta, "roles": roles})  # on the Document: facts use them (and their note)
    if call_type:
        call_cfg["type"] = call_type
    cfg = replace(config, call=call_cfg, medium=None)
    rules = selected_rules(cfg, "call") + _jargon_rules(cfg)
    report = analyze(doc, cfg, rules=rules)

    seller_turns = {u.turn.index for u in doc.units if u.turn is not None and u.turn.role == SELLER}
    findings = tuple(f for f in report.findings if f.code not in JARGON_CODES or _spoken_jargon(f, seller_turns))
    seller_words = sum(1 for w in doc.words if doc.units[w.unit].turn is not None and doc.units[w.unit].turn.role == SELLER)
    jargon = [f for f in findings if f.code in JARGON_CODES]
    has_jargon_rules = any(r.meta.code in JARGON_CODES for r in rules)
    metrics = list(report.metrics)
    if report.metrics:
        metrics.append(Metric(
            "call.jargon_per_100.seller",
            round(100.0 * len(jargon) / seller_words, 2) if seller_words and has_jargon_rules else None,
            "Jargon per 100 seller words", "per 100 words",
            "" if has_jargon_rules else "the jargon rules (JRG001, JRG002) are not installed",
        ))  # fmt: skip
    details = dict(report.details)
    if "call" in details:
        call = dict(details["call"])
        call["jargon"] = [{"turn": f.turn, "time": f.time, "code": f.code, "text": f.text, "line": f.location.line}
                          for f in jargon]  # fmt: skip
        details["call"] = call
        notes = tuple(call.get("notes", ())) + tuple(n for n in report.notes if n not in call.get("notes", ()))
    else:
        notes = report.notes + ((roles.note,) if roles.note else ())
    score = call_score(findings, seller_words) if doc.units else None
    return replace(report, findings=findings, metrics=tuple(metrics), details=details, notes=notes, score=score,
                   document=doc)  # fmt: skip


def call_score(findings: Iterable[Finding], seller_words: int) -> Score:
    """0-100: talk (the TLK findings, each at full cost) and jargon (per 100 seller words), weighted 70/30."""
    scale = max(1.0, seller_words / 100)
    costs: dict[str, dict[str, list[float]]] = {"talk": {}, "jargon": {}}
    for f in findings:
        if f.code.startswith("TLK"):
            costs["talk"].setdefault(f.code, []).append(TALK_POINTS[f.severity])
        elif f.code in JARGON_CODES:
            costs["jargon"].setdefault(f.code, []).append(JARGON_POINTS[f.severity] / scale)
    parts = []
    for name in ("talk", "jargon"):
        deductions = tuple(sorted((Deduction(code, round(sum(p), 2), len(p)) for code, p in costs[name].items()),
                                  key=lambda d: (-d.points, d.code)))  # fmt: skip
        parts.append(SubScore(name, round(max(0.0, 100.0 - sum(d.points for d in deductions)), 1), deductions))
    overall = sum(WEIGHTS[p.name] * p.value for p in parts)
    return Score(round(overall, 1), tuple(parts))
