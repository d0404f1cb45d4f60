"""Export and import: a documented, CRM-neutral JSON (everything) and CSV (deals, or runs flattened).

JSON (``plainpitch-history``, version 1; docs/history.md has every field)::

    {"format": "plainpitch-history", "version": 1, "exported_at": "...", "tool_version": "...",
     "deals": [{"name", "company", "domain", "stage", "amount", "currency", "close_date", "status", "closed_at",
                "created_at", "contacts": [{"name", "email"}]}],
     "runs": [{"id", "kind", "path", "content_hash", "saved_at", "occurred_at", "tool_version", "profile",
               "context", "medium", "format", "score", "score_parts", "metrics", "metric_units", "findings",
               "seller", "participants", "deal", "deal_link", "deal_reason", "page_version", "text"}]}

Export streams run by run (memory stays flat with 100,000 runs). Import is one transaction: a file with one bad
item imports nothing and names the item. Runs are keyed by ``id`` (importing the same file twice adds nothing);
deals by name (an imported deal updates the fields it has). The deals CSV also takes the column names CRMs export
(Deal Name, Account Name, Close Date...).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import IO, TYPE_CHECKING, Any

from plainpitch.history import schema as t
from plainpitch.history.deals import DealInput, parse_amount, parse_contact, parse_date
from plainpitch.history.errors import HistoryError
from plainpitch.history.records import CALL_COLUMNS, KINDS, Participant, RunRecord
from plainpitch.history.runs import as_utc

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

FORMAT, VERSION = "plainpitch-history", 1
BATCH = 500
RUN_CSV = ("id", "kind", "path", "content_hash", "saved_at", "occurred_at", "profile", "context", "medium", "format",
           "score", "findings", "seller", "deal", "deal_link", "page_version", "call_type", "duration_s", "talk_share",
           "questions", "longest_monologue_s", "next_steps", "asks", "findings_by_code")  # fmt: skip
DEAL_CSV = ("name", "company", "domain", "stage", "amount", "currency", "close_date", "status", "contacts")
# CRM export headers -> our deal fields (compared lower-case, spaces and underscores ignored)
DEAL_ALIASES = {
    "name": ("name", "deal", "dealname", "opportunity", "opportunityname"),
    "company": ("company", "companyname", "account", "accountname", "organization", "organisation"),
    "domain": ("domain", "companydomain", "website", "companydomainname"),
    "stage": ("stage", "dealstage", "pipelinestage"),
    "amount": ("amount", "dealvalue", "value"),
    "currency": ("currency", "currencycode", "dealcurrencycode"),
    "close_date": ("closedate", "expectedclosedate", "closingdate"),
    "status": ("status", "dealstatus"),
    "contacts": ("contacts", "contact", "contactemail", "primarycontact"),
}


# -- export -----------------------------------------------------------------------------------------------------
def _deals(conn: Connection) -> list[dict[str, Any]]:
    from plainpitch.history.deals import list_deals

    out = []
    for d in list_deals(conn):
        d.pop("calls", None)
        d.pop("last_call", None)
        out.append(d)
    return out


def _iso(value: Any) -> str | None:
    return as_utc(value).isoformat() if value is not None else None


def iter_runs(conn: Connection) -> Iterator[dict[str, Any]]:
    """Every run as its export dict, oldest first, fetched in batches."""
    from sqlalchemy import select

    r, d, v = t.runs.c, t.deals.c, t.page_versions.c
    last = 0
    while True:
        rows = conn.execute(
            select(t.runs, d.name.label("deal_name"), v.number.label("version_number"))
            .outerjoin(t.deals, d.id == r.deal_id).outerjoin(t.page_versions, v.id == r.version_id)
            .where(r.id > last).order_by(r.id).limit(BATCH)
        ).all()  # fmt: skip
        if not rows:
            return
        ids = [row.id for row in rows]
        children: dict[int, dict[str, Any]] = {i: {"score_parts": {}, "metrics": {}, "metric_units": {},
                                                   "findings": {}, "participants": []} for i in ids}  # fmt: skip
        for row in conn.execute(select(t.run_scores).where(t.run_scores.c.run_id.in_(ids))):
            children[row.run_id]["score_parts"][row.part] = row.value
        for row in conn.execute(select(t.run_metrics).where(t.run_metrics.c.run_id.in_(ids))):
            children[row.run_id]["metrics"][row.name] = row.text if row.text is not None else row.value
            if row.unit:
                children[row.run_id]["metric_units"][row.name] = row.unit
        for row in conn.execute(select(t.run_findings).where(t.run_findings.c.run_id.in_(ids))):
            children[row.run_id]["findings"][row.code] = {"severity": row.severity, "count": row.count}
        p = t.call_participants.c
        for row in conn.execute(select(t.call_participants).where(p.run_id.in_(ids)).order_by(p.id)):
            children[row.run_id]["participants"].append({"name": row.name, "role": row.role, "email": row.email})
        for row in rows:
            yield {
                "id": row.uid, "kind": row.kind, "path": row.path, "content_hash": row.content_hash,
                "saved_at": _iso(row.created_at), "occurred_at": _iso(row.occurred_at),
                "tool_version": row.tool_version, "profile": row.profile, "context": row.context,
                "medium": row.medium, "format": row.format, "score": row.score, **children[row.id],
                "seller": row.seller, "deal": row.deal_name, "deal_link": row.deal_link,
                "deal_reason": row.deal_reason, "page_version": row.version_number, "text": row.text,
            }  # fmt: skip
        last = ids[-1]


def export_json(conn: Connection, out: IO[str]) -> int:
    from plainpitch.version import __version__

    head = {"format": FORMAT, "version": VERSION, "exported_at": datetime.now(UTC).isoformat(),
            "tool_version": __version__, "deals": _deals(conn)}  # fmt: skip
    text = json.dumps(head, ensure_ascii=False, indent=1)
    out.write(text[: text.rindex("}")].rstrip() + ',\n "runs": [')
    count = 0
    for run in iter_runs(conn):
        out.write(("," if count else "") + "\n  " + json.dumps(run, ensure_ascii=False))
        count += 1
    out.write("\n ]\n}\n")
    return count


def export_csv(conn: Connection, out: IO[str], table: str) -> int:
    writer = csv.writer(out)
    count = 0
    if table == "deals":
        writer.writerow(DEAL_CSV)
        for d in _deals(conn):
            contacts = "; ".join(f"{c['name'] or ''} <{c['email']}>".strip() if c["email"] else c["name"]
                                 for c in d["contacts"])  # fmt: skip
            writer.writerow([d[k] if k != "contacts" else contacts for k in DEAL_CSV])
            count += 1
        return count
    writer.writerow(RUN_CSV)
    for run in iter_runs(conn):
        row = {**run, "findings": sum(f["count"] for f in run["findings"].values()),
               "findings_by_code": ";".join(f"{c}:{f['severity']}:{f['count']}" for c, f in sorted(run["findings"].items()))}  # fmt: skip
        for metric, column in CALL_COLUMNS.items():
            row[column] = run["metrics"].get(metric)
        writer.writerow(["" if row.get(k) is None else row.get(k) for k in RUN_CSV])
        count += 1
    return count


# -- import -----------------------------------------------------------------------------------------------------
class _Bad(Exception):
    pass


def _str(item: dict[str, Any], key: str, limit: int, required: bool = False) -> str | None:
    value = item.get(key)
    if value is None or value == "":
        if required:
            raise _Bad(f"{key} is missing")
        return None
    if not isinstance(value, str):
        raise _Bad(f"{key} must be a string")
    return value[:limit]


def _num(value: Any, key: str) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise _Bad(f"{key} must be a number")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise _Bad(f"{key} must be a number") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise _Bad(f"{key} must be a finite number")
    return number


def _when(value: Any, key: str) -> datetime:
    if not isinstance(value, str):
        raise _Bad(f"{key} must be an ISO date and time")
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise _Bad(f"{key} {value[:40]!r} is not an ISO date and time") from None
    return as_utc(when) or when


def _deal_input(item: dict[str, Any]) -> DealInput:
    if not isinstance(item, dict):
        raise _Bad("must be an object")
    contacts_raw = item.get("contacts") or []
    contacts: list[tuple[str | None, str | None]] = []
    if isinstance(contacts_raw, str):
        contacts = [parse_contact(c) for c in contacts_raw.replace(",", ";").split(";") if c.strip()]
    elif isinstance(contacts_raw, list):
        for c in contacts_raw:
            if not isinstance(c, dict):
                raise _Bad("contacts must be objects with name and email")
            contacts.append((_str(c, "name", 200), (_str(c, "email", 320) or "").lower() or None))
    else:
        raise _Bad("contacts must be a list")
    try:
        return DealInput(
            name=_str(item, "name", 200, required=True) or "", company=_str(item, "company", 200),
            domain=_str(item, "domain", 255), stage=_str(item, "stage", 60),
            amount=parse_amount(None if item.get("amount") is None else str(item.get("amount"))),
            currency=_str(item, "currency", 3), close_date=parse_date(_str(item, "close_date", 40)),
            contacts=tuple(contacts), status=_str(item, "status", 8) or "open",
        )  # fmt: skip
    except HistoryError as exc:
        raise _Bad(str(exc)) from None


def _run_record(item: dict[str, Any]) -> tuple[RunRecord, dict[str, Any]]:
    if not isinstance(item, dict):
        raise _Bad("must be an object")
    uid = _str(item, "id", 32, required=True) or ""
    kind = item.get("kind")
    if kind not in KINDS:
        raise _Bad("kind must be copy or call")
    metrics: dict[str, tuple[float | None, str | None, str]] = {}
    units = item.get("metric_units") or {}
    for name, value in (item.get("metrics") or {}).items():
        unit = str(units.get(name, ""))[:30] if isinstance(units, dict) else ""
        if isinstance(value, str):
            metrics[str(name)[:120]] = (None, value[:200], unit)
        else:
            metrics[str(name)[:120]] = (_num(value, f"metrics.{name}"), None, unit)
    findings: dict[str, tuple[str, int]] = {}
    for code, f in (item.get("findings") or {}).items():
        if not isinstance(f, dict) or f.get("severity") not in ("suggestion", "warning", "error"):
            raise _Bad(f"findings.{code} needs a severity (suggestion, warning, error) and a count")
        count = _num(f.get("count"), f"findings.{code}.count")
        findings[str(code)[:20]] = (f["severity"], int(count or 0))
    parts = {str(k)[:40]: _num(v, f"score_parts.{k}") for k, v in (item.get("score_parts") or {}).items()}
    people = []
    for p in item.get("participants") or []:
        if not isinstance(p, dict):
            raise _Bad("participants must be objects")
        people.append(Participant(_str(p, "name", 200, required=True) or "", _str(p, "role", 10) or "unknown",
                                  _str(p, "email", 320)))  # fmt: skip
    saved = _when(item.get("saved_at"), "saved_at")
    record = RunRecord(
        uid=uid, kind=kind, path=_str(item, "path", 1000, required=True) or "",
        content_hash=_str(item, "content_hash", 64) or "", created_at=saved,
        occurred_at=_when(item.get("occurred_at") or item.get("saved_at"), "occurred_at"),
        tool_version=_str(item, "tool_version", 40) or "", profile=_str(item, "profile", 20),
        context=_str(item, "context", 20), medium=_str(item, "medium", 20), format=_str(item, "format", 20),
        score=_num(item.get("score"), "score"), parts={k: v for k, v in parts.items() if v is not None},
        metrics=metrics, findings=findings, seller=_str(item, "seller", 200), participants=tuple(people),
        text=_str(item, "text", 10_000_000),
    )  # fmt: skip
    link = {"deal": _str(item, "deal", 200), "deal_link": _str(item, "deal_link", 8),
            "deal_reason": _str(item, "deal_reason", 300)}  # fmt: skip
    return record, link


def _upsert_deal(conn: Connection, deal: DealInput) -> str:
    from sqlalchemy import select

    from plainpitch.history.deals import _clean, add_deal

    row = _clean(deal)
    found = conn.execute(select(t.deals.c.id).where(t.deals.c.name == row["name"])).scalar()
    if found is None:
        add_deal(conn, deal)
        return "added"
    changes = {k: v for k, v in row.items() if v is not None and k not in ("name", "status")}
    if deal.status != "open":
        changes["status"] = deal.status
    if changes:
        conn.execute(t.deals.update().where(t.deals.c.id == found).values(**changes))
    have = {(c.name, c.email) for c in conn.execute(select(t.deal_contacts).where(t.deal_contacts.c.deal_id == found))}
    new = [{"deal_id": found, "name": n, "email": e} for n, e in deal.contacts if (n, e) not in have]
    if new:
        conn.execute(t.deal_contacts.insert(), new)
    return "updated"


def import_data(conn: Connection, data: Any, source: str) -> dict[str, int]:
    """Import a parsed JSON export (inside the caller's transaction): counts of what was added, updated, skipped."""
    from sqlalchemy import select

    from plainpitch.history.runs import save_run

    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise HistoryError(f"{source}: not a plainpitch history export (no \"format\": \"{FORMAT}\")")
    version = data.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise HistoryError(f"{source}: export version {version!r} is newer than this plainpitch reads ({VERSION})")
    counts = {"deals_added": 0, "deals_updated": 0, "runs_added": 0, "runs_skipped": 0, "runs_unlinked": 0}
    for key in ("deals", "runs"):
        if not isinstance(data.get(key, []), list):
            raise HistoryError(f"{source}: {key} must be a list")
    for i, item in enumerate(data.get("deals") or []):
        try:
            counts["deals_" + _upsert_deal(conn, _deal_input(item))] += 1
        except _Bad as exc:
            raise HistoryError(f"{source}: deals[{i}]: {exc}") from None
    names = dict(conn.execute(select(t.deals.c.name, t.deals.c.id)).all())
    for i, item in enumerate(data.get("runs") or []):
        try:
            record, link = _run_record(item)
        except _Bad as exc:
            raise HistoryError(f"{source}: runs[{i}]: {exc}") from None
        if conn.execute(select(t.runs.c.id).where(t.runs.c.uid == record.uid)).first() is not None:
            counts["runs_skipped"] += 1
            continue
        deal = names.get(link["deal"]) if link["deal"] else None
        if link["deal"] and deal is None:
            counts["runs_unlinked"] += 1
        save_run(conn, record, deal_id=deal, link=link["deal_link"] or "flag", reason=link["deal_reason"])
        counts["runs_added"] += 1
    return counts


def _alias(header: str) -> str | None:
    key = header.strip().lower().replace(" ", "").replace("_", "").replace("-", "")
    for field, names in DEAL_ALIASES.items():
        if key in names:
            return field
    return None


def deals_from_csv(text: str, source: str) -> dict[str, Any]:
    """A deals CSV (ours, or a CRM's export) as the JSON import's shape."""
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise HistoryError(f"{source}: the CSV file is empty") from None
    except csv.Error as exc:
        raise HistoryError(f"{source}: line 1: {exc}") from None
    fields = [_alias(h) for h in header]
    if "name" not in fields:
        raise HistoryError(f"{source}: no deal name column (name, Deal Name, Opportunity Name...)")
    deals = []
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            deal = {f: cell.strip() for f, cell in zip(fields, row, strict=False) if f and cell.strip()}
            deal.setdefault("status", "open")
            deal["status"] = deal["status"].lower()
            if deal["status"] in ("closed won", "closedwon"):
                deal["status"] = "won"
            elif deal["status"] in ("closed lost", "closedlost"):
                deal["status"] = "lost"
            deals.append(deal)
    except csv.Error as exc:
        raise HistoryError(f"{source}: line {reader.line_num}: {exc}") from None
    return {"format": FORMAT, "version": VERSION, "deals": deals, "runs": []}


def runs_from_csv(text: str, source: str) -> dict[str, Any]:
    """A runs CSV (as ``export --format csv`` writes it) as the JSON import's shape (the key measures only)."""
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "id" not in reader.fieldnames or "kind" not in reader.fieldnames:
        raise HistoryError(f"{source}: not a runs CSV (needs the columns of `plainpitch history export --format csv`)")
    runs = []
    try:
        for row in reader:
            run: dict[str, Any] = {k: (v if v != "" else None) for k, v in row.items() if k in RUN_CSV}
            run["metrics"] = {m: (run[c] if c == "call_type" else _num(run[c], c)) for m, c in CALL_COLUMNS.items()
                              if run.get(c) is not None}  # fmt: skip
            findings = {}
            for part in (run.get("findings_by_code") or "").split(";"):
                code, _, rest = part.strip().partition(":")
                severity, _, count = rest.partition(":")
                if code:
                    findings[code] = {"severity": severity, "count": int(_num(count, code) or 0)}
            run["findings"] = findings
            run["page_version"] = None
            runs.append(run)
    except _Bad as exc:
        raise HistoryError(f"{source}: line {reader.line_num}: {exc}") from None
    except csv.Error as exc:
        raise HistoryError(f"{source}: line {reader.line_num}: {exc}") from None
    return {"format": FORMAT, "version": VERSION, "deals": [], "runs": runs}
