"""The post readers: every bad line is reported with its line number, counted and skipped.

Never a crash, never a silent loss: for any file, the posts yielded plus the lines skipped equal
the lines read, and every skipped line names the file, its line number and a reason.
"""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.fixtures import write_csv, write_jsonl
from threatline.errors import InputError
from threatline.posts import MAX_TEXT_BYTES, Post, ReadStats, Skipped, read_posts

REASONS = {"invalid JSON", "invalid CSV", "no text", "text too long", "no id", "invalid field", "invalid UTF-8"}


def read(*paths: Path | str, stdin: bytes | None = None) -> tuple[list[Post], ReadStats, list[Skipped]]:
    stats = ReadStats()
    skipped: list[Skipped] = []
    stream = io.BytesIO(stdin) if stdin is not None else None
    posts = list(read_posts(paths, stats, skipped.append, stdin=stream))
    return posts, stats, skipped


# -- JSONL --------------------------------------------------------------------------------------


def test_jsonl_posts_keep_their_fields(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "posts.jsonl", [
        {"id": "a1", "text": "hello", "author": "@someone", "url": "https://example.org/a1",
         "created_at": "2026-03-01T12:30:00Z", "source": "bluesky", "lang": "en", "extra": "ignored"},
        {"id": 42, "text": "numeric id"},
    ])

    posts, stats, skipped = read(path)

    assert posts == [
        Post("a1", "hello", "bluesky", "@someone", "https://example.org/a1",
             datetime(2026, 3, 1, 12, 30, tzinfo=UTC), "en"),
        Post("42", "numeric id", "posts.jsonl"),
    ]
    assert (stats.read, stats.skipped_total, skipped) == (2, 0, [])


def test_a_post_without_source_takes_the_file_name(tmp_path: Path) -> None:
    posts, _, _ = read(write_jsonl(tmp_path / "feed.ndjson", [{"id": "1", "text": "x"}]))

    assert posts[0].source == "feed.ndjson"


def test_blank_lines_are_neither_posts_nor_skipped(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "posts.jsonl", [{"id": "1", "text": "x"}, "", "   ", {"id": "2", "text": "y"}])

    posts, stats, skipped = read(path)

    assert [p.id for p in posts] == ["1", "2"]
    assert (stats.read, skipped) == (2, [])


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        pytest.param(b"{not json", "invalid JSON", id="broken JSON"),
        pytest.param(b"[1, 2]", "invalid JSON", id="not an object"),
        pytest.param(b'"a string"', "invalid JSON", id="a string"),
        pytest.param(b"[" * 100_000, "invalid JSON", id="nested too deep"),
        pytest.param(b'{"id": ' + b"1" * 5000 + b', "text": "x"}', "invalid JSON", id="number too long"),
        pytest.param(b'{"id": "1"}', "no text", id="no text"),
        pytest.param(b'{"id": "1", "text": "   "}', "no text", id="blank text"),
        pytest.param(b'{"id": "1", "text": 5}', "no text", id="text not a string"),
        pytest.param(b'{"text": "x"}', "no id", id="no id"),
        pytest.param(b'{"id": true, "text": "x"}', "no id", id="boolean id"),
        pytest.param(b'{"id": " ", "text": "x"}', "no id", id="blank id"),
        pytest.param(b'{"id": "1", "text": "x", "author": 7}', "invalid field", id="author not a string"),
        pytest.param(b'{"id": "1", "text": "x", "created_at": "yesterday"}', "invalid field", id="bad date"),
        pytest.param(b'{"id": "1", "text": "x\\u0000y"}', "invalid field", id="NUL in text"),
        pytest.param(b'{"id": "1", "text": "caf\xe9"}', "invalid UTF-8", id="latin-1 byte"),
        pytest.param(b'{"id": "1", "text": "x\\ud800"}', "invalid UTF-8", id="lone surrogate escape"),
        pytest.param(b'{"id": "1", "text": "x", "url": "\\udcff"}', "invalid UTF-8", id="surrogate in url"),
        pytest.param(b'{"id": "1", "text": "' + b"x" * (MAX_TEXT_BYTES + 1) + b'"}', "text too long",
                     id="text over 100 kB"),
        pytest.param(b'{"id": "' + b"i" * 501 + b'", "text": "x"}', "invalid field", id="id over 500 characters"),
        pytest.param(b'{"id": "1", "text": "x", "lang": "' + b"l" * 21 + b'"}', "invalid field", id="lang too long"),
        pytest.param(b'{"id": "1", "text": "x", "source": "' + b"s" * 201 + b'"}', "invalid field",
                     id="source too long"),
        pytest.param(b'{"id": "1", "text": "x", "author": "' + b"a" * 501 + b'"}', "invalid field",
                     id="author too long"),
    ],
)
def test_a_bad_jsonl_line_is_reported_counted_and_skipped(tmp_path: Path, line: bytes, reason: str) -> None:
    path = write_jsonl(tmp_path / "posts.jsonl", [{"id": "ok1", "text": "fine"}, line, {"id": "ok2", "text": "fine"}])

    posts, stats, skipped = read(path)

    assert [p.id for p in posts] == ["ok1", "ok2"], "the lines around a bad one are still read"
    assert [(s.file, s.line, s.reason) for s in skipped] == [(str(path), 2, reason)]
    assert (stats.read, dict(stats.skipped)) == (3, {reason: 1})
    assert str(skipped[0]).startswith(f"{path}:2: skipped ({reason}): ")


def test_text_of_exactly_100_kB_is_accepted(tmp_path: Path) -> None:
    text = "é" * (MAX_TEXT_BYTES // 2)  # two bytes each in UTF-8
    posts, _, skipped = read(write_jsonl(tmp_path / "posts.jsonl", [{"id": "1", "text": text}]))

    assert (len(posts), skipped) == (1, [])


def test_the_size_limit_counts_utf8_bytes_not_characters(tmp_path: Path) -> None:
    text = "é" * (MAX_TEXT_BYTES // 2 + 1)
    posts, _, skipped = read(write_jsonl(tmp_path / "posts.jsonl", [{"id": "1", "text": text}]))

    assert posts == [] and [s.reason for s in skipped] == ["text too long"]


def test_a_byte_order_mark_does_not_cost_the_first_post(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "1", "text": "first"}\n{"id": "2", "text": "second"}\n')

    posts, _, skipped = read(path)

    assert [p.text for p in posts] == ["first", "second"] and skipped == []


def test_crlf_line_endings_are_read(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_bytes(b'{"id": "1", "text": "a"}\r\n{"id": "2", "text": "b"}\r\n')

    posts, _, skipped = read(path)

    assert [p.text for p in posts] == ["a", "b"] and skipped == []


def test_stdin_is_read_as_jsonl_with_line_numbers() -> None:
    posts, stats, skipped = read("-", stdin=b'{"id": "1", "text": "from a pipe"}\nnot json\n')

    assert [(p.id, p.text, p.source) for p in posts] == [("1", "from a pipe", "stdin")]
    assert [(s.file, s.line, s.reason) for s in skipped] == [("<stdin>", 2, "invalid JSON")]
    assert stats.read == 2


def test_several_files_are_read_in_turn_and_counted_together(tmp_path: Path) -> None:
    first = write_jsonl(tmp_path / "a.jsonl", [{"id": "1", "text": "x"}, "bad"])
    second = write_csv(tmp_path / "b.csv", ["id", "text"], [["2", "y"]])

    posts, stats, skipped = read(first, second)

    assert [(p.source, p.id) for p in posts] == [("a.jsonl", "1"), ("b.csv", "2")]
    assert (stats.read, stats.skipped_total, [s.file for s in skipped]) == (3, 1, [str(first)])


# -- CSV ----------------------------------------------------------------------------------------


def test_csv_posts_keep_their_fields_and_multiline_text(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "posts.csv", ["id", "text", "author", "url", "created_at"], [
        ["c1", "one line", "@a", "https://example.org/c1", "2026-03-01T12:30:00+00:00"],
        ["c2", "two\nlines", "", "", ""],
    ])

    posts, stats, skipped = read(path)

    assert posts == [
        Post("c1", "one line", "posts.csv", "@a", "https://example.org/c1", datetime(2026, 3, 1, 12, 30, tzinfo=UTC)),
        Post("c2", "two\nlines", "posts.csv"),
    ]
    assert (stats.read, skipped) == (2, [])


def test_csv_header_may_carry_a_byte_order_mark_and_spaces(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_bytes("\ufeffid , text\n1,hello\n".encode())

    posts, _, skipped = read(path)

    assert [(p.id, p.text) for p in posts] == [("1", "hello")] and skipped == []


def test_bad_csv_rows_are_reported_with_the_line_they_start_on(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_bytes(
        b"id,text\n"
        b'1,"a quoted\nmultiline post"\n'  # lines 2-3
        b"2,too,many\n"  # line 4
        b"3,\n"  # line 5
        b"4,caf\xe9\n"  # line 6
        b'5,"bad"quote\n'  # line 7
        b"6,fine\n"  # line 8
    )

    posts, stats, skipped = read(path)

    assert [p.id for p in posts] == ["1", "6"]
    assert [(s.line, s.reason) for s in skipped] == [
        (4, "invalid CSV"), (5, "no text"), (6, "invalid UTF-8"), (7, "invalid CSV"),
    ]
    assert stats.read == 6


def test_csv_without_a_text_column_is_an_input_error(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "posts.csv", ["id", "body"], [["1", "x"]])

    with pytest.raises(InputError, match=r"posts\.csv:1: the CSV header has no 'text' column"):
        read(path)


def test_an_empty_file_reads_nothing(tmp_path: Path) -> None:
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "empty.jsonl").write_bytes(b"")

    posts, stats, skipped = read(tmp_path / "empty.csv", tmp_path / "empty.jsonl")

    assert (posts, stats.read, skipped) == ([], 0, [])


# -- files that cannot be read at all ------------------------------------------------------------


def test_unknown_extension_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "posts.txt").write_text("x")

    with pytest.raises(InputError, match=r"posts\.txt: unknown format '\.txt'"):
        read(tmp_path / "posts.txt")


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.jsonl: cannot open the posts file"):
        read(tmp_path / "nope.jsonl")


# -- malformed files, generated ------------------------------------------------------------------

# Any character, lone surrogates and control characters included (json.dumps escapes them).
any_text = st.text(st.characters(categories=["Cs", "Cc", "Zs", "L", "N", "P", "S"]), max_size=40)
post_object = st.fixed_dictionaries(
    {"id": st.one_of(any_text, st.integers()), "text": any_text},
    optional={"author": any_text, "url": any_text, "source": any_text, "created_at": any_text,
              "lang": st.one_of(st.none(), st.integers(), st.booleans())},
).map(lambda d: json.dumps(d).encode())
junk_line = st.one_of(
    st.binary(max_size=60).filter(lambda b: b"\n" not in b and b"\r" not in b),
    st.text(max_size=60).filter(lambda t: "\n" not in t and "\r" not in t).map(str.encode),
    st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), any_text),
                 lambda inner: st.lists(inner, max_size=3) | st.dictionaries(any_text, inner, max_size=3),
                 max_leaves=6).map(lambda v: json.dumps(v).encode()),
)
line = st.one_of(post_object, junk_line)


def _nonblank_lines(data: bytes) -> int:
    """Lines as the reader splits them (\\n, \\r\\n or \\r), ignoring blank ones."""
    text = data.decode("utf-8", "surrogateescape").removeprefix("\ufeff")
    return sum(1 for row in io.StringIO(text, newline=None) if row.strip())


def _check_accounted_for(path: Path) -> None:
    posts, stats, skipped = read(path)
    assert stats.read == len(posts) + stats.skipped_total, "every line read is a post or a skipped line"
    assert stats.skipped_total == len(skipped), "every skipped line is reported"
    assert set(stats.skipped) <= REASONS
    assert all(s.line >= 1 and s.file == str(path) for s in skipped)
    for post in posts:
        assert post.text.strip() and post.id.strip()
        assert len(post.text.encode("utf-8")) <= MAX_TEXT_BYTES  # also proves the text is encodable
        assert "\x00" not in post.text


@settings(max_examples=150)
@given(st.lists(line, max_size=12))
def test_any_jsonl_file_is_read_without_crash_or_silent_loss(tmp_path_factory: pytest.TempPathFactory,
                                                              lines: list[bytes]) -> None:
    path = tmp_path_factory.mktemp("jsonl") / "posts.jsonl"
    data = b"\n".join(lines)
    path.write_bytes(data)

    _check_accounted_for(path)
    _, stats, _ = read(path)
    assert stats.read == _nonblank_lines(data)


@settings(max_examples=150)
@given(st.binary(max_size=300))
def test_random_bytes_as_jsonl_never_crash_the_reader(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("bytes") / "posts.jsonl"
    path.write_bytes(data)

    _check_accounted_for(path)


csv_cell = st.one_of(
    st.text(max_size=20),
    st.binary(max_size=12).map(lambda b: b.decode("latin-1")),
    st.sampled_from(['"', '""', ",", "\n", "\r\n", "a\"b", "\x00"]),
)


@settings(max_examples=150)
@given(st.lists(st.lists(csv_cell, min_size=0, max_size=4), max_size=8), st.booleans())
def test_any_csv_file_is_read_without_crash_or_silent_loss(tmp_path_factory: pytest.TempPathFactory,
                                                           rows: list[list[str]], raw: bool) -> None:
    path = tmp_path_factory.mktemp("csv") / "posts.csv"
    if raw:  # cells pasted together unquoted: broken quoting, stray bytes, ragged rows
        body = "\n".join(",".join(row) for row in rows)
        path.write_bytes(b"id,text\n" + body.encode("utf-8", "surrogateescape"))
    else:
        write_csv(path, ["id", "text"], rows)

    _check_accounted_for(path)


@settings(max_examples=100)
@given(st.binary(max_size=300))
def test_random_bytes_as_csv_never_crash_the_reader(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("csvbytes") / "posts.csv"
    path.write_bytes(b"id,text\n" + data)

    _check_accounted_for(path)
