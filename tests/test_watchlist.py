"""The watchlist file: what loads, and errors that name the file, the entry and what is wrong."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.fixtures import write_watchlist
from threatline.errors import WatchlistError
from threatline.watchlist import load_watchlist, parse_watchlist


def test_loads_every_kind_with_its_fields(watchlist_path: Path) -> None:
    watchlist = load_watchlist(watchlist_path)

    assert [(e.kind, e.id) for e in watchlist.entries] == [
        ("person", "reyes"),
        ("person", "maddox"),
        ("facility", "northgate"),
        ("organization", "ice"),
    ]
    reyes = watchlist.get("reyes")
    assert reyes.name == "Dana Reyes"
    assert reyes.aliases == ("Sheriff Reyes", "Reyes")
    assert reyes.names == ("Dana Reyes", "Sheriff Reyes", "Reyes")
    assert reyes.role == "County Sheriff"
    assert reyes.private == ("12 Alder Lane, Foxton", "555-0133", "Emma Reyes")
    assert watchlist.get("northgate").address == "900 Quarry Road, Foxton"
    assert "ice" in watchlist and "nobody" not in watchlist
    assert len(watchlist) == 4
    assert watchlist.source == str(watchlist_path)


def test_names_and_aliases_are_trimmed() -> None:
    watchlist = parse_watchlist({"person": [{"id": "a", "name": "  Ana Ruiz ", "aliases": [" Ruiz  "]}]})

    assert watchlist.get("a").names == ("Ana Ruiz", "Ruiz")


def _error(tmp_path: Path, toml: str) -> str:
    path = write_watchlist(tmp_path / "bad.toml", toml)
    with pytest.raises(WatchlistError) as raised:
        load_watchlist(path)
    message = str(raised.value)
    assert message.startswith(str(path)), "every error names the file"
    assert "\n" not in message, "the CLI prints errors on one line"
    return message


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        pytest.param('[[person]]\nid = "a"\nname = "A"\nnickname = "x"\n',
                     r"\[\[person\]\] #1 \('a'\): unknown key 'nickname'", id="unknown key"),
        pytest.param('[[facility]]\nid = "f"\nname = "F"\nrole = "x"\n',
                     r"\[\[facility\]\] #1 \('f'\): unknown key 'role'", id="key of another kind"),
        pytest.param('[[person]]\nid = "a"\nname = "A"\n[[organization]]\nid = "a"\nname = "B"\n',
                     r"\[\[organization\]\] #1: duplicate id 'a' \(already used by \[\[person\]\] #1\)",
                     id="duplicate id across kinds"),
        pytest.param('[[person]]\nid = "a"\nname = "A"\n[[person]]\nid = "a"\nname = "B"\n',
                     r"\[\[person\]\] #2: duplicate id 'a'", id="duplicate id"),
        pytest.param('[[person]]\nname = "A"\n', r"\[\[person\]\] #1: missing required key 'id'", id="no id"),
        pytest.param('[[person]]\nid = "a"\n', r"\[\[person\]\] #1 \('a'\): missing required key 'name'",
                     id="no name"),
        pytest.param('[[person]]\nid = "a"\nname = "  "\n', r"'name' must not be empty", id="blank name"),
        pytest.param('[[person]]\nid = "a"\nname = "A"\naliases = "A"\n', r"'aliases' must be a list, not str",
                     id="aliases not a list"),
        pytest.param('[[person]]\nid = "a"\nname = "A"\naliases = ["ok", ""]\n',
                     r"every item of 'aliases' must be a non-empty string", id="empty alias"),
        pytest.param('[[person]]\nid = "a"\nname = "A"\nprivate = [5]\n',
                     r"every item of 'private' must be a non-empty string", id="private not strings"),
        pytest.param('[[person]]\nid = 7\nname = "A"\n', r"'id' must be a str, not int", id="id not a string"),
        pytest.param('[[person]]\nid = "a b"\nname = "A"\n', r"id 'a b' may use only letters", id="id with space"),
        pytest.param('[[topic]]\nid = "a"\nname = "A"\n', r"unknown table 'topic'", id="unknown table"),
        pytest.param('[person]\nid = "a"\nname = "A"\n', r"'person' must be an array of tables, written \[\[person\]\]",
                     id="single table"),
        pytest.param("", r"the watchlist has no entries", id="empty"),
        pytest.param('[[person]]\nid = "a"\nname = "A\n', r"not valid TOML", id="not TOML"),
    ],
)
def test_invalid_watchlists_are_explained(tmp_path: Path, toml: str, expected: str) -> None:
    assert re.search(expected, _error(tmp_path, toml))


def test_unreadable_watchlist_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(WatchlistError, match=r"missing\.toml: cannot read the watchlist"):
        load_watchlist(tmp_path / "missing.toml")


def test_watchlist_that_is_not_utf8_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('[[person]]\nid = "a"\nname = "Jos\xe9"\n'.encode("latin-1"))

    with pytest.raises(WatchlistError, match=r"not valid UTF-8"):
        load_watchlist(path)


def test_a_watchlist_has_no_keyword_table(tmp_path: Path) -> None:
    """It protects people and places, never topics."""
    message = _error(tmp_path, '[[keyword]]\nid = "k"\nname = "protest"\n')

    assert "use [[person]], [[facility]] or [[organization]]" in message
