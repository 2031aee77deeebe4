"""`tomtat corpus` speed, memory and engine parity on made-up corpora, as Markdown rows.

    python bench/corpus.py --articles 10000 [--workdir /tmp/tomtat-corpus-bench] [--parts summary,timeline,entities]

Generates the corpus (bench/corpus_data.py, seed 0) outside the repo, runs the local engine and
the dask engine on a LocalCluster of 1 and 2 workers, and prints articles/s, peak memory per
process, whether every engine wrote the same JSONL files as local, and B-cubed against the
generated stories.

Linux keeps a process's peak RSS (`ru_maxrss`) across fork and `execve` (a process started by
a big one reports at least the big one's peak), and `os.wait4` gives the maximum over a child
and the processes it reaped (the dask workers). So the corpus is generated, and each engine
runs, in a fresh child (`--engine`), and every process reports its own peak as VmHWM (per
address space, anew at `execve`): the dask workers just before the cluster closes, the child
as it ends.
"""
from __future__ import annotations

import argparse
import filecmp
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TABLES = ("stories.jsonl", "articles.jsonl")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/tomtat-corpus-bench"))
    parser.add_argument("--parts", default="summary,timeline,entities")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--engine", help="(internal) run one engine here: 'local' or a worker count")
    args = parser.parse_args()
    data = args.workdir / f"corpus-{args.articles}"
    if args.engine is not None:
        print(json.dumps(run_engine(data, output(args, args.engine), args.engine, args.parts)), flush=True)
        return
    subprocess.run([sys.executable, str(HERE / "corpus_data.py"), str(data), "--articles", str(args.articles),
                    "--seed", "0"], stdout=sys.stderr, check=True)
    gold = json.loads((data.parent / f"{data.name}-gold.json").read_text(encoding="utf-8"))
    print("| articles | engine | seconds | articles/s | peak MiB per process | stories | B³ F1 | same as local |")
    print("|---|---|---|---|---|---|---|---|")
    runs = [("local", "local")] + [(f"dask, {n} worker{'s' if int(n) > 1 else ''}", n) for n in args.workers.split(",")]
    for label, engine in runs:
        report = run_child(sys.argv[1:] + ["--engine", engine])
        out, local = output(args, engine), output(args, "local")
        same = all(filecmp.cmp(out / name, local / name, shallow=False) for name in TABLES)
        peaks = (f"{mib(report['peak'])}" if engine == "local" else
                 f"driver {mib(report['peak'])}; workers {', '.join(str(mib(p)) for p in report['workers'])}")
        stories, score = score_output(out, gold)
        print(f"| {args.articles:,} | {label} | {report['seconds']:.1f} | {args.articles / report['seconds']:.0f} | "
              f"{peaks} | {stories:,} ({len(set(gold.values())):,}) | {score:.4f} | {'yes' if same else 'NO'} |",
              flush=True)


def output(args: argparse.Namespace, engine: str) -> Path:
    """Where the run of `engine` ('local' or a worker count) writes its tables."""
    return args.workdir / f"out-{args.articles}-{engine}"


def mib(size: int) -> int:
    return size // 2**20


def run_child(arguments: list[str]) -> dict:
    """Run this script with `arguments` in a fresh process: its JSON report (the last line it prints)."""
    child = subprocess.run([sys.executable, __file__, *arguments], stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(child.stdout.splitlines()[-1])


def run_engine(data: Path, out: Path, engine: str, parts: str) -> dict:
    """Run `tomtat corpus` on one engine in this process: the seconds it took, this process's
    peak RSS (bytes) and, for dask, each worker's, read just before the cluster closes."""
    from tomtat.corpus import DaskEngine, LocalEngine, run_corpus

    selected = tuple(p for p in parts.split(",") if p)
    if engine == "local":
        start = time.perf_counter()
        run_corpus([str(data)], str(out), LocalEngine(), parts=selected)
        seconds = time.perf_counter() - start
        return {"seconds": seconds, "peak": own_peak(), "workers": []}
    with DaskEngine(workers=int(engine)) as dask_engine:
        start = time.perf_counter()
        run_corpus([str(data)], str(out), dask_engine, parts=selected)
        seconds = time.perf_counter() - start
        workers = sorted(dask_engine.client.run(own_peak).values())
    return {"seconds": seconds, "peak": own_peak(), "workers": workers}


def own_peak() -> int:
    """This process's peak RSS since its `execve`, bytes (Linux VmHWM; not inherited, unlike ru_maxrss)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def score_output(out: Path, gold: dict[str, str]) -> tuple[int, float]:
    """The number of stories a run wrote and B³ F1 of its article -> story map against `gold`."""
    from tomtat.stories.metrics import bcubed

    with open(out / "stories.jsonl", encoding="utf-8") as handle:
        stories = sum(1 for _ in handle)
    with open(out / "articles.jsonl", encoding="utf-8") as handle:
        predicted = {row["id"]: row["story"] for row in map(json.loads, handle)}
    return stories, bcubed(predicted, gold).f1


if __name__ == "__main__":
    main()
