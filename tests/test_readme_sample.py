"""The README's sample output is real: every line of the excerpt appears in what `make demo` prints today."""

import sys
from pathlib import Path

from click.testing import CliRunner

from plainpitch.cli import main

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from readme_sample import DEMO_FILES  # noqa: E402


def test_readme_excerpt_matches_the_demo_output(monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## What `make demo` prints", 1)[1]
    excerpt = section.split("```text\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NO_COLOR", "1")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert f"plainpitch check {' '.join(DEMO_FILES)};" in makefile  # the demo checks what the README shows
    result = CliRunner().invoke(main, ["check", *DEMO_FILES])
    assert result.exit_code == 1  # the example copy has warnings: it fails the default --fail-on warning
    printed = set(result.output.splitlines())
    missing = [line for line in excerpt.splitlines() if line != "..." and line not in printed]
    assert not missing, "README sample is stale; regenerate it from `make demo`: " + repr(missing[:3])
