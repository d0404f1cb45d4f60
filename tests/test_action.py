"""The composite GitHub Action: its inputs line up with its scripts and with the README's workflow, and its check
step, run by bash the way the runner runs it (`bash --noprofile --norc -eo pipefail`), with the installed wheel's
`plainpitch`, prints annotations or writes SARIF, records the exit code, and never runs text from an input."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
import yaml

from installs import ROOT, build_dist, make_venv, offline_env, run
from readme_snippets import snippet

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
STEPS = {step.get("id") or step.get("name"): step for step in ACTION["runs"]["steps"]}
BAD = ("Subject: Our CDC pipeline\n\nHi Ana,\n\nSorry to bother you. We are Acme, a K8s-native CDC pipeline company founded in "
       "2019. We build data pipelines for finance teams.\n\nBest,\nBo\n")  # CTA001: no ask (error); TON007: the apology (a notice)


def test_the_action_is_composite_and_every_reference_is_declared():
    assert ACTION["runs"]["using"] == "composite"
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    used = set(re.findall(r"\binputs\.([a-z-]+)", text))
    assert used == set(ACTION["inputs"]), used ^ set(ACTION["inputs"])
    assert {"paths", "profile", "context", "fail-on"} <= set(ACTION["inputs"])
    produced = set(re.findall(r'echo "([a-z-]+)=', STEPS["check"]["run"]))
    assert set(re.findall(r"steps\.check\.outputs\.([a-z-]+)", text)) <= produced
    for step in ACTION["runs"]["steps"]:
        if "run" in step:
            assert step["shell"] == "bash"
            assert "${{" not in step["run"], "inputs reach scripts through env, never pasted into them"
    assert '"$ACTION_PATH"' in STEPS["Install plainpitch"]["run"]  # installs the action's own checkout
    upload = STEPS["Upload SARIF to code scanning"]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")


def test_the_readme_workflow_uses_only_declared_inputs():
    workflow = yaml.safe_load(snippet("on: pull_request"))
    [step] = [s for job in workflow["jobs"].values() for s in job["steps"] if s.get("uses", "").startswith("plainpitch/")]
    assert set(step["with"]) <= set(ACTION["inputs"])


# -- running the check step -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def plainpitch_bin(tmp_path_factory, request) -> Path:
    dist = build_dist(tmp_path_factory, request.config)
    [wheel] = dist.glob("plainpitch-*.whl")
    return make_venv(tmp_path_factory, request.config, wheel) / "bin"


def _step(script: str, workdir: Path, bin_dir: Path, **env: str) -> tuple[int, str, dict[str, str]]:
    output = workdir / ".github-output"
    output.write_text("", encoding="utf-8")
    full = {**offline_env(), "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "GITHUB_OUTPUT": str(output), "NO_COLOR": "1"}
    full.update(env)
    (workdir / ".step.sh").write_text(script, encoding="utf-8")
    done = run(["bash", "--noprofile", "--norc", "-eo", "pipefail", ".step.sh"], cwd=workdir, env=full)
    outputs = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines() if line)
    return done.returncode, done.stdout + done.stderr, outputs


def _inputs(**overrides: str) -> dict[str, str]:
    """The runner's environment for the check step: each input's default, then what the workflow set."""
    values = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
    values.update(overrides)
    return {key: values[ref] for key, ref in
            ((k, re.fullmatch(r"\$\{\{ inputs\.([a-z-]+) \}\}", v).group(1)) for k, v in STEPS["check"]["env"].items())}  # fmt: skip


@pytest.fixture
def repo(tmp_path) -> Path:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "page.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "site" / "my page.md").write_text(BAD, encoding="utf-8")
    # TON007 is off by default: the repository chooses it, as a user would, so that a suggestion becomes a notice
    (tmp_path / "plainpitch.toml").write_text('select = ["CTA001", "TON007"]\n', encoding="utf-8")
    return tmp_path


@pytest.mark.slow
def test_readme_inputs_give_annotations_and_the_verdict_fails_the_job(repo, plainpitch_bin):
    workflow = yaml.safe_load(snippet("on: pull_request"))
    [step] = [s for job in workflow["jobs"].values() for s in job["steps"] if s.get("uses", "").startswith("plainpitch/")]
    code, out, outputs = _step(STEPS["check"]["run"], repo, plainpitch_bin, **_inputs(**step["with"]))
    assert code == 0, out  # the step itself passes, so an upload can follow
    assert outputs["exit-code"] == "1"
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    assert any(line.startswith("::notice file=site/page.md,line=") for line in annotations)
    assert any("file=site/my page.md" in line for line in annotations)
    verdict, out, _ = _step(STEPS["Verdict"]["run"], repo, plainpitch_bin, RC=outputs["exit-code"])
    assert verdict == 1 and "findings reached fail-on" in out


@pytest.mark.slow
def test_sarif_mode_writes_a_valid_report(repo, plainpitch_bin, shared):
    import jsonschema

    code, out, outputs = _step(STEPS["check"]["run"], repo, plainpitch_bin,
                               **_inputs(paths="site", format="sarif", **{"fail-on": "error"}))  # fmt: skip
    assert code == 0, out
    assert outputs["sarif-file"] == "plainpitch.sarif"
    log = json.loads((repo / "plainpitch.sarif").read_text(encoding="utf-8"))
    schema = json.loads((shared / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(log)
    assert all("partialFingerprints" in r for r in log["runs"][0]["results"])
    assert outputs["exit-code"] in ("0", "1")


@pytest.mark.slow
def test_inputs_are_never_run_as_shell(repo, plainpitch_bin):
    hostile = "site/page.md $(touch pwned) `touch pwned2` ;touch pwned3 *"
    code, out, outputs = _step(STEPS["check"]["run"], repo, plainpitch_bin, **_inputs(paths=hostile, profile="business"))
    assert code == 0, out
    assert not list(repo.glob("pwned*"))
    assert "$(touch: no such file" in out or "no such file" in out
    assert outputs["exit-code"] == "1"
    code, out, _ = _step(STEPS["check"]["run"], repo, plainpitch_bin, **_inputs(format="html\n::add-mask::x"))
    assert code == 2 and "::error title=plainpitch::input format must be github or sarif" in out
    assert "\n::add-mask::" not in out


@pytest.mark.slow
def test_paths_one_per_line_keep_their_spaces(repo, plainpitch_bin):
    code, out, outputs = _step(STEPS["check"]["run"], repo, plainpitch_bin, **_inputs(paths="site/my page.md\nsite/page.md\n"))
    assert code == 0, out
    assert "file=site/my page.md" in out and "file=site/page.md" in out
    assert "no such file" not in out
