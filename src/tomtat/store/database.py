"""A tomtat database held by one process: connections, transactions, the tracker's state."""
from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from tomtat.clean import normalize_text
from tomtat.clean.unicode import split_segmented_words
from tomtat.model import Article
from tomtat.store.lock import ProcessLock
from tomtat.store.schema import migrate
from tomtat.stories.features import (
    FEATURIZER_VERSION, KEPT_FEATURIZERS, MINHASH_SCHEME, ArticleFeatures, SparseVector, featurize,
)
from tomtat.stories.options import StoryOptions
from tomtat.stories.reclustering import recluster, replacing
from tomtat.stories.state import Story, TrackedArticle, TrackerState
from tomtat.stories.tracker import Changes, StoryTracker

# Options that shape stored vectors and signatures: a state is only usable with the same ones.
SHAPING = ("n_features", "num_perm", "seed", "shingle_size")
_ARTICLE_ROW = "id, seq, title, text, date, source, story, duplicate_of, vector_indices, vector_values, signature"


def date_text(value: dt.date | None) -> str | None:
    """A date as stored (ISO), or None."""
    return value.isoformat() if value else None


def text_date(value: str | None) -> dt.date | None:
    """A stored date (ISO) read back, or None."""
    return dt.date.fromisoformat(value) if value else None


def _segmented(text: str) -> bool:
    return "_" in text and split_segmented_words(text) != text


def _vector(indices: bytes, values: bytes) -> SparseVector:
    return SparseVector(np.frombuffer(indices, "<i4").astype(np.int32), np.frombuffer(values, "<f4").astype(np.float32))


class StoryDatabase:
    """The SQLite file (WAL) of `tomtat serve` and `tomtat cluster --state`, locked to this process.

    Each thread gets its own connection; writes go through `transaction` (BEGIN IMMEDIATE).
    `synchronous=NORMAL`: a killed process loses no commit, a power cut may lose the last ones.
    A state made by another featurizer version is featurized again from the stored texts and
    re-clustered (new story ids); one of `KEPT_FEATURIZERS` is kept as it is when no stored title
    or text holds word-segmented words (its vectors are then what this featurizer computes). Raises InUse when another process holds the file, ValueError
    for a file that is not a tomtat database, whose state was built with other options, or made
    by another featurizer without the texts to redo it.
    """

    def __init__(self, path: str | Path, options: StoryOptions | None = None):
        self.path = Path(path)
        if self.path.exists() and not self.path.is_file():
            raise ValueError(f"{self.path}: the database must be a file, this is a folder")
        self.options = options or StoryOptions()
        self._lock = ProcessLock(self.path)
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._guard = threading.Lock()
        try:
            self.connection().execute("PRAGMA journal_mode=WAL")
            migrate(self.connection(), self.path)
            with self.transaction() as db:
                featurizer = self._check_settings(db)
            if featurizer != str(FEATURIZER_VERSION):
                self._featurize_again(featurizer)
        except sqlite3.DatabaseError as error:
            self.close()
            raise ValueError(f"{self.path}: not a usable tomtat database ({error})") from None
        except ValueError:
            self.close()
            raise

    def __enter__(self) -> StoryDatabase:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # Connections

    def connection(self) -> sqlite3.Connection:
        """This thread's connection (autocommit: use `transaction` to write)."""
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            connection.execute("PRAGMA synchronous=NORMAL")
            self._local.connection = connection
            with self._guard:
                self._connections.append(connection)
        return connection

    def forget_connection(self) -> None:
        """Close this thread's connection (for threads that end before the database is closed)."""
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            self._local.connection = None
            with self._guard:
                self._connections.remove(connection)
            connection.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """This thread's connection inside one write transaction, committed unless the block raises."""
        connection = self.connection()
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield connection
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    def close(self) -> None:
        """Close every connection and let other processes open the file."""
        with self._guard:
            connections, self._connections = self._connections, []
        for connection in connections:
            connection.close()
        self._local = threading.local()
        self._lock.release()

    # Settings

    def _check_settings(self, db: sqlite3.Connection) -> str:
        """Check the stored settings against the options (recording them if absent); the featurizer version."""
        stored = dict(db.execute("SELECT key, value FROM settings"))
        if stored.get("scheme", MINHASH_SCHEME) != MINHASH_SCHEME:
            raise ValueError(f"{self.path}: signatures use MinHash scheme {stored['scheme']!r}; start a new state file")
        for name in SHAPING:
            if name in stored and int(stored[name]) != getattr(self.options, name):
                raise ValueError(f"{self.path}: state was built with {name}={stored[name]}, options say "
                                 f"{getattr(self.options, name)}; use the same options or a new state file")
        defaults = {"featurizer": FEATURIZER_VERSION, "scheme": MINHASH_SCHEME, "next_story": 1, "next_seq": 0,
                    **{name: getattr(self.options, name) for name in SHAPING}}
        db.executemany("INSERT OR IGNORE INTO settings VALUES (?, ?)", [(k, str(v)) for k, v in defaults.items()])
        return stored.get("featurizer", str(FEATURIZER_VERSION))

    def _featurize_again(self, version: str) -> None:
        """Replace a state of featurizer `version` by the stored articles featurized now and re-clustered."""
        rows = self.connection().execute("SELECT id, title, text, date, source FROM articles ORDER BY seq").fetchall()
        articles = [Article(aid, title, text, text_date(day), source) for aid, title, text, day, source in rows]
        if version in KEPT_FEATURIZERS and not any(_segmented(a.title) or _segmented(a.text) for a in articles):
            with self.transaction() as db:
                db.execute("UPDATE settings SET value = ? WHERE key = 'featurizer'", (str(FEATURIZER_VERSION),))
            return
        if any(not article.text.strip() for article in articles):
            raise ValueError(f"{self.path}: its stories were built by featurizer version {version}, this tomtat has "
                             f"version {FEATURIZER_VERSION}, and the file lacks article texts to redo them: cluster "
                             "the articles again into a new file (tomtat cluster PATHS --state NEW.db)")
        old = self.load_state()
        tracker = recluster([featurize(article, self.options) for article in articles], self.options, old.next_story)
        tracker.changes = replacing(tracker, old)
        self.commit(tracker, articles, then=lambda db: db.execute(
            "UPDATE settings SET value = ? WHERE key = 'featurizer'", (str(FEATURIZER_VERSION),)))

    # The tracker's state

    def load_state(self) -> TrackerState:
        """The stored stories and articles; document frequencies counted from the stored originals."""
        db = self.connection()
        db.execute("BEGIN")
        try:
            settings = dict(db.execute("SELECT key, value FROM settings"))
            state = TrackerState(next_story=int(settings["next_story"]), next_seq=int(settings["next_seq"]))
            for sid, first, last, mass, ci, cv in db.execute(
                    "SELECT id, first_date, last_date, mass, centroid_indices, centroid_values FROM stories "
                    "WHERE merged_into IS NULL"):
                state.stories[sid] = Story(sid, [], _vector(ci, cv), text_date(first), text_date(last), mass)
            originals = []
            for aid, seq, title, sid, dup, day, vi, vv, sig in db.execute(
                    "SELECT id, seq, title, story, duplicate_of, date, vector_indices, vector_values, signature "
                    "FROM articles ORDER BY seq"):
                vector = _vector(vi, vv)
                features = ArticleFeatures(aid, normalize_text(title).strip(), text_date(day), vector,
                                           np.frombuffer(sig, "<u8").copy())
                state.articles[aid] = TrackedArticle(features, seq, sid, dup)
                state.stories[sid].articles.append(aid)
                if dup is None:
                    originals.append(vector.indices)
        finally:
            db.execute("COMMIT")
        indices = np.concatenate(originals) if originals else np.zeros(0, np.int64)
        state.document_frequency = np.bincount(indices, minlength=self.options.n_features).astype(np.int32)
        state.documents = len(originals)
        return state

    def merged_into(self, story_id: str) -> str | None:
        """The story a story merged online now lives in (following later merges), or None."""
        target: str | None = None
        seen = {story_id}
        current = story_id
        while True:
            row = self.connection().execute("SELECT merged_into FROM stories WHERE id = ? AND merged_into IS NOT NULL",
                                            (current,)).fetchone()
            if row is None or row[0] in seen:
                return target
            target = current = row[0]
            seen.add(current)

    def commit(self, tracker: StoryTracker, new: Sequence[Article] = (),
               then: Callable[[sqlite3.Connection], object] | None = None) -> None:
        """Write what `tracker.changes` names, the rows of the `new` articles and `then`, in one transaction.

        Every newly tracked article must be in `new` (its text is stored with it); cached
        summaries of the stories that changed are dropped. The tracker's changes are reset.
        """
        state, changes = tracker.state, tracker.changes
        given = {article.id: article for article in new}
        changed = [state.articles[i] for i in sorted(changes.articles)]
        with self.transaction() as db:
            db.executemany("DELETE FROM articles WHERE id = ?", [(a,) for a in changes.deleted])
            db.executemany("DELETE FROM stories WHERE id = ?", [(s,) for s in changes.removed])
            db.executemany("INSERT OR REPLACE INTO stories (id, merged_into, mass, centroid_indices, centroid_values) "
                           "VALUES (?, ?, 0, x'', x'')", [(gone, state.merged[gone]) for gone in sorted(changes.merged)])
            db.executemany("INSERT OR REPLACE INTO stories (id, first_date, last_date, mass, centroid_indices, "
                           "centroid_values) VALUES (?, ?, ?, ?, ?, ?)", [
                (s.id, date_text(s.first_date), date_text(s.last_date), s.mass, s.centroid.indices.astype("<i4").tobytes(),
                 s.centroid.values.astype("<f4").tobytes())
                for s in (state.stories[i] for i in changes.stories if i in state.stories)])
            db.executemany(f"INSERT OR REPLACE INTO articles ({_ARTICLE_ROW}) VALUES ({', '.join('?' * 11)})", [
                (a.id, a.seq, given[a.id].title, given[a.id].text, date_text(a.features.date), given[a.id].source, a.story,
                 a.duplicate_of, a.features.vector.indices.astype("<i4").tobytes(),
                 a.features.vector.values.astype("<f4").tobytes(), a.features.signature.astype("<u8").tobytes())
                for a in changed if a.id in given])
            moved = [(a.seq, a.story, a.duplicate_of, a.id) for a in changed if a.id not in given]
            updated = db.executemany("UPDATE articles SET seq = ?, story = ?, duplicate_of = ? WHERE id = ?", moved)
            if moved and updated.rowcount != len(moved):
                raise ValueError("a newly tracked article is missing from `new`: its text would be lost")
            db.executemany("UPDATE settings SET value = ? WHERE key = ?",
                           [(str(state.next_story), "next_story"), (str(state.next_seq), "next_seq")])
            db.executemany("DELETE FROM summaries WHERE story = ?", [(s,) for s in changes.stories | changes.removed])
            if then is not None:
                then(db)
        tracker.changes = Changes()
