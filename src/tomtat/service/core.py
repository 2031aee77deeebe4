"""The service's work, without HTTP: store articles, track their stories, summarise them.

One `StoryTracker` lives in memory for the life of the process; its state is saved to the
same SQLite file after every batch of articles, under one lock so that writers never race.
"""
from __future__ import annotations

import hashlib
import json
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from tomtat import Article, Budget, Options, StoryReport, render, report_data, summarize_story, summary_parts
from tomtat.service.db import ServiceDB, StoredArticle
from tomtat.stories import SqliteStoryStore, StoryOptions, StoryTracker, featurize, story_views
from tomtat.stories.features import ArticleFeatures
from tomtat.stories.tracker import Changes


class NotFound(LookupError):
    """An unknown story, article or job."""


class Conflict(Exception):
    """An article id that is already stored."""


@dataclass
class StorySummary:
    """A story as listed: its most central headline and the span of its stored articles."""

    id: str
    label: str
    first_date: str | None
    last_date: str | None
    article_count: int


class StoryService:
    """Articles in, stories and their summaries, timelines and entities out."""

    def __init__(self, path: str | Path, options: StoryOptions | None = None):
        self.db = ServiceDB(path)
        self.options = options or StoryOptions()
        self.store = SqliteStoryStore(path)
        self.tracker = StoryTracker(self.options, self.store.load(self.options))
        self.lock = threading.Lock()

    # Writing

    def featurize(self, articles: list[Article]) -> list[tuple[Article, ArticleFeatures]]:
        """Each article with its tracker features (under a fresh tracker id).

        Raises ValueError naming an article without text and Conflict for an id given twice.
        """
        seen: set[str] = set()
        for article in articles:
            if article.id in seen:
                raise Conflict(f"article id {article.id!r} appears twice in the request")
            seen.add(article.id)
        result = []
        for article in articles:
            track_id = uuid.uuid4().hex
            tracked = Article(track_id, article.title, article.text, article.date, article.source)
            result.append((article, featurize(tracked, self.options)))
        return result

    def add(self, prepared: list[tuple[Article, ArticleFeatures]]) -> list[StoredArticle]:
        """Place prepared articles in stories and store them; Conflict if an id is already stored."""
        with self.lock:
            taken = self.db.existing_ids([article.id for article, _ in prepared])
            if taken:
                raise Conflict(f"article id {taken[0]!r} already exists; delete it first or use another id")
            stored = [StoredArticle(article, self.tracker.add(features).story, features.id)
                      for article, features in prepared]
            self.store.save(self.tracker.state, self.tracker.changes, self.options)
            self.tracker.changes = Changes()
            self.db.add_articles(stored)
        return stored

    def add_in_chunks(self, prepared: list[tuple[Article, ArticleFeatures]], job_id: str, size: int = 10) -> None:
        """Add articles `size` at a time, recording progress in the job; a failure ends the job."""
        done, status, error = 0, "failed", "internal error"
        try:
            for start in range(0, len(prepared), size):
                self.add(prepared[start:start + size])
                done += len(prepared[start:start + size])
                self.db.update_job(job_id, done)
            status, error = "done", None
        except Conflict as conflict:
            error = str(conflict)
        finally:
            self.db.update_job(job_id, done, status, error)

    def delete(self, article_id: str) -> StoredArticle:
        """Remove an article from the service and from the tracker's state (saved at once).

        Its story's centroid, label and near-duplicate links no longer use it.
        """
        with self.lock:
            stored = self.db.delete_article(article_id)
            if stored is not None and stored.track_id in self.tracker.state.articles:
                self.tracker.remove(stored.track_id)
                self.store.save(self.tracker.state, self.tracker.changes, self.options)
                self.tracker.changes = Changes()
        if stored is None:
            raise NotFound(f"no article {article_id!r}")
        return stored

    # Reading

    def stories(self) -> list[StorySummary]:
        """Stories with at least one stored article, oldest first."""
        counts = self.db.story_counts()
        with self.lock:
            views = story_views(self.tracker)
        return [StorySummary(v.id, v.label, counts[v.id][1], counts[v.id][2], counts[v.id][0])
                for v in views if v.id in counts]

    def story(self, story_id: str) -> tuple[StorySummary, list[StoredArticle]]:
        """A story and its stored articles; NotFound when it has none."""
        articles = self.db.story_articles(story_id)
        listed = {s.id: s for s in self.stories()}
        if not articles or story_id not in listed:
            raise NotFound(f"no story {story_id!r}")
        return listed[story_id], articles

    def report(self, story_id: str, parts: set[str], options: Options | None = None) -> StoryReport:
        """The report of a story's stored articles (by date, then arrival); NotFound when it has none."""
        articles = self.db.story_articles(story_id)
        if not articles:
            raise NotFound(f"no story {story_id!r}")
        return summarize_story([stored.article for stored in articles], options, parts)

    def summary(self, story_id: str, budget: str, fmt: str) -> tuple[str, bool]:
        """The story's summary rendered in `fmt` (as `tomtat summarize` renders it), and whether
        it came from the cache.

        The cache key holds a fingerprint of the story's articles, so a summary is never served
        for another set of articles. Raises ValueError for an unreadable budget.
        """
        options = Options(budget=Budget.parse(budget))
        articles = self.db.story_articles(story_id)
        if not articles:
            raise NotFound(f"no story {story_id!r}")
        fingerprint = hashlib.sha256(json.dumps([s.track_id for s in articles]).encode()).hexdigest()
        cached = self.db.cached_summary(story_id, str(options.budget), fmt, fingerprint)
        if cached is not None:
            return cached, True
        report = summarize_story([stored.article for stored in articles], options, summary_parts(fmt))
        body = render(report, fmt)
        self.db.cache_summary(story_id, str(options.budget), fmt, fingerprint, body)
        return body, False

    def timeline(self, story_id: str) -> list[dict]:
        """The story's dated events, as `tomtat timeline --format json` gives them."""
        return cast(list, report_data(self.report(story_id, {"timeline"})))

    def entities(self, story_id: str) -> dict:
        """The story's entities and keyphrases, as `tomtat entities --format json` gives them."""
        return cast(dict, report_data(self.report(story_id, {"entities", "keyphrases"})))


def start_job(service: StoryService, prepared: list[tuple[Article, ArticleFeatures]]) -> str:
    """Record a job and add the articles in a background thread; the job id."""
    job_id = uuid.uuid4().hex
    service.db.create_job(job_id, len(prepared))
    threading.Thread(target=service.add_in_chunks, args=(prepared, job_id), name=f"tomtat-job-{job_id[:8]}",
                     daemon=True).start()
    return job_id
