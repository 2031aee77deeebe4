"""The supervised method: a sentence scorer and a concept weigher, LightGBM regressors trained
on AbMuSu train and ViMs.

Each sentence is described by where it stands (position in its article, in the lead), how long
it is, how close it is to the story centroid and to the headlines, how many other articles say
the same thing (support), how central it is in the sentence graph, and its numbers, quotes and
capitalised words (a proxy for named entities). The target is the share of the sentence's
syllable bigrams found in the reference summary. The concept weigher (`concepts.py`) predicts
which bigrams a summary holds; selection covers them (`selection.ConceptCoverage`). Both
models ship with the package in one JSON file and are rebuilt deterministically by `tomtat train`.

Each model is the mean of two members (`MEMBERS`). One is held to the priors of all news by
monotone constraints (earlier, closer to the headlines and to what other articles say is
better), every story weighing the same: it carries to news it was not trained on. The other is
free to learn the interactions of its training data, and fits news of that style better. Chosen
leave-one-dataset-out (docs/benchmarks.md): trained on AbMuSu, the constrained member alone
beats the free one on ViMs by 1.3 ROUGE-2; trained on both, the free one is 1.3 better on AbMuSu
validation; their mean keeps most of each. The free member, whose unconstrained trees vary
most from one random draw of rows and features to the next, is itself bagged: the mean of one
booster per seed (leave-one-dataset-out, against one seed: +0.32 ROUGE-2 trained on ViMs,
+0.01 trained on AbMuSu; bagging the constrained member too lost 0.11 trained on AbMuSu).
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from tomtat.forked import library_threads
from tomtat.model import Cluster
from tomtat.nlp import syllables
from tomtat.summarizers.concepts import CONCEPT_FEATURES, CONCEPT_MONOTONE, concept_features, concept_labels
from tomtat.summarizers.features import Candidates
from tomtat.summarizers.sentence_features import FEATURES, MONOTONE, sentence_features

MODEL_FILE = "scorer-v4.json"
# A JSON object: per part, per member, the LightGBM models of its seeds in their text format.
MODEL_FORMAT = "tomtat-scorer-4"
MODEL_PARTS = ("sentences", "concepts")
# member -> (monotone constraints and equal story weights, the seeds of its boosters)
MEMBERS = {"constrained": (True, (0,)), "free": (False, (0, 1, 2))}
_TRAINING = {
    "n_estimators": 300, "learning_rate": 0.05, "num_leaves": 15, "min_child_samples": 20,
    "subsample": 0.8, "subsample_freq": 1, "colsample_bytree": 0.8,
    "deterministic": True, "force_row_wise": True, "n_jobs": 1, "verbose": -1,
}


class _Ensemble:
    """The mean over members of each member's mean booster prediction."""

    def __init__(self, members: list[list]) -> None:
        self.members = members

    def predict(self, rows: np.ndarray) -> np.ndarray:
        """Each distinct row predicted once: most bigrams of a big story share their feature row
        (150k bigrams of 1,000 articles have 32k distinct rows)."""
        rows = np.ascontiguousarray(rows, dtype=float)
        if not len(rows):
            return np.zeros(0)
        keys = rows.view(np.dtype((np.void, rows.dtype.itemsize * rows.shape[1]))).ravel()
        _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        distinct = rows[first]
        threads = library_threads()
        options = {} if threads is None else {"num_threads": threads}
        means = [np.mean([booster.predict(distinct, **options) for booster in boosters], axis=0) for boosters in self.members]
        return np.mean(means, axis=0)[inverse.reshape(-1)]


def bigram_precision(candidates: Candidates, references: list[str]) -> np.ndarray:
    """Training target: share of each sentence's syllable bigrams in the references (mean)."""
    reference_bigrams = [set(zip(tokens, tokens[1:])) for tokens in map(syllables, references)]
    targets = []
    for sentence in candidates.sentences:
        bigrams = set(zip(sentence.syllables, sentence.syllables[1:]))
        shares = [len(bigrams & ref) / max(1, len(bigrams)) for ref in reference_bigrams]
        targets.append(sum(shares) / len(shares))
    return np.array(targets)


def train(clusters: Iterable[Cluster], prepare) -> str:
    """Both models (sentence scorer and concept weigher) fitted on clusters with references,
    as the JSON text of a model file; deterministic."""
    import lightgbm

    sentence_rows, sentence_targets, concept_rows, concept_targets = [], [], [], []
    for cluster in clusters:
        if not cluster.references:
            continue
        candidates = Candidates.build([prepare(a, i) for i, a in enumerate(cluster.articles)])
        if not candidates.sentences:
            continue
        sentence_rows.append(sentence_features(candidates))
        sentence_targets.append(bigram_precision(candidates, cluster.references))
        concept_rows.append(concept_features(candidates))
        concept_targets.append(concept_labels(candidates, cluster.references))
    if not sentence_rows:
        raise ValueError("no cluster with reference summaries to train on")
    models: dict[str, list[list[str]]] = {}
    for name, rows, targets, names, monotone in (
        ("sentences", sentence_rows, sentence_targets, FEATURES, MONOTONE),
        ("concepts", concept_rows, concept_targets, CONCEPT_FEATURES, CONCEPT_MONOTONE),
    ):
        features, target = np.vstack(rows), np.concatenate(targets)
        # every story weighs the same, however many sentences (or bigrams) it has
        story_weights = np.concatenate([np.full(len(t), len(targets) / len(t)) for t in targets])
        models[name] = []
        for constrained, seeds in MEMBERS.values():
            constraints = [monotone.get(f, 0) if constrained else 0 for f in names]
            member = []
            for seed in seeds:
                fitted = lightgbm.LGBMRegressor(**_TRAINING, random_state=seed, monotone_constraints=constraints).fit(
                    features, target, sample_weight=story_weights if constrained else None, feature_name=list(names)
                )
                member.append(fitted.booster_.model_to_string())
            models[name].append(member)
    return json.dumps({"format": MODEL_FORMAT, **models}, indent=0, sort_keys=True) + "\n"


@cache
def _boosters(path: str | None = None) -> dict[str, _Ensemble]:
    """The sentence scorer and concept weigher of a model file (the shipped one when `path` is None)."""
    import lightgbm

    if path is None:
        text = (resources.files("tomtat") / "models" / MODEL_FILE).read_text(encoding="utf-8")
        where = f"shipped model {MODEL_FILE}"
    else:
        where = path
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ValueError(f"{where}: cannot read the model file: {error}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"{where}: not a tomtat model (JSON from `tomtat train`): {error}") from None
    if not isinstance(data, dict) or data.get("format") != MODEL_FORMAT or not all(
        isinstance(data.get(name), list) and data[name]
        and all(isinstance(member, list) and member and all(isinstance(m, str) for m in member) for member in data[name])
        for name in MODEL_PARTS
    ):
        raise ValueError(f"{where}: not a {MODEL_FORMAT} model; rebuild it with `tomtat train DATA.jsonl -o MODEL`")
    try:
        return {name: _Ensemble([[lightgbm.Booster(model_str=m) for m in member] for member in data[name]])
                for name in MODEL_PARTS}
    except lightgbm.basic.LightGBMError as error:
        raise ValueError(f"{where}: its {MODEL_FORMAT} models do not load ({error}); rebuild it with `tomtat train`") from None


def check_model(path: Path) -> None:
    """Load the model file at `path` once; ValueError saying what is wrong with it."""
    _boosters(str(path))


def supervised_scores(candidates: Candidates, model_path: Path | None = None) -> np.ndarray:
    """Predicted bigram overlap with a reference summary, per sentence."""
    return _boosters(str(model_path) if model_path else None)["sentences"].predict(sentence_features(candidates))


def supervised_concept_weights(candidates: Candidates, model_path: Path | None = None) -> np.ndarray:
    """Predicted chance that each bigram of the story is in a reference summary."""
    if not candidates.concepts.shape[1]:
        return np.zeros(0)
    return _boosters(str(model_path) if model_path else None)["concepts"].predict(concept_features(candidates))
