"""The one SQLite schema: upgrades of every earlier file, settings checks, the process lock."""
from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from pathlib import Path

import pytest

from tomtat.model import Article
from tomtat.problems import ProblemLog
from tomtat.store import SCHEMA_VERSION, InUse, StoryDatabase
from tomtat.stories import StoryTracker, cluster_articles, featurize

# The SQL of tomtat before the one schema, kept as text: what earlier files hold.
OLD_SERVICE_V1 = """
CREATE TABLE service_articles (
    key INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, track_id TEXT NOT NULL UNIQUE,
    story TEXT NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL, date TEXT, source TEXT);
CREATE TABLE service_summaries (
    story TEXT NOT NULL, budget TEXT NOT NULL, format TEXT NOT NULL, fingerprint TEXT NOT NULL,
    body TEXT NOT NULL, PRIMARY KEY (story, budget, format));
PRAGMA user_version = 1;
"""
OLD_SERVICE_V2 = OLD_SERVICE_V1 + """
CREATE INDEX service_articles_story ON service_articles (story, key);
CREATE TABLE service_jobs (
    id TEXT PRIMARY KEY, status TEXT NOT NULL, done INTEGER NOT NULL, total INTEGER NOT NULL,
    error TEXT, created TEXT NOT NULL);
PRAGMA user_version = 2;
"""
OLD_TRACKER = """
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

FIRE = [("Cháy chợ Đồng Xoài, hơn 40 ki-ốt bị thiêu rụi",
         ("Rạng sáng 20/3, một đám cháy lớn bùng phát tại khu hàng vải của chợ Đồng Xoài, tỉnh Bình Phước. "
          "Hơn 40 ki-ốt bán quần áo, vải vóc bị thiêu rụi, không có thiệt hại về người.")),
        ("Tiểu thương chợ Đồng Xoài thiệt hại nặng sau vụ cháy",
         ("Sau vụ cháy rạng sáng 20/3 tại chợ Đồng Xoài, nhiều tiểu thương ngồi thất thần bên đống tro tàn. "
          "Ban quản lý chợ Đồng Xoài ước tính thiệt hại ban đầu khoảng 30 tỷ đồng."))]
BRIDGE = ("Khánh thành cầu Bến Nghé nối đôi bờ sông Thạch Hãn",
          ("Sáng 12/3, tỉnh Quảng Trị khánh thành cầu Bến Nghé nối hai xã ven sông Thạch Hãn. "
           "Cây cầu dài 320 mét, rộng 9 mét, có tổng vốn đầu tư khoảng 145 tỷ đồng."))


def _articles() -> list[Article]:
    fire = [Article(f"chay-{i}", title, text, dt.date(2025, 3, 20 + i)) for i, (title, text) in enumerate(FIRE)]
    return fire + [Article("chay-ban-sao", FIRE[0][0], FIRE[0][1], dt.date(2025, 3, 21)),
                   Article("cau", *BRIDGE, dt.date(2025, 3, 12))]


def _write_old_tracker(db: sqlite3.Connection, tracker: StoryTracker, track_ids: dict[str, str]) -> None:
    """The tracker's state as the old `SqliteStoryStore.save` wrote it, ids renamed by `track_ids`."""
    db.executescript(OLD_TRACKER)
    state = tracker.state
    meta = {"schema": "1", "scheme": "affine32", "documents": state.documents, "next_story": state.next_story,
            "next_seq": state.next_seq, "n_features": 2**20, "num_perm": 128, "seed": 1, "shingle_size": 3}
    db.executemany("INSERT INTO meta VALUES (?, ?)", [(k, str(v)) for k, v in meta.items()])
    db.execute("INSERT INTO blobs VALUES ('document_frequency', x'00')")
    for s in state.stories.values():
        db.execute("INSERT INTO stories VALUES (?, ?, ?, ?, ?, ?)", (
            s.id, s.first_date.isoformat(), s.last_date.isoformat(), s.mass,
            s.centroid.indices.astype("<i4").tobytes(), s.centroid.values.astype("<f4").tobytes()))
    for a in state.articles.values():
        db.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (
            track_ids[a.id], a.seq, a.story, track_ids.get(a.duplicate_of), a.features.title, a.features.date.isoformat(),
            a.features.vector.indices.astype("<i4").tobytes(), a.features.vector.values.astype("<f4").tobytes(),
            a.features.signature.astype("<u8").tobytes()))


def _reference() -> StoryTracker:
    tracker = StoryTracker()
    for article in _articles():
        tracker.add(article)
    return tracker


def _check_upgraded(path: Path, reference: StoryTracker) -> None:
    """The old file's articles, featurized again by this featurizer, in the same stories under new ids."""
    with StoryDatabase(path) as store:
        state = store.load_state()
        rows = {r[0]: r[1:] for r in store.connection().execute("SELECT id, story, duplicate_of, text FROM articles")}
        assert store.connection().execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        old = {a.id: a.story for a in reference.state.articles.values()}
        new = {a.id: a.story for a in state.articles.values()}
        assert all(store.merged_into(old[a]) == new[a] for a in old)  # an old story id leads to its articles
    assert set(new) == set(old) and all((new[a] == new[b]) == (old[a] == old[b]) for a in old for b in old)
    assert min(int(s[1:]) for s in state.stories) >= reference.state.next_story
    assert rows["chay-ban-sao"][1] == "chay-0" and state.articles["chay-ban-sao"].duplicate_of == "chay-0"
    assert rows["cau"][2] == BRIDGE[1]
    assert state.documents == reference.state.documents == 3
    assert (state.document_frequency == reference.weights.frequency).all()
    assert state.next_seq == 4
    with StoryDatabase(path) as store:
        tracker = cluster_articles([Article("chay-3", FIRE[1][0], FIRE[1][1] + " Tỉnh hỗ trợ tiểu thương.",
                                            dt.date(2025, 3, 22))], ProblemLog(), store=store)
    assert tracker.state.articles["chay-3"].story == state.articles["chay-0"].story


def test_a_tracker_only_file_of_cluster_state_is_refused_as_it_lacks_texts(tmp_path: Path) -> None:
    reference = _reference()
    path = tmp_path / "state.db"
    with sqlite3.connect(path) as db:
        _write_old_tracker(db, reference, {a: a for a in reference.state.articles})
    with pytest.raises(ValueError, match="featurizer version 1, this tomtat has version 3, and the file lacks"):
        StoryDatabase(path)


def test_a_service_file_at_version_2_with_tracker_tables_upgrades(tmp_path: Path) -> None:
    reference = _reference()
    track_ids = {a: f"uuid-{i}" for i, a in enumerate(reference.state.articles)}
    path = tmp_path / "service.db"
    with sqlite3.connect(path) as db:
        db.executescript(OLD_SERVICE_V2)
        _write_old_tracker(db, reference, track_ids)
        for article in _articles():
            db.execute("INSERT INTO service_articles (id, track_id, story, title, text, date, source) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)", (article.id, track_ids[article.id],
                                                        reference.state.articles[article.id].story, article.title,
                                                        article.text, article.date.isoformat(), None))
        db.execute("INSERT INTO service_summaries VALUES ('s1', '200 syllables', 'json', 'f', '{}')")
        db.execute("INSERT INTO service_jobs VALUES ('j1', 'done', 60, 60, NULL, '2025-01-01')")
        db.execute("INSERT INTO service_jobs VALUES ('j2', 'running', 10, 60, NULL, '2025-01-02')")
    _check_upgraded(path, reference)
    with sqlite3.connect(path) as db:
        jobs = {row[0]: row[1:] for row in db.execute("SELECT id, status, error FROM jobs")}
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert jobs["j1"] == ("done", None) and jobs["j2"][0] == "failed" and "add its missing articles" in jobs["j2"][1]
    assert not tables & {"meta", "blobs", "service_articles", "service_jobs", "service_summaries"}


def test_a_service_v1_file_upgrades_and_its_untracked_articles_are_added_by_a_job(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from tomtat.service import StoryService

    path = tmp_path / "v1.db"
    with sqlite3.connect(path) as db:
        db.executescript(OLD_SERVICE_V1)
        for article in _articles():
            db.execute("INSERT INTO service_articles (id, track_id, story, title, text, date, source) "
                       "VALUES (?, ?, 's1', ?, ?, ?, NULL)", (article.id, "t-" + article.id, article.title,
                                                               article.text, article.date.isoformat()))
    service = StoryService(path)
    assert service.resume_jobs() == ["migration-3"]
    deadline = time.monotonic() + 30
    while service.db.job("migration-3").status == "running" and time.monotonic() < deadline:
        time.sleep(0.05)
    assert service.db.job("migration-3").status == "done"
    stories = {a.id: a.story for a in service.tracker.state.articles.values()}
    service.close()
    assert set(stories) == {a.id for a in _articles()}
    assert stories["chay-0"] == stories["chay-1"] == stories["chay-ban-sao"] != stories["cau"]


def test_a_state_of_another_featurizer_is_featurized_again_from_the_stored_texts(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with StoryDatabase(path) as store:
        first = cluster_articles(_articles(), ProblemLog(), store=store)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT value FROM settings WHERE key = 'featurizer'").fetchone() == ("3",)
        db.execute("UPDATE settings SET value = '0' WHERE key = 'featurizer'")
        db.execute("UPDATE articles SET vector_values = zeroblob(length(vector_values))")  # what version 0 computed
    with StoryDatabase(path) as store:
        state = store.load_state()
        assert store.connection().execute("SELECT value FROM settings WHERE key = 'featurizer'").fetchone() == ("3",)
    assert set(state.articles) == set(first.state.articles)
    assert all(a.features.vector.values.any() for a in state.articles.values())
    grouped = {a.id: a.story for a in state.articles.values()}
    assert grouped["chay-0"] == grouped["chay-1"] == grouped["chay-ban-sao"] != grouped["cau"]
    assert min(int(s[1:]) for s in state.stories) > max(int(s[1:]) for s in first.state.stories)


def test_a_state_of_another_featurizer_without_texts_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with StoryDatabase(path) as store:
        cluster_articles(_articles(), ProblemLog(), store=store)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE settings SET value = '0' WHERE key = 'featurizer'")
        db.execute("UPDATE articles SET text = '' WHERE id = 'cau'")  # as upgraded from an old cluster state
    with pytest.raises(ValueError, match="featurizer version 0, this tomtat has version 3, and the file lacks"):
        StoryDatabase(path)


def test_not_a_database_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"ghi chu " * 200)
    with pytest.raises(ValueError, match=f"{path}: not a usable tomtat database"):
        StoryDatabase(path)
    with StoryDatabase(path.with_name("ok.db")):
        pass  # the failed open released its lock: the folder is usable


def test_a_second_holder_is_refused_until_the_first_closes(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    first = StoryDatabase(path)
    with pytest.raises(InUse, match=rf"{path} is in use by another tomtat process \(pid {os.getpid()}\): stop it"):
        StoryDatabase(path)
    first.close()
    StoryDatabase(path).close()


def test_each_article_is_committed_with_its_story(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with StoryDatabase(path) as store:
        tracker = StoryTracker(store.options, store.load_state())
        article = _articles()[0]
        tracker.add(featurize(article, store.options))
        store.commit(tracker, [article])
        with pytest.raises(ValueError, match="missing from `new`"):
            tracker.add(featurize(_articles()[1], store.options))
            store.commit(tracker)
        row = store.connection().execute("SELECT id, story, text FROM articles").fetchall()
    assert row == [("chay-0", "s1", FIRE[0][1])]
