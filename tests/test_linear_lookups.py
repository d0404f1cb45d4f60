"""Look-ups that must stay linear on hostile input: a file full of ``plainpitch: ignore`` comments, a call with
thousands of monologues and objections. Each test counts the work (items read), never the time, and compares the
answers with the plain scan they replaced."""

import random
from types import SimpleNamespace

from plainpitch.call import monologues
from plainpitch.call.dumps import Stretch
from plainpitch.call.facts import FeatureDump, ObjectionFact
from plainpitch.config import Config
from plainpitch.engine import Suppressions, analyze
from plainpitch.ingest import load_text
from plainpitch.model import Suppression


class Counted(tuple):
    """A tuple that counts the items read through iteration."""

    reads = 0

    def __iter__(self):
        for item in super().__iter__():
            type(self).reads += 1
            yield item


class CountedList(list):
    reads = 0

    def __iter__(self):
        for item in super().__iter__():
            type(self).reads += 1
            yield item


def test_suppressions_answer_as_the_scan_of_every_comment():
    rng = random.Random(7)
    codes = [frozenset(), frozenset({"TON001"}), frozenset({"hedge-word", "STY002"}), frozenset({"JRG001"})]
    comments = tuple(Suppression(rng.choice(codes), s, s + rng.choice((0, 1, 5, 40)))
                     for s in (rng.randrange(0, 2000) for _ in range(300)))  # fmt: skip
    index = Suppressions(comments)
    for code, name in (("TON001", "hedge-word"), ("STY002", "x"), ("JRG001", "unexplained-jargon"), ("ASK001", "y")):
        for pos in range(0, 2100, 3):
            scan = any(s.start <= pos < max(s.end, s.start + 1) and (not s.codes or code in s.codes or name in s.codes)
                       for s in comments)  # fmt: skip
            assert index.silence(code, name, pos) is scan, (code, pos)


def test_a_file_full_of_ignore_comments_reads_each_comment_once_per_rule():
    blocks = 400
    text = "".join(f"<!-- plainpitch: ignore TON001 -->\nThis will hopefully work {i}.\n\n" for i in range(blocks))
    doc = load_text(text + "It is perhaps fine.\n", "x.txt", "text")
    assert len(doc.suppressions) == blocks
    Counted.reads = 0
    counted = doc.__class__(**{**doc.__dict__, "suppressions": Counted(doc.suppressions)})
    report = analyze(counted, Config(select=("TON001",)))
    assert [f.text for f in report.findings] == ["perhaps"]  # every suppressed hedge silenced, the last one kept
    # one rule asked: the comments are read once (a scan per finding read ~blocks**2 / 2 = 80,000)
    assert Counted.reads <= 2 * blocks


def _facts(n: int):
    """Facts of a long call: n seller stretches, a feature dump and an answered objection in every third."""
    stretches = [Stretch("seller", 10 * i, 10 * i + 4, 60.0 * i, 60.0 * i + 50, 200) for i in range(n)]
    dumps = CountedList(FeatureDump(s, 0, 0, 4, ("a", "b", "c", "d")) for s in stretches[::3])
    objections = CountedList(ObjectionFact(0, s.first - 1, "price", "too expensive", s.first + 2, False, 120)
                             for s in reversed(stretches[1::3]))  # fmt: skip
    objections.append(ObjectionFact(0, 5, "timing", "not now", None, False, 0))  # never answered
    return SimpleNamespace(feature_dumps=dumps, objections=objections), stretches


def test_monologue_lookups_read_each_dump_and_objection_once():
    n = 3000
    facts, stretches = _facts(n)
    plain_dumps, plain_objections = list(facts.feature_dumps), list(facts.objections)
    CountedList.reads = 0
    for m in stretches:
        dump = monologues._dump(facts, m)
        objection = monologues._objection(facts, m)
        assert dump == next((d for d in plain_dumps if d.stretch == m), None)
        assert objection == next((o for o in plain_objections if o.reply is not None and m.first <= o.reply <= m.last), None)
    # a scan per monologue read ~n * (n / 3) / 2 items; the indexes read each item once
    assert CountedList.reads <= len(plain_dumps) + len(plain_objections)
