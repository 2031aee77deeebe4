"""Candidate hygiene: page furniture that reads like a sentence but is never summary text.

Each rule names one kind: the headline repeated as a body line, a subheading, a related-link
item, a photo caption or credit. They decide what may be selected, for every method; which
rules apply is `SelectionOptions.skip` (benchmarks switch them one by one).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from tomtat.model import Sentence

if TYPE_CHECKING:  # hygiene is imported by the options, which load no numerical library
    import numpy as np

    from tomtat.summarizers.features import Candidates

SUBHEADING_SYLLABLES = 15  # a line this short without final punctuation is a heading, not a sentence
HEADLINE_OVERLAP = 0.8  # Jaccard overlap of syllables with a headline for a line to repeat it
_FINAL_PUNCTUATION = re.compile(r"[.!?…;\"”»)]$")
_LIST_MARKER = re.compile(r"^\s*(?:[-–—•+*►▶>]+|\d{1,2}[.)])\s")
_CREDIT = re.compile(
    r"^\(?\s*(?:ảnh|nguồn|nguồn ảnh|video|clip|đồ họa|infographic|tác giả|thực hiện|trình bày|biên tập)"
    r"(?:\s+minh họa)?\s*(?::|$)",
    re.IGNORECASE,
)
_INLINE_CREDIT = re.compile(r"\((?:ảnh|nguồn)\s*:[^()]*\)|\bảnh\s*:\s*[\w .&/-]{1,40}$|\bảnh minh họa\W*$", re.IGNORECASE)


def _prefix_size(size: int) -> int:
    """How many of a set's rarest syllables two sets at `HEADLINE_OVERLAP` Jaccard must share one of."""
    return size - math.ceil(HEADLINE_OVERLAP * size - 1e-9) + 1


class Headlines:
    """The story's headlines as syllable sets, indexed by their rarest syllables (prefix
    filtering), so a line is compared only with the headlines it could repeat: linear in the
    story, however many articles it has."""

    def __init__(self, headlines: list[set[str]]) -> None:
        frequency = Counter(s for h in headlines for s in h)
        # rarest first, ties by the syllable: its place in that order
        self.rank = {s: place for place, s in enumerate(sorted(frequency, key=lambda s: (frequency[s], s)))}
        self.headlines = [h for h in headlines if h]
        self.longest = max(map(len, self.headlines), default=0)
        self.index: dict[str, list[int]] = {}
        for number, headline in enumerate(self.headlines):
            for syllable in self._prefix(headline):
                self.index.setdefault(syllable, []).append(number)

    def _prefix(self, words: set[str]) -> list[str]:
        """The `_prefix_size` rarest of `words`, a syllable no headline has counting as rarest of
        all (only the headline syllables among them are returned: the others index nothing)."""
        size = _prefix_size(len(words))
        known = [s for s in words if s in self.rank]
        size -= len(words) - len(known)
        if size <= 0:  # the prefix holds no headline syllable
            return []
        return sorted(known, key=self.rank.__getitem__)[:size]

    def repeated_by(self, words: set[str]) -> bool:
        """Whether `words` overlap one headline by `HEADLINE_OVERLAP` (Jaccard) or more."""
        size = len(words)
        if HEADLINE_OVERLAP * size > self.longest:  # Jaccard <= |headline| / |words|
            return False
        for number in {n for s in self._prefix(words) for n in self.index.get(s, ())}:
            headline = self.headlines[number]
            if HEADLINE_OVERLAP * max(size, len(headline)) > min(size, len(headline)):  # Jaccard <= min / max
                continue
            shared = len(words & headline)
            if shared / (size + len(headline) - shared) >= HEADLINE_OVERLAP:
                return True
        return False


def repeats_headline(sentence: Sentence, headlines: Headlines) -> bool:
    """The line is a headline of the story again (pages repeat it as the first body line)."""
    words = {s.lower() for s in sentence.syllables}
    return bool(words) and headlines.repeated_by(words)


def is_subheading(sentence: Sentence) -> bool:
    """Short and without final punctuation: "Đồng USD duy trì đà tăng"."""
    return len(sentence.syllables) <= SUBHEADING_SYLLABLES and not _FINAL_PUNCTUATION.search(sentence.text)


def is_related_link(sentence: Sentence) -> bool:
    """A list item without final punctuation: the "- Tiêu đề bài khác" links under an article."""
    return bool(_LIST_MARKER.match(sentence.text)) and not _FINAL_PUNCTUATION.search(sentence.text.rstrip())


def is_credit(sentence: Sentence) -> bool:
    """"Ảnh: Minh Anh", "Nguồn: Reuters", "Đồ họa: ...", "Ảnh minh họa"."""
    return bool(_CREDIT.match(sentence.text))


def is_caption(sentence: Sentence, following: Sentence | None) -> bool:
    """A photo caption: it holds a photo credit, or the line goes on with one."""
    if _INLINE_CREDIT.search(sentence.text):
        return True
    return following is not None and following.position == sentence.position + 1 and is_credit(following)


_RULES: dict[str, Callable[[Sentence, Sentence | None, Headlines], bool]] = {
    "repeated_headline": lambda sentence, following, headlines: repeats_headline(sentence, headlines),
    "subheading": lambda sentence, following, headlines: is_subheading(sentence),
    "related_link": lambda sentence, following, headlines: is_related_link(sentence),
    "caption_or_credit": lambda sentence, following, headlines: is_credit(sentence) or is_caption(sentence, following),
}
RULES = tuple(_RULES)


def check_rules(rules: tuple[str, ...]) -> None:
    """ValueError naming the rules of `rules` that are not in `RULES`, and the known ones."""
    unknown = set(rules) - set(RULES)
    if unknown:
        raise ValueError(f"unknown hygiene rules {sorted(unknown)}; known: {', '.join(RULES)}")


def page_furniture(candidates: Candidates, rules: tuple[str, ...] = RULES) -> np.ndarray:
    """Per candidate sentence, whether one of `rules` (names of `RULES`) marks it as page
    furniture rather than article text; ValueError for an unknown rule."""
    import numpy as np

    check_rules(rules)
    headlines = Headlines([{s.lower() for s in d.title_syllables} for d in candidates.documents])
    sentences = candidates.sentences
    marked = np.zeros(len(sentences), dtype=bool)
    for index, sentence in enumerate(sentences):
        following = sentences[index + 1] if index + 1 < len(sentences) else None
        if following is not None and following.article_index != sentence.article_index:
            following = None
        marked[index] = any(_RULES[name](sentence, following, headlines) for name in rules)
    return marked
