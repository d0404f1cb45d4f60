"""RDB001 and RDB002: split a hard sentence at its clause boundaries, only where both sides are whole sentences.

A boundary is a semicolon, a colon, a spaced dash, ", which" (the second half becomes "This ..." or "These ...") or
", and" / ", but" / ", so", and it is used only when, without a parser, the pieces can be seen to be clauses:
- the second piece starts with a subject and its verb: a subject pronoun ("..., and you see every change") or a
  quantified one ("..., but none of them work"), a determiner's noun phrase of a few words and an auxiliary or modal
  verb ("..., and all data change events are delivered in order"), or one to three words with no determiner, none a
  function word, and an auxiliary ("...: writes are recorded as normal"); a ", which" must be followed by a verb ("which explains", "which is") and run to the end of
  the piece (no comma after it but before a participle, "..., depending on your system": "the products of such tribe, which are harvested under ..., make deposits" is not
  split);
- the first piece has a verb of its own and does not open a subordinate clause whose main clause is still to come
  ("If you disagree with this; ..." is not split, "If you run a shop, you need X, and you ..." can be); it does
  not end in a list ("We support Postgres, MySQL, and the new engine our customers can use" is a list, and so is
  "when Robert Griesemer, Ken Thompson, and I began": a pronoun can be the list's last item where the list sits in an
  open clause; "Turner was born in London, the son of a barber, and he went" is an aside, then a clause);
- before a joined clause, the first piece's last part holds no subordinate clause that the second could continue
  ("you may not camp if the park has declared a danger level, and the campsite is not covered" is two conditions);
- each piece has at least MIN_WORDS words, and the boundary is outside brackets and quotes; a sentence that starts
  or ends inside a quotation is not split at all (the quote's two marks would land in different sentences).
The split nearest the middle comes first; a piece still too long is split again.
"""

from __future__ import annotations

import re

from plainpitch.rewrite.edits import minimal_edits
from plainpitch.rewrite.model import Candidate
from plainpitch.rewrite.rewriters import rewriter
from plainpitch.rewrite.rewriters.page import Page
from plainpitch.text import lazy_re

_AUX = (r"(?:is|are|was|were|will|can|could|may|might|must|should|shall|would|has|have|had|does|do|did|"
        r"isn't|aren't|wasn't|weren't|won't|can't|couldn't|shouldn't|wouldn't|doesn't|don't|didn't)")  # fmt: skip
_PRONOUN = r"(?:we|you|they|it|he|she|i|there)"
_DETERMINER = r"(?:the|a|an|each|every|all|both|its|their|our|your|his|her|this|these|those|some|many|most|no|any|none)"
_RELATIVE = frozenset("that which who whom whose where when what whether if".split())
# a subject pronoun and a word after it, or a determiner's noun phrase (up to five words) and an auxiliary verb
# "none of them", "all of these": a quantified pronoun is a subject as a pronoun is ("..., but none of them work")
_QUANTIFIED = r"(?:(?:none|all|some|most|many|each|both|several|one|neither|either|any)\s+of\s+(?:them|these|those|us|you))"
_PRONOUN_SUBJECT_RE = lazy_re.compile(r"^(?:" + _PRONOUN + "|" + _QUANTIFIED + r")\s+(?!(?:and|or|but|to|of|in|for|with)\b)[a-z]\w*", re.I)
_NOUN_SUBJECT_RE = lazy_re.compile(r"^" + _DETERMINER + r"((?:\s+[\w'’/-]+){1,6}?)\s+" + _AUX + r"\b", re.I)
# a noun phrase with no determiner (one to three words, none of them a function word) and an auxiliary or modal:
# "writes are recorded", "most requests will fail"; a name with its verb is not guessed at ("Debezium captures")
_BARE_SUBJECT_RE = lazy_re.compile(r"^((?:[a-z][\w'’/-]*\s+){0,2}[a-z][\w'’/-]*)\s+" + _AUX + r"\b")
_THIS_VERB_RE = lazy_re.compile(r"^(?P<verb>" + _AUX + r"|\w+s)\s+(?P<next>[\w'’]+)", re.I)
_OBJECT_STARTS = frozenset(
    "a an the this that these those your our their its his her my us you them him it me to on in for with".split()
)
_PLURAL_AUX = frozenset("are were have do aren't weren't don't".split())
# a first piece that opens with one of these is a subordinate clause until its main clause begins after a comma
_SUBORDINATORS = lazy_re.compile(
    r"^(?:(?:however|also|finally|in addition|then),\s+)?(?:if|when|whenever|although|though|because|since|unless|while|"
    r"whether|as|after|before|once|until|whereas|even if|even though|upon|not only|either|neither|both|where)\b", re.I)  # fmt: skip
_MAIN_CLAUSE_BEGUN_RE = lazy_re.compile(r",\s+(?:then\s+)?(?:" + _PRONOUN + r"\s+\w|please\s+\w)", re.I)
_FINITE_RE = lazy_re.compile(
    r"\b" + _AUX + r"\b|\b" + _PRONOUN + r"\s+(?!(?:and|or|but)\b)[a-z]\w*|"
    r"^(?:" + _DETERMINER + r"\s+)?(?:[\w'’-]+\s+){1,3}?[a-z]\w*(?:s|ed)\b", re.I)  # fmt: skip

_BOUNDARIES = (
    # (pattern over the sentence, kind)
    (re.compile(r";\s+(?:(?:and|but)\s+)?(?=\w)"), "semicolon"),
    # a colon before a whole clause ("... more approachable: writes are recorded as normal"), never before a list
    # or a fragment: the piece after it must open with a subject and its verb, as after a semicolon
    (re.compile(r":\s+(?=[a-z])"), "colon"),
    (re.compile(r"\s+(?:-|--|–|—)\s+(?=\w)"), "dash"),
    (re.compile(r",\s+which\s+(?=\w)"), "which"),
    (re.compile(r",\s+(?:and|but|so)\s+(?=\w)", re.I), "conjunction"),
)
_CONNECTIVE = {"but": "But ", "so": "So "}
MIN_WORDS = 4  # each piece must still be a sentence
TARGET_WORDS = 22  # split until every piece is at most this long (or no safe boundary is left)


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _inside_brackets_or_quotes(text: str, pos: int) -> bool:
    head = text[:pos]
    return head.count("(") > head.count(")") or head.count('"') % 2 == 1 or head.count("“") > head.count("”")


def _starts_with_subject(right: str) -> bool:
    if _PRONOUN_SUBJECT_RE.match(right):
        return True
    m = _NOUN_SUBJECT_RE.match(right)
    if m:
        return not any(w.lower() in _RELATIVE for w in m.group(1).split())
    m = _BARE_SUBJECT_RE.match(right)
    if m:
        from plainpitch.rewrite.english import DETERMINERS, FUNCTION_WORDS

        words = m.group(1).lower().split()
        # "then it is", "to what extent is": a function word is no noun; "-ing"/"-ed" opens a phrase, not a subject
        return not any(w in FUNCTION_WORDS or w in DETERMINERS or w in _RELATIVE or w.endswith(("ing", "ed", "ly"))
                       for w in words)  # fmt: skip
    return False


def _first_piece_is_a_clause(left: str) -> bool:
    if _SUBORDINATORS.match(left) and not _MAIN_CLAUSE_BEGUN_RE.search(left):
        return False  # "If you disagree, ..." / "Although he was eligible; ..." : the main clause is on the other side
    return bool(_FINITE_RE.search(left))


_OPEN_CLAUSE_RE = lazy_re.compile(r"(?<![\w-])(?:if|when|whenever|unless|because|although|though|while|since|whether|that|where|"
                             r"until|before|after|once|as long as)(?![\w-])", re.I)


def _open_clause(left: str, parts: int = 1) -> bool:
    """The first piece's last part (or last ``parts`` parts) holds a subordinate clause that ", and the campsite is
    ..." may continue ("you may not camp if the park has declared a danger level, and the campsite is not
    covered"): two conditions, not two statements."""
    return any(_OPEN_CLAUSE_RE.search(part) for part in re.split(r"[,;]", left)[-parts:])


def _ends_in_a_list(left: str) -> bool:
    """"We support Postgres, MySQL" (before ", and the new engine ..."): the last comma's part has no verb."""
    return "," in left and not _FINITE_RE.search(left.rsplit(",", 1)[-1].strip(" \"“”'’"))


def _which(right: str) -> str | None:
    """"which explains your rights" -> "This explains your rights"; None when "which" is not a relative pronoun
    with its own verb, or its clause does not run to the end of the piece."""
    m = _THIS_VERB_RE.match(right)
    if not m or re.search(r",\s+(?!\w+ing\b)", right):
        return None  # a comma may only bring a participle ("..., depending on your system")
    verb, after = m.group("verb").lower(), m.group("next").lower()
    if not re.fullmatch(_AUX, verb) and after not in _OBJECT_STARTS:
        return None  # "which campaigns drive paid conversions": an interrogative "which", not a clause
    return ("These " if verb in _PLURAL_AUX else "This ") + right


def _split_once(text: str) -> tuple[str, str, str] | None:
    if text.count("“") != text.count("”") or text.count('"') % 2:
        return None  # the sentence starts or ends inside a quotation: a split would cut the quote in two
    best: tuple[float, str, str, str] | None = None
    total = _words(text)
    for pattern, kind in _BOUNDARIES:
        for m in pattern.finditer(text):
            left, right = text[: m.start()].rstrip(), text[m.end() :]
            if _words(left) < MIN_WORDS or _words(right) < MIN_WORDS or _inside_brackets_or_quotes(text, m.start()):
                continue
            if not _first_piece_is_a_clause(left):
                continue
            if kind == "which":
                turned = _which(right)
                if turned is None:
                    continue
                right = turned
            else:
                if not _starts_with_subject(right):
                    continue
                if _open_clause(left) or _ends_in_a_list(left) and (
                        not _PRONOUN_SUBJECT_RE.match(right) or _open_clause(left, parts=2)):
                    # a list before ", and" takes the next words as its last item; a pronoun too, where the list
                    # sits in an open clause ("when Robert Griesemer, Ken Thompson, and I began"), but not after an
                    # aside ("Turner was born in London, the son of a barber, and he went to ...")
                    continue
                joined = m.group(0).strip(" ,;-–—").lower()
                word = _CONNECTIVE.get(joined, "")
                right = word + right if word else right[0].upper() + right[1:]
            if not left.endswith((".", "!", "?")):
                left = left.rstrip(":") + "."
            balance = abs(_words(left) - total / 2)
            if best is None or balance < best[0]:
                best = (balance, left, right, kind)
    return None if best is None else (best[1], best[2], best[3])


def split_sentence(text: str) -> list[str]:
    return split_with_boundaries(text)[0]


def split_with_boundaries(text: str) -> tuple[list[str], list[str]]:
    """(the pieces, the kinds of boundary split at: semicolon, colon, dash, which, conjunction)."""
    pieces, kinds = [text], []
    for _ in range(4):
        longest = max(range(len(pieces)), key=lambda i: _words(pieces[i]))
        if _words(pieces[longest]) <= TARGET_WORDS:
            break
        found = _split_once(pieces[longest])
        if found is None:
            break
        pieces[longest : longest + 1] = list(found[:2])
        kinds.append(found[2])
    return pieces, kinds


_NO_SENTENCE_SPLIT = ("heading", "cta", "link", "subject", "quote")


@rewriter("RDB001", "RDB002")
def split(finding, page: Page):
    sentence = page.sentence_of(finding.span.start)
    if sentence is None or page.unit_of(finding.span.start).kind in _NO_SENTENCE_SPLIT:
        return
    pieces, kinds = split_with_boundaries(sentence.text)
    if len(pieces) < 2:
        return
    at = "at " + ", ".join(sorted(set(kinds)))
    # should the checks refuse it (its pieces still hard), rewriters.plain tries the split with plainer words in it
    edits = minimal_edits(sentence.start, sentence.text, " ".join(pieces))
    if edits:
        yield Candidate(finding, "split-sentence", tuple(edits), note=f"split into {len(pieces)} sentences {at}")


_NO_SPLIT_UNITS = ("heading", "cta", "link", "subject", "quote", "table_cell")


@rewriter("RDB003", "RDB004")
def split_long_sentences(finding, page: Page):
    """The copy reads above its reader's grade, or its sentences are long on average: split every sentence over
    TARGET_WORDS words that has safe clause boundaries (all of them in one rewrite, then each alone, longest
    first, should the checks refuse the whole)."""
    singles: list[tuple[int, tuple]] = []
    for sentence in page.doc.sentences:
        if _words(sentence.text) <= TARGET_WORDS or page.unit_of(sentence.start).kind in _NO_SPLIT_UNITS:
            continue
        pieces = split_sentence(sentence.text)
        if len(pieces) < 2:
            continue
        edits = tuple(minimal_edits(sentence.start, sentence.text, " ".join(pieces)))
        if edits:
            singles.append((_words(sentence.text), edits))
    if not singles:
        return
    if len(singles) > 1:
        every = tuple(e for _, edits in singles for e in edits)
        yield Candidate(finding, "split-sentence", every, note=f"{len(singles)} long sentences split at clause boundaries")
    for _, edits in sorted(singles, key=lambda s: -s[0]):
        yield Candidate(finding, "split-sentence", edits, note="a long sentence split at clause boundaries")
