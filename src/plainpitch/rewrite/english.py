"""Does a rewritten passage read as English? The mistakes word swaps and splices make, checked by rule.

Not a grammar checker for any text: a guard for the failure modes of mechanical rewrites (plainpitch 0.1.0's
swaps gave "Own your the server side" and "a automated steps"): article and sound ("a API"), two determiners in
a row, a determiner before a word that cannot follow one ("the to"), a doubled word, a pronoun with the wrong
verb form ("you is"), a sentence that does not start with a capital, stray or doubled punctuation, unbalanced
brackets and quotes, an empty sentence. ``problems`` lists what it finds; an empty list means "reads as English"
as far as these rules can tell.
"""

from __future__ import annotations

import re

from plainpitch.text import lazy_re

DETERMINERS = frozenset("a an the this that these those my your our their its his her every each no".split())
# words that never directly follow a determiner (prepositions, conjunctions, particles, pronouns, adverbs)
FUNCTION_WORDS = frozenset(
    "to of in on at by for with from about into onto over under than then so and or but if because although "
    "while when where whether not now very too also just already yet thus hence therefore is are was were be "
    "been being do does did can could will would should may might must shall you we they he she it i me us "
    "them him".split()
)
_ARTICLE_RE = lazy_re.compile(r"\b(a|an|A|An)\s+([A-Za-z0-9][\w'’-]*)")
_WORD_RE = lazy_re.compile(r"[A-Za-z][\w'’-]*")
_AGREEMENT_RE = lazy_re.compile(
    r"\b(?:you|we|they) (?:is|was|has|does|doesn't)\b|\b(?:I) (?:is|are|has|does)\b|\b(?:he|she|it) (?:are|were)\b",
    re.IGNORECASE,
)
# word pairs that are never English side by side, whatever the sentence
_FRAME_RE = lazy_re.compile(
    r"\b(?P<same>an? same)\b"  # "same" takes "the"
    r"|\b(?P<possessive>(?:its|their|your|our|my)(?=\s*[,.;:!?)]|\s+(?:and|or|of|to|for|is|are)\b))"  # a possessive with no noun
    r"|\b(?P<letknow>let know)\b"  # "let you know", never "let know the ..."
    r"|\b(?P<modal>(?:must|can|should|could|might|would) (?:that|the|a|an|of|to)\b)"  # a modal with no verb after it
    r"|\b(?P<instead>instead (?:the|a|an|this|that|these|those|your|our|their|its)\b)",  # "instead of the ..."
    re.IGNORECASE,
)
_FRAME_PROBLEMS = {
    "same": "'same' after a/an",
    "possessive": "a possessive with no noun after it",
    "letknow": "'let' and 'know' with no one between them",
    "modal": "a modal verb with no verb after it",
    "instead": "'instead' with no 'of' before a noun",
}
# vowel letters that sound like consonants ("a user", "a one-time", "a European") and silent h ("an hour")
_CONSONANT_SOUND_RE = lazy_re.compile(r"^(?:u[bcfhjkst][aeiou]|u[nr][aeiou]|use|usu|uti|uni(?!n)|ubi|eu|ew|one\b|once|ouija)", re.I)
_VOWEL_SOUND_RE = lazy_re.compile(r"^(?:hour|honest|honou?r|heir|herb)", re.I)
_VOWEL_LETTER_NAMES = frozenset("AEFHILMNORSX")  # "an SDK", "an HTTP call", "an MRR chart"


def wants_an(word: str) -> bool:
    """True when the word starts with a vowel sound (it takes "an")."""
    if not word:
        return False
    if word[0].isdigit():
        return word.startswith(("8", "11", "18"))
    letters = re.match(r"[A-Za-z]+", word)
    head = letters.group(0) if letters else word
    if len(head) > 1 and head.isupper() or (len(head) <= 3 and head.isupper()):
        return head[0] in _VOWEL_LETTER_NAMES  # read letter by letter
    if _VOWEL_SOUND_RE.match(head):
        return True
    if _CONSONANT_SOUND_RE.match(head):
        return False
    return head[0].lower() in "aeiou"


def article_for(word: str, like: str = "a") -> str:
    """"a" or "an" for the word, written in the case of ``like``."""
    chosen = "an" if wants_an(word) else "a"
    return chosen.capitalize() if like[:1].isupper() else chosen


def fix_articles(text: str) -> str:
    """Make every a/an agree with the sound of the word after it."""
    return _ARTICLE_RE.sub(lambda m: f"{article_for(m.group(2), m.group(1))} {m.group(2)}", text)


def problems(text: str) -> list[str]:
    """What in ``text`` (one or more sentences) does not read as English, one short line each."""
    out: list[str] = []
    stripped = text.strip()
    if not stripped or not re.search(r"[A-Za-z]", stripped):
        return ["empty sentence"]
    for m in _ARTICLE_RE.finditer(text):
        if m.group(1).lower() != article_for(m.group(2)):
            out.append(f"'{m.group(1)} {m.group(2)}': article and sound disagree")
    words = [(m.group(0), m.start()) for m in _WORD_RE.finditer(text)]
    for (w1, s1), (w2, _) in zip(words, words[1:], strict=False):
        between = text[s1 + len(w1) : text.find(w2, s1 + len(w1))]
        if between.strip():
            continue  # punctuation between them: "the end. The next"
        low1, low2 = w1.lower(), w2.lower()
        if low1 == low2 and low1 not in ("that", "had", "is"):
            out.append(f"'{w1} {w2}': doubled word")
        elif low1 in DETERMINERS and low2 in DETERMINERS and not (low1 == "that" or low2 == "that"):
            out.append(f"'{w1} {w2}': two determiners in a row")
        elif low1 in ("a", "an", "the", "your", "our", "their", "my") and low2 in FUNCTION_WORDS:
            out.append(f"'{w1} {w2}': a determiner before a word that cannot follow one")
    for m in _FRAME_RE.finditer(text):
        out.append(f"'{m.group(0)}': {_FRAME_PROBLEMS[next(k for k, v in m.groupdict().items() if v)]}")
    for m in _AGREEMENT_RE.finditer(text):
        out.append(f"'{m.group(0)}': subject and verb disagree")
    for sentence in re.split(r"(?<=[.!?])\s+", stripped):
        first = re.search(r"[A-Za-z0-9]", sentence)
        if first and sentence[first.start()].islower() and not re.match(r"[a-z]+[A-Z0-9]", sentence[first.start():]):
            out.append(f"'{sentence[:20]}…': a sentence that starts in lower case")
    if re.search(r"\s[,.;:!?](?!\w)", text):
        out.append("space before punctuation")
    if re.search(r"[,;:]\s*[,;:.]|(?<!\.)\.\.(?!\.)|[!?]\.", text):
        out.append("doubled punctuation")
    for a, b in ("()", "[]"):
        if text.count(a) != text.count(b):
            out.append(f"unbalanced '{a}{b}'")
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        out.append("unbalanced quotes")
    return out
