"""Every input format plainpitch reads, in one table: its name, the command that reads it, its reader and the file
extensions that name it. The CLI's choices, both folder walkers (``check`` and ``call review``), the editor, the
API and the loaders all read this table; registering a new format is one ``Format(...)`` line here (and its reader
module).

Content decides before the name where a name is not telling: copy with no telling extension is sniffed by
``plainpitch.ingest.sniff_format``; a transcript's format is detected from its content first by
``plainpitch.ingest.transcript.detect`` (exports are often misnamed), its extension deciding only when the
content fits no format. A plain-text name (.txt) may hold copy or a transcript: ``check`` reads it as copy and
``call review`` as a transcript.

This module is pure data at the bottom of the layers (no imports), so the CLI can build its options instantly.
"""

from __future__ import annotations

from dataclasses import dataclass

COPY = "check"  # copy: pages, e-mails, proposals
CALL = "call review"  # call transcripts


@dataclass(frozen=True)
class Format:
    name: str
    command: str  # COPY or CALL: the command that reads it
    reader: str  # "module:function": a copy loader load(text, path, raw) or a transcript parser parse(text, path)
    extensions: tuple[str, ...] = ()  # lower case, with the dot; "" = a name with no extension
    label: str = ""
    binary: bool = False  # read from its bytes, never decoded as text (a .docx)
    walked: bool = True  # picked up by a folder walk; False: read only when named (a folder's .yml is mostly config)


_T = "plainpitch.ingest.transcript."
# Page and e-mail template languages: copy with directives between the words (plainpitch.ingest.template)
_TEMPLATE_EXTENSIONS = (".php", ".phtml", ".ejs", ".erb", ".rhtml", ".hbs", ".handlebars", ".mustache", ".njk",
                        ".nunjucks", ".jinja", ".jinja2", ".j2", ".twig", ".liquid", ".gohtml", ".tmpl", ".tpl", ".eex", ".leex", ".jsp", ".ftl", ".ftlh",
                        ".mjml", ".mako")  # fmt: skip
FORMATS: tuple[Format, ...] = (
    Format("text", COPY, "plainpitch.ingest.plain:load", (".txt", ".text", ""), "plain text"),
    Format("markdown", COPY, "plainpitch.ingest.markdown:load", (".md", ".markdown", ".mdx", ".mkd"), "Markdown"),
    Format("html", COPY, "plainpitch.ingest.html:load", (".html", ".htm", ".xhtml"), "HTML"),
    Format("email", COPY, "plainpitch.ingest.email:load", (".eml", ".email", ".mbox"), "e-mail"),
    Format("template", COPY, "plainpitch.ingest.template:load", _TEMPLATE_EXTENSIONS,
           "page or e-mail template (PHP, EJS, ERB, Handlebars, Jinja, Twig, Liquid, Go, JSP, FreeMarker, MJML, Mako)"),  # fmt: skip
    Format("jsx", COPY, "plainpitch.ingest.jsx:load", (".jsx", ".tsx", ".astro", ".svelte"),
           "React, Astro or Svelte component (JSX, TSX, Astro, Svelte): its markup"),  # fmt: skip
    Format("vue", COPY, "plainpitch.ingest.vue:load", (".vue",), "Vue component (.vue): its template"),
    Format("jsstring", COPY, "plainpitch.ingest.jsstring:load", (),
           "HTML in a JavaScript template string (a .js e-mail template named on the command line)", walked=False),  # fmt: skip
    Format("data", COPY, "plainpitch.ingest.data:load", (".yml", ".yaml"),
           "content file (YAML, JSON that is no transcript, or a .js/.ts module keeping copy as an object): its text fields",
           walked=False),  # fmt: skip
    Format("vtt", CALL, _T + "vtt:parse", (".vtt", ".webvtt"), "WebVTT"),
    Format("srt", CALL, _T + "srt:parse", (".srt",), "SRT"),
    Format("zoom", CALL, _T + "zoom_txt:parse", (".txt", ".text"), "Zoom text"),
    Format("teams", CALL, _T + "teams_docx:parse", (".txt", ".text"), "Teams text"),
    Format("otter", CALL, _T + "otter:parse", (".txt", ".text"), "Otter text"),
    Format("json", CALL, _T + "json_asr:parse", (".json",), "Whisper/AssemblyAI/Deepgram/tl;dv/Fireflies JSON"),
    Format("lines", CALL, _T + "lines:parse", (".txt", ".text"), "'Name: text' lines"),
    Format("docx", CALL, _T + "teams_docx:parse", (".docx",), "Teams or Google Meet .docx", binary=True),
    Format("granola", CALL, _T + "markdown:parse", (".md", ".markdown"), "Granola and Fireflies-style Markdown"),
    Format("meet", CALL, _T + "meet:parse", (".txt", ".text"), "Google Meet transcript"),
)
BY_NAME = {f.name: f for f in FORMATS}


def names(command: str) -> tuple[str, ...]:
    return tuple(f.name for f in FORMATS if f.command == command)


COPY_FORMATS = names(COPY)
TRANSCRIPT_FORMATS = names(CALL)


def extensions(command: str) -> tuple[str, ...]:
    """The extensions a folder walk for this command picks up, in table order (no empty one)."""
    seen: dict[str, None] = {}
    for f in FORMATS:
        if f.command == command and f.walked:
            seen.update(dict.fromkeys(e for e in f.extensions if e))
    return tuple(seen)


def globs(command: str) -> tuple[str, ...]:
    return tuple("*" + ext for ext in extensions(command))


def _ext(path: str) -> str:
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, ext = name.rpartition(".")
    return "." + ext.lower() if dot and stem else ""


def _by_ext(path: str, command: str) -> list[Format]:
    ext = _ext(path)
    return [f for f in FORMATS if f.command == command and ext in f.extensions]


def copy_format_for(path: str) -> str | None:
    """The copy format a file name says (None: not a name ``check`` reads)."""
    found = _by_ext(path, COPY)
    return found[0].name if found else None


def transcript_format_for(path: str) -> str | None:
    """The transcript format a file name says when it says exactly one (.vtt, .srt...; .txt may be several)."""
    found = _by_ext(path, CALL)
    return found[0].name if len(found) == 1 else None


def is_transcript_name(path: str) -> bool:
    """The name is a transcript's and never copy's (.vtt, .webvtt, .srt, .json, .docx): ``check`` points it at
    ``call review``."""
    return bool(_by_ext(path, CALL)) and not _by_ext(path, COPY)
