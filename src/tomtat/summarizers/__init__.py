"""Extractive summarizers: a registry of methods and the budget type.

Scoring, selection and the models live in the submodules (`features`, `methods`,
`supervised`, `selection`); the registry imports them on first use, so that listing the
methods (as `tomtat --help` does) loads no numerical library.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tomtat.summarizers.budget import Budget

if TYPE_CHECKING:
    import numpy as np

    from tomtat.summarizers.features import Candidates

Scorer = Callable[["Candidates"], "np.ndarray"]


def deferred(module: str, name: str) -> Scorer:
    """The function `name` of `module`, imported when first called."""

    def call(candidates: Candidates, **keywords: Any) -> np.ndarray:
        return getattr(importlib.import_module(module), name)(candidates, **keywords)

    call.__name__ = call.__qualname__ = name
    return call


@dataclass(frozen=True)
class Method:
    """A summarization method: a score per sentence and, optionally, a weight per concept
    (bigram column of `Candidates.concepts`), which switches selection to concept coverage."""

    score: Scorer
    weigh_concepts: Scorer | None = None


_SCORERS = "tomtat.summarizers.methods"
_SUPERVISED = "tomtat.summarizers.supervised"
METHODS: dict[str, Method] = {
    "centroid": Method(deferred(_SCORERS, "centroid_scores")),
    "lead": Method(deferred(_SCORERS, "lead_scores")),
    "lexrank": Method(deferred(_SCORERS, "lexrank_scores")),
    "supervised": Method(deferred(_SUPERVISED, "supervised_scores"), deferred(_SUPERVISED, "supervised_concept_weights")),
    "textrank": Method(deferred(_SCORERS, "textrank_scores")),
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
    method = METHODS[name]
    weigh = method.weigh_concepts
    return Method(partial(method.score, model_path=model), partial(weigh, model_path=model) if weigh else None)


__all__ = ["Budget", "DEFAULT_METHOD", "METHODS", "Method", "Scorer", "deferred", "get_method"]
