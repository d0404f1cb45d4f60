"""Jargon judged in context by the configured model (``plainpitch check --llm``).

The offline detector (rules/checks/jargon.py) finds the candidate terms from outside evidence (a technical versus
general frequency contrast, a lexicon, shapes); what it cannot see is context: an everyday word in a technical
sense, a multi-word term of ordinary words, a field's own vocabulary said to that field. The model reads the
page's sentences with the candidates and the reader, and says for each candidate whether this reader, here,
would need it explained, and which terms the detector missed. Missed terms must be copied from the text: each
names its sentence, and must appear in it literally, at word boundaries.

The answer is checked strictly (a JSON object; exactly one boolean verdict per candidate id sent; missed terms
that are strings present in the sentence they name). Anything else, or a failed request, and ``judge`` returns
None: the caller keeps the offline judgement for the whole document, and the session leaves one note.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from plainpitch.analysis.model_session import ModelAnswerError, Session, session_of

BATCH_CHARS = 6000  # sentence text per request (as classify/model_classifier.py)
MAX_TERM_WORDS = 5
MAX_TERM_CHARS = 60

READERS = {
    "technical": "a software engineer: knows software terms and the common acronyms of computing, but not the "
                 "special vocabulary of other fields (finance, law, medicine) unless the page explains it",
    "business": "a non-technical business buyer (a small-business owner or a manager outside IT): knows ordinary "
                "business words and acronyms every business reader knows (PDF, CEO, ROI, CRM, AI), not software "
                "terms, protocol or product-internal names, technical acronyms (API, SDK, SQL) or everyday words "
                "used in a technical sense (container, pipeline, latency)",
    "consumer": "a consumer with no technical or business background: knows everyday words only",
}  # fmt: skip

SYSTEM = """You judge jargon in sales copy for one reader. A term is jargon when this reader, reading this page, \
would need it explained. A term the page explains where it is used (an expansion, "term (plain words)", an \
apposition, a glossary line) is not jargon. Never jargon: names of people, companies and products (the page's own \
product included, and well-known brands), code, URLs, e-mail addresses, file paths, version numbers, and the \
ordinary vocabulary of the reader's own field.
You get the page's sentences, numbered, and candidate terms an automatic detector found. For each candidate, say \
whether it is jargon for this reader here. Then list the terms the detector missed: each copied exactly, same \
case, from the sentence you name (a multi-word term is one entry); list nothing that is not in the text.
Answer with one JSON object and nothing else:
{"candidates": [{"id": 1, "jargon": true}, ...], "missed": [{"term": "exact words", "sentence": 3}, ...]}
with exactly one entry for every candidate id you were given."""


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    text: str
    sentence: int  # index into Document.sentences


@dataclass
class Verdict:
    jargon: list[bool]  # one per candidate, in order
    missed: list[Candidate] = field(default_factory=list)  # terms the model found, at their document offsets


def judge_in_context(ctx: Any, doc, candidates: list[Candidate], profile: str) -> Verdict | None:
    """The model's verdict on the candidates and the terms it adds, or None (no model configured for check, or its
    answer was unusable: the caller keeps the offline judgement)."""
    session = session_of(ctx)
    if session is None:
        return None
    try:
        verdict = _judge(session, doc, candidates, profile)
    except ModelAnswerError as exc:
        session.fail("jargon", str(exc))
        return None
    session.succeed("jargon")
    return verdict


def _sentences(doc) -> list[int]:
    return [i for i, s in enumerate(doc.sentences) if s.word_count and s.text.strip()]


def _batches(doc, indices: list[int]) -> list[list[int]]:
    out: list[list[int]] = [[]]
    size = 0
    for i in indices:
        length = len(doc.sentences[i].text) + 20
        if out[-1] and size + length > BATCH_CHARS:
            out.append([])
            size = 0
        out[-1].append(i)
        size += length
    return out


def _judge(session: Session, doc, candidates: list[Candidate], profile: str) -> Verdict:
    jargon: dict[int, bool] = {}
    missed: list[Candidate] = []
    sent_of = {c: n for n, c in enumerate(candidates)}
    for batch in _batches(doc, _sentences(doc)):
        where = set(batch)
        mine = [c for c in candidates if c.sentence in where]
        found_here, missed_here = _ask(session, doc, batch, mine, profile)
        for c, verdict in zip(mine, found_here, strict=True):
            jargon[sent_of[c]] = verdict
        missed.extend(missed_here)
    # a candidate outside any sentence sent (none in practice) keeps the detector's verdict
    return Verdict([jargon.get(n, True) for n in range(len(candidates))], missed)


def _ask(session: Session, doc, batch: list[int], mine: list[Candidate], profile: str) -> tuple[list[bool], list[Candidate]]:
    number = {i: n for n, i in enumerate(batch, 1)}
    sent = {n: session.send(doc.sentences[i].text) for i, n in number.items()}
    lines = [json.dumps({"sentence": n, "text": text}, ensure_ascii=False) for n, text in sent.items()]
    terms = [json.dumps({"id": k, "term": session.send(c.text), "sentence": number[c.sentence]}, ensure_ascii=False)
             for k, c in enumerate(mine, 1)]  # fmt: skip
    user = (f"Reader: {READERS.get(profile, READERS['business'])}.\n\nSentences:\n" + "\n".join(lines)
            + "\n\nTerms to judge:\n" + ("\n".join(terms) if terms else "(none)"))  # fmt: skip
    answer = session.ask_json(SYSTEM, user, 60 + 15 * len(mine) + 200)
    verdicts = check_verdicts(answer, len(mine))
    found = []
    for n, term in check_missed(answer, sent):
        i = batch[n - 1]
        located = locate(doc, i, session.restore(term))
        if located is None:  # present in what was sent, but not in the original (redaction changed it)
            raise ModelAnswerError(f"the model named {term!r}, which is not in sentence {n} as written")
        found.append(located)
    return verdicts, found


def check_verdicts(answer: dict, count: int) -> list[bool]:
    items = answer.get("candidates")
    if not isinstance(items, list):
        raise ModelAnswerError('the model\'s answer has no "candidates" list')
    out: dict[int, bool] = {}
    for item in items:
        if not isinstance(item, dict):
            raise ModelAnswerError("the model's answer has a candidate entry that is not an object")
        n, verdict = item.get("id"), item.get("jargon")
        if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= count:
            raise ModelAnswerError(f"the model's answer names term {n!r}, not one of the {count} sent")
        if n in out:
            raise ModelAnswerError(f"the model's answer judges term {n} twice")
        if not isinstance(verdict, bool):
            raise ModelAnswerError(f'the model\'s answer has "jargon": {verdict!r}, not true or false')
        out[n] = verdict
    if len(out) != count:
        raise ModelAnswerError(f"the model's answer judged {len(out)} of the {count} terms sent")
    return [out[n] for n in range(1, count + 1)]


def check_missed(answer: dict, sent: dict[int, str]) -> list[tuple[int, str]]:
    """(sentence number, term) of each missed term, each present in the sentence as sent; else ModelAnswerError."""
    items = answer.get("missed", [])
    if not isinstance(items, list):
        raise ModelAnswerError('the model\'s "missed" is not a list')
    out = []
    for item in items:
        if not isinstance(item, dict):
            raise ModelAnswerError("the model's answer has a missed term that is not an object")
        term, n = item.get("term"), item.get("sentence")
        if isinstance(n, bool) or not isinstance(n, int) or n not in sent:
            raise ModelAnswerError(f"the model's answer names sentence {n!r}, not one it was sent")
        if not isinstance(term, str) or not term.strip():
            raise ModelAnswerError("the model's answer has a missed term that is not text")
        term = term.strip()
        if len(term) > MAX_TERM_CHARS or len(term.split()) > MAX_TERM_WORDS:
            raise ModelAnswerError(f"the model's answer has a missed 'term' that is a phrase: {term[:40]!r}")
        if _find(sent[n], term) is None:
            raise ModelAnswerError(f"the model named {term!r}, which is not in sentence {n}")
        if Session.redacted(term):
            continue  # a redacted name or address is never jargon
        out.append((n, term))
    return out


def _find(text: str, term: str) -> tuple[int, int] | None:
    """(start, end) of the term's first use at word boundaries (a plural "s" may follow), else None."""
    m = re.search(r"(?<!\w)" + re.escape(term) + r"(?:s|es)?(?!\w)", text)
    return (m.start(), m.start() + len(term)) if m else None


def locate(doc, index: int, term: str) -> Candidate | None:
    sentence = doc.sentences[index]
    found = _find(doc.text[sentence.start : sentence.end], term)
    if found is None:
        return None
    start, end = sentence.start + found[0], sentence.start + found[1]
    return Candidate(start, end, doc.text[start:end], index)
