"""Near-duplicate links: copies, re-titled copies, new sign-offs and light edits join their original."""
from __future__ import annotations

import datetime as dt

import pytest

from tomtat.model import Article
from tomtat.stories import StoryOptions, StoryTracker, featurize
from tomtat.stories.dedup import NearDuplicates
from tomtat.stories.features import jaccard

BRIDGE = [
    "Sáng 12/3, tỉnh Quảng Trị khánh thành cầu Bến Nghé nối hai xã ven sông Thạch Hãn sau hai năm thi công.",
    "Cây cầu dài 320 mét, rộng 9 mét, có tổng vốn đầu tư khoảng 145 tỷ đồng từ ngân sách tỉnh.",
    "Trước đây người dân phải đi đò hoặc vòng thêm 18 km để sang bờ bên kia sông.",
    "Ông Trần Văn Lực, Phó Chủ tịch UBND tỉnh, cho biết cầu giúp rút ngắn thời gian đưa nông sản ra thị trường.",
    "Nhà thầu đã hoàn thành công trình sớm hơn kế hoạch bốn tháng dù mùa mưa kéo dài.",
    "Dịp này, tỉnh trao 50 suất quà cho các hộ dân nhường đất làm đường dẫn lên cầu.",
]
BRIDGE_OTHER = [  # the same event told in other words: not a copy
    "Chiều 12/3, hàng trăm người dân hai xã ven sông Thạch Hãn đã đi bộ qua cầu Bến Nghé vừa khánh thành.",
    "Bà Lê Thị Hoa, một tiểu thương, kể rằng nhiều năm qua bà phải dậy từ bốn giờ sáng để kịp chuyến đò.",
    "Theo lãnh đạo xã, từ nay học sinh không còn phải vượt sông mỗi mùa lũ để đến trường.",
    "Chính quyền địa phương dự kiến mở thêm một chợ phiên ở đầu cầu vào cuối năm nay.",
]


def article(article_id: str, title: str, lines: list[str], day: int | None = 12) -> Article:
    return Article(article_id, title, "\n".join(lines), dt.date(2025, 3, day) if day else None)


@pytest.fixture
def tracker() -> StoryTracker:
    return StoryTracker(StoryOptions())


def test_exact_copy_is_linked_to_the_original(tracker: StoryTracker) -> None:
    tracker.add(article("a", "Khánh thành cầu Bến Nghé", BRIDGE))
    copy = tracker.add(article("b", "Khánh thành cầu Bến Nghé", BRIDGE))
    assert copy.duplicate_of == "a" and copy.story == tracker.state.articles["a"].story


def test_retitled_copy_with_another_sign_off_is_linked(tracker: StoryTracker) -> None:
    tracker.add(article("a", "Khánh thành cầu Bến Nghé", BRIDGE))
    copy = tracker.add(article("b", "Quảng Trị: Người dân vui mừng đón cầu mới", BRIDGE + ["Minh Tâm (TTXVN)"]))
    assert copy.duplicate_of == "a"


def test_lightly_edited_repost_is_linked(tracker: StoryTracker) -> None:
    tracker.add(article("a", "Khánh thành cầu Bến Nghé", BRIDGE))
    edited = [line.replace("khoảng", "gần").replace("người dân", "bà con") for line in BRIDGE[:-1]]
    assert tracker.add(article("b", "Cầu Bến Nghé chính thức thông xe", edited)).duplicate_of == "a"


def test_other_article_on_the_same_story_is_not_a_duplicate_but_joins_the_story(tracker: StoryTracker) -> None:
    tracker.add(article("a", "Khánh thành cầu Bến Nghé", BRIDGE))
    other = tracker.add(article("b", "Người dân vui mừng đi trên cầu Bến Nghé", BRIDGE_OTHER + BRIDGE[:1]))
    assert other.duplicate_of is None


def test_copy_of_a_copy_points_to_the_earliest_seen_original(tracker: StoryTracker) -> None:
    tracker.add(article("a", "Khánh thành cầu Bến Nghé", BRIDGE, day=14))
    tracker.add(article("b", "Cầu Bến Nghé", BRIDGE, day=12))  # earlier date, seen later
    third = tracker.add(article("c", "Cầu mới ở Quảng Trị", BRIDGE[1:]))
    assert tracker.state.articles["b"].duplicate_of == "a" and third.duplicate_of == "a"


def test_copies_do_not_count_as_evidence(tracker: StoryTracker) -> None:
    tracker.add(article("a", "Khánh thành cầu Bến Nghé", BRIDGE))
    before = tracker.state.stories[tracker.state.articles["a"].story].centroid.values.copy()
    tracker.add(article("b", "Khánh thành cầu Bến Nghé", BRIDGE))
    story = tracker.state.stories[tracker.state.articles["a"].story]
    assert (story.centroid.values == before).all() and tracker.weights.documents == 1


def test_seed_is_injectable_and_signatures_are_reproducible() -> None:
    one = featurize(article("a", "t", BRIDGE), StoryOptions(seed=7)).signature
    again = featurize(article("a", "t", BRIDGE), StoryOptions(seed=7)).signature
    other = featurize(article("a", "t", BRIDGE), StoryOptions(seed=8)).signature
    assert (one == again).all() and not (one == other).all()


def test_jaccard_estimate_and_match_threshold() -> None:
    options = StoryOptions()
    index = NearDuplicates(options)
    a = featurize(article("a", "t", BRIDGE), options).signature
    b = featurize(article("b", "t", BRIDGE_OTHER), options).signature
    index.add("a", a, 0)
    assert jaccard(a, a) == 1.0 and jaccard(a, b) < 0.2
    assert index.match(a) == "a" and index.match(b) is None


@pytest.mark.parametrize("value", [0.0, 1.5])
def test_bad_threshold_is_refused_early(value: float) -> None:
    with pytest.raises(ValueError, match="duplicate_threshold"):
        StoryOptions(duplicate_threshold=value)
