"""Quality and speed of the summarizers on ../shared/data, the way a user runs them.

Runs `tomtat batch` then `tomtat eval --json` for each method and dataset (budget "ref"),
times `tomtat batch` on the 150 AbMuSu test clusters, and prints a Markdown report for
docs/benchmarks.md.

    python bench/summaries.py [--data ../shared/data] [--out bench/out]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

VARIANTS = {  # label: extra `tomtat batch` arguments
    "lead": ["--method", "lead"],
    "centroid": ["--method", "centroid"],
    "centroid --trim": ["--method", "centroid", "--trim"],
    "lexrank": ["--method", "lexrank"],
    "textrank": ["--method", "textrank"],
    "supervised (default)": ["--method", "supervised"],
    "supervised --trim": ["--method", "supervised", "--trim"],
}
SETS = ("abmusu/validation.jsonl", "vims2017/all.jsonl")
SPEED_SET = "abmusu/test_nolabel.jsonl"


def tomtat(*args: str) -> tuple[str, float, int]:
    """Run the CLI; return stdout, wall seconds and the child's peak RSS in MiB."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "tomtat", *args], capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    return done.stdout, seconds, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[1].parent / "shared" / "data"))
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent / "out"))
    args = parser.parse_args()
    data, out = Path(args.data), Path(args.out)
    if not data.is_dir():
        sys.exit(f"no dataset folder at {data}: pass --data")
    out.mkdir(parents=True, exist_ok=True)

    # first, so that the children's peak RSS is this run's
    _, speed_seconds, peak = tomtat("batch", str(data / SPEED_SET), "-o", str(out / "test_nolabel.jsonl"), "--budget", "200")
    print(f"Date: {dt.date.today().isoformat()}; machine: {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}; command: `python bench/summaries.py`\n")
    print("| dataset | method | ROUGE-1 F1 | ROUGE-2 F1 | ROUGE-L F1 | batch seconds | s / 100 clusters |")
    print("|---|---|---|---|---|---|---|")
    for name in SETS:
        for label, arguments in VARIANTS.items():
            prediction = out / f"{name.replace('/', '_')}.{label.split(' (')[0].replace(' --', '-')}.jsonl"
            _, seconds, _ = tomtat("batch", str(data / name), "-o", str(prediction), "--budget", "ref", *arguments)
            scores = json.loads(tomtat("eval", str(data / name), str(prediction), "--json")[0])
            f1 = [100 * scores[r]["f1"] for r in ("rouge1", "rouge2", "rougeL")]
            per_100 = 100 * seconds / scores["clusters"]
            print(f"| {name} ({scores['clusters']} clusters) | {label} | {f1[0]:.2f} | {f1[1]:.2f} | {f1[2]:.2f} | {seconds:.1f} | {per_100:.1f} |")
    print(f"\nSpeed: `tomtat batch {SPEED_SET} --budget 200` (150 clusters, default method, "
          f"including start-up): {speed_seconds:.1f} s wall, peak RSS {peak} MiB.")


if __name__ == "__main__":
    main()
