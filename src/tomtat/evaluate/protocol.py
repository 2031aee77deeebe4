"""The evaluation protocol over a dataset: per-cluster ROUGE, then the mean over clusters."""
from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field

from tomtat.evaluate.rouge import ROUGE_TYPES, Score, make_scorer, rouge
from tomtat.model import Cluster
from tomtat.nlp.tokens import syllables


def reference_budget(references: list[str]) -> int:
    """`--budget ref`: the mean reference length in syllables, rounded."""
    return max(1, round(statistics.fmean(len(syllables(r)) for r in references)))


@dataclass
class Evaluation:
    """Mean scores over clusters and the scores of each cluster."""

    mean: dict[str, Score]
    per_cluster: dict[str, dict[str, Score]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)  # clusters without a prediction (scored 0)


def evaluate(clusters: Iterable[Cluster], predictions: dict[str, str], truncate_to_reference: bool = True) -> Evaluation:
    """Score `predictions` (cluster id to summary) against the clusters' references.

    Each summary is truncated to its cluster's reference budget (the protocol); clusters
    without a prediction score 0 and are listed in `missing`.
    """
    scorer = make_scorer()
    per_cluster: dict[str, dict[str, Score]] = {}
    missing = []
    for cluster in clusters:
        if not cluster.references:
            continue
        if cluster.id not in predictions:
            missing.append(cluster.id)
        budget = reference_budget(cluster.references) if truncate_to_reference else None
        per_cluster[cluster.id] = rouge(predictions.get(cluster.id, ""), cluster.references, budget, scorer)
    if not per_cluster:
        raise ValueError("no cluster with reference summaries to evaluate against")
    mean = {
        name: Score(
            statistics.fmean(s[name].precision for s in per_cluster.values()),
            statistics.fmean(s[name].recall for s in per_cluster.values()),
            statistics.fmean(s[name].f1 for s in per_cluster.values()),
        )
        for name in ROUGE_TYPES
    }
    return Evaluation(mean, per_cluster, missing)
