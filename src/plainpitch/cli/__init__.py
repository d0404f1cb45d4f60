"""The command line: one module per command (or command group), each registered on the root group here.

A new command is a module with a ``register(main)`` function and one line in ``COMMANDS``; keep the module's
top-level imports light (click only) so that ``plainpitch --help`` stays instant.
"""

from __future__ import annotations

import importlib

from plainpitch.cli.app import main

__all__ = ["main"]

COMMANDS = (
    "plainpitch.cli.check",
    "plainpitch.cli.rules",
    "plainpitch.cli.call",
    "plainpitch.cli.serve",
    "plainpitch.cli.lsp",
    "plainpitch.cli.rewrite",
    "plainpitch.cli.pitch",
    "plainpitch.cli.history",
    "plainpitch.cli.deal",
)

for _name in COMMANDS:
    importlib.import_module(_name).register(main)
