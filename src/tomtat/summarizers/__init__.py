"""Extractive summarizers: a registry of sentence scorers, budgets, and shared selection."""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

from tomtat.summarizers.budget import Budget
from tomtat.summarizers.features import Candidates
from tomtat.summarizers.methods import centroid_scores, lead_scores, lexrank_scores, textrank_scores
from tomtat.summarizers.selection import normalized, reading_order, select
from tomtat.summarizers.supervised import supervised_scores

Scorer = Callable[[Candidates], np.ndarray]

METHODS: dict[str, Scorer] = {
    "centroid": centroid_scores,
    "lead": lead_scores,
    "lexrank": lexrank_scores,
    "supervised": supervised_scores,
    "textrank": textrank_scores,
}


def get_method(name: str) -> Scorer:
    """The scorer registered as `name`; ValueError listing the known names otherwise."""
    try:
        return METHODS[name]
    except KeyError:
        raise ValueError(f"unknown method {name!r}; choose one of: {', '.join(sorted(METHODS))}") from None


__all__ = ["Budget", "Candidates", "METHODS", "Scorer", "get_method", "normalized", "reading_order", "select"]
