"""The pre-commit hook, run by pre-commit itself: the README's `.pre-commit-config.yaml` pointed at a git repository
made from this working tree, in a temporary project. pre-commit builds the hook's own environment (it installs
plainpitch from that repository) with pip limited to the offline wheelhouse."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from installs import ROOT, offline_env, ok, run
from readme_snippets import snippet

pytestmark = pytest.mark.slow

GOOD = "# Cut your build times in half\n\nYour team ships twice as often, because every build finishes in minutes.\n\n[CTA: Start my free trial]\n"
BAD = ("Subject: Our CDC pipeline\n\nHi Ana,\n\nSorry to bother you. We are Acme, a K8s-native CDC pipeline company founded in "
      "2019. We build data pipelines for finance teams.\n\nBest,\nBo\n")  # no ask: CTA001
GIT = ["git", "-c", "user.name=plainpitch tests", "-c", "user.email=tests@plainpitch.invalid", "-c", "commit.gpgsign=false"]


def _repository_from_working_tree(target: Path) -> str:
    """A git repository holding this working tree as it is (uncommitted changes included); its commit id."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, capture_output=True, check=True)
    for name in filter(None, listed.stdout.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    ok([*GIT, "init", "-q", target])
    ok([*GIT, "add", "-A"], cwd=target)
    ok([*GIT, "commit", "-q", "-m", "plainpitch under test"], cwd=target)
    return ok(["git", "rev-parse", "HEAD"], cwd=target).stdout.strip()


def test_the_readme_hook_config_runs_offline_and_fails_only_on_bad_copy(tmp_path):
    hook_repo = tmp_path / "plainpitch"
    rev = _repository_from_working_tree(hook_repo)
    config = yaml.safe_load(snippet("repos:"))
    entry = config["repos"][0]
    assert entry["hooks"][0]["id"] == "plainpitch"
    entry["repo"], entry["rev"] = str(hook_repo), rev  # the README's repository and tag, pointed at this tree

    project = tmp_path / "project"
    (project / "site").mkdir(parents=True)
    (project / "site" / "good.md").write_text(GOOD, encoding="utf-8")
    (project / "site" / "bad.md").write_text(BAD, encoding="utf-8")
    (project / "notes.md").write_text(BAD, encoding="utf-8")  # outside the README's `files: ^site/`
    (project / "app.py").write_text("# our K8s-native CDC pipeline, hopefully\n", encoding="utf-8")
    (project / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    ok([*GIT, "init", "-q", project])
    ok([*GIT, "add", "-A"], cwd=project)

    env = offline_env(PRE_COMMIT_HOME=str(tmp_path / "cache"), PRE_COMMIT_COLOR="never")
    pre_commit = [sys.executable, "-m", "pre_commit"]
    failed = run([*pre_commit, "run", "--all-files"], cwd=project, env=env)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "site/bad.md" in failed.stdout and "CTA001" in failed.stdout
    assert "notes.md" not in failed.stdout and "app.py" not in failed.stdout
    assert "site/good.md" in failed.stdout  # checked too, with nothing at the warning level:
    assert not re.search(r"site/good\.md:\d+:\d+: [A-Z]{3}\d{3} \S+ \[(warning|error)\]", failed.stdout)

    (project / "site" / "bad.md").write_text(GOOD.replace("twice", "three times"), encoding="utf-8")
    ok([*GIT, "add", "-A"], cwd=project)
    passed = run([*pre_commit, "run", "--all-files"], cwd=project, env=env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "plainpitch" in passed.stdout and "Passed" in passed.stdout
    envs = list((tmp_path / "cache").glob("repo*/py_env-*/bin/plainpitch"))
    assert envs, "pre-commit did not build the hook's own environment"
