"""Tokens of a sentence and phrase tables matched against them."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import accumulate, repeat
from operator import contains, or_
from typing import NamedTuple

_TOKEN = re.compile(r"\w+(?:[-‐][a-zà-ỹđ][^\W\d_]*)*|[^\w\s]", re.UNICODE)
# Function words that end a name written in lower case ("Đoàn nghệ thuật dân tộc Lào Cai đã ...").
STOP_WORDS = frozenset("""
của do với và được đã là trong tại năm khi thì cho từ vào có không bị sẽ đang này đó nhằm về theo như mà
để lên ra trên dưới sau trước cùng các những một hai ba gồm nhưng vì nên hay hoặc bởi cũng vẫn rất đều
""".split())
_OPENERS = frozenset('.!?:;“"‘\'…–—•')
_TOKEN_PARTS = re.compile(f"({_TOKEN.pattern})", re.UNICODE)


class Token(NamedTuple):
    """A word or punctuation mark with its character offsets."""

    text: str
    start: int
    end: int
    initial: bool  # first word of a sentence (or of a quotation)


def token_parts(text: str) -> list[str]:
    """The whitespace before each token, then the token, in turn; the last part is what follows
    the last token. Every character outside whitespace is in a token."""
    return _TOKEN_PARTS.split(text)


def tokenize(text: str, parts: list[str] | None = None) -> list[Token]:
    """Words (hyphenated lower-case tails such as "Suk-yeol" kept whole) and punctuation marks;
    `parts`: `token_parts(text)` when known. A token is initial after a sentence or quotation
    opener or a line break, and at the start."""
    parts = token_parts(text) if parts is None else parts
    words, gaps = parts[1::2], parts[0::2]
    if not words:
        return []
    bounds = list(accumulate(map(len, parts)))  # token k spans bounds[2k] .. bounds[2k + 1]
    initial = [True, *map(or_, map(_OPENERS.__contains__, words), map(contains, gaps[1:len(words)], repeat("\n")))]
    return list(map(tuple.__new__, repeat(Token), zip(words, bounds[0::2], bounds[1::2], initial)))


def split(phrase: str) -> tuple[str, ...]:
    return tuple(match.group() for match in _TOKEN.finditer(phrase))


class Phrases:
    """Phrases as token tuples, indexed by their first word (exact and lower-cased), longest first."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.exact: dict[str, list[tuple[str, ...]]] = {}
        self.lower: dict[str, list[tuple[str, ...]]] = {}
        for words in {split(phrase) for phrase in phrases}:
            self.exact.setdefault(words[0], []).append(words)
            lowered = tuple(w.lower() for w in words)
            self.lower.setdefault(lowered[0], []).append(lowered)
        for table in (self.exact, self.lower):
            for candidates in table.values():
                candidates.sort(key=len, reverse=True)

    def match(self, words: list[str], joined: list[bool], i: int, caseless: bool, initial: bool) -> int:
        """Length of the longest phrase at word i (0 if none); `joined[k]`: word k follows k-1 on the same line.

        Caseless phrases match capitalised mid-sentence only when longer than one word ("Tổng thống",
        but "Bà" in "Bà Rịa" is no title)."""
        best = 0
        word = words[i]
        for phrase in self.exact.get(word, ()):
            if self._fits(phrase, words, joined, i, False):
                best = len(phrase)
                break
        if caseless:
            for phrase in self.lower.get(word.lower(), ()):
                size = len(phrase)
                if size <= best or (size == 1 and not initial and word != phrase[0]):
                    continue
                if self._fits(phrase, words, joined, i, True):
                    best = size
                    break
        return best

    @staticmethod
    def _fits(phrase: tuple[str, ...], words: list[str], joined: list[bool], i: int, lowered: bool) -> bool:
        """The phrase, whose first word is word i, goes on word for word on the same line."""
        end = i + len(phrase)
        if end == i + 1:
            return True
        if end > len(words) or not all(joined[i + 1:end]):
            return False
        following = words[i + 1:end]
        return tuple(w.lower() for w in following) == phrase[1:] if lowered else tuple(following) == phrase[1:]


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-case entries of underthesea's 74K-word dictionary: common words, not names."""
    from underthesea.corpus import viet_dict_74K

    return frozenset(word for word in viet_dict_74K.words if word == word.lower())


@lru_cache(maxsize=1)
def vietnamese_syllables() -> frozenset[str]:
    """Every syllable of the dictionary, lower-cased: a capitalised word outside it is foreign."""
    from underthesea.corpus import viet_dict_74K

    return frozenset(syllable for word in viet_dict_74K.words for syllable in word.lower().split())


def is_common(words: list[str]) -> bool:
    """The words, lower-cased, are one dictionary entry ("thứ hai", "giao thông")."""
    return " ".join(words).lower() in common_words()


def is_foreign(word: str) -> bool:
    """A word of letters that is no Vietnamese syllable ("Yellen", "Vietnam")."""
    return word.isalpha() and word.lower() not in vietnamese_syllables()
