"""check --llm: the configured model classes the sentences and judges jargon in context, over real HTTP (the suite's
OpenAI-compatible server process, tests/openai_server.py, answering from recorded answers for a real dev page).
Every way the model can fail (not JSON, labels or ids out of the allowed set, terms not in the text, a timeout, a
server that is down) falls back to the offline judgement with one note line. No internet, no weights."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from llm_server import recorded_server
from plainpitch.cli import main

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PLAINPITCH_SHARED", ROOT.parent / "shared"))
PAGE = SHARED / "corpus" / "landing" / "supabase-auth.md"
RECORDED = Path(__file__).parent / "data" / "llm" / "judge_answers.json"
# what the recorded model says differently from the offline judges on this page
MODEL_CLASSES = {"Enable social logins with the click of a button.": "benefit",
                 "Google, Facebook, GitHub, Azure (Microsoft), Gitlab, Twitter, Discord, and many more.": "feature",
                 "Own your data": "benefit"}  # fmt: skip

pytestmark = pytest.mark.skipif(not PAGE.exists(), reason="shared corpus not present")


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the first-use notice is remembered here


def _recorded() -> list[dict]:
    return json.loads(RECORDED.read_text(encoding="utf-8"))


def _answers(tmp_path: Path, entries: list[dict]) -> Path:
    path = tmp_path / f"answers-{len(list(tmp_path.glob('answers-*')))}.json"
    path.write_text(json.dumps(entries), encoding="utf-8")
    return path


def _check(*args: str) -> tuple[int, dict, str]:
    out = CliRunner().invoke(main, ["check", str(PAGE), "--format", "json", "--profile", "business", *args])
    assert out.exit_code in (0, 1), out.output
    assert "Traceback" not in out.stderr
    return out.exit_code, json.loads(out.stdout)["documents"][0], out.stderr


def _sent(log: Path) -> list[dict]:
    return [json.loads(line)["body"] for line in log.read_text().splitlines()] if log.exists() else []


def _classes(doc: dict) -> dict[str, str]:
    return {s["text"]: s["label"] for s in doc["details"]["sentences"]}


def _terms(doc: dict) -> dict[str, dict]:
    return {t["text"]: t for t in doc["details"]["jargon"]["terms"] if not t["explained"] and t["kind"] != "code"}


@pytest.fixture(scope="module")
def offline() -> dict:
    out = CliRunner().invoke(main, ["check", str(PAGE), "--format", "json", "--profile", "business"])
    assert out.exit_code in (0, 1) and not out.stderr, out.output
    return json.loads(out.stdout)["documents"][0]


def test_the_model_classes_sentences_and_judges_jargon(tmp_path, offline):
    log = tmp_path / "requests.jsonl"
    with recorded_server(log, RECORDED) as url:
        _, doc, stderr = _check("--base-url", url, "--model", "recorded")
    assert f"sending the sentences and candidate jargon terms of the checked files to {url}/chat/completions" in stderr
    classes, before = _classes(doc), _classes(offline)
    for text, label in MODEL_CLASSES.items():
        assert classes[text] == label != before[text]
    unsure = next(s for s in doc["details"]["sentences"] if s["text"] == "Own your data")
    assert unsure["confidence"] < 0.6  # "sure": false sits below the BEN rules' feature floor
    terms, offline_terms = _terms(doc), _terms(offline)
    assert "permissions" in offline_terms and "permissions" not in terms  # known to a business buyer here
    assert terms["middleware"]["reported"] and terms["SAML"]["kind"] == "acronym"
    for missed in ("policy engine", "server-side"):  # found in context, at their place
        assert missed not in offline_terms and terms[missed]["reason"] == "model" and terms[missed]["reported"]
        start, end = terms[missed]["spans"][0]
        assert PAGE.read_text(encoding="utf-8")[start:end] == missed
    # a term the model adds is still judged by the page: this one opens a glossary-style line that explains it
    scopes = next(t for t in doc["details"]["jargon"]["terms"] if t["text"] == "Social login scopes")
    assert scopes["reason"] == "model" and scopes["explained"] and not scopes["reported"]
    assert doc["notes"][-1] == f"model: sentence classes and jargon judged by recorded at {url}"
    bodies = _sent(log)
    assert len(bodies) == 2  # one request per judgement: the page fits one batch
    for body in bodies:
        assert (body["temperature"], body["seed"], body["response_format"]) == (0, 7, {"type": "json_object"})
    assert '"heading": "Own your data"' in bodies[0]["messages"][1]["content"]  # the sentence's place on the page


def test_offline_check_is_unchanged_and_sends_nothing(tmp_path):
    """A model configured for rewrite is not used by check unless asked; the offline output is the same bytes,
    and the model client is not even imported."""
    log = tmp_path / "requests.jsonl"
    page = tmp_path / "page.md"
    page.write_text(PAGE.read_text(encoding="utf-8"), encoding="utf-8")
    plain = CliRunner().invoke(main, ["check", str(page), "--config", str(_pyproject(tmp_path / "a", ""))])
    with recorded_server(log, RECORDED) as url:
        configured = _pyproject(tmp_path / "b", f'[tool.plainpitch.llm]\nbase_url = "{url}"\nmodel = "recorded"\n')
        again = CliRunner().invoke(main, ["check", str(page), "--config", str(configured)])
        assert again.stdout == plain.stdout and again.exit_code == plain.exit_code and not again.stderr
        assert _sent(log) == []
        asked = _pyproject(tmp_path / "c", f'[tool.plainpitch.llm]\nbase_url = "{url}"\nmodel = "recorded"\ncheck = true\n')
        used = CliRunner().invoke(main, ["check", str(page), "--config", str(asked)])
        assert "judged by recorded" in used.stdout and len(_sent(log)) == 2
    probe = ("import sys; from click.testing import CliRunner; from plainpitch.cli import main; "
             f"r = CliRunner().invoke(main, ['check', {str(page)!r}]); "
             "print(r.exit_code, 'plainpitch.llm' in sys.modules, 'httpx' in sys.modules)")  # fmt: skip
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, check=True)
    assert result.stdout.split()[1:] == ["False", "False"]


def _pyproject(folder: Path, llm: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "pyproject.toml"
    path.write_text('[tool.plainpitch]\ncontext = "self-serve"\n' + llm, encoding="utf-8")
    return path


def _broken_classes(change) -> list[dict]:
    entries = _recorded()
    answer = json.loads(entries[0]["answer"])
    entries[0]["answer"] = change(answer)
    return entries


def _broken_jargon(change) -> list[dict]:
    entries = _recorded()
    answer = json.loads(entries[1]["answer"])
    entries[1]["answer"] = change(answer)
    return entries


def _set(answer: dict, path: tuple, value) -> str:
    target = answer
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return json.dumps(answer)


BROKEN = {
    "prose, not JSON": (_broken_classes(lambda a: "Sure! Here are the labels: feature, benefit..."), "classes", "not the JSON asked for"),
    "a label not allowed": (_broken_classes(lambda a: _set(a, ("labels", 3, "label"), "benefits")), "classes", "the label 'benefits'"),
    "an id out of range": (_broken_classes(lambda a: _set(a, ("labels", 3, "id"), 28)), "classes", "names sentence 28"),
    "a sentence left out": (_broken_classes(lambda a: json.dumps({"labels": a["labels"][:-1]})), "classes", "left out sentence 27"),
    "a list, not an object": (_broken_classes(lambda a: json.dumps(a["labels"])), "classes", "not a JSON object"),
    "sure as text": (_broken_classes(lambda a: _set(a, ("labels", 0, "sure"), "yes")), "classes", '"sure": \'yes\''),
    "a term not in the text": (_broken_jargon(lambda a: _set(a, ("missed", 0, "term"), "blockchain")), "jargon", "'blockchain', which is not in sentence 6"),
    "a term in another sentence": (_broken_jargon(lambda a: _set(a, ("missed", 1, "sentence"), 2)), "jargon", "'server-side', which is not in sentence 2"),
    "a verdict missing": (_broken_jargon(lambda a: json.dumps({**a, "candidates": a["candidates"][1:]})), "jargon", "judged 12 of the 13 terms"),
    "a verdict as text": (_broken_jargon(lambda a: _set(a, ("candidates", 0, "jargon"), "no")), "jargon", "\"jargon\": 'no'"),
}  # fmt: skip


@pytest.mark.parametrize("case", list(BROKEN), ids=list(BROKEN))
def test_an_unusable_answer_falls_back_with_one_note(tmp_path, offline, case):
    entries, part, reason = BROKEN[case]
    with recorded_server(tmp_path / "log.jsonl", _answers(tmp_path, entries)) as url:
        _, doc, _ = _check("--base-url", url, "--model", "recorded")
    notes = [n for n in doc["notes"] if n.startswith("model:")]
    if part == "classes":  # the first judgement failed: the whole document is offline, and says so once
        assert len(notes) == 1 and reason in notes[0] and notes[0].endswith("judged offline instead")
        assert _classes(doc) == _classes(offline) and _terms(doc) == _terms(offline)
    else:  # the classes were the model's, the jargon is the detector's
        assert notes[0] == f"model: sentence classes judged by recorded at {url}"
        assert reason in notes[1] and "jargon and the rest of this document judged offline" in notes[1]
        assert _classes(doc)["Own your data"] == "benefit" and _terms(doc) == _terms(offline)
    if part == "classes":
        assert doc["findings"] == offline["findings"] and doc["score"] == offline["score"]


def test_a_fenced_json_answer_is_accepted(tmp_path):
    entries = _recorded()
    entries[0]["answer"] = "```json\n" + entries[0]["answer"] + "\n```"
    with recorded_server(tmp_path / "log.jsonl", _answers(tmp_path, entries)) as url:
        _, doc, _ = _check("--base-url", url, "--model", "recorded")
    assert _classes(doc)["Own your data"] == "benefit" and "judged offline" not in " ".join(doc["notes"])


def test_timeout_and_server_down_fall_back(tmp_path, offline):
    entries = _recorded()
    entries[0]["delay"] = 3
    with recorded_server(tmp_path / "log.jsonl", _answers(tmp_path, entries)) as url:
        config = _pyproject(tmp_path / "slow", f'[tool.plainpitch.llm]\nbase_url = "{url}"\nmodel = "recorded"\nretries = 0\n')
        _, doc, _ = _check("--config", str(config), "--llm", "--timeout", "1")
    assert [n for n in doc["notes"] if n.startswith("model:")] == [
        f"model: {url}/chat/completions did not answer within 1 s; sentence classes and the rest of this document "
        "judged offline instead"]  # fmt: skip
    assert _classes(doc) == _classes(offline) and _terms(doc) == _terms(offline)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    config = _pyproject(tmp_path / "down", f'[tool.plainpitch.llm]\nbase_url = "http://127.0.0.1:{port}/v1"\nmodel = "m"\nretries = 0\n')
    code, doc, stderr = _check("--config", str(config), "--llm")
    note = next(n for n in doc["notes"] if n.startswith("model:"))
    assert "cannot reach" in note and "is the model server running?" in note and _terms(doc) == _terms(offline)
    text = CliRunner().invoke(main, ["check", str(PAGE), "--config", str(config), "--llm"])
    assert "Traceback" not in text.output and sum("note: model: cannot reach" in line for line in text.stdout.splitlines()) == 1


def test_bad_model_settings_are_one_line():
    out = CliRunner().invoke(main, ["check", str(PAGE), "--llm"])
    assert out.exit_code == 2 and out.stderr.strip().startswith("plainpitch: error: ")
    assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.output


def test_redaction_applies_to_what_check_sends(tmp_path):
    log = tmp_path / "requests.jsonl"
    email = tmp_path / "intro.txt"
    email.write_text("Hi Sam,\n\nI saw your team moved its invoicing to Acme last month. Our tool sends the reminders "
                     "for you, so you get paid a week sooner. Call me on +1 415 555 0100 or write to ana@acme.io.\n\n"
                     "Best,\nAna Ruiz\n", encoding="utf-8")  # fmt: skip
    with recorded_server(log, _answers(tmp_path, [])) as url:
        out = CliRunner().invoke(main, ["check", str(email), "--base-url", url, "--model", "recorded", "--redact"])
    assert out.exit_code in (0, 1) and "names redacted" in out.stderr and "Traceback" not in out.output
    sent = " ".join(m["content"] for body in _sent(log) for m in body["messages"])
    assert "[name 1]" in sent and "[email 1]" in sent and "[phone 1]" in sent
    for secret in ("Sam", "Ana Ruiz", "ana@acme.io", "415 555"):
        assert secret not in sent


@pytest.mark.slow
def test_the_measurement_harness_runs_against_a_served_model(tmp_path):
    """scripts/eval_model_judge.py: not run without a model; against a model whose every answer is unusable, it
    counts the failures and its figures are the offline ones (the CLI's fallback), measured the same way."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import eval_model_judge

    assert eval_model_judge.run(SHARED, env={})["status"].startswith("not run: no model configured")
    with recorded_server(tmp_path / "log.jsonl", _answers(tmp_path, [])) as url:
        result = eval_model_judge.run(SHARED, pages=2, env={"PLAINPITCH_EVAL_LLM_URL": url, "PLAINPITCH_EVAL_LLM_MODEL": "m"})
    assert result["status"] == "run" and result["jargon"]["model_answers_unusable"].startswith("2 of 2 pages")
    documents = int(result["classes"]["model_answers_unusable"].split(" of ")[1].split()[0])
    assert result["classes"]["model_answers_unusable"].startswith(f"{documents} of {documents} documents")
    for figures in (v for v in result["jargon"].values() if isinstance(v, dict)):
        assert figures["model"] == figures["offline"] and figures["offline"]["labelled_terms"] > 0
    assert 0 < result["classes"]["model"]["macro_f1"] <= 1
    assert len(_sent(tmp_path / "log.jsonl")) == documents + 2  # one request per document and judgement
