"""Exposure (doxxing) evidence: a protected person's private facts, and personal data near them.

Private facts from the watchlist are matched fuzzily, because nobody copies an address exactly:
"22 birchwood ln" matches "22 Birchwood Lane, Harlan" (street abbreviations expanded, case and
punctuation ignored, the town optional); "(555) 0142" matches "555-0142" (digits only); "7KXD 214"
matches "7KXD214" (letters and digits only).

Generic personal data (a street address, a phone number, a plate, a child's school, a daily
routine, family members) is evidence too, but only a person has a private life: a facility's
public address is public information, not exposure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..watchlist import Entry
from .base import Evidence

_ABBREVIATIONS = {
    "st": "street",
    "str": "street",
    "ln": "lane",
    "rd": "road",
    "ave": "avenue",
    "av": "avenue",
    "ct": "court",
    "crt": "court",
    "dr": "drive",
    "blvd": "boulevard",
    "pkwy": "parkway",
    "hwy": "highway",
    "pl": "place",
    "ter": "terrace",
    "cir": "circle",
    "apt": "apartment",
    "n": "north",
    "s": "south",
    "e": "east",
    "w": "west",
    "mt": "mount",
    "trl": "trail",
    "sq": "square",
}
_TOKEN = re.compile(r"[a-z0-9]+")
_POSSESSIVES = {"his", "her", "their", "my", "our"}
_STREET_TYPES = (
    r"street|st|lane|ln|road|rd|avenue|ave|court|ct|drive|dr|boulevard|blvd|way|place|pl|terrace|ter"
    r"|circle|cir|parkway|pkwy|highway|hwy|trail|trl|square|sq"
)


@dataclass(frozen=True)
class _Pattern:
    kind: str
    reason: str
    regex: re.Pattern[str]


_PERSONAL = (
    _Pattern(
        "personal_data",
        "a street address",
        re.compile(rf"\b\d{{1,5}}\s+(?:[a-z0-9]+\s+){{1,3}}(?:{_STREET_TYPES})\b\.?", re.I),
    ),
    _Pattern(
        "personal_data",
        "a phone number",
        re.compile(r"(?<!\w)(?:\+?1[\s.-]?)?(?:\(?\d{3}\)?[\s.-]?)?\d{3}[\s.-]\d{4}(?!\w)"),
    ),
    _Pattern(
        "personal_data",
        "a licence plate",
        re.compile(
            r"\b(?:plates?|tags?|licen[cs]e(?: plate)?|reg(?:istration)?)(?: number| no\.?|#)?:?\s*"
            r"(?=[A-Z0-9 -]{5,9}\b)(?=[A-Z0-9 -]*\d)[A-Z0-9]{2,4}[ -]?[A-Z0-9]{2,4}\b",
            re.I,
        ),
    ),
    _Pattern(
        "personal_data",
        "a child or family member",
        re.compile(
            r"\b(?:his|her|their|your|\w+'s)\s+(?:\w+\s+)?(?:kids?|children|son|daughter|wife|husband|"
            r"spouse|mother|mom|father|dad|family|girlfriend|boyfriend|partner)\b",
            re.I,
        ),
    ),
    _Pattern(
        "personal_data",
        "a school or daycare",
        re.compile(
            r"\b(?:elementary|middle school|high school|academy|daycare|day care|preschool|"
            r"kindergarten|school)\b",
            re.I,
        ),
    ),
    _Pattern("personal_data", "a school or daycare", re.compile(r"\b[A-Z][a-z]+ (?:Middle|Elementary|High|Prep)\b")),
    _Pattern(
        "personal_data",
        "a daily routine",
        re.compile(
            r"\bevery\s+(?:morning|day|evening|night|weekday|monday|tuesday|wednesday|thursday|friday|"
            r"saturday|sunday)\b|\b(?:leaves|arrives|parks|jogs|runs|walks|drops|picks|gets out|gets off|gets home"
            r"|comes home|finishes)\b[^.]{0,40}"
            r"\b(?:at|around)\s+\d{1,2}(?::\d\d)?\s*(?:am|pm)?",
            re.I,
        ),
    ),
    _Pattern(
        "personal_data",
        "where they live",
        re.compile(
            r"\b(?:lives (?:at|on|in|off)|home address|house is|his house|her house|their house|"
            r"personal (?:cell|phone|number|email)|cell(?:phone)?(?: number)?:|home phone|address is)\b",
            re.I,
        ),
    ),
)

CALL_TO_ACT = _Pattern(
    "call_to_act",
    "urges others to use the information",
    re.compile(
        r"\b(?:spread (?:this|it|the word)|share (?:this|it|widely)|pay (?:him|her|them) a visit|"
        r"visit (?:him|her|them)|knock on (?:his|her|their) door|let (?:him|her|them) know|"
        r"show up|go see|you know what to do|do what you want|make (?:him|her|them) regret|"
        r"call (?:him|her|them)|text (?:him|her|them)|flood (?:his|her|their) (?:phone|line)|"
        r"say hi|drop by|swing by|give (?:him|her|them) a call|at \d ?am)\b",
        re.I,
    ),
)


def _canonical_tokens(text: str) -> list[str]:
    return [_ABBREVIATIONS.get(t, t) for t in _TOKEN.findall(text.lower())]


def _alnum(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


class ExposureFinder:
    """Finds one watchlist's private facts, and generic personal data, in a text."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._facts = [(e, _needle(fact)) for e in entries for fact in e.private]
        self._public = [_canonical_tokens(e.address) for e in entries if e.address]

    def private_facts(self, text: str) -> list[Evidence]:
        if not self._facts:
            return []
        index = _TextIndex(text)
        found = []
        for entry, needle in self._facts:
            span = index.find(needle)
            if span is not None:
                start, end = span
                found.append(
                    Evidence(
                        start, end, text[start:end], "private", f"{entry.name}'s private information from the watchlist"
                    )
                )
        return found

    def personal_data(self, text: str) -> list[Evidence]:
        found = []
        for pattern in (*_PERSONAL, CALL_TO_ACT):
            for hit in pattern.regex.finditer(text):
                if pattern.reason == "a street address" and self._is_public(hit.group()):
                    continue
                found.append(Evidence(hit.start(), hit.end(), hit.group(), pattern.kind, pattern.reason))
        return found

    def _is_public(self, address: str) -> bool:
        tokens = _canonical_tokens(address)
        return any(_contains(public, tokens) or _contains(tokens, public[: len(tokens)]) for public in self._public)


def _contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return n > 0 and any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


class _TextIndex:
    """Three views of one text, built once, so each private fact is a cheap substring search."""

    def __init__(self, text: str) -> None:
        words = [(m.start(), m.end(), _ABBREVIATIONS.get(m.group(), m.group())) for m in _TOKEN.finditer(text.lower())]
        self._words = words
        self._joined = " " + " ".join(w[2] for w in words) + " "
        # Offsets of each word in `_joined`, to map a hit back to the text.
        self._word_at: dict[int, int] = {}
        position = 1
        for number, word in enumerate(words):
            self._word_at[position] = number
            position += len(word[2]) + 1
        self._alnum_offsets = [i for i, c in enumerate(text) if c.isalnum()]
        self._alnum = "".join(text[i] for i in self._alnum_offsets).lower()
        self._digit_runs = [
            (m.start(), m.end(), re.sub(r"\D", "", m.group())) for m in re.finditer(r"[\d()+][\d()\s.+-]{5,}\d", text)
        ]

    def find(self, needle: _Needle) -> tuple[int, int] | None:
        if needle.kind == "digits":
            return next(
                (
                    (s, e)
                    for s, e, run in self._digit_runs
                    if run.endswith(needle.value) or (len(run) >= 7 and needle.value.endswith(run))
                ),
                None,
            )
        if needle.kind == "alnum":
            at = self._alnum.find(needle.value)
            if at < 0:
                return None
            return self._alnum_offsets[at], self._alnum_offsets[at + len(needle.value) - 1] + 1
        at = self._joined.find(needle.value)
        if at < 0:
            return None
        first = self._word_at[at + 1]
        return self._words[first][0], self._words[first + needle.value.count(" ") - 2][1]


@dataclass(frozen=True)
class _Needle:
    kind: str  # digits (a phone), alnum (a plate or id), words (an address or a name)
    value: str


def _needle(fact: str) -> _Needle:
    """How to look for a private fact: a phone by its digits, a plate by its letters and digits,
    anything else by its words with street abbreviations expanded and the town left optional."""
    digits = re.sub(r"\D", "", fact)
    if len(digits) >= 7 and len(digits) >= len(_alnum(fact)) - 1:
        return _Needle("digits", digits)
    if " " not in fact.strip() and any(c.isdigit() for c in fact):
        return _Needle("alnum", _alnum(fact))
    words = _canonical_tokens(fact.split(",")[0])
    if len(words) > 1 and words[0] in _POSSESSIVES:  # "her daughter Ada" is also "Achebe's daughter Ada"
        words = words[1:]
    return _Needle("words", " " + " ".join(words) + " ")
