"""A supervised sentence scorer: news features and a LightGBM regressor trained on AbMuSu.

Each sentence is described by where it stands (position in its article, in the lead), how long
it is, how close it is to the story centroid and to the headlines, how many other articles say
the same thing (support), how central it is in the sentence graph, and its numbers, quotes and
capitalised words (a proxy for named entities). The target is the share of the sentence's
syllable bigrams found in the reference summary. The model ships with the package as
LightGBM's text format and is rebuilt deterministically by `tomtat train`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
from scipy import sparse

from tomtat.model import Cluster
from tomtat.nlp import syllables
from tomtat.summarizers.features import Candidates

MODEL_FILE = "scorer-v1.txt"
FEATURES = (
    "position", "relative_position", "is_first", "syllables", "centroid_similarity", "title_similarity",
    "own_title_similarity", "support", "best_other_similarity", "degree", "numbers", "has_quote",
    "capitalised_share", "articles",
)
SUPPORT_SIMILARITY = 0.3  # a sentence "says the same" as one of another article at this cosine
_DIGIT = re.compile(r"\d")
_TRAINING = {
    "n_estimators": 300, "learning_rate": 0.05, "num_leaves": 15, "min_child_samples": 20,
    "subsample": 0.8, "subsample_freq": 1, "colsample_bytree": 0.8, "random_state": 0,
    "deterministic": True, "force_row_wise": True, "n_jobs": 1, "verbose": -1,
}


def _max_per_row(matrix: sparse.csr_matrix) -> np.ndarray:
    return matrix.max(axis=1).toarray().ravel() if matrix.shape[1] else np.zeros(matrix.shape[0])


def _support(similarity: sparse.csr_matrix, article_of: np.ndarray, articles: int) -> tuple[np.ndarray, np.ndarray]:
    """Per sentence: how many other articles hold a sentence at least `SUPPORT_SIMILARITY`
    similar to it, and its best similarity to a sentence of another article."""
    pairs = similarity.tocoo()
    row, other_article, value = pairs.row, article_of[pairs.col], pairs.data
    keep = other_article != article_of[row]
    row, other_article, value = row[keep], other_article[keep], value[keep]
    count = similarity.shape[0]
    best_other = np.zeros(count)
    np.maximum.at(best_other, row, value)
    key = row.astype(np.int64) * articles + other_article
    order = np.argsort(key, kind="stable")
    unique_keys, starts = np.unique(key[order], return_index=True)
    best_per_pair = np.maximum.reduceat(value[order], starts) if len(starts) else np.zeros(0)
    supported_rows = (unique_keys // articles)[best_per_pair >= SUPPORT_SIMILARITY]
    return np.bincount(supported_rows, minlength=count).astype(float), best_other


def sentence_features(candidates: Candidates) -> np.ndarray:
    """One row of `FEATURES` per candidate sentence."""
    sentences = candidates.sentences
    count = len(sentences)
    article_of = np.array([s.article for s in sentences])
    article_sizes = np.bincount(article_of, minlength=len(candidates.documents)).astype(float)
    position = np.array([s.position for s in sentences], dtype=float)
    to_titles = (candidates.vectors @ candidates.title_vectors.T).tocsr()
    similarity = (candidates.vectors @ candidates.vectors.T).tocsr()
    similarity.setdiag(0)
    similarity.eliminate_zeros()
    support, best_other = _support(similarity, article_of, len(candidates.documents))
    words = [s.text.split() for s in sentences]
    return np.column_stack([
        position,
        position / article_sizes[article_of],
        position == 0,
        [len(s.syllables) for s in sentences],
        candidates.vectors @ candidates.article_centroid(),
        _max_per_row(to_titles),
        np.asarray(to_titles[np.arange(count), article_of]).ravel(),
        support / max(1, len(candidates.documents) - 1),
        best_other,
        np.asarray((similarity >= 0.1).sum(axis=1)).ravel() / count,
        [len(_DIGIT.findall(s.text)) for s in sentences],
        [("“" in s.text) or ('"' in s.text) for s in sentences],
        [sum(w[:1].isupper() for w in ws[1:]) / max(1, len(ws)) for ws in words],
        np.full(count, len(candidates.documents)),
    ]).astype(float)


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
    """A LightGBM model (text format) fitted on clusters with references; deterministic."""
    import lightgbm

    rows, targets = [], []
    for cluster in clusters:
        if not cluster.references:
            continue
        candidates = Candidates.build([prepare(a, i) for i, a in enumerate(cluster.articles)])
        if not candidates.sentences:
            continue
        rows.append(sentence_features(candidates))
        targets.append(bigram_precision(candidates, cluster.references))
    if not rows:
        raise ValueError("no cluster with reference summaries to train on")
    model = lightgbm.LGBMRegressor(**_TRAINING).fit(np.vstack(rows), np.concatenate(targets), feature_name=list(FEATURES))
    return model.booster_.model_to_string()


@cache
def _booster(path: str | None = None):
    import lightgbm

    if path is not None:
        return lightgbm.Booster(model_file=path)
    text = (resources.files("tomtat") / "models" / MODEL_FILE).read_text(encoding="utf-8")
    return lightgbm.Booster(model_str=text)


def supervised_scores(candidates: Candidates, model_path: Path | None = None) -> np.ndarray:
    """Predicted bigram overlap with a reference summary, per sentence."""
    booster = _booster(str(model_path) if model_path else None)
    return booster.predict(sentence_features(candidates))
