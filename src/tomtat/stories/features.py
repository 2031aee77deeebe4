"""What story tracking compares: syllable n-gram vectors and MinHash signatures of articles."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.utils import murmurhash3_32

from tomtat.clean import clean_text, normalize_text
from tomtat.model import Article
from tomtat.nlp.tokens import syllables
from tomtat.stories.options import StoryOptions

# Hash scheme of the stored signatures (datasketch 2.x) and shingle hash: the state's identity.
MINHASH_SCHEME = "affine32"
# Version of what `featurize` computes (cleaning, terms, weights, shingles): a stored state holds
# vectors of one version only. Bump it whenever a change to featurize alters its output.
FEATURIZER_VERSION = 3  # 2: word-segmented text ("đối_lập") read as syllables; 3: the lead's fixed share
# Earlier versions whose vectors of text without word-segmented words are what this one computes:
# a state of one of them whose texts are not stored keeps its vectors (texts there were not segmented).
# None since version 3, which changed every vector.
KEPT_FEATURIZERS: frozenset[str] = frozenset()
# How many times the title's terms count: a headline names the event in a few words, while
# the body dilutes it with background (on ViMs, weight 3 raises online B-cubed F1 by ~0.005).
TITLE_WEIGHT = 3
# The title and the body's first `LEAD_SYLLABLES` syllables make `LEAD_SHARE` of an article's vector
# whatever the body's length, the whole body the rest: a long article's background no longer
# drowns the terms naming its event (online B-cubed F1, ViMs 0.9618 -> 0.9637, AbMuSu 0.8736 -> 0.8857).
LEAD_SYLLABLES = 100
LEAD_SHARE = 0.5


@dataclass
class SparseVector:
    """Sorted feature indices and their weights."""

    indices: np.ndarray  # integers, sorted, unique
    values: np.ndarray  # floats

    @classmethod
    def empty(cls) -> SparseVector:
        return cls(np.zeros(0, np.int64), np.zeros(0, np.float64))


@dataclass
class ArticleFeatures:
    """One article as story tracking sees it."""

    id: str
    title: str
    date: dt.date | None
    vector: SparseVector  # unit-length sublinear term frequencies (no IDF: applied when compared)
    signature: np.ndarray  # MinHash hash values (uint64), `num_perm` long


@lru_cache(maxsize=4)
def _vectorizer(n_features: int) -> HashingVectorizer:
    return HashingVectorizer(analyzer=_identity, n_features=n_features, alternate_sign=False, norm=None)


def _identity(terms: list[str]) -> list[str]:
    return terms


def _terms(tokens: list[str]) -> list[str]:
    """Syllables and syllable bigrams (most Vietnamese words are one or two syllables)."""
    return tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]


def _unit_vector(terms: list[str], n_features: int) -> SparseVector:
    """Unit-length sublinear-tf vector of hashed `terms` (float64)."""
    if not terms:
        return SparseVector.empty()
    row = _vectorizer(n_features).transform([terms])
    row.sort_indices()
    values = 1.0 + np.log(row.data.astype(np.float64))
    return SparseVector(row.indices.astype(np.int64), values / np.linalg.norm(values))


def term_vector(tokens: list[str], n_features: int, title: list[str] | None = None) -> SparseVector:
    """Unit-length vector of the hashed syllable 1-2-grams of `title` and the body `tokens`.

    Two unit-length sublinear-tf vectors summed with fixed shares: `LEAD_SHARE` for the title
    (its terms counted `TITLE_WEIGHT` times) with the body's first `LEAD_SYLLABLES` syllables,
    the rest for the whole body.
    """
    lead = _unit_vector(_terms(title or []) * TITLE_WEIGHT + _terms(tokens[:LEAD_SYLLABLES]), n_features)
    body = _unit_vector(_terms(tokens), n_features)
    if not len(lead.indices):
        return SparseVector.empty()
    indices, inverse = np.unique(np.concatenate([lead.indices, body.indices]), return_inverse=True)
    values = np.bincount(inverse, weights=np.concatenate([LEAD_SHARE * lead.values, (1.0 - LEAD_SHARE) * body.values]),
                         minlength=len(indices))
    # Stored per article, so kept small: int32 indices, float32 weights.
    return SparseVector(indices.astype(np.int32), (values / np.linalg.norm(values)).astype(np.float32))


def shingle_hash(shingle: bytes) -> int:
    """32-bit MurmurHash3 of a shingle: stable across runs and 30x faster than datasketch's SHA-1."""
    return murmurhash3_32(shingle, positive=True)


@lru_cache(maxsize=8)
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    return MinHash(num_perm=num_perm, seed=seed, scheme=MINHASH_SCHEME).permutations


def signature(tokens: list[str], options: StoryOptions) -> np.ndarray:
    """MinHash hash values of the `shingle_size`-syllable shingles of `tokens`."""
    size = options.shingle_size
    shingles = {" ".join(tokens[i:i + size]) for i in range(max(1, len(tokens) - size + 1))}
    minhash = MinHash(num_perm=options.num_perm, seed=options.seed, scheme=MINHASH_SCHEME, hashfunc=shingle_hash,
                      permutations=_permutations(options.num_perm, options.seed))
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingles) if s])
    return minhash.hashvalues.copy()


def featurize(article: Article, options: StoryOptions) -> ArticleFeatures:
    """Vector of the cleaned title (weighted) and body; signature of the body alone (copies get new titles).

    Raises ValueError when the article has no syllable at all.
    """
    title = normalize_text(article.title).strip()
    body = syllables(clean_text(article.text))
    head = syllables(title)
    if not body and not head:
        raise ValueError(f"article {article.id!r} has no text to compare")
    shingled = body if len(body) >= options.shingle_size * 4 else head + body
    return ArticleFeatures(
        id=article.id,
        title=title,
        date=article.date,
        vector=term_vector(body, options.n_features, title=head),
        signature=signature(shingled, options),
    )


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard similarity estimated from two signatures of the same permutations."""
    return float(np.count_nonzero(a == b)) / len(a)
