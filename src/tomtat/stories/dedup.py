"""Near-duplicate articles: MinHash LSH over syllable shingles, verified by estimated Jaccard."""
from __future__ import annotations

import numpy as np
from datasketch import MinHash, MinHashLSH

from tomtat.stories.features import MINHASH_SCHEME, jaccard
from tomtat.stories.options import StoryOptions


class NearDuplicates:
    """Originals indexed by signature; `match` finds the earliest-seen original a new text copies."""

    def __init__(self, options: StoryOptions):
        self.options = options
        # The LSH band threshold sits below the verified one so borderline copies are still found.
        self._lsh = MinHashLSH(threshold=max(0.1, options.duplicate_threshold * 0.8), num_perm=options.num_perm)
        self._signatures: dict[str, np.ndarray] = {}
        self._order: dict[str, int] = {}
        self._permutations = MinHash(num_perm=options.num_perm, seed=options.seed, scheme=MINHASH_SCHEME).permutations

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, article_id: str, signature: np.ndarray, seq: int) -> None:
        """Index an original (`seq` orders originals by arrival)."""
        minhash = MinHash(hashvalues=signature, permutations=self._permutations, seed=self.options.seed,
                          scheme=MINHASH_SCHEME)
        self._lsh.insert(article_id, minhash, check_duplication=False)
        self._signatures[article_id] = signature
        self._order[article_id] = seq

    def remove(self, article_id: str) -> None:
        """Forget an indexed original (KeyError if it is not indexed)."""
        self._lsh.remove(article_id)
        del self._signatures[article_id], self._order[article_id]

    def match(self, signature: np.ndarray) -> str | None:
        """The earliest-seen original whose estimated Jaccard with `signature` reaches the threshold."""
        minhash = MinHash(hashvalues=signature, permutations=self._permutations, seed=self.options.seed,
                          scheme=MINHASH_SCHEME)
        found = [key for key in self._lsh.query(minhash)
                 if jaccard(signature, self._signatures[key]) >= self.options.duplicate_threshold]
        return min(found, key=self._order.__getitem__) if found else None
