"""Normalization: one canonical text per post, and the folded views that defeat cheap obfuscation."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.fixtures import make_post
from threatline.normalize import collapse_spaced, fold, normalize_post, normalize_text


def test_nfkc_turns_full_width_letters_and_ligatures_into_plain_ones() -> None:
    assert normalize_text("Ｒｅｙｅｓ ﬁnally") == "Reyes finally"


def test_invisible_characters_are_removed() -> None:
    assert normalize_text("Re\u200byes\u00ad and Ma\u200dd\u2060dox\ufeff") == "Reyes and Maddox"


def test_line_endings_are_unified_and_ends_trimmed() -> None:
    assert normalize_text("  one\r\ntwo\rthree\n ") == "one\ntwo\nthree"


def test_normalize_post_keeps_the_same_post_when_nothing_changes() -> None:
    post = make_post("already clean")

    assert normalize_post(post) is post


def test_normalize_post_replaces_only_the_text() -> None:
    post = make_post("Ｒｅｙｅｓ", author="someone", url="https://example.org/1")

    normalized = normalize_post(post)

    assert normalized.text == "Reyes"
    assert (normalized.id, normalized.author, normalized.url) == (post.id, "someone", "https://example.org/1")


def test_fold_lowercases_and_undoes_leetspeak() -> None:
    assert fold("M@ddox R3Y3$ K1LL") == "maddox reyes kill"


@given(st.text())
def test_fold_keeps_every_character_at_its_offset(text: str) -> None:
    assert len(fold(text)) == len(text)


def test_fold_keeps_length_for_characters_that_lowercase_to_two() -> None:
    assert fold("İstanbul")[1:] == "stanbul"
    assert len(fold("İstanbul")) == len("İstanbul")


def test_collapse_spaced_joins_letters_written_apart() -> None:
    text = "call r e y e s now"

    collapsed, offsets = collapse_spaced(text) or ("", [])

    assert collapsed == "call reyes now"
    assert [text[i] for i in offsets] == list(collapsed)


def test_collapse_spaced_handles_dots_and_dashes() -> None:
    assert (collapse_spaced("k.i.l.l") or ("",))[0] == "kill"
    assert (collapse_spaced("k-i-l-l him") or ("",))[0] == "kill him"


def test_collapse_spaced_is_none_for_ordinary_text() -> None:
    assert collapse_spaced("a normal sentence, with a word or two") is None


@given(st.text(alphabet=st.sampled_from("ab .-_*@$!\n")))
def test_collapse_spaced_offsets_point_at_the_same_characters(text: str) -> None:
    result = collapse_spaced(text)
    if result is not None:
        collapsed, offsets = result
        assert len(offsets) == len(collapsed)
        assert offsets == sorted(set(offsets))
        assert all(text[i] == c for i, c in zip(offsets, collapsed, strict=True))
