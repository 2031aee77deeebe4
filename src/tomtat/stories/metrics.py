"""B-cubed precision, recall and F1 of a clustering against gold labels."""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class BCubed:
    precision: float
    recall: float
    f1: float


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> BCubed:
    """Per-item precision and recall averaged over the items of `gold` (all must be predicted).

    Raises ValueError when an item of `gold` has no predicted cluster.
    """
    missing = set(gold) - set(predicted)
    if missing:
        raise ValueError(f"{len(missing)} gold items have no predicted cluster, e.g. {sorted(missing)[0]!r}")
    if not gold:
        raise ValueError("no gold items to score")
    pairs = Counter((predicted[item], gold[item]) for item in gold)
    sizes_p = Counter(predicted[item] for item in gold)
    sizes_g = Counter(gold.values())
    precision = sum(n * n / sizes_p[p] for (p, _), n in pairs.items()) / len(gold)
    recall = sum(n * n / sizes_g[g] for (_, g), n in pairs.items()) / len(gold)
    return BCubed(precision, recall, 2 * precision * recall / (precision + recall))
