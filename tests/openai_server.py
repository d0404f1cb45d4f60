"""The test suite's OpenAI-compatible server: a real HTTP server process on loopback that speaks the
chat-completions wire format (JSON answers and server-sent-event streams) and answers from recorded answers.

    python tests/openai_server.py ANSWERS.json [--log LOG.jsonl]

prints ``PORT <n>`` on its first line, then serves until killed. ANSWERS is a list of
``{"match": "text in the last user message", "answer": "...", "status": 500, "times": 1, "garbage": true,
"delay": 2.0, "cut": true}``: the first entry whose ``match`` is in the request answers it (``status`` and ``times``:
fail that many times first; ``garbage``: answer something that is not a completion; ``delay``: seconds before
answering; ``cut``: end a stream without [DONE]). No match: the passage is echoed back unchanged (a model that
changes nothing). Every request body is appended to LOG as one JSON line, so tests can see what was sent.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ANSWERS: list[dict] = []
LOG: str | None = None
FAILED: dict[int, int] = {}
LOCK = threading.Lock()


def _echo(messages: list[dict]) -> str:
    user = messages[-1]["content"] if messages else ""
    marker = "Passage to rewrite:\n"
    return user.split(marker, 1)[1] if marker in user else user[-200:]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # quiet
        pass

    def _json(self, status: int, body: object) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        if self.path.rstrip("/").endswith("/models"):
            self._json(200, {"object": "list", "data": [{"id": "recorded", "object": "model", "owned_by": "tests"}]})
        else:
            self._json(404, {"error": {"message": "not found"}})

    def do_POST(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length)
        if not self.path.endswith("/chat/completions"):
            self._json(404, {"error": {"message": f"no route {self.path}"}})
            return
        try:
            body = json.loads(raw)
            messages = body["messages"]
        except (ValueError, KeyError):
            self._json(400, {"error": {"message": "bad request"}})
            return
        if LOG:
            with LOCK, open(LOG, "a", encoding="utf-8") as fh:
                fh.write(json.dumps({"path": self.path, "auth": self.headers.get("authorization"), "body": body}) + "\n")
        user = messages[-1].get("content", "") if messages else ""
        entry = next((i for i, a in enumerate(ANSWERS) if a.get("match", "") in user), None)
        spec = ANSWERS[entry] if entry is not None else {}
        if spec.get("delay"):
            time.sleep(float(spec["delay"]))
        if spec.get("status"):
            with LOCK:
                FAILED[entry] = FAILED.get(entry, 0) + 1
                failing = FAILED[entry] <= int(spec.get("times", 10**9))
            if failing:
                self._json(int(spec["status"]), {"error": {"message": "recorded failure"}})
                return
        if spec.get("garbage"):
            data = b"<html>502 Bad Gateway</html>"
            self.send_response(200)
            self.send_header("content-type", "text/html")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        answer = spec.get("answer", _echo(messages))
        created = int(time.time())
        if body.get("stream"):
            self.send_response(200)
            self.send_header("content-type", "text/event-stream")
            self.send_header("cache-control", "no-cache")
            self.send_header("connection", "close")
            self.end_headers()
            pieces = [w + " " for w in answer.split(" ")]
            pieces[-1] = pieces[-1][:-1]
            first = {"role": "assistant", "content": ""}
            for i, piece in enumerate([None, *pieces]):
                delta = first if piece is None else {"content": piece}
                chunk = {"id": "chatcmpl-rec", "object": "chat.completion.chunk", "created": created, "model": body.get("model"),
                         "choices": [{"index": 0, "delta": delta, "finish_reason": None}]}
                self.wfile.write(b"data: " + json.dumps(chunk).encode() + b"\n\n")
                self.wfile.flush()
                if spec.get("cut") and i == len(pieces) // 2:
                    self.close_connection = True
                    return
            end = {"id": "chatcmpl-rec", "object": "chat.completion.chunk", "created": created, "model": body.get("model"),
                   "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
            self.wfile.write(b"data: " + json.dumps(end).encode() + b"\n\ndata: [DONE]\n\n")
            self.wfile.flush()
            self.close_connection = True
            return
        self._json(200, {
            "id": "chatcmpl-rec", "object": "chat.completion", "created": created, "model": body.get("model"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": answer}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": len(user.split()), "completion_tokens": len(answer.split()),
                      "total_tokens": len(user.split()) + len(answer.split())},
        })  # fmt: skip


def main(argv: list[str]) -> None:
    global LOG
    with open(argv[0], encoding="utf-8") as fh:
        ANSWERS.extend(json.load(fh))
    if "--log" in argv:
        LOG = argv[argv.index("--log") + 1]
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main(sys.argv[1:])
