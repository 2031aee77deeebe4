"""B-cubed of `tomtat corpus` (local engine) against online `tomtat cluster` on the pooled datasets.

Each dataset's docs are pooled and shuffled (seed 0, as bench/stories.py does), written as one
article JSONL file outside the repo, run through `tomtat corpus` (no per-story parts), and added
one by one to an online `StoryTracker`; both are scored with B-cubed against the dataset clusters.

    python bench/corpus_quality.py [--data ../shared/data] [--workdir /tmp/tomtat-corpus-quality] [--seed 0]
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from stories import DEFAULT_DATA, pooled

from tomtat.corpus import LocalEngine, run_corpus
from tomtat.stories import StoryOptions, StoryTracker, bcubed, featurize

SETS = (("ViMs 2017", ["vims2017/all.jsonl"]), ("AbMuSu train+validation", ["abmusu/train.jsonl", "abmusu/validation.jsonl"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/tomtat-corpus-quality"))
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    print("| data | docs | mode | B³ P | B³ R | B³ F1 | stories (gold) | seconds |\n|---|---|---|---|---|---|---|---|")
    for label, names in SETS:
        articles, gold = pooled(args.data, names, args.seed)
        path = args.workdir / f"{label.split()[0].lower()}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for a in articles:
                out.write(json.dumps({"id": a.id, "title": a.title, "text": a.text,
                                      "date": a.date.isoformat() if a.date else None, "source": a.source},
                                     ensure_ascii=False) + "\n")
        start = time.perf_counter()
        tracker = StoryTracker(StoryOptions())
        for article in articles:
            tracker.add(featurize(article, tracker.options))
        online = ({a.id: a.story for a in tracker.state.articles.values()}, time.perf_counter() - start)
        start = time.perf_counter()
        result = run_corpus([str(path)], None, LocalEngine(), parts=())
        corpus = ({a["id"]: a["story"] for a in result.articles}, time.perf_counter() - start)
        for mode, (stories, seconds) in (("online (tomtat cluster)", online), ("tomtat corpus", corpus)):
            score = bcubed(stories, gold)
            print(f"| {label} | {len(articles):,} | {mode} | {score.precision:.4f} | {score.recall:.4f} | {score.f1:.4f} "
                  f"| {len(set(stories.values())):,} ({len(set(gold.values())):,}) | {seconds:.1f} |", flush=True)


if __name__ == "__main__":
    main()
