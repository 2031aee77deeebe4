"""Tune the story-tracking thresholds on one dataset pooled (gold = cluster id; ViMs 2017 by default).

    python bench/tune_stories.py [--data ../shared/data] [--seeds 0,1,2] [--dataset ViMs|AbMuSu]

The shipped thresholds come from ViMs; `--dataset AbMuSu` gives the ones scored on ViMs
leave-one-dataset-out in docs/benchmarks.md.

`join_threshold`: mean online B-cubed F1 over the shuffles of bench/stories.py (its `--seeds`), with
the merge of a story of one article off; `single_merge_threshold`: the same with that join threshold;
`merge_threshold`: mean re-clustering F1 with that join threshold; `duplicate_threshold`: F1 on the
generated near-duplicate set of bench/stories.py. Ties go to the middle of the best plateau (within 0.002 of the best).
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from statistics import mean

sys.path.insert(0, str(Path(__file__).resolve().parent))
import stories as bench  # noqa: E402  (bench/stories.py)

from tomtat.stories import StoryOptions, StoryTracker, bcubed, featurize, recluster  # noqa: E402

DATASETS = {"ViMs": ["vims2017/all.jsonl"], "AbMuSu": ["abmusu/train.jsonl", "abmusu/validation.jsonl"]}
JOIN = (0.12, 0.14, 0.15, 0.16, 0.17, 0.18, 0.19, 0.20, 0.21, 0.22)
SINGLE = (0.15, 0.18, 0.20, 0.22, 0.25)
MERGE = (0.3, 0.4, 0.5, 0.6, 0.7, 1.0)
DUPLICATE = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def pick(scores: dict[float, float]) -> float:
    """The middle value of those within 0.002 of the best score."""
    best = max(scores.values())
    plateau = sorted(v for v, s in scores.items() if s >= best - 0.002)
    return plateau[len(plateau) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=bench.DEFAULT_DATA)
    parser.add_argument("--seeds", default="0,1,2")
    parser.add_argument("--dataset", choices=tuple(DATASETS), default="ViMs")
    args = parser.parse_args()
    seeds = [int(s) for s in args.seeds.split(",")]
    base = replace(StoryOptions(), join="threshold", single_merge_threshold=1.0)
    names = DATASETS[args.dataset]
    articles, gold = bench.pooled(args.data, names, seeds[0])
    features = {a.id: featurize(a, base) for a in articles}
    orders = [[features[a.id] for a in bench.pooled(args.data, names, seed)[0]] for seed in seeds]

    def f1(tracker: StoryTracker) -> float:
        return bcubed({a.id: a.story for a in tracker.state.articles.values()}, gold).f1

    def online(options: StoryOptions, order: list) -> float:
        tracker = StoryTracker(options)
        for feature in order:
            tracker.add(feature)
        return f1(tracker)

    print("join_threshold (online, mean B3 F1 over seeds):")
    joins = {}
    for value in JOIN:
        joins[value] = mean(online(replace(base, join_threshold=value), order) for order in orders)
        print(f"  {value:.2f}  {joins[value]:.4f}", flush=True)
    join = pick(joins)
    print("single_merge_threshold (online, mean B3 F1 over seeds):")
    singles = {}
    for value in SINGLE:
        singles[value] = mean(online(replace(base, join_threshold=join, single_merge_threshold=value), order)
                              for order in orders)
        print(f"  {value:.2f}  {singles[value]:.4f}", flush=True)
    single = pick(singles)
    base = replace(base, single_merge_threshold=single)
    print("merge_threshold (re-clustering, mean B3 F1 over seeds):")
    merges = {}
    for value in MERGE:
        options = replace(base, join_threshold=join, merge_threshold=value)
        merges[value] = mean(f1(recluster(order, options)) for order in orders)
        print(f"  {value:.2f}  {merges[value]:.4f}", flush=True)
    merge = pick(merges)
    print("duplicate_threshold (generated near-duplicate set, F1):")
    originals, pairs = bench.near_duplicate_set(args.data, seeds[0])
    duplicates = {}
    for value in DUPLICATE:
        scores = bench.near_duplicate_scores(originals, pairs, replace(base, duplicate_threshold=value))
        p, r = scores["precision"], scores["recall"]
        duplicates[value] = 2 * p * r / (p + r) if p + r else 0.0
        print(f"  {value:.2f}  P {p:.4f}  R {r:.4f}  F1 {duplicates[value]:.4f}", flush=True)
    print(f"chosen: join_threshold={join}, single_merge_threshold={single}, merge_threshold={merge}, duplicate_threshold={pick(duplicates)}")


if __name__ == "__main__":
    main()
