import os
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PLAINPITCH_SHARED", ROOT.parent / "shared"))

# The default history store is in the user's data folder: a test that saves without naming a store (the editor's
# save routes under schemathesis, say) writes to a throw-away folder, never to the user's own history.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="plainpitch-test-data-")
os.environ.pop("PLAINPITCH_HISTORY_URL", None)

# Bytecode is kept (src/ and tests/ __pycache__, which git ignores) even where the environment says not to write it
# (PYTHONDONTWRITEBYTECODE=1): otherwise every xdist worker rewrites the asserts of all 130 test modules and
# compiles the package again on every run, and so does each `plainpitch` process a test starts. A first run in a
# fresh tree compiles as before; the installs of tests/installs.py leave the variable out for their own reason.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"NEEDS SHARED DATA: {SHARED} is not there (clone the repo beside shared/, or set PLAINPITCH_SHARED)")
    return SHARED


from history_support import pg_server, pg_url, pytest_terminal_summary, store_url  # noqa: E402, F401  (history tests)
