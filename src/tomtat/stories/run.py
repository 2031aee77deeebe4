"""One clustering run: load the state, place the new articles (online or re-clustering all), save."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from tomtat.model import Article
from tomtat.problems import InputError, ProblemLog
from tomtat.stories.features import ArticleFeatures, featurize
from tomtat.stories.options import StoryOptions
from tomtat.stories.reclustering import recluster as recluster_corpus
from tomtat.stories.reclustering import replacing
from tomtat.stories.store import StoryStore
from tomtat.stories.tracker import StoryTracker

T = TypeVar("T")


def _features(articles: Iterable[Article], known: set[str], options: StoryOptions,
              problems: ProblemLog) -> Iterator[tuple[Article, ArticleFeatures]]:
    seen: set[str] = set()
    for article in articles:
        where = article.source or ""
        if article.id in known:
            problems.add(InputError(f"article {article.id!r} is already in the state: skipped", where))
        elif article.id in seen:
            problems.add(InputError(f"article id {article.id!r} appears twice: the second one is skipped", where))
        else:
            try:
                yield article, featurize(article, options)
            except ValueError as error:
                problems.add(InputError(f"{error}: skipped", where))
                continue
            seen.add(article.id)


def cluster_articles(articles: Iterable[Article], problems: ProblemLog, options: StoryOptions | None = None,
                     store: StoryStore | None = None, recluster: bool = False,
                     progress: Callable[[Iterable[T]], Iterable[T]] = iter) -> StoryTracker:
    """A tracker with the stored stories (if any) updated by `articles`.

    Online, new articles are added one by one to the stored stories, each committed to the
    store on its own (a run killed at any moment leaves every placed article stored once, and
    a rerun skips them). With `recluster`, stored and new articles are re-clustered together
    and the stored stories replaced (with new ids; each old id recorded as merged into the new
    story holding most of its articles) in one transaction. Articles already stored,
    repeated ids and empty articles are reported and skipped. With a store, its options apply.
    """
    options = store.options if store is not None else options or StoryOptions()
    state = store.load_state() if store is not None else None
    known = set(state.articles) if state is not None else set()
    new = _features(articles, known, options, problems)
    if recluster:
        added = list(progress(list(new)))
        old = [a.features for a in sorted(state.articles.values(), key=lambda a: a.seq)] if state else []
        tracker = recluster_corpus(old + [features for _, features in added], options,
                                   state.next_story if state else 1)
        tracker.changes = replacing(tracker, state)
        if store is not None:
            store.commit(tracker, [article for article, _ in added])
        return tracker
    tracker = StoryTracker(options, state)
    for article, features in progress(new):
        tracker.add(features)
        if store is not None:
            store.commit(tracker, [article])
    return tracker
