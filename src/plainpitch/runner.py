"""Paths -> Report: expands folders, finds each file's config, loads, analyses, and collects per-file errors."""

from __future__ import annotations

import dataclasses
import fnmatch
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from plainpitch.config import Config, ConfigError, config_for
from plainpitch.ingest import load_bytes, load_path
from plainpitch.ingest.decode import MAX_BYTES
from plainpitch.ingest.errors import LoadError
from plainpitch.model import DocumentReport, InputError, Report
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


def safely(path: str, work: Callable[[], DocumentReport]) -> DocumentReport | InputError:
    """Run the work for one input; what can go wrong with an input becomes its one-line error, never a traceback.
    Shared by ``check`` and ``call``."""
    try:
        return work()
    except LoadError as exc:
        where = exc.path if exc.path not in ("-", "<stdin>", "") else path
        return InputError(where, exc.message if exc.line is None else f"line {exc.line}: {exc.message}")
    except ConfigError as exc:
        return InputError(path, str(exc))
    except RecursionError:
        return InputError(path, "the file is nested too deeply to parse")
    except MemoryError:
        return InputError(path, "the file is too large to analyse in memory")


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
        results: list[DocumentReport | InputError] = []
        include = (self.base or Config()).include
        exclude = (self.base or Config()).exclude
        if self.use_file_config and paths:
            try:
                first = self.config_for(paths[0] if paths[0] != "-" else ".")
                include, exclude = first.include, first.exclude
            except ConfigError:
                pass
        todo: list[tuple[int, str]] = []  # (slot in results, path): checked below, maybe in parallel
        for path, problem in expand(paths, self.overrides.get("include") or include, self.overrides.get("exclude") or exclude):
            if problem:
                results.append(InputError(path, problem))
            elif path == "-":
                stream = stdin if stdin is not None else sys.stdin.buffer
                results.append(self.check_safely(path, stream.read()))
            else:
                todo.append((len(results), path))
                results.append(InputError(path, "not checked"))  # replaced below
        for (slot, _), result in zip(todo, self._check_many([p for _, p in todo]), strict=True):
            results[slot] = result
        reports = tuple(r for r in results if isinstance(r, DocumentReport))
        errors = tuple(r for r in results if isinstance(r, InputError))
        return Report(reports, errors, __version__)

    def _check_many(self, paths: list[str]) -> list[DocumentReport | InputError]:
        """Check files in order; a large folder is spread over the CPU cores (like ruff), a few files are not
        (starting workers costs more than it saves)."""
        jobs = self.jobs or os.cpu_count() or 1
        if jobs <= 1 or len(paths) < PARALLEL_MIN_FILES or sys.platform == "win32":
            return [self.check_safely(p) for p in paths]
        import multiprocessing

        from plainpitch.rules.base import all_rules

        all_rules()  # load the rules once, before forking, so that every worker starts with them
        global _WORKER_RUNNER
        _WORKER_RUNNER = self
        try:
            with multiprocessing.get_context("fork").Pool(min(jobs, len(paths))) as pool:
                return list(pool.imap(_check_in_worker, paths, chunksize=4))
        finally:
            _WORKER_RUNNER = None


PARALLEL_MIN_FILES = 16
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
