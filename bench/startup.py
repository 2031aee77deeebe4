"""Start-up cost of the `tomtat` command: wall time of short commands against a bare interpreter.

Each command runs `--runs` times (median reported) in a fresh process; then
`python -X importtime` lists the slowest imports of `tomtat --help`, so a heavy library that
creeps back to module level shows by name.

    python bench/startup.py [--runs 5]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "story" / "a.txt"
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "tomtat --help": [sys.executable, "-m", "tomtat", "--help"],
    "tomtat dates ...": [sys.executable, "-m", "tomtat", "dates", "Sáng 17/4, hai nước họp.", "--published", "2023-04-17"],
    "tomtat timeline a.txt": [sys.executable, "-m", "tomtat", "timeline", str(FIXTURE)],
    "tomtat summarize a.txt": [sys.executable, "-m", "tomtat", "summarize", str(FIXTURE)],
}


def median_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def slowest_imports(command: list[str], count: int) -> list[tuple[int, str]]:
    """(cumulative microseconds, module) of the top-level imports taking longest."""
    result = subprocess.run([command[0], "-X", "importtime", *command[1:]], capture_output=True, text=True, check=True)
    rows = []
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = line.split("|")
        if len(name) - len(name.lstrip()) <= 2:  # imported by the command itself, not by a dependency
            rows.append((int(cumulative), name.strip()))
    return sorted(rows, reverse=True)[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    bare = median_seconds(COMMANDS["python -c pass"], args.runs)
    print(f"| command | median of {args.runs} (s) | over bare python (s) |")
    print("|---|---|---|")
    for label, command in COMMANDS.items():
        seconds = bare if label == "python -c pass" else median_seconds(command, args.runs)
        print(f"| `{label}` | {seconds:.3f} | {seconds - bare:+.3f} |", flush=True)
    print("\nSlowest imports of `tomtat --help` (cumulative ms):\n")
    for microseconds, name in slowest_imports(COMMANDS["tomtat --help"], 8):
        print(f"- {name}: {microseconds / 1000:.0f}")


if __name__ == "__main__":
    main()
