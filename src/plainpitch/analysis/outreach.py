"""Cold outreach: an email to someone with no relationship yet, as opposed to a reply, a follow-up after a meeting,
an onboarding or a product email to a customer. The cold-email advice (relevance in the opening, 25-125 words, one
easy question instead of a calendar link) is for the first kind only: a welcome email a user asked for can be long.
"""

from __future__ import annotations

import re

from plainpitch.text import lazy_re

# A relationship already there: a reply, a follow-up, a customer, a trial, an onboarding.
WARM_RE = lazy_re.compile(
    r"\b(?:thanks for|thank you for|as (?:discussed|promised|requested|mentioned)|following up|follow(?:ing)? up on|"
    r"great (?:to meet|meeting|chatting|talking)|good to (?:meet|see)|nice (?:to meet|meeting)|per our|our (?:call|chat|"
    r"session|meeting|conversation)|you (?:asked|requested|signed up|mentioned|joined|created)|your (?:trial|account|"
    r"subscription|order|plan|request|invoice|demo|collective|workspace|team on)|excited to be working|welcome to|"
    r"welcome aboard|you're receiving|you are receiving|you've reached|unsubscribe)\b",
    re.IGNORECASE,
)


def is_cold_email(doc, medium: str) -> bool:
    """An email with no sign of an earlier relationship (no reply, follow-up, trial, account or onboarding)."""
    return medium == "email" and not WARM_RE.search(doc.text)


# The reader has just joined or bought: thanked for signing up or for an order, told they are in or that their account
# is ready. The decision is made; the e-mail's job is the first step, not the sale.
JOINED_RE = lazy_re.compile(
    r"\bthanks? (?:you )?for (?:subscribing|signing up|joining|registering|your (?:order|purchase|subscription))\b|"
    r"\byou(?:'re|’re| are) (?:in|subscribed|registered|on the list)\b|\byour (?:new )?account (?:is|has been)\b",
    re.IGNORECASE,
)
_WELCOME_LINE_RE = lazy_re.compile(r"^\W*welcome\b", re.IGNORECASE | re.MULTILINE)  # "Welcome to Acme", "Welcome aboard!"
OPENING_CHARS = 400  # about the subject, the greeting and the first lines


def welcomes_a_new_customer(doc) -> bool:
    """An e-mail whose opening welcomes a reader who has just joined or bought (a welcome, a sign-up's confirmation,
    an order's thanks): it need not prove the product or name its price to them again."""
    opening = doc.text[:OPENING_CHARS]
    return bool(JOINED_RE.search(opening) or _WELCOME_LINE_RE.search(opening))
