"""Selection ablation for the default (supervised) method, with `--budget ref`.

Same sentence scores and concept weights throughout; only the way sentences are chosen
differs: greedy concept coverage (the default, concept_blend 0.5, article_bonus 0.1), the same
without the bonus for articles not yet cited, with concept weights only (blend 1.0) or
sentence scores only (blend 0.0), maximal marginal relevance over
the sentence scores (how `supervised` selected before concept coverage), and an exact
concept-coverage ILP (Gillick and Favre 2009) solved by HiGHS through scipy.optimize.milp,
with whole sentences under the budget (then cut, as the protocol does).

    python bench/selection.py [--data ../shared/data]
"""
from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from tomtat import summarize_cluster
from tomtat.evaluate import evaluate, reference_budget
from tomtat.ingest import read_clusters
from tomtat.options import Options, SelectionOptions
from tomtat.pipeline import prepare
from tomtat.problems import ProblemLog
from tomtat.summarizers import METHODS, Method
from tomtat.summarizers.features import Candidates
from tomtat.summarizers.selection import reading_order
from tomtat.summarizers.supervised import supervised_concept_weights, supervised_scores

SETS = ("abmusu/validation.jsonl", "vims2017/all.jsonl")
ILP_SECONDS = 5.0  # HiGHS time limit per cluster


def ilp_summary(cluster, options: Options) -> str:
    """Exact concept coverage: maximise the blended concept value of whole sentences under the budget."""
    documents = [prepare(a, i) for i, a in enumerate(cluster.articles)]
    candidates = Candidates.build(documents)
    scores, weights = supervised_scores(candidates), supervised_concept_weights(candidates)
    concepts = candidates.concepts.tocsc()
    count, width = concepts.shape
    lengths = np.array([len(s.syllables) for s in candidates.sentences], dtype=float)
    allowed = ((lengths >= options.selection.min_syllables) & (lengths <= options.selection.max_syllables)).astype(float)
    blend = options.selection.concept_blend
    # variables: one per sentence (taken or not), then one per concept (covered or not)
    sentence_value = (1 - blend) * scores * np.asarray(candidates.concepts.sum(axis=1)).ravel()
    objective = -np.concatenate([sentence_value, blend * weights])
    covered_only_if_taken = LinearConstraint(sparse.hstack([-concepts.T, sparse.identity(width)]), -np.inf, 0)
    budget = LinearConstraint(sparse.hstack([sparse.csr_matrix(lengths[None, :]), sparse.csr_matrix((1, width))]), 0, reference_budget(cluster.references))
    result = milp(
        objective, constraints=[covered_only_if_taken, budget], integrality=np.r_[np.ones(count), np.zeros(width)],
        bounds=Bounds(0, np.r_[allowed, np.ones(width)]), options={"time_limit": ILP_SECONDS},
    )
    chosen = [int(i) for i in np.flatnonzero(result.x[:count] > 0.5)] if result.x is not None else []
    return " ".join(candidates.sentences[i].text for i in reading_order(candidates, chosen))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "data")
    args = parser.parse_args()
    if not (args.data / SETS[0]).is_file():
        sys.exit(f"no datasets under {args.data}: pass --data")
    METHODS["supervised-mmr"] = Method(supervised_scores)
    options = Options(selection=SelectionOptions(fill=True))
    default_blend, default_bonus = options.selection.concept_blend, options.selection.article_bonus
    print("| dataset | selection | ROUGE-2 F1 | seconds |")
    print("|---|---|---|---|")
    for name in SETS:
        clusters = list(read_clusters(str(args.data / name), ProblemLog()))
        variants = {
            f"greedy concept coverage, blend {default_blend}, article bonus {default_bonus} (default)": (default_blend, default_bonus, "supervised"),
            f"greedy concept coverage, blend {default_blend}, no article bonus": (default_blend, 0.0, "supervised"),
            "greedy concept coverage, concept weights only (blend 1.0)": (1.0, default_bonus, "supervised"),
            "greedy concept coverage, sentence scores only (blend 0.0)": (0.0, default_bonus, "supervised"),
            "MMR over the sentence scores": (default_blend, default_bonus, "supervised-mmr"),
        }
        for label, (blend, bonus, method) in variants.items():
            start = time.perf_counter()
            settings = dataclasses.replace(options.selection, concept_blend=blend, article_bonus=bonus)
            run = dataclasses.replace(options, method=method, selection=settings)
            predictions = {c.id: summarize_cluster(c, run).text for c in clusters}
            seconds = time.perf_counter() - start
            print(f"| {name} | {label} | {100 * evaluate(clusters, predictions).mean['rouge2'].f1:.2f} | {seconds:.1f} |", flush=True)
        start = time.perf_counter()
        predictions = {c.id: ilp_summary(c, options) for c in clusters}
        seconds = time.perf_counter() - start
        print(f"| {name} | exact concept-coverage ILP (HiGHS) | {100 * evaluate(clusters, predictions).mean['rouge2'].f1:.2f} | {seconds:.1f} |", flush=True)
    del METHODS["supervised-mmr"]


if __name__ == "__main__":
    main()
