"""plainpitch call: coach a pre-sales call from its transcript.

Modules, one job each:

- ``turns``     the per-call view every measure reads (turns with role, times, words, sentences), built once
- ``roles``     who is selling and who is buying (``--me``, config, or a guess with a warning)
- ``questions`` is a sentence a question; open or closed; discovery, or greeting/rhetorical/tag
- ``asks``      asks (a request for commitment) and next steps (action + owner + time)
- ``dumps``     monologues, buyer stories and feature dumps
- ``topics``    pricing, competitors and the keyword trackers from config
- ``types``     call types (discovery, demo, cold, closing): inference and the per-type thresholds table
- ``facts``     all of the above for one call, computed once and shared by rules, metrics and reports
- ``metrics``   the ``call.*`` metrics (defined in docs/calls.md)
- ``details``   ``report.details["call"]``: the JSON-ready analysis (versioned; schema in docs/calls.md)
- ``analysis``  ``analyze_call(doc, me=..., call_type=..., config=...) -> DocumentReport``
- ``render``    text, Markdown and HTML call reports, with the talk-time timeline (matplotlib SVG)
- ``cli``       ``plainpitch call review`` and ``plainpitch call compare``
- ``api``       ``review_text`` / ``review_bytes`` for the web editor

Heavy modules (matplotlib, the rules) are imported only when used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from plainpitch.model import Document, DocumentReport

__all__ = ["analyze_call"]


def analyze_call(doc: Document, me: Any = (), call_type: str | None = None, config: Any = None) -> DocumentReport:
    from plainpitch.call.analysis import analyze_call as _analyze_call

    return _analyze_call(doc, me=me, call_type=call_type, config=config)
