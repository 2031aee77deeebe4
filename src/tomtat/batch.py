"""Dataset runs: one summary per cluster, with a fixed or reference-length budget."""
from __future__ import annotations

import dataclasses

from tomtat.evaluate import reference_budget
from tomtat.model import Cluster
from tomtat.options import Options
from tomtat.pipeline import summarize
from tomtat.summarizers import Budget

REFERENCE_BUDGET = "ref"


def cluster_summary(cluster: Cluster, options: Options, budget: str) -> str:
    """Summary text of a cluster; `budget` is a budget spec or "ref" (mean reference length).

    Raises ValueError for "ref" when the cluster has no reference summary.
    """
    if budget == REFERENCE_BUDGET:
        if not cluster.references:
            raise ValueError(f"cluster {cluster.id!r} has no reference summary for --budget ref")
        chosen = Budget(reference_budget(cluster.references), "syllables")
    else:
        chosen = Budget.parse(budget)
    return summarize(cluster.articles, options=dataclasses.replace(options, budget=chosen)).text
