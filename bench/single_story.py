"""Single-story speed curve: `tomtat summarize DIR --format json --timeline` against sumy's LexRank.

Article sets of 50 … 1,000 raw articles are sampled (seed 0, nested: each set starts the next)
from the pooled articles of ../shared/data and written outside the repo, one JSONL file per
article. tomtat runs as the command in a fresh process (summary, timeline, entities); its
start-up (the same command on one short fixture article, median of 3) is subtracted. Peak
memory is the process's maximum RSS. sumy's LexRank rates the same sentences (tomtat's
cleaning and splitting) in this process, up to `--sumy-max` articles (it is quadratic).
sumy is a benchmark-only dependency: pip install "sumy>=0.11,<0.12".

    python bench/single_story.py [--data ../shared/data] [--sizes 50,100,200,500,1000] [--sumy-max 200] [--one-process]

A story of 1,000 sentences or more has its timeline and entities worked out in a forked second
process (`Options.fork_sentences`); `--one-process` measures it without, for comparison.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import tomtat
from tomtat.ingest import read_articles, read_clusters
from tomtat.problems import ProblemLog
from tomtat.summarizers.features import Candidates

ROOT = Path(__file__).resolve().parents[1]
SETS = ("abmusu/validation.jsonl", "vims2017/all.jsonl", "abmusu/train.jsonl")
FIXTURE = ROOT / "tests" / "fixtures" / "story" / "a.txt"


def write_sets(data: Path, workdir: Path, sizes: list[int]) -> dict[int, Path]:
    """Folders of `size` sampled articles each (one JSONL file per article), by size."""
    pool = [a for name in SETS for c in read_clusters(str(data / name), ProblemLog()) for a in c.articles]
    random.Random(0).shuffle(pool)
    folders = {}
    for size in sizes:
        folder = workdir / f"articles-{size}"
        folder.mkdir(parents=True, exist_ok=True)
        for index, article in enumerate(pool[:size]):
            obj = {"id": f"a{index:04d}", "title": article.title, "text": article.text,
                   "date": article.date.isoformat() if article.date else None, "source": article.source}
            (folder / f"a{index:04d}.jsonl").write_text(json.dumps(obj, ensure_ascii=False) + "\n", encoding="utf-8")
        folders[size] = folder
    return folders


ONE_PROCESS = "import tomtat.pipeline as p; p.can_fork = lambda: False; from tomtat.cli import main; main()"


def run_command(path: Path, one_process: bool = False) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (with the forked child's) and peak RSS (bytes) of `tomtat
    summarize PATH --format json --timeline`; `one_process`: with the side parts not forked."""
    start_tomtat = ["-c", ONE_PROCESS] if one_process else ["-m", "tomtat"]
    command = [sys.executable, *start_tomtat, "summarize", str(path), "--format", "json", "--timeline"]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        sys.exit(f"tomtat failed on {path}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


def candidates_of(folder: Path) -> Candidates:
    """The candidate sentences tomtat makes of the folder's articles (cleaned, split)."""
    articles = read_articles([str(folder)], ProblemLog())
    return Candidates.build([tomtat.prepare(a, i) for i, a in enumerate(articles)])


def sumy_seconds(candidates: Candidates) -> tuple[float, float]:
    """Wall and CPU seconds sumy's LexRank takes to rate the candidate sentences."""
    from sumy_compare import sumy_lexrank_scores  # here: sumy is only needed when it runs

    start, cpu = time.perf_counter(), time.process_time()
    sumy_lexrank_scores(candidates)
    return time.perf_counter() - start, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/tomtat-single-story"))
    parser.add_argument("--sizes", default="50,100,200,500,1000")
    parser.add_argument("--sumy-max", type=int, default=200, help="largest set sumy is run on (it is quadratic)")
    parser.add_argument("--one-process", action="store_true", help="never fork the side parts (the timeline and entities)")
    args = parser.parse_args()
    if not (args.data / SETS[0]).is_file():
        sys.exit(f"no datasets under {args.data}: pass --data")
    folders = write_sets(args.data, args.workdir, [int(n) for n in args.sizes.split(",")])
    runs = [run_command(FIXTURE, args.one_process) for _ in range(3)]
    startup, startup_cpu = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
    print(f"start-up (same command on one short article, median of 3): {startup:.2f} s wall, {startup_cpu:.2f} s CPU\n")
    print("| articles | sentences | tomtat s wall | tomtat s wall − start-up | tomtat s CPU − start-up | peak MiB "
          "| sumy LexRank s wall | sumy s CPU | ratio wall | ratio CPU |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for size, folder in folders.items():
        wall, cpu, peak = run_command(folder, args.one_process)
        ours, ours_cpu = wall - startup, cpu - startup_cpu
        candidates = candidates_of(folder)
        theirs = theirs_cpu = ratio = ratio_cpu = "not run"
        if size <= args.sumy_max:
            seconds, seconds_cpu = sumy_seconds(candidates)
            theirs, theirs_cpu = f"{seconds:.1f}", f"{seconds_cpu:.1f}"
            ratio, ratio_cpu = f"{seconds / ours:.0f}x", f"{seconds_cpu / ours_cpu:.0f}x"
        print(f"| {size:,} | {len(candidates.sentences):,} | {wall:.2f} | {ours:.2f} | {ours_cpu:.2f} | {peak / 2**20:.0f} "
              f"| {theirs} | {theirs_cpu} | {ratio} | {ratio_cpu} |", flush=True)


if __name__ == "__main__":
    main()
