"""The language server (pygls over stdio): diagnostics, hover and quick fixes for copy files.

- Open: the buffer is analysed at once. Change: it is analysed again once typing pauses (``DEBOUNCE`` seconds
  after the last change to that document); other open documents are left alone.
- Analyses run one at a time on one worker thread, so the server keeps answering while a long page is checked
  and the shared vocabulary caches are never built by two threads at once. A result is published only if the
  buffer has not changed since it was read; otherwise the newer change's own analysis will publish.
- Settings: ``profile`` and ``context`` from initializationOptions, from ``workspace/didChangeConfiguration``
  (``{"plainpitch": {...}}`` or the bare table) or pulled with ``workspace/configuration`` (section
  ``plainpitch``) when the client sends no settings. They override the project's config file, which is found
  from each document's folder, like ``plainpitch check`` does.
- Quick fixes: the rule's own replacements at once; the checked rewrite of a finding (lsp/rewrites.py, a
  re-analysis or more each) only when asked for: a lazy action resolved by codeAction/resolve, or, for a client
  that cannot resolve, made on the code action request for the one finding under the cursor. A rewrite runs on
  the analysis worker and is kept for that analysis of the buffer, so asking again costs nothing.
- Problems with a config file or a buffer are shown once as a message naming the file, never a traceback.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from plainpitch.config import ConfigError
from plainpitch.ingest.errors import LoadError
from plainpitch.lsp import features, rewrites
from plainpitch.lsp.analysis import Analysis, NotCopy, Settings, analyse
from plainpitch.model import Finding
from plainpitch.profiles import AUDIENCES, CONTEXTS
from plainpitch.version import __version__

DEBOUNCE = 0.3  # seconds of quiet after the last keystroke before a document is analysed again
SECTION = "plainpitch"
SETTINGS_WAIT = 5.0  # seconds an analysis waits for the client to answer the first settings pull
log = logging.getLogger(__name__)


class PlainpitchServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("plainpitch", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.settings = Settings()
        self.results: dict[str, Analysis] = {}
        # the rewrites made (or being made) for the current analysis of each document, by finding
        self.rewrites: dict[str, tuple[Analysis, dict[rewrites.Key, asyncio.Future[tuple[features.Fix, ...]]]]] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="plainpitch-analysis")
        self.debounce = DEBOUNCE
        self._told: set[str] = set()  # messages already shown, so a broken config is not reported on every keystroke
        self.settled: asyncio.Task[None] | None = None  # the first settings pull: analyses wait for it (briefly)

    # -- settings -------------------------------------------------------------------------------------------
    def update_settings(self, raw: Any) -> bool:
        """Apply a settings object; False (with a message) when it is not usable."""
        if not isinstance(raw, dict):
            return False
        table = raw.get(SECTION, raw)
        if not isinstance(table, dict):
            return False
        profile, context = table.get("profile") or None, table.get("context") or None
        if profile is not None and profile not in AUDIENCES:
            self.tell(f"plainpitch: setting profile {profile!r} is not one of {', '.join(AUDIENCES)}")
            return False
        if context is not None and context not in CONTEXTS:
            self.tell(f"plainpitch: setting context {context!r} is not one of {', '.join(CONTEXTS)}")
            return False
        debounce = table.get("debounce")
        if isinstance(debounce, int | float) and not isinstance(debounce, bool) and 0 <= debounce <= 10:
            self.debounce = float(debounce)
        self.settings = Settings(profile, context)
        return True

    async def pull_settings(self) -> None:
        caps = self.client_capabilities.workspace
        if not (caps and caps.configuration):
            return
        try:
            answer = await self.workspace_configuration_async(
                types.ConfigurationParams(items=[types.ConfigurationItem(section=SECTION)])
            )
        except Exception as exc:  # a client that advertises the request but fails it: keep the settings we have
            log.info("workspace/configuration failed: %s", exc)
            return
        if answer:
            self.update_settings({SECTION: answer[0]} if isinstance(answer[0], dict) else None)

    # -- analysis -------------------------------------------------------------------------------------------
    def schedule(self, uri: str, delay: float) -> None:
        """(Re)start the countdown to analysing this one document."""
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._after(uri, delay))

    async def _after(self, uri: str, delay: float) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            if self.settled is not None and not self.settled.done():  # the editor's settings decide the first analysis
                await asyncio.wait({self.settled}, timeout=SETTINGS_WAIT)
            await self.refresh(uri)
        finally:
            if self.pending.get(uri) is asyncio.current_task():
                del self.pending[uri]

    async def refresh(self, uri: str) -> Analysis | None:
        """Analyse the buffer as it is now and publish the diagnostics, unless it changed meanwhile."""
        doc = self.workspace.text_documents.get(uri)
        if doc is None:
            return None
        version, text, language = doc.version, doc.source, doc.language_id
        loop = asyncio.get_running_loop()
        result = await loop.run_in_executor(self.worker, self._analyse, uri, version, text, language)
        if isinstance(result, str):
            self.tell(result)
            result = None
        current = self.workspace.text_documents.get(uri)
        if current is None or current.version != version:
            return None  # closed or edited while we worked: the newer version is analysed next
        self.rewrites.pop(uri, None)
        if result is None:
            self.results.pop(uri, None)
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, [], version))
            return None
        self.results[uri] = result
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, features.diagnostics(result), version))
        return result

    def _analyse(self, uri: str, version: int | None, text: str, language: str | None) -> Analysis | str | None:
        """On the worker thread: the analysis, a one-line problem to show, or None for a buffer that is not copy."""
        path = to_fs_path(uri) if uri.startswith("file:") else None
        folders = list(self.workspace.folders.values())
        root = to_fs_path(folders[0].uri) if folders else None
        try:
            return analyse(uri, version, text, path=path, language_id=language, settings=self.settings,
                           workspace_folder=root, encoding=str(self.workspace.position_encoding or "utf-16"))  # fmt: skip
        except NotCopy:
            return None
        except ConfigError as exc:
            return f"plainpitch: {exc}"
        except LoadError as exc:
            return f"plainpitch: {exc.path}: {exc.message}"
        except RecursionError:
            return f"plainpitch: {path or uri}: the document is nested too deeply to parse"

    async def current(self, uri: str) -> Analysis | None:
        """The analysis of the buffer as it is now (re-analysed first if a change is still waiting)."""
        doc = self.workspace.text_documents.get(uri)
        cached = self.results.get(uri)
        if doc is not None and (cached is None or cached.version != doc.version):
            pending = self.pending.pop(uri, None)
            if pending is not None:
                pending.cancel()
            return await self.refresh(uri)
        return cached

    # -- rewrites -------------------------------------------------------------------------------------------
    def resolves_edits(self) -> bool:
        """The client fills a code action's edit in with codeAction/resolve (and sends its data back)."""
        doc = self.client_capabilities.text_document
        caps = doc.code_action if doc else None
        support = caps.resolve_support if caps else None
        return bool(caps and caps.data_support and support and "edit" in support.properties)

    def versioned(self) -> bool:
        caps = self.client_capabilities.workspace
        return bool(caps and caps.workspace_edit and caps.workspace_edit.document_changes)

    def _jobs(self, analysis: Analysis) -> dict[rewrites.Key, asyncio.Future[tuple[features.Fix, ...]]]:
        held = self.rewrites.get(analysis.uri)
        if held is None or held[0] is not analysis:
            held = self.rewrites[analysis.uri] = (analysis, {})
        return held[1]

    def known_rewrite(self, analysis: Analysis, finding: Finding) -> tuple[features.Fix, ...] | None:
        job = self._jobs(analysis).get(rewrites.key(finding))
        if job is None or not job.done() or job.cancelled():
            return None
        return job.result()

    async def rewrite(self, analysis: Analysis, finding: Finding) -> tuple[features.Fix, ...]:
        """The checked rewrite of one finding, made once per analysis on the worker thread (the vocabulary caches
        are never built by two threads at once). A cancelled request does not cancel the work others may await."""
        jobs = self._jobs(analysis)
        k = rewrites.key(finding)
        job = jobs.get(k)
        if job is None or job.cancelled():
            loop = asyncio.get_running_loop()
            job = jobs[k] = loop.run_in_executor(self.worker, rewrites.fixes_for, analysis, finding)
        return await asyncio.shield(job)

    def unchanged(self, analysis: Analysis) -> bool:
        doc = self.workspace.text_documents.get(analysis.uri)
        return doc is not None and doc.version == analysis.version

    async def rewrite_actions(self, analysis: Analysis, rng: types.Range, versioned: bool) -> list[types.CodeAction]:
        found = [f for f in features.findings_in(analysis, rng) if rewrites.rewritable(f)]
        if not found:
            return []
        lazy = self.resolves_edits()
        if not lazy:  # the client cannot resolve: make the rewrite of the finding under the cursor now, that one only
            await self.rewrite(analysis, min(found, key=lambda f: f.location.end - f.location.start))
            if not versioned and not self.unchanged(analysis):
                return []  # typed over while we worked, and the client would apply the edit wherever it lands
        actions = []
        for f in found:
            known = self.known_rewrite(analysis, f)
            if known is not None:  # made already: the edit itself, or no action when nothing passed the checks
                actions.extend(features.fix_action(analysis, fix, versioned) for fix in known)
            elif lazy:
                actions.append(features.lazy_action(analysis, f, rewrites.title(f), rewrites.data(analysis, f)))
        return actions

    async def resolve_rewrite(self, action: types.CodeAction) -> types.CodeAction:
        """Fill a lazy rewrite action's edit in, for the buffer version it was offered on; left without an edit
        when the buffer changed since or no rewrite passed the checks (the writer is told which)."""
        wanted = rewrites.from_data(action.data)
        if wanted is None or action.edit is not None:
            return action
        uri, version, k = wanted
        analysis = await self.current(uri)
        finding = rewrites.find(analysis, k) if analysis is not None and analysis.version == version else None
        if analysis is None or finding is None:
            self.notify("plainpitch: the text changed since this rewrite was offered; ask for it again")
            return action
        fixes = await self.rewrite(analysis, finding)
        versioned = self.versioned()
        if not fixes:
            self.notify(f"plainpitch: no rewrite of {finding.code} {finding.text[:60]!r} passed plainpitch's checks")
        elif versioned or self.unchanged(analysis):
            action.edit = features.workspace_edit(analysis, fixes[0].edits, versioned)
        return action

    def notify(self, message: str) -> None:
        self.window_show_message(types.ShowMessageParams(types.MessageType.Info, message))

    def tell(self, message: str) -> None:
        if message in self._told:
            return
        self._told.add(message)
        log.warning("%s", message)
        self.window_show_message(types.ShowMessageParams(types.MessageType.Error, message))


def wants_quick_fixes(only: list[Any] | None) -> bool:
    """Code action kinds are dotted hierarchies: "quickfix" is asked for by "quickfix" or the empty base kind."""
    if not only:
        return True
    return any(getattr(kind, "value", kind) in ("", types.CodeActionKind.QuickFix.value) for kind in only)


def create_server() -> PlainpitchServer:
    server = PlainpitchServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: PlainpitchServer, params: types.InitializeParams) -> None:
        ls.update_settings(params.initialization_options)

    @server.feature(types.INITIALIZED)
    def initialized(ls: PlainpitchServer, params: types.InitializedParams) -> None:
        ls.settled = asyncio.get_running_loop().create_task(ls.pull_settings())

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: PlainpitchServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: PlainpitchServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PlainpitchServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        pending = ls.pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        ls.results.pop(uri, None)
        ls.rewrites.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(ls: PlainpitchServer, params: types.DidChangeConfigurationParams) -> None:
        if not ls.update_settings(params.settings):
            await ls.pull_settings()
        for uri in list(ls.workspace.text_documents):
            ls.schedule(uri, 0)  # every open document: the profile changes what is jargon everywhere

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: PlainpitchServer, params: types.HoverParams) -> types.Hover | None:
        analysis = await ls.current(params.text_document.uri)
        return features.hover(analysis, params.position) if analysis else None

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix], resolve_provider=True),
    )
    async def code_action(ls: PlainpitchServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        if not wants_quick_fixes(params.context.only):
            return None  # e.g. source.fixAll on save: plainpitch offers quick fixes only
        analysis = await ls.current(params.text_document.uri)
        if analysis is None:
            return None
        versioned = ls.versioned()
        actions = features.code_actions(analysis, params.range, versioned)
        return actions + await ls.rewrite_actions(analysis, params.range, versioned)

    @server.feature(types.CODE_ACTION_RESOLVE)
    async def code_action_resolve(ls: PlainpitchServer, params: types.CodeAction) -> types.CodeAction:
        return await ls.resolve_rewrite(params)

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: PlainpitchServer, params: None) -> None:
        for task in ls.pending.values():
            task.cancel()
        ls.worker.shutdown(wait=False, cancel_futures=True)

    return server


def serve() -> None:
    """Run over stdin/stdout until the client says exit."""
    create_server().start_io()
