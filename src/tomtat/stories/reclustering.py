"""Re-clustering a whole corpus: in date order with corpus IDF, then refined once."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from tomtat.stories.features import ArticleFeatures
from tomtat.stories.join import JoinModel
from tomtat.stories.options import StoryOptions
from tomtat.stories.state import TrackerState
from tomtat.stories.tracker import Changes, StoryTracker, placement_order
from tomtat.stories.vectors import add


def recluster(features: Iterable[ArticleFeatures], options: StoryOptions | None = None,
              next_story: int = 1, model: JoinModel | None = None) -> StoryTracker:
    """A tracker holding the stories of `features`, placed oldest first, then refined.

    Story ids are numbered from `next_story` (so ids of an earlier state are never reused);
    `model` is the join model of a "learned" `options.join` (the shipped one if None). Raises ValueError when two articles share an id.
    """
    tracker = StoryTracker(options, TrackerState(next_story=next_story), model)
    ordered = placement_order(list(features))
    seen: set[str] = set()
    originals: dict[str, str | None] = {}
    for seq, feature in enumerate(ordered):
        if feature.id in seen:
            raise ValueError(f"article id {feature.id!r} appears twice")
        seen.add(feature.id)
        originals[feature.id] = tracker.duplicates.match(feature.signature)
        if originals[feature.id] is None:
            tracker.duplicates.add(feature.id, feature.signature, seq)
            tracker.count(feature.vector)
    for feature in ordered:
        tracker.place(feature, originals[feature.id], register=False)
    reassign(tracker)
    merge_similar(tracker)
    return tracker


def replacing(tracker: StoryTracker, old: TrackerState | None) -> Changes:
    """What a store writes when `tracker`, a re-clustering, replaces the stories of `old`.

    Every article and story of `tracker` is written and every story of `old` removed, recorded
    as merged into the new story holding most of its articles (tie: the lower id), so an old
    story id (and one merged into it earlier) leads to where its articles are now.
    """
    state = tracker.state
    changes = Changes(set(state.articles), set(state.stories))
    for story in (old.stories.values() if old is not None else ()):
        held = Counter(state.articles[a].story for a in story.articles if a in state.articles)
        changes.removed.add(story.id)
        if held:
            state.merged[story.id] = min(held, key=lambda new: (-held[new], int(new[1:])))
            changes.merged.add(story.id)
    return changes


def reassign(tracker: StoryTracker) -> int:
    """Move each original to the story it is most similar to, if better than its own; returns moves."""
    moves = 0
    for article in sorted(tracker.state.articles.values(), key=lambda a: a.seq):
        if article.duplicate_of is not None:
            continue
        own = tracker.state.stories[article.story]
        rest = add(own.centroid, article.features.vector, -1.0)
        score = tracker.affinity(article.features.vector, own, rest)
        scored = [(tracker.affinity(article.features.vector, s), s)
                  for s in tracker.candidates(article.features.vector, article.features.date, exclude=own.id)]
        best, target = max(scored, key=lambda pair: pair[0], default=(0.0, None))
        if target is not None and best > score and best >= tracker.options.join_threshold:
            tracker.move(article.id, target)
            moves += 1
    return moves


def merge_similar(tracker: StoryTracker) -> int:
    """Merge stories whose centroids reach `merge_threshold` (bigger story kept); returns merges."""
    merges = 0
    for story_id in sorted(tracker.state.stories, key=lambda s: -len(tracker.state.stories[s].articles)):
        story = tracker.state.stories.get(story_id)
        if story is None:
            continue
        for other in tracker.candidates(story.centroid, None, exclude=story.id):
            if tracker.similarity(story.centroid, other.centroid) >= tracker.options.merge_threshold and \
                    tracker.is_live(other, story.first_date) and tracker.is_live(other, story.last_date):
                tracker.merge(story, other)
                merges += 1
    return merges
