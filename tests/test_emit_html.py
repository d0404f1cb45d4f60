"""The HTML report: one well-formed standalone page, every user string escaped, overlapping spans kept flat."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser

import pytest

from plainpitch.config import Config
from plainpitch.emit import render
from plainpitch.engine import analyze
from plainpitch.ingest import load_text
from plainpitch.model import (
    Document,
    DocumentReport,
    Finding,
    Location,
    Metric,
    Report,
    Score,
    Span,
    SubScore,
    Suggestion,
)
from plainpitch.rules.base import find_rule
from plainpitch.runner import Runner

ONLY_HEDGES = Config(select=("TON001",))
VOID = {"meta", "br", "hr", "img", "input", "link", "wbr"}
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "header", "nav", "section", "article", "h1", "h2", "h3",
    "p", "span", "div", "table", "thead", "tbody", "tr", "th", "td", "a", "ul", "ol", "li", "code", "pre", "sup",
    "details", "summary", "meter", "small", "strong", "q",
}  # fmt: skip
PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "javascript:alert(1)", "'><svg onload=alert(1)>"]


class Page(HTMLParser):
    """Checks nesting as it parses, collects tags and attributes, and the text of <pre class="copy"> without markers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.problems: list[str] = []
        self.copies: list[str] = []
        self._copy_depth: int | None = None
        self._sup_depth: int | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag in VOID:
            return
        self.stack.append(tag)
        if tag == "pre" and attributes.get("class") == "copy":
            self._copy_depth = len(self.stack)
            self.copies.append("")
        elif tag == "sup" and self._copy_depth is not None:
            self._sup_depth = len(self.stack)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        if self._sup_depth == len(self.stack):
            self._sup_depth = None
        if self._copy_depth == len(self.stack):
            self._copy_depth = None
        self.stack.pop()

    def handle_data(self, data):
        if self._copy_depth is not None and self._sup_depth is None:
            self.copies[-1] += data


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    assert not parser.problems, parser.problems[:3]
    assert parser.stack == [], f"unclosed: {parser.stack}"
    return parser


def assert_safe(parsed: Page) -> None:
    for tag, attrs in parsed.tags:
        assert tag in ALLOWED_TAGS, f"unexpected <{tag}>"
        for name, value in attrs.items():
            assert not name.startswith("on"), f"event handler {name} on <{tag}>"
            if name in ("href", "src", "action"):
                assert value and value.startswith("#"), f"{name}={value!r}: the report links only inside itself"


def test_a_real_report_is_well_formed_and_shows_the_copy_verbatim(tmp_path):
    source = "Subject: Faster builds\n\nThis will hopefully cut your build times.\n\n\tPerhaps we think it is 日本語 fast.\n"
    path = tmp_path / "pitch.txt"
    path.write_text(source, encoding="utf-8")
    report = Runner(ONLY_HEDGES).run([str(path)])
    page = render(report, "html")
    parsed = parse(page)
    assert_safe(parsed)
    assert parsed.copies == [source]  # highlighting cut the text into pieces but lost and added nothing
    assert page.count('class="hl ') == 3
    for n in (1, 2, 3):  # each highlight links to its explanation, which links back
        assert f'href="#d1-f{n}"' in page and f'id="d1-f{n}"' in page and f'href="#d1-m{n}"' in page
    assert page.count(find_rule("TON001").meta.why) == 3  # why it costs the sale, for every finding
    assert "cat-tone" in page and "<style>" in page
    assert "http://" not in page and "https://" not in page and "<script" not in page  # no outside requests, no JS


@pytest.mark.parametrize("fmt,name", [("text", "xss.txt"), ("markdown", "xss.md"), ("html", "xss.html")])
def test_payloads_in_the_copy_are_escaped(tmp_path, fmt, name):
    body = " ".join(PAYLOADS)
    sources = {
        "text": f"Perhaps {body} hopefully.\n\n[click](javascript:alert(1)) we think\n",
        "markdown": f"# Perhaps {body}\n\nWe think [click](javascript:alert(1)) is <b onclick=alert(1)>hopefully</b> fine.\n",
        "html": f"<html><body><p>Perhaps &lt;script&gt;alert(1)&lt;/script&gt; {PAYLOADS[1]}</p>"
        f'<p><a href="javascript:alert(1)">We think</a> <img src=x onerror=alert(1)> hopefully.</p></body></html>\n',
    }
    path = tmp_path / name
    path.write_text(sources[fmt], encoding="utf-8")
    page = render(Runner(ONLY_HEDGES).run([str(path)]), "html")
    for raw in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload", "<b onclick"):
        assert raw not in page
    parsed = parse(page)
    assert_safe(parsed)
    assert parsed.copies == [sources[fmt]]


def test_payloads_in_the_file_name_are_escaped(tmp_path):
    folder = tmp_path / "<script>alert(1)<"
    folder.mkdir()
    evil = folder / 'script>"><img src=x onerror=alert(1)>.txt'
    evil.write_text("This will hopefully work.\n", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("Perhaps.\n", encoding="utf-8")
    report = Runner(ONLY_HEDGES).run([str(evil), str(other), str(tmp_path / "<svg onload=alert(1)>.txt")])
    assert report.errors  # the missing file's name is rendered in the error list too
    page = render(report, "html")
    assert "<script>alert(1)" not in page and "<img src=x" not in page and "<svg onload" not in page
    assert_safe(parse(page))


def _doc_with(findings_at: list[tuple[int, int, str, str]], text: str) -> tuple[Document, DocumentReport]:
    doc = load_text(text, "overlap.txt", "text")
    findings = []
    for start, end, severity, category in findings_at:
        s, e = doc.source_span(Span(start, end))
        line, col = doc.line_col(s)
        end_line, end_col = doc.line_col(e)
        findings.append(Finding(
            code="TON001", name="hedge-word", category=category, severity=severity, message=f"{doc.text[start:end]} <i>",
            fix="Fix it.", span=Span(start, end), location=Location(s, e, line, col, end_line, end_col),
            text=doc.text[start:end], suggestions=(Suggestion("<b>plain</b>"),),
        ))  # fmt: skip
    findings.sort(key=lambda f: (f.span.start, f.span.end))
    score = Score(72.5, (SubScore("clarity", 60.0), SubScore("jargon", 85.0)))
    metrics = (Metric("copy.grade", 9.25, "reading grade <b>"), Metric("copy.words", None, note="n/a"))
    return doc, DocumentReport("overlap.txt", "text", "text", "business", "self-serve", tuple(findings), metrics, score, doc)


def test_overlapping_and_nested_spans_stay_flat_and_well_formed():
    text = "We leverage synergistic paradigms to hopefully maximize value.\n\nSecond paragraph here."
    spans = [(0, 30, "suggestion", "tone"), (3, 24, "warning", "jargon"), (12, 24, "error", "clarity"),
             (12, 24, "suggestion", "benefits"), (20, 45, "warning", "tone"), (61, 61, "warning", "ask"),
             (50, 70, "suggestion", "structure")]  # fmt: skip
    doc, d = _doc_with(spans, text)
    page = render(Report((d,), (), "0.1.0"), "html")
    parsed = parse(page)
    assert_safe(parsed)
    assert parsed.copies == [doc.source]
    anchors = [attrs for tag, attrs in parsed.tags if tag == "a" and "hl" in (attrs.get("class") or "")]
    # "synergistic" (12..24) is under four findings: its piece links to the error, the most severe
    error_n = next(i for i, f in enumerate(d.findings, 1) if f.severity == "error")
    assert any(a["href"] == f"#d1-f{error_n}" and "many" in a["class"] for a in anchors)
    # the empty span (61..61) is listed but not highlighted
    empty_n = next(i for i, f in enumerate(d.findings, 1) if f.span.start == f.span.end)
    assert f'id="d1-f{empty_n}"' in page and f'id="d1-m{empty_n}"' not in page
    assert "&lt;b&gt;plain&lt;/b&gt;" in page and "reading grade &lt;b&gt;" in page
    assert "72.5" in page and "<meter" in page


def test_document_level_findings_are_highlighted_where_anchored_and_listed_when_they_span_everything():
    doc = load_text("Our product is great. It has many features.", "page.txt", "text")
    report = analyze(doc, ONLY_HEDGES)
    common = dict(name="missing-ask", category="ask", severity="warning", message="No ask.", fix="Ask for one next step.",
                  data={"scope": "document"})  # fmt: skip
    whole = Finding(code="CTA001", span=Span(0, len(doc.text)), location=Location(0, len(doc.source), 1, 1, 1, len(doc.source) + 1),
                    text=doc.text, **common)  # fmt: skip
    anchored = Finding(code="CTA002", span=Span(0, 20), location=Location(0, 20, 1, 1, 1, 21), text=doc.text[:20], **common)
    page = render(Report((replace(report, findings=(whole, anchored)),), (), "0.1.0"), "html")
    parsed = parse(page)
    highlights = [a["href"] for tag, a in parsed.tags if tag == "a" and "hl" in (a.get("class") or "")]
    assert highlights == ["#d1-f2"]  # only the anchored one: colouring the whole copy would show nothing
    assert 'id="d1-m1"' not in page and 'id="d1-m2"' in page
    assert "about the whole document" in page
    assert parsed.copies == [doc.source]


def test_control_characters_are_replaced_and_score_can_be_left_out(tmp_path):
    path = tmp_path / "ctrl.txt"
    path.write_bytes(b"Perhaps \x1b[31mred\x1b[0m text.\n")
    page = render(Runner(ONLY_HEDGES).run([str(path)]), "html", score=False)
    assert "\x1b" not in page
    assert "<meter" not in page
    assert parse(page).copies == ["Perhaps \ufffd[31mred\ufffd[0m text.\n"]


def test_a_report_without_its_document_lists_findings_without_the_copy():
    report = analyze(load_text("This will hopefully work.", "p.txt", "text"), ONLY_HEDGES)
    page = render(Report((replace(report, document=None),), (), "0.1.0"), "html")
    parsed = parse(page)
    assert parsed.copies == [] and 'id="d1-f1"' in page and 'href="#d1-m1"' not in page
