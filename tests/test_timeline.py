"""Events and the timeline: governing dates, merging across articles, background, CLI, the seed story."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tomtat.cli import main
from tomtat.model import Article
from tomtat.pipeline import prepare
from tomtat.problems import ProblemLog
from tomtat.timeline import build_timeline
from tomtat.timeline.events import sentence_event

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PUBLISHED = dt.date(2023, 4, 17)


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("Trước đó, ngày 14/4, Bộ Ngoại giao thông báo về phán quyết năm 2018.", "2023-04-14"),
        ("Bộ Ngoại giao Mỹ ngày 14/3 cho biết cuộc gặp diễn ra trong tuần này.", "2023-03-14"),
        ("Các cuộc tham vấn đã bị đình chỉ vào năm 2018 sau phán quyết của tòa.", "2018"),
        ("Cuộc đối thoại đầu tiên đã diễn ra tại Seoul (Hàn Quốc) vào tháng 6/1998.", "1998-06"),
        ("Mưa lớn kéo dài từ đêm 2/11 đến rạng sáng 3/11 đã gây lũ quét.", "2022-11-02"),
        ("Sáng 17/4, đoàn công tác đến Seoul.", "2023-04-17"),
        ("Chính phủ cho biết giá điện sẽ tăng trong tuần tới.", "2023-W17"),
    ],
)
def test_the_governing_expression_dates_the_sentence(sentence: str, date: str) -> None:
    event = sentence_event(sentence, PUBLISHED, "a")
    assert event is not None and event.date == date


def test_an_expression_inside_a_subordinate_clause_does_not_date_the_sentence() -> None:
    sentence = "Theo bộ trên, tiền đã được chuyển cho 10 gia đình, trong đó các gia đình đã nhận khoản tiền theo phán quyết của tòa án năm 2018."
    assert sentence_event(sentence, PUBLISHED, "a") is None


def test_sentences_without_a_date_are_not_events() -> None:
    assert sentence_event("Hai nước sẽ tăng cường hợp tác.", PUBLISHED, "a") is None


def _documents(*articles: Article):
    return [prepare(article, index) for index, article in enumerate(articles)]


def test_one_event_told_by_two_articles_is_merged_with_both_sources_and_the_longer_wording() -> None:
    first = Article("a", "A", "Ngày 16/3, hai nhà lãnh đạo gặp thượng đỉnh tại Tokyo.", PUBLISHED)
    second = Article("b", "B", "Ngày 16/3, hai nhà lãnh đạo Nhật Bản và Hàn Quốc gặp thượng đỉnh tại Tokyo.", PUBLISHED)
    (event,) = build_timeline(_documents(first, second))
    assert (event.date, event.precision, event.sources) == ("2023-03-16", "day", ["a", "b"])
    assert "Nhật Bản và Hàn Quốc" in event.text


def test_merging_keeps_the_most_precise_date() -> None:
    first = Article("a", "A", "Tháng 3/2023, hai nhà lãnh đạo gặp thượng đỉnh tại Tokyo.", PUBLISHED)
    second = Article("b", "B", "Ngày 16/3/2023, hai nhà lãnh đạo gặp thượng đỉnh tại Tokyo.", PUBLISHED)
    (event,) = build_timeline(_documents(first, second))
    assert (event.date, event.precision, sorted(event.sources)) == ("2023-03-16", "day", ["a", "b"])


def test_different_events_on_one_day_stay_apart_and_events_are_in_date_order() -> None:
    text = (
        "Ngày 17/4, hai nước tổ chức cuộc tham vấn an ninh tại Seoul. "
        "Ngày 17/4, giá xăng trong nước giảm mạnh sau phiên điều chỉnh. "
        "Ngày 14/4, Bộ Ngoại giao thông báo các nguyên đơn đã nhận bồi thường."
    )
    events = build_timeline(_documents(Article("a", "A", text, PUBLISHED)))
    assert [e.date for e in events] == ["2023-04-14", "2023-04-17", "2023-04-17"]


def test_background_means_more_than_60_days_before_the_first_publication() -> None:
    text = "Năm 1965, hai nước bình thường hóa quan hệ. Tháng 2/2023, hai bên nối lại đàm phán. Ngày 14/4, hai bên ký kết."
    events = build_timeline(_documents(Article("a", "A", text, PUBLISHED)))
    assert [(e.date, e.background) for e in events] == [("1965", True), ("2023-02", False), ("2023-04-14", False)]


def test_an_article_without_a_publication_date_keeps_only_absolute_dates_and_is_reported() -> None:
    text = "Hôm qua, mưa lớn gây ngập. Ngày 14/4/2023, hai bên ký kết thỏa thuận hợp tác."
    problems = ProblemLog()
    events = build_timeline(_documents(Article("x", "X", text, None, "x.txt")), problems=problems)
    assert [e.date for e in events] == ["2023-04-14"]
    assert [p.message for p in problems] == ["article x has no publication date: relative dates left unresolved"]


def test_timeline_command_formats(tmp_path: Path) -> None:
    story = tmp_path / "story.jsonl"
    lines = [
        {"id": "a", "title": "A", "text": "Ngày 14/4, Bộ Ngoại giao thông báo. Năm 1965, hai nước bình thường hóa quan hệ.", "date": "2023-04-17"},
    ]
    story.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines), encoding="utf-8")
    runner = CliRunner()
    text = runner.invoke(main, ["timeline", str(story)])
    assert text.exit_code == 0
    assert text.output.splitlines() == [
        "1965        Năm 1965, hai nước bình thường hóa quan hệ.  [a]  (background)",
        "2023-04-14  Ngày 14/4, Bộ Ngoại giao thông báo.  [a]",
    ]
    as_json = json.loads(runner.invoke(main, ["timeline", str(story), "--format", "json"]).output)
    assert as_json[1] == {"date": "2023-04-14", "precision": "day", "text": "Ngày 14/4, Bộ Ngoại giao thông báo.", "sources": ["a"], "background": False}
    markdown = runner.invoke(main, ["timeline", str(story), "-f", "markdown"]).output
    assert markdown.startswith("## Timeline\n") and "- **2023-04-14** Ngày 14/4" in markdown


def test_timeline_command_without_readable_articles_fails(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["timeline", str(tmp_path / "missing.txt")])
    assert result.exit_code != 0 and "no such file" in result.output


def test_dates_command_text_and_json() -> None:
    runner = CliRunner()
    text = runner.invoke(main, ["dates", "Sáng nay, ngày 16/3 tới và thứ 2 thế giới", "--published", "2023-03-15"])
    assert text.output.splitlines() == ["Sáng nay\tTIME\t2023-03-15TMO", "ngày 16/3 tới\tDATE\t2023-03-16"]
    as_json = json.loads(runner.invoke(main, ["dates", "hôm qua", "-f", "json"]).output)
    assert as_json == [{"text": "hôm qua", "start": 0, "end": 7, "type": "DATE", "value": None}]
    assert runner.invoke(main, ["dates"]).exit_code != 0


def test_dates_command_jsonl_writes_one_line_per_input_and_null_for_bad_lines(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"text": "ngày 14/4", "published": "2023-04-17"}\nnot json\n\n{"text": "hôm qua", "published": null}\n{"text": "x", "published": "17/4"}\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["dates", "--jsonl", str(source)])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines == [
        [{"text": "ngày 14/4", "start": 0, "end": 9, "type": "DATE", "value": "2023-04-14"}],
        None,
        [{"text": "hôm qua", "start": 0, "end": 7, "type": "DATE", "value": None}],
        None,
    ]
    assert f"{source}:2:" in result.stderr and f"{source}:5:" in result.stderr


def test_demo_timeline_reads_in_date_order_with_the_flood_first() -> None:
    from importlib import resources

    from tomtat.ingest import read_articles

    problems = ProblemLog()
    with resources.as_file(resources.files("tomtat") / "demo") as folder:
        documents = _documents(*read_articles([str(folder)], problems))
    events = build_timeline(documents, problems=problems)
    current = [e for e in events if not e.background]
    assert current[0].date == "2025-11-02" and "lũ quét" in current[0].text and len(current[0].sources) == 3
    assert [e.date for e in events if e.background] == ["2008", "2017-09"]
    assert any(e.date == "2025-11-08" and "thi thể" in e.text for e in events)
    assert not problems


def test_seed_story_timeline() -> None:
    if not (SHARED / "seeds_dated.jsonl").is_file():
        pytest.skip(f"../shared is absent ({SHARED})")
    result = CliRunner().invoke(main, ["timeline", str(SHARED / "seeds_dated.jsonl"), "--format", "json"])
    assert result.exit_code == 0
    events = json.loads(result.stdout)

    def dated(date: str, *words: str) -> dict:
        matching = [e for e in events if e["date"] == date and all(w in e["text"] for w in words)]
        assert matching, f"no event on {date} with {words}"
        return matching[0]

    assert not dated("2023-03-14", "Ned Price")["background"]
    dated("2023-03-15", "cân nhắc nối lại")
    dated("2023-03-16", "thượng đỉnh", "Tokyo")
    dated("2023-04-14", "chấp nhận khoản bồi thường")
    dated("2023-04-17", "tham vấn an ninh", "hơn 5 năm")
    assert dated("1965", "1965")["background"] and dated("1998-06", "6/1998")["background"]
    assert dated("2018", "2018")["background"]
    dates = {e["date"] for e in events}
    assert dates <= {"1965", "1998-06", "2018", "2022-05", "2023-03-14", "2023-03-15", "2023-03-16", "2023-04-14", "2023-04-17"}
    assert all(e["background"] == (e["date"] < "2023") for e in events)
