"""Asks (requests for a commitment) and next steps (action + owner + time)."""

import pytest

from plainpitch.call.asks import find_ask, find_next_step, is_ask


@pytest.mark.parametrize(
    "sentence,kind",
    [
        ("Would you be open to a two-week pilot?", "question"),
        ("Are you ready to move forward with the annual plan?", "question"),
        ("Can we get the order form signed by Friday?", "question"),
        ("Is that something you would be willing to do?", "question"),
        ("How much would you like to commit this quarter?", "amount"),
        ("How about $500 a month?", "amount"),
        ("I'd like to ask you to start the pilot next week.", "statement"),
        ("Let's book the onboarding for the whole team.", "statement"),
        ("I recommend you start with the team plan.", "statement"),
        ("Sign here and we are done.", "statement"),
    ],
)
def test_asks(sentence, kind):
    ask = find_ask(sentence)
    assert ask is not None, sentence
    assert ask.kind == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "Do you ever buy tools without a trial?",  # a habit: discovery, not an ask
        "Did you sign with anyone last year?",
        "How much time does the team spend on reports?",
        "What other tools do you pay for today?",
        "Would you like to hear how other teams do it?",  # an offer to tell, not a commitment
        "I hope you have a great weekend.",
        "Can I ask how you handle backups?",
        "Our customers usually start with one team.",
    ],
)
def test_not_asks(sentence):
    assert not is_ask(sentence), sentence


@pytest.mark.parametrize(
    "sentence,owner,action,when",
    [
        ("I'll send the proposal by Friday.", "I'll", "send", "Friday"),
        ("Let's meet Tuesday at 10.", "Let's", "meet", "Tuesday"),
        ("Maria will review the contract next week.", "Maria will", "review", "next week"),
        ("Can we schedule the security review for tomorrow?", "Can we", "schedule", "tomorrow"),
        ("We'll set up the sandbox by end of day.", "We'll", "set up", "end of day"),
    ],
)
def test_next_steps_have_an_owner_an_action_and_a_time(sentence, owner, action, when):
    step = find_next_step(sentence)
    assert step is not None, sentence
    assert (step.owner, step.action, step.time) == (owner, action, when)


@pytest.mark.parametrize(
    "sentence",
    [
        "Let's keep in touch.",  # no action, no time
        "I'll send you some info.",  # no time
        "We'll follow up sometime next week.",  # a vague time
        "Next week is busy for us.",  # no owner
        "Thanks for your time today.",
    ],
)
def test_not_next_steps(sentence):
    assert find_next_step(sentence) is None, sentence
