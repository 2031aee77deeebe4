"""Speed of `tomtat.timex.find_timexes` on real news sentences (AbMuSu validation, read in place).

Sentences are the cleaned, split sentences of every article (`tomtat.pipeline.prepare`); the
data carry no publication dates, so all are resolved against one fixed date.

    python bench/timex_speed.py [--data ../shared/data/abmusu/validation.jsonl] [--repeat 3]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

from tomtat.model import Article
from tomtat.pipeline import prepare
from tomtat.timex import find_timexes

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "abmusu" / "validation.jsonl"
PUBLISHED = dt.date(2022, 9, 1)


def sentences(path: Path) -> list[str]:
    """Cleaned sentences of every article of every cluster in a dataset JSONL file."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        for index, doc in enumerate(json.loads(line)["docs"]):
            article = Article(id=str(index), title=doc.get("title") or "", text=doc.get("text") or "")
            found.extend(s.text for s in prepare(article, index).sentences)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the fastest is reported")
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"skipped: {args.data} is absent (the ../shared datasets are needed)")
        return
    texts = sentences(args.data)
    timings = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        found = sum(len(find_timexes(text, PUBLISHED)) for text in texts)
        timings.append(time.perf_counter() - start)
    best = min(timings)
    print(f"{len(texts)} sentences, {found} time expressions, best of {args.repeat}: {best:.2f} s")
    print(f"{len(texts) / best:,.0f} sentences/s ({sys.version.split()[0]})")


if __name__ == "__main__":
    main()
