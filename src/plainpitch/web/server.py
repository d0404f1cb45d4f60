"""``plainpitch serve``: run the app under uvicorn on loopback, warn loudly when told to listen elsewhere."""

from __future__ import annotations

import ipaddress
import os
import signal
import socket
import sys
import threading
import webbrowser
from pathlib import Path

LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}
HEADER_TIMEOUT = 10.0  # seconds a client has to send a request's line and headers (slowloris is dropped)
BODY_TIMEOUT = 30.0  # seconds to send the whole body once the headers are in (2 MB at 70 KB/s)
KEEP_ALIVE = 5.0  # an idle kept-alive connection is closed after this


def is_loopback(host: str) -> bool:
    name = host.strip("[]").lower()
    if name in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def exposure_warning(host: str) -> str | None:
    """The warning to print when the server would be reachable from other machines (None on loopback)."""
    if is_loopback(host):
        return None
    return (
        f"plainpitch: warning: serving on {host}: anyone who can reach this machine can use the editor and API "
        "(there is no login); use --host 127.0.0.1 to keep it local"
    )


def _bind(host: str, port: int) -> socket.socket:
    """Bind before starting uvicorn so that a busy port is one clear line, not a log trace."""
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as exc:
        sock.close()
        reason = "the port is in use (try --port)" if exc.errno in (48, 98) else (exc.strerror or str(exc))
        print(f"plainpitch: error: cannot listen on {host}:{port}: {reason}", file=sys.stderr)
        raise SystemExit(2) from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def _allowed_hosts(host: str) -> list[str] | None:
    """Host headers to accept: loopback names (the default), or anything when serving on all interfaces."""
    if is_loopback(host):
        return None
    bare = host.strip("[]")
    if bare in ("0.0.0.0", "::"):
        return ["*"]
    return ["127.0.0.1", "localhost", "[::1]", f"[{bare}]" if ":" in bare else bare]


def run(host: str = "127.0.0.1", port: int = 8765, open_browser: bool = False,
        header_timeout: float = HEADER_TIMEOUT, body_timeout: float = BODY_TIMEOUT, workers: int = 0) -> None:  # fmt: skip
    import uvicorn

    from plainpitch.config import config_for
    from plainpitch.web.app import create_app

    warning = exposure_warning(host)
    if warning:
        print(warning, file=sys.stderr)
    config = config_for(Path.cwd())  # the project's plainpitch.toml / [tool.plainpitch], as `check` uses
    sock = _bind(host, port)  # first: a busy port fails before the rules are loaded
    app = create_app(config, allowed_hosts=_allowed_hosts(host))
    shown = host if ":" not in host else f"[{host.strip('[]')}]"
    url = f"http://{'127.0.0.1' if shown in ('0.0.0.0', '[::]') else shown}:{sock.getsockname()[1]}/"
    print(f"plainpitch editor on {url}  (Ctrl+C to stop)", file=sys.stderr)
    children = _fork_workers(worker_count(workers), sock, app, header_timeout, body_timeout)
    terminated: list[int] = []
    server = uvicorn.Server(uvicorn_config(app, header_timeout, body_timeout))
    if children:
        # uvicorn re-raises SIGTERM once it has shut down: stop the workers first, then go as asked. A SIGTERM that
        # comes before uvicorn has put in its own handler (a worker already answering while this one starts) must
        # still stop this server, or it would serve on and never reap its workers.
        def on_term(sig: int, _frame: object) -> None:
            terminated.append(sig)
            server.should_exit = True

        signal.signal(signal.SIGTERM, on_term)
    if open_browser:
        threading.Thread(target=_open_when_started, args=(server, url), daemon=True).start()
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
        _stop_workers(children)
    if terminated:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.raise_signal(signal.SIGTERM)


def worker_count(requested: int = 0) -> int:
    """Processes that serve requests: one per core by default (the analysis is CPU work in Python, so threads in
    one process share one core); one where processes cannot be forked."""
    from plainpitch.runner import cores

    if not hasattr(os, "fork"):
        return 1
    return max(1, requested or cores())


def _fork_workers(count: int, sock: socket.socket, app, header_timeout: float, body_timeout: float) -> list[int]:
    """Pre-fork ``count - 1`` more servers on the same listening socket (the kernel hands each connection to one
    of them), after the app is built and every rule loaded, before any thread or event loop exists. Each worker
    has its own caches; nothing a request needs lives in another request's process."""
    import uvicorn

    children: list[int] = []
    for _ in range(count - 1):
        pid = os.fork()
        if pid == 0:  # the worker: serve until told to stop, then leave without running the parent's cleanup
            code = 0
            try:
                _die_with_parent()
                uvicorn.Server(uvicorn_config(app, header_timeout, body_timeout)).run(sockets=[sock])
            except BaseException:  # noqa: BLE001 - a worker must never fall back into the parent's code
                code = 1
            finally:
                os._exit(code)
        children.append(pid)
    return children


def _die_with_parent() -> None:
    """Linux: the kernel stops this worker when the server's first process dies, even by SIGKILL."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() == 1:  # the parent died before the line above ran
        os._exit(0)


def _stop_workers(children: list[int]) -> None:
    for pid in children:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    for pid in children:
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass




def uvicorn_config(app, header_timeout: float = HEADER_TIMEOUT, body_timeout: float = BODY_TIMEOUT):
    """The server's settings: h11 with the request timeouts below, no access log, no server header."""
    import uvicorn

    from plainpitch.web.timeouts import guarded_protocol

    protocol = guarded_protocol(header_timeout, body_timeout)
    return uvicorn.Config(app, http=protocol, log_level="warning", server_header=False, access_log=False,
                          timeout_keep_alive=int(KEEP_ALIVE), lifespan="off")  # fmt: skip


def _open_when_started(server, url: str) -> None:
    import time

    for _ in range(100):
        if server.started:
            webbrowser.open(url)
            return
        time.sleep(0.05)
