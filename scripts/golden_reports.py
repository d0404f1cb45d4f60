"""Same findings before and after a speed change: the JSON reports of real files, saved once and compared.

    python scripts/golden_reports.py save DIR      # before the change
    python scripts/golden_reports.py compare DIR   # after it: exit 1 and name every report that differs

Runs the real CLI (``check --all`` under each reader profile, ``call review`` under each call type) on examples/,
tests/data, ../shared/corpus and ../shared/transcripts/formats, and on a 1 MiB Markdown page and a 1 MiB WebVTT
call generated as in scripts/bench_robust.py (so a change that only shows on large inputs shows here). Each
report is compared byte for byte (a JSON report whose only change is its whitespace is named as such). A rule change is expected to change these reports: this is for work that must not.
"""

from __future__ import annotations

import difflib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PLAINPITCH_SHARED", ROOT.parent / "shared"))
BIN = Path(sys.executable).with_name("plainpitch")
sys.path.insert(0, str(ROOT / "scripts"))

from bench_robust import MIB, markdown, webvtt  # noqa: E402

COPY = (".md", ".html", ".htm", ".txt", ".eml")
CALLS = (".vtt", ".srt", ".json", ".txt", ".md")


def copy_files() -> list[Path]:
    found = [ROOT / "examples" / "landing-page.md"]
    for folder in (ROOT / "tests" / "data" / "sales", ROOT / "tests" / "data" / "ingest", SHARED / "corpus"):
        found += sorted(p for p in folder.rglob("*") if p.suffix in COPY and p.is_file())
    return found


def call_files() -> list[Path]:
    found = sorted(p for p in (ROOT / "tests" / "data" / "transcripts").iterdir() if p.suffix in CALLS)
    found = [p for p in found if p.name != "README.md"]
    return found + sorted(p for p in (SHARED / "transcripts" / "formats").rglob("*") if p.suffix in CALLS)


def reports(big: Path) -> dict[str, list[str]]:
    """Name -> CLI arguments of every report to compare."""
    page, call = big / "page-1MiB.md", big / "call-1MiB.vtt"
    copy = [str(p) for p in copy_files()]
    calls = [str(p) for p in call_files()]
    out = {}
    for profile in ("technical", "business", "consumer"):
        out[f"check-{profile}"] = ["check", "--all", "--profile", profile, "-f", "json", *copy]
    out["check-default"] = ["check", "-f", "json", *copy]
    out["check-big"] = ["check", "--all", "--max-size", "100", "-f", "json", str(page)]
    for kind in ("discovery", "demo", "cold", "closing"):
        out[f"call-{kind}"] = ["call", "review", "--type", kind, "-f", "json", *calls]
    out["call-default"] = ["call", "review", "-f", "json", *calls]
    out["call-big"] = ["call", "review", "-f", "json", str(call)]
    return out


def run_all(dest: Path) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        big = Path("/tmp/plainpitch-golden-inputs")  # fixed paths: the reports name their files
        big.mkdir(exist_ok=True)
        markdown(MIB, big / "page-1MiB.md")
        webvtt(MIB, big / "call-1MiB.vtt")
        for name, args in reports(big).items():
            proc = subprocess.run([str(BIN), *args], capture_output=True, cwd=ROOT, check=False)
            (dest / f"{name}.json").write_bytes(proc.stdout)
            (dest / f"{name}.exit").write_text(f"{proc.returncode}\n{proc.stderr.decode('utf-8', 'replace')}")
            print(f"{name}: exit {proc.returncode}, {len(proc.stdout)} bytes", flush=True)
        del tmp


def _same_json(a: Path, b: Path) -> bool:
    try:
        return json.loads(a.read_bytes()) == json.loads(b.read_bytes())
    except ValueError:
        return False


def compare(saved: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        now = Path(tmp)
        run_all(now)
        bad = 0
        for before in sorted(saved.iterdir()):
            after = now / before.name
            if before.read_bytes() != after.read_bytes():
                if before.suffix == ".json" and _same_json(before, after):
                    print(f"same JSON, other whitespace: {before.name}")
                    continue
                bad += 1
                print(f"DIFFERS: {before.name}")
                a = before.read_text(encoding="utf-8", errors="replace").replace(",", ",\n").splitlines()
                b = after.read_text(encoding="utf-8", errors="replace").replace(",", ",\n").splitlines()
                sys.stdout.writelines(line + "\n" for line in list(difflib.unified_diff(a, b, lineterm=""))[:40])
    print("identical" if not bad else f"{bad} file(s) differ")
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("save", "compare"):
        sys.exit(__doc__)
    if sys.argv[1] == "save":
        run_all(Path(sys.argv[2]))
    else:
        sys.exit(compare(Path(sys.argv[2])))
