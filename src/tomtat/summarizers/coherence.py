"""Sentences that do not stand alone: they open by pointing back at something said before.

"Như đã đưa tin, ..." and "Ngoài ra, ..." refer to an earlier report or sentence (the opener is
trimmed, `tomtat.nlp.trim`); "Ông A cũng cho biết ..." needs the sentence before it, which said
what else was done: in a summary without that sentence it is a dangling reference.
"""
from __future__ import annotations

import re

import numpy as np

from tomtat.nlp.trim import opens_with_back_reference
from tomtat.summarizers.features import LEAD_SENTENCES, Candidates, best_per_article

# A subject of a few words then "cũng" ("also"), before any comma: "Các quan chức ... cũng đã đồng ý".
_ALSO = re.compile(r"^[^,.;:!?]{0,80}?\bcũng\b", re.IGNORECASE)
_MOST_LEADS = 256  # lead sentences that compete at most, so time and memory stay bounded in big stories
_ATTRIBUTION = re.compile(r"^cũng (?:theo|tại|trong)\b", re.IGNORECASE)


def says_also(text: str) -> bool:
    """Whether `text`'s subject is followed by "cũng": it adds to something said before it.
    An opening "Cũng theo ông A" (an attribution) is not counted."""
    return bool(_ALSO.match(text)) and not _ATTRIBUTION.match(text)


def points_back(text: str) -> bool:
    """Whether `text` needs an earlier sentence to be understood."""
    return opens_with_back_reference(text) or says_also(text)


def antecedents(candidates: Candidates) -> np.ndarray:
    """Per sentence that says "cũng", the index of the sentence before it in its article (what
    it adds to); -1 for every other sentence."""
    sentences = candidates.sentences
    previous = np.full(len(sentences), -1)
    for index, sentence in enumerate(sentences):
        if index and sentence.position and sentences[index - 1].article_index == sentence.article_index and says_also(sentence.text):
            previous[index] = index - 1
    return previous


def lead_fact(candidates: Candidates, eligible: np.ndarray) -> int | None:
    """The story's headline fact: of the eligible sentences in the articles' leads (first
    `LEAD_SENTENCES`) that stand alone, the one best supported by the other articles and the
    headlines (its best similarity to each other article, averaged, plus its best similarity to
    a headline). In a story with more than `_MOST_LEADS` such sentences, only the `_MOST_LEADS` closest to
    the story centroid compete. None when no lead sentence is eligible."""
    position = np.array([s.position for s in candidates.sentences])
    lead = eligible & (position < LEAD_SENTENCES) & ~np.array([points_back(s.text) for s in candidates.sentences], dtype=bool)
    if not lead.any():
        return None
    indices = np.flatnonzero(lead)
    if len(indices) > _MOST_LEADS:  # a story of many articles: the lead sentences closest to its centroid
        closeness = candidates.vectors[indices] @ candidates.article_centroid()
        indices = np.sort(indices[np.argsort(-closeness, kind="stable")[:_MOST_LEADS]])
    article_of = candidates.article_of
    documents = len(candidates.documents)
    similarity = (candidates.vectors[indices] @ candidates.vectors.T).tocsr()
    similarity.sort_indices()  # within a row, columns (so their articles) ascend
    rows = np.repeat(np.arange(len(indices)), np.diff(similarity.indptr))
    columns, values = similarity.indices, similarity.data
    other = article_of[columns] != article_of[indices][rows]
    rows, columns, values = rows[other], columns[other], values[other]
    pair_rows, best = best_per_article(rows, columns, values, article_of, documents)
    support = np.bincount(pair_rows, weights=best, minlength=len(indices)) / max(1, documents - 1)
    to_headlines = (candidates.vectors[indices] @ candidates.title_vectors.T).toarray().max(axis=1)
    return int(indices[np.argmax(support + to_headlines)])
