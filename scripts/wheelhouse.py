"""Fill a folder with every distribution a fresh install of plainpitch needs, pinned by requirements.lock.

    python scripts/wheelhouse.py .venv/wheelhouse

`make venv` runs it beside building .venv, with pip's ordinary client (mostly from pip's cache by then). The
install tests then build, install and run plainpitch with `--no-index --find-links` on this folder: a fresh
virtual environment, pipx and pre-commit's own hook environment all install offline, so a test never reaches
the network. Holds the runtime dependencies, the `lsp` extra, the build backend (setuptools, wheel) and pip.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = list(project["project"]["dependencies"])
    wanted += project["project"]["optional-dependencies"]["lsp"]
    wanted += project["build-system"]["requires"]
    wanted.append("pip")  # pipx's shared environment insists on a recent pip
    return [req.split("#")[0].strip() for req in wanted]


def main(folder: str) -> int:
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
        fh.write("\n".join(requirements()) + "\n")
    cmd = [sys.executable, "-m", "pip", "download", "-q", "--disable-pip-version-check", "-d", str(target),
           "-c", str(ROOT / "requirements.lock"), "-r", fh.name]  # fmt: skip
    try:
        return subprocess.run(cmd, check=False).returncode
    finally:
        Path(fh.name).unlink()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python scripts/wheelhouse.py FOLDER")
    sys.exit(main(sys.argv[1]))
