"""tomtat corpus: exact tables on a small fixture, bad input, near-duplicates, ids, engine parity."""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FIXTURES, ROOT
from tomtat.cli import main

pytest.importorskip("dask.distributed", reason="the corpus tests need dask[distributed] (the test extra has it)")
pytest.importorskip("pyarrow", reason="the corpus tests need pyarrow (the test extra has it)")

from tomtat.corpus import DaskEngine, LocalEngine, run_corpus  # noqa: E402
from tomtat.corpus.clustering import blocks_of  # noqa: E402
from tomtat.corpus.dedup import originals  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from corpus_data import write  # noqa: E402

NEWS = FIXTURES / "corpus" / "news.jsonl"


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_fixture_tables_exact(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["corpus", str(NEWS), "-o", str(tmp_path), "--parts", ""])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "4 articles (1 near-duplicates) in 2 stories"
    assert _lines(tmp_path / "articles.jsonl") == [
        {"id": "bao-1", "story": "bao-1", "duplicate_of": None},
        {"id": "bao-2", "story": "bao-1", "duplicate_of": None},
        {"id": "bao-3", "story": "bao-3", "duplicate_of": None},
        {"id": "bao-4", "story": "bao-3", "duplicate_of": "bao-3"},
    ]
    assert _lines(tmp_path / "stories.jsonl") == [
        {"id": "bao-1", "label": "Hà Nội mở tuyến xe buýt điện đầu tiên", "first_date": "2025-06-02",
         "last_date": "2025-06-09", "articles": ["bao-1", "bao-2"], "summary": None, "sentences": None,
         "timeline": None, "entities": None},
        {"id": "bao-3", "label": "Lũ quét ở Lào Cai, 3 người mất tích", "first_date": "2025-11-03",
         "last_date": "2025-11-04", "articles": ["bao-3", "bao-4"], "summary": None, "sentences": None,
         "timeline": None, "entities": None},
    ]
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "articles.parquet").to_pylist() == _lines(tmp_path / "articles.jsonl")


def test_bad_input_is_reported_with_file_and_line_and_skipped(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["corpus", str(NEWS), str(tmp_path / "absent"), "-o", str(tmp_path / "out"),
                                       "--parts", ""])
    assert result.exit_code == 0, result.output
    assert f"tomtat: skipped {NEWS}:5: not JSON (Expecting value at column 1): line skipped" in result.stderr
    assert f'tomtat: skipped {NEWS}: article id "bao-2" appears twice: the second one is skipped' in result.stderr
    assert f"tomtat: skipped {tmp_path / 'absent'}: no such file or folder" in result.stderr


def test_every_story_gets_summary_timeline_entities(tmp_path: Path) -> None:
    result = run_corpus([str(NEWS)], str(tmp_path), LocalEngine())
    flood = result.stories[1]
    assert flood["summary"] and all(s["article"] in flood["articles"] for s in flood["sentences"])
    assert isinstance(flood["timeline"], list) and any(e["name"] == "Lào Cai" for e in flood["entities"])


def test_copies_link_to_the_earliest_of_their_group() -> None:
    first, second, third = ((False, dt.date(2025, 1, d), f"a{d}") for d in (1, 2, 3))
    assert originals([(second, third), (first, second)]) == {"a2": "a1", "a3": "a1"}


def test_ids_do_not_depend_on_input_order(tmp_path: Path) -> None:
    lines = NEWS.read_text(encoding="utf-8").splitlines()[:4]
    (tmp_path / "reversed.jsonl").write_text("\n".join(reversed(lines)) + "\n", encoding="utf-8")
    forward = run_corpus([str(NEWS)], None, LocalEngine(), parts=())
    backward = run_corpus([str(tmp_path / "reversed.jsonl")], None, LocalEngine(), parts=())
    assert forward.stories == backward.stories and forward.articles == backward.articles


def test_a_dated_article_is_in_two_overlapping_blocks() -> None:
    assert blocks_of(dt.date(2025, 6, 2)) == [dt.date(2025, 6, 2).toordinal() // 7 - b for b in (0, 1)]
    assert blocks_of(None) == [-1]


def test_local_and_dask_write_identical_files(tmp_path: Path) -> None:
    """Stories and copies of 2,000 made-up articles; every part on 400 of them (one cluster)."""
    runs = {}
    for count, parts in ((2000, ()), (400, ("summary", "timeline", "entities"))):
        write(tmp_path / f"data-{count}", count, seed=0, per_file=count // 4)
        runs[count] = parts
    with DaskEngine(workers=2) as engine:
        for count, parts in runs.items():
            for name, runner in (("local", LocalEngine()), ("dask", engine)):
                result = run_corpus([str(tmp_path / f"data-{count}")], str(tmp_path / f"{name}-{count}"), runner,
                                    parts=parts, partition_bytes=2**18)
            assert len(result.articles) == count and len(result.stories) > count // 4
            for table in ("stories.jsonl", "articles.jsonl"):
                local, dask = (tmp_path / f"{name}-{count}" / table for name in ("local", "dask"))
                assert local.read_bytes() == dask.read_bytes(), (count, table)
