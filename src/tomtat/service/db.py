"""The service's SQLite tables: stored articles, cached summaries, background jobs.

They live in the same file as the story tracker's state (`SqliteStoryStore` owns the tables
`meta`, `blobs`, `stories` and `articles`); every service table is prefixed `service_`. The
service's schema version is `PRAGMA user_version`, upgraded by `MIGRATIONS` in order.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tomtat.model import Article

# Migration n (1-based) takes a file from user_version n-1 to n. Append only; never edit one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE service_articles (
        key INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, track_id TEXT NOT NULL UNIQUE,
        story TEXT NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL, date TEXT, source TEXT);
    CREATE TABLE service_summaries (
        story TEXT NOT NULL, budget TEXT NOT NULL, format TEXT NOT NULL, fingerprint TEXT NOT NULL,
        body TEXT NOT NULL, PRIMARY KEY (story, budget, format));
    """,
    """
    CREATE INDEX service_articles_story ON service_articles (story, key);
    CREATE TABLE service_jobs (
        id TEXT PRIMARY KEY, status TEXT NOT NULL, done INTEGER NOT NULL, total INTEGER NOT NULL,
        error TEXT, created TEXT NOT NULL);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass
class StoredArticle:
    """An article as the service keeps it: the article, its story, its tracker id."""

    article: Article
    story: str
    track_id: str


@dataclass
class Job:
    """Progress of a background upload."""

    id: str
    status: str  # "running", "done" or "failed"
    done: int
    total: int
    error: str | None = None


def migrate(connection: sqlite3.Connection) -> int:
    """Apply the migrations the file lacks, each in its own transaction; the resulting version.

    Raises ValueError for a file written by a newer tomtat.
    """
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise ValueError(f"database schema {version} is newer than this tomtat ({SCHEMA_VERSION}): upgrade tomtat")
    for number in range(version + 1, SCHEMA_VERSION + 1):
        # executescript commits first; BEGIN..COMMIT makes each migration all-or-nothing.
        connection.executescript(f"BEGIN; {MIGRATIONS[number - 1]} PRAGMA user_version = {number}; COMMIT;")
    return SCHEMA_VERSION


def _row_article(row: tuple) -> StoredArticle:
    article_id, track_id, story, title, text, date, source = row
    return StoredArticle(Article(article_id, title, text, dt.date.fromisoformat(date) if date else None, source),
                         story, track_id)


_ARTICLE_COLUMNS = "id, track_id, story, title, text, date, source"


class ServiceDB:
    """Short-lived connections to one SQLite file (WAL), safe to use from many threads."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        if self.path.exists() and not self.path.is_file():
            raise ValueError(f"{self.path}: the database must be a file, this is a folder")
        with self.connect() as connection:
            connection.execute("PRAGMA journal_mode=WAL")
            migrate(connection)

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        """A connection whose `with` block is one transaction; closed afterwards."""
        connection = sqlite3.connect(self.path, timeout=30)
        try:
            with connection:
                yield connection
        finally:
            connection.close()

    # Articles

    def existing_ids(self, ids: list[str]) -> list[str]:
        with self.connect() as db:
            return [i for i in ids if db.execute("SELECT 1 FROM service_articles WHERE id = ?", (i,)).fetchone()]

    def add_articles(self, stored: list[StoredArticle]) -> None:
        """Insert articles and drop the cached summaries of their stories, in one transaction."""
        with self.connect() as db:
            db.executemany(
                f"INSERT INTO service_articles ({_ARTICLE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(s.article.id, s.track_id, s.story, s.article.title, s.article.text,
                  s.article.date.isoformat() if s.article.date else None, s.article.source) for s in stored])
            db.executemany("DELETE FROM service_summaries WHERE story = ?", [(s,) for s in {s.story for s in stored}])

    def article(self, article_id: str) -> StoredArticle | None:
        with self.connect() as db:
            row = db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM service_articles WHERE id = ?", (article_id,)).fetchone()
        return _row_article(row) if row else None

    def delete_article(self, article_id: str) -> StoredArticle | None:
        """Remove an article and its story's cached summaries; the removed article, if any."""
        with self.connect() as db:
            row = db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM service_articles WHERE id = ?", (article_id,)).fetchone()
            if row is None:
                return None
            stored = _row_article(row)
            db.execute("DELETE FROM service_articles WHERE id = ?", (article_id,))
            db.execute("DELETE FROM service_summaries WHERE story = ?", (stored.story,))
        return stored

    def story_articles(self, story: str) -> list[StoredArticle]:
        """The story's articles by date (undated last), then arrival."""
        with self.connect() as db:
            rows = db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM service_articles WHERE story = ? "
                              "ORDER BY date IS NULL, date, key", (story,)).fetchall()
        return [_row_article(row) for row in rows]

    def story_counts(self) -> dict[str, tuple[int, str | None, str | None]]:
        """Story id to (article count, first date, last date) over the stored articles."""
        with self.connect() as db:
            rows = db.execute("SELECT story, COUNT(*), MIN(date), MAX(date) FROM service_articles GROUP BY story")
            return {story: (count, first, last) for story, count, first, last in rows}

    # Summary cache

    def cached_summary(self, story: str, budget: str, fmt: str, fingerprint: str) -> str | None:
        with self.connect() as db:
            row = db.execute("SELECT body FROM service_summaries WHERE story = ? AND budget = ? AND format = ? "
                             "AND fingerprint = ?", (story, budget, fmt, fingerprint)).fetchone()
        return row[0] if row else None

    def cache_summary(self, story: str, budget: str, fmt: str, fingerprint: str, body: str) -> None:
        with self.connect() as db:
            db.execute("INSERT OR REPLACE INTO service_summaries VALUES (?, ?, ?, ?, ?)",
                       (story, budget, fmt, fingerprint, body))

    # Jobs

    def create_job(self, job_id: str, total: int) -> Job:
        with self.connect() as db:
            db.execute("INSERT INTO service_jobs VALUES (?, 'running', 0, ?, NULL, ?)",
                       (job_id, total, dt.datetime.now(dt.timezone.utc).isoformat()))
        return Job(job_id, "running", 0, total)

    def update_job(self, job_id: str, done: int, status: str = "running", error: str | None = None) -> None:
        with self.connect() as db:
            db.execute("UPDATE service_jobs SET done = ?, status = ?, error = ? WHERE id = ?",
                       (done, status, error, job_id))

    def job(self, job_id: str) -> Job | None:
        with self.connect() as db:
            row = db.execute("SELECT id, status, done, total, error FROM service_jobs WHERE id = ?",
                             (job_id,)).fetchone()
        return Job(*row) if row else None
