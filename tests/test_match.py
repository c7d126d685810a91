"""The match stage: which watchlist entries a post mentions, where, and which posts go no further."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fixtures import make_post
from threatline.match import Candidate, Matcher, match
from threatline.watchlist import Watchlist, parse_watchlist


@pytest.fixture
def matcher(watchlist: Watchlist) -> Matcher:
    return Matcher(watchlist)


def found(matcher: Matcher, text: str) -> list[tuple[str, str]]:
    """(entry id, matched text) for each mention, checking that every span points at its text."""
    mentions = matcher.find(text)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return [(m.entry_id, m.text) for m in mentions]


def test_a_name_is_found_with_its_entry_kind_and_span(matcher: Matcher) -> None:
    mentions = matcher.find("Did you see what Dana Reyes said?")

    assert [(m.entry_id, m.kind, m.start, m.end, m.text) for m in mentions] == [
        ("reyes", "person", 17, 27, "Dana Reyes"),
    ]


def test_every_kind_of_entry_is_found(matcher: Matcher) -> None:
    text = "Maddox toured Northgate while ICE agents waited."

    assert [(m.entry_id, m.kind) for m in matcher.find(text)] == [
        ("maddox", "person"), ("northgate", "facility"), ("ice", "organization"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("ICE agents at the door", [("ice", "ICE")], id="acronym in capitals"),
        pytest.param("an ice storm closed the roads", [], id="acronym in lower case"),
        pytest.param("Ice cream for everyone", [], id="acronym capitalized as a word"),
        pytest.param("reyes said no", [("reyes", "reyes")], id="surname in lower case"),
        pytest.param("REYES SAID NO", [("reyes", "REYES")], id="surname in capitals"),
        pytest.param("Reyes's office", [("reyes", "Reyes")], id="possessive"),
        pytest.param("(Reyes)", [("reyes", "Reyes")], id="punctuation around"),
        pytest.param("Reyesville county fair", [], id="longer word"),
        pytest.param("the Maddoxes next door", [], id="plural of a name"),
        pytest.param("email lmaddox@example.org", [], id="inside an email address"),
    ],
)
def test_case_and_word_boundary_rules(matcher: Matcher, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(matcher, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("M@ddox", "M@ddox", id="symbol for a letter"),
        pytest.param("M4dd0x", "M4dd0x", id="digits for letters"),
        pytest.param("R3y3$", "R3y3$", id="leetspeak"),
        pytest.param("get R e y e s", "R e y e s", id="letters written apart"),
        pytest.param("get R.e.y.e.s", "R.e.y.e.s", id="letters apart with dots"),
        pytest.param("get R-e-y-e-s", "R-e-y-e-s", id="letters apart with dashes"),
        pytest.param("Madox again", "Madox", id="one inner letter dropped"),
        pytest.param("Mdadox again", "Mdadox", id="two inner letters swapped"),
    ],
)
def test_obfuscated_names_are_found(matcher: Matcher, text: str, expected: str) -> None:
    assert [m.text for m in matcher.find(text)] == [expected]


def test_letters_written_apart_inside_a_longer_run_are_found(matcher: Matcher) -> None:
    assert found(matcher, "k i l l R e y e s") == [("reyes", "R e y e s")]


def test_short_names_are_not_matched_by_misspelling() -> None:
    matcher = Matcher(parse_watchlist({"person": [{"id": "li", "name": "Wei Li", "aliases": ["Li", "Chen"]}]}))

    assert found(matcher, "Chn and Lee") == []


def test_the_longest_overlapping_match_wins(matcher: Matcher) -> None:
    assert found(matcher, "Protest at Northgate Processing Center today") == [
        ("northgate", "Northgate Processing Center"),
    ]
    assert found(matcher, "Sheriff Reyes") == [("reyes", "Sheriff Reyes")]


def test_spaces_inside_a_name_match_any_whitespace(matcher: Matcher) -> None:
    assert found(matcher, "Northgate\n  Processing   Center") == [("northgate", "Northgate\n  Processing   Center")]


def test_every_mention_is_returned_in_text_order(matcher: Matcher) -> None:
    assert found(matcher, "Reyes and Maddox, then Reyes again") == [
        ("reyes", "Reyes"), ("maddox", "Maddox"), ("reyes", "Reyes"),
    ]


def test_every_one_of_thousands_of_mentions_is_found(matcher: Matcher) -> None:
    mentions = matcher.find("Reyes and Maddox. " * 5000)

    assert len(mentions) == 10_000
    assert [m.entry_id for m in mentions[:4]] == ["reyes", "maddox", "reyes", "maddox"]


def test_text_without_a_mention_finds_nothing(matcher: Matcher) -> None:
    assert matcher.find("The county fair opens on Saturday.") == []


def test_match_stage_keeps_only_posts_that_mention_the_watchlist(matcher: Matcher) -> None:
    posts = [make_post("nothing here"), make_post("Maddox again"), make_post("ice on the roads")]

    result = match(posts, matcher)

    assert result[0] is None and result[2] is None
    assert isinstance(result[1], Candidate)
    assert result[1].post is posts[1]
    assert [m.entry_id for m in result[1].mentions] == ["maddox"]


_MATCHER = Matcher(parse_watchlist({
    "person": [{"id": "reyes", "name": "Dana Reyes", "aliases": ["Reyes"]},
               {"id": "maddox", "name": "Lyle Maddox", "aliases": ["Maddox"]}],
    "organization": [{"id": "ice", "name": "Immigration and Customs Enforcement", "aliases": ["ICE"]}],
}))


@given(st.text(max_size=80))
def test_every_span_points_at_the_text_it_reports(text: str) -> None:
    for mention in _MATCHER.find(text):
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text


@given(st.text(alphabet=st.sampled_from("Reyes Maddox ICE .-@3$"), max_size=60))
def test_mentions_never_overlap(text: str) -> None:
    mentions = _MATCHER.find(text)
    for before, after in zip(mentions, mentions[1:], strict=False):
        assert before.end <= after.start
