"""The readable view undoes the spellings used to slip violent words past filters."""

import pytest

from threatline.detect.spelling import readable


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("gonna k1ll him", "gonna kill him"),
        ("you will d i e", "you will die"),
        ("they ought to be execuetd", "they ought to be executed"),
        ("i will murdr them", "i will murder them"),
        ("we'll tortuer them", "we'll torture them"),
        ("Deathto all of them", "death to all of them"),
        ("someone should stabthose cowards", "someone should stab those cowards"),
        ("they deserve todie", "they deserve to die"),
    ],
)
def test_obfuscated_violent_words_are_read_plainly(written: str, read: str) -> None:
    assert readable(written).text == read


@pytest.mark.parametrize("text", ["my dad went to the hut", "a strange bun for bob", "Meet at 7:40, call 555-0142"])
def test_ordinary_words_and_numbers_are_left_alone(text: str) -> None:
    assert readable(text).text == text.lower()


def test_spans_in_the_view_point_back_to_the_original_text() -> None:
    text = "Deathto Calloway, k i l l"
    view = readable(text)
    start = view.text.index("to calloway")
    assert text[slice(*view.span(start, start + 2))] == "Deathto"
    kill = view.text.index("kill")
    assert text[slice(*view.span(kill, kill + 4))] == "k i l l"
