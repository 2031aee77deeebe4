"""Word-segmented text, the learned join, and stories merged online (state, store and service)."""
from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_stories import BRIDGE_1, BRIDGE_2, FIRE_1, FIRE_2, assignment, day, fixture_articles, make

from tomtat.clean import normalize_text
from tomtat.clean.unicode import split_segmented_words
from tomtat.problems import ProblemLog
from tomtat.store import SCHEMA_VERSION, StoryDatabase
from tomtat.stories import StoryOptions, StoryTracker, cluster_articles, featurize
from tomtat.stories.join import FEATURES, JoinModel, pair_features, shipped_model

SYLLABLE = st.text(alphabet="abcdđeêghiklmnoôơpqrstuưvxyàáạảãốờữ", min_size=1, max_size=6)


@pytest.mark.parametrize(("given_", "expected"), [
    ("Phe đối_lập Campuchia", "Phe đối lập Campuchia"),
    ("Thành_phố Hồ_Chí_Minh", "Thành phố Hồ Chí Minh"),
    ("ppmu_thuathienhue@yahoo.com", "ppmu_thuathienhue@yahoo.com"),
    ("http://dichvucong.gov.vn/regis_new_4.xhtml", "http://dichvucong.gov.vn/regis_new_4.xhtml"),
    ("www.site_name.vn", "www.site_name.vn"),
    ("năm_2024 và _x và a__b", "năm_2024 và _x và a__b"),
    ("TP_HCM, SACS_V20 và AtFarm_S", "TP HCM, SACS_V20 và AtFarm_S"),  # identifiers keep theirs
])
def test_word_segmented_syllables_are_split_and_addresses_kept(given_: str, expected: str) -> None:
    assert normalize_text(given_) == expected


@given(st.lists(st.lists(SYLLABLE, min_size=1, max_size=4), min_size=1, max_size=8))
def test_segmented_text_reads_as_its_syllables(words: list[list[str]]) -> None:
    segmented = " ".join("_".join(word) for word in words)
    assert split_segmented_words(segmented) == " ".join(" ".join(word) for word in words)


@given(st.text(max_size=40))
def test_splitting_is_idempotent_and_only_turns_underscores_into_spaces(text: str) -> None:
    once = split_segmented_words(text)
    assert split_segmented_words(once) == once
    assert len(once) == len(text)
    assert all(a == b or (a == "_" and b == " ") for a, b in zip(text, once))


@given(SYLLABLE, SYLLABLE, st.sampled_from(["@mail.vn", "://x", "/path"]))
def test_an_address_keeps_its_underscores(left: str, right: str, address: str) -> None:
    token = f"{left}_{right}{address}"
    assert split_segmented_words(f"xem {token} nhé") == f"xem {token} nhé"


def test_a_segmented_article_has_the_features_of_the_spaced_one() -> None:
    spaced = make("a", BRIDGE_1, day(12))
    segmented = make("a", (BRIDGE_1[0].replace("Bến Nghé", "Bến_Nghé"),
                           [line.replace("sông Thạch Hãn", "sông Thạch_Hãn") for line in BRIDGE_1[1]]), day(12))
    one, other = featurize(spaced, StoryOptions()), featurize(segmented, StoryOptions())
    assert one.title == other.title
    assert (one.vector.indices == other.vector.indices).all() and (one.vector.values == other.vector.values).all()
    assert (one.signature == other.signature).all()


# The learned join

def test_the_shipped_model_groups_the_fixture_stories() -> None:
    tracker = StoryTracker(StoryOptions(join="learned"))
    for article in fixture_articles():
        tracker.add(article)
    grouped = assignment(tracker)
    assert grouped["b1"] == grouped["b2"] and grouped["f1"] == grouped["f2"]
    assert len({grouped["b1"], grouped["f1"], grouped["m1"]}) == 3


def test_pair_features_are_scale_free_and_ranked() -> None:
    tracker = StoryTracker()
    for article in fixture_articles()[:4]:
        tracker.add(article)
    features = featurize(make("f2", FIRE_2, day(21)), tracker.options)
    scored = tracker.scored_candidates(features)
    rows = pair_features(tracker, features, scored)
    assert rows.shape == (len(scored), len(FEATURES))
    column = {name: rows[:, i] for i, name in enumerate(FEATURES)}
    assert list(column["rank"]) == list(range(len(scored)))
    assert column["share_of_best"][0] == 1.0 and (column["share_of_best"] <= 1.0).all()
    assert ((rows[:, :7] >= 0) & (rows[:, :7] <= 1.0 + 1e-9)).all()  # similarities and shares
    fire = next(i for i, (_, story) in enumerate(scored) if "f1" in story.articles)
    assert column["best_member"][fire] == column["best_member"].max() > 0


def test_the_model_round_trips_through_its_json_and_refuses_another_format() -> None:
    model = shipped_model()
    again = JoinModel.from_json(model.to_json())
    rows = np.random.default_rng(0).random((5, len(FEATURES)))
    assert np.array_equal(model.probabilities(rows), again.probabilities(rows))
    with pytest.raises(ValueError, match="not a tomtat-join-1 model"):
        JoinModel.from_json('{"format": "other", "model": ""}')


# Stories merged online

MERGING = replace(StoryOptions(), online_merge_threshold=0.1, single_merge_threshold=0.1)


def _bridging() -> list:
    """A bridge story, a fire story, then an article on both that brings their centroids together."""
    both = (f"{BRIDGE_2[0]} {FIRE_2[0]}", BRIDGE_2[1] + FIRE_2[1])
    return [make("b1", BRIDGE_1, day(12)), make("f1", FIRE_1, day(13)), make("x", both, day(13))]


def test_stories_whose_centroids_converge_are_merged_and_recorded() -> None:
    tracker = StoryTracker(MERGING)
    for article in _bridging():
        tracker.add(article)
    assert set(assignment(tracker).values()) == {"s1"} and list(tracker.state.stories) == ["s1"]
    assert tracker.state.merged == {"s2": "s1"} and tracker.changes.merged == {"s2"}
    unmerged = StoryTracker()  # the shipped thresholds 0.3 and 0.2: the centroids stay apart (0.13)
    for article in _bridging():
        unmerged.add(article)
    assert len(unmerged.state.stories) == 2 and unmerged.state.merged == {}


def test_a_story_of_one_article_has_its_own_merge_threshold() -> None:
    """x joins b1; f1 alone is a story of one article: `single_merge_threshold` decides; with a copy, the other one."""
    for single, online, extra, merged in ((0.1, 1.0, [], True), (1.0, 0.1, [], False),
                                          (1.0, 0.1, [make("f1c", FIRE_1, day(13))], True),
                                          (0.1, 1.0, [make("f1c", FIRE_1, day(13))], False)):
        tracker = StoryTracker(replace(StoryOptions(), single_merge_threshold=single, online_merge_threshold=online))
        articles = _bridging()
        for article in articles[:2] + extra + articles[2:]:
            tracker.add(article)
        assert (len(tracker.state.stories) == 1) is merged, (single, online, extra)


def test_a_merge_is_stored_and_followed(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with StoryDatabase(path, MERGING) as store:
        cluster_articles(_bridging(), ProblemLog(), store=store)
    with StoryDatabase(path, MERGING) as store:
        assert list(store.load_state().stories) == ["s1"]
        assert store.merged_into("s2") == "s1"
        assert store.merged_into("s1") is None and store.merged_into("s9") is None
        with store.transaction() as db:
            db.execute("UPDATE stories SET merged_into = 's7' WHERE id = 's1'")  # a later merge of the survivor
        assert store.merged_into("s2") == "s7"
        assert sorted(store.connection().execute("SELECT id, merged_into FROM stories")) == [("s1", "s7"), ("s2", "s1")]


def test_a_version_3_file_gains_the_merge_column(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with StoryDatabase(path) as store:
        cluster_articles(fixture_articles(), ProblemLog(), store=store)
    with sqlite3.connect(path) as db:
        db.executescript("ALTER TABLE stories DROP COLUMN merged_into; PRAGMA user_version = 3;")
    with StoryDatabase(path, MERGING) as store:
        assert store.connection().execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
        assert len(store.load_state().articles) == 5
        assert store.merged_into("s1") is None
        columns = [row[1] for row in store.connection().execute("PRAGMA table_info(stories)")]
        assert columns[-1] == "merged_into"


def test_the_service_redirects_a_merged_story(tmp_path: Path) -> None:
    pytest.importorskip("httpx", reason="FastAPI's TestClient needs httpx")
    from fastapi.testclient import TestClient

    from tomtat.service import create_app

    path = tmp_path / "s.db"
    with StoryDatabase(path, MERGING) as store:
        cluster_articles(_bridging(), ProblemLog(), store=store)
    with TestClient(create_app(path)) as client:
        response = client.get("/api/stories/s2", follow_redirects=False)
        assert response.status_code == 301 and response.json() == {"merged_into": "s1"}
        assert response.headers["location"] == "/api/stories/s1"
        timeline = client.get("/api/stories/s2/timeline", follow_redirects=False)
        assert timeline.status_code == 301 and timeline.headers["location"] == "/api/stories/s1/timeline"
        assert [a["id"] for a in client.get("/api/stories/s2").json()["articles"]] == ["b1", "f1", "x"]
        assert client.get("/api/stories/s9").status_code == 404
        paths = client.get("/openapi.json").json()["paths"]
    story_routes = [route for route in paths if route.startswith("/api/stories/{story_id}")]
    assert len(story_routes) == 5
    for route in story_routes:
        moved = paths[route]["get"]["responses"]["301"]
        assert moved["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/MergedOut"}
        assert "Location" in moved["headers"]
    assert "301" not in paths["/api/stories"]["get"]["responses"]


def test_old_story_ids_lead_to_their_articles_after_a_recluster(tmp_path: Path) -> None:
    pytest.importorskip("httpx", reason="FastAPI's TestClient needs httpx")
    from fastapi.testclient import TestClient

    from tomtat.service import create_app

    path = tmp_path / "s.db"
    with StoryDatabase(path, MERGING) as store:
        cluster_articles(_bridging(), ProblemLog(), store=store)  # s2 merged into s1
        cluster_articles([], ProblemLog(), store=store, recluster=True)
        state = store.load_state()
        new = state.articles["b1"].story
        assert new not in ("s1", "s2") and set(state.stories) == {new}
        assert store.merged_into("s1") == new and store.merged_into("s2") == new
    with TestClient(create_app(path)) as client:
        for old in ("s1", "s2"):
            response = client.get(f"/api/stories/{old}/timeline", follow_redirects=False)
            assert response.status_code == 301 and response.headers["location"] == f"/api/stories/{new}/timeline"
        assert [a["id"] for a in client.get("/api/stories/s2").json()["articles"]] == ["b1", "f1", "x"]
