"""Who is selling and who is buying.

In order: the names given with ``--me`` (repeatable); ``me = [...]`` under ``[tool.plainpitch.call]``; roles the
transcript already carries; the export's own user — Granola, Fireflies-style and other recorder exports label the
person who recorded the call "You" or "Me", and that is the user of plainpitch, the seller; else a guess — the
speaker who talks most like a seller (about "our product", "we offer", "let me show you"; asks about "your team")
and, on a tie, the one who speaks first — with a warning in the report notes, because every talk measure depends
on it. Several people may sit on each side: everyone named is a seller, everyone else a buyer.

``with_roles`` puts the decision on the Document itself: each turn's ``role``, and ``meta["roles"]`` (who, how it
was decided, and the note for the report), so that every rule and measure reads the same roles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from operator import attrgetter
from typing import Any

from plainpitch.model import Document, Turn, Unit
from plainpitch.text import lazy_re
from plainpitch.text.ascii_case import CaseBlind

SELLER = "seller"
BUYER = "buyer"
# How recorder exports name the person who recorded the call (Granola: "You"/"Guest" and "Me"/"Them").
USER_LABELS = frozenset({"you", "me"})

# Phrases that mark the selling side (present tense, about "our" offer) and the buying side (their current state).
SELLER_CUES = lazy_re.compile(
    r"\b(?:our\s+(?:product|platform|tool|solution|service|customers|clients|pricing|plans?|api|team\s+can|engineers\s+can|"
    r"roadmap|integration|offering|software|app)|we\s+(?:offer|provide|built|build|support|integrate|help|can\s+help|work\s+with|"
    r"sell|charge|also\s+have|just\s+launched)|let\s+me\s+(?:show|share|walk|pull\s+up|demo)|i'?ll\s+send|calling\s+from|"
    r"reason\s+(?:for\s+my|i'?m)\s+call|(?:book|schedule)\s+(?:a\s+)?(?:demo|call|meeting)|free\s+trial|tell\s+me\s+(?:about|more)|"
    r"walk\s+me\s+through|your\s+(?:team|company|current|biggest|process|stack|goals?|budget|timeline))\b",
    re.IGNORECASE,
)
BUYER_CUES = lazy_re.compile(
    r"\b(?:we(?:'re|\s+are)?\s+(?:currently\s+)?using|we\s+use|our\s+(?:current|existing)\s+(?:tool|vendor|setup|system|provider)|"
    r"how\s+much\s+(?:does|is|would)\s+(?:it|that|this)|what\s+does\s+(?:it|that)\s+cost|does\s+(?:it|your\s+\w+)\s+"
    r"(?:support|integrate|work)|can\s+(?:it|your\s+\w+)\s+(?:do|handle|support)|we(?:'re|\s+are)\s+evaluating|our\s+budget|"
    r"send\s+me|my\s+boss|my\s+manager|our\s+(?:cto|cfo|ceo|procurement|legal))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Roles:
    sellers: frozenset[str]
    buyers: frozenset[str]
    source: str  # transcript | me | config | guess | none
    note: str = ""  # a warning for the report (guessed roles, a --me name that matched nobody)

    def role_of(self, speaker: str) -> str:
        if speaker in self.sellers:
            return SELLER
        if speaker in self.buyers:
            return BUYER
        return "unknown"


def speakers_in_order(doc: Document) -> list[str]:
    seen: dict[str, None] = {}
    for unit in doc.units:
        if unit.turn is not None:
            seen.setdefault(unit.turn.speaker, None)
    return list(seen)


def _norm(name: str) -> str:
    return " ".join(name.lower().split())


def match_names(names: Iterable[str], speakers: list[str]) -> tuple[set[str], list[str]]:
    """Speakers matched by each name (exact, else first name or any whole word of the label), and names unmatched."""
    matched: set[str] = set()
    missing: list[str] = []
    for raw in names:
        name = _norm(raw)
        if not name:
            continue
        exact = {s for s in speakers if _norm(s) == name}
        if not exact:
            exact = {s for s in speakers if name in _norm(s).replace("(", " ").replace(")", " ").split()}
        if not exact:
            exact = {s for s in speakers if _norm(s).startswith(name + " ")}
        if exact:
            matched |= exact
        else:
            missing.append(raw)
    return matched, missing

_SELLER_COUNT, _BUYER_COUNT = CaseBlind(SELLER_CUES), CaseBlind(BUYER_CUES)  # text.ascii_case: counted faster


def _guess(doc: Document, speakers: list[str]) -> tuple[str, str]:
    """The likeliest seller and why."""
    said: dict[str, list[str]] = {s: [] for s in speakers}
    text = doc.text
    for unit in doc.units:
        if unit.turn is not None:
            said[unit.turn.speaker].append(text[unit.start : unit.end])
    # each speaker's turns counted together (one pattern run per speaker, not one per turn)
    score = {s: _SELLER_COUNT.count_all(said[s]) - _BUYER_COUNT.count_all(said[s]) for s in speakers}
    words = {s: sum(chunk.count(" ") + 1 for chunk in said[s]) for s in speakers}
    del said
    first = speakers[0]
    ranked = sorted(speakers, key=lambda s: (-score[s], s != first, -words[s]))
    best = ranked[0]
    if len(ranked) > 1 and score[best] > score[ranked[1]]:
        why = "talks most like a seller: about our product, asking about your team"
    else:
        why = "speaks first"
    return best, why


def _names(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def assign_roles(doc: Document, me: Iterable[str] | str = (), config_me: Iterable[str] | str = ()) -> Roles:
    speakers = speakers_in_order(doc)
    if not speakers:
        return Roles(frozenset(), frozenset(), "none")
    me = [m for m in _names(me) if m.strip()]
    config_me = [m for m in _names(config_me) if m.strip()]
    notes = []
    for source, names in (("me", me), ("config", config_me)):
        if not names:
            continue
        matched, missing = match_names(names, speakers)
        if missing:
            where = "--me" if source == "me" else "config me"
            notes.append(f"{where} {', '.join(repr(m) for m in missing)} matched no speaker (speakers: {', '.join(speakers)})")
        if matched:
            buyers = frozenset(s for s in speakers if s not in matched)
            return Roles(frozenset(matched), buyers, source, "; ".join(notes))
    given = {u.turn.speaker: u.turn.role for u in doc.units if u.turn is not None and u.turn.role in (SELLER, BUYER)}
    if given:
        sellers = {s for s, r in given.items() if r == SELLER}
        return Roles(frozenset(sellers), frozenset(s for s in speakers if s not in sellers), "transcript",
                     "; ".join(notes))  # fmt: skip
    users = [s for s in speakers if _norm(s) in USER_LABELS]
    if len(users) == 1 and len(speakers) > 1:
        user = users[0]
        notes.append(f"'{user}' is taken as the seller: recorder exports label the person who recorded the call "
                     f"'{user}' (pass --me NAME to choose someone else)")  # fmt: skip
        return Roles(frozenset({user}), frozenset(s for s in speakers if s != user), "export", "; ".join(notes))
    seller, why = _guess(doc, speakers)
    notes.append(f"roles guessed: {seller} is taken as the seller ({why}); pass --me NAME to set it")
    return Roles(frozenset({seller}), frozenset(s for s in speakers if s != seller), "guess", "; ".join(notes))


_TURN_FIELDS = attrgetter(*(f.name for f in fields(Turn)))
_UNIT_FIELDS = attrgetter(*(f.name for f in fields(Unit)))
_ROLE_AT = [f.name for f in fields(Turn)].index("role")
_TURN_AT = [f.name for f in fields(Unit)].index("turn")


def _with_role(unit: Unit, turn: Turn, role: str) -> Unit:
    """``replace(unit, turn=replace(turn, role=role))``, made from the fields read in C (replace looks every field up
    by name each time: a third of the time a long call spends deciding its roles)."""
    values = list(_TURN_FIELDS(turn))
    values[_ROLE_AT] = role
    fields_of_unit = list(_UNIT_FIELDS(unit))
    fields_of_unit[_TURN_AT] = Turn(*values)
    return Unit(*fields_of_unit)


def apply_roles(doc: Document, roles: Roles) -> Document:
    """The same Document with each turn's role set and the decision in ``meta["roles"]`` (Documents are frozen:
    units are rebuilt, text is shared)."""
    units = []
    role_of: dict[str, str] = {}
    for unit in doc.units:
        turn = unit.turn
        if turn is not None:
            role = role_of.get(turn.speaker)
            if role is None:
                role = role_of[turn.speaker] = roles.role_of(turn.speaker)
            if role != turn.role:
                unit = _with_role(unit, turn, role)
        units.append(unit)
    meta = {**doc.meta, "roles": {"sellers": sorted(roles.sellers), "buyers": sorted(roles.buyers),
                                  "source": roles.source, "note": roles.note}}  # fmt: skip
    return replace(doc, units=tuple(units), meta=meta)


def with_roles(doc: Document, me: Iterable[str] | str = (), config_me: Iterable[str] | str = ()) -> Document:
    """The Document with its roles decided (see the module doc) and set on its turns."""
    return apply_roles(doc, assign_roles(doc, me, config_me))


def roles_of(doc: Document) -> Roles | None:
    """The roles ``with_roles`` set on this Document, or None when they were never decided."""
    info = doc.meta.get("roles")
    if not isinstance(info, dict):
        return None
    return Roles(frozenset(info.get("sellers", ())), frozenset(info.get("buyers", ())), str(info.get("source", "")),
                 str(info.get("note", "")))  # fmt: skip
