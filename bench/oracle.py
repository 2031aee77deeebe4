"""The greedy extractive oracle: the ceiling of sentence selection on a dataset.

For each cluster, sentences (tomtat's cleaned, split sentences) are added one at a time, each
time the one that most raises ROUGE-2 F1 (syllable bigrams, mean over references) of the
summary so far, until none raises it or the reference budget is spent; the result is scored
with the protocol (`tomtat.evaluate`). It knows the references, so it only bounds what an
extractive method could reach.

    python bench/oracle.py [--data ../shared/data]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from tomtat.evaluate import evaluate, reference_budget
from tomtat.ingest import read_clusters
from tomtat.model import Cluster
from tomtat.nlp import syllables
from tomtat.pipeline import prepare
from tomtat.problems import ProblemLog

SETS = ("abmusu/validation.jsonl", "vims2017/all.jsonl")


def _bigrams(tokens: list[str]) -> Counter:
    return Counter(zip(tokens, tokens[1:]))


def _f1(candidate: Counter, reference: Counter) -> float:
    overlap = sum((candidate & reference).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(candidate.values()), overlap / sum(reference.values())
    return 2 * precision * recall / (precision + recall)


def oracle_summary(cluster: Cluster) -> str:
    sentences = [s for i, a in enumerate(cluster.articles) for s in prepare(a, i).sentences]
    references = [_bigrams(syllables(r)) for r in cluster.references]
    budget = reference_budget(cluster.references)
    chosen: list[str] = []
    tokens: list[str] = []
    best = 0.0
    while len(tokens) < budget:
        scored = []
        for sentence in sentences:
            if sentence.text in chosen:
                continue
            trial = _bigrams((tokens + sentence.syllables)[:budget])
            scored.append((sum(_f1(trial, r) for r in references) / len(references), sentence))
        if not scored:
            break
        score, sentence = max(scored, key=lambda pair: pair[0])
        if score <= best:
            break
        best = score
        chosen.append(sentence.text)
        tokens += sentence.syllables
    return " ".join(chosen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "data")
    args = parser.parse_args()
    if not (args.data / SETS[0]).is_file():
        sys.exit(f"no datasets under {args.data}: pass --data")
    print("| dataset | greedy oracle ROUGE-1 F1 | ROUGE-2 F1 | ROUGE-L F1 |")
    print("|---|---|---|---|")
    for name in SETS:
        clusters = [c for c in read_clusters(str(args.data / name), ProblemLog()) if c.references]
        scores = evaluate(clusters, {c.id: oracle_summary(c) for c in clusters}).mean
        print(f"| {name} | {100 * scores['rouge1'].f1:.2f} | {100 * scores['rouge2'].f1:.2f} | {100 * scores['rougeL'].f1:.2f} |")


if __name__ == "__main__":
    main()
