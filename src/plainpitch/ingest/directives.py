"""Template directives set aside in place: PHP, EJS/ERB, Handlebars/Mustache, Jinja/Nunjucks/Twig/Liquid and Go
template syntax, rewritten character for character (every offset still points at the file) so that the HTML or
plain-text reader sees the copy a visitor would read:
- a statement or comment (``{% if %}``, ``<% for %>``, ``{{#each}}``, ``<?php … ?>``, an include) becomes spaces:
  control flow is no copy;
- a translation call or a quoted sentence (``<?php _e('Start your trial') ?>``, ``{{ "Book a call" }}``) keeps the
  sentence where it stands, everything around it blanked: it is the copy;
- any other output (``<%= user.name %>``, ``<?= $price ?>``, ``{{ .Title }}``) becomes a merge field of the same
  length named by its first variable (``{{company_name   }}``): the template fills a value there, and the rules read
  a merge field as a field, never as words (plainpitch.text.placeholders).
"""

from __future__ import annotations

import re

from plainpitch.text import lazy_re

# One pass over the file: each alternative is one directive syntax (DOTALL: directives span lines).
_DIRECTIVE_RE = lazy_re.compile(
    # JSP comments; FreeMarker's <#if>, <@macro>; Mako's <%inherit/>, <%def>, <%block> and its "% if …:" lines
    r"(?P<tag_stmt><%--.*?--%>|<#--.*?-->|</?[#@][A-Za-z][^>]*>|</?%[A-Za-z][\w:.]*\b[^>]*>|"
    r"^[ \t]*%[ \t]*(?:if|elif|else|endif|for|endfor|while|endwhile|try|except|finally|endtry|with|endwith)\b[^\n]*)"
    r"|(?P<php><\?(?:php\b|=)?(?P<php_body>.*?)(?:\?>|\Z))"
    r"|(?P<erb><%(?P<erb_mark>[=\-#_]?)(?P<erb_body>.*?)[-_]?%>)"
    r"|(?P<stmt>\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}|\{%.*?%\}|\{#.*?#\}|\{\{!.*?\}\})"
    r"|(?P<out>\{\{\{?(?P<out_body>.*?)\}?\}\})"
    r"|(?P<el>\$\{(?!\{)(?P<el_body>[^{}]*)\})",  # an expression of JSP, FreeMarker, JavaScript: "${user.name}"
    re.DOTALL | re.MULTILINE,
)
# What marks a file as holding directives at all (most HTML holds none: the pass is skipped)
_OPENERS = ("<?", "<%", "{%", "{{", "{#", "${", "<#", "</#", "<@", "</@")
# An output that is control flow or a partial, not a value: Handlebars blocks, Go template actions, includes
_CONTROL_RE = lazy_re.compile(
    r"^\s*-?\s*(?:[#/^>~!]|(?:else|elif|end|if|range|with|define|template|block|include|render|partial)"
    r"(?=[\s(\"']|-?$))"  # a word followed by its arguments: "{{ block.settings.title }}" is a value
)
_ECHO_RE = lazy_re.compile(r"^\s*(?:echo|print)\b")
# A sentence of copy inside an output: a translation call's first argument, or a quoted literal (filters after it)
_LITERAL_RE = lazy_re.compile(
    r"""^[\s=(-]*(?:(?:echo|print|return)\s+)?(?:(?:_|__|_e|_x|_n|esc_html_e|esc_html__|esc_attr_e|esc_attr__|"""
    r"""esc_html_x|gettext|ngettext|_t|t|trans|translate|i18n\.t|\$t|lang|__t)(?:\s*\(\s*|\s+))?(?P<q>['"`])(?P<text>.+?)(?<!\\)(?P=q)""",
    re.DOTALL,
)
_KEY_RE = lazy_re.compile(r"^[\w-]+(?:[._:/][\w-]+)+$")  # "hero.title", "cta_button.label": a translation key, not copy
_FIELD_CHAR_RE = lazy_re.compile(r"[^\w.\-| ]")  # what a merge field may not hold (plainpitch.text.placeholders)


def blank(text: str) -> str:
    """Spaces of the same length, newlines kept (line numbers stay right)."""
    return re.sub(r"[^\n]", " ", text)


_NAME_RE = lazy_re.compile(r"(?<![\w$])\$?([A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*)(?!\w|\s*\()")
_NOT_NAMES = frozenset({"php", "echo", "print", "return"})


def same_lines(new: str, old: str) -> str:
    """``new`` (as long as ``old``) with ``old``'s line breaks where they were and none of its own: a rewrite that
    keeps every line number right."""
    if "\n" not in old and "\n" not in new:
        return new
    return "".join("\n" if o == "\n" else " " if n == "\n" else n for n, o in zip(new, old, strict=True))


def _field(text: str, inner: str | None = None) -> str:
    """A merge field of the same length: ``{{`` + the expression's first variable name (a value the template fills:
    "{{company_name}}", one word to the reader) + ``}}``."""
    if len(text) < 4:
        return blank(text)
    name = next((n for n in _NAME_RE.findall(text[2:-2] if inner is None else inner) if n not in _NOT_NAMES), "value")
    name = _FIELD_CHAR_RE.sub(" ", name)[: len(text) - 4]
    return same_lines("{{" + name + " " * (len(text) - 4 - len(name)) + "}}", text)  # over lines: they stay


def literal_sentence(body: str) -> tuple[int, str] | None:
    """(offset, sentence) of the copy an expression outputs when it is a quoted sentence or a translation call's
    ("'Start your trial'", "t('Start your trial')"), else None (a translation key such as 'hero.title' is no copy)."""
    literal = _LITERAL_RE.match(body)
    if literal:
        sentence = literal.group("text")
        if not _KEY_RE.match(sentence.strip()) and any(c.isalpha() for c in sentence):
            return literal.start("text"), sentence
    return None


def _output(whole: str, body_at: int, body: str) -> str:
    """An output directive rewritten: blank (control, partial), its literal sentence, or a merge field."""
    if _CONTROL_RE.match(body):
        return blank(whole)
    literal = literal_sentence(body)
    if literal is not None:
        at = body_at + literal[0]
        return blank(whole[:at]) + literal[1] + blank(whole[at + len(literal[1]) :])
    return _field(whole)


# Rails' and Phoenix's link helpers: "<%= link_to 'Book a call', booking_url %>", "<%= link to: url do %>…<% end %>"
_LINK_HELPER_RE = lazy_re.compile(r"^\s*(?:link_to|button_to|mail_to|link|button)\b\s*\(?\s*")
_BLOCK_OPEN_RE = lazy_re.compile(r"\bdo\s*(?:\|[^|]*\|)?\s*-?$|^\s*(?:if|unless|case|while|until|for|begin)\b")
_BLOCK_END_RE = lazy_re.compile(r"^\s*end\b")


def _anchor(width: int, target: str) -> str:
    """An opening ``<a href=…>`` of exactly ``width`` characters, its address named by the target's variable."""
    name = next((n for n in _NAME_RE.findall(target) if n not in _NOT_NAMES), "link")
    room = width - len("<a href=>")
    if room < 1:
        return " " * width
    return "<a href=" + name[:room].ljust(room) + ">"


def _closing_anchor(width: int) -> str:
    return "</a" + " " * (width - 4) + ">" if width >= 4 else " " * width


def _in_tag(text: str, at: int) -> bool:
    """``at`` is inside an HTML tag (between its ``<`` and ``>``): in an attribute."""
    opened = text.rfind("<", 0, at)
    return opened != -1 and opened > text.rfind(">", 0, at) and text[opened + 1 : opened + 2].isalpha()


class _Rewriter:
    """Rewrites each directive in turn (a ``re.sub`` callback); remembers the ERB blocks opened, so that the
    ``end`` of a link helper's block closes its link."""

    def __init__(self) -> None:
        self.blocks: list[bool] = []  # for each open ERB block: whether it is a link helper's

    def __call__(self, m: re.Match[str]) -> str:
        out = self.rewrite(m)
        if not out.strip() and len(out) >= 4 and _in_tag(m.string, m.start()):
            # inside a tag an attribute's value is what a template tag fills ('href="{% url "pricing" %}"',
            # 'href="<?php the_permalink(); ?>"'): a field, never an empty address
            return _field(m.group(0), m.group(0))
        return out

    def rewrite(self, m: re.Match[str]) -> str:
        whole = m.group(0)
        start = m.start()
        if m.group("tag_stmt") is not None:
            return blank(whole)
        if m.group("el") is not None:
            body = m.group("el_body")
            literal = literal_sentence(body)
            if literal is not None:
                at = 2 + literal[0]
                return blank(whole[:at]) + literal[1] + blank(whole[at + len(literal[1]) :])
            return _field(whole, body)
        if m.group("php") is not None:
            body = m.group("php_body")
            if whole.startswith("<?=") or _ECHO_RE.match(body) or _LITERAL_RE.match(body):
                return _output(whole, m.start("php_body") - start, body)
            return blank(whole)  # statements, and "<?xml …?>"
        if m.group("erb") is not None:
            return self.erb(whole, m.start("erb_body") - start, m.group("erb_body"), m.group("erb_mark"))
        if m.group("stmt") is not None:
            return blank(whole)
        return _output(whole, m.start("out_body") - start, m.group("out_body"))

    def erb(self, whole: str, body_at: int, body: str, mark: str) -> str:
        """ERB and EEx: a link helper becomes the link it renders; a block's ``end`` closes it."""
        if _BLOCK_END_RE.match(body):
            is_link = self.blocks.pop() if self.blocks else False
            return _closing_anchor(len(whole)) if is_link and "\n" not in whole else blank(whole)
        link = _LINK_HELPER_RE.match(body) if mark in ("=", "-") and "\n" not in whole else None
        if _BLOCK_OPEN_RE.search(body):
            self.blocks.append(link is not None)
            return _anchor(len(whole), body[link.end() :]) if link else blank(whole)
        sentence = literal_sentence(body[link.end() :]) if link else None
        if link and sentence is not None:
            at = body_at + link.end() + sentence[0]
            end = at + len(sentence[1])
            return _anchor(at, whole[end:]) + sentence[1] + _closing_anchor(len(whole) - end)
        if mark in ("=", "-"):
            return _output(whole, body_at, body)
        return blank(whole)


# Front matter a site generator reads (Jekyll, Hugo, Eleventy): settings, not copy
_FRONT_MATTER_RE = lazy_re.compile(r"\A(?:---|\+\+\+)[ \t]*\n.*?\n(?:---|\+\+\+)[ \t]*(?:\n|\Z)", re.DOTALL)


# A directive that pulls in another file (a header, a footer, a layout, a partial, a Jinja or Nunjucks library of
# macros the page calls: "{% import 'quotes.macros.njk' as quotes %}"): the page shows copy this file does not hold.
# ``kw`` is the directive's keyword, ``arg`` what it names.
_INCLUDE_RE = lazy_re.compile(
    r"\{%-?\s*(?P<kw>include|include_relative|render|extends|embed|section|sections|layout|import|from)\b(?P<arg>[^%]*)%\}"
    r"|\{\{-?\s*(?P<kw2>>|template\s|partial\s|partialCached\s|define\s)(?P<arg2>[^}]*)\}\}"  # Handlebars; Go, Hugo
    r"|<%[-=]?\s*(?P<kw3>include|render|yield)\b(?P<arg3>.*?)%>"  # EJS, ERB
    r"|\{\{(?P<kw4>[<%])\s*(?!/)(?P<arg4>[\w./-]+)",  # a Hugo shortcode renders its own template (layouts/shortcodes)
    re.DOTALL,
)
_PHP_RE = lazy_re.compile(r"<\?(?:php\b|=)?.*?(?:\?>|\Z)", re.DOTALL)
_PHP_INCLUDE_RE = lazy_re.compile(
    r"\b(?P<kw>get_header|get_footer|get_sidebar|get_template_part|include|include_once|require|require_once)\b\s*"
    r"(?P<arg>\([^)]*\)|['\"][^'\"]*['\"])"
)
# keywords that wrap this file in a layout (the layout holds the header and footer)
_LAYOUT_KEYWORDS = frozenset({"extends", "layout", "define", "get_header", "get_footer", "get_sidebar"})  # not yield:
# a layout that yields is the chrome, and the page it wraps is elsewhere
# what a partial's name says it holds: the page's chrome (header, footer, menus, head tags), code, or copy
_CHROME_WORDS = frozenset(
    "head header footer nav navbar navigation menu sidebar base layout default meta script scripts analytics seo "
    "style styles topbar tracking gtm favicon font fonts".split()
)
_CODE_WORDS = frozenset("config functions function db database init bootstrap autoload vendor helpers helper lib "
                        "session connect settings".split())  # fmt: skip
CHROME, CONTENT = "chrome", "content"


# What a Hugo shortcode's name says its template shows. Most shortcodes lay out copy the page passes them (a card, a
# row, a figure, a video); a few are the theme's own sections: an ask (a call-to-action band, a pricing table, a
# contact or sign-up form, a hero with its button) or proof (testimonials, customer logos, case studies).
_SHORTCODE_ASK_WORDS = frozenset("cta call action button buttons btn pricing price prices plans contact form signup "
                                 "subscribe newsletter booking book calendly hero download checkout order".split())  # fmt: skip
_SHORTCODE_PROOF_WORDS = frozenset("testimonial testimonials review reviews logos clients customers case cases "
                                   "trusted proof".split())  # fmt: skip


def _name_words(name: str) -> set[str]:
    """The words of a file's or template's name, lower case: "SiteFooter" and "site-footer" -> {"site", "footer"}."""
    return {w.lower() for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+", name)}


def _shortcode_kind(name: str) -> str | None:
    """CONTENT for a shortcode that shows proof (it may hold the ask too), CHROME for one that shows an ask but no
    proof, None for one that only lays out what the page gives it."""
    words = _name_words(name)
    return CONTENT if words & _SHORTCODE_PROOF_WORDS else CHROME if words & _SHORTCODE_ASK_WORDS else None


def strongest_part(kinds) -> str:
    """What the included parts may hold, all told: CONTENT over CHROME over nothing ("")."""
    return CONTENT if CONTENT in kinds else CHROME if CHROME in kinds else ""


def part_kind(name: str, keyword: str = "") -> str | None:
    """What an included part holds, by its keyword and name: CHROME (a header, footer or layout: menus and links,
    maybe a button, never the page's proof), CONTENT (a section of the page), or None (code: config, functions)."""
    if keyword in _LAYOUT_KEYWORDS:
        return CHROME
    words = _name_words(name)
    if words & _CODE_WORDS:
        return None
    return CHROME if words & _CHROME_WORDS else CONTENT


def may_hold_directives(text: str) -> bool:
    """A cheap look first: most copy holds no template syntax at all."""
    return any(opener in text for opener in _OPENERS)


def included_parts(text: str) -> str:
    """What the template pulls in from other files (``{% include %}``, ``{{> footer}}``, ``get_header()``, a layout
    it extends, a Hugo shortcode such as ``{{< pricing >}}``): CONTENT when any part may hold a section of the page,
    CHROME when only its header, footer or layout, "" when nothing (what the reader sees is what this file holds)."""
    if not may_hold_directives(text):
        return ""
    kinds = set()
    for m in _INCLUDE_RE.finditer(text):
        if m.group("kw4"):
            kinds.add(_shortcode_kind(m.group("arg4")))
            continue
        keyword = (m.group("kw") or m.group("kw2") or m.group("kw3") or "").strip()
        kinds.add(part_kind(m.group("arg") or m.group("arg2") or m.group("arg3") or "", keyword))
    if "<?" in text:
        for block in _PHP_RE.finditer(text):
            for m in _PHP_INCLUDE_RE.finditer(block.group(0)):
                kinds.add(part_kind(m.group("arg"), m.group("kw")))
    return strongest_part(kinds)


def set_aside(text: str, front_matter: bool = True, markdown: bool = False) -> str:
    """``text`` with every template directive rewritten in place (same length, same lines); ``front_matter``: blank
    a site generator's front matter too (the Markdown reader reads it for the page's title itself); ``markdown``:
    keep each line's indentation as it was (see ``_keep_indent``)."""
    front = _FRONT_MATTER_RE.match(text) if front_matter and text.startswith(("---", "+++")) else None
    if front:
        text = blank(front.group(0)) + text[front.end() :]
    if not may_hold_directives(text):
        return text
    masked, spots = _mask_unclosed(text)
    out = _DIRECTIVE_RE.sub(_Rewriter(), masked)
    if spots:
        out = _unmask(out, text, spots)
    return _keep_indent(text, out) if markdown else out


# Openers and the closers their directives end at. An opener with no closer after it cannot start a directive, but a
# lazy match to the closer would be tried from it to the end of the text, once per such opener: a page of unclosed
# '{{' cost time quadratic in its length. Those openers are masked for the match and put back after it.
_PAIRS = (("{{", "}}"), ("{%", "%}"), ("{#", "#}"))  # not "<%": a Mako tag ("<%inherit …/>") ends at ">"
_MASK = "\x00"


def _mask_unclosed(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with every opener that has no closer after it masked, and where those openers were."""
    spots: list[tuple[int, int]] = []
    for opener, closer in _PAIRS:
        last = text.rfind(closer)
        at = text.find(opener, max(0, last - len(opener) + 1) if last >= 0 else 0)
        while at != -1:
            if not (opener[0] == "{" and text[at - 1 : at] == "{"):  # "{{#if", "{{%": part of another opener
                spots.append((at, len(opener)))
            at = text.find(opener, at + len(opener))
    if not spots:
        return text, spots
    chars = list(text)
    for at, size in spots:
        chars[at : at + size] = _MASK * size
    return "".join(chars), spots


def _unmask(out: str, text: str, spots: list[tuple[int, int]]) -> str:
    """Put back the masked openers the rewrite left as they were (same length: every rewrite keeps it)."""
    chars = list(out)
    for at, size in spots:
        if out[at : at + size] == _MASK * size:
            chars[at : at + size] = text[at : at + size]
    return "".join(chars)


_INDENT_RE = lazy_re.compile(r"^[ \t]*", re.MULTILINE)


def _keep_indent(before: str, after: str) -> str:
    """In Markdown four spaces make code: a directive blanked at the start of a line with text after it
    ("{% if x %}Plans start at £90") would turn the line into a code block. The spaces it left become no-break
    spaces, which Markdown never counts as indentation and the reader squeezes as any space."""
    pieces: list[str] = []
    last = 0
    for m in _INDENT_RE.finditer(after):
        start, end = m.span()
        was = _INDENT_RE.match(before, start)
        kept = was.end() if was else start
        if end - start < 4 or kept >= end:
            continue  # indented as it was, or too little to make code
        line_end = after.find("\n", end)
        if after[end : len(after) if line_end == -1 else line_end].strip():
            pieces.append(after[last:kept])
            pieces.append("\u00a0" * (end - kept))
            last = end
    pieces.append(after[last:])
    return "".join(pieces)


# Laravel's Blade: "@if($x)", "@endif", "@include('partials.footer')", "{!! $html !!}", "{{-- a comment --}}"
_BLADE_RE = lazy_re.compile(
    r"\{\{--.*?--\}\}|\{!!(?P<raw>.*?)!!\}"
    r"|(?<![\w@.])@(?P<name>[A-Za-z]+)\b(?P<args>[ \t]*\((?:[^()'\"]|'[^']*'|\"[^\"]*\"|\((?:[^()]|\([^()]*\))*\))*\))?",
    re.DOTALL,
)
_BLADE_DIRECTIVES = frozenset(
    "if elseif else endif unless endunless isset endisset empty endempty auth endauth guest endguest foreach "
    "endforeach for endfor forelse endforelse while endwhile switch case break default endswitch php endphp csrf "
    "method include includeIf includeWhen includeUnless includeFirst extends section endsection show stop yield "
    "stack push endpush prepend endprepend component endcomponent slot endslot props aware lang choice error enderror "
    "once endonce env endenv production endproduction json vite livewire livewireStyles livewireScripts verbatim "
    "endverbatim can endcan cannot endcannot class style checked selected disabled readonly required".split()
)
_BLADE_OUTPUT = frozenset({"lang", "choice"})  # they print a translated sentence
_BLADE_LAYOUT = frozenset({"extends"})
_BLADE_INCLUDES = frozenset({"include", "includeIf", "includeWhen", "includeUnless", "includeFirst", "component",
                             "livewire", "yield"})  # fmt: skip


def blade_aside(text: str) -> tuple[str, str]:
    """A Blade template with its ``@directives`` and comments set aside in place (same length, same lines) and its
    ``{!! … !!}`` output read as ``{{ … }}``, for ``set_aside`` to finish; and what it includes (as
    ``included_parts``)."""
    kinds: set[str | None] = set()

    def rewrite(m: re.Match[str]) -> str:
        whole = m.group(0)
        if whole.startswith("{{--"):
            return blank(whole)
        if m.group("raw") is not None:
            return "{{ " + m.group("raw") + " }}"
        name = m.group("name")
        if name not in _BLADE_DIRECTIVES:
            return whole  # an e-mail address's or a handle's "@": not a directive
        args = m.group("args") or ""
        if name in _BLADE_OUTPUT:
            literal = literal_sentence(args.strip()[1:-1]) if args else None
            if literal is not None:
                at = whole.index(literal[1])
                return blank(whole[:at]) + literal[1] + blank(whole[at + len(literal[1]) :])
        if name in _BLADE_LAYOUT:
            kinds.add(CHROME)
        elif name in _BLADE_INCLUDES:
            kinds.add(CONTENT if name == "yield" else part_kind(args))
        return blank(whole)

    out = _BLADE_RE.sub(rewrite, text) if "@" in text or "{!!" in text or "{{--" in text else text
    return out, strongest_part(kinds)
