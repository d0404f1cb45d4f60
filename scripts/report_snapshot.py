"""Save the JSON reports of every sample file, then compare a later run with them: a refactor that must not change
a finding (a rule declaring its scope, a shared analysis moving) proves it here.

    scripts/report_snapshot.py save SNAPSHOT.json [ROOT ...]
    scripts/report_snapshot.py compare SNAPSHOT.json [--except KEY ...] [ROOT ...]

Each file under the roots (default: examples/, tests/data/, and in ../shared the corpus, the transcript formats
and the judged texts) is run through the real CLI as the formats table says: ``check --format json`` twice (the
default rules and ``--all``) for copy, ``call review --format json`` for a transcript; a ``.txt`` or ``.md`` is
both. Exit codes and error lines are kept too. Through the Python API every copy rule is also run on each
transcript with its roles (the CLI never runs them on a call, so this is where a rule's "not the buyer's turns"
is exercised). ``compare`` prints every difference and exits 1 when there is one; ``--except score`` leaves out the
differences under a key of that name (a change to the score that must leave every finding as it was).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from plainpitch.formats import CALL, COPY, extensions  # noqa: E402 - after the path is set

SHARED = Path(os.environ.get("PLAINPITCH_SHARED") or ROOT.parent / "shared")
DEFAULT_ROOTS = [ROOT / "examples", ROOT / "tests" / "data", SHARED / "corpus", SHARED / "transcripts" / "formats",
                 SHARED / "data" / "judged"]  # fmt: skip
COPY_EXT = set(extensions(COPY))
CALL_EXT = set(extensions(CALL))
RUNS = (  # (name, command, extensions it reads)
    ("check", ["check", "--format", "json"], COPY_EXT),
    ("check --all", ["check", "--all", "--format", "json"], COPY_EXT),
    ("call review", ["call", "review", "--format", "json"], CALL_EXT),
)
BATCH = 40  # files per CLI run: one process start for many files, a bounded command line


def files(roots: list[Path]) -> list[Path]:
    found = []
    for root in roots:
        if not root.exists():
            sys.exit(f"report_snapshot: {root}: no such folder")
        found.extend(p for p in sorted(root.rglob("*")) if p.is_file())
    return found


def run(args: list[str], batch: list[Path]) -> dict:
    cli = [sys.executable, "-m", "plainpitch", *args, *map(str, batch)]
    done = subprocess.run(cli, capture_output=True, text=True, cwd=ROOT, check=False)
    try:
        report = json.loads(done.stdout) if done.stdout.strip() else None
    except json.JSONDecodeError:
        report = {"stdout": done.stdout}
    return {"rc": done.returncode, "stderr": done.stderr.splitlines(), "report": report}


def copy_rules_on_calls(paths: list[Path]) -> dict:
    """Every copy rule (also those off by default) over each transcript whose roles are decided: the rules read
    the seller's turns and must skip the buyer's."""
    from plainpitch.call.roles import with_roles
    from plainpitch.config import Config
    from plainpitch.emit.json_report import document_dict
    from plainpitch.engine import analyze
    from plainpitch.ingest.errors import LoadError
    from plainpitch.ingest.transcript import load_transcript
    from plainpitch.rules.registry import all_rules

    rules = [r for r in all_rules() if "call" not in r.meta.media]
    out = {}
    for path in paths:
        try:
            doc = with_roles(load_transcript(path))
        except LoadError as exc:
            out[str(path)] = {"error": str(exc)}
            continue
        out[str(path)] = json.loads(json.dumps(document_dict(analyze(doc, Config(all=True), rules=rules))))
    return out


def snapshot(roots: list[Path]) -> dict:
    every = files(roots)
    out: dict[str, dict] = {}
    for name, args, exts in RUNS:
        picked = [p for p in every if p.suffix.lower() in exts]
        for i in range(0, len(picked), BATCH):
            batch = picked[i : i + BATCH]
            out[f"{name} #{i // BATCH}"] = {"files": [str(p) for p in batch], **run(args, batch)}
    calls = [p for p in every if p.suffix.lower() in CALL_EXT]
    out["copy rules on calls (API)"] = {"files": [str(p) for p in calls], "reports": copy_rules_on_calls(calls)}
    return out


def _finding(f: dict) -> str:
    return f"{f['code']} at {f['span']['start']}-{f['span']['end']}: {f['message']}"


def differences(old, new, where: str = "") -> list[str]:
    if type(old) is not type(new):
        return [f"{where}: {old!r} -> {new!r}"]
    if isinstance(old, dict):
        out = []
        for key in sorted(set(old) | set(new), key=str):
            if key not in old or key not in new:
                out.append(f"{where}/{key}: {'added' if key not in old else 'removed'}")
            else:
                out.extend(differences(old[key], new[key], f"{where}/{key}"))
        return out
    if isinstance(old, list):
        if where.endswith("/findings"):  # name a changed finding by its rule, place and message
            a, b = {_finding(f): f for f in old}, {_finding(f): f for f in new}
            out = [f"{where}: no longer {k}" for k in a if k not in b] + [f"{where}: new {k}" for k in b if k not in a]
            if out:
                return out
        if len(old) != len(new):
            return [f"{where}: {len(old)} items -> {len(new)}"]
        return [d for i, (a, b) in enumerate(zip(old, new, strict=True)) for d in differences(a, b, f"{where}[{i}]")]
    return [] if old == new else [f"{where}: {old!r} -> {new!r}"]


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("save", "compare"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    mode, target, rest = argv[0], Path(argv[1]), argv[2:]
    skipped = []
    while len(rest) >= 2 and rest[0] == "--except":
        skipped.append(f"/{rest[1]}/")
        rest = rest[2:]
    roots = [Path(r).resolve() for r in rest] or DEFAULT_ROOTS
    now = snapshot(roots)
    count = sum(len(v["files"]) for v in now.values())
    if mode == "save":
        target.write_text(json.dumps(now, indent=1, sort_keys=True), encoding="utf-8")
        print(f"saved {len(now)} runs over {count} file reads to {target}")
        return 0
    try:
        before = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        print(f"report_snapshot: {target}: {exc}", file=sys.stderr)
        return 2
    diffs = [d for d in differences(before, now) if not any(key in d.split(":")[0] + "/" for key in skipped)]
    for line in diffs[:200]:
        print(line)
    print(f"{len(diffs)} difference(s) over {count} file reads in {len(now)} runs")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
