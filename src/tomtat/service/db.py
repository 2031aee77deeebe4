"""The service's queries over a `StoryDatabase`: stored articles, cached summaries, jobs.

The schema and its migrations are `tomtat.store`'s; articles and their stories are written by
`StoryDatabase.commit` only, jobs here.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from tomtat.model import Article
from tomtat.store import StoryDatabase, date_text, text_date


@dataclass
class StoredArticle:
    """An article as the service keeps it: the article, its story, its arrival number."""

    article: Article
    story: str
    seq: int

    @property
    def track_id(self) -> str:
        """The stored copy's identity in summary fingerprints (an id deleted and added again gets a new one)."""
        return f"{self.article.id}#{self.seq}"


@dataclass
class Job:
    """Progress of a background job adding articles."""

    id: str
    status: str  # "running", "done" or "failed"
    done: int
    total: int
    error: str | None = None


_ARTICLE_COLUMNS = "id, title, text, date, source, story, seq"
_JOB_ARTICLE_COLUMNS = "id, title, text, date, source"


def _stored(row: tuple) -> StoredArticle:
    article_id, title, text, day, source, story, seq = row
    return StoredArticle(Article(article_id, title, text, text_date(day), source), story, seq)


def _job_article(row: tuple) -> Article:
    article_id, title, text, day, source = row
    return Article(article_id, title, text, text_date(day), source)


class ServiceDB:
    """Reads on each thread's own connection; every write is one transaction."""

    def __init__(self, database: StoryDatabase):
        self.database = database

    @property
    def _db(self) -> sqlite3.Connection:
        return self.database.connection()

    # Articles

    def article(self, article_id: str) -> StoredArticle | None:
        row = self._db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchone()
        return _stored(row) if row else None

    def story_articles(self, story: str) -> list[StoredArticle]:
        """The story's articles by date (undated last), then arrival."""
        rows = self._db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE story = ? "
                                "ORDER BY date IS NULL, date, seq", (story,)).fetchall()
        return [_stored(row) for row in rows]

    def story_counts(self) -> dict[str, tuple[int, str | None, str | None]]:
        """Story id to (article count, first date, last date) over the stored articles."""
        rows = self._db.execute("SELECT story, COUNT(*), MIN(date), MAX(date) FROM articles GROUP BY story")
        return {story: (count, first, last) for story, count, first, last in rows}

    # Summary cache

    def cached_summary(self, story: str, budget: str, fmt: str, fingerprint: str) -> str | None:
        row = self._db.execute("SELECT body FROM summaries WHERE story = ? AND budget = ? AND format = ? "
                               "AND fingerprint = ?", (story, budget, fmt, fingerprint)).fetchone()
        return row[0] if row else None

    def cache_summary(self, story: str, budget: str, fmt: str, fingerprint: str, body: str) -> None:
        with self.database.transaction() as db:
            db.execute("INSERT OR REPLACE INTO summaries VALUES (?, ?, ?, ?, ?)",
                       (story, budget, fmt, fingerprint, body))

    # Jobs

    def create_job(self, job_id: str, articles: list[Article]) -> Job:
        """Record a job and its input in one transaction, so that an acknowledged job survives a crash."""
        with self.database.transaction() as db:
            db.execute("INSERT INTO jobs VALUES (?, 'running', 0, ?, NULL, ?)",
                       (job_id, len(articles), dt.datetime.now(dt.timezone.utc).isoformat()))
            db.executemany(f"INSERT INTO job_articles (job, position, {_JOB_ARTICLE_COLUMNS}) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)",
                           [(job_id, position, a.id, a.title, a.text, date_text(a.date), a.source)
                            for position, a in enumerate(articles)])
        return Job(job_id, "running", 0, len(articles))

    def job_articles(self, job: Job) -> list[Article]:
        """The job's articles not yet added, in order."""
        rows = self._db.execute(f"SELECT {_JOB_ARTICLE_COLUMNS} FROM job_articles WHERE job = ? ORDER BY position "
                                "LIMIT -1 OFFSET ?", (job.id, job.done)).fetchall()
        return [_job_article(row) for row in rows]

    def unfinished_jobs(self) -> list[Job]:
        """Jobs still running (interrupted by a stop or a crash), oldest first."""
        rows = self._db.execute("SELECT id, status, done, total, error FROM jobs WHERE status = 'running' "
                                "ORDER BY created").fetchall()
        return [Job(*row) for row in rows]

    def finish_job(self, job_id: str, done: int, status: str, error: str | None = None) -> None:
        """End a job; its input rows go (its articles are stored, or it failed)."""
        with self.database.transaction() as db:
            db.execute("UPDATE jobs SET done = ?, status = ?, error = ? WHERE id = ?", (done, status, error, job_id))
            db.execute("DELETE FROM job_articles WHERE job = ?", (job_id,))

    def job(self, job_id: str) -> Job | None:
        row = self._db.execute("SELECT id, status, done, total, error FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return Job(*row) if row else None
