"""A readable view of a post: the spellings people use to slip violent words past filters, undone.

People write "k1ll", "k i l l", "klil", "murdr", "execuetd", "deathto" and "stabthose" precisely
because keyword filters miss them. `readable` folds case and leetspeak, joins letters written
apart, repairs one dropped, swapped or repeated letter in a violent word, and splits a violent
word glued to a short function word. Only violent words are repaired, so ordinary typos and names
are left alone; a few real words that are one edit from a violent word ("dad", "hut", "strange")
are never "repaired".

The view keeps, for each of its characters, the span of the text it came from, so evidence found
in the view is highlighted in the original post.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..normalize import collapse_spaced, fold

VIOLENT_WORDS = (
    "kill killed killing kills murder murdered murdering shoot shooting shot stab stabbed stabbing "
    "slaughter slaughtered execute executed execution hang hanged lynch lynched strangle strangled "
    "torture tortured suffer die dying dead death rape raped burn burned bomb bombed behead beheaded "
    "butcher butchered exterminate exterminated eradicate eradicated massacre bullet bullets gun "
    "guns rifle knife hurt attack throat throats neck necks bleed"
).split()
_FUNCTION_WORDS = "to all those these them him her the every you my your their his that this em any some each".split()
# Real words one edit away from a violent word; they keep their meaning.
_REAL_WORDS = frozenset(
    "soot sot sht sab hag dad bun bob rife rile hut strange eradiate rae nek kil die tie dye lie "
    "hung shut bunt brunt hart dyng kils".split()
) - {"kil"}
_TOKEN = re.compile(r"[a-z]+")


def _variants(word: str) -> set[str]:
    inner = range(1, len(word) - 1)
    dropped = {word[:i] + word[i + 1 :] for i in inner}
    swapped = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(1, len(word) - 1)}
    doubled = {word[:i] + word[i] + word[i:] for i in range(len(word))}
    return (dropped | swapped | doubled) - {word}


def _repairs() -> dict[str, str]:
    table: dict[str, str] = {}
    violent = set(VIOLENT_WORDS)
    for word in VIOLENT_WORDS:
        if len(word) >= 4:
            for variant in _variants(word):
                if variant not in violent and variant not in _REAL_WORDS:
                    table.setdefault(variant, word)
        for short in _FUNCTION_WORDS:
            table.setdefault(word + short, f"{word} {short}")
            table.setdefault(short + word, f"{short} {word}")
    return table


REPAIRS = _repairs()


@dataclass(frozen=True)
class View:
    text: str
    starts: list[int]
    ends: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text behind view[start:end]."""
        return self.starts[start], self.ends[end - 1]


def readable(text: str) -> View:
    folded = fold(text)
    collapsed = collapse_spaced(folded)
    if collapsed is None:
        view, origin = folded, list(range(len(folded)))
    else:
        view, origin = collapsed
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    for token in _TOKEN.finditer(view):
        repaired = REPAIRS.get(token.group())
        if repaired is None:
            continue
        for index in range(position, token.start()):
            out.append(view[index])
            starts.append(origin[index])
            ends.append(origin[index] + 1)
        first, last = origin[token.start()], origin[token.end() - 1] + 1
        out.append(repaired)
        starts.extend([first] * len(repaired))
        ends.extend([last] * len(repaired))
        position = token.end()
    for index in range(position, len(view)):
        out.append(view[index])
        starts.append(origin[index])
        ends.append(origin[index] + 1)
    return View("".join(out), starts, ends)
