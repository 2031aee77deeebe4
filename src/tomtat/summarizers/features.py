"""Sentence vectors shared by the summarizers and redundancy removal."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
from scipy import sparse
from sklearn.preprocessing import normalize

from tomtat.model import Document, Sentence
from tomtat.nlp import stopwords
from tomtat.summarizers.tfidf import SyllableTfidf


# Terms in more sentences than this are left out of sentence-to-sentence similarity (see
# `_informative`): at 50, a 1,000-article story is summarized in 4 s instead of 72.
FREQUENT_TERM_SENTENCES = 50
LEAD_SENTENCES = 3  # the lead of an article: its first sentences


def best_per_article(rows: np.ndarray, columns: np.ndarray, values: np.ndarray, article_of: np.ndarray,
                     documents: int) -> tuple[np.ndarray, np.ndarray]:
    """Similarity entries (`rows` ascending, within a row `columns` ascending, so their articles
    `article_of[columns]` too) reduced to one per (row, article): the row and its best value."""
    if not len(values):
        return rows, values
    key = rows.astype(np.int64) * documents + article_of[columns]
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    return rows[starts], np.maximum.reduceat(values, starts)


def row_max(matrix: sparse.spmatrix) -> np.ndarray:
    """The largest entry of each row, implicit zeros counted, as `matrix.max(axis=1)` gives it
    but without first sorting every row (sentences by headlines at 1,000 articles: 0.36 s with
    it, 0.01 s without); 0 for a matrix without columns."""
    matrix = sparse.csr_matrix(matrix)
    out = np.zeros(matrix.shape[0])
    lengths = np.diff(matrix.indptr)
    filled = lengths > 0
    if matrix.shape[1] and filled.any():
        maxima = np.maximum.reduceat(matrix.data[:matrix.indptr[-1]], matrix.indptr[:-1][filled])
        out[filled] = np.where(lengths[filled] < matrix.shape[1], np.maximum(maxima, 0.0), maxima)
    return out


def _binary(matrix: sparse.spmatrix) -> sparse.csr_matrix:
    """1.0 wherever `matrix` is non-zero."""
    matrix = sparse.csr_matrix(matrix, dtype=float)
    matrix.eliminate_zeros()
    matrix.data[:] = 1.0
    return matrix


def _informative(vectors: sparse.csr_matrix) -> sparse.csr_matrix:
    """Rows of `vectors` without the terms found in more than `FREQUENT_TERM_SENTENCES`
    sentences, re-normalised.

    In a large story such terms make almost every pair of sentences similar a little: dropping
    them keeps the all-pairs similarity sparse (1,000 articles: about 12 million pairs instead
    of 190 million). A story of a few articles loses only its commonest function words.
    """
    sentences_with = np.bincount(vectors.indices, minlength=vectors.shape[1])
    frequent = sentences_with > FREQUENT_TERM_SENTENCES
    return vectors if not frequent.any() else normalize(vectors[:, np.flatnonzero(~frequent)]).tocsr()


@dataclass
class Candidates:
    """Every sentence of a story with its TF-IDF vector (rows L2-normalised).

    `concepts` marks which syllable bigrams (`concept_terms`, "a b") each sentence holds: the
    units of information that concept-coverage selection counts, as ROUGE-2 does.
    """

    documents: list[Document]
    sentences: list[Sentence]
    vectors: sparse.csr_matrix
    title_vectors: sparse.csr_matrix  # one row per document
    syllable_weights: sparse.csr_matrix  # IDF of each distinct non-stopword syllable of each sentence
    concepts: sparse.csr_matrix  # 1 where a sentence holds a bigram, one column per bigram
    concept_terms: np.ndarray  # the bigram of each column of `concepts`
    title_concepts: sparse.csr_matrix  # the same bigrams in each document's title
    pair_vectors: sparse.csr_matrix  # `vectors` over informative terms only, for sentence-to-sentence similarity
    query_similarity: np.ndarray | None = None  # cosine of each sentence to the query, if one was given

    @classmethod
    def build(cls, documents: list[Document], query: list[str] | None = None) -> Candidates:
        """Vectors of the documents' sentences; `query` (syllables) adds each one's similarity to it."""
        sentences = [s for d in documents for s in d.sentences]
        vectorizer = SyllableTfidf()
        vectors = vectorizer.fit_transform([s.syllables for s in sentences])
        titles = vectorizer.transform([d.title_syllables for d in documents])
        stop = stopwords()
        terms = vectorizer.terms
        is_bigram = np.char.find(terms.astype(str), " ") >= 0
        unigrams = ~is_bigram & np.fromiter((term not in stop for term in terms), dtype=bool, count=len(terms))
        presence = (vectors[:, unigrams] > 0).astype(float)
        weights = presence @ sparse.diags(vectorizer.idf_[unigrams])
        query_similarity = None
        if query is not None:
            query_similarity = (vectors @ vectorizer.transform([query]).T).toarray().ravel()
        vectors = vectors.tocsr()
        return cls(
            documents, sentences, vectors, titles.tocsr(), weights.tocsr(),
            concepts=_binary(vectors[:, is_bigram]), concept_terms=terms[is_bigram],
            title_concepts=_binary(titles[:, is_bigram]), pair_vectors=_informative(vectors),
            query_similarity=query_similarity,
        )

    @cached_property
    def article_of(self) -> np.ndarray:
        """The index of each sentence's document."""
        return np.array([s.article_index for s in self.sentences], dtype=int)

    def article_centroid(self) -> np.ndarray:
        """Mean of the per-article mean vectors, so long articles do not dominate."""
        article_of = self.article_of
        counts = np.bincount(article_of, minlength=len(self.documents)).astype(float)
        present = counts > 0
        membership = sparse.csr_matrix(
            (1.0 / counts[article_of], (article_of, np.arange(len(article_of)))),
            shape=(len(self.documents), len(article_of)),
        )
        means = normalize((membership @ self.vectors)[present])
        centroid = np.asarray(means.mean(axis=0)).ravel() if means.shape[0] else np.zeros(self.vectors.shape[1])
        return centroid / (np.linalg.norm(centroid) or 1.0)
