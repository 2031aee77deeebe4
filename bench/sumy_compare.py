"""sumy's LexRank as an outside reference, for quality and for speed, beside tomtat's methods.

Quality: sumy's LexRank rates the very sentences tomtat's pipeline made (cleaned, split), and
the ratings go through tomtat's selection with `--budget ref`, so only the ranking differs.
Speed: one synthetic cluster of N articles sampled (fixed seed) from the pooled shared data,
from raw text to summary, tomtat's default method and sumy's LexRank side by side; peak memory
of tomtat's run by tracemalloc (in a second, untimed run). sumy is a benchmark-only dependency: pip install "sumy>=0.11,<0.12".

    python bench/sumy_compare.py [--data ../shared/data] [--sizes 200,1000] [--sumy-max 200]
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import null_stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer

import tomtat
from tomtat import summarize_cluster
from tomtat.evaluate import evaluate
from tomtat.ingest import read_clusters
from tomtat.options import Options, SelectionOptions
from tomtat.problems import ProblemLog
from tomtat.summarizers import METHODS, Method
from tomtat.summarizers.features import Candidates

SETS = ("abmusu/validation.jsonl", "vims2017/all.jsonl")


class SyllableTokenizer:
    """sumy's tokenizer interface over tomtat's sentences: words are `\\w+` syllables."""

    language = "vietnamese"

    def to_words(self, sentence: str) -> list[str]:
        return re.findall(r"\w+", sentence.lower())

    def to_sentences(self, paragraph: str) -> list[str]:
        return [paragraph]


class RatingLexRank(LexRankSummarizer):
    """sumy's LexRank that keeps its sentence ratings (sumy hands them to `_get_best_sentences`)."""

    def _get_best_sentences(self, sentences, count, rating, *args, **kwargs):
        self.ratings = rating
        return ()


def sumy_lexrank_scores(candidates: Candidates) -> np.ndarray:
    """sumy's LexRank rating of each candidate sentence."""
    tokenizer = SyllableTokenizer()
    sentences = [Sentence(s.text, tokenizer) for s in candidates.sentences]
    summarizer = RatingLexRank(null_stemmer)
    summarizer(ObjectDocumentModel([Paragraph(sentences)]), len(sentences))
    return np.array([summarizer.ratings[s] for s in sentences])


def quality(data: Path) -> None:
    METHODS["sumy-lexrank"] = Method(sumy_lexrank_scores)
    print("| dataset | method | ROUGE-2 F1 | seconds |")
    print("|---|---|---|---|")
    for name in SETS:
        clusters = list(read_clusters(str(data / name), ProblemLog()))
        for method in ("supervised", "centroid", "lexrank", "sumy-lexrank"):
            start = time.perf_counter()
            options = Options(method=method, selection=SelectionOptions(fill=True))
            predictions = {c.id: summarize_cluster(c, options).text for c in clusters}
            seconds = time.perf_counter() - start
            rouge2 = 100 * evaluate(clusters, predictions).mean["rouge2"].f1
            print(f"| {name} | {method} | {rouge2:.2f} | {seconds:.1f} |")
    del METHODS["sumy-lexrank"]


def speed(data: Path, sizes: list[int], sumy_max: int) -> None:
    pool = [a for name in (*SETS, "abmusu/train.jsonl") for c in read_clusters(str(data / name), ProblemLog()) for a in c.articles]
    print("\n| articles | sentences | tomtat default (supervised) s | peak MiB | sumy LexRank s | ratio |")
    print("|---|---|---|---|---|---|")
    for size in sizes:
        articles = random.Random(size).sample(pool, size)
        start = time.perf_counter()
        tomtat.summarize(articles, budget="200")
        ours = time.perf_counter() - start
        tracemalloc.start()  # a second run: tracing slows Python down, so it is not timed
        tomtat.summarize(articles, budget="200")
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        documents = [tomtat.prepare(a, i) for i, a in enumerate(articles)]
        sentences = sum(len(d.sentences) for d in documents)
        theirs = ratio = "not run"
        if size <= sumy_max:
            start = time.perf_counter()
            sumy_lexrank_scores(Candidates.build(documents))
            seconds = time.perf_counter() - start
            theirs, ratio = f"{seconds:.1f}", f"{seconds / ours:.0f}x"
        print(f"| {size} | {sentences} | {ours:.2f} | {peak:.0f} | {theirs} | {ratio} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "data")
    parser.add_argument("--sizes", default="200,1000")
    parser.add_argument("--sumy-max", type=int, default=200, help="largest cluster sumy is run on (it is quadratic)")
    args = parser.parse_args()
    if not (args.data / SETS[0]).is_file():
        sys.exit(f"no datasets under {args.data}: pass --data")
    quality(args.data)
    speed(args.data, [int(n) for n in args.sizes.split(",")], args.sumy_max)


if __name__ == "__main__":
    main()
