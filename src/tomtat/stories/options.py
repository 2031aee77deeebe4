"""Story-tracking settings: thresholds tuned on data, sizes that bound the work per article."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StoryOptions:
    """How articles are linked as near-duplicates and grouped into stories.

    The thresholds were chosen on ViMs 2017 only (1,950 articles pooled, shuffled with seeds 0, 1
    and 2 as in `bench/stories.py`; the middle of the plateau within 0.002 of the best mean), with
    the title and lead given a fixed share of each vector (`features.LEAD_SHARE`):
    `join_threshold` 0.17 maximises mean online B-cubed F1 with `single_merge_threshold` off (0.9582;
    0.16 0.9568, 0.18 0.9574) and, with it at 0.2, gives AbMuSu 0.8857 leave-one-dataset-out (0.8736
    before the lead share, at 0.16; the share itself was picked with AbMuSu in view, see
    docs/benchmarks.md). `merge_threshold` 0.6: every value from 0.3 to 1.0 gives the
    same re-clustering F1 on ViMs. `duplicate_threshold` 0.4 the F1 on the generated near-duplicate
    set (P 1.000, R 0.996).
    `online_merge_threshold` 0.3 was chosen on ViMs seed 0 (online F1 0.9578 -> 0.9603; 0.25 gives
    0.9533, 0.35 0.9585). `single_merge_threshold` 0.2 was chosen on ViMs (see docs/benchmarks.md).
    The learned join (`join="learned"`, `bench/train_join.py`) loses to the threshold on both sets
    leave-one-dataset-out, so it is not the default. `cold_days` 60 is an editorial choice (the
    datasets carry no dates, so every threshold above was chosen with no date limit at all): a
    developing story runs for weeks; the seed story's two articles are 33 days apart, and 7 days
    split it in two.
    """

    # Near-duplicates: MinHash over shingles of this many syllables of the cleaned body.
    shingle_size: int = 3
    num_perm: int = 128
    duplicate_threshold: float = 0.4  # estimated Jaccard at or above which an article is a copy
    seed: int = 1
    # Stories: IDF-weighted cosine of syllable 1-2-gram vectors against story centroids.
    join: str = "threshold"  # "learned": `join_model` decides; "threshold": `join_threshold` does
    join_threshold: float = 0.17  # "threshold": an article joins its most similar story at or above this
    join_probability: float = 0.5  # "learned": an article joins its likeliest story at or above this
    join_candidates: int = 5  # "learned": the most similar candidates the model scores
    # "learned", online merge: two candidates this likely both to be the article's story are one.
    merge_probability: float = 0.9
    merge_threshold: float = 0.6  # re-clustering merges stories whose centroids reach this
    # After an article joins a story, candidates whose centroids now reach this with it are merged.
    online_merge_threshold: float = 0.3
    # The same for a candidate story of one article (a second chance for an article that started one).
    single_merge_threshold: float = 0.2
    cold_days: int = 60  # a story more than this many days away from an article is not a candidate
    # Bounds on the work per article (none of them grows with the number of stories).
    n_features: int = 2**20  # hashed feature space
    query_terms: int = 20  # an article's heaviest terms used to look up candidate stories
    index_terms: int = 30  # a story's heaviest centroid terms put in the candidate index
    posting_limit: int = 100  # stories kept per indexed term (the most recently updated)
    candidates: int = 20  # stories compared with each article
    centroid_terms: int = 1500  # terms kept in a story centroid

    def __post_init__(self) -> None:
        if self.join not in ("learned", "threshold"):
            raise ValueError(f"join must be 'learned' or 'threshold', got {self.join!r}")
        for name in ("duplicate_threshold", "join_threshold", "merge_threshold", "online_merge_threshold",
                     "single_merge_threshold", "join_probability", "merge_probability"):
            value = getattr(self, name)
            if not 0.0 < value <= 1.0:
                raise ValueError(f"{name} must be in (0, 1], got {value}")
        for name in ("shingle_size", "num_perm", "query_terms", "index_terms", "posting_limit",
                     "candidates", "centroid_terms", "join_candidates"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, got {getattr(self, name)}")
        if self.cold_days < 0:
            raise ValueError(f"cold_days must be 0 or more, got {self.cold_days}")
        if self.n_features < 2**10 or self.n_features & (self.n_features - 1):
            raise ValueError(f"n_features must be a power of two of at least 1024, got {self.n_features}")
