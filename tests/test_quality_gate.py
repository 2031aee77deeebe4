"""Evaluation gate: the default method may not fall more than 0.5 ROUGE-2 point below its
pinned floor (bench/quality_floor.json) on the shared datasets, run as `tomtat batch` does."""
from __future__ import annotations

import json

import pytest

from conftest import ROOT
from tomtat import summarize_cluster
from tomtat.evaluate import evaluate
from tomtat.ingest import read_clusters
from tomtat.options import Options, SelectionOptions
from tomtat.problems import ProblemLog

FLOORS = {k: v for k, v in json.loads((ROOT / "bench" / "quality_floor.json").read_text()).items() if not k.startswith("_")}
TOLERANCE = 0.5


@pytest.mark.parametrize("dataset", sorted(FLOORS))
def test_default_method_keeps_its_rouge2_floor(shared, dataset: str) -> None:
    path = shared / "data" / dataset
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    problems = ProblemLog()
    clusters = list(read_clusters(str(path), problems))
    options = Options(selection=SelectionOptions(fill=True))
    predictions = {c.id: summarize_cluster(c, options).text for c in clusters}
    rouge2 = 100 * evaluate(clusters, predictions).mean["rouge2"].f1
    assert rouge2 >= FLOORS[dataset] - TOLERANCE, f"{dataset}: ROUGE-2 F1 {rouge2:.2f} < floor {FLOORS[dataset]} - {TOLERANCE}"
