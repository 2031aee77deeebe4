"""Leave-one-dataset-out: the supervised recipe trained on one dataset, scored on the other,
against the unsupervised methods; then the cost of each hygiene and coherence rule to the
supervised default, one switched off at a time.

    python bench/transfer.py [--data ../shared/data]

Settings and features are chosen on these transfer runs, never on a reported in-domain score.
"""
from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from supervised_cv import data_folder, load, rouge, row, train_file
from tomtat.options import Options, SelectionOptions
from tomtat.summarizers.hygiene import RULES

DIRECTIONS = (("abmusu-train", "vims"), ("vims", "abmusu-validation"))


def switched_off(selection: SelectionOptions) -> dict[str, SelectionOptions]:
    """One variant of `selection` per rule, without that rule."""
    variants = {f"without hygiene rule {rule}": dataclasses.replace(selection, skip=tuple(r for r in selection.skip if r != rule)) for rule in RULES}
    variants["without any hygiene rule"] = dataclasses.replace(selection, skip=())
    variants["back references kept (no trim)"] = dataclasses.replace(selection, trim_back_references=False)
    variants["dangling 'cũng' not penalised"] = dataclasses.replace(selection, dangling_penalty=0.0)
    variants["headline fact not forced first"] = dataclasses.replace(selection, lead_fact=False)
    variants["no coherence rule"] = dataclasses.replace(selection, trim_back_references=False, dangling_penalty=0.0, lead_fact=False)
    return variants


def main() -> None:
    data = data_folder(__doc__)
    selection = SelectionOptions(fill=True)
    with tempfile.TemporaryDirectory() as folder:
        models = {source: train_file([load(data, source)], Path(folder) / f"{source}.json") for source, _ in DIRECTIONS}
        print("| trained on | scored on | method | ROUGE-1 F1 | ROUGE-2 F1 | ROUGE-L F1 |")
        print("|---|---|---|---|---|---|")
        for source, target in DIRECTIONS:
            part = load(data, target)
            print(f"| {source} | {target} " + row("supervised", rouge(part, Options(model=models[source], selection=selection))))
            for method in ("centroid", "lead", "textrank", "lexrank"):
                print(f"| - | {target} " + row(method, rouge(part, Options(method=method, selection=selection))))
        print("\n| scored on (model) | rules | ROUGE-1 F1 | ROUGE-2 F1 | ROUGE-L F1 |")
        print("|---|---|---|---|---|")
        for source, target in DIRECTIONS:
            part = load(data, target)
            label = f"{target} (trained on {source})"
            print(f"| {label} " + row("all (default)", rouge(part, Options(model=models[source], selection=selection))), flush=True)
            for name, variant in switched_off(selection).items():
                print(f"| {label} " + row(name, rouge(part, Options(model=models[source], selection=variant))), flush=True)


if __name__ == "__main__":
    main()
