"""Concepts: the syllable bigrams of a story, described for the supervised concept weigher.

A bigram the reference summary will hold tends to be in many of the story's articles, in many
sentences, early in an article, and in the headlines; a bigram of two function words rarely
carries a fact. Following Gillick and Favre (2009) and Li et al. (2013), a model predicts from
such features how likely each bigram is to appear in a summary, and selection then covers as
much of that weight as the budget allows.
"""
from __future__ import annotations

import re

import numpy as np
from scipy import sparse

from tomtat.nlp import stopwords, syllables
from tomtat.summarizers.features import LEAD_SENTENCES, Candidates
from tomtat.summarizers.sentence_features import article_order

_DIGIT = re.compile("[0-9]")
CONCEPT_FEATURES = (
    "article_share", "sentence_share", "first_position", "first_relative_position", "in_first_sentence_share",
    "in_earliest_lead", "title_share", "stopwords", "has_digit",
)
CONCEPT_MONOTONE = {
    "article_share": 1, "sentence_share": 1, "first_position": -1, "first_relative_position": -1,
    "in_first_sentence_share": 1, "in_earliest_lead": 1, "title_share": 1, "stopwords": -1,
}


def _column_max(matrix: sparse.csr_matrix, row_values: np.ndarray) -> np.ndarray:
    """Per column of a 0/1 matrix: the largest of the (positive) `row_values` over its rows."""
    return (sparse.diags(row_values) @ matrix).max(axis=0).toarray().ravel()


def _stopword_counts(terms: np.ndarray) -> np.ndarray:
    """How many of the two syllables of each bigram are function words (0, 1 or 2)."""
    stop = stopwords()
    return np.array([(first in stop) + (second in stop) for first, _, second in (t.partition(" ") for t in terms)],
                    dtype=float)


def _has_digit(terms: np.ndarray) -> np.ndarray:
    return np.fromiter((_DIGIT.search(term) is not None for term in terms), dtype=float, count=len(terms))


def concept_features(candidates: Candidates) -> np.ndarray:
    """One row of `CONCEPT_FEATURES` per bigram (column of `candidates.concepts`)."""
    concepts = candidates.concepts
    if not concepts.shape[1]:
        return np.zeros((0, len(CONCEPT_FEATURES)))
    documents = len(candidates.documents)
    article_of = candidates.article_of
    position = np.array([s.position for s in candidates.sentences], dtype=float)
    article_sizes = np.bincount(article_of, minlength=documents).astype(float)
    membership = sparse.csr_matrix(
        (np.ones(len(article_of)), (article_of, np.arange(len(article_of)))), shape=(documents, len(article_of))
    )
    articles_with = np.asarray(((membership @ concepts) > 0).sum(axis=0)).ravel().astype(float)
    first_position = 1.0 / _column_max(concepts, 1.0 / (1.0 + position)) - 1.0
    first_relative = 1.0 - _column_max(concepts, 1.0 - position / article_sizes[article_of])
    first_sentences = concepts[position == 0]
    earliest = article_order(candidates)[article_of] == 0
    return np.column_stack([
        articles_with / documents,
        np.asarray(concepts.sum(axis=0)).ravel() / len(article_of),
        first_position,
        first_relative,
        np.asarray(first_sentences.sum(axis=0)).ravel() / documents,
        np.asarray(concepts[(position < LEAD_SENTENCES) & earliest].sum(axis=0)).ravel() > 0,
        np.asarray(candidates.title_concepts.sum(axis=0)).ravel() / documents,
        _stopword_counts(candidates.concept_terms),
        _has_digit(candidates.concept_terms),
    ]).astype(float)


def concept_labels(candidates: Candidates, references: list[str]) -> np.ndarray:
    """Training target: the share of the references that hold each bigram."""
    held = np.zeros(len(candidates.concept_terms))
    for reference in references:
        tokens = syllables(reference)
        held += np.isin(candidates.concept_terms, [f"{a} {b}" for a, b in zip(tokens, tokens[1:])])
    return held / max(1, len(references))
