"""HTML kept in a JavaScript template string (plainpitch.ingest.jsstring): an e-mail a Node app sends is read as its
template, the code around it is not copy, and a .js file with no markup in a template string is still no copy."""

from click.testing import CliRunner

from plainpitch.cli import main
from plainpitch.ingest import load_path
from plainpitch.model import Span

MAILER = """const nodemailer = require("nodemailer");
const subjectLine = "Welcome aboard, and here is how to start";

module.exports = (name, link) => `<html><body>
  <h1>Welcome to Acme Books, ${name}!</h1>
  <p>Your books close in three days from now on. Connect your bank so we can start tonight.</p>
  <a href="${link}" class="button">Connect my bank</a>
</body></html>`;
"""


def test_a_template_strings_html_is_read_and_the_code_around_it_is_not(tmp_path):
    path = tmp_path / "welcomeMail.js"
    path.write_text(MAILER, encoding="utf-8")
    doc = load_path(path)
    text = " ".join(doc.unit_text(u) for u in doc.units)
    assert "Your books close in three days from now on." in text and "Connect my bank" in text
    assert "nodemailer" not in text and "subjectLine" not in text and "module.exports" not in text
    assert doc.source == MAILER
    [para] = [u for u in doc.units if "three days" in doc.unit_text(u)]
    start, end = doc.source_span(Span(para.start, para.end))
    assert doc.source[start:end] == doc.unit_text(para)  # offsets point at the file


def test_check_reads_a_js_mail_template_named_on_the_command_line_and_refuses_plain_code(tmp_path):
    mail = tmp_path / "welcome.js"
    mail.write_text(MAILER, encoding="utf-8")
    code = tmp_path / "util.js"
    code.write_text("const add = (a, b) => a + b;\nmodule.exports = { add, greeting: `Hello ${'world'}` };\n",
                    encoding="utf-8")  # fmt: skip
    assert CliRunner().invoke(main, ["check", str(mail)]).exit_code in (0, 1)
    refused = CliRunner().invoke(main, ["check", str(code)])
    assert refused.exit_code == 2 and "unknown file type .js" in refused.stderr
