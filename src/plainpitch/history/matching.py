"""Which open deal a call belongs to, from its participants: the way call recorders link a meeting to a CRM
opportunity (attendees' e-mail addresses and domains against the opportunity's contacts and account domain).

Evidence, strongest first (only the buyer's side counts: the seller's own domain is in every call):
- a participant's e-mail address is a contact's address                         (3 points)
- a participant's e-mail domain is the deal's domain or a contact's domain      (2)
- a participant's full name (two words or more) is a contact's name             (2)
A single first name never links a call, nor does a free-mail domain (gmail.com...). The deal with the most points
wins; a tie leaves the call unlinked, with the reason (use ``--deal``). Precision first: a wrong link puts one
customer's call on another's timeline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from plainpitch.history.records import Participant

FREE_MAIL = frozenset({
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com",
    "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "gmx.net", "gmx.de",
    "mail.com", "zoho.com", "yandex.com", "fastmail.com", "web.de", "hey.com",
})  # fmt: skip


@dataclass(frozen=True)
class DealCandidate:
    id: int
    name: str
    domain: str | None = None
    contacts: tuple[tuple[str | None, str | None], ...] = ()  # (name, email)


def norm_name(name: str | None) -> str:
    """'  Sam   OKAFOR (Acme) ' -> 'sam okafor': case, spacing and a trailing bracket do not matter."""
    if not name:
        return ""
    name = re.sub(r"\s*[(<\[].*$", "", name)
    return " ".join(name.casefold().split())


def domain_of(email: str | None) -> str | None:
    if not email or "@" not in email:
        return None
    return email.rsplit("@", 1)[1].strip().lower().rstrip(".") or None


def norm_domain(domain: str | None) -> str | None:
    if not domain:
        return None
    domain = domain.strip().lower().removeprefix("@").removeprefix("www.").rstrip(".")
    return domain or None


def _evidence(deal: DealCandidate, people: list[Participant]) -> tuple[int, str]:
    emails = {(e or "").lower() for _, e in deal.contacts if e}
    domains = {d for d in (domain_of(e) for e in emails) if d and d not in FREE_MAIL}
    if (own := norm_domain(deal.domain)) and own not in FREE_MAIL:
        domains.add(own)
    names = {n for n in (norm_name(c) for c, _ in deal.contacts) if len(n.split()) >= 2}
    points, reasons = 0, []
    for person in people:
        email = (person.email or "").lower()
        if email and email in emails:
            points, why = points + 3, f"contact {email}"
        elif (dom := domain_of(email)) and dom in domains:
            points, why = points + 2, f"e-mail domain {dom}"
        elif norm_name(person.name) in names:
            points, why = points + 2, f"contact {norm_name(person.name).title()}"
        else:
            continue
        if why not in reasons:
            reasons.append(why)
    return points, ", ".join(reasons)


def match_deal(participants: Iterable[Participant], deals: Iterable[DealCandidate]) -> tuple[int | None, str]:
    """(deal id, why) for the one best-supported deal; (None, why not) when none or several fit."""
    people = [p for p in participants if p.role != "seller"]
    scored = sorted(((*_evidence(d, people), d) for d in deals), key=lambda t: -t[0])
    scored = [s for s in scored if s[0] > 0]
    if not scored:
        return None, "no participant matches a deal's contacts or domain"
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        tied = ", ".join(d.name for p, _, d in scored if p == scored[0][0])
        return None, f"participants match several deals equally ({tied}): use --deal"
    points, why, deal = scored[0]
    return deal.id, why
