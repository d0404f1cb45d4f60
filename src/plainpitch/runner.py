"""Paths -> Report: expands folders, finds each file's config, loads, analyses, and collects per-file errors."""

from __future__ import annotations

import dataclasses
import fnmatch
import os
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from plainpitch.config import Config, ConfigError, config_for
from plainpitch.ingest import load_bytes, load_path, read_stdin
from plainpitch.ingest.decode import MAX_BYTES
from plainpitch.ingest.errors import LoadError
from plainpitch.model import DocumentReport, InputError, Report
from plainpitch.rules.registry import UnknownRule
from plainpitch.version import __version__

SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", "dist", "build"}


def _matches(path: str, patterns: Iterable[str]) -> bool:
    name = os.path.basename(path)
    norm = path.replace(os.sep, "/")
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(norm, p) or fnmatch.fnmatch(norm, "*/" + p) for p in patterns)


def expand(paths: Iterable[str], include: Iterable[str], exclude: Iterable[str]) -> Iterator[tuple[str, str | None]]:
    """Yield (path, error) for every file to check; folders are walked with include/exclude globs."""
    include = tuple(include)
    exclude = tuple(exclude)
    for raw in paths:
        if raw == "-":
            yield raw, None
            continue
        if os.path.isdir(raw):
            found = False
            for root, dirs, files in os.walk(raw):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not _matches(os.path.join(root, d), exclude))
                for name in sorted(files):
                    full = os.path.join(root, name)
                    if _matches(full, include) and not _matches(full, exclude):
                        found = True
                        yield full, None
            if not found:
                yield raw, f"no supported files in the folder (looked for {', '.join(include)})"
        elif os.path.exists(raw) or os.path.islink(raw):
            yield raw, None
        else:
            yield raw, "no such file or folder"


def display_path(path: str) -> str:
    """A path as reports show it: a file name that is not UTF-8 (kept as surrogate escapes so that it opens) would
    make the report itself invalid UTF-8; its bad bytes are shown as U+FFFD instead."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def shown(result: DocumentReport | InputError) -> DocumentReport | InputError:
    safe = display_path(result.path)
    return result if safe == result.path else dataclasses.replace(result, path=safe)


REPORT_HINT = "this is a plainpitch bug: please report it with the file (--debug shows the traceback)"
DEBUG = False  # set by the CLI's --debug: an internal error also prints its traceback on stderr


def safely(path: str, work: Callable[[], DocumentReport]) -> DocumentReport | InputError:
    """Run the work for one input; what can go wrong with an input becomes its one-line error, never a traceback.
    Shared by ``check`` and ``call``. The last ``except`` is the last resort: a bug in a loader or a rule costs
    that one file (named, with the rule or loader that failed), never the run."""
    try:
        return shown(work())
    except LoadError as exc:
        where = exc.path if exc.path not in ("-", "<stdin>", "") else path
        return shown(InputError(where, exc.message if exc.line is None else f"line {exc.line}: {exc.message}"))
    except ConfigError as exc:
        return shown(InputError(path, str(exc)))
    except UnknownRule as exc:  # a typo in a config file's select/ignore: that file's settings are wrong, not the tool
        return shown(InputError(path, exc.args[0]))
    except RecursionError:
        return shown(InputError(path, "the file is nested too deeply to parse"))
    except MemoryError:
        return shown(InputError(path, "the file is too large to analyse in memory"))
    except Exception as exc:  # noqa: BLE001 - the last-resort catcher the issue asks for
        return shown(internal_error(display_path(path), exc))


def internal_error(path: str, exc: BaseException) -> InputError:
    """One line naming the rule or loader that failed on ``path``; the traceback rides along for --debug."""
    detail = "".join(traceback.format_exception(exc))
    if DEBUG:
        print(detail.rstrip(), file=sys.stderr, flush=True)
    reason = " ".join(str(exc).split())[:120]
    what = f"{type(exc).__name__}: {reason}" if reason else type(exc).__name__
    return InputError(path, f"internal error in {culprit(exc)} on {path} ({what}); {REPORT_HINT}", detail=detail)


def culprit(exc: BaseException) -> str:
    """Which rule or loader raised: the rule the engine was running (its loop's ``rule``), else the deepest
    plainpitch module in the traceback (a loader is named as such)."""
    rule = None
    deepest = None
    for frame, _line in traceback.walk_tb(exc.__traceback__):
        module = str(frame.f_globals.get("__name__", ""))
        if not module.startswith("plainpitch"):
            continue
        meta = getattr(frame.f_locals.get("rule"), "meta", None)
        if getattr(meta, "code", None):
            rule = f"rule {meta.code} ({getattr(meta, 'name', '?')})"
        deepest = module
    if rule:
        return rule
    if deepest and deepest.startswith("plainpitch.ingest"):
        return f"the loader {deepest}"
    return deepest or "plainpitch"


class Runner:
    def __init__(self, base: Config | None = None, overrides: dict[str, Any] | None = None, fmt: str | None = None,
                 max_bytes: int = MAX_BYTES, use_file_config: bool = True, jobs: int = 0) -> None:  # fmt: skip
        self.base = base
        self.overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
        self.fmt = fmt
        self.max_bytes = max_bytes
        self.use_file_config = use_file_config and base is None
        self._configs: dict[str, Config] = {}
        self.jobs = jobs  # 0 = one worker per CPU core for large folders

    def config_for(self, path: str) -> Config:
        if not self.use_file_config:
            cfg = self.base or Config()
        else:
            folder = os.path.dirname(os.path.abspath(path)) if path != "-" else os.getcwd()
            if folder not in self._configs:
                self._configs[folder] = config_for(Path(folder))
            cfg = self._configs[folder]
        return cfg.with_overrides(**self.overrides) if self.overrides else cfg

    def check_one(self, path: str, stdin_data: bytes | None = None) -> DocumentReport:
        from plainpitch.engine import analyze

        config = self.config_for(path)
        if path == "-":
            doc = load_bytes(stdin_data or b"", "<stdin>", self.fmt, self.max_bytes)
        else:
            doc = load_path(path, self.fmt, self.max_bytes)
        return analyze(doc, config)

    def check_safely(self, path: str, data: bytes | None = None) -> DocumentReport | InputError:
        """One file's report, or its one-line error."""
        return safely(path, lambda: self.check_one(path, data))

    def run(self, paths: list[str], stdin: Any = None) -> Report:
        """Every input's report (with its whole Document) and error, collected. The CLI streams ``results``."""
        results = list(self.results(paths, stdin))
        reports = tuple(r for r in results if isinstance(r, DocumentReport))
        errors = tuple(r for r in results if isinstance(r, InputError))
        return Report(reports, errors, __version__)

    def results(self, paths: list[str], stdin: Any = None) -> Iterator[DocumentReport | InputError]:
        """Each input's report or one-line error, in the order of the inputs, as soon as it is done: a caller
        that renders and drops each one holds one report at a time, however many files there are."""
        include = (self.base or Config()).include
        exclude = (self.base or Config()).exclude
        if self.use_file_config and paths:
            try:
                first = self.config_for(paths[0] if paths[0] != "-" else ".")
                include, exclude = first.include, first.exclude
            except ConfigError:
                pass
        found = list(expand(paths, self.overrides.get("include") or include, self.overrides.get("exclude") or exclude))
        checked = self._check_many([p for p, problem in found if not problem and p != "-"])
        for path, problem in found:
            if problem:
                yield shown(InputError(path, problem))
            elif path == "-":
                yield safely("-", lambda: self.check_one("-", read_stdin(self.max_bytes, stdin)))
            else:
                yield next(checked)

    def _check_many(self, paths: list[str]) -> Iterator[DocumentReport | InputError]:
        """Check files in order, lazily; a large folder is spread over the CPU cores (like ruff), a few files
        are not (starting workers costs more than it saves)."""
        jobs = self.jobs or cores()
        if jobs <= 1 or len(paths) < PARALLEL_MIN_FILES or sys.platform == "win32":
            yield from (self.check_safely(p) for p in paths)
            return
        import multiprocessing

        from plainpitch.rules.base import all_rules

        all_rules()  # load the rules once, before forking, so that every worker starts with them
        global _WORKER_RUNNER
        _WORKER_RUNNER = self
        try:
            with multiprocessing.get_context("fork").Pool(min(jobs, len(paths))) as pool:
                yield from pool.imap(_check_in_worker, paths, chunksize=4)
        finally:
            _WORKER_RUNNER = None


PARALLEL_MIN_FILES = 16
JOBS_PER_CORE_FORCED = 8  # --force-jobs lets a run go past one worker per core, but not without bound


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def allowed_jobs(requested: int, force: bool = False) -> tuple[int, str | None]:
    """(workers to use, a note when the request was cut): one per core at most (each worker holds its own copy
    of the rules and a document: thousands of them would exhaust memory), more only when forced."""
    limit = cores() * (JOBS_PER_CORE_FORCED if force else 1)
    if requested <= limit:
        return requested, None
    hint = "" if force else " (--force-jobs allows more)"
    return limit, f"--jobs {requested} is more than {limit} worker{'s' * (limit != 1)} on {cores()} cores; using {limit}{hint}"
_WORKER_RUNNER: Runner | None = None


def _check_in_worker(path: str) -> DocumentReport | InputError:
    assert _WORKER_RUNNER is not None
    return slim(_WORKER_RUNNER.check_safely(path))


def slim(result: DocumentReport | InputError) -> DocumentReport | InputError:
    """The report without the document's tokens, which the renderers do not read: sending every word back from a
    worker process cost as much as the analysis it saved."""
    doc = result.document if isinstance(result, DocumentReport) else None
    if doc is None or not doc.words:
        return result
    light = dataclasses.replace(doc, words=(), sentences=(), meta={**doc.meta, "word_count": len(doc.words)})
    return dataclasses.replace(result, document=light)


def check_paths(paths: list[str], config: Config | None = None, **overrides: Any) -> Report:
    return Runner(config, overrides).run(paths)
