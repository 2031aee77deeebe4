"""Sentence vectors shared by the summarizers and redundancy removal."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from tomtat.model import Document, Sentence
from tomtat.nlp import stopwords


def syllable_ngrams(syllables: list[str]) -> list[str]:
    """Syllable unigrams and bigrams: Vietnamese words are mostly one or two syllables."""
    return syllables + [f"{a} {b}" for a, b in zip(syllables, syllables[1:])]


@dataclass
class Candidates:
    """Every sentence of a story with its TF-IDF vector (rows L2-normalised)."""

    documents: list[Document]
    sentences: list[Sentence]
    vectors: sparse.csr_matrix
    title_vectors: sparse.csr_matrix  # one row per document
    syllable_weights: sparse.csr_matrix  # IDF of each distinct non-stopword syllable of each sentence
    query_similarity: np.ndarray | None = None  # cosine of each sentence to the query, if one was given

    @classmethod
    def build(cls, documents: list[Document], query: list[str] | None = None) -> Candidates:
        """Vectors of the documents' sentences; `query` (syllables) adds each one's similarity to it."""
        sentences = [s for d in documents for s in d.sentences]
        vectorizer = TfidfVectorizer(analyzer=syllable_ngrams, sublinear_tf=True, norm="l2")
        vectors = vectorizer.fit_transform([s.syllables for s in sentences])
        titles = vectorizer.transform([d.title_syllables for d in documents])
        stop = stopwords()
        unigrams = np.array([" " not in term and term not in stop for term in vectorizer.get_feature_names_out()])
        presence = (vectors[:, unigrams] > 0).astype(float)
        weights = presence @ sparse.diags(vectorizer.idf_[unigrams])
        query_similarity = None
        if query is not None:
            query_similarity = (vectors @ vectorizer.transform([query]).T).toarray().ravel()
        return cls(documents, sentences, vectors.tocsr(), titles.tocsr(), weights.tocsr(), query_similarity)

    def article_centroid(self) -> np.ndarray:
        """Mean of the per-article mean vectors, so long articles do not dominate."""
        article_of = np.array([s.article for s in self.sentences])
        counts = np.bincount(article_of, minlength=len(self.documents)).astype(float)
        present = counts > 0
        membership = sparse.csr_matrix(
            (1.0 / counts[article_of], (article_of, np.arange(len(article_of)))),
            shape=(len(self.documents), len(article_of)),
        )
        means = normalize((membership @ self.vectors)[present])
        centroid = np.asarray(means.mean(axis=0)).ravel() if means.shape[0] else np.zeros(self.vectors.shape[1])
        return centroid / (np.linalg.norm(centroid) or 1.0)
