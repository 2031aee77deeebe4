"""The entity dev set (references into ../shared/data), its quality floor, and `tomtat entities --jsonl`."""
from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from tomtat.cli import main
from tomtat.entities.offsets import entity_spans, nfc_with_offsets

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from entities import (
    DATA,
    DEV,
    TYPES,
    held_back,
    load_dev,
    predict,
    scores,
    tomtat_spans,
)

needs_data = pytest.mark.skipif(not DATA.is_dir(), reason=f"the shared data folder {DATA} is absent")


def test_dev_set_holds_references_not_text() -> None:
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 400 and len({row["cluster"] for row in rows}) >= 50
    assert all(set(row) == {"cluster", "file", "doc", "start", "end", "sha1", "entities"} for row in rows)
    assert {e["type"] for row in rows for e in row["entities"]} == set(TYPES)
    assert 0.25 < sum(held_back(row["cluster"]) for row in rows) / len(rows) < 0.5


@needs_data
def test_dev_set_offsets_match_the_shared_data() -> None:
    gold = load_dev()  # raises when a sentence no longer matches its hash
    assert all(unicodedata.is_normalized("NFC", text) for text, _ in gold)
    assert all(0 <= start < end <= len(text) and text[start:end].strip() == text[start:end] for text, spans in gold for start, end, _ in spans)


@needs_data
def test_held_back_part_f1_floor() -> None:
    gold = load_dev(part="held")
    found, speed = predict(gold, tomtat_spans)
    assert scores(gold, found)[2] >= 0.72
    assert all(scores(gold, found, kind)[2] >= floor for kind, floor in [("PER", 0.7), ("ORG", 0.6), ("LOC", 0.78)])
    assert speed >= 1000


def test_offsets_map_back_to_text_as_given() -> None:
    text = unicodedata.normalize("NFD", "Ông Lê Minh Khoa đến tỉnh Quảng Ninh.")
    normal, back = nfc_with_offsets(text)
    assert normal == unicodedata.normalize("NFC", text) and len(back) == len(normal) + 1 and back[-1] == len(text)
    spans = entity_spans(text)
    assert [(s["type"], unicodedata.normalize("NFC", s["text"])) for s in spans] == [("PER", "Lê Minh Khoa"), ("LOC", "tỉnh Quảng Ninh")]
    assert all(text[s["start"]:s["end"]] == s["text"] for s in spans)


def test_cli_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "lines.jsonl"
    lines = ['{"text": "Ông Yoon Suk-yeol đến thủ đô Seoul."}', "not json", '{"text": 3}', "", '{"text": ""}']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["entities", "--jsonl", str(path)])
    assert result.exit_code == 0, result.output
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        [{"text": "Yoon Suk-yeol", "type": "PER", "start": 4, "end": 17}, {"text": "Seoul", "type": "LOC", "start": 29, "end": 34}],
        None, None, [],
    ]
    assert f"{path}:2" in result.stderr and f"{path}:3" in result.stderr


def test_cli_needs_paths_or_jsonl(tmp_path: Path) -> None:
    assert CliRunner().invoke(main, ["entities"]).exit_code == 2
    (tmp_path / "a.jsonl").write_text("", encoding="utf-8")
    assert CliRunner().invoke(main, ["entities", "story", "--jsonl", str(tmp_path / "a.jsonl")]).exit_code == 2
