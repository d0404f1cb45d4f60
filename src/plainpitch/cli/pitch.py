"""``plainpitch pitch FILE``: the seller's pitch of a technical text, as Markdown ready to paste."""

from __future__ import annotations

import json

import click

from plainpitch.cli.app import SizeMB, write_or_exit
from plainpitch.cli.rewrite import announce, base_config, load_report, model_errors, model_options, resolve_model
from plainpitch.formats import COPY_FORMATS


@click.command()
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--format", "-f", "out_format", type=click.Choice(["markdown", "json"]), default="markdown", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the pitch to a file.")
@click.option("--profile", type=click.Choice(["technical", "business", "consumer"]), help="Who the pitch is for.")
@click.option("--input-format", type=click.Choice(COPY_FORMATS), help="Force the input format.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="Use this config file.")
@click.option("--max-size", type=SizeMB(), default=5.0, show_default=True, help="Largest file to read, in MB.")
@model_options
def pitch(path, out_format, output, profile, input_format, config_path, max_size, use_llm, base_url, model_name,
          api_key_env, timeout, redact) -> None:  # fmt: skip
    """What a seller leads with, from a technical text: a value proposition, three benefits tied to their features,
    a proof point and an ask (offline: the text's own sentences; better with --llm)."""
    from plainpitch.llm import ChatClient
    from plainpitch.rewrite.pitch import offline, with_model

    config = base_config(path, config_path, {"profile": profile})
    settings = resolve_model(config, use_llm, base_url, model_name, api_key_env, timeout, redact)
    report = load_report(path, config, input_format, max_size)
    result = offline(report)
    if settings is not None:
        announce(settings, f"the text of {path} and its extract")
        with model_errors(), ChatClient(settings) as client:
            result = with_model(report, result, client, path)
        if result.origin != "model":
            click.echo(f"plainpitch: {result.note}", err=True)
    text = json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n" if out_format == "json" else result.markdown(path)
    write_or_exit(text, output)


def register(main: click.Group) -> None:
    main.add_command(pitch)
