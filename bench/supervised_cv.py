"""The shipped recipe by 5-fold cross-validation: never scored on a cluster it was trained on.

The shipped model is trained on AbMuSu train and ViMs. Here, for ViMs, each fold trains on
AbMuSu train plus four fifths of ViMs (clusters by index modulo 5) and scores the remaining
fifth; for AbMuSu validation (in no training set of the shipped model), each fold trains on
AbMuSu train, ViMs and four fifths of validation. Budget "ref", fill, ROUGE F1 x100 averaged
over the folds' clusters. Also scores the shipped model on AbMuSu validation directly.

    python bench/supervised_cv.py [--data ../shared/data]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from functools import cache
from pathlib import Path

from tomtat.evaluate import evaluate, reference_budget
from tomtat.ingest import read_clusters
from tomtat.model import Cluster, Document
from tomtat.options import Options, SelectionOptions
from tomtat.pipeline import prepare, summarize_documents
from tomtat.problems import ProblemLog
from tomtat.summarizers import Budget
from tomtat.summarizers.supervised import train

FOLDS = 5
DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SETS = {"abmusu-train": "abmusu/train.jsonl", "abmusu-validation": "abmusu/validation.jsonl", "vims": "vims2017/all.jsonl"}


@cache
def load(data: Path, name: str) -> tuple[list[Cluster], list[list[Document]]]:
    """The clusters of dataset `name` (a key of `SETS`) and their prepared documents."""
    clusters = list(read_clusters(str(data / SETS[name]), ProblemLog()))
    return clusters, [[prepare(a, i) for i, a in enumerate(c.articles)] for c in clusters]


def train_file(parts: list[tuple[list[Cluster], list[list[Document]]]], path: Path) -> Path:
    """`tomtat train` on the clusters of `parts` (their documents already prepared), written to `path`."""
    prepared = {id(a): d for clusters, documents in parts for c, ds in zip(clusters, documents) for a, d in zip(c.articles, ds)}
    path.write_text(train([c for clusters, _ in parts for c in clusters], lambda a, i: prepared[id(a)]), encoding="utf-8")
    return path


def rouge(part: tuple[list[Cluster], list[list[Document]]], options: Options) -> dict[str, float]:
    """ROUGE-1/2/L F1 x100 of `options` on `part`, budget "ref", as `tomtat batch` runs it."""
    clusters, documents = part
    predictions = {
        c.id: summarize_documents(ds, Options(**{**vars(options), "budget": Budget(reference_budget(c.references), "syllables")})).text
        for c, ds in zip(clusters, documents)
    }
    mean = evaluate(clusters, predictions).mean
    return {name: 100 * mean[name].f1 for name in ("rouge1", "rouge2", "rougeL")}


def fold(part: tuple[list, list], index: int, held_out: bool) -> tuple[list, list]:
    """The clusters of `part` in fold `index` (held_out) or in the other folds."""
    keep = [(i % FOLDS == index) == held_out for i in range(len(part[0]))]
    return [c for c, k in zip(part[0], keep) if k], [d for d, k in zip(part[1], keep) if k]


def cross_validated(data: Path, scored: str, always: list[str], folder: Path, options: Options) -> dict[str, float]:
    """Mean over clusters of 5 folds: train on `always` plus 4/5 of `scored`, score the other 1/5."""
    totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
    target = load(data, scored)
    for index in range(FOLDS):
        model = train_file([load(data, n) for n in always] + [fold(target, index, False)], folder / f"{scored}-{index}.json")
        held = fold(target, index, True)
        scores = rouge(held, Options(**{**vars(options), "model": model}))
        for name in totals:
            totals[name] += scores[name] * len(held[0]) / len(target[0])
        print(f"{scored} fold {index}: ROUGE-2 F1 {scores['rouge2']:.2f}", file=sys.stderr)
    return totals


def data_folder(doc: str) -> Path:
    """The `--data` folder of a script with docstring `doc`; exits saying so when no datasets are there."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    data = parser.parse_args().data
    if not (data / SETS["vims"]).is_file():
        sys.exit(f"no datasets under {data}: pass --data")
    return data


def row(label: str, scores: dict[str, float]) -> str:
    return f"| {label} | {scores['rouge1']:.2f} | {scores['rouge2']:.2f} | {scores['rougeL']:.2f} |"


def main() -> None:
    data = data_folder(__doc__)
    options = Options(selection=SelectionOptions(fill=True))
    print("| run | ROUGE-1 F1 | ROUGE-2 F1 | ROUGE-L F1 |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        print(row("ViMs, 5-fold CV (AbMuSu train + 4/5 ViMs)", cross_validated(data, "vims", ["abmusu-train"], Path(folder), options)))
        print(row("AbMuSu validation, 5-fold CV (AbMuSu train + ViMs + 4/5 validation)",
                  cross_validated(data, "abmusu-validation", ["abmusu-train", "vims"], Path(folder), options)))
    print(row("AbMuSu validation, shipped model (AbMuSu train + ViMs)", rouge(load(data, "abmusu-validation"), options)))


if __name__ == "__main__":
    main()
