"""The state of a story tracker: what a `StoryStore` loads and saves."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from tomtat.stories.features import ArticleFeatures, SparseVector


@dataclass
class TrackedArticle:
    """An article that has been placed: its features, its story, the copy it is of."""

    features: ArticleFeatures
    seq: int  # arrival order: the earliest-seen copy is the original
    story: str
    duplicate_of: str | None = None

    @property
    def id(self) -> str:
        return self.features.id


@dataclass
class Story:
    """Articles on one story; the centroid sums the vectors of its originals (not of copies)."""

    id: str
    articles: list[str] = field(default_factory=list)
    centroid: SparseVector = field(default_factory=SparseVector.empty)
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    mass: float = 0.0  # sum of the IDF-weighted lengths of the originals when they joined

    def add_date(self, date: dt.date | None) -> None:
        if date is None:
            return
        self.first_date = date if self.first_date is None else min(self.first_date, date)
        self.last_date = date if self.last_date is None else max(self.last_date, date)


@dataclass
class TrackerState:
    """Everything needed to go on tracking: articles, stories, document frequencies, counters."""

    articles: dict[str, TrackedArticle] = field(default_factory=dict)
    stories: dict[str, Story] = field(default_factory=dict)
    document_frequency: np.ndarray | None = None  # int32 per hashed feature, originals only
    documents: int = 0  # originals counted in `document_frequency`
    next_story: int = 1
    next_seq: int = 0
    merged: dict[str, str] = field(default_factory=dict)  # story merged online -> the story it went into
