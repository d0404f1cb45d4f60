"""Placeholder Latin ("lorem ipsum") left in copy: a testimonial, a feature or a paragraph that was never written.

Found by what the text is, not by its first words (generators start anywhere in the passage): a stretch of at least
MIN_WORDS words with almost none of English's function words, mostly words that are not English, at least MIN_LATIN
distinct words of the lorem-ipsum generators' vocabulary (data/filler_latin.txt, built by
scripts/build_filler_words.py from three generators' word lists) that are not English function words, and not the
function words of a living language that shares Latin's roots (a customer's words in Spanish or French are not
filler). English prose runs at 35-50% function words; "lorem ipsum" itself is filler however short.
"""

from __future__ import annotations

import re
import threading
from importlib import resources

from plainpitch.text import lazy_re
from plainpitch.text.language import _COMMON
from plainpitch.text.lexicon import is_english_word

MIN_WORDS = 6
MIN_LATIN = 2  # distinct generator words (not "in", "a"): one is a motto or a name ("Magna Carta", "Veritas")
MAX_FUNCTION_SHARE = 0.08  # English prose: 35-50%; a bulleted list of nouns rarely under 10%
MIN_FOREIGN_SHARE = 0.5  # words that are not English (CMUdict headwords): Latin filler runs at 55-80%

# The most frequent function words of Spanish, French, Italian, Portuguese, German and Dutch (none is a word of
# the generators): two of them in a stretch make it that language, not placeholder Latin.
_LIVING = frozenset(
    """
    de la el los las y que del por con una para como il di gli della che le les des du et au pour avec une dans
    un su sono nel nella alla dei delle degli anche questo per
    os da do em um uma não und der die das ist sind mit nicht ein eine zu von het een van
    """.split()
) - frozenset("et".split())  # "et" is the generators' own word too
_WORD_RE = lazy_re.compile(r"[A-Za-z]+")
# "lorem ipsum", and the English blind text of the same generators ("Far far away, behind the word mountains, far
# from the countries Vokalia and Consonantia, there live the blind texts"): English words, so only its own names tell it
# "Lorem ipsum" opens the filler (at the start of the text or of a sentence); named inside a sentence ("realistic
# content, not Lorem Ipsum") it is the name of the thing, not filler (a run of Latin is read by its words below)
_LOREM_RE = lazy_re.compile(r"(?:^|[.!?:;\"“(\[]\s*)lorem ipsum\b|\bbehind the word mountains\b|"
                       r"\bVokalia\b|\bConsonantia\b", re.IGNORECASE)
_lock = threading.Lock()
_words: frozenset[str] | None = None


def generator_words() -> frozenset[str]:
    global _words
    if _words is None:
        with _lock:  # built once: the server analyses in threads
            if _words is None:
                text = (resources.files("plainpitch") / "data" / "filler_latin.txt").read_text(encoding="utf-8")
                _words = frozenset(text.split())
    return _words


def is_filler(text: str) -> bool:
    """Is this stretch of copy (a paragraph, a quote, a list item) placeholder Latin (or the generators' blind text)?"""
    if _LOREM_RE.search(text):
        return True
    words = [w.lower() for w in _WORD_RE.findall(text)]
    if len(words) < MIN_WORDS:
        return False
    every = generator_words()
    if len({w for w in words if w in every and w not in _COMMON}) < MIN_LATIN:
        return False
    if len({w for w in words if w in _LIVING}) >= 2:
        return False
    # English function words that are not also the filler's own ("in", "a", "non" are both)
    if sum(1 for w in words if w in _COMMON and w not in every) > MAX_FUNCTION_SHARE * len(words):
        return False
    return sum(1 for w in words if not is_english_word(w)) >= MIN_FOREIGN_SHARE * len(words)


# A writer's note that the copy is not written yet, left where the buyer reads it ("[TODO: Add Slack invite link.]",
# "TODO: the price", "(FIXME)"), in capitals as developers write it; and copy that says it is a placeholder ("Some
# representative placeholder content for the first slide", "Placeholder text"). A page that sells templates says
# "replace the placeholder text": the words open the unit here, so that is not one.
_NOTE_RE = lazy_re.compile(r"[\[(]\s*(?:TODO|FIXME)\b[^\])\n]{0,120}[\])]|^\s*(?:TODO|FIXME)\s*:")
_PLACEHOLDER_COPY_RE = lazy_re.compile(
    r"^\s*(?:some |this is (?:some |a |the )?|sample |example )?(?:representative |sample |dummy |filler )?"
    r"placeholder (?:text|content|copy|description|title|headline|testimonial|quote)\b", re.IGNORECASE
)


# A template's instruction to its writer, left in square brackets where the copy belongs: an example of what to put
# ("[e.g., Within 24-48 hours]"), what to do if a case applies ("[If it's code-based, add: Run npm install]"), or an
# order to put something in ("[Insert client logo]", "[Replace with your story]", "[Add: the price]"). Not a link's
# text ("[Add to cart](/cart)") and not a button drawn in plain text ("[Add to cart]"): no verb a button uses alone.
_INSTRUCTION_RE = lazy_re.compile(
    r"\[\s*(?:e\.\s?g\.|for example\b|if [^\]\n]{1,80}?,\s*(?:add|insert|include|replace|write|use|put|mention)\b|"
    r"(?:insert|replace|fill in|paste|describe)\b|(?:add|include|write|enter|list)\b[^\]\n:]{0,30}:)"
    r"[^\]\n]{0,200}\](?![(\[])",
    re.IGNORECASE,
)


def writer_instruction(text: str) -> re.Match[str] | None:
    """A template's bracketed instruction to its writer ("[Insert client logo]", "[e.g., …]") in one unit's text."""
    return _INSTRUCTION_RE.search(text) if "[" in text else None


def unwritten_note(text: str, instructions: bool = True) -> re.Match[str] | None:
    """A note that the copy is unwritten ("[TODO: …]", "[Insert client logo]" unless ``instructions`` is off, "[e.g.,
    …]") or copy that calls itself a placeholder, in one unit's text."""
    if instructions and (m := writer_instruction(text)):
        return m
    if "TODO" not in text and "FIXME" not in text and "laceholder" not in text:
        return None
    return _NOTE_RE.search(text) or _PLACEHOLDER_COPY_RE.match(text)

