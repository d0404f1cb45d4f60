"""``plainpitch deal add|list|show|close``: the deals calls are linked to (docs/history.md)."""

from __future__ import annotations

import json

import click

from plainpitch.cli.app import Group, write_or_exit
from plainpitch.cli.history import one_line_errors, opened


@click.group(cls=Group)
def deal() -> None:
    """Deals: add them, list them, see each one's calls on a timeline, close them."""


@deal.command("add")
@click.argument("name")
@click.option("--company", help="The buyer's company.")
@click.option("--domain", help="The buyer's e-mail domain (acme.com): calls with someone @acme.com link here.")
@click.option("--stage", help="Pipeline stage, in your CRM's words.")
@click.option("--amount", help="Deal value.")
@click.option("--currency", help="Three-letter currency code (USD, EUR...).")
@click.option("--close-date", metavar="YYYY-MM-DD", help="Expected close date.")
@click.option("--contact", "contacts", multiple=True, metavar="'NAME <EMAIL>'",
              help="A buyer contact (repeatable): a full name, an e-mail, or both.")  # fmt: skip
def add(name, company, domain, stage, amount, currency, close_date, contacts) -> None:
    """Add a deal."""
    from plainpitch.history.deals import DealInput, add_deal, parse_amount, parse_contact, parse_date

    with one_line_errors():
        item = DealInput(name, company, domain, stage, parse_amount(amount), currency, parse_date(close_date),
                         tuple(parse_contact(c) for c in contacts if c.strip()))  # fmt: skip
        with opened() as store, store.write() as conn:
            add_deal(conn, item)
    click.echo(f"added deal {' '.join(name.split())!r}", err=True)


def _money(d: dict) -> str:
    if d["amount"] is None:
        return ""
    return f"{d['amount']:,.0f}" + (f" {d['currency']}" if d["currency"] else "")


@deal.command("list")
@click.option("--status", type=click.Choice(["open", "won", "lost", "all"]), default="all", show_default=True)
@click.option("--format", "-f", "out_format", type=click.Choice(["text", "json"]), default="text")
def list_cmd(status, out_format) -> None:
    """List deals with their stage, amount, close date and number of calls."""
    from plainpitch.emit.sanitize import terminal as clean
    from plainpitch.history.deals import list_deals

    with one_line_errors(), opened(create=False) as store:
        if store is None:
            deals = []
        else:
            with store.read() as conn:
                deals = list_deals(conn, None if status == "all" else status)
    if out_format == "json":
        write_or_exit(json.dumps(deals, indent=2, ensure_ascii=False) + "\n", None)
        return
    if not deals:
        write_or_exit("No deals yet: plainpitch deal add NAME --company ... --contact 'Name <email>'\n", None)
        return
    rows = [("deal", "company", "stage", "status", "amount", "close", "calls")]
    rows += [(clean(d["name"]), clean(d["company"] or ""), clean(d["stage"] or ""), d["status"], _money(d),
              d["close_date"] or "", str(d["calls"])) for d in deals]  # fmt: skip
    widths = [min(40, max(len(r[i]) for r in rows)) for i in range(len(rows[0]))]
    out = ["  ".join(cell[:w].ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    write_or_exit("\n".join(out) + "\n", None)


@deal.command("show")
@click.argument("name")
@click.option("--format", "-f", "out_format", type=click.Choice(["text", "json"]), default="text")
def show(name, out_format) -> None:
    """A deal, its contacts, and its calls on one timeline."""
    from plainpitch.emit.sanitize import terminal as clean
    from plainpitch.history.render import sparkline
    from plainpitch.history.trends import deal_timeline

    with one_line_errors(), opened(create=False) as store:
        if store is None:
            from plainpitch.cli.history import raise_missing

            raise_missing()
        with store.read() as conn:
            data = deal_timeline(conn, name)
    if out_format == "json":
        write_or_exit(json.dumps(data, indent=2, ensure_ascii=False) + "\n", None)
        return
    d, calls = data["deal"], data["calls"]
    head = [f"{clean(d['name'])}  ({d['status']}{', ' + clean(d['stage']) if d['stage'] else ''})"]
    facts = [("company", d["company"]), ("domain", d["domain"]), ("amount", _money(d)), ("close date", d["close_date"])]
    head += [f"  {k}: {clean(str(v))}" for k, v in facts if v]
    for c in d["contacts"]:
        head.append(f"  contact: {clean(c['name'] or '')} {'<' + clean(c['email']) + '>' if c['email'] else ''}".rstrip())
    if not calls:
        head.append("  no calls yet: plainpitch call review FILE --deal NAME (or --save, matched by participants)")
        write_or_exit("\n".join(head) + "\n", None)
        return
    head.append(f"  calls: {len(calls)}   talk share {sparkline([c['talk_share'] for c in calls], 0.0, 100.0)}   "
                f"questions {sparkline([c['questions'] for c in calls])}")  # fmt: skip
    head.append("")
    head.append("  date        seller               talk%  questions  monologue  next step  ask  file")
    for c in calls:
        def num(v, fmt="{:.0f}"):
            return fmt.format(v) if v is not None else "—"

        head.append(f"  {c['time'][:10]}  {clean(c['seller'] or '')[:20]:<20} {num(c['talk_share']):>5}  "
                    f"{num(c['questions']):>9}  {num(c['longest_monologue_s'], '{:.0f}s'):>9}  "
                    f"{'yes' if c['next_steps'] else 'no':>9}  {'yes' if c['asks'] else 'no':>3}  {clean(c['path'])}")  # fmt: skip
    write_or_exit("\n".join(head) + "\n", None)


@deal.command("close")
@click.argument("name")
@click.option("--won", "status", flag_value="won", help="The deal was won.")
@click.option("--lost", "status", flag_value="lost", help="The deal was lost.")
@click.option("--stage", help="The final stage, in your CRM's words.")
def close(name, status, stage) -> None:
    """Close a deal as won or lost."""
    from plainpitch.history.deals import close_deal

    if status is None:
        raise click.UsageError("say how it closed: --won or --lost")
    with one_line_errors(), opened() as store, store.write() as conn:
        close_deal(conn, name, status, stage)
    click.echo(f"closed deal {name!r} as {status}", err=True)


def register(main: click.Group) -> None:
    main.add_command(deal)
