"""Shared by the install, pre-commit and GitHub Action tests: the offline wheelhouse, pip's environment for
installing from it, and a wheel + sdist built once per test run (xdist workers share them behind a file lock)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WHEELHOUSE = ROOT / ".venv" / "wheelhouse"  # filled by `make venv` (scripts/wheelhouse.py)


def wheelhouse() -> Path:
    if not any(WHEELHOUSE.glob("*.whl")):
        pytest.fail(f"no wheelhouse at {WHEELHOUSE}: run `make venv` (or python scripts/wheelhouse.py {WHEELHOUSE})")
    return WHEELHOUSE


# what of this machine's environment an installed copy must not see; PYTHONDONTWRITEBYTECODE: the throw-away
# installs (compiled by nobody, see PIP_NO_COMPILE) keep the bytecode of what they import, as a normal install does
LEFT_OUT = ("PYTHONPATH", "VIRTUAL_ENV", "PIP_FIND_LINKS", "PYTHONDONTWRITEBYTECODE")


def offline_env(**extra: str) -> dict[str, str]:
    """pip (and what calls it: build, pipx, pre-commit, virtualenv) installing only from the wheelhouse, pinned by
    the lock, with this machine's pip configuration left out."""
    env = {k: v for k, v in os.environ.items() if k not in LEFT_OUT}
    env.update(
        PIP_NO_INDEX="1",
        PIP_FIND_LINKS=str(wheelhouse()),
        PIP_CONFIG_FILE=os.devnull,
        PIP_CONSTRAINT=str(ROOT / "requirements.lock"),
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        # no byte-compiling of what is installed (about half of pip's CPU here; Python compiles what a run imports).
        # "0" is right: pip reads PIP_NO_COMPILE into its `compile` setting as it stands (pypa/pip#5735)
        PIP_NO_COMPILE="0",
        VIRTUALENV_NO_PERIODIC_UPDATE="1",
        NO_COLOR="1",
    )
    env.update(extra)
    return env


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    kwargs.setdefault("env", offline_env())
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("text", True)
    kwargs.setdefault("timeout", 600)
    return subprocess.run([str(c) for c in cmd], **kwargs)


def ok(cmd: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    done = run(cmd, **kwargs)
    assert done.returncode == 0, f"{' '.join(map(str, cmd))} -> {done.returncode}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@contextlib.contextmanager
def once(tmp_path_factory, config, name: str):
    """A folder made once per test run, shared by xdist workers: yields (folder, True) to the one that must fill it."""
    from filelock import FileLock

    base = tmp_path_factory.getbasetemp()
    shared = base.parent if hasattr(config, "workerinput") else base
    folder = shared / name
    with FileLock(str(shared / f"{name}.lock")):
        done = folder / ".done"
        yield folder, not done.exists()
        done.parent.mkdir(parents=True, exist_ok=True)
        done.touch()


def build_dist(tmp_path_factory, config) -> Path:
    """``python -m build``: the sdist, then the wheel built from that sdist (so the sdist must be complete)."""
    with once(tmp_path_factory, config, "dist") as (folder, todo):
        if todo:
            ok([sys.executable, "-m", "build", "--outdir", folder, ROOT], cwd=ROOT)
    return folder


def make_venv(tmp_path_factory, config, wheel: Path) -> Path:
    """A fresh virtual environment with the built wheel (and its lsp extra) installed offline."""
    with once(tmp_path_factory, config, "venv") as (folder, todo):
        if todo:
            # pip installs into the new environment from here (--python): seeding it with a pip of its own would
            # cost a second install that no test uses
            ok([sys.executable, "-m", "venv", "--without-pip", folder])
            ok([sys.executable, "-m", "pip", "--python", folder / "bin" / "python", "install", "-q", f"{wheel}[lsp]"])
    return folder
