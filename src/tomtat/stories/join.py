"""The learned join decision: how likely an article belongs to each of its candidate stories.

Every feature is scale-free (similarities, ranks, ratios, log sizes), so a model trained on
ViMs (6.5 articles a story) and AbMuSu (3) transfers to streams of other shapes. Dates are not
a feature: the training data carry none (`cold_days` keeps far-apart stories out instead).
"""
from __future__ import annotations

import itertools
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np

from tomtat.nlp.tokens import syllables
from tomtat.stories.vectors import cosine

if TYPE_CHECKING:
    import lightgbm

    from tomtat.stories.features import ArticleFeatures
    from tomtat.stories.state import Story
    from tomtat.stories.tracker import StoryTracker

MODEL_FORMAT = "tomtat-join-1"  # a JSON object: feature names and one LightGBM model in its text format
MODEL_FILE = "join-v1.json"
FEATURES = (
    "affinity", "cosine", "cohesion", "best_member", "mean_member", "title_overlap", "names_shared", "numbers_shared",
    "rank", "share_of_best", "margin", "log_originals",
)
RECENT_MEMBERS = 6  # originals of a story (the latest) an article is compared with one by one
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class TitleTerms:
    """What a headline names: syllable bigrams, capitalised syllables (names, places), numbers."""

    bigrams: frozenset[str]
    names: frozenset[str]
    numbers: frozenset[str]

    @classmethod
    def of(cls, title: str) -> TitleTerms:
        tokens = syllables(title)
        words = title.split()
        names = {w.strip(".,:;!?\"'()[]").lower() for w in words[1:] if w[:1].isupper()}
        return cls(frozenset(f"{a} {b}" for a, b in itertools.pairwise(tokens)), frozenset(names - {""}),
                   frozenset(_NUMBER.findall(title)))


def _share(mine: frozenset[str], theirs: frozenset[str]) -> float:
    return len(mine & theirs) / len(mine) if mine else 0.0


def pair_features(tracker: StoryTracker, features: ArticleFeatures,
                  scored: list[tuple[float, Story]]) -> np.ndarray:
    """One row of `FEATURES` per candidate of `scored` ((affinity, story), best first)."""
    weights = tracker.weights
    vector = features.vector
    own = weights.weigh(vector)
    title = tracker.title_terms(features.id, features.title)
    best = scored[0][0] if scored else 0.0
    rows = np.zeros((len(scored), len(FEATURES)))
    for rank, (affinity, story) in enumerate(scored):
        centroid_weights = weights.weigh(story.centroid)
        norm = float(np.linalg.norm(centroid_weights))
        members = tracker.recent_originals(story, RECENT_MEMBERS)
        member_cosines = [cosine(vector, own, m.features.vector, weights.weigh(m.features.vector)) for m in members]
        titles = [tracker.title_terms(m.id, m.features.title) for m in members]
        after = scored[rank + 1][0] if rank + 1 < len(scored) else 0.0
        rows[rank] = (
            affinity,
            cosine(vector, own, story.centroid, centroid_weights),
            min(1.0, norm / story.mass) if story.mass > 0 else 1.0,
            max(member_cosines, default=0.0),
            float(np.mean(member_cosines)) if member_cosines else 0.0,
            max((_jaccard(title.bigrams, t.bigrams) for t in titles), default=0.0),
            _share(title.names, frozenset().union(*(t.names for t in titles))),
            _share(title.numbers, frozenset().union(*(t.numbers for t in titles))),
            rank,
            affinity / best if best > 0 else 0.0,
            affinity - after,
            math.log1p(sum(1 for a in story.articles if tracker.state.articles[a].duplicate_of is None)),
        )
    return rows


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


class JoinModel:
    """P(the article belongs to the candidate story) from `pair_features` rows."""

    def __init__(self, booster: lightgbm.Booster):
        names = booster.feature_name()
        if tuple(names) != FEATURES:
            raise ValueError(f"join model features {names} differ from {list(FEATURES)}")
        self.booster = booster

    @classmethod
    def from_json(cls, text: str) -> JoinModel:
        """A model from the JSON written by `to_json`; ValueError for another format."""
        import lightgbm

        data = json.loads(text)
        if data.get("format") != MODEL_FORMAT:
            raise ValueError(f"not a {MODEL_FORMAT} model: format {data.get('format')!r}")
        return cls(lightgbm.Booster(model_str=data["model"]))

    def to_json(self) -> str:
        """The model as shipped: stable key order, one model string (rebuilt byte for byte by training)."""
        return json.dumps({"format": MODEL_FORMAT, "features": list(FEATURES),
                           "model": self.booster.model_to_string()}, ensure_ascii=False, indent=0) + "\n"

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        """P(same story) per row."""
        if not len(rows):
            return np.zeros(0)
        return np.asarray(self.booster.predict(rows, num_threads=1), dtype=np.float64)


@lru_cache(maxsize=1)
def shipped_model() -> JoinModel:
    """The model under `tomtat/models/` (trained by `bench/train_join.py` on ViMs and AbMuSu)."""
    return JoinModel.from_json((resources.files("tomtat") / "models" / MODEL_FILE).read_text(encoding="utf-8"))
