"""Where a tracker's state lives between runs (`tomtat.store.StoryDatabase` is the SQLite one)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from tomtat.model import Article
from tomtat.stories.options import StoryOptions
from tomtat.stories.state import TrackerState
from tomtat.stories.tracker import StoryTracker


class StoryStore(Protocol):
    """A stored tracker state, checked against `options` when opened."""

    options: StoryOptions

    def load_state(self) -> TrackerState:
        """The stored state (empty when nothing is stored)."""

    def commit(self, tracker: StoryTracker, new: Sequence[Article] = ()) -> None:
        """Write `tracker.changes` and the `new` articles in one transaction; reset the changes."""
