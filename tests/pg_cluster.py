"""A throw-away PostgreSQL cluster for the history tests: Debian's server binaries, a temporary folder, a free
port on 127.0.0.1, run as a non-root user (PostgreSQL refuses root), stopped and deleted at the end.

    python tests/pg_cluster.py run -- python -m pytest ...   # what `make test` does: one server for the run

``run`` starts the server, exports ``PLAINPITCH_TEST_PG_URL`` (a superuser URL) to the command, and stops the
server however the command ends. Where no PostgreSQL server can be found (the Makefile's ``postgres`` target
installs Debian's package when it can), it says so loudly and runs the command with
``PLAINPITCH_TEST_PG_URL=unavailable``: the PostgreSQL tests then skip, and the pytest summary repeats the warning.
Where the server is installed but will not start, that is an error, not a skip.
"""

from __future__ import annotations

import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

ENV = "PLAINPITCH_TEST_PG_URL"
UNAVAILABLE = "unavailable"
RUN_AS = ("postgres", "plainpitch-pg")  # Debian's package creates the first; else we create the second
BANNER = "=" * 100


def find_bin() -> Path | None:
    """The folder holding initdb and pg_ctl: Debian keeps them out of PATH, in /usr/lib/postgresql/<v>/bin."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(os.path.realpath(found)).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0)
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _user() -> tuple[int, int] | None:
    """(uid, gid) to run the server as when we are root; None when we are not root (run as ourselves)."""
    if os.geteuid() != 0:
        return None
    import pwd

    for name in RUN_AS:
        try:
            entry = pwd.getpwnam(name)
            return entry.pw_uid, entry.pw_gid
        except KeyError:
            continue
    subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", RUN_AS[1]], check=True)
    entry = pwd.getpwnam(RUN_AS[1])
    return entry.pw_uid, entry.pw_gid


class Cluster:
    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="plainpitch-pg-"))
        self.data = self.root / "data"
        self.port = 0
        self.ids = _user()

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        kwargs = {}
        if self.ids is not None:
            kwargs = {"user": self.ids[0], "group": self.ids[1], "extra_groups": []}
        return subprocess.run(args, cwd=self.root, capture_output=True, text=True, timeout=120, **kwargs)

    def start(self) -> str:
        if self.ids is not None:
            os.chown(self.root, *self.ids)
        init = self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust",
                         "-E", "UTF8", "--no-locale", "--no-sync")  # fmt: skip
        if init.returncode != 0:
            raise RuntimeError(f"initdb failed: {init.stderr.strip() or init.stdout.strip()}")
        for _ in range(5):  # another process may take the port between choosing and binding it
            self.port = _free_port()
            options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                       "-c full_page_writes=off -c max_connections=60")  # fmt: skip
            started = self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", options,
                                "-l", str(self.root / "server.log"), "-w", "-t", "60", "start")  # fmt: skip
            if started.returncode == 0:
                return self.url
        log = (self.root / "server.log").read_text(errors="replace")[-2000:] if (self.root / "server.log").exists() else ""
        raise RuntimeError(f"pg_ctl start failed: {started.stderr.strip()} {log}")

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        if self.data.exists():
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


def loud(message: str) -> None:
    print(f"\n{BANNER}\nWARNING: {message}\n{BANNER}\n", file=sys.stderr, flush=True)


def run(command: list[str]) -> int:
    bindir = find_bin()
    env = dict(os.environ)
    if bindir is None:
        loud("PostgreSQL is not installed and could not be: the PostgreSQL history tests are SKIPPED in this run")
        env[ENV] = UNAVAILABLE
        return subprocess.call(command, env=env)
    cluster = Cluster(bindir)
    try:
        env[ENV] = cluster.start()
        print(f"PostgreSQL for the tests: {bindir.parent.name} on 127.0.0.1:{cluster.port} ({cluster.root})", flush=True)
        child = subprocess.Popen(command, env=env)

        def forward(signum, _frame):
            child.send_signal(signum)

        signal.signal(signal.SIGTERM, forward)
        signal.signal(signal.SIGINT, forward)
        return child.wait()
    except RuntimeError as exc:
        print(f"error: could not start the test PostgreSQL server: {exc}", file=sys.stderr)
        return 2
    finally:
        cluster.stop()


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) < 2 or args[0] != "run" or "--" not in args:
        sys.exit("usage: pg_cluster.py run -- COMMAND...")
    sys.exit(run(args[args.index("--") + 1 :]))
