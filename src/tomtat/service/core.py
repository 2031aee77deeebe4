"""The service's work, without HTTP: store articles, track their stories, summarise them.

One `StoryTracker` lives in memory for the life of the process, which alone holds the SQLite
file (`StoryDatabase`); each request's articles are placed and committed (article rows, story
membership, centroids, dropped cached summaries) in one transaction under one lock. A job's
input is stored with the job before it is acknowledged and its articles are committed one by
one with the job's progress, so a job interrupted by a stop or a crash resumes at the next start.
"""
from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import threading
import unicodedata
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from tomtat import Article, Budget, Options, StoryReport, render, report_data, summarize_story, summary_parts
from tomtat.service.db import Job, ServiceDB, StoredArticle
from tomtat.store import StoryDatabase
from tomtat.stories import ArticleFeatures, StoryOptions, StoryTracker, featurize, story_views

# How long closing waits for each job to finish the article it is adding.
_JOB_STOP_SECONDS = 30.0


class NotFound(LookupError):
    """An unknown story, article or job."""


class Merged(LookupError):
    """A story merged online into another: `merged_into` is where its articles are now."""

    def __init__(self, story_id: str, merged_into: str):
        super().__init__(f"story {story_id!r} was merged into {merged_into!r}")
        self.story_id = story_id
        self.merged_into = merged_into


class Conflict(Exception):
    """An article id that is already stored."""


@dataclass
class StoryListing:
    """A row of the story list: the story's most central headline and the span of its stored articles."""

    id: str
    label: str
    first_date: str | None
    last_date: str | None
    article_count: int


class StoryService:
    """Articles in, stories and their summaries, timelines and entities out.

    Raises InUse when another process holds the file, ValueError for an unusable file.
    """

    def __init__(self, path: str | Path, options: StoryOptions | None = None):
        self.options = options or StoryOptions()
        self.database = StoryDatabase(path, self.options)
        self.db = ServiceDB(self.database)
        self.tracker = StoryTracker(self.options, self.database.load_state())
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.job_threads: list[threading.Thread] = []

    def close(self) -> None:
        """Stop the jobs after the article each is adding (they resume at the next start); release the file."""
        self.stopping.set()
        for thread in self.job_threads:
            thread.join(_JOB_STOP_SECONDS)
        self.database.close()

    # Writing

    def featurize(self, articles: list[Article]) -> list[tuple[Article, ArticleFeatures]]:
        """Each article with its tracker features.

        Raises ValueError naming an article without text and Conflict for an id given twice.
        """
        seen: set[str] = set()
        for article in articles:
            if article.id in seen:
                raise Conflict(f"article id {article.id!r} appears twice in the request")
            seen.add(article.id)
        return [(article, featurize(article, self.options)) for article in articles]

    @contextmanager
    def _writing(self) -> Iterator[StoryTracker]:
        """The tracker under the lock; reloaded from the file if a commit fails, so both stay equal."""
        with self.lock:
            try:
                yield self.tracker
            except sqlite3.Error:
                self.tracker = StoryTracker(self.options, self.database.load_state())
                raise

    def add(self, prepared: list[tuple[Article, ArticleFeatures]]) -> list[StoredArticle]:
        """Place prepared articles in stories and store them, in one transaction.

        Raises Conflict if an id is already stored.
        """
        with self._writing() as tracker:
            taken = [article.id for article, _ in prepared if article.id in tracker.state.articles]
            if taken:
                raise Conflict(_taken(taken[0]))
            placed = [tracker.add(features) for _, features in prepared]
            self.database.commit(tracker, [article for article, _ in prepared])
        return [StoredArticle(article, tracked.story, tracked.seq) for (article, _), tracked in zip(prepared, placed)]

    def start_job(self, prepared: list[tuple[Article, ArticleFeatures]]) -> str:
        """Store a job with its articles, then add them in a background thread; the job id."""
        job = self.db.create_job(uuid.uuid4().hex, [article for article, _ in prepared])
        self._run_in_background(job, {features.id: features for _, features in prepared})
        return job.id

    def resume_jobs(self) -> list[str]:
        """Go on with the jobs an earlier process left running; their ids."""
        jobs = self.db.unfinished_jobs()
        for job in jobs:
            self._run_in_background(job, {})
        return [job.id for job in jobs]

    def _run_in_background(self, job: Job, features: dict[str, ArticleFeatures]) -> None:
        thread = threading.Thread(target=self.run_job, args=(job, features), name=f"tomtat-job-{job.id[:8]}",
                                  daemon=True)
        self.job_threads = [t for t in self.job_threads if t.is_alive()] + [thread]
        thread.start()

    def run_job(self, job: Job, features: dict[str, ArticleFeatures]) -> None:
        """Add the job's remaining articles one transaction each, progress included; a taken id fails the job.

        `features` holds those already computed (a resumed job computes them again). A stop
        leaves the job running, to resume at the next start.
        """
        done = job.done
        try:
            for article in self.db.job_articles(job):
                if self.stopping.is_set():
                    return
                try:
                    prepared = features.get(article.id) or featurize(article, self.options)
                except ValueError as error:
                    self.db.finish_job(job.id, done, "failed", str(error))
                    return
                with self._writing() as tracker:
                    if article.id in tracker.state.articles:
                        self.db.finish_job(job.id, done, "failed", _taken(article.id))
                        return
                    tracker.add(prepared)
                    done += 1
                    self.database.commit(tracker, [article], then=lambda db, count=done: db.execute(
                        "UPDATE jobs SET done = ? WHERE id = ?", (count, job.id)))
            self.db.finish_job(job.id, done, "done")
        finally:
            self.database.forget_connection()

    def delete(self, article_id: str) -> StoredArticle:
        """Remove an article from the service and from the tracker's state (committed at once).

        Its story's centroid, label and near-duplicate links no longer use it.
        """
        with self._writing() as tracker:
            stored = self.db.article(article_id)
            if stored is None:
                raise NotFound(f"no article {article_id!r}")
            tracker.remove(article_id)
            self.database.commit(tracker)
        return stored

    # Reading

    def stories(self, query: str = "", newest_first: bool = False) -> list[StoryListing]:
        """Stories with at least one stored article, oldest first (or latest last date first, undated last).

        A `query` keeps the stories whose label and article titles hold each of its words, case
        and diacritics aside ("lu quet" finds "Lũ quét"); its last word may be the start of one.
        """
        counts = self.db.story_counts()
        wanted = _words(query)
        with self.lock:
            views = [v for v in story_views(self.tracker) if v.id in counts and (not wanted or _matches(
                wanted, [v.label, *(self.tracker.state.articles[a].features.title for a in v.articles)]))]
        listings = [StoryListing(v.id, v.label, counts[v.id][1], counts[v.id][2], counts[v.id][0]) for v in views]
        if newest_first:
            listings.sort(key=lambda s: s.last_date or "", reverse=True)  # stable: undated last, ties oldest first
        return listings

    def story(self, story_id: str) -> tuple[StoryListing, list[StoredArticle]]:
        """A story and its stored articles; NotFound when it has none (Merged when merged into another)."""
        articles = self.db.story_articles(story_id)
        listed = {s.id: s for s in self.stories()}
        if not articles or story_id not in listed:
            raise self._missing(story_id)
        return listed[story_id], articles

    def _missing(self, story_id: str) -> LookupError:
        """Merged if the story was merged online, else NotFound."""
        target = self.database.merged_into(story_id)
        return Merged(story_id, target) if target is not None else NotFound(f"no story {story_id!r}")

    def report(self, story_id: str, parts: set[str], options: Options | None = None) -> StoryReport:
        """The report of a story's stored articles (by date, then arrival); NotFound when it has none
        (Merged when merged into another)."""
        articles = self.db.story_articles(story_id)
        if not articles:
            raise self._missing(story_id)
        return summarize_story([stored.article for stored in articles], options, parts)

    def summary(self, story_id: str, budget: str | Budget, fmt: str) -> tuple[str, bool]:
        """The story's summary rendered in `fmt` (as `tomtat summarize` renders it), and whether
        it came from the cache.

        The cache key holds a fingerprint of the story's articles, so a summary is never served
        for another set of articles. Raises ValueError for an unreadable budget.
        """
        options = Options(budget=Budget.parse(budget))
        articles = self.db.story_articles(story_id)
        if not articles:
            raise self._missing(story_id)
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

    def conflicts(self, story_id: str) -> dict:
        """The story's conflicts, as `tomtat conflicts --format json` gives them."""
        return cast(dict, report_data(self.report(story_id, {"conflicts"})))


def _taken(article_id: str) -> str:
    return f"article id {article_id!r} already exists; delete it first or use another id"


def _words(text: str) -> list[str]:
    """The words of `text` without case or diacritics (NFD, combining marks dropped, đ as d)."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    return re.findall(r"\w+", "".join(c for c in decomposed if not unicodedata.combining(c)))


def _matches(query: list[str], texts: list[str]) -> bool:
    """Whether `texts` hold every query word, the last one whole or as the start of a word."""
    words = {word for text in texts for word in _words(text)}
    *whole, last = query
    return all(word in words for word in whole) and any(word.startswith(last) for word in words)
