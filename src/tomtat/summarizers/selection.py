"""Choose sentences under the budget without repeating facts, then put them in reading order."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import numpy as np

from tomtat.model import Sentence
from tomtat.nlp import count_words
from tomtat.summarizers.budget import Budget
from tomtat.summarizers.features import Candidates, row_max

if TYPE_CHECKING:
    from tomtat.options import SelectionOptions


def normalized(scores: np.ndarray) -> np.ndarray:
    """Scores rescaled to [0, 1] (all ones when they are all equal)."""
    spread = scores.max() - scores.min() if len(scores) else 0.0
    return (scores - scores.min()) / spread if spread > 0 else np.ones_like(scores)


def select(
    candidates: Candidates,
    scores: np.ndarray,
    budget: Budget,
    settings: SelectionOptions,
    eligible: np.ndarray,
    known: np.ndarray | None = None,
    concept_weights: np.ndarray | None = None,
    first: int | None = None,
    antecedent: np.ndarray | None = None,
) -> list[int]:
    """Indices of sentences chosen greedily until the budget is spent.

    Without `concept_weights` each step takes the sentence of highest maximal marginal
    relevance (MMR). With them (one weight per bigram of `candidates.concepts`, the chance it
    belongs in a summary) each step takes the sentence that adds the most not yet covered
    concept weight per syllable, blended with the sentence's own score per new bigram
    (`settings.concept_blend`), raised by `settings.article_bonus` for an article not yet cited:
    what ROUGE-2 rewards, a greedy solution of the concept-coverage problem of Gillick and Favre (2009).

    A sentence several articles repeat (copies at TF-IDF cosine `settings.copy_similarity` or more,
    among those still available) is taken from the earliest of them in reading order, so the
    fact is credited to the first article that said it. A sentence at least
    `settings.redundancy`-similar (TF-IDF cosine) to a chosen one is never taken, nor one whose
    syllables, weighted by IDF, are at least `settings.coverage` already in the summary (a
    paraphrase of what it says). Sentences marked `known` (what the
    reader already knows, for an update summary) count as chosen for both tests and their
    concepts as covered. Sentences that do not fit are passed over for shorter ones, unless
    `settings.fill`, where the first one that does not fit is taken last (the caller cuts the text).

    `first` (the story's headline fact) is taken before anything else when it fits. A sentence
    whose `antecedent` (index, -1 for none) is not chosen reads as a dangling reference: its
    gain is scaled by 1 - `settings.dangling_penalty`.
    """
    limit = int(budget.amount)
    redundancy, fill, blend = settings.redundancy, settings.fill, settings.concept_blend
    if not len(scores):
        return []
    relevance = normalized(scores)
    available = eligible.copy()
    max_similarity = np.zeros(len(scores))
    covered_concepts = np.zeros(candidates.concepts.shape[1], dtype=bool)
    if known is not None and known.any():
        max_similarity = row_max(candidates.vectors @ candidates.vectors[known].T)
        available &= max_similarity < redundancy
        covered_concepts[candidates.concepts[known].indices] = True
    covered = np.zeros(candidates.syllable_weights.shape[1])
    totals = np.asarray(candidates.syllable_weights.sum(axis=1)).ravel()
    totals[totals == 0] = 1.0
    syllable_counts = np.array([max(1, len(s.syllables)) for s in candidates.sentences], dtype=float)
    per_syllable = 1.0 if budget.unit == "sentences" else syllable_counts
    # Known up front except for words, which need the (slow) segmenter: counted when met.
    costs = None if budget.unit == "words" else np.array([_cost(x, budget.unit) for x in candidates.sentences])
    chosen: list[int] = []
    article_of = candidates.article_of
    cited = np.zeros(len(candidates.documents), dtype=bool)
    is_chosen = np.zeros(len(scores), dtype=bool)
    used = 0
    while available.any() and used < limit:
        if costs is not None and not fill:
            available &= costs <= limit - used  # what no longer fits is never looked at again
            if not available.any():
                break
        if concept_weights is None:
            gain = settings.mmr_lambda * relevance - (1 - settings.mmr_lambda) * max_similarity
        else:
            uncovered = (~covered_concepts).astype(float)
            new_weight = candidates.concepts @ (concept_weights * uncovered)
            new_count = candidates.concepts @ uncovered
            gain = (blend * new_weight + (1 - blend) * scores * new_count) / per_syllable
            gain = gain * (1 + settings.article_bonus * ~cited[article_of])  # ~cited: articles not yet in the summary
        if antecedent is not None:
            dangling = antecedent >= 0
            dangling[dangling] = ~is_chosen[antecedent[dangling]]
            gain = np.where(dangling, gain * (1 - settings.dangling_penalty), gain)
        if first is not None and available[first] and not chosen:
            best = first
        else:
            best = int(np.argmax(np.where(available, gain, -np.inf)))
        similarity = (candidates.vectors @ candidates.vectors[best].T).toarray().ravel()
        copies = available & (similarity >= settings.copy_similarity)
        earliest = int(min(np.flatnonzero(copies), key=lambda i: _reading_key(candidates, i), default=best))
        if earliest != best:
            best = earliest
            similarity = (candidates.vectors @ candidates.vectors[best].T).toarray().ravel()
        available[best] = False
        cost = int(costs[best]) if costs is not None else _cost(candidates.sentences[best], budget.unit)
        if used + cost > limit and not fill:
            continue
        chosen.append(best)
        is_chosen[best] = True
        cited[article_of[best]] = True
        used += cost
        available &= ~copies  # the other copies say it again
        max_similarity = np.maximum(max_similarity, similarity)
        covered_concepts[candidates.concepts[best].indices] = True
        covered[candidates.syllable_weights[best].indices] = 1.0
        coverage = (candidates.syllable_weights @ covered) / totals
        available &= (max_similarity < redundancy) & (coverage < settings.coverage)
    return chosen


def _cost(sentence: Sentence, unit: str) -> int:
    if unit == "sentences":
        return 1
    if unit == "words":
        return count_words(sentence.text)
    return len(sentence.syllables)


def _reading_key(candidates: Candidates, index: int) -> tuple[dt.date, int, int]:
    sentence = candidates.sentences[index]
    date = candidates.documents[sentence.article_index].article.date
    return (date or dt.date.max, sentence.article_index, sentence.position)


def opener(candidates: Candidates, chosen: list[int], first: int | None, settings: SelectionOptions) -> int | None:
    """The chosen sentence that says the headline fact `first`: itself or the earlier article's
    copy that was credited in its place (`select` credits the earliest copy); None if neither."""
    if first is None or not chosen:
        return None
    similarity = candidates.vectors[chosen[0]].multiply(candidates.vectors[first]).sum()
    return chosen[0] if similarity >= settings.copy_similarity else None


def reading_order(candidates: Candidates, chosen: list[int], first: int | None = None) -> list[int]:
    """Chosen sentences by article date (undated articles after, in input order), then position;
    `first` (the headline fact), if chosen, opens the summary."""
    ordered = sorted(chosen, key=lambda index: _reading_key(candidates, index))
    return [first, *(i for i in ordered if i != first)] if first in chosen else ordered
