"""Put a plain word or phrase in place of a term so that the sentence still reads as English, or say it cannot.

The jargon rules offer "→ use:" replacements, and the rewrite stream reuses this module. One call does the work:

    fit(text, start, end, plain) -> Replacement | None

``text[start:end]`` is the term as written ("pipelines", "Backend", "deployed"), ``plain`` the plain alternative in
its base form ("automated steps", "the server side", "release"). The result says which span of ``text`` to replace
and with what; apply it with ``apply(text, replacement)``. ``fit`` returns None rather than a replacement that
would read badly or change the meaning:

- inflection: the plain words take the term's form: plural ("pipelines" → "automated steps"), -ed, -ing, and a
  capital where the term had one ("Backend" → "The server side");
- determiners: a plain phrase that brings its own article drops it after a determiner or possessive ("your
  backend" → "your server side", never "your the server side");
- a/an: an article right before the term is changed to suit the new first word ("a API" never appears: "an API"
  → "a way for other software to connect");
- meaning: no replacement inside a compound written with a hyphen or slash ("Zero-config" is not "Zero-settings"),
  and no multi-word replacement where the term modifies the next word ("pipeline runs": "automated steps runs")
  or is modified by a preceding noun ("tracking script": "tracking small program"): the phrase would not read as
  one noun there.

``problems(sentence)`` names what reads wrong in a sentence (doubled or colliding determiners, a/an before the wrong
sound, broken verb endings); the tests run it over every suggestion substituted into real copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plainpitch.text import lazy_re

DETERMINERS = frozenset(
    "a an the this that these those my your our their its his her every each any some no another".split()
)
_ARTICLE_START_RE = lazy_re.compile(r"^(?:a|an|the)\s+", re.I)
# words after which a noun phrase starts afresh: a multi-word replacement reads as one noun there
_OPENERS = DETERMINERS | frozenset(
    """and or but nor of to in on at by for with from into onto over under about via per as than like without
    within across through between is are was were be been being has have had do does did can could will would may
    might must should shall not no more less fewer most many much few all both either neither what which who whose
    when where how why if then so also just only even very too own new same other such now today again here
    there instead too automatically""".split()
)
_PARTICLES = frozenset("in out up off on down over back".split())
_VOWEL_SOUND_EXCEPTIONS = ("uni", "use", "usa", "usu", "ut", "eu", "one", "once", "ur")
_SILENT_H = ("hour", "honest", "honor", "honour", "heir")


@dataclass(frozen=True)
class Replacement:
    start: int  # the span of the original text to replace (may include an article before the term)
    end: int
    text: str


def starts_with_vowel_sound(word: str) -> bool:
    w = word.lower()
    if not w:
        return False
    if w.startswith(_SILENT_H):
        return True
    if w[0] in "aeio":
        return True
    if w[0] == "u":
        return not w.startswith(_VOWEL_SOUND_EXCEPTIONS)
    if w.startswith(_VOWEL_SOUND_EXCEPTIONS[4:6]):
        return False
    # an acronym said letter by letter: "an SDK", "an API", "a URL"
    if len(w) > 1 and word.isupper() and w[0] in "fhlmnrsx":
        return True
    return False


def article_for(word: str) -> str:
    return "an" if starts_with_vowel_sound(word) else "a"


# -- inflection ----------------------------------------------------------------------------------------------
# nouns with no plural: "software", "code" stay as they are ("ready-made code" for "libraries")
MASS_NOUNS = frozenset("software code data information storage equipment hardware feedback advice access".split())
# irregular past forms of verbs that plain alternatives use
IRREGULAR_PAST = {
    "build": "built", "make": "made", "send": "sent", "run": "run", "spin": "spun", "keep": "kept", "get": "got",
    "set": "set", "put": "put", "write": "written", "find": "found", "hold": "held", "take": "taken", "go": "gone",
    "give": "given", "show": "shown", "split": "split", "cut": "cut", "let": "let", "read": "read",
}  # fmt: skip


def _plural(word: str) -> str:
    if word in MASS_NOUNS:
        return word
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _past(word: str) -> str:
    if word in IRREGULAR_PAST:
        return IRREGULAR_PAST[word]
    if word.endswith("e"):
        return word + "d"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ied"
    return word + "ed"


def _gerund(word: str) -> str:
    if word.endswith("ie"):
        return word[:-2] + "ying"
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", word):  # one syllable, consonant-vowel-consonant: "running"
        return word + word[-1] + "ing"
    if word.endswith("e") and not word.endswith(("ee", "ye", "oe")):
        return word[:-1] + "ing"
    return word + "ing"


def form_of(term: str) -> str:
    """The grammatical form of a term's last word: "plural", "past", "gerund" or "base"."""
    last = term.split()[-1].lower() if term.split() else ""

    def stem_ok(stem: str) -> bool:  # "thing", "need", "bed" are not inflections
        return len(stem) >= 3 and any(c in "aeiouy" for c in stem)

    if last.endswith("ing") and stem_ok(last[:-3]):
        return "gerund"
    if last.endswith("ed") and stem_ok(last[:-2]) and not last.endswith("eed"):
        return "past"
    if len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is")):
        return "plural"
    return "base"


def _head_index(words: list[str]) -> int:
    """The word that carries the inflection: the head noun before "of"/"for"/"to" ("group of servers"), else the
    last word ("automated step")."""
    for i, w in enumerate(words):
        if i and w.lower() in ("of", "for", "to", "that", "who", "which", "in", "on", "from", "with"):
            return i - 1
    return len(words) - 1


def inflect(plain: str, form: str) -> str | None:
    """``plain`` (base form) in ``form``. A phrase already in that form (ends in -s, -ed, -ing) is kept; None when
    the phrase cannot take the form (a plural of "software that runs your code" would need its verb changed too)."""
    words = plain.split()
    if not words or form == "base":
        return plain
    i = _head_index(words)
    if form == "plural" and i < len(words) - 1 and words[i + 1].lower() in ("that", "which", "who"):
        return None
    if form == "plural" and words[0].lower() in ("the", "a", "an"):
        return None  # "the server side" has no plural that means "backends"
    head = words[i]
    if form == "plural" and not (head.endswith("s") and not head.endswith("ss")):
        words[i] = _plural(head)
    elif form == "past" and not head.endswith("ed"):
        words[i] = _past(head)
    elif form == "gerund" and not head.endswith("ing"):
        words[i] = _gerund(head)
    return " ".join(words)


def _capitalise_like(original: str, text: str) -> str:
    if original[:1].isupper() and not original.isupper() and text:
        return text[0].upper() + text[1:]
    return text


# -- fitting into the sentence -------------------------------------------------------------------------------
_WORD_BEFORE_RE = lazy_re.compile(r"([A-Za-z'-]+)(\s+)$")
_WORD_AFTER_RE = lazy_re.compile(r"^\s+([A-Za-z']+)")


def fit(text: str, start: int, end: int, plain: str, form: str | None = None) -> Replacement | None:
    """The replacement of ``text[start:end]`` by ``plain`` that reads as English, or None (see the module doc)."""
    term = text[start:end]
    plain = plain.strip()
    if not term or not plain:
        return None
    if (start > 0 and text[start - 1] in "-/") or (end < len(text) and text[end] in "-/"):
        return None  # part of a compound: "Zero-config", "proxy/relay"
    words = plain.split()
    before = _WORD_BEFORE_RE.search(text[max(0, start - 40) : start])
    after = _WORD_AFTER_RE.search(text[end : end + 40])
    prev = before.group(1) if before else ""
    nxt = after.group(1) if after else ""
    if term[:1].isupper() and not term.isupper() and not _sentence_start(text, start):
        return None  # capitalised mid-sentence: a name ("Edge Functions"), not a term to swap
    if prev and prev.lower() == words[0].lower() or nxt and nxt.lower() == words[-1].lower():
        return None  # "small small programs", "scheduled jobs for scheduled jobs"
    if after is not None and text[end:].lower().lstrip().startswith(plain.lower().split()[-1]):
        return None
    if nxt.lower() in _PARTICLES and form_of(term) in ("gerund", "past", "base") and not term[:1].isupper():
        return None  # a phrasal verb: "logging in", "spun up"
    if len(words) > 1:
        if nxt and nxt.lower() not in _OPENERS and not nxt.endswith("ly"):
            return None  # the term modifies the next word: "pipeline runs", "Serverless Rust"
        if prev and prev.lower() not in _OPENERS and not prev.endswith(("ly", "ed")):
            # a preceding noun or name makes a compound ("tracking script", "Rust compiler")
            if prev[:1].isupper() or not _looks_adjective(prev):
                return None
    new = inflect(plain, form or form_of(term))
    if new is None:
        return None
    has_article = bool(_ARTICLE_START_RE.match(new))
    r_start = start
    if has_article and prev.lower() in DETERMINERS:
        new = _ARTICLE_START_RE.sub("", new, count=1)  # "your the server side" -> "your server side"
        has_article = False
    if prev.lower() in ("a", "an") and before is not None:
        first = new.split()[0]
        if has_article:
            return None  # "a the server side": the plain phrase cannot follow an article here
        art_start = start - len(before.group(0))
        article = article_for(first)
        if prev[0].isupper():
            article = article.capitalize()
        new = f"{article}{before.group(2)}{new}"
        r_start = art_start
        if r_start == 0 or text[r_start - 1] in ".!?\n":
            new = new[0].upper() + new[1:]
        return Replacement(r_start, end, new)
    if start == 0 or text[:start].rstrip().endswith((".", "!", "?")) or term[:1].isupper() and not term.isupper():
        new = _capitalise_like(term if not term.isupper() else term.capitalize(), new) if term[:1].isupper() else new
    return Replacement(r_start, end, new)


def _sentence_start(text: str, offset: int) -> bool:
    head = text[:offset].rstrip()
    return not head or head.endswith((".", "!", "?", ":", "\n")) or text[max(0, offset - 1) : offset] == "\n"


_ADJECTIVE_ENDINGS = ("al", "ful", "ous", "ive", "ble", "ic", "less", "ent", "ant", "ary", "ory")


def _looks_adjective(word: str) -> bool:
    w = word.lower()
    return w.endswith(_ADJECTIVE_ENDINGS) or w in ("low", "high", "fast", "slow", "big", "small", "new", "old", "good", "bad", "full", "real", "simple", "single", "main", "top", "best", "better")


def apply(text: str, replacement: Replacement) -> str:
    return text[: replacement.start] + replacement.text + text[replacement.end :]


# -- reading the result -------------------------------------------------------------------------------------
_DOUBLE_DET_RE = lazy_re.compile(r"\b(" + "|".join(sorted(DETERMINERS)) + r")\s+(a|an|the|your|our|their|my|its)\b", re.I)
_A_AN_RE = lazy_re.compile(r"\b(a|an)\s+([A-Za-z][\w-]*)", re.I)
_BROKEN_VERB_RE = lazy_re.compile(r"\b\w+(?:eded|inging|eing(?<!being)(?<!seeing)|sss|ieded|yed(?<!played)(?<!stayed))\b", re.I)
_A_AN_OK = frozenset({"one", "once", "half"})


def problems(sentence: str) -> list[str]:
    """What reads wrong in a sentence after a substitution: colliding determiners ("your the"), a/an before the
    wrong sound ("a automated"), broken verb endings ("releaseded")."""
    found = []
    for m in _DOUBLE_DET_RE.finditer(sentence):
        first, second = m.group(1).lower(), m.group(2).lower()
        if first in ("that", "no") and second in ("the", "your", "our", "their", "my", "its"):
            continue  # "so that the…", "no, the…" read fine
        found.append(f"determiners collide: '{m.group(0)}'")
    for m in _A_AN_RE.finditer(sentence):
        article, word = m.group(1).lower(), m.group(2)
        if word.lower() in _A_AN_OK or (word.isupper() and len(word) > 1) or word[0].isdigit():
            continue
        if article != article_for(word):
            found.append(f"'{m.group(0)}' should be '{article_for(word)} {word}'")
    for m in _BROKEN_VERB_RE.finditer(sentence):
        found.append(f"broken word form: '{m.group(0)}'")
    return found
