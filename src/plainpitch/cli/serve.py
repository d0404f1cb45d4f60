"""``plainpitch serve``: the local web editor and HTTP API."""

from __future__ import annotations

import click

from plainpitch.cli.app import Seconds


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535), help="TCP port (0: any free one).")
@click.option("--open", "open_browser", is_flag=True, help="Open the editor in a browser.")
@click.option("--header-timeout", type=Seconds(0.1, 3600), default=10.0, show_default=True,
              help="Seconds a client has to send a request's headers (slower clients are dropped).")
@click.option("--body-timeout", type=Seconds(0.1, 3600), default=30.0, show_default=True,
              help="Seconds a client has to send a request's body once its headers are in.")
@click.option("--workers", type=click.IntRange(0, 64), default=0, show_default=True,
              help="Server processes (0: one per core).")
def serve(host, port, open_browser, header_timeout, body_timeout, workers) -> None:
    """Start the local web editor and HTTP API."""
    from plainpitch.web.server import run

    run(host=host, port=port, open_browser=open_browser, header_timeout=header_timeout, body_timeout=body_timeout,
        workers=workers)


def register(main: click.Group) -> None:
    main.add_command(serve)
