"""What the supervised sentence scorer knows about each sentence of a story.

Every feature is relative to its story (a share, a rank or a similarity), so that its scale
does not depend on the dataset: stories of 2 articles and of 10, articles of 5 sentences and
of 50. Raw counts of articles carried one dataset's taste to others and are left out.
"""
from __future__ import annotations

import datetime as dt
import re

import numpy as np

from tomtat.summarizers.coherence import points_back
from tomtat.summarizers.features import LEAD_SENTENCES, Candidates, best_per_article, row_max

FEATURES = (
    "position", "relative_position", "is_first", "in_lead", "article_order", "earliest_lead",
    "syllables", "length_ratio", "centroid_similarity", "centroid_rank", "title_similarity",
    "own_title_similarity", "title_rank", "support", "best_other_similarity", "lead_support",
    "novelty", "degree", "numbers", "has_quote", "capitalised_share", "points_back",
)
# How the chance of being in a summary may move with each feature (1 up, -1 down, 0 free):
# LightGBM's monotone constraints, so that what holds in all news (earlier, closer to the
# headlines and to what other articles say is better) holds in every dataset the model meets.
MONOTONE = {
    "position": -1, "relative_position": -1, "is_first": 1, "in_lead": 1, "earliest_lead": 1,
    "centroid_similarity": 1, "centroid_rank": 1, "title_similarity": 1, "own_title_similarity": 1,
    "title_rank": 1, "support": 1, "lead_support": 1, "degree": 1, "points_back": -1,
}
SUPPORT_SIMILARITY = 0.3  # a sentence "says the same" as one of another article at this cosine
_DIGIT = re.compile(r"\d")


def percentile(values: np.ndarray) -> np.ndarray:
    """Rank of each value among the story's, from 0 (lowest) to 1 (highest); ties share a rank."""
    if len(values) < 2:
        return np.ones(len(values))
    ranks = np.searchsorted(np.sort(values), values, side="left")
    return ranks / (len(values) - 1)


def article_order(candidates: Candidates) -> np.ndarray:
    """Each document's place in publication order, 0 (earliest) to 1 (latest); undated
    documents come after dated ones, in input order."""
    count = len(candidates.documents)
    keys = [(d.article.date or dt.date.max, i) for i, d in enumerate(candidates.documents)]
    order = np.empty(count)
    order[[i for _, i in sorted(keys)]] = np.arange(count)
    return order / max(1, count - 1)


def _row_max(rows: np.ndarray, values: np.ndarray, count: int) -> np.ndarray:
    """Per row (`rows` ascending), the largest of its `values`; 0 for a row without any."""
    out = np.zeros(count)
    if len(values):
        starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
        out[rows[starts]] = np.maximum.reduceat(values, starts)
    return out


def _graph_features(candidates: Candidates, article_of: np.ndarray, is_lead: np.ndarray, order: np.ndarray) -> dict[str, np.ndarray]:
    """Per sentence, from its similarity to every other sentence of the story: the share of other
    articles holding a sentence at least `SUPPORT_SIMILARITY` similar (support), its best
    similarity to a sentence of another article, and to another article's lead, one minus its
    best similarity to an earlier article (novelty), its share of neighbours at 0.1 or more.
    Sparse throughout: a 1,000-article story never holds a sentence-by-article table."""
    count, documents = len(article_of), len(candidates.documents)
    similarity = (candidates.pair_vectors @ candidates.pair_vectors.T).tocsr()
    similarity.sort_indices()  # within a row, columns (so their articles) ascend
    rows = np.repeat(np.arange(count), np.diff(similarity.indptr))
    columns, values = similarity.indices, similarity.data
    off_diagonal = rows != columns
    degree = np.bincount(rows[off_diagonal & (values >= 0.1)], minlength=count) / count
    other = article_of[columns] != article_of[rows]
    rows, columns, values = rows[other], columns[other], values[other]
    pair_rows, best_per_pair = best_per_article(rows, columns, values, article_of, documents)
    support = np.bincount(pair_rows[best_per_pair >= SUPPORT_SIMILARITY], minlength=count).astype(float)
    earlier = order[article_of[columns]] < order[article_of[rows]]
    return {
        "support": support / max(1, documents - 1),
        "best_other_similarity": _row_max(rows, values, count),
        "lead_support": _row_max(rows, np.where(is_lead[columns], values, 0.0), count),
        "novelty": 1.0 - _row_max(rows, np.where(earlier, values, 0.0), count),
        "degree": degree,
    }


def sentence_features(candidates: Candidates) -> np.ndarray:
    """One row of `FEATURES` per candidate sentence."""
    sentences = candidates.sentences
    count = len(sentences)
    article_of = candidates.article_of
    article_sizes = np.bincount(article_of, minlength=len(candidates.documents)).astype(float)
    position = np.array([s.position for s in sentences], dtype=float)
    lengths = np.array([len(s.syllables) for s in sentences], dtype=float)
    order = article_order(candidates)
    is_lead = position < LEAD_SENTENCES
    to_titles = (candidates.vectors @ candidates.title_vectors.T).tocsr()
    title_similarity = row_max(to_titles)
    centroid_similarity = candidates.vectors @ candidates.article_centroid()
    graph = _graph_features(candidates, article_of, is_lead, order)
    words = [s.text.split() for s in sentences]
    columns = {
        "position": position,
        "relative_position": position / article_sizes[article_of],
        "is_first": position == 0,
        "in_lead": is_lead,
        "article_order": order[article_of],
        "earliest_lead": (position == 0) & (order[article_of] == 0),
        "syllables": lengths,
        "length_ratio": lengths / max(1.0, float(np.median(lengths))),
        "centroid_similarity": centroid_similarity,
        "centroid_rank": percentile(centroid_similarity),
        "title_similarity": title_similarity,
        "own_title_similarity": np.asarray(to_titles[np.arange(count), article_of]).ravel(),
        "title_rank": percentile(title_similarity),
        **graph,
        "numbers": [len(_DIGIT.findall(s.text)) for s in sentences],
        "has_quote": [("“" in s.text) or ('"' in s.text) for s in sentences],
        "capitalised_share": [sum(w[:1].isupper() for w in ws[1:]) / max(1, len(ws)) for ws in words],
        "points_back": [points_back(s.text) for s in sentences],
    }
    return np.column_stack([np.asarray(columns[name], dtype=float) for name in FEATURES])
