"""Conflicts between sources: numbers, names, dates, updates; the part, the formats, the CLI, the API."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from tomtat import summarize_story
from tomtat.cli import main
from tomtat.conflicts.facts import sentence_facts
from tomtat.conflicts.names import variants
from tomtat.conflicts.numbers import find_numbers
from tomtat.output import render

FIXTURES = Path(__file__).parent / "fixtures"
sys.path.insert(0, str(Path(__file__).parent.parent / "bench"))
from conflicts import planted_stories, score

FLOOD = [{"id": "a", "date": "2025-09-08", "text": "Lũ làm 3 người chết và 17 ngôi nhà bị cuốn trôi."},
         {"id": "b", "date": "2025-09-08", "text": "Lũ đã làm ba người tử vong, 21 căn nhà bị cuốn trôi."},
         {"id": "c", "date": "2025-09-09", "text": "Số người chết đã tăng lên 6 người."}]


@pytest.mark.parametrize("text, values", [
    ("3,5 tỷ và 3.5 tỷ", [3.5e9, 3.5e9]), ("1.200 nhà", [1200]), ("hai người", [2]), ("năm 2017", [2017]),
    ("12.000 ha, 2,5%", [12000, 2.5]), ("ngày 17/4", []), ("1,200,000 USD", [1.2e6]),
])
def test_numbers_are_normalised(text: str, values: list[float]) -> None:
    assert [n.value for n in find_numbers(text)] == values


def test_facts_are_keyed_by_noun_and_event() -> None:
    facts = sentence_facts("Vụ tai nạn làm 3 người bị thương và 5 người chết, thiệt hại 18,6 tỷ đồng.")
    assert [(f.key, f.value) for f in facts] == [
        (("người", "bị thương"), 3), (("người", "chết"), 5), (("đồng", "thiệt hại"), 18.6e9)]
    assert [(f.bound, f.value) for f in sentence_facts("Hơn 300 hộ dân phải sơ tán, khoảng 20 ha bị ngập.")] == [
        ("hơn", 300), ("khoảng", 20)]
    assert sentence_facts("Năm 2017 trường có 300 học sinh.") == []


@given(st.integers(1, 999), st.sampled_from([("hơn", "hơn"), ("trên", "hơn"), ("ít nhất", "hơn"), ("khoảng", "khoảng"),
                                             ("gần", "khoảng"), ("", "")]))
def test_a_bound_is_kept_with_its_value(count: int, bound: tuple[str, str]) -> None:
    word, kind = bound
    facts = sentence_facts(f"Trận lũ làm {word} {count} người chết.".replace("  ", " "))
    assert [(f.key, f.value, f.bound) for f in facts] == [(("người", "chết"), count, kind)]


def _numbers(*texts: str, dates: tuple[str, ...] = ()) -> list[tuple[str, list[str], bool]]:
    articles = [{"id": str(i), "text": text, **({"date": dates[i]} if dates else {})} for i, text in enumerate(texts)]
    conflicts = summarize_story(articles, parts={"conflicts"}).conflicts
    return [(c.subject, [v.value for v in c.values], c.update) for c in conflicts or [] if c.kind == "number"]


def test_counts_are_compared_only_within_their_qualifier() -> None:
    assert _numbers("Lốc xoáy làm 19 nhà bị sập hoàn toàn.", "Lốc xoáy làm 48 ngôi nhà bị tốc mái.") == []
    assert _numbers("Lốc xoáy làm 19 nhà bị sập hoàn toàn.", "Lốc xoáy làm 18 ngôi nhà bị sập đổ.") == [
        ("nhà sập", ["18", "19"], False)]
    # Two kinds in one predicate are a count of their own, not the total of either.
    assert _numbers("Lốc làm 48 ngôi nhà bị tốc mái và sập đổ.", "Lốc làm 18 nhà bị sập, 30 nhà tốc mái.") == []
    assert _numbers("Lốc làm 24 nhà bị sập, 2 nhà hư hỏng và 68 nhà tốc mái.",
                    "Lốc làm 24 nhà bị sập, 2 nhà hư hỏng và 168 nhà tốc mái.") == [("nhà tốc mái", ["68", "168"], False)]


def test_a_bound_conflicts_only_when_the_values_cannot_both_hold() -> None:
    fish = "Trong đợt này có hơn 14 tấn cá bị chết trên kênh."
    assert _numbers(fish, "Lượng cá chết đã lên đến khoảng 80 tấn.") == [("tấn chết", ["hơn 14", "khoảng 80"], True)]
    assert _numbers(fish, "Có 80 tấn cá chết.", dates=("2025-05-17", "2025-05-19")) == [("tấn chết", ["hơn 14", "80"], True)]
    assert _numbers(fish, "Có 80 tấn cá chết.", dates=("2025-05-19", "2025-05-17")) == []  # consistent, not later
    assert _numbers(fish, "Có 10 tấn cá chết.") == [("tấn chết", ["10", "hơn 14"], False)]
    assert _numbers("Có khoảng 80 tấn cá chết.", "Có 78 tấn cá chết.") == []
    assert _numbers("Có khoảng 80 tấn cá chết.", "Có 40 tấn cá chết.") == [("tấn chết", ["40", "khoảng 80"], False)]


def test_a_count_scoped_to_a_place_does_not_conflict_with_the_total() -> None:
    total = "Lũ quét ở tỉnh Lào Cai làm 5 người chết."
    assert _numbers(total, "Riêng xã Tả Nậm Lư có 2 người chết.") == []
    assert _numbers(total, "Lũ quét ở tỉnh Lào Cai làm 4 người chết.") == [("người chết", ["4", "5"], False)]
    assert _numbers("Riêng xã Tả Nậm Lư có 2 người chết.", "Riêng xã Tả Nậm Lư có 3 người chết.", total, total, total) == [
        ("người chết (Tả Nậm Lư)", ["2", "3"], False)]
    # A sentence on an earlier event is no count of this one.
    assert _numbers(total, "Trước đó, trận lũ tháng 8 làm 9 người chết.") == []


def test_a_sentence_on_an_earlier_year_or_a_past_event_is_no_count_of_this_one() -> None:
    total, dates = "Lũ quét làm 5 ngôi nhà bị cuốn trôi.", ("2025-11-03", "2025-11-03")
    # Opening with a year or date more than a month before the article, or saying it had once happened.
    for earlier in ["Năm 2008, một trận lũ quét làm 9 ngôi nhà bị cuốn trôi.",
                    "Vào tháng 9/2025, lũ quét làm 9 ngôi nhà bị cuốn trôi.",
                    "Một trận lũ tương tự từng cuốn trôi 9 ngôi nhà."]:
        assert _numbers(total, earlier, dates=dates) == []
    # Dates of the same period, "chưa từng" (never before) and "từng" as "each" are this story's counts.
    for same_period in ["Ngày 2/11, lũ quét làm 9 ngôi nhà bị cuốn trôi.",
                        "Tháng 10/2025, lũ quét làm 9 ngôi nhà bị cuốn trôi.",
                        "Trận lũ chưa từng có làm 9 ngôi nhà bị cuốn trôi.",
                        "Đoàn đến thăm từng hộ có 9 ngôi nhà bị cuốn trôi."]:
        assert _numbers(total, same_period, dates=dates) == [("nhà cuốn trôi", ["5", "9"], False)]
    # Without the article's date a year cannot be told old.
    assert _numbers(total, "Năm 2008, một trận lũ quét làm 9 ngôi nhà bị cuốn trôi.") == [
        ("nhà cuốn trôi", ["5", "9"], False)]


def test_a_count_of_those_found_is_not_the_count_of_the_missing() -> None:
    missing = "Lũ quét trong đêm làm 4 người mất tích."
    for found in ["Đến trưa 6/7, đội cứu hộ đã tìm thấy 3 người mất tích còn sống.",
                  "Bộ đội biên phòng cứu được 3 ngư dân mất tích trên biển.", "3 người mất tích đã được tìm thấy.",
                  "Lực lượng chức năng đưa ra khỏi đống đất đá 3 nạn nhân mất tích."]:
        assert [(f.key, f.value) for f in sentence_facts(found)] == [(("người", "được tìm thấy/cứu"), 3)]
        assert _numbers(missing, found) == []
    # Found and rescued counts are one key, so two articles giving them differently disagree.
    assert _numbers("Đội cứu hộ đã cứu sống 5 người mắc kẹt.", "Đội cứu hộ đã tìm thấy 7 người mắc kẹt.") == [
        ("người được tìm thấy/cứu", ["5", "7"], False)]
    # Fish fished out are the dead fish: only people are found or rescued.
    assert [(f.key, f.value) for f in sentence_facts("Đến sáng 18/5 đã vớt được 70 tấn cá chết.")] == [(("tấn", "chết"), 70)]
    # Those still not found, or being searched for, are the missing.
    for still in ["Đội cứu hộ vẫn chưa tìm thấy 3 người mất tích.", "Hàng trăm người đang tìm kiếm 3 người mất tích."]:
        assert [(f.key, f.value) for f in sentence_facts(still)] == [(("người", "mất tích"), 3)]
        assert _numbers(missing, still) == [("người mất tích", ["3", "4"], False)]


def _dates(*texts: str) -> list[list[str]]:
    articles = [{"id": str(i), "text": text, "date": "2025-11-04"} for i, text in enumerate(texts)]
    conflicts = summarize_story(articles, parts={"conflicts"}).conflicts
    return [[v.value for v in c.values] for c in conflicts or [] if c.kind == "date"]


def test_the_ends_of_a_range_are_one_date_of_its_event() -> None:
    night = "Mưa lớn kéo dài từ đêm 2/11 đến rạng sáng 3/11 đã gây lũ quét tại thôn Khe Mạ."
    # Either end of the range, or a day inside it, agrees with it.
    for inside in ["Mưa lớn kéo dài rạng sáng 3/11 đã gây lũ quét tại thôn Khe Mạ.",
                   "Mưa lớn kéo dài đêm 2/11 đã gây lũ quét tại thôn Khe Mạ."]:
        assert _dates(night, inside) == []
    assert _dates("Mưa lớn kéo dài từ ngày 1/11 đến ngày 3/11 đã gây lũ quét tại thôn Khe Mạ.",
                  "Mưa lớn kéo dài ngày 2/11 đã gây lũ quét tại thôn Khe Mạ.") == []
    # A day outside the range, or two single days, still disagree.
    assert _dates(night, "Mưa lớn kéo dài sáng 5/11 đã gây lũ quét tại thôn Khe Mạ.") == [["2025-11-02", "2025-11-05"]]
    assert _dates("Mưa lớn kéo dài đêm 2/11 đã gây lũ quét tại thôn Khe Mạ.",
                  "Mưa lớn kéo dài rạng sáng 3/11 đã gây lũ quét tại thôn Khe Mạ.") == [["2025-11-02", "2025-11-03"]]


def test_name_variants() -> None:
    assert variants("Nguyễn Văn Hải", "Nguyễn Văn Hài") and variants("Jens Stoltenberg", "Jen Stoltenberg")
    assert not variants("Kim Jong-il", "Kim Jong-un") and not variants("V-League", "V.League")
    assert not variants("Airbus A320", "Airbus A321") and not variants("Kim Jong-Un", "Kim Jong-un")
    assert not variants("J-League", "V-League") and variants("Kim Yeo-jong", "Kim Yo-jong")


def test_conflict_and_update() -> None:
    conflicts = summarize_story(FLOOD, parts={"conflicts"}).conflicts
    assert conflicts is not None
    deaths, houses = conflicts
    assert (deaths.subject, [v.value for v in deaths.values], deaths.update, deaths.later) == ("người chết", ["3", "6"], True, "6")
    assert deaths.values[0].articles == ["a", "b"]
    assert (houses.subject, [v.value for v in houses.values], houses.update) == ("nhà cuốn trôi", ["17", "21"], False)


def test_no_conflict_when_articles_agree() -> None:
    same = [{"text": "Vụ cháy làm 2 công nhân bị thương, thiệt hại 3,5 tỷ đồng."},
            {"text": "Hai người bị thương; thiệt hại ước 3.500 triệu đồng."}]
    assert summarize_story(same, parts={"conflicts"}).conflicts == []


def test_planted_stories_are_all_found() -> None:
    result = score(planted_stories())
    assert (result["precision"], result["recall"]) == (1.0, 1.0)


def test_every_format_has_a_conflicts_section() -> None:
    report = summarize_story(FLOOD, parts={"summary", "conflicts"})
    assert "Conflicts\nnumber: người chết  (update: 6)\n  3  [a, b]" in render(report, "text")
    assert "## Conflicts\n\n- number: người chết (update: **6**)" in render(report, "markdown")
    assert "<h2>Conflicts</h2>" in render(report, "html")
    assert json.loads(render(report, "json"))["conflicts"][0]["later"] == "6"


def test_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    result = CliRunner().invoke(main, ["conflicts", "flood", "-f", "json"])
    assert result.exit_code == 0, result.output
    kinds = [(c["kind"], c["subject"]) for c in json.loads(result.stdout)["conflicts"]]
    assert kinds == [("number", "người chết"), ("number", "nhà cuốn trôi"), ("name", "Giàng A Hài / Giàng A Hải")]


def test_api_route(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from tomtat.service.api import create_app

    client = TestClient(create_app(tmp_path / "t.db"))
    story = client.post("/api/articles", json=FLOOD[:2]).json()["articles"][0]["story"]
    data = client.get(f"/api/stories/{story}/conflicts").json()
    assert [(c["subject"], [v["value"] for v in c["values"]]) for c in data["conflicts"]] == [("nhà cuốn trôi", ["17", "21"])]
    assert client.get("/api/stories/nope/conflicts").status_code == 404


def _roles(*texts: str) -> list[tuple[str, list[str], list[list[str]]]]:
    conflicts = summarize_story([{"id": str(i), "text": t} for i, t in enumerate(texts)], parts={"conflicts"}).conflicts
    return [(c.subject, [v.value for v in c.values], [v.articles for v in c.values]) for c in conflicts or [] if c.kind == "role"]


def test_a_role_given_to_two_people_is_a_conflict() -> None:
    assert _roles("Bộ trưởng Bộ Y tế Nguyễn Văn Xuân cho biết dịch đã được kiểm soát.",
                  "Phát biểu tại buổi họp, Bộ trưởng Bộ Y tế Trần Văn Yên nói dịch đã được kiểm soát.") == [
        ("Bộ trưởng Bộ Y tế", ["Nguyễn Văn Xuân", "Trần Văn Yên"], [["0"], ["1"]])]
    # After the name between commas, and with the head abbreviated.
    assert _roles("Ông Lê Văn Nam, Chủ tịch UBND tỉnh Lào Cai, cho biết tỉnh hỗ trợ 3 tỷ đồng.",
                  "Chủ tịch Ủy ban nhân dân tỉnh Lào Cai Trần Văn Yên cho biết tỉnh hỗ trợ 3 tỷ đồng.") == [
        ("Chủ tịch UBND tỉnh Lào Cai", ["Lê Văn Nam", "Trần Văn Yên"], [["0"], ["1"]])]


def test_no_role_conflict_for_one_person_or_two_roles() -> None:
    same = ["Bộ trưởng Bộ Y tế Nguyễn Văn Xuân cho biết dịch đã được kiểm soát.",
            "Bộ trưởng Bộ Y tế, ông Nguyễn Văn Xuân, nói thêm.", "Theo Bộ trưởng Bộ Y tế Xuân, dịch đã qua."]
    assert _roles(*same) == []
    assert _roles("Bộ trưởng Bộ Y tế Nguyễn Văn Xuân cho biết dịch đã được kiểm soát.",
                  "Thứ trưởng Bộ Y tế Trần Văn Yên cho biết dịch đã được kiểm soát.") == []
    # A former holder, a bare title, and one article naming the old and the new holder.
    assert _roles("Bộ trưởng Bộ Y tế Nguyễn Văn Xuân đến thăm.", "Nguyên Bộ trưởng Bộ Y tế Trần Văn Yên đến thăm.") == []
    assert _roles("Thủ tướng Abe đến Hà Nội.", "Thủ tướng Modi đến Hà Nội.") == []
    assert _roles("Bộ trưởng Bộ Y tế Nguyễn Văn Xuân thay Bộ trưởng Bộ Y tế Trần Văn Yên.",
                  "Bộ trưởng Bộ Y tế Trần Văn Yên bàn giao công việc.") == []


def test_one_holder_written_two_ways_is_no_role_conflict() -> None:
    assert _roles("Bộ trưởng Quốc phòng Ba Lan Antoni Macherevich phát biểu.",
                  "Bộ trưởng Quốc phòng Ba Lan Antoni Macierewicz phát biểu.") == []
    assert _roles("Tổng thống Italia Sergio Mattarella đến Hà Nội.", "Tổng thống Italia Ngài Sergio Mattarella đến Hà Nội.") == []
    assert _roles("Bộ trưởng Quốc phòng Ba Lan Antoni Macierewicz phát biểu.",
                  "Bộ trưởng Quốc phòng Ba Lan Tomasz Siemoniak phát biểu.") != []
