"""Text normalization: one canonical form for every post, and the folded views matching uses.

`normalize_post` is the pipeline stage: Unicode NFKC (full-width letters, ligatures), invisible
characters removed, line endings unified. Every later offset (mentions, evidence spans) points
into this normalized text, which is also the text a finding keeps.

`fold` and `collapse_spaced` build search views that defeat the cheap obfuscations people use to
dodge keyword filters ("M@ddox", "k1ll", "R e y e s"). `fold` keeps the length, so offsets in the
folded view are offsets in the text; `collapse_spaced` returns an offset map.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from .posts import Post

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_LEET = str.maketrans({"@": "a", "4": "a", "3": "e", "1": "i", "0": "o", "$": "s", "5": "s", "7": "t"})
# "!" is a leet "i" only inside a word ("k!ll"); at a word's end it is punctuation ("Calloway!").
_BANG_IN_WORD = re.compile(r"!(?=\w)")
_WORDISH = re.compile(r"[\w@$!]+")
_LEET_CHARS = frozenset("@$!013457")
# Numbers with a unit or suffix stay numbers: "$10k", "6pm", "5th", "9mm", "1990s".
_NUMBERISH = re.compile(r"\$?\d[\d,.:]*[a-z]{0,2}")
# A run of three or more single characters joined by a space or light punctuation: "k i l l", "R.e.y.e.s".
_SPACED = re.compile(r"(?<![\w@$])(?:[\w@$!][ .\-_*]{1,2}){2,}[\w@$!](?![\w@$])")
_SEPARATORS = re.compile(r"[ .\-_*]")


def normalize_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def normalize_post(post: Post) -> Post:
    text = normalize_text(post.text)
    return post if text == post.text else replace(post, text=text)


def fold(text: str) -> str:
    """Lower-case and undo leetspeak inside words, keeping every character at its offset.

    Digits stay digits in a number ("at 7:40", "555-0142"); only a word with letters in it is
    read as leetspeak ("k1ll", "M@ddox").
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters (like 'İ') lower-case to two
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _WORDISH.sub(_unleet, lowered) if not _LEET_CHARS.isdisjoint(lowered) else lowered


def _unleet(word: re.Match[str]) -> str:
    text = word.group()
    if _LEET_CHARS.isdisjoint(text) or not any(c.isalpha() for c in text) or _NUMBERISH.fullmatch(text):
        return text
    handle = "@" if text[0] == "@" else ""  # "@Lindqvist" is a handle, not leetspeak
    return handle + _BANG_IN_WORD.sub("i", text[len(handle) :]).translate(_LEET)


def collapse_spaced(text: str) -> tuple[str, list[int]] | None:
    """Join letters written apart ("r e y e s" -> "reyes"); None when the text has no such run.

    Returns the collapsed text and, for each of its characters, the offset in `text`.
    """
    if not _SPACED.search(text):
        return None
    out: list[str] = []
    offsets: list[int] = []
    position = 0
    for run in _SPACED.finditer(text):
        out.append(text[position : run.start()])
        offsets.extend(range(position, run.start()))
        for index in range(run.start(), run.end()):
            if not _SEPARATORS.fullmatch(text[index]):
                out.append(text[index])
                offsets.append(index)
        position = run.end()
    out.append(text[position:])
    offsets.extend(range(position, len(text)))
    return "".join(out), offsets
