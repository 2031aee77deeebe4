"""Tokens: syllables (the evaluation unit) and words (underthesea's segmentation)."""
from __future__ import annotations

import importlib.util
import re
import unicodedata
from functools import cache
from pathlib import Path

_SYLLABLE = re.compile(r"\w+")


def syllables(text: str) -> list[str]:
    """Lowercased NFC syllables, `re.findall(r"\\w+")`: the unit of budgets and ROUGE."""
    return _SYLLABLE.findall(unicodedata.normalize("NFC", text).lower())


def count_words(text: str) -> int:
    """Number of words after underthesea's word segmentation ("Hồ Chí Minh" is one word)."""
    from underthesea import word_tokenize  # slow import; only word budgets need it

    return sum(1 for word in word_tokenize(text) if _SYLLABLE.search(word))


def cut_after_syllables(text: str, limit: int) -> str:
    """NFC `text` cut right after its `limit`-th syllable (whole when it has no more)."""
    text = unicodedata.normalize("NFC", text)
    if limit <= 0:
        return ""
    for index, match in enumerate(_SYLLABLE.finditer(text), start=1):
        if index == limit:
            return text[: match.end()]
    return text


@cache
def stopwords() -> frozenset[str]:
    """underthesea's Vietnamese stopword list, read from its package data.

    Read as a file: importing `underthesea` itself costs half a second and sets up logging.
    """
    spec = importlib.util.find_spec("underthesea")
    if spec is None or spec.origin is None:
        raise RuntimeError("underthesea is not installed: pip install underthesea")
    listing = Path(spec.origin).parent / "datasets" / "stopwords" / "stopwords.txt"
    return frozenset(w for w in (line.strip() for line in listing.read_text(encoding="utf-8").splitlines()) if w)
