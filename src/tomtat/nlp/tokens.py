"""Tokens: syllables (the evaluation unit) and words (underthesea's segmentation)."""
from __future__ import annotations

import re
import unicodedata

_SYLLABLE = re.compile(r"\w+")


def syllables(text: str) -> list[str]:
    """Lowercased NFC syllables, `re.findall(r"\\w+")`: the unit of budgets and ROUGE."""
    return _SYLLABLE.findall(unicodedata.normalize("NFC", text).lower())


def count_words(text: str) -> int:
    """Number of words after underthesea's word segmentation ("Hồ Chí Minh" is one word)."""
    from underthesea import word_tokenize  # slow import; only word budgets need it

    return sum(1 for word in word_tokenize(text) if _SYLLABLE.search(word))


def cut_after_syllables(text: str, limit: int) -> str:
    """`text` cut right after its `limit`-th syllable (unchanged when it has no more)."""
    if limit <= 0:
        return ""
    for index, match in enumerate(_SYLLABLE.finditer(text), start=1):
        if index == limit:
            return text[: match.end()]
    return text
