"""make eval, rewrite: on the dev texts (scripts/eval_rewrite.py), the offline rewrites never make a text score
lower, lose a fact or read worse, and the counts of what they do are what the README reports (floors, so that a
change that rewrites less fails here). The issue's target (90% of texts score better) is not met: the README says
why, counted; this test holds what is true today."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.eval
def test_rewrite_on_the_dev_texts(shared):
    sys.path.insert(0, str(ROOT / "scripts"))
    import eval_rewrite

    out = eval_rewrite.run(shared)
    every = out["all"]["all sets"]
    assert every["worse"] == 0
    assert every["texts_losing_a_fact"] == 0
    assert every["rewritten_sentences_not_english"] == 0
    assert int(every["better"].split("/")[0]) >= 28  # measured 28 of 95 (scored)
    assert int(every["findings_with_a_checked_rewrite"].split("/")[0]) >= 115  # measured 115 of 702
    # every text that did not score better is put in one counted class
    assert sum(every["why_not_better"].values()) == every["texts"] - int(every["better"].split("/")[0])
    default = out["default"]["all sets"]
    assert default["worse"] == 0 and default["texts_losing_a_fact"] == 0
