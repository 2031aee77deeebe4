"""The tables of a tomtat database and the ordered migrations that build them.

`PRAGMA user_version` is the schema version; migration n takes a file from version n-1 to n,
in one transaction. Append only; never edit a migration that has shipped. Migrations 1 and 2
are the service's first two schemas; migration 3 folds in the story tracker's tables, which
older tomtat kept under a schema of their own (a `meta` row "schema" = "1", no user_version),
so a service file of any version and a tracker-only file made by `tomtat cluster --state`
(user_version 0 with tracker tables) all reach the current schema the same way. Migration 4
adds `stories.merged_into`: a story merged online keeps its row, naming the story it went into.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

# The tracker's tables as tomtat before migration 3 created them (IF NOT EXISTS: a file may lack them).
_LEGACY_TRACKER_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS blobs (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY, first_date TEXT, last_date TEXT, mass REAL NOT NULL,
    centroid_indices BLOB NOT NULL, centroid_values BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, seq INTEGER NOT NULL, story TEXT NOT NULL, duplicate_of TEXT,
    title TEXT NOT NULL, date TEXT, vector_indices BLOB NOT NULL, vector_values BLOB NOT NULL,
    signature BLOB NOT NULL);
"""

# Tracker articles whose service row is missing keep their tracker id and an empty text; service
# rows the tracker never saw (a crash between the two old transactions) become a job that adds
# them at start-up. Jobs that were running had no stored input: they end "failed", saying so.
_UNIFY = _LEGACY_TRACKER_TABLES + """
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO settings SELECT key, value FROM meta
    WHERE key IN ('scheme', 'next_story', 'next_seq', 'n_features', 'num_perm', 'seed', 'shingle_size');
INSERT INTO settings SELECT 'featurizer', '1' FROM meta WHERE key = 'scheme';
CREATE TABLE unified_articles (
    id TEXT PRIMARY KEY, seq INTEGER NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL, date TEXT,
    source TEXT, story TEXT NOT NULL, duplicate_of TEXT, vector_indices BLOB NOT NULL,
    vector_values BLOB NOT NULL, signature BLOB NOT NULL);
INSERT OR IGNORE INTO unified_articles
    SELECT COALESCE(s.id, a.id), a.seq, COALESCE(s.title, a.title), COALESCE(s.text, ''), a.date, s.source,
           a.story, COALESCE((SELECT o.id FROM service_articles o WHERE o.track_id = a.duplicate_of), a.duplicate_of),
           a.vector_indices, a.vector_values, a.signature
    FROM articles a LEFT JOIN service_articles s ON s.track_id = a.id ORDER BY s.id IS NULL, a.seq;
CREATE TABLE jobs (
    id TEXT PRIMARY KEY, status TEXT NOT NULL, done INTEGER NOT NULL, total INTEGER NOT NULL,
    error TEXT, created TEXT NOT NULL);
INSERT INTO jobs SELECT id, CASE status WHEN 'running' THEN 'failed' ELSE status END, done, total,
    CASE status WHEN 'running' THEN 'interrupted before tomtat kept job inputs: add its missing articles again'
    ELSE error END, created FROM service_jobs;
CREATE TABLE job_articles (
    job TEXT NOT NULL, position INTEGER NOT NULL, id TEXT NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL,
    date TEXT, source TEXT, PRIMARY KEY (job, position)) WITHOUT ROWID;
INSERT INTO jobs SELECT 'migration-3', 'running', 0, COUNT(*), NULL, datetime('now') FROM service_articles
    WHERE track_id NOT IN (SELECT id FROM articles) HAVING COUNT(*) > 0;
INSERT INTO job_articles SELECT 'migration-3', key, id, title, text, date, source FROM service_articles
    WHERE track_id NOT IN (SELECT id FROM articles);
ALTER TABLE service_summaries RENAME TO summaries;
DROP TABLE articles;
DROP TABLE service_articles;
DROP TABLE service_jobs;
DROP TABLE meta;
DROP TABLE blobs;
ALTER TABLE unified_articles RENAME TO articles;
CREATE INDEX articles_story ON articles (story, seq);
"""

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
    _UNIFY,
    # Stories merged online: the merged story's row stays, pointing at the story that took its articles.
    """
    ALTER TABLE stories ADD COLUMN merged_into TEXT;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(connection: sqlite3.Connection, path: Path) -> int:
    """Apply the migrations the file at `path` lacks, each all-or-nothing; the resulting version.

    `connection` must be in autocommit mode (isolation_level None). Raises ValueError for a
    file written by a newer tomtat.
    """
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise ValueError(f"{path}: database schema {version} is newer than this tomtat ({SCHEMA_VERSION}): "
                         "upgrade tomtat")
    for number in range(version + 1, SCHEMA_VERSION + 1):
        try:
            connection.executescript(f"BEGIN IMMEDIATE; {MIGRATIONS[number - 1]};\n"
                                     f"PRAGMA user_version = {number}; COMMIT;")
        except sqlite3.Error:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
    return SCHEMA_VERSION
