"""Story tracking: online clustering and re-clustering, time, persisted state, feeds and the CLI."""
from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from tomtat.cli import main
from tomtat.ingest.feeds import parse_feed
from tomtat.model import Article
from tomtat.problems import ProblemLog
from tomtat.store import StoryDatabase
from tomtat.stories import (
    StoryOptions, StoryTracker, bcubed, cluster_articles, featurize, recluster,
    story_views,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

BRIDGE_1 = ("Khánh thành cầu Bến Nghé nối đôi bờ sông Thạch Hãn", [
    "Sáng 12/3, tỉnh Quảng Trị khánh thành cầu Bến Nghé nối hai xã ven sông Thạch Hãn sau hai năm thi công.",
    "Cây cầu dài 320 mét, rộng 9 mét, có tổng vốn đầu tư khoảng 145 tỷ đồng từ ngân sách tỉnh.",
    "Trước đây người dân phải đi đò hoặc vòng thêm 18 km để sang bờ bên kia sông Thạch Hãn.",
])
BRIDGE_2 = ("Người dân hai xã vui mừng đi trên cầu Bến Nghé", [
    "Chiều 12/3, hàng trăm người dân hai xã ven sông Thạch Hãn đã đi bộ qua cầu Bến Nghé vừa khánh thành.",
    "Bà Lê Thị Hoa kể nhiều năm qua phải dậy từ bốn giờ sáng để kịp chuyến đò qua sông Thạch Hãn.",
    "Cầu Bến Nghé dài 320 mét giúp học sinh không còn vượt sông mỗi mùa lũ.",
])
FIRE_1 = ("Cháy chợ Đồng Xoài, hơn 40 ki-ốt bị thiêu rụi", [
    "Rạng sáng 20/3, một đám cháy lớn bùng phát tại khu hàng vải của chợ Đồng Xoài, tỉnh Bình Phước.",
    "Hơn 40 ki-ốt bán quần áo, vải vóc bị thiêu rụi, không có thiệt hại về người.",
    "Lực lượng phòng cháy chữa cháy điều 12 xe chữa cháy đến hiện trường, sau ba giờ mới khống chế được ngọn lửa.",
])
FIRE_2 = ("Tiểu thương chợ Đồng Xoài thiệt hại nặng sau vụ cháy", [
    "Sau vụ cháy rạng sáng 20/3 tại chợ Đồng Xoài, nhiều tiểu thương ngồi thất thần bên đống tro tàn của ki-ốt.",
    "Ban quản lý chợ Đồng Xoài ước tính thiệt hại ban đầu khoảng 30 tỷ đồng.",
    "Cơ quan chức năng tỉnh Bình Phước đang điều tra nguyên nhân vụ cháy chợ.",
])
MATCH = ("Đội tuyển bóng chuyền nữ giành vé vào chung kết", [
    "Tối 25/3, đội tuyển bóng chuyền nữ thắng đối thủ 3-1 ở bán kết giải vô địch khu vực tại Nakhon Ratchasima.",
    "Chủ công Thanh Thúy ghi 24 điểm, là cầu thủ ghi nhiều điểm nhất trận bán kết.",
    "Trận chung kết bóng chuyền nữ diễn ra vào tối chủ nhật tới.",
])


def make(article_id: str, story: tuple[str, list[str]], date: dt.date | None) -> Article:
    return Article(article_id, story[0], "\n".join(story[1]), date, f"{article_id}.txt")


def day(n: int) -> dt.date:
    return dt.date(2025, 3, n)


def assignment(tracker: StoryTracker) -> dict[str, str]:
    return {a.id: a.story for a in tracker.state.articles.values()}


def fixture_articles() -> list[Article]:
    return [make("b1", BRIDGE_1, day(12)), make("f1", FIRE_1, day(20)), make("b2", BRIDGE_2, day(12)),
            make("m1", MATCH, day(25)), make("f2", FIRE_2, day(21))]


def test_stories_are_found_and_separated() -> None:
    tracker = StoryTracker()
    for article in fixture_articles():
        tracker.add(article)
    story = assignment(tracker)
    assert story["b1"] == story["b2"] and story["f1"] == story["f2"]
    assert len({story["b1"], story["f1"], story["m1"]}) == 3


def test_every_article_is_in_exactly_one_story_and_views_are_complete() -> None:
    tracker = StoryTracker()
    articles = fixture_articles() + [make("f3", FIRE_1, day(20))]  # a copy too
    for article in articles:
        tracker.add(article)
    listed = [a for view in story_views(tracker) for a in view.articles]
    assert sorted(listed) == sorted(a.id for a in articles)
    fire = next(v for v in story_views(tracker) if "f1" in v.articles)
    assert (fire.first_date, fire.last_date, fire.articles) == (day(20), day(21), ["f1", "f3", "f2"])


def test_a_cold_story_is_not_joined() -> None:
    tracker = StoryTracker(StoryOptions(cold_days=7))
    tracker.add(make("f1", FIRE_1, day(1)))
    late = tracker.add(make("f2", FIRE_2, day(20)))
    assert late.story != tracker.state.articles["f1"].story
    undated = tracker.add(make("f9", ("Điều tra nguyên nhân vụ cháy chợ Đồng Xoài", [
        "Công an tỉnh Bình Phước đang điều tra nguyên nhân vụ cháy chợ Đồng Xoài làm hơn 40 ki-ốt bị thiêu rụi.",
        "Ban quản lý chợ Đồng Xoài cho biết các tiểu thương sẽ được bố trí chỗ bán tạm."]), None))
    assert undated.duplicate_of is None and undated.story in {late.story, tracker.state.articles["f1"].story}


def test_the_dated_seed_story_is_one_story_though_its_articles_are_33_days_apart(shared) -> None:
    from tomtat.ingest import read_articles

    articles = read_articles([str(shared / "seeds_dated.jsonl")], ProblemLog())
    assert sorted(a.date for a in articles) == [dt.date(2023, 3, 15), dt.date(2023, 4, 17)]
    tracker = StoryTracker()
    placed = [tracker.add(article) for article in articles]
    assert placed[0].story == placed[1].story and len(tracker.state.stories) == 1
    apart = StoryTracker(StoryOptions(cold_days=30))
    assert len({apart.add(article).story for article in articles}) == 2


def test_out_of_order_arrival_joins_and_moves_first_date() -> None:
    tracker = StoryTracker(StoryOptions(cold_days=7))
    tracker.add(make("f2", FIRE_2, day(21)))
    early = tracker.add(make("f1", FIRE_1, day(19)))
    story = tracker.state.stories[early.story]
    assert early.story == tracker.state.articles["f2"].story and (story.first_date, story.last_date) == (day(19), day(21))
    far = tracker.add(make("f0", ("Điều tra nguyên nhân vụ cháy chợ Đồng Xoài", [
        "Công an tỉnh Bình Phước đang điều tra nguyên nhân vụ cháy chợ Đồng Xoài làm hơn 40 ki-ốt bị thiêu rụi.",
        "Ban quản lý chợ Đồng Xoài cho biết các tiểu thương sẽ được bố trí chỗ bán tạm."]), day(1)))  # cold before
    assert far.story != early.story


def _with_background(title: str, lead: str, syllables: int) -> Article:
    """An article whose title and lead tell the event, then `syllables` of unrelated background."""
    rng = random.Random(0)
    background = " ".join(f"nen{rng.randrange(3000)}" for _ in range(syllables))
    return Article("long", title, f"{lead}\n{background}", day(21))


def test_title_and_lead_keep_their_share_of_a_long_article() -> None:
    short = featurize(_with_background(FIRE_1[0], " ".join(FIRE_1[1]), 0), StoryOptions()).vector
    for syllables, least in ((500, 0.65), (8000, 0.6)):
        long = featurize(_with_background(FIRE_1[0], " ".join(FIRE_1[1]), syllables), StoryOptions()).vector
        _, mine, theirs = np.intersect1d(short.indices, long.indices, return_indices=True)
        assert float(short.values[mine] @ long.values[theirs]) >= least  # unit vectors: their cosine


def test_a_long_article_joins_the_story_its_lead_tells() -> None:
    tracker = StoryTracker()
    for article in fixture_articles():
        tracker.add(article)
    long = _with_background("Chợ Đồng Xoài cháy lớn, tiểu thương mất trắng", f"{FIRE_2[1][0]} {FIRE_1[1][1]}", 1000)
    assert tracker.add(long).story == tracker.state.articles["f1"].story


def test_recluster_matches_online_on_the_fixture_and_orders_by_date() -> None:
    articles = fixture_articles()
    tracker = recluster([featurize(a, StoryOptions()) for a in articles])
    story = assignment(tracker)
    assert story["b1"] == story["b2"] and story["f1"] == story["f2"] and len(tracker.state.stories) == 3
    assert [v.articles for v in story_views(tracker)][0] == ["b1", "b2"]


def test_state_is_saved_and_resumed(tmp_path: Path) -> None:
    store = StoryDatabase(tmp_path / "stories.db")
    articles = fixture_articles()
    first = cluster_articles(articles[:3], ProblemLog(), store=store)
    problems = ProblemLog()
    second = cluster_articles(articles[2:], problems, store=store)
    assert [p.message for p in problems] == ["article 'b2' is already in the state: skipped"]
    story = assignment(second)
    assert set(story) == {"b1", "b2", "f1", "f2", "m1"} and story["f2"] == assignment(first)["f1"]
    assert story["b1"] == story["b2"] and len(second.state.stories) == 3
    reloaded = store.load_state()
    assert {a: t.story for a, t in reloaded.articles.items()} == story and reloaded.next_story == 4
    assert reloaded.documents == second.weights.documents
    assert (reloaded.document_frequency == second.weights.frequency).all()


def test_state_built_with_other_options_is_refused(tmp_path: Path) -> None:
    with StoryDatabase(tmp_path / "stories.db") as store:
        cluster_articles(fixture_articles()[:1], ProblemLog(), store=store)
    with pytest.raises(ValueError, match="num_perm=128"):
        StoryDatabase(tmp_path / "stories.db", StoryOptions(num_perm=64))


def test_recluster_with_state_reclusters_everything_with_fresh_ids(tmp_path: Path) -> None:
    store = StoryDatabase(tmp_path / "stories.db")
    cluster_articles(fixture_articles()[:2], ProblemLog(), store=store)
    tracker = cluster_articles(fixture_articles()[2:], ProblemLog(), store=store, recluster=True)
    assert len(tracker.state.articles) == 5 and min(int(s[1:]) for s in tracker.state.stories) >= 3
    reloaded = store.load_state()
    assert set(reloaded.stories) == set(tracker.state.stories)
    assert {a.id: a.story for a in reloaded.articles.values()} == assignment(tracker)


RSS = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Tin</title>
<item><title>Khánh thành cầu Bến Nghé</title><link>https://tin.example.vn/cau-ben-nghe</link>
<description><![CDATA[<p>Sáng 12/3, tỉnh Quảng Trị khánh thành cầu Bến Nghé.</p><p>Cầu dài 320 mét.</p>]]></description>
<pubDate>Wed, 12 Mar 2025 08:00:00 +0700</pubDate></item>
<item><title></title><description></description></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Tin</title>
<entry><id>tag:tin.example.vn,2025:1</id><title>Cháy chợ Đồng Xoài</title>
<link href="https://tin.example.vn/chay-cho"/><updated>2025-03-20T06:00:00Z</updated>
<content type="html">&lt;p&gt;Rạng sáng 20/3, một đám cháy lớn bùng phát.&lt;/p&gt;</content></entry></feed>"""


def test_rss_and_atom_feeds_are_parsed() -> None:
    problems = ProblemLog()
    rss = parse_feed(RSS, "tin.rss", problems)
    assert [(a.id, a.title, a.text, a.date, a.source) for a in rss] == [(
        "https://tin.example.vn/cau-ben-nghe", "Khánh thành cầu Bến Nghé",
        "Sáng 12/3, tỉnh Quảng Trị khánh thành cầu Bến Nghé.\nCầu dài 320 mét.", day(12),
        "https://tin.example.vn/cau-ben-nghe")]
    assert [str(p) for p in problems] == ["tin.rss: feed entry 2 has no title or text: skipped"]
    atom = parse_feed(ATOM, "tin.atom", problems)
    assert [(a.id, a.text, a.date, a.source) for a in atom] == [
        ("tag:tin.example.vn,2025:1", "Rạng sáng 20/3, một đám cháy lớn bùng phát.", day(20), "https://tin.example.vn/chay-cho")]


def test_not_a_feed_is_reported() -> None:
    problems = ProblemLog()
    assert parse_feed("không phải RSS", "x.xml", problems) == [] and "no feed entries" in problems[0].message


def write_jsonl(path: Path, articles: list[Article]) -> None:
    rows = [{"id": a.id, "title": a.title, "text": a.text, "date": a.date.isoformat() if a.date else None}
            for a in articles]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def test_cli_json_output_is_exact(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "tin.jsonl", fixture_articles() + [make("f3", FIRE_1, day(22))])
    result = CliRunner().invoke(main, ["cluster", str(tmp_path / "tin.jsonl")])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {
        "stories": [
            {"id": "s1", "label": BRIDGE_1[0], "first_date": "2025-03-12", "last_date": "2025-03-12", "articles": ["b1", "b2"]},
            {"id": "s2", "label": FIRE_1[0], "first_date": "2025-03-20", "last_date": "2025-03-22", "articles": ["f1", "f2", "f3"]},
            {"id": "s3", "label": MATCH[0], "first_date": "2025-03-25", "last_date": "2025-03-25", "articles": ["m1"]},
        ],
        "duplicates": [{"article": "f3", "duplicate_of": "f1"}],
    }


def test_cli_reports_bad_input_with_file_and_line_and_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "tin.jsonl"
    write_jsonl(good, fixture_articles()[:2])
    good.write_text(good.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["cluster", str(good), str(tmp_path / "empty.txt"), "--format", "markdown"])
    assert result.exit_code == 0
    assert f"tomtat: skipped {good}:3: not JSON" in result.stderr
    assert f"{tmp_path / 'empty.txt'}" in result.stderr
    assert result.stdout.startswith(f"## {BRIDGE_1[0]}\n\n`s1` · 2025-03-12 · 1 articles\n\n- `b1` {BRIDGE_1[0]}\n")


def test_cli_state_resumes_and_nothing_readable_fails(tmp_path: Path) -> None:
    state = str(tmp_path / "s.db")
    write_jsonl(tmp_path / "one.jsonl", fixture_articles()[:2])
    write_jsonl(tmp_path / "two.jsonl", fixture_articles()[2:])
    runner = CliRunner()
    assert runner.invoke(main, ["cluster", str(tmp_path / "one.jsonl"), "--state", state]).exit_code == 0
    result = runner.invoke(main, ["cluster", str(tmp_path / "two.jsonl"), "--state", state])
    stories = json.loads(result.stdout)["stories"]
    assert sorted(a for s in stories for a in s["articles"]) == ["b1", "b2", "f1", "f2", "m1"] and len(stories) == 3
    (tmp_path / "blank.jsonl").write_text("\n", encoding="utf-8")
    failed = runner.invoke(main, ["cluster", str(tmp_path / "blank.jsonl")])
    assert failed.exit_code == 1 and "no article could be read" in failed.stderr


class _SureModel:
    """A join model certain that every candidate is the article's story."""

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        return np.ones(len(rows))


@pytest.mark.parametrize("recluster", [False, True])
def test_cli_join_learned_lets_the_model_decide(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, recluster: bool) -> None:
    write_jsonl(tmp_path / "tin.jsonl", fixture_articles())
    monkeypatch.setattr("tomtat.stories.tracker.shipped_model", _SureModel)
    runner = CliRunner()
    extra = ["--recluster"] if recluster else []
    threshold = runner.invoke(main, ["cluster", str(tmp_path / "tin.jsonl"), *extra])
    learned = runner.invoke(main, ["cluster", str(tmp_path / "tin.jsonl"), "--join", "learned",
                                   "--state", str(tmp_path / "s.db"), *extra])
    assert threshold.exit_code == 0 and learned.exit_code == 0, learned.output
    grouped = [sorted(story["articles"]) for story in json.loads(learned.stdout)["stories"]]
    assert len(json.loads(threshold.stdout)["stories"]) == 3
    assert grouped == [["b1", "b2", "f1", "f2", "m1"]]  # all it may join: 8 days apart, within the 60-day window
    refused = runner.invoke(main, ["cluster", str(tmp_path / "tin.jsonl"), "--join", "other"])
    assert refused.exit_code == 2 and "'other' is not one of 'threshold', 'learned'" in refused.stderr


def test_bcubed() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    assert bcubed({"a": "1", "b": "1", "c": "2"}, gold).f1 == 1.0
    merged = bcubed({"a": "1", "b": "1", "c": "1"}, gold)
    assert merged.recall == 1.0 and merged.precision == pytest.approx((2 / 3 * 2 + 1 / 3) / 3)
    with pytest.raises(ValueError, match="no predicted cluster"):
        bcubed({}, gold)


def test_vims_sample_clusters_well() -> None:
    data = SHARED / "data" / "vims2017" / "all.jsonl"
    if not data.is_file():
        pytest.skip(f"../shared/data is absent ({data}): the dataset test needs it")
    problems = ProblemLog()
    tracker_input: list[Article] = []
    gold: dict[str, str] = {}
    with data.open(encoding="utf-8") as lines:
        sample = [next(lines) for _ in range(40)]
    sample_file = data.parent / "all.jsonl"
    from tomtat.ingest.jsonl import read_cluster_lines

    for cluster in read_cluster_lines("".join(sample), str(sample_file), problems):
        for article in cluster.articles:
            gold[article.id] = cluster.id
            tracker_input.append(article)
    random.Random(0).shuffle(tracker_input)
    tracker = cluster_articles(tracker_input, problems)
    assert bcubed(assignment(tracker), gold).f1 >= 0.9


def test_removing_an_article_updates_its_story_and_the_frequencies() -> None:
    tracker = StoryTracker()
    for article in fixture_articles():
        tracker.add(article)
    fire = tracker.state.articles["f1"].story
    tracker.remove("f1")
    story = tracker.state.stories[fire]
    assert "f1" not in tracker.state.articles and story.articles == ["f2"]
    assert (story.first_date, story.last_date) == (day(21), day(21)) and tracker.weights.documents == 4
    assert set(story.centroid.indices.tolist()) == set(tracker.state.articles["f2"].features.vector.indices.tolist())
    tracker.remove("f2")
    assert fire not in tracker.state.stories and tracker.changes.removed == {fire}
    assert tracker.changes.deleted == {"f1", "f2"} and not tracker.changes.articles & {"f1", "f2"}
    with pytest.raises(KeyError, match="f1"):
        tracker.remove("f1")


def test_removing_an_original_promotes_its_earliest_copy() -> None:
    tracker = StoryTracker()
    tracker.add(make("f1", FIRE_1, day(20)))
    tracker.add(make("f2", FIRE_2, day(21)))
    tracker.add(make("c1", FIRE_1, day(20)))
    tracker.add(make("c2", FIRE_1, day(22)))
    documents = tracker.weights.documents
    tracker.remove("f1")
    articles = tracker.state.articles
    assert articles["c1"].duplicate_of is None and articles["c2"].duplicate_of == "c1"
    assert tracker.weights.documents == documents and len(tracker.duplicates) == 2
    assert tracker.add(make("c3", FIRE_1, day(23))).duplicate_of == "c1"
    views = story_views(tracker)
    assert [v.articles for v in views] == [["c1", "f2", "c2", "c3"]]
    assert views[0].label in {FIRE_1[0], FIRE_2[0]} and views[0].first_date == day(20)


def test_a_removal_is_saved_and_not_brought_back(tmp_path: Path) -> None:
    store = StoryDatabase(tmp_path / "stories.db")
    tracker = cluster_articles(fixture_articles() + [make("c1", FIRE_1, day(20))], ProblemLog(), store=store)
    tracker = StoryTracker(StoryOptions(), store.load_state())
    lone = tracker.state.articles["m1"].story
    tracker.remove("f1")
    tracker.remove("m1")
    store.commit(tracker)
    reloaded = store.load_state()
    assert set(reloaded.articles) == {"b1", "b2", "f2", "c1"} and lone not in reloaded.stories
    assert reloaded.articles["c1"].duplicate_of is None and reloaded.documents == tracker.weights.documents
    again = StoryTracker(StoryOptions(), reloaded)
    assert again.add(make("c2", FIRE_1, day(21))).duplicate_of == "c1"
