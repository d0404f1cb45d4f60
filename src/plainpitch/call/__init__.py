"""The conversation analysis of a call transcript: below the rules, above the loaders.

Modules, one job each:

- ``turns``     the per-call view every measure reads (turns with role, times, words, sentences), built once
- ``roles``     who is selling and who is buying (``--me``, config, the export's "You", or a guess); set on the turns
- ``speech``    the normalised form every pattern reads
- ``questions`` is a sentence a question; open or closed; discovery, or greeting/rhetorical/check
- ``asks``      asks (a request for commitment), next steps (action + owner + time) and loose ones (no date)
- ``sentences`` what one sentence does (question, ask, next step, features, benefit): the one decision
- ``dumps``     monologues, buyer stories and feature dumps
- ``monologues`` what each seller monologue was (background, answer, narration…) and which one is worth raising
- ``topics``    pricing, competitors and the keyword trackers from config
- ``types``     call types (discovery, demo, cold, closing): inference and the per-type thresholds table
- ``facts``     all of the above for one call, computed once and shared by rules, metrics and reports
- ``metrics``   the ``call.*`` metrics (defined in docs/calls.md)
- ``details``   ``report.details["call"]``: the JSON-ready analysis (versioned; schema in docs/calls.md)
- ``score``     the call score (talk and the seller's jargon)
- ``timefmt``   m:ss, the one time format of every call report

It imports nothing above it (no engine, no rules, no renderers): the TLK rules read it, the engine runs them,
``plainpitch.call_review`` runs a whole review and ``plainpitch.emit.call`` renders the reports.
"""


def facts_for(doc, ctx):
    """``call.facts.facts_for``, importing the conversation analysis (a few hundred patterns to compile) on the
    first call reviewed: the TLK rules register with every run, and a copy check never needs it."""
    from plainpitch.call.facts import facts_for as compute

    return compute(doc, ctx)
