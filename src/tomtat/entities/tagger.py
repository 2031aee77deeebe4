"""A rule-based tagger for people (PER), organisations (ORG) and places (LOC) in Vietnamese news.

Names are runs of capitalised syllables ("Lê Minh Khoa", "Yoon Suk-yeol"). A run is typed by
the words before it (titles such as "ông" or "Tổng thống" for people; "tỉnh", "thủ đô" for
places), by the organisation head it continues ("Bộ", "UBND", "Tòa án", ...), by a gazetteer of
countries, cities and provinces, and by common Vietnamese surnames. The first word of a sentence
is capitalised anyway: it opens a name only when it is not a common word. Spans never include
the title or trigger word; `Mention.surface` does ("Tổng thống Hàn Quốc Yoon Suk-yeol").
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from tomtat.entities.gazetteer import (
    ORG_HEADS, ORG_LINKS, ORG_TRIGGERS, ORG_NAMES, PERSON_TITLES, PLACE_PREPOSITIONS, PLACE_TRIGGERS,
    ORG_QUALIFIERS, PLACES, PORTFOLIOS, SURNAMES,
)

TYPES = ("PER", "ORG", "LOC")
_TOKEN = re.compile(r"\w+(?:[-‐][a-zà-ỹđ][^\W\d_]*)*|[^\w\s]", re.UNICODE)
_OPENERS = frozenset('.!?:;“"‘\'…–—•')


@dataclass(frozen=True)
class Mention:
    """A name in a text: its span (name only), type, and the surface with its title or trigger."""

    text: str
    start: int
    end: int
    type: str
    surface: str


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int
    initial: bool  # first word of a sentence (or of a quotation)


def tokenize(text: str) -> list[_Token]:
    """Words (hyphenated lower-case tails such as "Suk-yeol" kept whole) and punctuation marks."""
    tokens: list[_Token] = []
    for match in _TOKEN.finditer(text):
        previous = tokens[-1] if tokens else None
        initial = previous is None or previous.text in _OPENERS or "\n" in text[previous.end:match.start()]
        tokens.append(_Token(match.group(), match.start(), match.end(), initial))
    return tokens


def _split(phrase: str) -> tuple[str, ...]:
    return tuple(match.group() for match in _TOKEN.finditer(phrase))


def _table(phrases) -> dict[int, set[tuple[str, ...]]]:
    """Phrases as token tuples, grouped by length (longest tried first)."""
    table: dict[int, set[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = _split(phrase)
        table.setdefault(len(words), set()).add(words)
    return dict(sorted(table.items(), reverse=True))


_TITLES = _table(PERSON_TITLES)
_PLACE_TRIGGERS = _table(PLACE_TRIGGERS)
_ORG_HEADS = _table(ORG_HEADS)
_ORG_QUALIFIERS = _table(ORG_QUALIFIERS)
_ORG_LINKS = _table(ORG_LINKS)
_ORG_TRIGGERS = _table(ORG_TRIGGERS)
_PORTFOLIOS = _table(PORTFOLIOS)
_PLACES = _table(PLACES)
_ORG_NAMES = _table(ORG_NAMES)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-case entries of underthesea's 74K-word dictionary: common words, not names."""
    from underthesea.corpus import viet_dict_74K

    return frozenset(word for word in viet_dict_74K.words if word == word.lower())


def _is_cap(token: _Token) -> bool:
    return token.text[0].isupper() and not token.text[0].isdigit()


def _is_common(words: list[str]) -> bool:
    return " ".join(words).lower() in common_words()


class _Tagger:
    def __init__(self, text: str, known: Mapping[str, str]) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.words = [t.text for t in self.tokens]
        self.known = known
        self.mentions: list[Mention] = []

    def _adjacent(self, i: int) -> bool:
        """Token i follows token i-1 with only spaces between (no line break)."""
        return i > 0 and self.text[self.tokens[i - 1].end:self.tokens[i].start] in {" ", ""}

    def match(self, table: dict[int, set[tuple[str, ...]]], i: int, caseless: bool = False) -> int:
        """Length of the longest phrase of `table` at token i (0 if none).

        Caseless phrases also match capitalised, mid-sentence only when longer than one word
        ("Tổng thống", but "Bà" in "Bà Rịa" is no title)."""
        for size, phrases in table.items():
            words = self.words[i:i + size]
            if len(words) < size or (size > 1 and not all(self._adjacent(k) for k in range(i + 1, i + size))):
                continue
            if tuple(words) in phrases:
                return size
            if caseless:
                lowered = (words[0].lower(), *words[1:]) if (size > 1 or self.tokens[i].initial) else None
                if lowered in phrases or (lowered and tuple(w.lower() for w in words) in phrases):
                    return size
        return 0

    def add(self, start: int, end: int, kind: str, surface_start: int | None = None) -> None:
        first, last = self.tokens[start], self.tokens[end - 1]
        begin = self.tokens[surface_start].start if surface_start is not None else first.start
        self.mentions.append(Mention(self.text[first.start:last.end], first.start, last.end, kind, self.text[begin:last.end]))

    def name_run(self, i: int) -> int:
        """End of the run of capitalised words from i, stopping before titles, heads and triggers."""
        j = i
        while j < len(self.tokens) and _is_cap(self.tokens[j]) and (j == i or self._adjacent(j) or self._hyphen(j)):
            if j > i and (self.match(_TITLES, j, True) > 1 or self.match(_ORG_HEADS, j)):
                break
            j += 1
            if j < len(self.tokens) and self.words[j] in {"-", "‐"} and self._hyphen(j) and self._hyphen(j + 1):
                j += 1
        return j

    def _hyphen(self, j: int) -> bool:
        """Token j is joined to the previous one without spaces ("Nhật Bản-Hàn Quốc")."""
        return 0 < j < len(self.tokens) and self.tokens[j - 1].end == self.tokens[j].start

    def organisation(self, i: int) -> int:
        """End of an organisation name whose head is at i (i itself when no name follows)."""
        size = self.match(_ORG_NAMES, i) or self.match(_ORG_HEADS, i)
        j = end = i + size
        while j < len(self.tokens) and self._adjacent(j):
            place = self.match(_PLACES, j)
            if place:
                return j + place
            if _is_cap(self.tokens[j]):
                named = end > i + size or self.match(_ORG_NAMES, i) == size
                if self.match(_TITLES, j, True) > 1 or (named and self.words[j] in SURNAMES):
                    break  # "Bộ Ngoại giao Phạm Quốc Huy": a person after the organisation
                j += 1
                if j < len(self.tokens) and not _is_cap(self.tokens[j]) and _is_common(self.words[j - 1:j + 1]):
                    j += 1  # "Giao thông", "Ngoại giao": a word that only starts with a capital
                end = j
                continue
            qualifier = self.match(_ORG_QUALIFIERS, j)
            if qualifier:
                j = end = j + qualifier
                continue
            link = self.match(_ORG_LINKS, j)
            if not link or (self.words[j] == "và" and (end == i + size or self.match(_ORG_HEADS, j + 1))):
                break
            j += link
        if end == i + size and self.match(_ORG_NAMES, i) != size:
            return i
        return end

    def person_after_title(self, start: int, i: int) -> int:
        """Tag "[portfolio] [country] Name" after a title that ends at i; return where tagging resumes."""
        portfolio = self.match(_PORTFOLIOS, i)
        if portfolio and i + portfolio < len(self.tokens) and _is_cap(self.tokens[i + portfolio]):
            i += portfolio
        if i < len(self.tokens) and self.match(_ORG_HEADS, i):
            end = self.organisation(i)
            if end > i:
                self.add(i, end, "ORG")
                i = end
        place = self.match(_PLACES, i) if i < len(self.tokens) else 0
        if place and i + place < len(self.tokens) and _is_cap(self.tokens[i + place]) and self._adjacent(i + place):
            self.add(i, i + place, "LOC")
            i += place
        if self.match(_PLACES, i) or self.match(_ORG_NAMES, i):
            return i  # "lãnh đạo Nhật Bản": a title with no name after it
        if i < len(self.tokens) and _is_cap(self.tokens[i]) and self._adjacent(i):
            end = self.name_run(i)
            self.add(i, end, "PER", start)
            return end
        return i

    def bare_run(self, i: int) -> int:
        """Type a capitalised run at i with no title before it; return its end."""
        end = self.name_run(i)
        if self.tokens[i].initial and not self.match(_PLACES, i) and not self.match(_ORG_NAMES, i):
            if self.words[i] not in SURNAMES and self.words[i] not in self.known and _is_common([self.words[i].lower()]):
                return i + 1  # a capitalised first word of a sentence, not a name
        k = i
        chunk = i
        while k < end:
            size = self.match(_PLACES, k) or self.match(_ORG_NAMES, k)
            if size:
                self._chunk(chunk, k)
                self.add(k, k + size, "LOC" if self.match(_PLACES, k) == size else "ORG")
                k += size
                chunk = k
            else:
                k += 1
        self._chunk(chunk, end)
        return end

    def _chunk(self, start: int, end: int) -> None:
        """Type a run of capitalised words that is no gazetteer name (or skip it)."""
        if start >= end:
            return
        words = self.words[start:end]
        name = " ".join(words)
        if name in self.known:
            self.add(start, end, self.known[name])
        elif _is_common([w.lower() for w in words]) or any(w in {"-", "‐"} for w in words):
            return  # "Thứ Hai"; "Nhật-Hàn"
        elif words[0] in SURNAMES and 2 <= len(words) <= 4:
            self.add(start, end, "PER")
        elif len(words) == 1 and words[0].isupper() and len(words[0]) > 1 and words[0] not in {"GMT", "UTC"}:
            self.add(start, end, "ORG")
        elif start > 0 and self.words[start - 1].lower() in PLACE_PREPOSITIONS:
            self.add(start, end, "LOC")
        elif len(words) >= 2:
            self.add(start, end, "PER")

    def run(self) -> list[Mention]:
        i = 0
        while i < len(self.tokens):
            title = self.match(_TITLES, i, caseless=True)
            if title and i + title < len(self.tokens) and self._adjacent(i + title):
                i = self.person_after_title(i, i + title)
                continue
            if self.match(_ORG_NAMES, i) or self.match(_ORG_HEADS, i):
                end = self.organisation(i)
                if end > i:
                    self.add(i, end, "ORG")
                    i = end
                    continue
            trigger = self.match(_ORG_TRIGGERS, i)
            if (
                trigger and i + trigger < len(self.tokens) and _is_cap(self.tokens[i + trigger])
                and self._adjacent(i + trigger) and not self.match(_PLACES, i + trigger)
            ):
                end = self.name_run(i + trigger)
                self.add(i + trigger, end, "ORG", i)
                i = end
                continue
            trigger = self.match(_PLACE_TRIGGERS, i, caseless=True)
            if trigger and i + trigger < len(self.tokens) and _is_cap(self.tokens[i + trigger]) and self._adjacent(i + trigger):
                end = self.name_run(i + trigger)
                self.add(i + trigger, end, "LOC", i)
                i = end
                continue
            if _is_cap(self.tokens[i]) and self.tokens[i].text[0].isalpha():
                i = self.bare_run(i)
                continue
            i += 1
        return self.mentions


def tag(text: str, known: Mapping[str, str] | None = None) -> list[Mention]:
    """People, organisations and places named in `text`, in order.

    `known` maps names already typed elsewhere in the story (e.g. "Yoon" -> "PER") so that a
    short mention with no title is still recognised."""
    return _Tagger(text, known or {}).run()
