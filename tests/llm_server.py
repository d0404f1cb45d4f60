"""Start and stop the suite's OpenAI-compatible server process (tests/openai_server.py) on loopback."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).parent
ANSWERS = HERE / "data" / "llm" / "answers.json"


@contextlib.contextmanager
def recorded_server(log: Path, answers: Path = ANSWERS) -> Iterator[str]:
    """The base URL (``http://127.0.0.1:<port>/v1``) of a fresh server process; it is killed afterwards."""
    proc = subprocess.Popen([sys.executable, str(HERE / "openai_server.py"), str(answers), "--log", str(log)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        if not line.startswith("PORT "):
            raise RuntimeError(f"the recorded OpenAI server did not start: {line!r} {proc.stderr.read() if proc.stderr else ''}")
        yield f"http://127.0.0.1:{int(line.split()[1])}/v1"
    finally:
        proc.kill()
        proc.wait(10)
        for stream in (proc.stdout, proc.stderr):
            if stream:
                stream.close()
