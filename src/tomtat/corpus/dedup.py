"""Near-duplicates at corpus scale: MinHash LSH banding as a shuffle on band keys.

Each signature is cut into `bands` bands of `rows` hash values; articles sharing a band's
values meet in one bucket (the shuffle on small integer rows), which gives candidate pairs.
Only the signatures of candidates are then fetched and each pair verified by estimated Jaccard
against `StoryOptions.duplicate_threshold`. Union-find over the verified pairs links
every copy to the earliest article of its group (`article_key`), the same rule whatever the
partitioning.
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import numpy as np

from tomtat.corpus.sources import ArticleRecord, article_key
from tomtat.corpus.unionfind import earliest_roots
from tomtat.stories import StoryOptions
from tomtat.stories.features import jaccard

# A bucket's members are compared with at most this many members before them, so a band value
# shared by thousands of articles (boilerplate) costs linear, not quadratic, work.
BUCKET_WINDOW = 32

ArticleKey = tuple  # `article_key(id, date)`


class BandRow(NamedTuple):
    band_key: int
    ref: int  # `record_ref` of the article


class Candidate(NamedTuple):
    ref: int
    article: ArticleKey
    signature: np.ndarray


@lru_cache(maxsize=8)
def band_shape(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) minimising the equal-weighted false positive and false negative areas of the
    banding curve around `threshold` (the choice datasketch's MinHashLSH makes)."""
    grid = np.linspace(0.0, 1.0, 1001)
    best, shape = np.inf, (1, num_perm)
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            found = 1.0 - (1.0 - grid ** rows) ** bands
            false_positive = np.mean(np.where(grid < threshold, found, 0.0))
            false_negative = np.mean(np.where(grid >= threshold, 1.0 - found, 0.0))
            error = 0.5 * false_positive + 0.5 * false_negative
            if error < best:
                best, shape = error, (bands, rows)
    return shape


def lsh_threshold(options: StoryOptions) -> float:
    """The banding threshold: below the verified one so borderline copies are still found
    (as `tomtat.stories.dedup.NearDuplicates` sets it)."""
    return max(0.1, options.duplicate_threshold * 0.8)


def record_ref(record: ArticleRecord) -> int:
    """A small integer naming a record in the shuffles: its partition and place (input order)."""
    return (record.order[0] << 32) | record.order[1]


def band_rows(partition: list[ArticleRecord], options: StoryOptions) -> list[BandRow]:
    """One row per article and band: the band's key (band number and a 64-bit hash of its values)."""
    from sklearn.utils import murmurhash3_32

    bands, rows = band_shape(lsh_threshold(options), options.num_perm)
    result = []
    for record in partition:
        ref = record_ref(record)
        signature = record.features.signature
        for band in range(bands):
            values = signature[band * rows:(band + 1) * rows].tobytes()
            digest = (murmurhash3_32(values, seed=options.seed, positive=True) << 32) | \
                murmurhash3_32(values, seed=options.seed + 1, positive=True)
            result.append(BandRow((band << 64) | digest, ref))
    return result


def bucket_pairs(_key: int, members: list[BandRow]) -> list[tuple[int, int]]:
    """Candidate pairs of a bucket: each member with up to `BUCKET_WINDOW` members before it."""
    refs = sorted({row.ref for row in members})
    return [(earlier, ref) for place, ref in enumerate(refs) for earlier in refs[max(0, place - BUCKET_WINDOW):place]]


def candidates(partition: list[ArticleRecord], wanted: set[int]) -> list[Candidate]:
    """The signatures of the records named in `wanted` (those in a candidate pair)."""
    return [Candidate(record_ref(r), article_key(r.article.id, r.article.date), r.features.signature)
            for r in partition if record_ref(r) in wanted]


def verified_pairs(pairs: list[tuple[int, int]], found: list[Candidate], threshold: float) -> list[tuple[ArticleKey, ArticleKey]]:
    """Candidate pairs whose estimated Jaccard reaches `threshold`, as article keys."""
    by_ref = {candidate.ref: candidate for candidate in found}
    return [(by_ref[a].article, by_ref[b].article) for a, b in sorted(set(pairs))
            if jaccard(by_ref[a].signature, by_ref[b].signature) >= threshold]


def originals(pairs: list[tuple[ArticleKey, ArticleKey]]) -> dict[str, str]:
    """Copy id -> id of the earliest article of its group of verified pairs."""
    return {key[2]: root[2] for key, root in earliest_roots(pairs).items() if root != key}
