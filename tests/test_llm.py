"""The model path over real HTTP: the suite's OpenAI-compatible server process (tests/openai_server.py) on
loopback answers from recorded answers, in the API's wire format, streaming included. No internet, no weights."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from llm_server import recorded_server
from plainpitch.cli import main
from plainpitch.llm import ChatClient, LLMError, LLMSettings, resolve
from plainpitch.llm.redact import Redactor

ROOT = Path(__file__).resolve().parents[1]
LANDING = ROOT / "examples" / "landing-page.md"
SUPABASE = Path(__import__("os").environ.get("PLAINPITCH_SHARED", ROOT.parent / "shared")) / "corpus" / "landing" / "supabase-auth.md"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    log = tmp_path_factory.mktemp("llm") / "requests.jsonl"
    with recorded_server(log) as url:
        yield url, log


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the first-use notice is remembered here


def _client(url: str, **kw) -> ChatClient:
    return ChatClient(LLMSettings(url, "recorded", **kw), sleep=lambda s: None)


def _ask(text: str) -> list[dict]:
    return [{"role": "user", "content": text}]


def _requests(log: Path) -> list[dict]:
    return [json.loads(line) for line in log.read_text().splitlines()]


def test_chat_plain_and_streamed(server):
    url, log = server
    with _client(url) as client:
        assert client.chat(_ask("FLAKY ENDPOINT x")) == "Your reports stay current."  # a 500 first, then the answer
        tokens: list[str] = []
        assert client.chat(_ask("Passage to rewrite:\nYour data stays yours."), stream=True, on_token=tokens.append) == "Your data stays yours."
        assert len(tokens) == 4
    body = _requests(log)[-1]["body"]
    assert body["stream"] is True and body["temperature"] == 0 and body["seed"] == 7 and body["model"] == "recorded"


@pytest.mark.parametrize("prompt, expected", [
    ("BROKEN ENDPOINT", "answered HTTP 503 (after 3 tries)"),
    ("GARBAGE ENDPOINT", "returned something that is not a chat completion"),
])  # fmt: skip
def test_endpoint_errors_are_one_line(server, prompt, expected):
    with _client(server[0]) as client, pytest.raises(LLMError) as err:
        client.chat(_ask(prompt))
    assert expected in str(err.value) and "\n" not in str(err.value)


def test_timeout_cut_stream_and_down_endpoint(server):
    with _client(server[0], timeout=0.5, retries=0) as client, pytest.raises(LLMError, match="did not answer within 0.5 s"):
        client.chat(_ask("SLOW ENDPOINT"))
    with _client(server[0]) as client, pytest.raises(LLMError, match="ended the stream"):
        client.chat(_ask("CUT STREAM"), stream=True)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    with _client(f"http://127.0.0.1:{port}/v1", retries=1) as client, pytest.raises(LLMError, match="cannot reach .* is the model server running"):
        client.chat(_ask("hello"))


def test_api_key_comes_from_the_named_variable(server, monkeypatch):
    url, log = server
    monkeypatch.setenv("PP_TEST_KEY", "sk-test-123")
    with _client(url, api_key_env="PP_TEST_KEY") as client:
        client.chat(_ask("Passage to rewrite:\nhi"))
    assert _requests(log)[-1]["auth"] == "Bearer sk-test-123"
    monkeypatch.delenv("PP_TEST_KEY")
    with pytest.raises(LLMError, match="PP_TEST_KEY is not set"):
        _client(url, api_key_env="PP_TEST_KEY")


def test_settings_from_pyproject_and_flags(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.plainpitch]\nprofile = "business"\n[tool.plainpitch.llm]\nbase_url = "http://127.0.0.1:11434/v1"\n'
                         'model = "llama3.1:8b"\ntimeout = 30\n')  # fmt: skip
    assert resolve(str(pyproject), {}, wanted=False) is None  # configured is not asked: nothing is sent
    s = resolve(str(pyproject), {}, wanted=True)
    assert (s.base_url, s.model, s.timeout) == ("http://127.0.0.1:11434/v1", "llama3.1:8b", 30.0)
    assert resolve(str(pyproject), {"model": "qwen2.5:7b"}, wanted=True).model == "qwen2.5:7b"
    with pytest.raises(LLMError, match="not an http"):
        resolve(None, {"base_url": "localhost:11434", "model": "x"}, wanted=True)
    pyproject.write_text('[tool.plainpitch.llm]\nbase_url = "http://x/v1"\nmodel = "m"\ntemprature = 1\n')
    with pytest.raises(LLMError, match="unknown model setting 'temprature'"):
        resolve(str(pyproject), {}, wanted=True)


def test_redaction_round_trip():
    r = Redactor(("Acme Person",))
    sent = r.redact("Hi Sam,\n\nCall +1 415 555 0100 or write to ana@acme.io. Acme Person agrees.\n\nBest,\nAna Ruiz")
    for secret in ("Sam", "415 555", "ana@acme.io", "Acme Person", "Ana Ruiz"):
        assert secret not in sent
    assert r.restore(sent).endswith("Best,\nAna Ruiz")


@pytest.mark.slow
def test_rewrite_with_a_model_passes_the_same_checks(server):
    url, log = server
    out = CliRunner().invoke(main, ["rewrite", str(LANDING), "--base-url", url, "--model", "recorded", "--format", "json", "--redact", "--profile", "business"])
    assert out.exit_code == 0, out.output
    assert f"sending the flagged sentences of {LANDING}" in out.stderr and "names redacted" in out.stderr
    data = json.loads(out.stdout)
    model = [r for r in data["rewrites"] if r["origin"] == "model"]
    offered = [r for r in model if r["status"] == "offered"]
    assert any(r["finding"]["code"] == "RDB001" and r["after"].startswith("Three former infrastructure engineers") for r in offered)
    invented = [r for r in model if any("states a fact the original does not: Netflix" in x for x in r.get("reasons", []))]
    assert invented, "the model's made-up customer must be caught by the fact check"
    # an unchanged echo from the model does not fix anything: dropped, and the offline rewriter had its turn
    assert any(r["status"] == "dropped" and "does not fix the finding" in " ".join(r["reasons"]) for r in model)
    assert data["model"]["endpoint"] == f"{url}/chat/completions"
    again = CliRunner().invoke(main, ["rewrite", str(LANDING), "--base-url", url, "--model", "recorded", "--format", "json"])
    assert "sending" not in again.stderr  # said once per endpoint and model


def test_endpoint_down_is_one_line_and_exit_2():
    out = CliRunner().invoke(main, ["rewrite", str(LANDING), "--base-url", "http://127.0.0.1:9/v1", "--model", "m", "--timeout", "2"])
    assert out.exit_code == 2
    assert out.stderr.strip().splitlines()[-1].startswith("plainpitch: error: cannot reach http://127.0.0.1:9/v1/chat/completions")


@pytest.mark.skipif(not SUPABASE.exists(), reason="shared corpus not present")
def test_pitch_offline_and_with_a_model(server):
    out = CliRunner().invoke(main, ["pitch", str(SUPABASE)])
    assert out.exit_code == 0, out.output
    lines = out.stdout.splitlines()
    assert lines[2].startswith("**") and sum(1 for line in lines if line.startswith("- ")) == 3
    assert any(line.startswith("> ") for line in lines) and "*(from: " in out.stdout
    text = SUPABASE.read_text()
    for line in lines:  # extractive: every benefit is the text's own sentence
        if line.startswith("- "):
            assert line[2:].split(" *(from: ")[0] in " ".join(text.split())
    modelled = CliRunner().invoke(main, ["pitch", str(SUPABASE), "--base-url", server[0], "--model", "recorded"])
    assert modelled.exit_code == 0, modelled.output
    assert modelled.stdout.splitlines()[2] == "**Sign users up with Supabase Auth, without any additional servers.**"
    assert "checked: every fact is the text's own" in modelled.stdout
