"""``plainpitch rewrite FILE``: rewrites for the findings that have one, checked by plainpitch before they are
offered. A unified diff by default (stdout; the report of what was dropped and the questions go to stderr),
``--apply`` writes the file, ``--interactive`` asks about each rewrite, ``--format json`` for tools."""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

import click

from plainpitch.cli.app import Seconds, SizeMB, use_color
from plainpitch.formats import COPY_FORMATS


def model_options(fn):
    """Flags shared by the commands that can use a model (rewrite, pitch)."""
    opts = [
        click.option("--llm", "use_llm", is_flag=True, help="Use the model configured in [tool.plainpitch.llm]."),
        click.option("--base-url", help="OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1 (implies --llm)."),
        click.option("--model", "model_name", help="Model name at that endpoint (implies --llm)."),
        click.option("--api-key-env", help="Name of the environment variable that holds the API key."),
        click.option("--timeout", type=Seconds(0.1, 3600), help="Seconds to wait for the model (default 60)."),
        click.option("--redact/--no-redact", default=None, help="Replace e-mail addresses, phone numbers and names before sending."),
    ]
    for opt in reversed(opts):
        fn = opt(fn)
    return fn


@contextlib.contextmanager
def model_errors():
    """A model endpoint that is down, slow or answers nonsense: one line and exit 2, never a traceback."""
    from plainpitch.llm import LLMError

    try:
        yield
    except LLMError as exc:
        click.echo(f"plainpitch: error: {exc}", err=True)
        sys.exit(2)


def resolve_model(config, use_llm, base_url, model_name, api_key_env, timeout, redact):
    """The model settings, or None (nothing leaves the machine unless the user asked)."""
    from plainpitch.llm import resolve

    flags = {"base_url": base_url, "model": model_name, "api_key_env": api_key_env, "timeout": timeout}
    if redact is not None:
        flags["redact"] = redact
    wanted = use_llm or any(v is not None for v in (base_url, model_name))
    with model_errors():
        return resolve(config.source if config is not None else None, flags, wanted=wanted)


def announce(settings, what: str) -> None:
    from plainpitch.llm.notice import first_use

    notice = first_use(settings, what)
    if notice:
        click.echo(notice, err=True)


def load_report(path: str, config, input_format: str | None, max_size: float):
    from plainpitch.engine import analyze
    from plainpitch.ingest import load_path

    doc = load_path(path, input_format, int(max_size * 1_048_576))
    return analyze(doc, config)


def base_config(path: str, config_path: str | None, overrides: dict):
    from plainpitch.config import config_for, load_config

    config = load_config(Path(config_path)) if config_path else config_for(Path(path))
    # every rule with a rewrite runs, also those the report leaves off by default (a plainer word is worth offering
    # even where it is not worth a finding), and a rewrite must add no finding of any of them
    return config.with_overrides(all=True, **overrides)


def _describe(outcome) -> str:
    f = outcome.finding
    where = f"{f.location.line}:{f.location.column}"
    if outcome.status == "question":
        return f"  {where} {f.code} ? {outcome.candidate.question}"
    if outcome.status == "dropped":
        return f"  {where} {f.code} dropped ({outcome.candidate.kind}): {'; '.join(outcome.reasons[:2])}"
    return f"  {where} {f.code} {outcome.candidate.kind}: {outcome.effect}"


def summary(result) -> str:
    c = result.counts()
    lines = [f"plainpitch rewrite {result.path}: {c['offered']} rewrites offered, {c['dropped']} dropped by the checks, "
             f"{c['question']} questions for you"]  # fmt: skip
    if result.score_before is not None and result.score_after is not None:
        shown = ""
        if result.shown_before is not None and result.shown_after is not None and result.shown_before != result.score_before:
            shown = f" (with the rules on by default, as `plainpitch check` shows it: {result.shown_before:.1f} -> {result.shown_after:.1f})"
        lines.append(f"  score {result.score_before:.1f} -> {result.score_after:.1f} with the {len(result.applied)} rewrites applied{shown}")
    for status in ("offered", "dropped", "question"):
        lines.extend(_describe(o) for o in result.outcomes if o.status == status)
    return "\n".join(lines)


def as_json(result, settings=None) -> dict:
    from plainpitch.rewrite.edits import unified_diff

    return {
        "path": result.path,
        "score_before": result.score_before,
        "score_after": result.score_after,
        "default_score_before": result.shown_before,  # with the rules on by default, as `plainpitch check` shows it
        "default_score_after": result.shown_after,
        "counts": result.counts(),
        "rewrites": [o.as_dict() for o in result.outcomes],
        "applied": [result.outcomes.index(o) for o in result.applied],
        "diff": unified_diff(result.path, result.source, result.combined_source),
        "model": None if settings is None else {"endpoint": settings.endpoint, "model": settings.model, "redact": settings.redact},
    }


def write_source(path: str, doc, new_source: str) -> None:
    """Write the rewritten source back in the file's own encoding, line endings and byte-order mark."""
    from plainpitch.ingest import read_file
    from plainpitch.ingest.decode import normalise_newlines

    raw = read_file(path)
    encoding = str(doc.meta.get("encoding") or "utf-8")
    try:
        text = raw.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        raise click.ClickException(f"{path}: cannot re-read the file to write it back") from None
    bom = text.startswith("\ufeff")
    body = normalise_newlines(text[1:] if bom else text)
    if body != doc.source:
        raise click.ClickException(f"{path}: its text is encoded (e.g. a MIME e-mail); use the diff instead of --apply")
    out = new_source.replace("\n", "\r\n") if b"\r\n" in raw else new_source
    data = (("\ufeff" if bom else "") + out).encode(encoding)
    tmp = Path(path).with_name(f".{Path(path).name}.plainpitch-tmp")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise click.ClickException(f"{path}: cannot write: {exc.strerror}") from None


def _ask(outcome, index: int, total: int) -> str:
    click.echo(f"\n[{index}/{total}] {outcome.finding.code} {outcome.finding.name} (line {outcome.finding.location.line})")
    click.echo(click.style(f"- {outcome.before}", fg="red"))
    click.echo(click.style(f"+ {outcome.after}", fg="green"))
    click.echo(f"  {outcome.effect}")
    return click.prompt("Apply this rewrite? [y]es, [n]o, [a]ll the rest, [q]uit", default="y",
                        type=click.Choice(["y", "n", "a", "q"]), show_choices=False)  # fmt: skip


@click.command()
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--apply", "apply_", is_flag=True, help="Write the checked rewrites into the file.")
@click.option("--interactive", "-i", is_flag=True, help="Ask about each rewrite, then write the accepted ones.")
@click.option("--format", "-f", "out_format", type=click.Choice(["diff", "json"]), default="diff", show_default=True)
@click.option("--select", multiple=True, help="Only rewrite findings of these rule codes (repeatable or comma-separated).")
@click.option("--no-questions", is_flag=True, help="Leave out the questions for findings with no safe rewrite.")
@click.option("--profile", type=click.Choice(["technical", "business", "consumer"]), help="Who reads it.")
@click.option("--context", "sales_context", type=click.Choice(["self-serve", "services", "enterprise"]), help="How the sale is made.")
@click.option("--input-format", type=click.Choice(COPY_FORMATS), help="Force the input format.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="Use this config file.")
@click.option("--max-size", type=SizeMB(), default=5.0, show_default=True, help="Largest file to read, in MB.")
@model_options
def rewrite(path, apply_, interactive, out_format, select, no_questions, profile, sales_context, input_format, config_path,
            max_size, use_llm, base_url, model_name, api_key_env, timeout, redact) -> None:  # fmt: skip
    """Rewrite FILE the buyer's way: every rewrite is re-checked by plainpitch before it is offered."""
    from plainpitch.rewrite import rewrite as run_rewrite
    from plainpitch.rewrite.edits import unified_diff
    from plainpitch.rewrite.pipeline import baseline, combine

    if apply_ and interactive:
        raise click.UsageError("use --apply or --interactive, not both")
    codes = tuple(c.strip().upper() for item in select for c in item.split(",") if c.strip()) or None
    config = base_config(path, config_path, {"profile": profile, "context": sales_context})
    settings = resolve_model(config, use_llm, base_url, model_name, api_key_env, timeout, redact)
    report = load_report(path, config, input_format, max_size)
    model = None
    if settings is not None:
        from plainpitch.rewrite.llm_rewriter import ModelRewriter

        announce(settings, f"the flagged sentences of {path}, what plainpitch found in them and the page's facts")
        model = ModelRewriter(settings, report.profile)
    try:
        with model_errors():
            result = run_rewrite(report, config, model=model, codes=codes, questions=not no_questions)
    finally:
        if model is not None:
            model.close()
    if interactive:
        offered = [o for o in result.outcomes if o.status == "offered"]
        chosen = []
        take_all = False
        for n, outcome in enumerate(offered, 1):
            answer = "y" if take_all else _ask(outcome, n, len(offered))
            if answer == "q":
                break
            take_all = answer == "a"
            if answer in ("y", "a"):
                chosen.append(outcome)
        combine(result, baseline(report, config), chosen)
        if result.applied:
            write_source(path, report.document, result.combined_source)
        click.echo(f"plainpitch: wrote {len(result.applied)} of {len(offered)} rewrites to {path}" if result.applied
                   else "plainpitch: no rewrite applied; the file is unchanged")  # fmt: skip
        return
    if out_format == "json":
        click.echo(json.dumps(as_json(result, settings), ensure_ascii=False, indent=2 if sys.stdout.isatty() else None))
    else:
        diff = unified_diff(path, result.source, result.combined_source)
        if diff and not apply_:
            click.echo(_color_diff(diff) if use_color(None) else diff, nl=False, color=True)
    if apply_:
        if result.applied:
            write_source(path, report.document, result.combined_source)
    click.echo(summary(result) + (f"\nplainpitch: wrote {len(result.applied)} rewrites to {path}" if apply_ and result.applied else ""),
               err=True)  # fmt: skip


def _color_diff(diff: str) -> str:
    out = []
    for line in diff.splitlines(keepends=True):
        if line.startswith("+") and not line.startswith("+++"):
            out.append(click.style(line, fg="green"))
        elif line.startswith("-") and not line.startswith("---"):
            out.append(click.style(line, fg="red"))
        else:
            out.append(line)
    return "".join(out)


def register(main: click.Group) -> None:
    main.add_command(rewrite)
