"""Conflicts between sources: numbers, names, dates, updates; the part, the formats, the CLI, the API."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

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
    assert sentence_facts("Hơn 300 hộ dân phải sơ tán.")[0].approximate
    assert sentence_facts("Năm 2017 trường có 300 học sinh.") == []


def test_name_variants() -> None:
    assert variants("Nguyễn Văn Hải", "Nguyễn Văn Hài") and variants("Jens Stoltenberg", "Jen Stoltenberg")
    assert not variants("Kim Jong-il", "Kim Jong-un") and not variants("V-League", "V.League")
    assert not variants("Airbus A320", "Airbus A321") and not variants("Kim Jong-Un", "Kim Jong-un")


def test_conflict_and_update() -> None:
    conflicts = summarize_story(FLOOD, parts={"conflicts"}).conflicts
    assert conflicts is not None
    deaths, houses = conflicts
    assert (deaths.subject, [v.value for v in deaths.values], deaths.update, deaths.later) == ("người chết", ["3", "6"], True, "6")
    assert deaths.values[0].articles == ["a", "b"]
    assert (houses.subject, [v.value for v in houses.values], houses.update) == ("nhà hư hỏng", ["17", "21"], False)


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
    assert kinds == [("number", "người chết"), ("number", "nhà hư hỏng"), ("name", "Giàng A Hài / Giàng A Hải")]


def test_api_route(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from tomtat.service.api import create_app

    client = TestClient(create_app(tmp_path / "t.db"))
    story = client.post("/api/articles", json=FLOOD[:2]).json()["articles"][0]["story"]
    data = client.get(f"/api/stories/{story}/conflicts").json()
    assert [(c["subject"], [v["value"] for v in c["values"]]) for c in data["conflicts"]] == [("nhà hư hỏng", ["17", "21"])]
    assert client.get("/api/stories/nope/conflicts").status_code == 404
