"""Candidate stories for an article: an inverted index over the heaviest centroid terms.

Each term keeps at most `posting_limit` stories (the most recently updated), so a lookup reads
at most `query_terms * posting_limit` entries whatever the number of stories.
"""
from __future__ import annotations

from collections import defaultdict

import numpy as np


class CandidateIndex:
    """term -> recently updated stories having it among their heaviest centroid terms."""

    def __init__(self, posting_limit: int):
        self.posting_limit = posting_limit
        self._postings: dict[int, dict[str, None]] = {}

    def index(self, story: str, terms: np.ndarray) -> None:
        """(Re)index `story` under `terms`; stale entries of its old terms are left to age out."""
        for term in terms.tolist():
            posting = self._postings.setdefault(term, {})
            posting.pop(story, None)
            posting[story] = None  # most recent last
            if len(posting) > self.posting_limit:
                del posting[next(iter(posting))]

    def lookup(self, terms: np.ndarray, weights: np.ndarray, limit: int) -> list[str]:
        """Up to `limit` stories sharing the most weight of `terms` (may include removed stories)."""
        scores: dict[str, float] = defaultdict(float)
        for term, weight in zip(terms.tolist(), weights.tolist()):
            for story in self._postings.get(term, ()):
                scores[story] += weight
        return sorted(scores, key=scores.__getitem__, reverse=True)[:limit]
