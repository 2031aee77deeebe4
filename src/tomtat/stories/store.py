"""Persistent tracker state behind one small interface, with a SQLite implementation."""
from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Protocol

import numpy as np

from tomtat.stories.features import MINHASH_SCHEME, ArticleFeatures, SparseVector
from tomtat.stories.options import StoryOptions
from tomtat.stories.state import Story, TrackedArticle, TrackerState
from tomtat.stories.tracker import Changes

SCHEMA_VERSION = "1"
# Options that shape stored vectors and signatures: a state is only usable with the same ones.
_SHAPING = ("n_features", "num_perm", "seed", "shingle_size")


class StoryStore(Protocol):
    """Where a tracker's state lives between runs."""

    def load(self, options: StoryOptions) -> TrackerState:
        """The stored state (empty when nothing is stored); ValueError if built with other options."""

    def save(self, state: TrackerState, changes: Changes, options: StoryOptions) -> None:
        """Write what `changes` names, in one transaction."""


_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS blobs (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY, first_date TEXT, last_date TEXT, mass REAL NOT NULL,
    centroid_indices BLOB NOT NULL, centroid_values BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, seq INTEGER NOT NULL, story TEXT NOT NULL, duplicate_of TEXT,
    title TEXT NOT NULL, date TEXT, vector_indices BLOB NOT NULL, vector_values BLOB NOT NULL,
    signature BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS articles_story ON articles (story, seq);
"""


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _vector(indices: bytes, values: bytes) -> SparseVector:
    return SparseVector(np.frombuffer(indices, "<i4").astype(np.int32), np.frombuffer(values, "<f4").astype(np.float32))


class SqliteStoryStore:
    """State in a SQLite file (WAL journal); created on first save."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        if self.path.exists() and not self.path.is_file():
            raise ValueError(f"{self.path}: the state must be a file, this is a folder")

    def _connect(self) -> sqlite3.Connection:
        try:
            connection = sqlite3.connect(self.path)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.executescript(_TABLES)
        except sqlite3.DatabaseError as error:
            raise ValueError(f"{self.path}: not a usable state database ({error})") from None
        return connection

    def _check(self, meta: dict[str, str], options: StoryOptions) -> None:
        if meta.get("schema", SCHEMA_VERSION) != SCHEMA_VERSION:
            raise ValueError(f"{self.path}: state schema {meta['schema']}, this tomtat reads {SCHEMA_VERSION}")
        if meta.get("scheme", MINHASH_SCHEME) != MINHASH_SCHEME:
            raise ValueError(f"{self.path}: signatures use MinHash scheme {meta['scheme']!r}; start a new state file")
        for name in _SHAPING:
            if name in meta and int(meta[name]) != getattr(options, name):
                raise ValueError(f"{self.path}: state was built with {name}={meta[name]}, options say "
                                 f"{getattr(options, name)}; use the same options or a new state file")

    def load(self, options: StoryOptions) -> TrackerState:
        if not self.path.exists():
            return TrackerState()
        db = self._connect()
        try:
            meta = dict(db.execute("SELECT key, value FROM meta"))
            self._check(meta, options)
            state = TrackerState(documents=int(meta.get("documents", 0)), next_story=int(meta.get("next_story", 1)),
                                 next_seq=int(meta.get("next_seq", 0)))
            row = db.execute("SELECT value FROM blobs WHERE key = ?", ("document_frequency",)).fetchone()
            frequency = np.zeros(options.n_features, np.int32)
            if row:
                pairs = np.frombuffer(row[0], "<i8").reshape(-1, 2)
                frequency[pairs[:, 0]] = pairs[:, 1]
            state.document_frequency = frequency
            stories = db.execute("SELECT id, first_date, last_date, mass, centroid_indices, centroid_values FROM stories")
            for sid, first, last, mass, ci, cv in stories:
                state.stories[sid] = Story(sid, [], _vector(ci, cv), _date(first), _date(last), mass)
            articles = db.execute("SELECT id, seq, story, duplicate_of, title, date, vector_indices, vector_values, "
                                  "signature FROM articles ORDER BY seq")
            for aid, seq, sid, dup, title, date, vi, vv, sig in articles:
                features = ArticleFeatures(aid, title, _date(date), _vector(vi, vv), np.frombuffer(sig, "<u8").copy())
                state.articles[aid] = TrackedArticle(features, seq, sid, dup)
                state.stories[sid].articles.append(aid)
        finally:
            db.close()
        return state

    def save(self, state: TrackerState, changes: Changes, options: StoryOptions) -> None:
        meta = {"schema": SCHEMA_VERSION, "scheme": MINHASH_SCHEME, "documents": state.documents,
                "next_story": state.next_story, "next_seq": state.next_seq}
        meta.update({name: getattr(options, name) for name in _SHAPING})
        frequency = state.document_frequency if state.document_frequency is not None else np.zeros(0, np.int32)
        nonzero = np.flatnonzero(frequency)
        pairs = np.stack([nonzero, frequency[nonzero]], axis=1).astype("<i8").tobytes()
        connection = self._connect()
        try:
            with connection as db:
                db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", [(k, str(v)) for k, v in meta.items()])
                db.execute("INSERT OR REPLACE INTO blobs VALUES (?, ?)", ("document_frequency", pairs))
                db.executemany("DELETE FROM stories WHERE id = ?", [(s,) for s in changes.removed])
                db.executemany("DELETE FROM articles WHERE id = ?", [(a,) for a in changes.deleted])
                db.executemany("INSERT OR REPLACE INTO stories VALUES (?, ?, ?, ?, ?, ?)", [
                    (s.id, _iso(s.first_date), _iso(s.last_date), s.mass, s.centroid.indices.astype("<i4").tobytes(),
                     s.centroid.values.astype("<f4").tobytes())
                    for s in (state.stories[i] for i in changes.stories if i in state.stories)])
                db.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [
                    (a.id, a.seq, a.story, a.duplicate_of, a.features.title, _iso(a.features.date),
                     a.features.vector.indices.astype("<i4").tobytes(), a.features.vector.values.astype("<f4").tobytes(),
                     a.features.signature.astype("<u8").tobytes())
                    for a in (state.articles[i] for i in changes.articles)])
        finally:
            connection.close()
