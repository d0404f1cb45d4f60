"""Redaction before text leaves the machine: e-mail addresses, phone numbers and people's names become
placeholders ("[email 1]", "[phone 1]", "[name 1]"), and the model's answer gets the originals back.

Names are the ones the user lists (``redact_names``) and the ones the text itself marks as a person's: the name
after a greeting ("Hi Sam,") or on the line after a sign-off ("Best,\\nAna Ruiz"), after "my name is" / "I'm",
and in a quote's attribution ("— Ana Ruiz, CTO"). Product and company names are facts the rewrite must keep,
so they are not guessed at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_PHONE_RE = re.compile(r"(?<![\w])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){2,3}(?![\w])")
_NAME = r"([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})"
_PERSON_RES = (
    re.compile(r"^(?:hi|hello|hey|dear|good (?:morning|afternoon))[ ,]+" + _NAME + r"\b", re.I | re.M),
    re.compile(r"^(?:best|thanks|thank you|cheers|regards|best regards|kind regards|warmly|sincerely),?[ \t]*\n+[ \t]*" + _NAME + r"[ \t]*$", re.I | re.M),
    re.compile(r"\b(?:my name is|i'm|i am|this is)\s+" + _NAME + r"\b"),
    re.compile(r"(?:^|\n)\s*(?:—|–|-{1,2})\s*" + _NAME + r"\b"),
)


@dataclass
class Redactor:
    names: tuple[str, ...] = ()
    table: dict[str, str] = field(default_factory=dict)  # placeholder -> original

    def _placeholder(self, kind: str, original: str) -> str:
        for key, value in self.table.items():
            if value == original and key.startswith(f"[{kind} "):
                return key
        key = f"[{kind} {sum(1 for k in self.table if k.startswith(f'[{kind} ')) + 1}]"
        self.table[key] = original
        return key

    def redact(self, text: str) -> str:
        out = _EMAIL_RE.sub(lambda m: self._placeholder("email", m.group(0)), text)
        out = _PHONE_RE.sub(lambda m: self._placeholder("phone", m.group(0)) if sum(c.isdigit() for c in m.group(0)) >= 7
                            else m.group(0), out)  # fmt: skip
        people = set(self.names)
        for pattern in _PERSON_RES:
            people.update(m.group(1) for m in pattern.finditer(out))
        for name in sorted(people, key=len, reverse=True):
            if name.strip():
                out = re.sub(r"(?<![\w])" + re.escape(name) + r"(?![\w])", lambda m: self._placeholder("name", m.group(0)), out)
        return out

    def restore(self, text: str) -> str:
        for key, value in self.table.items():
            text = text.replace(key, value)
        return text
