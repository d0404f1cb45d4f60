"""The import contract (pyproject.toml [tool.importlinter], drawn in docs/ARCHITECTURE.md) holds: layers point one
way, no module depends on a cycle, and nothing imports the package's public API from inside the package."""

import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    run = subprocess.run([str(lint), "--no-logo", "--no-cache", "--config", str(ROOT / "pyproject.toml")],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "0 broken" in run.stdout


def test_no_module_imports_the_public_api():
    # plainpitch/__init__.py is the public API and imports downwards; a module importing it back makes a cycle
    graph = grimp.build_graph("plainpitch", cache_dir=None)
    assert graph.find_modules_that_directly_import("plainpitch") == set()

