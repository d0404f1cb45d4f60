"""Refresh the README's "What `make demo` prints" excerpt from the demo's real output (tests/test_readme_sample.py
checks every line of the excerpt appears in what `make demo` prints, so the README cannot go stale).

    .venv/bin/python scripts/readme_sample.py [--head 14] [--tail 12]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO_FILES = ["examples/cold-email.txt", "examples/landing-page.md"]  # what `make demo` checks (a test keeps them equal)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--head", type=int, default=24)
    parser.add_argument("--tail", type=int, default=14)
    args = parser.parse_args()
    env = dict(os.environ, NO_COLOR="1", COLUMNS="120")
    plainpitch = ROOT / ".venv" / "bin" / "plainpitch"
    out = subprocess.run([str(plainpitch), "check", *DEMO_FILES], capture_output=True, text=True,
                         env=env, cwd=ROOT).stdout.rstrip("\n").split("\n")  # fmt: skip
    lines = out if len(out) <= args.head + args.tail else out[: args.head] + ["..."] + out[-args.tail :]
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    section = re.search(r"(## What `make demo` prints.*?```text\n)(.*?)(```)", text, re.S)
    if section is None:
        print("README has no demo excerpt section", file=sys.stderr)
        return 1
    text = text[: section.start(2)] + "\n".join(lines) + "\n" + text[section.end(2) :]
    readme.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
