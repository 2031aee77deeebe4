"""`tomtat corpus` speed, memory and engine parity on made-up corpora, as Markdown rows.

    python bench/corpus.py --articles 10000 [--workdir /tmp/tomtat-corpus-bench] [--parts summary,timeline,entities]

Generates the corpus (bench/corpus_data.py, seed 0) outside the repo, runs the local engine and
the dask engine on a LocalCluster of 1 and 2 workers, and prints articles/s, peak memory per
process, whether every engine wrote the same JSONL files as local, and B-cubed against the
generated stories.
"""
from __future__ import annotations

import argparse
import filecmp
import time
from pathlib import Path

from corpus_data import write

from tomtat.corpus import DaskEngine, LocalEngine, run_corpus
from tomtat.stories import bcubed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/tomtat-corpus-bench"))
    parser.add_argument("--parts", default="summary,timeline,entities")
    parser.add_argument("--workers", default="1,2")
    args = parser.parse_args()
    parts = tuple(p for p in args.parts.split(",") if p)
    data = args.workdir / f"corpus-{args.articles}"
    gold = write(data, args.articles, seed=0)
    print("| articles | engine | seconds | articles/s | peak MiB per process | stories | B³ F1 | same as local |")
    print("|---|---|---|---|---|---|---|---|")
    runs = [("local", None)] + [(f"dask, {n} worker{'s' if int(n) > 1 else ''}", int(n)) for n in args.workers.split(",")]
    for label, workers in runs:
        out = args.workdir / f"out-{args.articles}-{workers or 'local'}"
        if workers is None:
            engine = LocalEngine()
            start = time.perf_counter()
            result = run_corpus([str(data)], str(out), engine, parts=parts)
            seconds = time.perf_counter() - start
            peaks = engine.memory_peaks()
        else:
            with DaskEngine(workers=workers) as engine:
                start = time.perf_counter()
                result = run_corpus([str(data)], str(out), engine, parts=parts)
                seconds = time.perf_counter() - start
                peaks = engine.memory_peaks()
        local = args.workdir / f"out-{args.articles}-local"
        same = all(filecmp.cmp(out / name, local / name, shallow=False) for name in ("stories.jsonl", "articles.jsonl"))
        score = bcubed({a["id"]: a["story"] for a in result.articles}, gold)
        print(f"| {args.articles:,} | {label} | {seconds:.1f} | {args.articles / seconds:.0f} | "
              f"{', '.join(str(p // 2**20) for p in peaks)} | {len(result.stories):,} "
              f"({len(set(gold.values())):,}) | {score.f1:.4f} | {'yes' if same else 'NO'} |", flush=True)


if __name__ == "__main__":
    main()
