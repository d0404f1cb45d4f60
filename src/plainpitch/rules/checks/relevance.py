"""Cold-email relevance (BEN100): does the opening say why this email is for this person? And a subject that fakes a
thread (BEN101): "Re:" on a first message.

A cold email is read for two lines. If they introduce the sender ("I'm Paulius. I run GeekRoom…", "I built a dev
tool…") or flatter in general ("love your project!"), the reader has no reason to think it was written for them and
archives it. Practitioners open with something specific to the recipient: their company or project by name, a
thing they did or said, a number about them, a recent event ("I noticed your team ramped up usage last week").

Only cold emails are judged: an email that follows a meeting, a trial or an earlier thread ("Thanks for…", "Your
trial ends…", "As discussed…") already has its relevance.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from plainpitch.analysis import regions
from plainpitch.analysis.outreach import WARM_RE, is_cold_email
from plainpitch.ingest.replies import has_thread
from plainpitch.model import Document, Span
from plainpitch.rules.base import Hit, RuleContext, rule
from plainpitch.text import lazy_re

# The sender talking about themselves: an introduction, what they run, built or are.
_ABOUT_SENDER_RE = lazy_re.compile(
    r"^(?:\W*(?:hi|hey|hello)\b[^.!?]{0,30}[,.!]\s*)?(?:I'm|I am|I’m|my name is|I run|I built|I've built|I’ve built|"
    r"I'm building|I’m building|I am building|I work|I lead|I founded|I made|I created|I wrote|we are|we're|we’re|"
    r"we build|we built|we help|we make|we run|our (?:company|team|product|agency|startup)|this is (?-i:[A-Z])\w*)\b",  # "This is Ana", not "this is a"
    re.IGNORECASE,
)
# Something about the recipient in particular.
_SPECIFIC_RE = lazy_re.compile(
    r"\b(?:I|we) (?:noticed|saw|read|watched|heard|came across|listened to|loved|enjoyed|used)\b[^.!?]{0,80}"
    r"\b(?:your|you|the [A-Z]\w+|[A-Z]\w+(?:'s|’s))\b|"
    r"\byour (?:talk|post|article|launch|release|paper|podcast|tweet|thread|newsletter|announcement|hiring|job post|"
    r"funding|raise|series [a-z]|growth|team's|report|comment|question)\b|"
    r"\bcongrat(?:s|ulations)\b|\b(?:recently|last (?:week|month|year)|this (?:week|month)|yesterday)\b",
    re.IGNORECASE,
)
CLOSE_THE_EMAIL = "Lavender and Gong's cold-email analyses: openers about the recipient get more replies than ones about the sender"


_GREETING_ONLY_RE = lazy_re.compile(r"^\W*(?:hi|hey|hello|dear|greetings|good (?:morning|afternoon|evening))\b[^.!?]{0,25}[.!?,]?\W*$",
                               re.IGNORECASE)


# A pleasantry says nothing yet ("I hope you are doing well.", "Hope this email finds you well!"): the opening is
# what comes after it, as it is after "Hi Sam,".
_PLEASANTRY_RE = lazy_re.compile(
    r"^\W*(?:(?:hi|hey|hello|dear|greetings)\b[^.!?]{0,25}?[,.!]\s*)?(?:I |we )?(?:hope|trust)\s+(?:that\s+)?"
    r"(?:you(?:'re|’re| are)?|this (?:e-?mail|message|note|letter) finds you|all is|your (?:day|week))\b[^.!?]{0,40}"
    r"[.!?]?\W*$",
    re.IGNORECASE,
)
# What any sender can say of any site: "I came across your website", "I like your app", "your site is a perfect
# match". Specific is a name, a number or a thing the reader did (_SPECIFIC_RE's other parts).
_GENERIC_OBJECT_RE = lazy_re.compile(
    r"\byour (?:site|website|web site|app|application|product|products|company|business|profile|page|blog|details|"
    r"information|contact details|work|services?|platform|brand|content|email|e-mail|listing)\b",
    re.IGNORECASE,
)
_FLATTERY_RE = lazy_re.compile(
    r"\b(?:I|we) (?:(?:have |just )?(?:came|come) across|(?:have )?found|(?:really )?(?:like|love|admire|enjoy)|"
    r"(?:am|are) (?:a )?(?:big |huge )?fans? of|(?:have )?(?:visited|checked|looked at|been (?:looking at|"
    r"following)))\b[^.!?]{0,40}?\byour\b|\byour (?:site|website|app|product|company|business) is (?:a )?"
    r"(?:perfect|great|good|ideal) (?:match|fit)\b",
    re.IGNORECASE,
)


def _opening(doc, ctx) -> list:
    """The opening sentences after a greeting or a pleasantry that the segmenter kept as a sentence of its own ("Hey!",
    "I hope you are doing well.")."""
    size = int(ctx.threshold("sales.opening_sentences_email"))
    wider = {**ctx.thresholds, "sales.opening_sentences_email": size + 2}
    sentences = [doc.sentences[i] for i in regions.opening_sentences(doc, ctx.medium, wider)]
    return [s for s in sentences if not _GREETING_ONLY_RE.match(s.text) and not _PLEASANTRY_RE.match(s.text)][:size]


_NAMED_RE = lazy_re.compile(r"\d|(?<=\w\s)(?!I\b)[A-Z]")  # a number, or a name inside the sentence (not "I")


def _specific(text: str) -> bool:
    """Does this sentence say something about the recipient in particular? "your site" or "your app" alone does
    not: any list of addresses has a site."""
    for m in _SPECIFIC_RE.finditer(text):
        found = m.group(0)
        if _GENERIC_OBJECT_RE.search(found) and not _NAMED_RE.search(found):
            rest = _GENERIC_OBJECT_RE.sub("", text[m.start() :])
            if not _SPECIFIC_RE.search(rest):
                continue  # "I came across your website": the one thing seen is what every recipient has
        return True
    return False


@rule(
    code="BEN100",
    name="cold-email-about-the-sender",
    category="benefits",
    scope="seller",
    fields=(),
    severity="warning",
    impact=3,
    media=("email",),
    example_medium="email",
    example_format="text",
    summary="A cold email whose opening is about the sender, or could go to anyone ('I came across your website').",
    why=(
        "A stranger gives a cold email the two lines of its preview. If those lines introduce you ('I'm Ana, I run "
        "Acme') or praise in general ('love your work'), nothing says why this email is for them, and it is archived "
        "unread. Openers that name something specific to the recipient (their company, a thing they did, a number "
        "about them) are the ones that get replies."
    ),
    message="The opening is about you: say why you are writing to this person",
    fix="Open with one specific thing about them (their project, a post, a number, something you noticed) and why it "
    "made you write; move your introduction after it.",
    bad=[
        {"text": "Subject: Faster builds\n\nHi Sam,\n\n[[I'm Ana and I run Acme, a build tool for teams.]] We cut build "
                 "times in half. Worth a short call?\n\nBest,\nAna", "format": "text"},
        {"text": "Subject: Faster builds\n\nHi Sam,\n\nI hope you are doing well. [[I came across your website and "
                 "really like your work.]] We cut build times in half. Worth a short call?\n\nBest,\nAna",
         "format": "text"},
    ],  # fmt: skip
    good=[
        {"text": "Subject: Faster builds\n\nHi Sam,\n\nI noticed your CI runs take 40 minutes since the monorepo move. "
                 "Acme cut that to 12 for Shopify's team. Worth a short call?\n\nBest,\nAna", "format": "text"},
        {"text": "Subject: Your trial\n\nHi Sam,\n\nThanks for trying Acme last week. I'm Ana, I run support here. "
                 "Anything I can help with?\n\nBest,\nAna", "format": "text"},
    ],  # fmt: skip
    sources=[CLOSE_THE_EMAIL, "Mail clients show the subject and the first line or two of the body before the open"],
)
def cold_email_about_the_sender(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    opening = _opening(doc, ctx)
    if not opening or not is_cold_email(doc, ctx.medium):
        return
    texts = [s.text for s in opening]
    if any(_specific(t) for t in texts):
        return
    first = opening[0]
    if _ABOUT_SENDER_RE.search(texts[0]):
        yield Hit(Span(first.start, first.end), data={"scope": "document", "opening": "sender"})
    elif _FLATTERY_RE.search(texts[0]):
        yield Hit(Span(first.start, first.end), data={"scope": "document", "opening": "generic"},
                  message="The opening could go to anyone: say why you are writing to this person")


# "Re:", "RE:", "Fwd:", "FW:" and the forms mail clients localise them into ("AW:", "SV:", "TR:"), "Re[2]:"
_REPLY_SUBJECT_RE = lazy_re.compile(r"\W*(?:re|fwd?|aw|sv|tr)(?:\[\d+\])?[ \t]*:", re.IGNORECASE)
# Chasing one's own unanswered email is not an exchange with the reader.
_SELF_FOLLOW_UP_RE = lazy_re.compile(r"\bfollow(?:ing)?[ -]up(?: on)?\b", re.IGNORECASE)
FTC_CAN_SPAM = ("FTC, 'CAN-SPAM Act: A Compliance Guide for Business': the subject line must not mislead the "
                "recipient about the contents or subject of the message")


def _earlier_exchange(text: str) -> bool:
    """Does the e-mail speak of an exchange with the reader ("thanks for your note", "as discussed", "our call")?"""
    return any(not _SELF_FOLLOW_UP_RE.fullmatch(m.group(0)) for m in WARM_RE.finditer(text))


@rule(
    code="BEN101",
    name="fake-reply-subject",
    category="benefits",
    scope="seller",
    fields=("marker",),
    severity="error",
    impact=3,
    breaks_trust=True,
    media=("email",),
    example_medium="email",
    example_format="text",
    summary="A subject that starts with 'Re:' or 'Fwd:' on an email that answers nothing: a faked thread.",
    why=(
        "'Re:' tells the reader they wrote first. When the body shows they did not (no quoted message, no earlier "
        "exchange), the first thing the buyer learns about you is a trick: the email reads as spam and is deleted, "
        "and a misleading subject line is one the anti-spam rules name."
    ),
    message="The subject starts with '{marker}' but this email answers nothing: it reads as a trick",
    fix="Drop the 'Re:' (or 'Fwd:') and write a subject about the reader: their company, their problem or the "
    "outcome you offer.",
    bad=[
        {"text": "Subject: [[Re:]] Quick question\n\nHi Sam,\n\nI found your site on Google and can get it to the "
                 "first page. Can I send you a price?\n\nBest,\nAna", "format": "text"},
    ],  # fmt: skip
    good=[
        {"text": "Subject: Your site on page one\n\nHi Sam,\n\nYour plumbing site is on page three for 'Leeds "
                 "plumber'. I got Pipeworks to page one in two months. Can I send you a price?\n\nBest,\nAna",
         "format": "text"},
        {"text": "Subject: Re: Quick question\n\nHi Sam,\n\nThanks for your note. The price is $400 a month. Shall "
                 "I send the contract?\n\nBest,\nAna", "format": "text"},
        {"text": "Subject: Re: Quick question\n\nHi Sam,\n\nYes, we can start on Monday. Shall I send the "
                 "contract?\n\nBest,\nAna\n\nOn Mon, 3 Mar 2025 at 09:14, Sam <sam@x.example> wrote:\n> When could "
                 "you start?\n", "format": "text"},
    ],  # fmt: skip
    sources=[FTC_CAN_SPAM, "Mail clients add 'Re:' only when the reader's own message is answered"],
)
def fake_reply_subject(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    subjects = [u for u in doc.units if u.kind == "subject"]
    if not subjects or has_thread(doc.source):
        return
    if len(subjects) == 1:
        m = _REPLY_SUBJECT_RE.match(doc.text, subjects[0].start, subjects[0].end)
        if m and not _earlier_exchange(doc.text):
            yield _marker_hit(m)
        return
    # a file of e-mails (a sequence's copy): a follow-up sent in the thread of an earlier e-mail of the file keeps its
    # subject after "Re:" (an honest bump); a "Re:" on a subject no earlier e-mail had, over a body that answers
    # nothing, fakes a thread (judged blind: the bumps were never wrong to send, the others were)
    earlier: list[str] = []
    index = {id(u): i for i, u in enumerate(doc.units)}
    for subject, after in zip(subjects, subjects[1:] + [None], strict=True):
        m = _REPLY_SUBJECT_RE.match(doc.text, subject.start, subject.end)
        rest = doc.text[m.end() if m else subject.start : subject.end]
        own = _subject_key(rest)
        body = doc.text[subject.end : after.start if after is not None else len(doc.text)]
        bump = (any(own.startswith(e) or e.startswith(own) for e in earlier if e) or bool(_THREAD_FIELD_RE.search(rest))
                or _labelled_follow_up(doc, index[id(subject)]))  # fmt: skip
        if m and own and not bump and not _earlier_exchange(body):
            yield _marker_hit(m)
            return
        earlier.append(own)


# the file's own label over an e-mail says it goes in the thread: "## Variant C: Short Follow-Up (3 days after no
# reply)", "### Bump", "Email 3 (reminder)"
_FOLLOW_UP_LABEL_RE = lazy_re.compile(r"\bfollow[- ]?up\b|\bno (?:reply|response)\b|\bbump\b|\breminder\b|\bnudge\b",
                                      re.IGNORECASE)  # fmt: skip


def _labelled_follow_up(doc: Document, at: int) -> bool:
    """Does a heading among the units just before the e-mail's subject call it a follow-up? Its "Re:" then keeps
    the thread the file's earlier e-mail opened, whatever shorthand its subject line uses."""
    for unit in doc.units[max(0, at - 2) : at]:
        if unit.kind == "heading" and _FOLLOW_UP_LABEL_RE.search(doc.unit_text(unit)):
            return True
    return False


# a template's field for the thread's own subject ("Re: [Original Subject]", "re: {{original}}", "[previous subject]")
_THREAD_FIELD_RE = lazy_re.compile(r"[\[{<][^\]}>]*\b(?:original|previous|prior|earlier|initial|same)\b", re.IGNORECASE)


def _subject_key(subject: str) -> str:
    """A subject's words, lower case, for telling a thread's own subject from a new one ("Your vendor contracts...")."""
    return " ".join(re.findall(r"\w+", _REPLY_SUBJECT_RE.sub("", subject).lower()))


def _marker_hit(m: re.Match[str]) -> Hit:
    lead = len(m.group(0)) - len(m.group(0).lstrip(" \t*_[(\"'"))
    marker = m.group(0)[lead:].strip()
    return Hit(Span(m.start() + lead, m.end()), {"marker": marker}, data={"scope": "document"})
