"""Sentence scorers. Each maps a story's `Candidates` to one score per sentence (higher is better)."""
from __future__ import annotations

import numpy as np

from tomtat.summarizers.features import Candidates


def lead_scores(candidates: Candidates) -> np.ndarray:
    """Lead baseline: the first sentence of each article in turn, then the second, and so on."""
    count = len(candidates.documents)
    return np.array([-(s.position * count + s.article) for s in candidates.sentences], dtype=float)


def centroid_scores(candidates: Candidates) -> np.ndarray:
    """Similarity to the story centroid and to the headlines, weighted towards the lead.

    News puts the most important facts first, so a sentence's centroid similarity is scaled
    by a prior that decays with its position in the article.
    """
    centroid = candidates.article_centroid()
    to_centroid = candidates.vectors @ centroid
    title_similarity = (candidates.vectors @ candidates.title_vectors.T).max(axis=1).toarray().ravel()
    positions = np.array([s.position for s in candidates.sentences], dtype=float)
    position_prior = 1.0 + 1.0 / (1.0 + positions)
    return (to_centroid + 0.5 * title_similarity) * position_prior
