"""The Markdown report (a pull-request comment): rendered with a real CommonMark+tables parser, user text cannot
break a table row, inject HTML or links, or mention anyone; long lists fold into <details>."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from plainpitch.config import Config
from plainpitch.emit import render
from plainpitch.ingest import load_text
from plainpitch.model import DocumentReport, Finding, Location, Report, Score, Span, SubScore, Suggestion
from plainpitch.runner import Runner

ONLY_HEDGES = Config(select=("TON001",))
# html=True like GitHub: raw HTML passes through the parser, so escaping is the only thing stopping it
MD = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
NASTY = [
    "a | b",
    "``two`` ticks ` and one",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "[click](javascript:alert(1))",
    "*bold* _it_ ~~gone~~",
    "line one\nline two",
    "cc @octocat please",
    "</details><details open>",
    "`",
]


class Tables(HTMLParser):
    """Rows of <td> text from rendered HTML, plus every tag and link seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.tags: list[str] = []
        self.links: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "tr":
            self.rows.append([])
        elif tag == "td":
            self._cell = []
        elif tag == "a":
            self.links.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def rendered(markdown: str) -> Tables:
    parser = Tables()
    parser.feed(MD.render(markdown))
    return parser


def _finding(doc, start: int, end: int, text: str, message: str, suggestions=()) -> Finding:
    return Finding(code="TON001", name="hedge-word", category="tone", severity="warning", message=message, fix="Fix.",
                   span=Span(start, end), location=Location(start, end, 1, start + 1, 1, end + 1), text=text,
                   suggestions=tuple(Suggestion(s) for s in suggestions))  # fmt: skip


def _report(path: str, findings: list[Finding]) -> Report:
    doc = load_text("Plain words here.", "x.txt", "text")
    d = DocumentReport(path, "text", "text", "business", "self-serve", tuple(findings), (),
                       Score(70.0, (SubScore("clarity", 70.0),)), doc)  # fmt: skip
    return Report((d,), (), "0.1.0")


def test_user_text_cannot_break_rows_inject_html_or_mention():
    doc = load_text("Plain words here.", "x.txt", "text")
    findings = [_finding(doc, 0, 5, text, f"'{text}' hedges", [text]) for text in NASTY]
    path = 'docs/<img src=x onerror=alert(1)>|`evil`.md'
    markdown = render(_report(path, findings), "markdown", collapse_after=100)
    page = rendered(markdown)
    assert set(page.tags) <= {"h2", "h3", "p", "table", "thead", "tbody", "tr", "th", "td", "code", "a", "ul", "li",
                              "strong", "em", "details", "summary", "blockquote"}  # fmt: skip
    assert "img" not in page.tags and "script" not in page.tags
    assert all(link.startswith("https://plainpitch.dev/docs/rules/") for link in page.links)
    body = [row for row in page.rows[1:] if len(row) == 6]  # the findings table (the first table is the summary)
    assert len(body) == len(NASTY)
    for row, text in zip(body, NASTY, strict=True):
        one_line = " ".join(text.splitlines())
        assert row[0] == f"{path}:1"
        assert row[3].replace("\u200b", "") == f"'{one_line}' hedges"
        assert row[4].strip() == one_line.strip()
        assert row[5].strip() == one_line.strip()
    # GitHub pings @names in text (not in code spans): the message cell carries a zero-width space after the @
    mention = body[NASTY.index("cc @octocat please")]
    assert "@\u200boctocat" in mention[3] and "@octocat" not in mention[3]
    assert page.rows[1][0] == path  # rows[0] is the summary header (th cells only)


def test_a_real_report_has_a_summary_table_and_a_row_per_finding(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("This will hopefully help. Perhaps we think so.\n", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("Your builds finish in half the time.\n", encoding="utf-8")
    report = Runner(ONLY_HEDGES).run([str(a), str(b), str(tmp_path / "gone.md")])
    markdown = render(report, "markdown")
    page = rendered(markdown)
    summary = {_file_name(row[0]): row[1:] for row in page.rows if len(row) == 5}
    assert summary[_file_name(str(a))][1:] == ["0", "0", "3"]  # score, then errors, warnings, suggestions
    assert summary[_file_name(str(b))][1:] == ["0", "0", "0"]
    flagged = [row[4] for row in page.rows if len(row) == 6]
    assert flagged == ["hopefully", "Perhaps", "we think"]
    assert f"{a}:1" in markdown
    assert "gone.md" in markdown and "Not checked" in markdown
    assert "No findings." in markdown
    assert "<details>" not in markdown


def _file_name(cell: str) -> str:
    return cell.rsplit("/", 1)[-1]


def test_long_lists_fold_into_details_and_the_comment_is_capped():
    doc = load_text("Plain words here.", "x.txt", "text")
    many = [_finding(doc, 0, 5, f"word{i}", f"finding {i}") for i in range(40)]
    markdown = render(_report("big.md", many), "markdown", collapse_after=10, max_rows=25)
    assert markdown.count("<details>") == 1 and "<summary>40 findings</summary>" in markdown
    page = rendered(markdown)
    assert len([row for row in page.rows if len(row) == 6]) == 25
    assert "15 more findings" in markdown
    short = render(_report("small.md", many[:3]), "markdown")
    assert "<details>" not in short


@pytest.mark.parametrize("score", [True, False])
def test_score_column_follows_the_option(score):
    doc = load_text("Plain words here.", "x.txt", "text")
    markdown = render(_report("s.md", [_finding(doc, 0, 5, "Plain", "m")]), "markdown", score=score)
    assert ("| score |" in markdown) is score
    assert bool(re.search(r"70/100", markdown)) is score


def test_the_escaped_message_reads_the_same_once_rendered():
    doc = load_text("Plain words here.", "x.txt", "text")
    message = "use 'a & b' not <b>*that*</b> | [x]"
    page = rendered(render(_report("m.md", [_finding(doc, 0, 5, "x", message)]), "markdown"))
    row = next(row for row in page.rows if len(row) == 6)
    assert html.unescape(row[3]) == message
