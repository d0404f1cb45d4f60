"""Issue 16 against the real server (`plainpitch serve` in a subprocess, real sockets): slow clients are dropped, a
client that goes away leaves no traceback in the log, deep JSON is a 400, a fake .docx a 4xx, a .docx bomb a 413,
a hostile speaker name still charts, and the server does not keep what a large upload cost."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import httpx
import pytest

BIN = Path(sys.executable).with_name("plainpitch")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """(base url, pid, path of the server's stderr log)."""
    port = _free_port()
    log = tmp_path_factory.mktemp("serve") / "stderr.log"
    with open(log, "wb") as err:
        # one process: the memory test reads the resident size of the process that served the requests
        proc = subprocess.Popen([str(BIN), "serve", "--port", str(port), "--header-timeout", "1", "--body-timeout", "1",
                                 "--workers", "1"], stdout=subprocess.DEVNULL, stderr=err,
                                cwd=tmp_path_factory.mktemp("cwd"))  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            if b"editor on" in log.read_bytes():
                break
            if proc.poll() is not None:
                pytest.fail(log.read_text())
            time.sleep(0.1)
        yield url, proc.pid, log
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _dropped(sock: socket.socket) -> bool:
    """True when the server closes the connection without answering (reads to EOF, at most 20 s)."""
    sock.settimeout(20)
    try:
        return sock.recv(1024) == b""
    except ConnectionResetError:
        return True


def _trickled_until_dropped(url: str, head: bytes, trickle: bytes) -> bool:
    """Send ``head``, then ``trickle`` a byte every 0.25 s (never finishing, never idle) for up to 10 s: True when
    the server drops the connection."""
    with socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1]))) as sock:
        sock.sendall(head)
        for i in range(40):
            try:
                sock.sendall(trickle[i % len(trickle) : i % len(trickle) + 1])
            except (BrokenPipeError, ConnectionResetError):
                return True
            time.sleep(0.25)
        return _dropped(sock)


def test_slowloris_headers_are_dropped(server):
    url, _, _ = server
    assert _trickled_until_dropped(url, b"POST /api/v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\n", b"X-a: b\r\n")


def test_a_silent_connection_is_dropped(server):
    url, _, _ = server
    with socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1]))) as sock:
        assert _dropped(sock)


def test_a_slow_body_is_dropped(server):
    url, _, _ = server
    head = (b"POST /api/v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: 1000\r\n\r\n{\"text\": \"")  # fmt: skip
    assert _trickled_until_dropped(url, head, b"a")


def test_a_client_that_goes_away_leaves_no_traceback(server):
    url, _, log = server
    port = int(url.rsplit(":", 1)[1])
    for body in (
        b'{"text": "We ship',
        b'--x\r\nContent-Disposition: form-data; name="file"; filename="a.md"\r\n\r\nWe',
    ):
        kind = b"application/json" if body.startswith(b"{") else b"multipart/form-data; boundary=x"
        with socket.create_connection(("127.0.0.1", port)) as sock:
            sock.sendall(b"POST /api/v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + kind +
                         b"\r\nContent-Length: 5000\r\n\r\n" + body)  # fmt: skip
            time.sleep(0.2)
    time.sleep(0.5)
    assert httpx.get(url + "/api/v1/health").status_code == 200
    assert "Traceback" not in log.read_text(errors="replace")


def test_deep_json_is_a_400_with_a_message(server):
    url, _, log = server
    for depth in (1_000, 100_000):
        body = '{"text": ' + "[" * depth + "]" * depth + "}"
        r = httpx.post(url + "/api/v1/check", content=body, headers={"content-type": "application/json"})
        assert r.status_code == 400
        assert "nested too deeply" in r.json()["error"]["message"]
    assert "Traceback" not in log.read_text(errors="replace")


def test_a_fake_docx_is_refused(server):
    url, _, _ = server
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    r = httpx.post(url + "/api/v1/open", files={"file": ("call.docx", png)})
    assert r.status_code == 415 and "not a Word file" in r.json()["error"]["message"]
    r = httpx.post(url + "/api/v1/call", files={"file": ("call.docx", png)})
    assert 400 <= r.status_code < 500
    not_word = io.BytesIO()
    with zipfile.ZipFile(not_word, "w") as z:
        z.writestr("hello.txt", "Ana: hi")
    r = httpx.post(url + "/api/v1/call", files={"file": ("call.docx", not_word.getvalue())})
    assert 400 <= r.status_code < 500


def docx_bomb(inflated: int) -> bytes:
    """A valid Teams-style .docx whose document part inflates to ``inflated`` bytes of repeated paragraphs."""
    para = b"<w:p><w:r><w:t>Ana  0:03</w:t></w:r></w:p><w:p><w:r><w:t>Thanks for joining today.</w:t></w:r></w:p>"
    head = (b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            b'wordprocessingml/2006/main"><w:body>')  # fmt: skip
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   b'package/2006/content-types"/>')  # fmt: skip
        with z.open("word/document.xml", "w", force_zip64=False) as part:
            part.write(head)
            for _ in range(inflated // len(para)):
                part.write(para)
            part.write(b"</w:body></w:document>")
    return out.getvalue()


def test_a_docx_bomb_is_a_413_with_the_limit(server):
    url, _, _ = server
    bomb = docx_bomb(8 * 1024 * 1024)  # 8 MB inflated from ~30 KB; the server's limit is 2 MB
    assert len(bomb) < 200_000
    r = httpx.post(url + "/api/v1/call", files={"file": ("call.docx", bomb)}, timeout=60)
    assert r.status_code == 413
    error = r.json()["error"]
    assert error["code"] == "too_large" and error["limit"] == 2 * 1024 * 1024 and "2 MB" in error["message"]


def test_a_speaker_named_like_math_text_still_charts(server):
    url, _, _ = server
    vtt = ("WEBVTT\n\n00:00:01.000 --> 00:00:09.000\n<v $\\foo{$>What does your team use today?\n\n"
           "00:00:10.000 --> 00:00:20.000\n<v Ben>A spreadsheet, mostly.\n")  # fmt: skip
    r = httpx.post(url + "/api/v1/call/timeline", json={"text": vtt, "filename": "c.vtt"}, timeout=60)
    if r.status_code == 501:
        pytest.skip("no chart in this build")
    assert r.status_code == 200 and r.text.lstrip().startswith("<svg")
    assert "foo" in r.text


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs /proc")
def test_large_uploads_leave_no_memory_held(server):
    url, pid, _ = server
    turn = "Ana: What does your team use today for the monthly reports, and who signs them off?\n"
    text = turn * (1_800_000 // len(turn))  # just under the 2 MB body limit
    httpx.post(url + "/api/v1/call", json={"text": "Ana: hi\nBen: hello\n"}, timeout=60)
    before = _rss_mb(pid)
    for i in range(4):  # different content each time: nothing is served from the cache
        r = httpx.post(url + "/api/v1/call", json={"text": text + f"Ben: bye {i}\n"}, timeout=300)
        assert r.status_code == 200, r.text[:200]
    after = _rss_mb(pid)
    # four 1.8 MB reviews (their reports are ~40x that) must not stay resident: held caches are byte-bounded
    # and the heap is trimmed after each large request
    assert after - before < 150, (before, after)


def test_report_json_of_the_server_is_valid(server):
    url, _, _ = server
    r = httpx.post(url + "/api/v1/check", json={"text": "We ship faster. Book a demo."})
    assert r.status_code == 200 and json.loads(r.text)["documents"]
