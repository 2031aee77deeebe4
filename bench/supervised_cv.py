"""The supervised scorer on ViMs with 5-fold cross-validation (never trained on what it scores).

Each fold trains on AbMuSu train plus four fifths of ViMs (clusters by index modulo 5) and
scores the remaining fifth with `--budget ref`; the fold means are averaged. Also scores the
shipped model (AbMuSu train only) on ViMs for comparison.

    python bench/supervised_cv.py [--data ../shared/data]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from tomtat import summarize_cluster
from tomtat.evaluate import evaluate
from tomtat.ingest import read_clusters
from tomtat.options import Options, SelectionOptions
from tomtat.pipeline import prepare
from tomtat.problems import ProblemLog
from tomtat.summarizers.supervised import train

FOLDS = 5


def rouge2(clusters, method: str, model: Path | None = None) -> float:
    options = Options(method=method, model=model, selection=SelectionOptions(fill=True))
    predictions = {c.id: summarize_cluster(c, options).text for c in clusters}
    return 100 * evaluate(clusters, predictions).mean["rouge2"].f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "data")
    args = parser.parse_args()
    if not (args.data / "vims2017" / "all.jsonl").is_file():
        sys.exit(f"no datasets under {args.data}: pass --data")
    abmusu = list(read_clusters(str(args.data / "abmusu" / "train.jsonl"), ProblemLog()))
    vims = list(read_clusters(str(args.data / "vims2017" / "all.jsonl"), ProblemLog()))
    scores = []
    with tempfile.TemporaryDirectory() as folder:
        for fold in range(FOLDS):
            held_out = [c for i, c in enumerate(vims) if i % FOLDS == fold]
            model = Path(folder) / f"fold{fold}.json"
            model.write_text(train(abmusu + [c for i, c in enumerate(vims) if i % FOLDS != fold], prepare), encoding="utf-8")
            scores.append(rouge2(held_out, "supervised", model))
            print(f"fold {fold}: ROUGE-2 F1 {scores[-1]:.2f} on {len(held_out)} clusters", file=sys.stderr)
    print("| ViMs 2017 (300 clusters) | ROUGE-2 F1 |")
    print("|---|---|")
    print(f"| supervised, 5-fold CV (AbMuSu train + 4/5 ViMs) | {sum(scores) / FOLDS:.2f} |")
    print(f"| supervised, shipped model (AbMuSu train only) | {rouge2(vims, 'supervised'):.2f} |")
    for method in ("centroid", "textrank", "lexrank", "lead"):
        print(f"| {method} (unsupervised) | {rouge2(vims, method):.2f} |")


if __name__ == "__main__":
    main()
