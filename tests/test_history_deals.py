"""Deals and the link from a call to its deal: the matching rules, and the deal commands end to end."""

from __future__ import annotations

import json

from click.testing import CliRunner

from history_data import call_vtt
from plainpitch.cli import main
from plainpitch.history.matching import DealCandidate, match_deal
from plainpitch.history.records import Participant

ACME = DealCandidate(1, "Acme renewal", "acme.com", (("Sam Okafor", "sam@acme.com"),))
GLOBEX = DealCandidate(2, "Globex pilot", None, (("Lee Chen", "lee@globex.com"), ("Pat Doe", None)))
GMAIL = DealCandidate(3, "Solo founder", None, (("Kim Park", "kim.park@gmail.com"),))


def buyer(name, email=None):
    return Participant(name, "buyer", email)


def test_matching_by_address_domain_and_full_name():
    assert match_deal([buyer("Sam", "sam@acme.com")], [ACME, GLOBEX]) == (1, "contact sam@acme.com")
    assert match_deal([buyer("Jo", "jo@globex.com")], [ACME, GLOBEX]) == (2, "e-mail domain globex.com")
    assert match_deal([buyer("Jo", "jo@mail.acme.com")], [ACME, GLOBEX])[0] is None  # a subdomain is not the domain
    assert match_deal([buyer("  pat   DOE (Globex)")], [ACME, GLOBEX]) == (2, "contact Pat Doe")


def test_matching_stays_out_when_the_evidence_is_weak_or_split():
    assert match_deal([buyer("Sam")], [ACME, GLOBEX])[0] is None  # a first name alone never links
    assert match_deal([buyer("Ann", "ann@gmail.com")], [GMAIL])[0] is None  # free mail is not a company
    assert match_deal([Participant("Seller", "seller", "me@acme.com")], [ACME])[0] is None  # our side does not count
    found, why = match_deal([buyer("Sam", "x@acme.com"), buyer("Jo", "jo@globex.com")], [ACME, GLOBEX])
    assert found is None and "several deals" in why and "--deal" in why
    assert match_deal([buyer("Sam", "sam@acme.com"), buyer("Jo", "jo@globex.com")], [ACME, GLOBEX])[0] == 1


def cli(url, *args, input=None):
    return CliRunner().invoke(main, list(args), env={"PLAINPITCH_HISTORY_URL": url, "NO_COLOR": "1"}, input=input)


def test_deal_commands_and_call_linking_end_to_end(store_url, tmp_path):
    add = cli(store_url, "deal", "add", "Globex pilot", "--company", "Globex", "--stage", "discovery", "--amount",
              "12,500", "--currency", "eur", "--close-date", "2026-12-20", "--contact", "Sam Okafor <sam@globex.com>")
    assert add.exit_code == 0, add.output
    assert cli(store_url, "deal", "add", "Initech", "--domain", "initech.io").exit_code == 0
    dup = cli(store_url, "deal", "add", "Globex pilot")
    assert dup.exit_code == 2 and "already exists" in dup.output and dup.output.count("\n") == 1
    bad = cli(store_url, "deal", "add", "X", "--close-date", "next week")
    assert bad.exit_code == 2 and "not a date" in bad.output

    matched = tmp_path / "globex.vtt"
    matched.write_text(call_vtt(buyer="sam@globex.com"), encoding="utf-8")
    flagged = tmp_path / "initech.vtt"
    flagged.write_text(call_vtt(buyer="Bill Lumbergh", next_step=False), encoding="utf-8")
    loose = tmp_path / "nobody.vtt"
    loose.write_text(call_vtt(buyer="Someone Else"), encoding="utf-8")
    r1 = cli(store_url, "call", "review", str(matched), "--me", "Ana Lopez", "--save")
    assert "deal Globex pilot (matched: contact sam@globex.com)" in r1.output, r1.output
    r2 = cli(store_url, "call", "review", str(flagged), "--me", "Ana Lopez", "--deal", "initech")
    assert "deal Initech (--deal)" in r2.output, r2.output
    r3 = cli(store_url, "call", "review", str(loose), "--me", "Ana Lopez", "--save")
    assert "no deal (no participant matches" in r3.output
    r4 = cli(store_url, "call", "review", str(loose), "--me", "Ana Lopez", "--deal", "Hooli")
    assert r4.exit_code == 1 and "no deal named 'Hooli'" in r4.output and "seller: Ana Lopez" in r4.output

    listed = json.loads(cli(store_url, "deal", "list", "-f", "json").output)
    assert {d["name"]: d["calls"] for d in listed} == {"Globex pilot": 1, "Initech": 1}
    globex = next(d for d in listed if d["name"] == "Globex pilot")
    assert (globex["amount"], globex["currency"], globex["close_date"]) == (12500.0, "EUR", "2026-12-20")
    shown = json.loads(cli(store_url, "deal", "show", "Initech", "-f", "json").output)
    assert [c["next_steps"] for c in shown["calls"]] == [0] and shown["calls"][0]["link"] == "flag"
    text = cli(store_url, "deal", "show", "Globex pilot").output
    assert "Sam Okafor <sam@globex.com>" in text and "Ana Lopez" in text and "globex.vtt" in text

    assert cli(store_url, "deal", "close", "Initech").exit_code == 2  # --won or --lost
    assert cli(store_url, "deal", "close", "Initech", "--lost", "--stage", "closed lost").exit_code == 0
    open_deals = json.loads(cli(store_url, "deal", "list", "--status", "open", "-f", "json").output)
    assert [d["name"] for d in open_deals] == ["Globex pilot"]
    missing = cli(store_url, "deal", "show", "Hooli")
    assert missing.exit_code == 2 and missing.output.count("\n") == 1
