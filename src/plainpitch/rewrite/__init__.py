"""plainpitch rewrite: say it the buyer's way. Rewrites for findings, checked by plainpitch itself before they
are offered (see check.py); offline rewriters by rule code (rewriters/), a model when the user configures one
(model.py over plainpitch.llm); the seller's pitch of a technical text (pitch.py).

Sits above the engine and the emitters; used by the faces (cli/rewrite.py, cli/pitch.py, web/rewrite_api.py).
"""

from __future__ import annotations

from plainpitch.rewrite.pipeline import RewriteResult, rewrite

__all__ = ["RewriteResult", "rewrite"]
