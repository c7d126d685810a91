"""What the classifier reads: the post seen from one target, and the windows of a long post."""

from __future__ import annotations

from threatline.detect.base import Evidence
from threatline.detect.views import LONG_POST, Cut, render, views, windows
from threatline.match import Candidate, Mention
from threatline.posts import Post


def mention(text: str, name: str, entry: str = "vance", kind: str = "person") -> Mention:
    start = text.index(name)
    return Mention(entry, kind, start, start + len(name), name)  # type: ignore[arg-type]


def test_the_scored_target_becomes_a_placeholder_of_its_kind_and_other_entries_stay_named() -> None:
    text = "Judge Vance and the clinic: I will k1ll her"
    judge, clinic = mention(text, "Judge Vance"), mention(text, "the clinic", "clinic", "facility")

    assert render(text, [judge], []) == "[[person]] and the clinic: i will kill her"
    assert render(text, [clinic], []) == "judge vance and [[place]]: i will kill her"


def test_a_private_fact_is_marked_so_a_posted_address_reads_as_one() -> None:
    text = "Vance lives at 91 Hollyhock Drive"
    fact = Evidence(15, 33, "91 Hollyhock Drive", "private", "Vance's private information")

    assert render(text, [mention(text, "Vance")], [fact]) == "[[person]] lives at {{ 91 hollyhock drive }}"


def test_a_cut_leaves_the_words_out() -> None:
    text = "Vance will be dead by Friday"

    assert render(text, [mention(text, "Vance")], [], Cut(11, 19)) == "[[person]] will  by friday"


def test_a_short_post_is_read_whole_and_a_long_one_also_around_each_mention() -> None:
    short = "Vance is a disgrace."
    filler = "Nothing happened at the meeting today. " * 12
    long = filler + "Vance will regret this. " + filler

    assert windows(short, [mention(short, "Vance")]) == [(0, len(short))]
    spans = windows(long, [mention(long, "Vance")])
    assert len(long) > LONG_POST and spans[0] == (0, len(long))
    assert len(spans) == 2
    start, end = spans[1]
    assert "Vance will regret this." in long[start:end] and end - start < 200


def test_views_are_one_text_per_window_with_offsets_moved_into_the_window() -> None:
    filler = "Nothing happened at the meeting today. " * 12
    text = filler + "Vance will regret this. " + filler
    candidate = Candidate(Post("1", text), (mention(text, "Vance"),))

    (whole_span, whole), (window_span, window) = views(candidate, "vance", [])

    assert whole_span == (0, len(text)) and window_span[0] > 0
    assert "[[person]] will regret this." in whole
    assert "[[person]] will regret this." in window and len(window) < len(whole)
