"""``plainpitch rules``, ``explain`` and ``docs``: the rules describe themselves from their metadata."""

from __future__ import annotations

import sys

import click

from plainpitch.cli.app import use_color, write_or_exit


@click.command("rules")
@click.option("--format", "-f", "out_format", type=click.Choice(["text", "json"]), default="text")
@click.option("--all", "show_all", is_flag=True, help="Include preview rules.")
def rules_cmd(out_format, show_all) -> None:
    """List every rule with its code, name, severity and summary."""
    from plainpitch.rules.docs import rules_json, rules_table

    rules_text = rules_json() if out_format == "json" else rules_table(show_all, color=use_color(None))
    write_or_exit(rules_text, None)


@click.command()
@click.argument("rule")
@click.option("--format", "-f", "out_format", type=click.Choice(["text", "markdown", "json"]), default="text")
def explain(rule, out_format) -> None:
    """Explain a rule: what it flags, why it costs the sale, bad and good examples."""
    from plainpitch.rules.base import find_rule
    from plainpitch.rules.docs import rule_json, rule_markdown

    found = find_rule(rule)
    if out_format == "json":
        write_or_exit(rule_json(found), None)
    else:
        write_or_exit(rule_markdown(found), None)


@click.command()
@click.option("--out", default="docs/rules", show_default=True, type=click.Path(file_okay=False))
@click.option("--check", "check_only", is_flag=True, help="Exit 1 when the docs on disk are out of date.")
def docs(out, check_only) -> None:
    """Generate the rule docs (one Markdown page per rule, plus an index)."""
    from plainpitch.rules.docs import write_docs

    stale = write_docs(out, check_only=check_only)
    if check_only and stale:
        click.echo("out of date: " + ", ".join(stale), err=True)
        sys.exit(1)
    click.echo(f"{'checked' if check_only else 'wrote'} rule docs in {out}")


def register(main: click.Group) -> None:
    for command in (rules_cmd, explain, docs):
        main.add_command(command)
