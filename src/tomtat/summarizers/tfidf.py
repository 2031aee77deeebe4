"""TF-IDF of syllable unigrams and bigrams: scikit-learn's `TfidfVectorizer(analyzer=
syllable_ngrams, sublinear_tf=True, norm="l2")`, number for number, counted on integer codes
with numpy instead of a Python loop over every n-gram string of every sentence (a 1,000-article
story has 1.4 million n-grams; scikit-learn's counting took 1.5-2 s of its 2.2-2.9 s here).

The matrices are scikit-learn's to the last bit, their entries in the same order within a row
(sums over a row follow that order): terms numbered in first-seen order, rows sorted by that,
then renumbered alphabetically. `tests/test_summarizers.py` checks this against scikit-learn.
"""
from __future__ import annotations

from collections.abc import Sequence
from itertools import chain

import numpy as np
from scipy import sparse
from sklearn.preprocessing import normalize


def syllable_ngrams(syllables: list[str]) -> list[str]:
    """Syllable unigrams and bigrams: Vietnamese words are mostly one or two syllables."""
    return syllables + [f"{a} {b}" for a, b in zip(syllables, syllables[1:])]


class SyllableTfidf:
    """Fitted on the sentences of one story (`fit_transform`), then `transform` for other texts."""

    def __init__(self) -> None:
        self.terms = np.array([], dtype=object)  # the term of each column, alphabetical
        self.idf_ = np.zeros(0)
        self._column: dict[str, int] = {}

    def fit_transform(self, texts: Sequence[list[str]]) -> sparse.csr_matrix:
        """TF-IDF rows of `texts` (syllable lists); the vocabulary and IDF are learned from them.
        Raises ValueError when they hold no syllable at all, as scikit-learn does."""
        flat = list(chain.from_iterable(texts))
        syllables = list(dict.fromkeys(flat))
        if not syllables:
            raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
        count = len(syllables)
        ids = np.fromiter(map(dict(zip(syllables, range(count))).__getitem__, flat), dtype=np.int64, count=len(flat))
        codes, rows = _feature_codes(ids, np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)), count)
        distinct, first, inverse = np.unique(codes, return_index=True, return_inverse=True)
        seen_order = np.argsort(first, kind="stable")
        seen_id = np.empty(len(distinct), dtype=np.int64)
        seen_id[seen_order] = np.arange(len(distinct))
        terms = [syllables[code] if code < count else f"{syllables[(code - count) // count]} {syllables[(code - count) % count]}"
                 for code in distinct[seen_order].tolist()]
        alphabetical = sorted(range(len(terms)), key=terms.__getitem__)
        rank = np.empty(len(terms), dtype=np.int32)
        rank[alphabetical] = np.arange(len(terms), dtype=np.int32)
        self.terms = np.array([terms[k] for k in alphabetical], dtype=object)
        self._column = dict(zip(self.terms.tolist(), range(len(terms))))
        counts = _counts(rows, seen_id[inverse.reshape(-1)], len(texts), len(terms))
        counts.indices = rank[counts.indices]  # rows keep first-seen order, as scikit-learn's do
        document_frequency = np.bincount(counts.indices, minlength=len(terms)).astype(np.float64)
        document_frequency += 1.0
        self.idf_ = np.full_like(document_frequency, fill_value=len(texts) + 1, dtype=np.float64)
        self.idf_ /= document_frequency
        np.log(self.idf_, out=self.idf_)
        self.idf_ += 1.0
        return self._weighted(counts)

    def transform(self, texts: Sequence[list[str]]) -> sparse.csr_matrix:
        """TF-IDF rows of other texts (headlines, a query) over the fitted vocabulary; terms
        outside it are left out."""
        features = [[term for term in syllable_ngrams(text) if term in self._column] for text in texts]
        rows = np.repeat(np.arange(len(texts), dtype=np.int64), list(map(len, features)))
        columns = np.fromiter(map(self._column.__getitem__, chain.from_iterable(features)), dtype=np.int64, count=len(rows))
        return self._weighted(_counts(rows, columns, len(texts), len(self.terms)))

    def _weighted(self, counts: sparse.csr_matrix) -> sparse.csr_matrix:
        np.log(counts.data, out=counts.data)
        counts.data += 1.0
        counts.data *= self.idf_[counts.indices]
        return normalize(counts, norm="l2", copy=False)


def _feature_codes(ids: np.ndarray, lengths: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
    """The code of every n-gram of every text, in `syllable_ngrams` order (a text's unigrams,
    then its bigrams), and its text. Unigram of syllable a: a; bigram a b: count + a * count + b."""
    texts = np.arange(len(lengths))
    bigrams = np.maximum(lengths - 1, 0)
    feature_start = np.cumsum(lengths + bigrams) - (lengths + bigrams)
    text_of = np.repeat(texts, lengths)
    within = np.arange(len(ids)) - (np.cumsum(lengths) - lengths)[text_of]
    codes = np.empty(int((lengths + bigrams).sum()), dtype=np.int64)
    codes[feature_start[text_of] + within] = ids
    followed = np.flatnonzero(within < lengths[text_of] - 1)
    codes[feature_start[text_of[followed]] + lengths[text_of[followed]] + within[followed]] = (
        count + ids[followed] * count + ids[followed + 1])
    return codes, np.repeat(texts, lengths + bigrams)


def _counts(rows: np.ndarray, columns: np.ndarray, height: int, width: int) -> sparse.csr_matrix:
    """How often each column is in each row (float counts), a row's columns ascending."""
    keys, counts = np.unique(rows * width + columns, return_counts=True)
    indptr = np.zeros(height + 1, dtype=np.int32)
    np.cumsum(np.bincount(keys // width, minlength=height), out=indptr[1:])
    return sparse.csr_matrix((counts.astype(np.float64), (keys % width).astype(np.int32), indptr), shape=(height, width))
