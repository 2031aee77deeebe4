"""One clustering run: load the state, place the new articles (online or batch), save."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from tomtat.model import Article
from tomtat.problems import InputError, ProblemLog
from tomtat.stories.batch import cluster_batch
from tomtat.stories.features import ArticleFeatures, featurize
from tomtat.stories.options import StoryOptions
from tomtat.stories.store import StoryStore
from tomtat.stories.tracker import Changes, StoryTracker


def _features(articles: Iterable[Article], known: set[str], options: StoryOptions,
              problems: ProblemLog) -> Iterator[ArticleFeatures]:
    seen: set[str] = set()
    for article in articles:
        where = article.source or ""
        if article.id in known:
            problems.add(InputError(f"article {article.id!r} is already in the state: skipped", where))
        elif article.id in seen:
            problems.add(InputError(f"article id {article.id!r} appears twice: the second one is skipped", where))
        else:
            try:
                yield featurize(article, options)
            except ValueError as error:
                problems.add(InputError(f"{error}: skipped", where))
                continue
            seen.add(article.id)


def cluster_articles(articles: Iterable[Article], problems: ProblemLog, options: StoryOptions | None = None,
                     store: StoryStore | None = None, batch: bool = False,
                     progress: Callable[[Iterable[ArticleFeatures]], Iterable[ArticleFeatures]] = iter) -> StoryTracker:
    """A tracker with the stored stories (if any) updated by `articles`.

    Online, new articles are added one by one to the stored stories. In batch mode, stored and
    new articles are re-clustered together and the stored stories replaced (with new ids).
    Articles already stored, repeated ids and empty articles are reported and skipped.
    Raises ValueError when the store holds a state built with incompatible options.
    """
    options = options or StoryOptions()
    state = store.load(options) if store is not None else None
    known = set(state.articles) if state is not None else set()
    new = _features(articles, known, options, problems)
    if batch:
        old = [a.features for a in sorted(state.articles.values(), key=lambda a: a.seq)] if state else []
        tracker = cluster_batch(old + list(progress(list(new))), options, state.next_story if state else 1)
        tracker.changes = Changes(set(tracker.state.articles), set(tracker.state.stories),
                                  set(state.stories) - set(tracker.state.stories) if state else set())
    else:
        tracker = StoryTracker(options, state)
        for feature in progress(new):
            tracker.add(feature)
    if store is not None:
        store.save(tracker.state, tracker.changes, options)
    return tracker
