"""Keyphrases of a story: noun phrases that are frequent and spread over many articles."""
from __future__ import annotations

from collections import Counter

from tomtat.model import Document

_NOUNS = frozenset({"N", "Np", "Ny"})
_GENERIC = frozenset({"người", "năm", "ngày", "tháng", "lần", "việc", "điều", "nước", "bên", "phía", "số", "cuộc", "khi"})


def noun_phrases(text: str) -> list[str]:
    """Maximal noun phrases of a sentence: nouns (N, Np, Ny), optionally followed by adjectives.

    Words are lower-cased except proper nouns and abbreviations; one-syllable phrases and generic nouns are left out."""
    from underthesea import pos_tag

    phrases: list[str] = []
    current: list[str] = []
    for word, tag in [*pos_tag(text), ("", "CH")]:
        if tag in _NOUNS or (tag == "A" and current):
            current.append(word if tag in {"Np", "Ny"} else word.lower())
            continue
        words = [w for w in current if w.lower() not in _GENERIC]
        phrase = " ".join(words)
        if len(phrase.split()) >= 2 and not any(ch.isdigit() for ch in phrase):
            phrases.append(phrase)
        current = []
    return phrases


def keyphrases(documents: list[Document], top: int = 10) -> list[str]:
    """The `top` noun phrases of a story, by frequency times the share of articles using them."""
    frequency: Counter[str] = Counter()
    spread: Counter[str] = Counter()
    for document in documents:
        found = [p for text in [document.title, *(s.text for s in document.sentences)] if text for p in noun_phrases(text)]
        frequency.update(found)
        spread.update(set(found))
    total = max(len(documents), 1)
    ranked = sorted(frequency, key=lambda p: (-frequency[p] * spread[p] / total, -spread[p], p))
    return ranked[:top]
