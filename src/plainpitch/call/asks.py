"""Asks and next steps in call sentences.

- An **ask** requests a commitment from the other person: to buy, sign, pay, donate, try, meet, start... as a
  question ("would you be willing to start a pilot?", "how much would you like to commit?") or a statement
  ("I'd like to ask you to sign this week", "let's book the pilot"). Questions that only gather facts are not asks.
- A **next step** is an agreed action with an owner and a time: "I'll send the proposal by Friday", "let's meet
  Tuesday at 10". All three parts must sit in one sentence; "let's keep in touch" is not a next step.
- A **loose next step** is a commitment to carry on after the call that is not pinned down: no time ("I'll share
  the recording with Carlos"), only a vague one ("we will be back around Labor Day", "should I follow up in a
  couple of weeks or around Labor Day?"), or nobody to do it ("a follow-up call next Tuesday would be good").
  Pleasantries ("let's keep in touch", "talk soon") are neither.

Plain regular expressions over one normalised sentence at a time (see ``questions.normalise``).
"""

from __future__ import annotations

from dataclasses import dataclass

from plainpitch.call.speech import has_digit, lacks, normalise, unstutter
from plainpitch.text import lazy_re

# Verbs and nouns of commitment: what a seller asks a buyer to do. Base forms and -ing only: "have you ever
# donated", "we decided to sign" and "I was asked to join" tell what happened, they ask for nothing.
_COMMIT = (
    r"donat(?:e|es|ing|ion|ions)|giv(?:e|es|ing)|contribut(?:e|es|ing|ion|ions)|spare|pledg(?:e|es|ing)|pay|paying|"
    r"buy|buying|purchas(?:e|es|ing)|sign(?:ing)?(?:\s+up)?|order(?:ing)?|subscrib(?:e|ing)|upgrad(?:e|ing)|"
    r"commit(?:ting|ment)?|invest(?:ing|ment)?|fund(?:ing)?|sponsor(?:ing)?|support|"
    r"help(?:ing)?(?!\s+(?:me|us)\s+understand)|join(?:ing)?|try(?:ing)?|start(?:ing)?|book(?:ing)?|schedul(?:e|ing)|"
    r"move\s+forward|moving\s+forward|get\s+started|proceed(?:ing)?|count\s+(?:on|you)|afford|chip\s+in|"
    r"put\s+(?:in|down)|make\s+a\s+(?:donation|purchase|commitment|decision|contribution|difference|gift)|"
    r"pilot|trial|deal|contract|license|licence|onboard(?:ing)?|roll\s+(?:it\s+)?out|adopt(?:ing)?|"
    r"switch(?:ing)?|renew(?:ing|al)?|expand(?:ing)?|add\s+(?:seats|users|licenses)|exchang(?:e|ing)|"
    r"replac(?:e|ing)|swap(?:ping)?"
)
_COMMIT_RE = lazy_re.compile(rf"\b(?:{_COMMIT})\b")

# Question frames that request something ("would you...", "are you willing...", "can I count on you..."). Habits and
# past ("do you ever donate?", "did you buy before?") are discovery, not asks: "do/did" only with want/plan/like.
_REQUEST_Q = lazy_re.compile(
    r"\b(?:(?:would|will|could|can|won't|wouldn't)\s+(?:you|u|ya)\s+(?:still\s+|also\s+|maybe\s+|perhaps\s+|at\s+least\s+|possibly\s+)?"
    r"(?!know\b|remember\b|have\s+(?:any\s+)?questions\b|mind\s+if\b|tell\b|describe\b|walk\b|explain\b|share\b|see\b|hear\b|"
    r"say\b|think\b|guess\b|rate\b|expect\b|estimate\b|prefer\b|recommend\b|agree\s+that\b|"
    r"(?:like|want|love|care)\s+to\s+(?:hear|know|learn|see|read|talk|chat|ask)\b|be\s+interested\s+in\s+(?:hearing|knowing|learning|how|what|why))"
    r"|(?:do|did)\s+(?:you|u)\s+(?:still\s+|also\s+)?(?:want|wish|plan|intend|have\s+(?:any\s+)?interest|"
    r"think\s+(?:that\s+)?you(?:'d|'ll|\s+would|\s+will|\s+might|\s+could|\s+can))\b"
    r"|(?:you|u)(?:'d|\s+would|\s+wouldn't|\s+won't|\s+will)\s+(?:still\s+)?(?:like|want|love|be\s+willing)\s+to\b"
    r"|^(?:would|will)\s+(?:like|want|care)\s+to\b"
    r"|(?:are|r)\s+(?:you|u)\s+(?:still\s+|also\s+)?(?:willing|able|(?:interest|intrest|intres|interst)\w*|going|ready|open|prepared|"
    r"planning|thinking|keen|up\s+for|sure)\b"
    r"|(?:have|had)\s+(?:you|u)\s+(?:ever\s+)?(?:thought|considered|think)\b"
    r"|(?:is|would)\s+(?:that|this|it|there)\s+(?:be\s+)?(?:something|any\s+(?:way|chance))\b"
    r"|any\s+chance\b|(?:can|could|may)\s+i\s+(?:count|interest|put\s+you|sign\s+you|get\s+you|ask\s+you\s+to|"
    r"(?:see|check|find\s+out)\s+(?:if|whether)\s+(?:we|i)\s+can|offer\s+you|set\s+you\s+up)\b"
    r"|(?:do|can|could|may)\s+i\s+(?:have|get)\s+your\b"
    r"|(?:can|could|shall|should)\s+we\s+(?:count|get|go\s+ahead|move|start|sign|book|schedule|lock|set)\b"
    r"|how\s+(?:do|would)\s+you\s+feel\s+about\b|\bif\s+(?:you|u)(?:'d|\s+would)\s+like\s+to\b)"
)
# Amount requests: "how much would you like to...", "what percentage are you willing to..."
_AMOUNT_Q = lazy_re.compile(
    r"\b(?:how\s+(?:much|many)|what\s+(?:is\s+|'s\s+)?(?:a\s+|the\s+|your\s+)?(?:\w+\s+)?(?:amount|percentage|portion|part|sum))\b"
    r"[^.?!]{0,50}?(?:\b(?:(?:would|will|could|can)\s+(?:you|u|ya)|(?:you|u)\s+(?:would|will|could|can)|are\s+(?:you|u)\s+(?:willing|able|going|planning|thinking)|"
    r"were\s+(?:you|u)|do\s+(?:you|u)\s+(?:want|like|plan|think|wish))\b|\byou'd\b|\byou'll\b)"
)
# Willingness with no verb of its own, pointing back at the offer: "would you do it?", "is that something you'd do?"
_REFERRING = lazy_re.compile(
    r"\b(?:would|will|could|can)\s+(?:you|u)\s+(?:be\s+(?:willing|interested|open|up\s+for)|do\s+(?:it|that|this|so)|"
    r"take\s+(?:it|that|this)|consider\s+(?:it|that|this)|go\s+for\s+(?:it|that))(?:\s+(?:in|to)\s+(?:it|that|this))?"
    r"(?:\s+(?:today|now|tonight|then|too|as\s+well))?\s*(?:[?.!]|$)"
    r"|\bwould\s+(?:you|u)\s*\?|\bsomething\s+you(?:'d|\s+would|\s+could|'ll|\s+are|'re|\s+might)\b"
    r"|\bplease\s+do\s+(?:it|that|so|this)\b"
)
# Statement requests: "I'd like to ask you to...", "I encourage you to...", "we need you to...", "let's...". Each
# needs a verb of commitment soon after it (``_WINDOW`` characters), so "I hope you have a nice day" is no ask.
_REQUEST_S = lazy_re.compile(
    r"\b(?:i|we)(?:'d|'m|\s+would|\s+am|\s+are|'re|\s+really|\s+just|\s+also)*\s*"
    r"(?:like\s+to\s+|want\s+to\s+|going\s+to\s+|writing\s+to\s+|wanted\s+to\s+|hoping\s+to\s+|hope\s+to\s+|getting\s+ready\s+to\s+)?"
    r"(?:ask(?:ing)?\s+(?:you\s+)?(?:to|for|if\s+you|whether\s+you|you\s+how\s+much)|invit(?:e|ing)|recommend(?:ing)?|suggest(?:ing)?|"
    r"encourag(?:e|ing)|urg(?:e|ing)|propos(?:e|ing)|interest)\b"
    r"|\b(?:i|we)\s+(?:really\s+)?need\s+(?:you|your)\b"
    r"|\b(?:i|we)(?:'d|\s+would)\s+(?:like|love)\s+(?:you|for\s+you)\s+to\b"
    r"|\bwe\s+(?:were|are)\s+hoping\s+(?:you|for\s+you)\b|\b(?:i|we)\s+hope\s+(?:that\s+)?you(?:'ll|\s+will|\s+would|\s+are|\s+can|\s+also)?\b"
    r"|\b(?:i|we)\s+wish\b(?!\s+(?:i|we)\b)|\bwhy\s+not\b|\bplease\b|\blet'?s\b(?!\s+(?:say|see|look|take|talk|think|just\s+say|pretend))|"
    r"\bconsider\b"
    r"|\b(?:have|has|get)\s+(?:the|an|a)\s+(?:opportunity|chance|option)\s+to\b"
    r"|\b(?:any|every|whatever)\s+(?:amount|bit|little|penny|cent|dollar)s?\b[^.?!]{0,40}\b(?:you|u)\s+(?:can|could|would)\b"
    r"|\b(?:you|u)\s+(?:can|could)\s+(?:help|do\s+more|make\s+a\s+difference)\b[^.?!]{0,30}\b(?:now|today|tonight|right\s+now)\b"
    r"|\b(?:you|u)\s+could\s+(?:always\s+)?do\s+more\b"
)
_WINDOW = 70
_IMPERATIVE = lazy_re.compile(
    r"^(?:(?:then|so|now|just|please|definitely|really|ok|okay|well|hey|and|hi|hello)[\s,!]+)*(?:donate|give|contribute|spare|"
    r"pledge|pay|buy|purchase|sign|order|subscribe|upgrade|commit|invest|fund|sponsor|support|help|join|try|start|book|"
    r"schedule|do\s+some\s+good|consider|spend|count\s+me|sign\s+here|let'?s)\b"
)
_AMOUNT = lazy_re.compile(r"(?:\$\s?\d[\d,]*(?:\.\d+)?|\b\d[\d,]*(?:\.\d+)?\s*(?:dollars?|cents?|bucks|%|percent|k\b)|\.\d+\b|"
                     r"\b(?:half|all|a\s+dollar|a\s+penny|fifteen\s+cents|twenty\s+dollars)\b)")
_AMOUNT_OFFER = lazy_re.compile(r"^(?:(?:maybe|perhaps|say|like|how\s+about|what\s+about|or|i\s+would\s+say|i'd\s+say)[\s,]+)+\$?\s?\.?\d"
                           r"|^\$?\s?\.?\d[^?]*\?\s*$")
_HOW_ABOUT = lazy_re.compile(r"\b(?:how|what)\s+(?:about|bout)\b")
# Words every match of _COMMIT_RE, _AMOUNT (or a digit), _REFERRING or _AMOUNT_Q holds as a whole word (proved in
# tests/test_call_gates.py, like each word list beside a pattern below): a sentence with none of them and no digit
# asks for nothing, and is not searched.
_ASK_WORDS = frozenset(
    "adopt adopting afford book booking buy buying chip commit commitment committing contract contribute contributes "
    "contributing contribution contributions count deal decision difference donate donates donating donation donations "
    "exchange exchanging expand expanding forward fund funding gift give gives giving help helping invest investing "
    "investment join joining licence license licenses moving onboard onboarding order ordering pay paying pilot pledge "
    "pledges pledging proceed proceeding purchase purchases purchasing put renew renewal renewing replace replacing roll "
    "schedule scheduling seats sign signing spare sponsor sponsoring start started starting subscribe subscribing "
    "support swap swapping switch switching trial try trying upgrade upgrading users "  # _COMMIT_RE
    "all dollar fifteen half penny twenty "  # _AMOUNT (with a digit)
    "you u ya please".split()  # _REFERRING, _AMOUNT_Q
)

# -- next steps ---------------------------------------------------------------------------------------------
_OWNER = lazy_re.compile(
    r"\b(?:i(?:'ll|'m\s+going\s+to|\s+will|\s+am\s+going\s+to|\s+can|\s+could|'d\s+like\s+to|\s+would\s+like\s+to|\s+need\s+to|\s+should)|"
    r"we(?:'ll|'re\s+going\s+to|\s+will|\s+are\s+going\s+to|\s+can|\s+could|\s+should|\s+need\s+to)|"
    r"you(?:'ll|\s+will|\s+can|\s+could|'re\s+going\s+to|\s+are\s+going\s+to)|let'?s|let\s+me|"
    r"(?P<cond>(?:if|once)\s+(?:i|we))\b|(?:i|we)(?:'d|\s+would)\s+(?:love|like)\s+to|"
    r"(?:can|could|shall|should)\s+(?:we|i|you)|(?:he|she|they)(?:'ll|\s+will)|"
    r"(?P<name>[a-z]+)\s+will)\b"
)
_ACTION = lazy_re.compile(
    r"\b(?:find\s+(?:some\s+|a\s+|an\s+)?(?:time|slot|hour|half\s+an\s+hour|\w+\s+minutes)|grab\s+(?:some\s+)?time|get\s+(?:something|it|a\s+\w+|time)\s+on\s+(?:the|your|our)\s+calendars?|"
    r"put\s+(?:something|time|it)\s+on|reconven\w*|send\w*|shar\w*|email\w*|e-mail\w*|forward\w*|schedul\w*|set\s+up|setting\s+up|book\w*|call\w*|meet\w*|"
    r"follow\s+up|follow-up|circle\s+back|loop\s+in|introduc\w*|review\w*|demo\w*|show\w*|walk\s+through|get\s+back|"
    r"draft\w*|prepar\w*|put\s+together|sign\w*|start\w*|kick\s+off|reconnect\w*|sync\w*|talk\w*|chat\w*|connect\w*|"
    r"check\s+in|run\w*|trial|pilot|invit\w*|confirm\w*|finaliz\w*|finalis\w*|present\w*|go\s+over|revisit\w*|"
    r"regroup\w*|decid\w*|approv\w*|get\s+(?:you|it|the|a)|pick\s+(?:it|this)\s+up|hop\s+on|jump\s+on|touch\s+base|"
    r"deliver\w*|install\w*|deploy\w*|test\w*|donat\w*|pay\w*|transfer\w*|submit\w*)\b"
)
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
_TIME = lazy_re.compile(
    rf"\b(?:in|by|before|after|around|until|through|early|mid|late|end\s+of|beginning\s+of|start\s+of|the\s+middle\s+of)\s+"
    rf"(?:early\s+|mid\s+|late\s+|mid-)?{_MONTH}\b|"
    r"\b(?:early|mid|late|later)\s+(?:next\s+|this\s+)?(?:week|month|quarter|year)\b|"
    r"\b(?:in|over|within|during)\s+the\s+(?:next|coming)\s+(?:few|couple(?:\s+of)?|\d+|two|three|four|several)?\s*(?:days|weeks|months)\b|"
    r"\bthis\s+coming\s+\w+\b|\b(?:the\s+)?(?:first|second|third|last)\s+week\s+of\b|\bthe\s+week\s+of\b|\bq[1-4]\b|"
    r"\b(?:after|before|around|by)\s+(?:the\s+)?(?:holidays|new\s+year|labor\s+day|thanksgiving|christmas|summer|the\s+break)\b|"
    r"\bend\s+of\s+(?:the\s+)?year\b|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:tomorrow|tonight|today|noon|eod|eow|asap)\b|"
    r"\bthis\s+(?:afternoon|morning|evening|week|month|quarter|friday|monday|tuesday|wednesday|thursday)\b|"
    r"\bnext\s+(?:week|month|quarter|time|call|meeting|(?:mon|tues|wednes|thurs|fri)day)\b|"
    r"\bend\s+of\s+(?:the\s+)?(?:day|week|month|quarter)\b|\bby\s+then\b|\blater\s+(?:today|this\s+week)\b|"
    r"\bin\s+(?:about\s+)?(?:a|an|one|two|three|four|five|ten|fifteen|twenty|thirty|forty|a\s+couple\s+of|a\s+few|\d+)\s+"
    r"(?:minutes?|days?|weeks?|hours?|months?)\b|"
    r"\b(?:at\s+)?\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.|o'clock)\b|\bat\s+\d{1,2}(?::\d\d)?\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|"
    r"\b\d{1,2}(?:st|nd|rd|th)\b|\bfirst\s+thing\b|\b(?:early|later)\s+next\s+week\b|\bwithin\s+(?:\d+|a|an|one|two)\s+\w+\b"
)
# "I'll send it sometime", "let's keep in touch": the owner and action are there, but nothing pins them down.
_VAGUE = lazy_re.compile(
    r"\b(?:sometime|(?<!find\s)(?<!grab\s)(?<!book\s)some\s+time|at\s+some\s+point|eventually|whenever|one\s+day|"
    r"down\s+the\s+road)\b"
)


# "Our next call is Tuesday at 10", "the next meeting starts in thirty minutes": nobody says "I will", but the step
# is set (the time must be another part of the sentence than "next call" itself).
_SCHEDULED = lazy_re.compile(
    r"\b(?:the|our|your)\s+next\s+(?:meeting|call|session|demo|conversation|check-in)"
    r"(?:(?:\s+is|'s)\s+(?:going\s+to|gonna)\s+(?:be|start)|\s+is|'s|\s+will\s+be|\s+will\s+start|\s+starts)\b"
)

# A loose promise to talk again ("should I follow up in a couple of weeks or around Labor Day?") is not a next step:
# a weak action (follow up, touch base, reconnect...) with only a soft time (around, in a couple of weeks, an
# either/or) commits nobody. "Let's find time in December", "I'll follow up on Friday" do.
_WEAK_ACTION = lazy_re.compile(
    r"^(?:follow\s+up|follow-up|circle\s+back|check\s+in|touch\s+base|reconnect\w*|regroup\w*|get\s+back|"
    r"connect\w*|talk\w*|chat\w*|sync\w*|revisit\w*)$"
)
_SOFT_TIME = lazy_re.compile(
    r"^(?:around\b|in\s+(?:a|one|two)\s+(?:couple|few)|over\s+the\s+(?:next|coming)|within\s+(?:a|the)|"
    r"(?:early|mid|late|later)\s+(?:next\s+|this\s+)?(?:week|month|quarter|year)|next\s+time|in\s+a\s+(?:few|couple))"
)
_EITHER_OR = lazy_re.compile(r"\bor\s+(?:around|in|by|next|after|before|on|at)\b")
# _TIME: a sentence with none of these words and no digit names no time
_TIME_WORDS = frozenset(
    "afternoon apr april asap aug august before break call christmas coming day days dec december early end eod eow "
    "evening feb february fifteen forty friday holidays hour hours jan january jul july jun june late later mar march "
    "may mid minute minutes monday month months morning next noon nov november oct october quarter saturday sep sept "
    "september summer sunday thanksgiving then thing thursday today tomorrow tonight tuesday twenty wednesday week "
    "weeks within year".split()
)


# -- loose next steps ---------------------------------------------------------------------------------------
# What carries a call on after it ends: following up, regrouping, being back in touch, sending or sharing something,
# setting up the next call, bringing someone in. Said during the call ("let me share my screen", "we can talk about
# pricing") none of these reach past it, so each names what makes it a later step.
_LATER = lazy_re.compile(
    r"\b(?:follow(?:ing)?[\s-]+up|circle\s+back|touch\s+base|reconnect\w*|regroup\w*|reconven\w*|"
    r"get\s+back\s+(?:to\s+(?:you|him|her|them|us)|in\s+touch)|be\s+back(?=\s+(?:in\s+touch|to\s+you|with\s+you|around|after|in|by|when|once)\b)|"
    r"reach\s+(?:back\s+)?out|(?:talk|speak|chat|meet|connect|sync)\s+(?:again|further|next)|"
    r"(?:schedul\w*|set(?:ting)?\s+up|book\w*|arrang\w*|put)\s+(?:a|an|another|the|our|some|something|time)\b"
    r"[^.?!]{0,30}?\b(?:call|meeting|time|session|demo|pilot|workshop|review|conversation|calendar)|"
    r"find\s+(?:some\s+|a\s+|the\s+)?(?:time|slot)|get\s+(?:something|time|it)\s+on\s+(?:the|your|our)\s+calendars?|"
    r"send\w*\s+(?:you|him|her|them|over|along|the|a|an|our|my|this|that|it)\b(?![^.?!]{0,20}\b(?:chat|now|right\s+now))|"
    r"shar\w*\s+(?:the|this|that|our|my|a|an)\s+(?:\w+\s+)?(?:recording|deck|slides|proposal|notes|summary|video|link|"
    r"doc\w*|pricing|quote|case\s+stud\w+|report|demo|presentation)|"
    r"loop\s+(?:in|\w+\s+in)|introduc\w*\s+(?:you|us|him|her|them)|"
    r"bring\s+(?:in\s+(?:him|her|them)|(?!it\b|this\b|that\b|the\b|your\b|our\b)\w+\s+in(?:to)?)\b|"
    r"(?:next|another|a\s+second|a\s+follow[\s-]up)\s+(?:call|meeting|conversation|session|step))\b"
)
# The person or side who will do it, said as a commitment or a proposal ("I'll", "we could", "should I", "let's",
# "why don't we", "the next step is"). The action must follow within a few words. Not "you can…": that is how a
# seller describes the product ("you can share the report with your board").
_LOOSE_OWNER = lazy_re.compile(
    r"\b(?:i(?:'ll|'m\s+going\s+to|'m\s+gonna|\s+will|\s+can|\s+could|\s+should|\s+would|\s+might|'d)(?!\s+rather)|"
    r"we(?:'ll|'re\s+going\s+to|'re\s+gonna|\s+will|\s+can|\s+could|\s+should|\s+would|\s+might|'d)(?!\s+rather)|"
    r"you(?:'ll|\s+will)(?!\s+be\s+able)|(?:he|she|they)(?:'ll|\s+will)|let'?s|"
    r"(?:can|could|shall|should)\s+(?:we|i)|why\s+don't\s+we|how\s+about\s+(?:we|i)|maybe\s+we|"
    r"(?:would|does)\s+it\s+make\s+sense\s+(?:to|for\s+(?:us|me)\s+to)|happy\s+to|"
    r"(?:the\s+)?next\s+steps?\s+(?:is|are|would\s+be|will\s+be)|as\s+(?:a\s+)?next\s+step)\b"
)
_LOOSE_REACH = 60  # characters from the owner to the action
# Times that do not pin a step down: "around Labor Day", "in a couple weeks", "soon", "when he's back"
_VAGUE_TIME = lazy_re.compile(
    r"\b(?:around\s+[\w ]{2,20}|in\s+(?:a|one|two)\s+(?:couple|few)(?:\s+of)?\s+\w+|soon|later|at\s+some\s+point|"
    r"(?<!find\s)(?<!grab\s)some\s*time|eventually|down\s+the\s+road|in\s+the\s+(?:near\s+)?future|"
    r"(?:when|once)\s+(?:he|she|they|you|we|i|[a-z]+)(?:'s|\s+is|\s+are|'re|\s+gets?|\s+comes?)\s+back)\b"
)
_WISH = lazy_re.compile(r"\b(?:would|could|might)\s+be\s+(?:good|great|nice|ideal|helpful|useful|perfect|best)\b|"
                   r"\bsounds?\s+(?:good|great|like\s+a\s+plan)\b|\bmaybe\b|\?\s*$")
# "Where can I send it?", "how should we leave it?": questions for information, not steps
_INFO_QUESTION = lazy_re.compile(r"^\W*(?:(?:so|and|but|um|uh|okay|ok|well)\W+)*(?:where|what|how|who|which|why)\b")
_EMBEDDED = lazy_re.compile(r"\b(?:know|knew|realiz\w*|realis\w*|sure|whether|if)\s+(?:that\s+)?$")
_PAST = lazy_re.compile(r"\b(?:had|was|were|did|ago|yesterday|last\s+(?:week|month|time|year|call))\b")
# Pleasantries that promise nothing: no step, loose or firm
_PLEASANTRY = lazy_re.compile(r"\b(?:keep|stay)\s+in\s+touch\b|\b(?:talk|speak|chat)\s+(?:to\s+you\s+)?soon\b")


@dataclass(frozen=True, slots=True)
class Ask:
    kind: str  # "question" (a request asked as a question) | "statement" | "amount"
    text: str


@dataclass(frozen=True, slots=True)
class NextStep:
    owner: str
    action: str
    time: str
    text: str


@dataclass(frozen=True, slots=True)
class LooseStep:
    owner: str  # "" when nobody was named
    action: str
    time: str  # the vague time ("around Labor Day"), or "" when none was given
    lacks: str  # "date" (no time, or only a vague one) | "owner" (a time, but nobody to do it)
    text: str


def find_ask(sentence: str) -> Ask | None:
    """The ask in one sentence, or None."""
    if lacks(sentence, _ASK_WORDS) and not has_digit(sentence):
        return None
    low = normalise(sentence).strip()
    if not low:
        return None
    # every kind of ask below needs one of these: a commitment, an amount, a pointer back at an offer
    if not (_COMMIT_RE.search(low) or _AMOUNT.search(low) or _REFERRING.search(low) or _AMOUNT_Q.search(low)):
        return None
    low = unstutter(low)
    if _AMOUNT_Q.search(low):
        return Ask("amount", sentence)
    commits = _COMMIT_RE.search(low) is not None
    for m in _REQUEST_Q.finditer(low):
        if _COMMIT_RE.search(low, m.start(), m.end() + _WINDOW):
            return Ask("question", sentence)
    if _REFERRING.search(low):
        return Ask("question", sentence)
    if _HOW_ABOUT.search(low) and (commits or _AMOUNT.search(low)):
        return Ask("amount" if _AMOUNT.search(low) else "question", sentence)
    for m in _REQUEST_S.finditer(low):
        if _COMMIT_RE.search(low, m.start(), m.end() + _WINDOW) or _AMOUNT.search(low, m.end(), m.end() + _WINDOW):
            return Ask("statement", sentence)
    if _IMPERATIVE.match(low) and (commits or _AMOUNT.search(low)):
        return Ask("statement", sentence)
    if len(low.split()) <= 8 and _AMOUNT_OFFER.match(low) and _AMOUNT.search(low):
        return Ask("amount", sentence)
    return None


def is_ask(sentence: str) -> bool:
    return find_ask(sentence) is not None


def find_next_step(sentence: str) -> NextStep | None:
    """An action with an owner and a time in one sentence ("I'll send the proposal by Friday"), or None."""
    if lacks(sentence, _TIME_WORDS) and not has_digit(sentence):
        return None
    low = normalise(sentence)
    if _TIME.search(low) is None:  # the rarest of the three parts: most sentences stop here
        return None
    owner = None
    for m in _OWNER.finditer(low):
        # "<Name> will": a person, so the name is capitalised where it was said ("the report will run" is not)
        if m.group("name") is None or sentence[m.start("name")].isupper():
            owner = m
            break
    if owner is None:
        scheduled = _SCHEDULED.search(low)
        when = next((t for t in _TIME.finditer(low) if t.start() >= scheduled.end()), None) if scheduled else None
        if when is None or _VAGUE.search(low):
            return None
        return NextStep(owner="", action=sentence[scheduled.start() : scheduled.end()],
                        time=sentence[when.start() : when.end()], text=sentence)  # fmt: skip
    action = _ACTION.search(low, owner.start())
    if action is None:
        return None
    if owner.group("cond") and action.start() - owner.end() > 12:
        return None  # "is it all right if I find time...", not "if we ever get round to talking"
    time = _TIME.search(low)
    if time is None or _VAGUE.search(low):
        return None
    times = list(_TIME.finditer(low))
    soft = all(_SOFT_TIME.match(t.group(0)) for t in times) or (low.rstrip().endswith("?") and _EITHER_OR.search(low))
    if soft and _WEAK_ACTION.match(action.group(0)):
        return None
    return NextStep(
        owner=sentence[owner.start() : owner.end()],
        action=sentence[action.start() : action.end()],
        time=sentence[time.start() : time.end()],
        text=sentence,
    )


def find_loose_step(sentence: str) -> LooseStep | None:
    """A commitment to carry on after the call that ``find_next_step`` does not count: no time, a vague time, or no
    owner ("I'll share the recording with Carlos", "we will be back around Labor Day"), or None."""
    low = normalise(sentence)
    action = _LATER.search(low)  # the rarest part: most sentences stop here
    if action is None or _PLEASANTRY.search(low) or _PAST.search(low):
        return None
    clause = max(low.rfind("?", 0, action.start()), low.rfind(".", 0, action.start())) + 1
    if _INFO_QUESTION.match(low, clause) and "?" in low[action.end() :]:
        return None  # "where can I send it?"; not "what I'll do as a next step is send it"
    owner = None
    for m in _LOOSE_OWNER.finditer(low):
        if _EMBEDDED.search(low, 0, m.start()):
            continue  # "I didn't know I could send that": what they can do, not what they will
        # the action this owner commits to: the first within reach, a concrete one before "next step"
        near = [a for a in _LATER.finditer(low, m.end()) if a.start() - m.end() <= _LOOSE_REACH]
        if near:
            owner, action = m, next((a for a in near if not a.group(0).endswith("step")), near[0])
            break
    vague = _VAGUE_TIME.search(low)
    # a time of its own, not the "next meeting" of the action
    firm = [t for t in _TIME.finditer(low) if not _SOFT_TIME.match(t.group(0)) and not action.start() <= t.start() < action.end()]
    if owner is None:
        # nobody will do it: a loose step only when it is wished for at a time ("a follow-up call next Tuesday
        # would be great"); "the next meeting starts at 10" is set (``find_next_step``)
        if not firm or not _WISH.search(low):
            return None
        return LooseStep("", sentence[action.start() : action.end()], sentence[firm[0].start() : firm[0].end()],
                         "owner", sentence)  # fmt: skip
    when = vague or next(iter(_TIME.finditer(low)), None)
    return LooseStep(
        owner=sentence[owner.start() : owner.end()],
        action=sentence[action.start() : action.end()],
        time=sentence[when.start() : when.end()] if when else "",
        lacks="date",
        text=sentence,
    )
