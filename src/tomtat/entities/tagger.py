"""A rule-based tagger for people (PER), organisations (ORG), places (LOC) and other names (MISC).

Spans follow the VLSP 2018 NER conventions: titles stay outside a person's name ("ông [Lê Minh
Khoa]"), place words inside a place ("[tỉnh Quảng Ninh]", "[sông Hồng]"), the outermost
organisation is one span ("[UBND tỉnh Lào Cai]"), and products, events, works and laws are MISC.
Names are runs of capitalised syllables, typed by the words before them (titles, organisation
heads, place words, triggers such as "hãng" or "phim"), by gazetteers, by common Vietnamese
surnames, and by whether their syllables are Vietnamese at all (one-word foreign names are
people unless a gazetteer or a suffix such as "United" says otherwise). All-caps words are
names only when known ("WHO") or spelled out in brackets after an organisation. The first
word of a sentence opens a name only when it is not a common word.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from tomtat.entities import misc
from tomtat.entities.gazetteer import (
    ADMINISTRATIVE_WORDS,
    DESCRIBED_HEADS,
    MEDIA_TRIGGERS,
    NOT_NAMES,
    NUMBERED_PLACE_WORDS,
    ORG_SUFFIXES,
    PARTY_TRIGGERS,
    PLACE_PREPOSITIONS,
    SURNAMES,
)
from tomtat.entities.tables import BITS as _BITS
from tomtat.entities.tables import ORG_HEAD_TABLE as _ORG_HEADS
from tomtat.entities.tables import ORG_LINK_TABLE as _ORG_LINKS
from tomtat.entities.tables import ORG_NAME_TABLE as _ORG_NAMES
from tomtat.entities.tables import ORG_QUALIFIER_TABLE as _ORG_QUALIFIERS
from tomtat.entities.tables import ORG_TRIGGER_TABLE as _ORG_TRIGGERS
from tomtat.entities.tables import PLACE_TABLE as _PLACES
from tomtat.entities.tables import PLACE_TRIGGER_TABLE as _PLACE_TRIGGERS
from tomtat.entities.tables import PLACE_WORD_TABLE as _PLACE_WORDS
from tomtat.entities.tables import PORTFOLIO_TABLE as _PORTFOLIOS
from tomtat.entities.tables import TITLES as _TITLES
from tomtat.entities.tables import Layout, lay_out
from tomtat.entities.tokens import STOP_WORDS, Phrases, Token, is_common, is_foreign

TYPES = ("PER", "ORG", "LOC", "MISC")
_MAX_DESCRIPTION = 4
_BEFORE_PLACES = PLACE_PREPOSITIONS | {"ven", "bên", "trên", "dưới", "bờ", "cửa", "dọc", "quanh"}
_BRAND_ENDING = re.compile(r"(?:tour|plus|works|bank|soft|tech|net|mart|media|group|land|corp|pharma)$", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    """A name in a text: its span and type, the surface with any title or trigger, and the bare name.

    `name` leaves out place words ("tỉnh Lào Cai" is "Lào Cai"), so story-level merging joins variants."""

    text: str
    start: int
    end: int
    type: str
    surface: str
    name: str


def _is_cap(token: Token) -> bool:
    return token.text[0].isupper()


def _is_acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper() and word.isalpha()


def _is_brand(word: str) -> bool:
    """A one-word company or site name: "BongdaPlus", "VietNamNet", "Saigontourist"."""
    return len(word) >= 5 and not word.isupper() and (any(c.isupper() for c in word[1:]) or _BRAND_ENDING.search(word) is not None)


class Tagger:
    """Tags one text. Every name asked of `known` is recorded with the step that asked it, so
    tagging again with other known names (`again`) resumes at the first step that asked for one."""

    def __init__(self, text: str, known: Mapping[str, str] | None = None, layout: Layout | None = None) -> None:
        self.text = text
        self.layout = layout or lay_out(text)
        self.tokens, self.words, self.joined, self.starts, self.bits, self.misc = self.layout
        self.known = known or {}
        self.looked_up: dict[str, tuple[int, int]] = {}  # name -> (token, mentions) where its step started
        self.step_start = (0, 0)
        self.mentions: list[Mention] = []

    def again(self, known: Mapping[str, str]) -> list[Mention]:
        """The mentions of the same text (tagged already) tagged with `known` names.

        Steps before the first one that asked for a name of `known` go the same way, so their
        mentions are kept and tagging resumes there."""
        asked = [start for name, start in self.looked_up.items() if name in known]
        if not asked:
            return self.mentions
        i, count = min(asked)
        tagger = Tagger(self.text, known, self.layout)
        tagger.mentions = self.mentions[:count]
        return tagger.run(i)

    def knows(self, name: str) -> bool:
        self.looked_up.setdefault(name, self.step_start)
        return name in self.known

    def match(self, table: Phrases, i: int, caseless: bool = False) -> int:
        if i >= len(self.tokens) or not self.bits[i] & _BITS[table]:
            return 0
        return table.match(self.words, self.joined, i, caseless, self.tokens[i].initial)

    def compound_start(self, i: int, end: int) -> bool:
        """The one word i..end only starts a common compound with the next word ("Chính phủ", "Dịch vụ")."""
        return end == i + 1 and end < len(self.tokens) and self.joined[end] and is_common(self.words[i:end + 1])

    def compound_end(self, i: int) -> bool:
        """Lower-case word i ends a common compound with the word before it ("yêu cầu", "biên kịch")."""
        return i > 0 and self.joined[i] and self.words[i].islower() and is_common(self.words[i - 1:i + 1])

    def phrase(self, start: int, end: int) -> str:
        """The text of tokens start..end ("TP." for "TP" and ".")."""
        return self.text[self.tokens[start].start:self.tokens[end - 1].end]

    def verb_compound_end(self, i: int) -> bool:
        """Place word i ends a compound that is no place ("yêu cầu Bộ", but "qua sông Hồng", "ven biển")."""
        return self.compound_end(i) and self.words[i - 1].lower() not in _BEFORE_PLACES

    def cap_at(self, i: int) -> bool:
        """Token i is a capitalised word on the same line as the token before it."""
        return i < len(self.tokens) and _is_cap(self.tokens[i]) and self.joined[i]

    def add(self, start: int, end: int, kind: str, surface_start: int | None = None, name_start: int | None = None) -> None:
        first, last = self.tokens[start], self.tokens[end - 1]
        begin = self.tokens[surface_start].start if surface_start is not None else first.start
        bare = self.tokens[name_start].start if name_start is not None else first.start
        text = self.text
        self.mentions.append(Mention(text[first.start:last.end], first.start, last.end, kind, text[begin:last.end], text[bare:last.end]))

    def coordinated_places(self, i: int) -> int:
        """Tag "Bắc Sơn, Hồng Kỳ" after "xã Nam Sơn," as places too; return where tagging resumes."""
        while i + 1 < len(self.tokens) and self.words[i] in {",", "và"} and self.cap_at(i + 1):
            end = self.name_run(i + 1)
            words = self.words[i + 1:end]
            if len(words) > 3 or words[0] in SURNAMES or any(_is_acronym(w) or is_foreign(w) for w in words):
                break
            if self.match(_TITLES, i + 1, True) or self.match(_ORG_HEADS, i + 1) or is_common(words):
                break
            self.add(i + 1, end, "LOC")
            i = end
        return i

    def _glued(self, j: int) -> bool:
        """Token j is joined to the previous one without spaces ("Nhật Bản-Hàn Quốc")."""
        return 0 < j < len(self.tokens) and self.tokens[j - 1].end == self.tokens[j].start

    def name_run(self, i: int) -> int:
        """End of the run of capitalised words from i, stopping before titles, organisations and acronyms."""
        j = i
        while j < len(self.tokens) and _is_cap(self.tokens[j]) and (j == i or self.joined[j]):
            if j > i and (self.match(_TITLES, j, True) > 1 or (self.match(_ORG_HEADS, j) and self.organisation(j) > j)):
                break
            if j > i and _is_acronym(self.words[j]) != _is_acronym(self.words[j - 1]):
                break
            j += 1
            if j < len(self.tokens) and self.words[j] in {"-", "‐"} and self._glued(j) and self._glued(j + 1):
                j += 1
        return j

    def organisation(self, i: int) -> int:
        """End of an organisation name whose head is at i (i itself when no name follows)."""
        size = self.match(_ORG_NAMES, i) or self.match(_ORG_HEADS, i)
        named = self.match(_ORG_NAMES, i) == size
        j = end = i + size
        while j < len(self.tokens) and self.joined[j]:
            link = self.match(_ORG_LINKS, j)
            if link and self.words[j] not in {"và", "&"} and self.cap_at(j + link):
                known_place = self.match(_PLACES, j + link)
                j = end = j + link + known_place if known_place else self.name_run(j + link)  # "UBND huyện Bắc Hà"
                continue
            place = self.match(_PLACES, j)
            if place:
                return j + place
            if self.words[j] in {"-", "&"} and self._glued(j) and self._glued(j + 1) and _is_acronym(self.words[j + 1]):
                j = end = j + 2  # "Bộ NN-PTNT", "Bộ GD&ĐT"
                continue
            if named and _is_acronym(self.words[i]):
                break  # "WHO Abdi Mahamud": a person after a known acronym
            if _is_cap(self.tokens[j]):
                if self.match(_TITLES, j, True) > 1 or ((end > i + size or named) and self.words[j] in SURNAMES):
                    break  # "Bộ Ngoại giao Phạm Quốc Huy": a person after the organisation
                j += 1
                if j < len(self.tokens) and not _is_cap(self.tokens[j]) and is_common(self.words[j - 1:j + 1]):
                    j += 1  # "Giao thông", "Ngoại giao": a word that only starts with a capital
                end = j
                continue
            qualifier = self.match(_ORG_QUALIFIERS, j)
            if qualifier:
                j = end = j + qualifier
                continue
            describable = end == i + size and " ".join(self.words[i:end]) in DESCRIBED_HEADS and not self.compound_start(i, end)
            described = self.described_name(j) if describable else j
            if described > j:
                j = described  # "Đoàn nghệ thuật dân tộc Lào Cai": lower-case words, then a name
                continue
            if self.words[j].isdigit() and end > i:
                j = end = j + 1  # "Vùng 3", "Cảnh sát biển 2"
                continue
            if link != 1 or self.words[j] not in {"và", "&"} or end == i + size or self.match(_ORG_HEADS, j + 1):
                break
            j += 1
        if end == i + size and not named:
            return i
        return end

    def described_name(self, j: int) -> int:
        """Where a name starts after up to 4 lower-case words at j that describe an organisation (j if none)."""
        k = j
        while k < len(self.tokens) and k - j < _MAX_DESCRIPTION and self.joined[k] and self.words[k].isalpha() and self.words[k].islower():
            if self.words[k] in STOP_WORDS:
                return j
            k += 1
        if k > j and self.cap_at(k) and not self.match(_TITLES, k, True) and not _is_acronym(self.words[k]):
            return k
        return j

    def place(self, i: int, size: int) -> int:
        """End of a place whose place word (size tokens) is at i, 0 when no name follows it."""
        after = i + size
        if self.phrase(i, after).lower() in NUMBERED_PLACE_WORDS and after < len(self.tokens) and self.words[after].isdigit() and self.joined[after]:
            return after + 1
        if not self.cap_at(after) or (size == 1 and (self.words[i] in SURNAMES or self.verb_compound_end(i))):
            return 0
        gazetteer = self.match(_PLACES, after)
        return after + gazetteer if gazetteer and not self.cap_at(after + gazetteer) else self.name_run(after)

    def person_after_title(self, start: int, i: int) -> int:
        """Tag "[portfolio] [country] Name" after a title that ends at i; return where tagging resumes."""
        portfolio = self.match(_PORTFOLIOS, i)
        if portfolio and self.cap_at(i + portfolio):
            i += portfolio
        if self.match(_ORG_HEADS, i) or self.match(_ORG_NAMES, i):
            end = self.organisation(i)
            if end > i:
                self.add(i, end, "ORG")
                i = end
        place = self.match(_PLACES, i)
        if place and self.cap_at(i + place):
            self.add(i, i + place, "LOC")
            i += place
        if self.match(_PLACES, i) or self.match(_ORG_NAMES, i):
            return i  # "lãnh đạo Nhật Bản": a title with no name after it
        if i < len(self.tokens) and self.joined[i] and len(self.words[i]) == 1 and self.words[i].isupper():
            end = i + 2 if i + 1 < len(self.tokens) and self.words[i + 1] == "." and self._glued(i + 1) else i + 1
            self.add(i, end, "PER", start)  # "chị H.": a name given by its initial
            return end
        if self.cap_at(i) and not _is_acronym(self.words[i]) and self.words[i] not in NOT_NAMES:
            end = self.name_run(i)
            if not self.compound_start(i, end):  # "Thủ tướng Chính phủ"
                self.add(i, end, "PER", start)
                return end
        return i

    def bare_run(self, i: int) -> int:
        """Type a capitalised run at i with no title before it; return its end."""
        end = self.name_run(i)
        words = self.words[i:end]
        if self.tokens[i].initial and not self.match(_PLACES, i) and not self.match(_ORG_NAMES, i):
            if words[0] not in SURNAMES and not self.knows(words[0]) and is_common([words[0].lower()]):
                return i + 1  # a capitalised first word of a sentence, not a name
        if len(words) > 1 and (words[-1] in ORG_SUFFIXES or self.knows(" ".join(words))):
            self._chunk(i, end)
            return end
        k = chunk = i
        while k < end:
            size = self.match(_ORG_NAMES, k) or self.match(_PLACES, k)
            if size == 1 and k > chunk and self.match(_PLACES, k) and not self.match(_PLACES, chunk):
                size = 0  # "Phương Anh": a one-word country ending a name is part of it
            if size:
                self._chunk(chunk, k)
                self.add(k, k + size, "ORG" if self.match(_ORG_NAMES, k) == size else "LOC")
                k = chunk = k + size
                end = max(end, k)
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
        if self.knows(name):
            self.add(start, end, self.known[name])
        elif _is_acronym(words[0]) or words[0] in NOT_NAMES or any(w in {"-", "‐"} for w in words):
            return  # "USD", "GDP"; "Nhật-Hàn"
        elif (words[-1] in ORG_SUFFIXES and len(words) > 1) or (len(words) == 1 and _is_brand(words[0])):
            self.add(start, end, "ORG")
        elif words[0] == "The" and len(words) > 1:
            self.add(start, end, "MISC")  # "The Salesman": an English title
        elif is_common([w.lower() for w in words]) or self.compound_start(start, end):
            return  # "Thứ Hai"
        elif words[0] in SURNAMES and 2 <= len(words) <= 4:
            self.add(start, end, "PER")
        elif start > 0 and self.words[start - 1].lower() in PLACE_PREPOSITIONS and len(words) <= 2:
            self.add(start, end, "LOC")
        elif len(words) >= 2 or is_foreign(words[0]):
            self.add(start, end, "PER")

    def bracketed_acronym(self, i: int) -> int:
        """Tag "(WHO)" after an organisation as an organisation too; return its end (i if none)."""
        if i + 2 >= len(self.tokens) or self.words[i + 2] != ")" or not self.mentions:
            return i
        word, last = self.words[i + 1], self.mentions[-1]
        if last.type == "ORG" and last.end == self.tokens[i].start - 1 and word.isupper() and len(word) > 1:
            self.add(i + 1, i + 2, "ORG")
            return i + 3
        return i

    def organisation_after_trigger(self, i: int, trigger: int) -> int:
        """Tag the organisation named after a lower-case trigger ("tập đoàn Nippon Steel"); return its end."""
        name = i + trigger
        if not self.cap_at(name) or (self.match(_PLACES, name) and " ".join(self.words[i:name]) not in MEDIA_TRIGGERS):
            return i
        known = self.match(_ORG_NAMES, name)
        end = name + known if known else self.name_run(name)
        if " ".join(self.words[i:name]) in PARTY_TRIGGERS and self.compound_start(name, end):
            end += 1  # "đảng Cộng hòa"
        elif self.compound_start(name, end) or self.compound_end(i + trigger - 1) and trigger == 1:
            return i
        self.add(name, end, "ORG", i)
        return end

    def languages(self, i: int) -> int:
        """Skip a list of language names ("tiếng Việt, Anh, Pháp"): no entities; return its end."""
        while i < len(self.tokens) and (_is_cap(self.tokens[i]) or self.words[i] in {",", "và"}):
            i += 1
        return i

    def step(self, i: int) -> int:
        """Tag what starts at token i; return the next token to look at."""
        found = misc.find(self.words, self.joined, self.tokens, i) if self.misc[i] else None
        if found:
            start, end, kind = found
            self.add(start, end, kind, i)
            return end
        title = self.match(_TITLES, i, caseless=True)
        if title and i + title < len(self.tokens) and self.joined[i + title]:
            return self.person_after_title(i, i + title)
        if self.match(_ORG_NAMES, i) or self.match(_ORG_HEADS, i):
            end = self.organisation(i)
            if end > i:
                self.add(i, end, "ORG")
                return end
        trigger = self.match(_ORG_TRIGGERS, i, caseless=True)
        if trigger:
            end = self.organisation_after_trigger(i, trigger)
            if end > i:
                return end
        words = self.match(_PLACE_WORDS, i, caseless=True)
        end = self.place(i, words) if words else 0
        if end:
            administrative = self.phrase(i, i + words).lower() in ADMINISTRATIVE_WORDS and not self.words[i + words].isdigit()
            self.add(i, end, "LOC", name_start=i + words if administrative else None)
            return self.coordinated_places(end)
        trigger = self.match(_PLACE_TRIGGERS, i, caseless=True)
        if trigger and self.cap_at(i + trigger) and not self.match(_ORG_NAMES, i + trigger):
            size = self.match(_PLACES, i + trigger)
            end = i + trigger + size if size else self.name_run(i + trigger)
            self.add(i + trigger, end, "LOC", i)
            return end
        if self.words[i] == "tiếng" and self.cap_at(i + 1):
            return self.languages(i + 1)
        if self.words[i] == "(":
            return max(self.bracketed_acronym(i), i + 1)
        if _is_cap(self.tokens[i]) and self.words[i][0].isalpha():
            return self.bare_run(i)
        return i + 1

    def run(self, i: int = 0) -> list[Mention]:
        """Tag from token i on; return every mention."""
        starts = self.starts
        while i < len(starts):
            if starts[i]:
                self.step_start = (i, len(self.mentions))
                i = self.step(i)
            else:
                i += 1
        return self.mentions


def tag(text: str, known: Mapping[str, str] | None = None) -> list[Mention]:
    """People, organisations, places and other names in `text`, in order.

    `known` maps names already typed elsewhere in the story (e.g. "Yoon" -> "PER") so that a
    short mention with no title is still recognised."""
    return Tagger(text, known).run()
