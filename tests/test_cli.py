"""The CLI: exact outputs on small fixtures, clean errors, documented commands."""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from tomtat.cli import main
from conftest import FIXTURES, ROOT

STORY_TEXT = """\
Sáng 2/6, Hà Nội chính thức đưa tuyến xe buýt điện đầu tiên vào khai thác trên địa bàn quận Cầu Giấy. [1]
Ông Trần Văn Bình, Giám đốc Sở Giao thông, cho biết: “Thành phố sẽ mở thêm 10 tuyến trong năm nay.” [1]

[1] Hà Nội mở tuyến xe buýt điện đầu tiên | 2025-06-02 | story/a.txt
"""

STORY_MARKDOWN = """\
## Summary

- Sáng 2/6, Hà Nội chính thức đưa tuyến xe buýt điện đầu tiên vào khai thác trên địa bàn quận Cầu Giấy. [[1]](#source-1)
- Tuyến xe dài 18 km, có 25 điểm dừng và giá vé 9.000 đồng một lượt. [[1]](#source-1)
- Tuyến xe buýt điện đầu tiên của Hà Nội đã đón khoảng 5.000 lượt khách trong tuần đầu vận hành. [[2]](#source-2)

## Sources

1. <a id="source-1"></a>**Hà Nội mở tuyến xe buýt điện đầu tiên** (2025-06-02), story/a.txt
2. <a id="source-2"></a>**Xe buýt điện Hà Nội đón 5.000 khách tuần đầu** (2025-06-09), story/b.txt
"""


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(FIXTURES)
    return CliRunner()


def test_summarize_text_exact(runner: CliRunner) -> None:
    result = runner.invoke(main, ["summarize", "story", "--budget", "60"])
    assert result.exit_code == 0, result.output
    assert result.stdout == STORY_TEXT


def test_summarize_markdown_exact(runner: CliRunner) -> None:
    result = runner.invoke(main, ["summarize", "story", "-b", "3 sentences", "-f", "markdown", "-m", "centroid"])
    assert result.exit_code == 0, result.output
    assert result.stdout == STORY_MARKDOWN


def test_summarize_json_attributes_every_sentence(runner: CliRunner) -> None:
    result = runner.invoke(main, ["summarize", "story/b.txt", "story/a.txt", "-b", "60", "-f", "json", "-m", "centroid"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["text"] == " ".join(s["text"] for s in data["sentences"])
    assert [(s["article"], s["date"], s["position"]) for s in data["sentences"]] == [
        ("a", "2025-06-02", 0),
        ("b", "2025-06-09", 0),
    ]
    assert set(data["sentences"][0]) >= {"text", "article", "title", "date", "position"}
    assert data["problems"] == []


def test_summarize_stdin(runner: CliRunner) -> None:
    text = (FIXTURES / "story" / "a.txt").read_text(encoding="utf-8")
    result = runner.invoke(main, ["summarize", "-", "-b", "1 sentence"], input=text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == (
        "Sáng 2/6, Hà Nội chính thức đưa tuyến xe buýt điện đầu tiên vào khai thác trên địa bàn quận Cầu Giấy. [1]"
    )


def test_bad_files_are_reported_and_skipped(runner: CliRunner, tmp_path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" * 20)
    result = runner.invoke(main, ["summarize", str(tmp_path / "empty.txt"), str(tmp_path / "image.txt"), "story/a.txt", "-b", "1 sentence"])
    assert result.exit_code == 0
    assert result.stderr == (
        f"tomtat: skipped {tmp_path / 'empty.txt'}: empty file: nothing to read\n"
        f"tomtat: skipped {tmp_path / 'image.txt'}: binary file, not text or HTML: skipped (give .txt, .html or .jsonl)\n"
    )
    assert "Traceback" not in result.output


def test_an_undated_article_is_noted_not_skipped(runner: CliRunner, tmp_path) -> None:
    (tmp_path / "a.jsonl").write_text('{"id": "a1", "text": "Hôm qua, mưa lớn gây ngập nhiều tuyến phố."}\n', encoding="utf-8")
    result = runner.invoke(main, ["summarize", str(tmp_path / "a.jsonl"), "--timeline"])
    assert result.exit_code == 0
    assert result.stderr == "tomtat: article a1 has no publication date: relative dates left unresolved\n"


def test_nothing_readable_exits_non_zero(runner: CliRunner, tmp_path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    result = runner.invoke(main, ["summarize", str(tmp_path / "empty.txt"), "missing.txt"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"tomtat: skipped {tmp_path / 'empty.txt'}: empty file: nothing to read\n"
        "tomtat: skipped missing.txt: no such file or folder\n"
        "Error: no article could be read; nothing to summarize\n"
    )


def test_bad_budget_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(main, ["summarize", "story", "--budget", "lots"])
    assert result.exit_code == 2
    assert "unreadable budget 'lots'" in result.stderr


DATASET = [
    {"id": "c1", "docs": [{"title": "Mưa lớn ở Huế", "text": "Mưa lớn gây ngập nhiều tuyến phố ở Huế trong sáng nay.\nNhiều trường học cho học sinh nghỉ để bảo đảm an toàn."},
                          {"title": "Huế ngập sâu", "text": "Nhiều tuyến phố ở Huế ngập sâu sau trận mưa lớn.\nChính quyền đã sơ tán hàng trăm hộ dân."}],
     "summaries": ["Mưa lớn gây ngập nhiều tuyến phố ở Huế, hàng trăm hộ dân được sơ tán."], "meta": {}},
    {"id": "c2", "docs": [], "summaries": ["x"]},
]


def test_batch_without_references_falls_back_to_the_default_budget(runner: CliRunner, tmp_path) -> None:
    data = tmp_path / "nolabel.jsonl"
    unlabelled = [{**DATASET[0], "id": f"n{i}", "summaries": []} for i in range(3)]
    data.write_text("\n".join(json.dumps(c, ensure_ascii=False) for c in unlabelled) + "\n", encoding="utf-8")
    predictions = tmp_path / "pred.jsonl"
    result = runner.invoke(main, ["batch", str(data), "-o", str(predictions)])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "tomtat: 3 of 3 clusters have no reference summary: summarized with the default budget (200 syllables)\n")
    lines = [json.loads(line) for line in predictions.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["n0", "n1", "n2"] and all(line["summary"] for line in lines)


def test_batch_that_writes_nothing_leaves_no_file(runner: CliRunner, tmp_path) -> None:
    data = tmp_path / "data.jsonl"
    data.write_text(json.dumps(DATASET[1]) + "\n", encoding="utf-8")
    predictions = tmp_path / "pred.jsonl"
    result = runner.invoke(main, ["batch", str(data), "-o", str(predictions)])
    assert result.exit_code == 1
    assert result.stderr.endswith(f"Error: no cluster of {data} could be summarized; nothing written to {predictions}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.jsonl"]


def test_batch_then_eval_exact(runner: CliRunner, tmp_path) -> None:
    data = tmp_path / "data.jsonl"
    data.write_text("\n".join(json.dumps(c, ensure_ascii=False) for c in DATASET) + "\nnot json\n", encoding="utf-8")
    predictions = tmp_path / "pred.jsonl"
    result = runner.invoke(main, ["batch", str(data), "-o", str(predictions), "--budget", "ref"])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"tomtat: skipped {data}:2: cluster 'c2' has no 'docs': skipped\n"
        f"tomtat: skipped {data}:3: not JSON (Expecting value at column 1): line skipped\n"
    )
    lines = [json.loads(line) for line in predictions.read_text(encoding="utf-8").splitlines()]
    # reference: 16 syllables, so the summary is cut at exactly 16 syllables; it opens with the
    # story's headline fact, the lead best supported by the other article and the headlines
    assert lines == [{"id": "c1", "summary": "Nhiều tuyến phố ở Huế ngập sâu sau trận mưa lớn. Nhiều trường học cho học"}]
    result = runner.invoke(main, ["eval", str(data), str(predictions)])
    assert result.exit_code == 0, result.output
    # by hand, 16 syllables each side: unigrams shared nhiều, tuyến, phố, ở, huế, ngập, mưa, lớn
    # -> 8/16 = 0.5; bigrams shared nhiều tuyến, tuyến phố, phố ở, ở huế, mưa lớn -> 5/15;
    # LCS "nhiều tuyến phố ở huế" -> 5/16 = 0.3125
    assert result.stdout == (
        "1 clusters\n"
        "               P       R      F1\n"
        "ROUGE-1   0.5000  0.5000  0.5000\n"
        "ROUGE-2   0.3333  0.3333  0.3333\n"
        "ROUGE-L   0.3125  0.3125  0.3125\n"
    )


def test_eval_json_and_missing_prediction(runner: CliRunner, tmp_path) -> None:
    data = tmp_path / "data.jsonl"
    data.write_text(json.dumps(DATASET[0], ensure_ascii=False) + "\n", encoding="utf-8")
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text('{"id": "other", "summary": "x"}\n', encoding="utf-8")
    result = runner.invoke(main, ["eval", str(data), str(predictions), "--json"])
    assert result.exit_code == 0
    scores = json.loads(result.stdout)
    assert scores["missing"] == ["c1"] and scores["rouge2"]["f1"] == 0.0
    assert "no prediction for cluster 'c1'" in result.stderr


def test_demo_runs() -> None:
    result = CliRunner().invoke(main, ["demo", "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    dates = [s["date"] for s in data["sentences"]]  # the headline fact first, then in date order
    assert dates[1:] == sorted(dates[1:]) and len(data["articles"]) == 4
    assert all(s["article"] in {a["id"] for a in data["articles"]} for s in data["sentences"])


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\$ tomtat (\w+)", readme, flags=re.MULTILINE))
    assert set(main.commands) <= documented, set(main.commands) - documented


def readme_examples() -> list[tuple[str, str]]:
    """(command, expected output) of each README block that starts with `$ tomtat` and
    does not read ../shared (those are measured by the benchmarks instead)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    examples = []
    for block in re.findall(r"```\n(\$ tomtat .*?)```", readme, flags=re.DOTALL):
        command, _, output = block.partition("\n")
        if "../shared" not in command:
            examples.append((command[2:], output))
    return examples


@pytest.mark.parametrize("command,expected", readme_examples(), ids=lambda value: value[:40])
def test_readme_example_output_is_real(runner: CliRunner, command: str, expected: str) -> None:
    import shlex

    result = runner.invoke(main, shlex.split(command)[1:])
    assert result.output == expected


def test_summarize_with_timeline_exact(runner: CliRunner) -> None:
    result = runner.invoke(main, ["summarize", "story", "--budget", "60", "--timeline"])
    assert result.exit_code == 0, result.output
    assert result.stdout == STORY_TEXT + (
        "\nTimeline\n"
        "2025        Ông Trần Văn Bình, Giám đốc Sở Giao thông, cho biết: “Thành phố sẽ mở thêm 10 tuyến trong năm nay.”  [a]\n"
        "2025-06-02  Sáng 2/6, Hà Nội chính thức đưa tuyến xe buýt điện đầu tiên vào khai thác trên địa bàn quận Cầu Giấy.  [a, b]\n"
    )
    data = json.loads(runner.invoke(main, ["summarize", "story", "-b", "60", "--timeline", "-f", "json"]).stdout)
    assert [(e["date"], e["precision"], e["sources"], e["background"]) for e in data["timeline"]] == [
        ("2025", "year", ["a"], False),
        ("2025-06-02", "day", ["a", "b"], False),
    ]


def test_date_option_dates_only_undated_articles(runner: CliRunner) -> None:
    text = "Tin mới\nHôm qua, Sở Giao thông Hà Nội công bố lộ trình mở thêm 10 tuyến xe buýt điện.\n"
    result = runner.invoke(main, ["timeline", "-", "story/a.txt", "--date", "2024-05-02"], input=text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    # stdin had no date: "hôm qua" resolves against --date; a.txt keeps its own dateline (2025-06-02)
    assert lines[0].startswith("2024-05-01  Hôm qua, Sở Giao thông Hà Nội công bố") and lines[0].endswith("[stdin]")
    assert any(line.startswith("2025-06-02  Sáng 2/6") for line in lines)
    result = runner.invoke(main, ["summarize", "story", "--date", "17/4"])
    assert result.exit_code == 2 and "Invalid value for '--date'" in result.stderr


def test_model_option_refuses_other_methods_and_files_that_are_no_model(runner: CliRunner) -> None:
    result = runner.invoke(main, ["summarize", "story", "--model", "story/a.txt"])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Error: Invalid value for '--model': story/a.txt: not a tomtat model (JSON from `tomtat train`): "
        "Expecting value: line 1 column 1 (char 0)\n"
    )
    result = runner.invoke(main, ["batch", "data.jsonl", "-o", "-", "-m", "lead", "--model", "story/a.txt"])
    assert result.exit_code == 2
    assert result.stderr.endswith("Error: Invalid value for '--model': a model file is for --method supervised, not 'lead'\n")
