"""``plainpitch lsp``: the language server for editors (a face, like the CLI and the web editor).

Modules: ``positions`` (plainpitch locations <-> LSP positions in UTF-16/8/32 code units), ``analysis`` (a buffer
-> its report, config found from the document's folder), ``features`` (diagnostics, hover, code actions),
``rewrites`` (the checked rewrite of one finding as a quick fix), ``server`` (pygls: document sync, debounce,
settings, lazy rewrite actions).
Needs the ``lsp`` extra (pygls, lsprotocol); nothing below the faces imports this package.
"""
