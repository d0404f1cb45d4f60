"""Who is selling: --me, config, transcript roles, or a guess with a warning."""

from plainpitch.call.roles import BUYER, SELLER, apply_roles, assign_roles, match_names
from plainpitch.ingest.transcript import load_transcript_text

CALL = (
    "Ben Ortiz: Hi, thanks for calling back.\n"
    "Ana Lopez: Happy to. Tell me about your team and how you run month-end today.\n"
    "Ben Ortiz: We use spreadsheets, and it takes two weeks.\n"
    "Cleo Park: And our controller hates it.\n"
    "Ana Lopez: Our platform cuts that to two days. Let me show you how.\n"
)


def doc():
    return load_transcript_text(CALL, "call.txt")


def test_me_names_the_seller_and_everyone_else_buys():
    roles = assign_roles(doc(), me=["Ana Lopez"])
    assert roles.sellers == {"Ana Lopez"} and roles.buyers == {"Ben Ortiz", "Cleo Park"}
    assert roles.source == "me" and roles.note == ""


def test_me_matches_a_first_name_case_insensitively():
    assert match_names(["ana"], ["Ben Ortiz", "Ana Lopez"]) == ({"Ana Lopez"}, [])


def test_several_sellers():
    roles = assign_roles(doc(), me=["Ana", "Cleo"])
    assert roles.sellers == {"Ana Lopez", "Cleo Park"} and roles.buyers == {"Ben Ortiz"}


def test_config_me_is_used_when_there_is_no_flag():
    roles = assign_roles(doc(), config_me=["Ana Lopez"])
    assert roles.source == "config" and roles.sellers == {"Ana Lopez"}


def test_the_flag_wins_over_config():
    roles = assign_roles(doc(), me=["Cleo"], config_me=["Ana Lopez"])
    assert roles.sellers == {"Cleo Park"}


def test_guess_takes_the_speaker_who_talks_like_a_seller_even_when_not_first_and_warns():
    roles = assign_roles(doc())
    assert roles.source == "guess"
    assert roles.sellers == {"Ana Lopez"}
    assert "guessed" in roles.note and "--me" in roles.note


def test_guess_falls_back_to_the_first_speaker():
    plain = load_transcript_text("Ana: Hello.\nBen: Hello there.\n", "call.txt")
    roles = assign_roles(plain)
    assert roles.sellers == {"Ana"} and "speaks first" in roles.note


def test_an_unknown_me_name_is_reported_and_the_roles_are_guessed():
    roles = assign_roles(doc(), me=["Zed"])
    assert roles.source == "guess"
    assert "'Zed' matched no speaker" in roles.note and "Ben Ortiz" in roles.note


def test_apply_roles_rebuilds_turns_and_keeps_the_text():
    d = doc()
    out = apply_roles(d, assign_roles(d, me=["Ana"]))
    assert out.text == d.text and out.words == d.words
    assert [u.turn.role for u in out.units] == [BUYER, SELLER, BUYER, BUYER, SELLER]
    assert all(u.turn.role == "unknown" for u in d.units)  # the original is untouched (frozen)
