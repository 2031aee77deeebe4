"""Sentence scorers. Each maps a story's `Candidates` to one score per sentence (higher is better)."""
from __future__ import annotations

import numpy as np
from scipy import sparse

from tomtat.summarizers.features import Candidates, row_max


def lead_scores(candidates: Candidates) -> np.ndarray:
    """Lead baseline: the first sentence of each article in turn, then the second, and so on."""
    count = len(candidates.documents)
    return np.array([-(s.position * count + s.article_index) for s in candidates.sentences], dtype=float)


def centroid_scores(candidates: Candidates) -> np.ndarray:
    """Similarity to the story centroid and to the headlines, weighted towards the lead.

    News puts the most important facts first, so a sentence's centroid similarity is scaled
    by a prior that decays with its position in the article.
    """
    centroid = candidates.article_centroid()
    to_centroid = candidates.vectors @ centroid
    title_similarity = row_max(candidates.vectors @ candidates.title_vectors.T)
    positions = np.array([s.position for s in candidates.sentences], dtype=float)
    position_prior = 1.0 + 1.0 / (1.0 + positions)
    return (to_centroid + 0.5 * title_similarity) * position_prior


def _pagerank(graph: sparse.csr_matrix, damping: float = 0.85, tolerance: float = 1e-6, max_iterations: int = 100) -> np.ndarray:
    """Stationary distribution of a random walk on `graph` (rows are out-edges) with teleports."""
    count = graph.shape[0]
    out_weight = np.asarray(graph.sum(axis=1)).ravel()
    out_weight[out_weight == 0] = 1.0
    transition = sparse.diags(1.0 / out_weight) @ graph
    rank = np.full(count, 1.0 / count)
    for _ in range(max_iterations):
        updated = (1 - damping) / count + damping * (transition.T @ rank)
        if np.abs(updated - rank).sum() < tolerance:
            return updated
        rank = updated
    return rank


def _similarity_graph(candidates: Candidates, threshold: float) -> sparse.csr_matrix:
    similarity = (candidates.vectors @ candidates.vectors.T).tocsr()
    similarity.setdiag(0)
    similarity.data[similarity.data < threshold] = 0
    similarity.eliminate_zeros()
    return similarity


def lexrank_scores(candidates: Candidates) -> np.ndarray:
    """LexRank (Erkan and Radev 2004): PageRank on the graph of sentences with cosine >= 0.1."""
    graph = _similarity_graph(candidates, 0.1)
    graph.data[:] = 1.0
    return _pagerank(graph)


def textrank_scores(candidates: Candidates) -> np.ndarray:
    """TextRank (Mihalcea and Tarau 2004): PageRank on the cosine-weighted sentence graph."""
    return _pagerank(_similarity_graph(candidates, 1e-9))
