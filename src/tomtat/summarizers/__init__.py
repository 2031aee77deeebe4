"""Extractive summarizers: a registry of methods, budgets, and shared selection."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np

from tomtat.summarizers.budget import Budget
from tomtat.summarizers.features import Candidates
from tomtat.summarizers.methods import centroid_scores, lead_scores, lexrank_scores, textrank_scores
from tomtat.summarizers.selection import normalized, reading_order, select
from tomtat.summarizers.supervised import supervised_concept_weights, supervised_scores

Scorer = Callable[[Candidates], np.ndarray]


@dataclass(frozen=True)
class Method:
    """A summarization method: a score per sentence and, optionally, a weight per concept
    (bigram column of `Candidates.concepts`), which switches selection to concept coverage."""

    score: Scorer
    weigh_concepts: Scorer | None = None


METHODS: dict[str, Method] = {
    "centroid": Method(centroid_scores),
    "lead": Method(lead_scores),
    "lexrank": Method(lexrank_scores),
    "supervised": Method(supervised_scores, supervised_concept_weights),
    "textrank": Method(textrank_scores),
}
DEFAULT_METHOD = "supervised"


def get_method(name: str, model: Path | None = None) -> Method:
    """The method registered as `name` (the supervised one with the models of file `model`, if
    given); ValueError listing the known names otherwise."""
    if name not in METHODS:
        raise ValueError(f"unknown method {name!r}; choose one of: {', '.join(sorted(METHODS))}")
    if model is None:
        return METHODS[name]
    if name != "supervised":
        raise ValueError(f"a model file is for the supervised method, not {name!r}")
    return Method(partial(supervised_scores, model_path=model), partial(supervised_concept_weights, model_path=model))


__all__ = [
    "Budget", "Candidates", "DEFAULT_METHOD", "METHODS", "Method", "Scorer", "get_method", "normalized",
    "reading_order", "select",
]
