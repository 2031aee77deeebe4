"""Choose sentences under the budget without repeating facts, then put them in reading order."""
from __future__ import annotations

import datetime as dt

import numpy as np

from tomtat.model import Sentence
from tomtat.nlp import count_words
from tomtat.summarizers.budget import Budget
from tomtat.summarizers.features import Candidates

_MMR_LAMBDA = 0.7  # weight of relevance against novelty in maximal marginal relevance


def normalized(scores: np.ndarray) -> np.ndarray:
    """Scores rescaled to [0, 1] (all ones when they are all equal)."""
    spread = scores.max() - scores.min() if len(scores) else 0.0
    return (scores - scores.min()) / spread if spread > 0 else np.ones_like(scores)


def select(
    candidates: Candidates,
    scores: np.ndarray,
    budget: Budget,
    redundancy: float,
    coverage_limit: float,
    fill: bool,
    eligible: np.ndarray,
    known: np.ndarray | None = None,
) -> list[int]:
    """Indices of sentences chosen by MMR until the budget is spent.

    A sentence at least `redundancy`-similar (TF-IDF cosine) to a chosen one is never taken,
    nor one whose syllables, weighted by IDF, are at least `coverage_limit` already in the
    summary (a paraphrase of what it says). Sentences marked `known` (what the reader already
    knows, for an update summary) count as chosen for the cosine test. Sentences that do not
    fit are passed over for shorter ones, unless `fill`, where the first one that does not fit
    is taken last (the caller cuts the text at the budget).
    """
    limit = int(budget.amount)
    if not len(scores):
        return []
    relevance = normalized(scores)
    available = eligible.copy()
    max_similarity = np.zeros(len(scores))
    if known is not None and known.any():
        max_similarity = (candidates.vectors @ candidates.vectors[known].T).max(axis=1).toarray().ravel()
        available &= max_similarity < redundancy
    covered = np.zeros(candidates.syllable_weights.shape[1])
    totals = np.asarray(candidates.syllable_weights.sum(axis=1)).ravel()
    totals[totals == 0] = 1.0
    # Known up front except for words, which need the (slow) segmenter: counted when met.
    costs = None if budget.unit == "words" else np.array([_cost(x, budget.unit) for x in candidates.sentences])
    chosen: list[int] = []
    used = 0
    while available.any() and used < limit:
        if costs is not None and not fill:
            available &= costs <= limit - used  # what no longer fits is never looked at again
            if not available.any():
                break
        gain = np.where(available, _MMR_LAMBDA * relevance - (1 - _MMR_LAMBDA) * max_similarity, -np.inf)
        best = int(np.argmax(gain))
        available[best] = False
        cost = int(costs[best]) if costs is not None else _cost(candidates.sentences[best], budget.unit)
        if used + cost > limit and not fill:
            continue
        chosen.append(best)
        used += cost
        similarity = (candidates.vectors @ candidates.vectors[best].T).toarray().ravel()
        max_similarity = np.maximum(max_similarity, similarity)
        covered[candidates.syllable_weights[best].indices] = 1.0
        coverage = (candidates.syllable_weights @ covered) / totals
        available &= (max_similarity < redundancy) & (coverage < coverage_limit)
    return chosen


def _cost(sentence: Sentence, unit: str) -> int:
    if unit == "sentences":
        return 1
    if unit == "words":
        return count_words(sentence.text)
    return len(sentence.syllables)


def reading_order(candidates: Candidates, chosen: list[int]) -> list[int]:
    """Chosen sentences by article date (undated articles after, in input order), then position."""
    def key(index: int) -> tuple[dt.date, int, int]:
        sentence = candidates.sentences[index]
        date = candidates.documents[sentence.article].article.date
        return (date or dt.date.max, sentence.article, sentence.position)

    return sorted(chosen, key=key)
