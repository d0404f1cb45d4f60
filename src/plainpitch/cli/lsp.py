"""``plainpitch lsp``: the language server over stdio, for editors (see docs/integrations.md)."""

from __future__ import annotations

import sys

import click


@click.command()
@click.option("--stdio", is_flag=True, help="Talk over stdin/stdout (the default and only transport; accepted for clients that pass it).")
def lsp(stdio: bool) -> None:
    """Run the language server: diagnostics, hover and quick fixes for Markdown, HTML, text and e-mail."""
    try:
        from plainpitch.lsp.server import serve
    except ImportError as exc:
        if (exc.name or "").startswith("plainpitch"):
            raise
        package = (exc.name or "pygls").split(".")[0]
        click.echo(f"plainpitch: error: the language server needs {package}: pip install 'plainpitch[lsp]'", err=True)
        sys.exit(2)
    serve()


def register(main: click.Group) -> None:
    main.add_command(lsp)
