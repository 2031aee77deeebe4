"""Entities and keyphrases: tagging rules (VLSP 2018 spans), canonical names across a story, the gold-set floor, the CLI."""
from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

from click.testing import CliRunner

from tomtat.cli import main
from tomtat.entities import keyphrases, story_entities, tag
from tomtat.entities.story import canonical_names
from tomtat.model import Article
from tomtat.pipeline import prepare

FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(FIXTURES.parents[1] / "bench"))
from entities import load_gold, predict, scores, tomtat_spans

STORY = [
    Article("a", "Tổng thống Hàn Quốc thăm Nhật Bản",
            "Tổng thống Hàn Quốc Yoon Suk-yeol đến thủ đô Tokyo ngày 16/3. Ông Yoon gặp Thủ tướng Nhật Bản Fumio Kishida."),
    Article("b", "Hội đàm tại Seoul",
            "Ngày 20/3, ông Lê Minh Khoa, Chủ tịch UBND tỉnh Lào Cai, đến thủ đô Seoul. Yoon Suk-yeol tiếp ông Khoa tại Seoul."),
]


def _tags(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in tag(text)]


def _entities() -> dict[str, tuple[str, int, list[str], list[str]]]:
    documents = [prepare(article, index) for index, article in enumerate(STORY)]
    return {e.name: (e.type, e.count, e.mentions, e.articles) for e in story_entities(documents)}


def test_person_after_country_is_a_person() -> None:
    assert _tags("Tổng thống Hàn Quốc Yoon Suk-yeol phát biểu.") == [("Hàn Quốc", "LOC"), ("Yoon Suk-yeol", "PER")]
    assert ("Ned Price", "PER") in _tags("Người phát ngôn Bộ Ngoại giao Mỹ Ned Price cho biết.")


def test_sentence_initial_word_is_not_an_entity() -> None:
    assert _tags("Theo nguồn tin trên, hai bên sẽ nối lại đối thoại.") == []
    assert _tags("Sáng nay, Hà Nội mưa to.") == [("Hà Nội", "LOC")]
    assert _tags("Nguyễn Văn Nam cho biết.") == [("Nguyễn Văn Nam", "PER")]


def test_dates_and_numbers_are_not_entities() -> None:
    assert _tags("Ngày 16/3/2023, giá tăng 5%. Thứ Hai tuần trước trời nắng, vào tháng 10 năm 2024.") == []


def test_organisations_and_places() -> None:
    assert _tags("Ông Trần Văn Bình, Giám đốc Sở Giao thông, nói với UBND tỉnh Lào Cai.") == [
        ("Trần Văn Bình", "PER"), ("Sở Giao thông", "ORG"), ("UBND tỉnh Lào Cai", "ORG"),
    ]
    assert [(m.text, m.surface) for m in tag("Họ đến thủ đô Seoul.")] == [("Seoul", "thủ đô Seoul")]


def test_place_words_are_inside_places() -> None:
    assert _tags("Lũ về tỉnh Quảng Ninh, huyện Yên Bình, xã Nam Sơn, Bắc Sơn và sông Hồng; quận 2, TP.HCM.") == [
        ("tỉnh Quảng Ninh", "LOC"), ("huyện Yên Bình", "LOC"), ("xã Nam Sơn", "LOC"), ("Bắc Sơn", "LOC"),
        ("sông Hồng", "LOC"), ("quận 2", "LOC"), ("TP.HCM", "LOC"),
    ]
    assert [m.name for m in tag("Họ đến bang Texas.")] == ["Texas"]  # story-level name without the place word


def test_all_caps_words_and_government_alone_are_no_names() -> None:
    assert _tags("Theo Chính phủ và Quốc hội, GDP tăng 6%, CPI tăng 2% và giá vàng lên 5 USD; DN gặp khó.") == []
    assert _tags("Tổ chức Y tế Thế giới (WHO) và FBI cho biết.") == [
        ("Tổ chức Y tế Thế giới", "ORG"), ("WHO", "ORG"), ("FBI", "ORG"),
    ]
    assert _tags("Bộ NN-PTNT làm việc với Quốc hội Mỹ.") == [("Bộ NN-PTNT", "ORG"), ("Quốc hội Mỹ", "ORG")]


def test_foreign_names_without_title() -> None:
    assert _tags("Trump nói Lewandowski sẽ rời Bayern Munich để sang Incheon United.") == [
        ("Trump", "PER"), ("Lewandowski", "PER"), ("Bayern Munich", "ORG"), ("Incheon United", "ORG"),
    ]
    assert _tags("Theo Washington Post, Pareto Economics và Sun Group hợp tác.") == [
        ("Washington Post", "ORG"), ("Pareto Economics", "ORG"), ("Sun Group", "ORG"),
    ]


def test_misc_works_events_laws_products() -> None:
    assert _tags("Phim “Mắt biếc” chiếu trước SEA Games 31; Luật Đất đai 2013 có hiệu lực; iPhone 14 Pro Max ra mắt.") == [
        ("Mắt biếc", "MISC"), ("SEA Games 31", "MISC"), ("Luật Đất đai 2013", "MISC"), ("iPhone 14 Pro Max", "MISC"),
    ]
    assert _tags("U23 Việt Nam dự vòng chung kết U23 châu Á 2020.") == [("U23 Việt Nam", "ORG"), ("U23 châu Á 2020", "MISC")]


def test_organisation_variants_merge() -> None:
    names = Counter({("Tòa án tối cao Hàn Quốc", "ORG"): 2, ("Tòa án Hàn Quốc", "ORG"): 1, ("Tòa án Nhật Bản", "ORG"): 1})
    canonical = canonical_names(names)
    assert canonical["Tòa án Hàn Quốc", "ORG"] == "Tòa án tối cao Hàn Quốc"
    assert canonical["Tòa án Nhật Bản", "ORG"] == "Tòa án Nhật Bản"


def test_canonical_names_scale_linearly() -> None:
    names = Counter({(f"Nguyễn Văn Tên{k}", "PER"): 1 for k in range(20000)})
    names.update({(f"Tên{k}", "PER"): 1 for k in range(20000)})
    began = time.perf_counter()
    canonical = canonical_names(names)
    assert time.perf_counter() - began < 2.0
    assert canonical["Tên7", "PER"] == "Nguyễn Văn Tên7"


def test_canonical_names_across_the_story() -> None:
    entities = _entities()
    assert entities["Yoon Suk-yeol"][:2] == ("PER", 3)
    assert set(entities["Yoon Suk-yeol"][2]) == {"Tổng thống Hàn Quốc Yoon Suk-yeol", "Ông Yoon", "Yoon Suk-yeol"}
    assert entities["Yoon Suk-yeol"][3] == ["a", "b"]
    assert entities["Seoul"][:2] == ("LOC", 3) and set(entities["Seoul"][2]) == {"Seoul", "thủ đô Seoul"}
    assert entities["Lê Minh Khoa"][:3] == ("PER", 2, ["ông Lê Minh Khoa", "ông Khoa"])
    assert entities["UBND tỉnh Lào Cai"][:2] == ("ORG", 1)
    assert "Yoon" not in entities and "Khoa" not in entities and "Lào Cai" not in entities


def test_story_counts() -> None:
    entities = _entities()
    assert {name: (kind, count) for name, (kind, count, _, _) in entities.items()} == {
        "Yoon Suk-yeol": ("PER", 3), "Seoul": ("LOC", 3), "Hàn Quốc": ("LOC", 2), "Nhật Bản": ("LOC", 2),
        "Lê Minh Khoa": ("PER", 2), "Tokyo": ("LOC", 1), "Fumio Kishida": ("PER", 1), "UBND tỉnh Lào Cai": ("ORG", 1),
    }


def test_keyphrases_are_noun_phrases() -> None:
    documents = [prepare(article, index) for index, article in enumerate(STORY)]
    phrases = keyphrases(documents, top=5)
    assert 0 < len(phrases) <= 5 and "Nhật Bản" in phrases and "chủ tịch UBND tỉnh Lào Cai" in phrases
    assert all(not any(ch.isdigit() for ch in phrase) for phrase in phrases)


def test_gold_set_f1_floor() -> None:
    gold = load_gold(FIXTURES / "entities_gold.jsonl")
    assert len(gold) >= 30
    _precision, _recall, f1 = scores(gold, predict(gold, tomtat_spans)[0])
    assert f1 >= 0.8, f1


def test_cli_json(monkeypatch) -> None:
    monkeypatch.chdir(FIXTURES)
    result = CliRunner().invoke(main, ["entities", "story", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    found = {e["name"]: e for e in data["entities"]}
    assert found["Hà Nội"]["type"] == "LOC" and found["Hà Nội"]["articles"] == ["a", "b"]
    assert found["Trần Văn Bình"] == {
        "name": "Trần Văn Bình", "type": "PER", "count": 1, "mentions": ["Ông Trần Văn Bình"], "articles": ["a"],
    }
    assert found["Sở Giao thông"]["type"] == "ORG"
    assert 0 < len(data["keyphrases"]) <= 10


def test_cli_text_and_missing_input(monkeypatch) -> None:
    monkeypatch.chdir(FIXTURES)
    result = CliRunner().invoke(main, ["entities", "story"])
    assert result.exit_code == 0
    assert result.stdout.startswith("LOC  Hà Nội ")
    assert CliRunner().invoke(main, ["entities", "missing.txt"]).exit_code == 1
