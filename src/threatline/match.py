"""The match stage: find watchlist mentions, the privacy boundary's first gate.

A post with no mention stops here and becomes a count; its text goes no further.

Rules, chosen so a security team can predict what matches:
- An alias written in capitals (an acronym such as "ICE") matches only in capitals, so the
  agency is found but not "an ice storm". Every other alias matches in any case.
- A match must start and end at a word boundary: "Reyes" matches "Reyes's" but not "Reyesville".
- Spaces inside an alias match any run of whitespace.
- Obfuscated writing is matched too: leetspeak and symbols ("M@ddox", "R3yes"), letters
  written apart ("R e y e s", "R.e.y.e.s"), and one dropped or swapped inner letter in a
  single-word alias of five letters or more ("Whitcmb", "Whticomb").
- Where matches overlap, the longest wins ("Northgate Processing Center" over "Northgate").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .normalize import collapse_spaced, fold
from .posts import Post
from .watchlist import Entry, Kind, Watchlist


@dataclass(frozen=True)
class Mention:
    entry_id: str
    kind: Kind
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Candidate:
    """A post that mentions the watchlist: the only kind of post that reaches the detector."""

    post: Post
    mentions: tuple[Mention, ...]

    @property
    def entry_ids(self) -> tuple[str, ...]:
        """The watchlist entries named, each once, in the order first named."""
        return tuple(dict.fromkeys(m.entry_id for m in self.mentions))


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(alias) <= 8


def _alias_pattern(alias: str) -> str:
    return r"\s+".join(re.escape(word) for word in alias.split())


def _alternation(aliases: Iterable[str], bounded: bool = True) -> re.Pattern[str] | None:
    unique = sorted(set(aliases), key=len, reverse=True)
    if not unique:
        return None
    body = "|".join(_alias_pattern(a) for a in unique)
    # "@" may open a handle ("@Reyes") but not sit inside a word ("x@reyes").
    return re.compile(rf"(?<![\w$])(?<!\w@)(?:{body})(?![\w@$])" if bounded else body)


_WORD = re.compile(r"[\w@$!]+")
# What may sit between letters written apart ("R e y e s", "R.e.y.e.s"), and whitespace inside aliases.
_GAPS = re.compile(r"[\s.\-_*]")


def _misspellings(word: str) -> set[str]:
    """One inner letter dropped or two inner letters swapped; first and last letters stay."""
    if len(word) < 5 or not word.isalpha():
        return set()
    inner = range(1, len(word) - 1)
    dropped = {word[:i] + word[i + 1 :] for i in inner}
    swapped = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(1, len(word) - 2)}
    return (dropped | swapped) - {word}


class Matcher:
    """Compiled once per watchlist; `find` is safe to call from many threads."""

    def __init__(self, watchlist: Watchlist) -> None:
        self.watchlist = watchlist
        self._exact: dict[str, Entry] = {}
        self._folded: dict[str, Entry] = {}
        for entry in watchlist.entries:
            for alias in entry.names:
                if _is_acronym(alias):
                    self._exact.setdefault(_key(alias), entry)
                else:
                    self._folded.setdefault(_key(fold(alias)), entry)
        self._misspelled: dict[str, Entry] = {}
        for alias, entry in self._folded.items():
            for variant in _misspellings(alias):
                if variant not in self._folded:
                    self._misspelled.setdefault(variant, entry)
        self._exact_re = _alternation(self._exact)
        self._folded_re = _alternation(self._folded)
        # Letters written apart lose their word boundaries ("the next M u s l i m I see"
        # collapses to "muslimi"), so that view matches without them, on collapsed runs only.
        self._spaced_re = _alternation(self._folded, bounded=False)

    def find(self, text: str) -> list[Mention]:
        found: list[Mention] = []
        if self._exact_re is not None:
            found += self._scan(self._exact_re, self._exact, text, text, None)
        if self._folded_re is not None:
            folded = fold(text)
            found += self._scan(self._folded_re, self._folded, folded, text, None)
            collapsed = collapse_spaced(folded)
            if collapsed is not None and self._spaced_re is not None:
                found += [
                    m
                    for m in self._scan(self._spaced_re, self._folded, collapsed[0], text, collapsed[1])
                    if m.end - m.start > len(_GAPS.sub("", m.text))
                ]
            if self._misspelled and not self._misspelled.keys().isdisjoint(_WORD.findall(folded)):
                found += [
                    Mention(entry.id, entry.kind, w.start(), w.end(), text[w.start() : w.end()])
                    for w in _WORD.finditer(folded)
                    if (entry := self._misspelled.get(w.group())) is not None
                ]
        return _longest_first(found)

    def _scan(
        self,
        pattern: re.Pattern[str],
        table: dict[str, Entry],
        view: str,
        text: str,
        offsets: list[int] | None,
    ) -> list[Mention]:
        mentions = []
        for hit in pattern.finditer(view):
            entry = table[_key(hit.group())]
            start, end = hit.start(), hit.end()
            if offsets is not None:
                start, end = offsets[start], offsets[end - 1] + 1
            mentions.append(Mention(entry.id, entry.kind, start, end, text[start:end]))
        return mentions


def _key(alias: str) -> str:
    return " ".join(alias.split())


def _longest_first(mentions: list[Mention]) -> list[Mention]:
    # Kept mentions never overlap, so ordered by start they are ordered by end too: a new one can
    # only collide with its two neighbours (a post repeating a name 16,000 times stays linear).
    starts: list[int] = []
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        at = bisect.bisect_left(starts, mention.start)
        if (at > 0 and kept[at - 1].end > mention.start) or (at < len(kept) and kept[at].start < mention.end):
            continue
        starts.insert(at, mention.start)
        kept.insert(at, mention)
    return kept


def match(posts: Iterable[Post], matcher: Matcher) -> list[Candidate | None]:
    """The stage over a batch: a Candidate per post that mentions the watchlist, else None."""
    out: list[Candidate | None] = []
    for post in posts:
        mentions = matcher.find(post.text)
        out.append(Candidate(post, tuple(mentions)) if mentions else None)
    return out
