"""Stories at corpus scale: blocks of overlapping time windows, re-clustered each, then merged.

A dated original falls in two blocks: the 14-day windows starting on the multiples of 7 days
(from day 1 of the proleptic calendar) that hold its date; undated originals form one block of
their own. Each block is re-clustered as `tomtat.stories.recluster` re-clusters a corpus (with
the block's IDF). Stories of different blocks that share an article are then one story
(union-find); copies join their original's story. A story's id is its earliest article's id.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from tomtat.corpus.sources import ArticleRecord, article_key
from tomtat.corpus.unionfind import earliest_roots
from tomtat.stories import ArticleFeatures, StoryOptions, recluster

WINDOW_DAYS = 14
STEP_DAYS = 7
UNDATED_BLOCK = -1

ArticleKey = tuple  # `article_key(id, date)`


def blocks_of(date: dt.date | None) -> list[int]:
    """The blocks an article of `date` belongs to."""
    if date is None:
        return [UNDATED_BLOCK]
    step = date.toordinal() // STEP_DAYS
    return [step - back for back in range(WINDOW_DAYS // STEP_DAYS)]


def block_rows(partition: list[ArticleRecord], copies: dict[str, str]) -> list[tuple[int, ArticleFeatures]]:
    """(block, features) of each original in the partition, once per block it belongs to."""
    return [(block, record.features) for record in partition if record.article.id not in copies
            for block in blocks_of(record.article.date)]


def block_stories(options: StoryOptions) -> Callable[[int, list[tuple[int, ArticleFeatures]]], list[list[ArticleKey]]]:
    """The reducer of a block: its stories, each the sorted keys of its articles."""

    def cluster(_block: int, rows: list[tuple[int, ArticleFeatures]]) -> list[list[ArticleKey]]:
        features = sorted((f for _, f in rows), key=lambda f: article_key(f.id, f.date))
        tracker = recluster(features, options)
        dates = {f.id: f.date for f in features}
        stories = [sorted(article_key(a, dates[a]) for a in story.articles) for story in tracker.state.stories.values()]
        return sorted(stories)

    return cluster


def merge_blocks(stories: list[list[ArticleKey]], copies: dict[str, str]) -> dict[str, str]:
    """Article id -> story id, block stories sharing an article merged, copies with their original."""
    story_of = {key[2]: root[2] for key, root in earliest_roots(stories).items()}
    for copy, original in copies.items():
        story_of[copy] = story_of[original]
    return story_of
