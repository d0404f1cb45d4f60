"""Deals: name, company, the buyer's domain, stage, amount, close date, contacts; and a call's link to one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from plainpitch.history import schema as t
from plainpitch.history.errors import HistoryError, UnknownDeal
from plainpitch.history.matching import DealCandidate, match_deal, norm_domain
from plainpitch.history.records import Participant
from plainpitch.history.runs import as_utc

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

STATUSES = ("open", "won", "lost")


@dataclass(frozen=True)
class DealInput:
    name: str
    company: str | None = None
    domain: str | None = None
    stage: str | None = None
    amount: Decimal | None = None
    currency: str | None = None
    close_date: date | None = None
    contacts: tuple[tuple[str | None, str | None], ...] = ()  # (name, email)
    status: str = "open"


def parse_amount(text: str | None) -> Decimal | None:
    if text is None or str(text).strip() == "":
        return None
    try:
        value = Decimal(str(text).replace(",", "").replace("_", "").strip())
    except InvalidOperation:
        raise HistoryError(f"amount {text!r} is not a number") from None
    if not value.is_finite() or value < 0 or value >= Decimal("1e14"):
        raise HistoryError(f"amount {text!r} is out of range")
    return value.quantize(Decimal("0.01"))


def parse_date(text: str | None, what: str = "close date") -> date | None:
    if text is None or str(text).strip() == "":
        return None
    try:
        return date.fromisoformat(str(text).strip()[:10])
    except ValueError:
        raise HistoryError(f"{what} {text!r} is not a date (YYYY-MM-DD)") from None


def parse_contact(text: str) -> tuple[str | None, str | None]:
    """'Sam Okafor <sam@acme.com>', 'sam@acme.com' or 'Sam Okafor' -> (name, email)."""
    text = text.strip()
    if "<" in text and text.endswith(">"):
        name, _, email = text[:-1].partition("<")
        return (name.strip() or None), (email.strip().lower() or None)
    if "@" in text and " " not in text:
        return None, text.lower()
    return (text or None), None


def _clean(deal: DealInput) -> dict[str, Any]:
    name = " ".join(deal.name.split())
    if not name:
        raise HistoryError("a deal needs a name")
    if len(name) > 200:
        raise HistoryError("a deal's name is at most 200 characters")
    if deal.status not in STATUSES:
        raise HistoryError(f"deal status {deal.status!r} is not one of {', '.join(STATUSES)}")
    currency = (deal.currency or "").strip().upper() or None
    if currency is not None and (len(currency) != 3 or not currency.isalpha()):
        raise HistoryError(f"currency {deal.currency!r} is not a three-letter code (USD, EUR...)")
    return {
        "name": name, "company": (deal.company or "").strip()[:200] or None, "domain": norm_domain(deal.domain),
        "stage": (deal.stage or "").strip()[:60] or None, "amount": deal.amount, "currency": currency,
        "close_date": deal.close_date, "status": deal.status,
    }  # fmt: skip


def add_deal(conn: Connection, deal: DealInput, now: datetime | None = None) -> int:
    from sqlalchemy import select

    row = _clean(deal)
    if conn.execute(select(t.deals.c.id).where(t.deals.c.name == row["name"])).first() is not None:
        raise HistoryError(f"a deal named {row['name']!r} already exists (plainpitch deal show {row['name']!r})")
    now = now or datetime.now(UTC)
    closed = now if row["status"] != "open" else None
    deal_id = conn.execute(t.deals.insert().values(**row, created_at=now, closed_at=closed)).inserted_primary_key[0]
    contacts = [{"deal_id": deal_id, "name": (n or "")[:200] or None, "email": (e or "")[:320].lower() or None}
                for n, e in deal.contacts if n or e]  # fmt: skip
    if contacts:
        conn.execute(t.deal_contacts.insert(), contacts)
    return deal_id


def deal_id(conn: Connection, name: str) -> int:
    """The id of the deal by that name (exact, else the one whose name matches ignoring case)."""
    from sqlalchemy import func, select

    name = " ".join(name.split())
    found = conn.execute(select(t.deals.c.id).where(t.deals.c.name == name)).scalar()
    if found is None:
        rows = conn.execute(select(t.deals.c.id).where(func.lower(t.deals.c.name) == name.lower())).scalars().all()
        found = rows[0] if len(rows) == 1 else None
    if found is None:
        raise UnknownDeal(f"no deal named {name!r} (plainpitch deal list shows them)")
    return found


def deal_name(conn: Connection, ident: int) -> str:
    from sqlalchemy import select

    return conn.execute(select(t.deals.c.name).where(t.deals.c.id == ident)).scalar_one()


def close_deal(conn: Connection, name: str, status: str, stage: str | None = None, now: datetime | None = None) -> None:
    if status not in ("won", "lost"):
        raise HistoryError(f"a deal closes as won or lost, not {status!r}")
    values: dict[str, Any] = {"status": status, "closed_at": now or datetime.now(UTC)}
    if stage:
        values["stage"] = stage.strip()[:60]
    conn.execute(t.deals.update().where(t.deals.c.id == deal_id(conn, name)).values(**values))


def _deal_dict(row: Any, contacts: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "name": row.name, "company": row.company, "domain": row.domain, "stage": row.stage,
        "amount": float(row.amount) if row.amount is not None else None, "currency": row.currency,
        "close_date": row.close_date.isoformat() if row.close_date else None, "status": row.status,
        "closed_at": as_utc(row.closed_at).isoformat() if row.closed_at else None,
        "created_at": as_utc(row.created_at).isoformat(), "contacts": contacts,
    }  # fmt: skip


def _contacts(conn: Connection, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    from sqlalchemy import select

    out: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
    c = t.deal_contacts.c
    for row in conn.execute(select(c.deal_id, c.name, c.email).where(c.deal_id.in_(ids)).order_by(c.id)):
        out[row.deal_id].append({"name": row.name, "email": row.email})
    return out


def list_deals(conn: Connection, status: str | None = None) -> list[dict[str, Any]]:
    """Every deal (or those with a status), with its number of calls and the last one's date."""
    from sqlalchemy import func, select

    d, r = t.deals.c, t.runs.c
    calls = (
        select(r.deal_id, func.count().label("calls"), func.max(r.occurred_at).label("last_call"))
        .where(r.kind == "call", r.deal_id.is_not(None))
        .group_by(r.deal_id)
        .subquery()
    )
    query = select(t.deals, calls.c.calls, calls.c.last_call).outerjoin(calls, calls.c.deal_id == d.id)
    if status:
        query = query.where(d.status == status)
    rows = conn.execute(query.order_by(d.status != "open", d.close_date.is_(None), d.close_date, d.name)).all()
    contacts = _contacts(conn, [row.id for row in rows])
    out = []
    for row in rows:
        item = _deal_dict(row, contacts[row.id])
        item["calls"] = row.calls or 0
        item["last_call"] = as_utc(row.last_call).isoformat() if row.last_call else None
        out.append(item)
    return out


def get_deal(conn: Connection, name: str) -> dict[str, Any]:
    from sqlalchemy import select

    ident = deal_id(conn, name)
    row = conn.execute(select(t.deals).where(t.deals.c.id == ident)).one()
    return {"id": ident, **_deal_dict(row, _contacts(conn, [ident])[ident])}


def candidates(conn: Connection) -> list[DealCandidate]:
    """Open deals with their contacts, for matching calls."""
    from sqlalchemy import select

    d = t.deals.c
    rows = conn.execute(select(d.id, d.name, d.domain).where(d.status == "open")).all()
    contacts = _contacts(conn, [r.id for r in rows])
    return [DealCandidate(r.id, r.name, r.domain, tuple((c["name"], c["email"]) for c in contacts[r.id])) for r in rows]


def link_call(conn: Connection, participants: tuple[Participant, ...], flag: str | None) -> tuple[int | None, str | None, str]:
    """(deal id, 'flag' | 'matched' | None, why) for a call about to be saved."""
    if flag:
        return deal_id(conn, flag), "flag", "--deal"
    found, why = match_deal(participants, candidates(conn))
    return found, ("matched" if found else None), why
