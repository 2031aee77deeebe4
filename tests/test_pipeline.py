"""The pipeline end to end: the seed story, the Python API, budgets and order."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections import Counter

import pytest

import tomtat
from tomtat.ingest import read_articles
from tomtat.nlp import syllables
from tomtat.problems import ProblemLog

NOISE = re.compile(r"ảnh \d|\[|\]|TTXVN|Vietnam\+|Tin cùng chuyên mục|/\.")


def seed_articles(shared) -> list[tomtat.Article]:
    articles = []
    for line in (shared / "seeds_dated.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        articles.append(tomtat.Article(row["id"], row["title"], row["text"], dt.date.fromisoformat(row["date"]), row["source"]))
    return articles


def test_seed_summary_is_clean_unique_and_attributed(shared) -> None:
    problems = ProblemLog()
    articles = read_articles([str(shared / "seeds")], problems)
    assert problems == [] and len(articles) == 2
    summary = tomtat.summarize(articles, budget="400")  # long enough to reach the repeated lead
    texts = [s.text for s in summary.sentences]
    assert len(texts) >= 6
    assert not any(NOISE.search(t) for t in texts), texts
    assert len(set(texts)) == len(texts)
    ids = {a.id for a in articles}
    assert all(s.article_id in ids and s.title for s in summary.sentences)
    # the lead of 000 is repeated word for word in its body; it may appear once only
    assert sum(t.startswith("Thông cáo báo chí của Nhật Bản và Hàn Quốc") for t in texts) <= 1
    assert len(syllables(summary.text)) <= 400


def test_dated_seeds_open_with_the_headline_fact_then_read_in_date_order(shared) -> None:
    summary = tomtat.summarize(seed_articles(shared), budget="6 sentences")
    assert summary.sentences[0].text.startswith("Ngày 17/4, Nhật Bản và Hàn Quốc đã nhất trí tăng cường hợp tác an ninh")
    rest = summary.sentences[1:]
    dates = [s.date for s in rest]
    assert dates == sorted(dates) and dates[0] == dt.date(2023, 3, 15)
    positions = [(s.article_id, s.position) for s in rest]
    assert positions == sorted(positions, key=lambda p: (p[0] != "seed-001", p[1]))
    default = tomtat.summarize(seed_articles(shared))
    assert default.sentences[0].text.startswith("Ngày 17/4") and not any(" cũng " in s.text for s in default.sentences)


def test_api_accepts_dicts_and_strings() -> None:
    summary = tomtat.summarize(
        [
            {"id": "x", "title": "Mưa lớn ở Hà Nội", "text": "Mưa lớn kéo dài khiến nhiều tuyến phố ở Hà Nội ngập sâu.\nGiao thông ùn tắc nhiều giờ.", "date": "2024-05-02"},
            "Hà Nội mưa lớn từ sáng sớm, nhiều tuyến phố ngập sâu và giao thông ùn tắc kéo dài.",
        ],
        budget="1 sentence",
    )
    assert len(summary.sentences) == 1
    assert summary.sentences[0].article_id in {"x", "1"}
    with pytest.raises(ValueError, match="article 0: article has no 'text'"):
        tomtat.summarize([{"title": "chỉ có tiêu đề"}])
    with pytest.raises(TypeError, match="article 0: expected Article"):
        tomtat.summarize([42])


STORY = [
    tomtat.Article("b", "Cầu mới thông xe", "Cây cầu mới bắc qua sông Hồng chính thức thông xe vào sáng nay sau ba năm xây dựng.\nCầu dài 1,5 km với sáu làn xe và tổng vốn đầu tư 2.500 tỷ đồng.\nNgười dân địa phương phấn khởi vì quãng đường đi làm rút ngắn một nửa.", dt.date(2024, 9, 2)),
    tomtat.Article("a", "Sắp thông xe cầu mới", "Cây cầu mới bắc qua sông Hồng sẽ thông xe vào đầu tháng 9 sau ba năm xây dựng.\nBan quản lý dự án cho biết các hạng mục cuối cùng đã được nghiệm thu.", dt.date(2024, 8, 20)),
]


def test_reading_order_is_by_article_date_then_position() -> None:
    summary = tomtat.summarize(STORY, budget="3 sentences", method="centroid")
    keys = [(s.date, s.position) for s in summary.sentences]
    assert keys == sorted(keys)
    assert summary.sentences[0].article_id == "a"


@pytest.mark.parametrize("budget,unit_count", [("30", syllables), ("2 sentences", None)])
def test_budget_is_never_exceeded(budget, unit_count) -> None:
    summary = tomtat.summarize(STORY, budget=budget)
    if unit_count is None:
        assert len(summary.sentences) == 2
    else:
        assert 0 < len(unit_count(summary.text)) <= 30


def test_word_budget_counts_segmented_words() -> None:
    # sentences of 19, 18, 15, 19, 16 syllables: 30 syllables hold one, but 30 words hold two
    # ("Người dân địa phương phấn khởi ..." is 16 syllables and 11 words)
    by_words = tomtat.summarize(STORY, budget="30w")
    by_syllables = tomtat.summarize(STORY, budget="30")
    assert len(syllables(by_words.text)) > len(syllables(by_syllables.text))


def test_fill_cuts_at_exactly_the_budget() -> None:
    options = tomtat.Options(budget=tomtat.Budget(37, "syllables"), selection=tomtat.SelectionOptions(fill=True))
    summary = tomtat.summarize(STORY, options=options)
    assert len(syllables(summary.text)) == 37


def test_percent_budget_is_a_share_of_the_mean_article() -> None:
    summary = tomtat.summarize(STORY, budget="50%")
    lengths = [len(syllables(a.text)) for a in STORY]
    assert lengths == [52, 35]
    assert summary.budget == "22 syllables"  # 50% of the mean, (52 + 35) / 2 = 43.5


def test_empty_and_noise_only_input_gives_an_empty_summary() -> None:
    summary = tomtat.summarize([tomtat.Article("n", "Tiêu đề", "(TTXVN)\nTin cùng chuyên mục\nTin khác")])
    assert summary.sentences == [] and summary.text == ""
    assert tomtat.summarize([]).sentences == []


def test_repeated_sentence_across_articles_appears_once() -> None:
    shared_sentence = "Bộ Y tế ghi nhận thêm 120 ca mắc sốt xuất huyết tại Hà Nội trong tuần qua."
    articles = [
        tomtat.Article("1", "Sốt xuất huyết tăng", shared_sentence + "\nNhiều bệnh viện đã quá tải."),
        tomtat.Article("2", "Hà Nội: sốt xuất huyết", "Hà Nội phun thuốc diệt muỗi ở các quận.\n" + shared_sentence),
    ]
    texts = [s.text for s in tomtat.summarize(articles, budget="200").sentences]
    assert Counter(texts)[shared_sentence] == 1


UPDATE_STORY = [
    tomtat.Article("old", "Cháy chợ Long Biên", "Rạng sáng nay, một đám cháy lớn bùng phát tại chợ Long Biên, Hà Nội.\nLực lượng cứu hỏa đã khống chế đám cháy sau hai giờ.", dt.date(2024, 3, 1)),
    tomtat.Article("new", "Nguyên nhân vụ cháy chợ Long Biên", "Rạng sáng nay, một đám cháy lớn bùng phát tại chợ Long Biên, Hà Nội.\nCơ quan điều tra xác định nguyên nhân ban đầu là chập điện tại một ki-ốt bán quần áo.\nBan quản lý chợ cho biết các tiểu thương sẽ được hỗ trợ sắp xếp chỗ bán tạm thời.", dt.date(2024, 3, 3)),
]


def test_update_summary_keeps_only_what_later_articles_add() -> None:
    options = tomtat.Options(since=dt.date(2024, 3, 2), budget=tomtat.Budget(5, "sentences"))
    summary = tomtat.summarize(UPDATE_STORY, options=options)
    texts = [s.text for s in summary.sentences]
    assert {s.article_id for s in summary.sentences} == {"new"}
    assert "Rạng sáng nay, một đám cháy lớn bùng phát tại chợ Long Biên, Hà Nội." not in texts  # already known
    assert texts == [
        "Cơ quan điều tra xác định nguyên nhân ban đầu là chập điện tại một ki-ốt bán quần áo.",
        "Ban quản lý chợ cho biết các tiểu thương sẽ được hỗ trợ sắp xếp chỗ bán tạm thời.",
    ]
    # a near copy of a known sentence, when let through, is cited from the new article, not the old
    retold = [UPDATE_STORY[0], dataclasses.replace(UPDATE_STORY[1], text=UPDATE_STORY[1].text.replace("một đám cháy lớn", "một đám cháy lớn đã"))]
    copies_allowed = tomtat.Options(since=dt.date(2024, 3, 2), budget=tomtat.Budget(5, "sentences"), selection=tomtat.SelectionOptions(redundancy=1.0, coverage=1.0))
    assert [s.article_id for s in tomtat.summarize(retold, options=copies_allowed).sentences] == ["new"] * 3
    later = tomtat.summarize(UPDATE_STORY, options=tomtat.Options(since=dt.date(2024, 3, 3)))
    assert later.sentences == []  # nothing published after the last article


def test_query_focuses_the_summary() -> None:
    summary = tomtat.summarize(UPDATE_STORY, options=tomtat.Options(query="nguyên nhân cháy", budget=tomtat.Budget(1, "sentences")))
    assert [s.text for s in summary.sentences] == [
        "Cơ quan điều tra xác định nguyên nhân ban đầu là chập điện tại một ki-ốt bán quần áo."
    ]
    helped = tomtat.summarize(UPDATE_STORY, options=tomtat.Options(query="tiểu thương được hỗ trợ", budget=tomtat.Budget(1, "sentences")))
    assert helped.sentences[0].text.startswith("Ban quản lý chợ cho biết các tiểu thương")
    with pytest.raises(ValueError, match="query is empty"):
        tomtat.Options(query="  ")


def test_trim_drops_leading_connectives_only() -> None:
    from tomtat.nlp import trim_sentence

    assert trim_sentence("Trong khi đó, giá vàng tăng mạnh.") == "Giá vàng tăng mạnh."
    assert trim_sentence("Tuy nhiên, ông Price cho biết thêm.") == "Ông Price cho biết thêm."
    assert trim_sentence("Theo ông An, giá vàng tăng.") == "Theo ông An, giá vàng tăng."  # attribution kept
    assert trim_sentence("Trước đó, ngày 14/4, bộ đã thông báo.") == "Trước đó, ngày 14/4, bộ đã thông báo."
    assert trim_sentence("Tuy nhiên ông nói.") == "Tuy nhiên ông nói."  # no comma: not a detached connective
    article = tomtat.Article("x", "Giá vàng", "Giá vàng hôm nay tăng mạnh ở các cửa hàng lớn.\nTrong khi đó, giá đô la Mỹ giảm nhẹ trên thị trường tự do.")
    trimmed = tomtat.summarize([article], options=tomtat.Options(trim=True, budget=tomtat.Budget(2, "sentences")))
    assert [s.text for s in trimmed.sentences][1] == "Giá đô la Mỹ giảm nhẹ trên thị trường tự do."
    assert trimmed.sentences[1].position == 1


def test_an_article_over_the_length_limit_is_cut_and_reported() -> None:
    text = "Mưa lớn gây ngập nhiều tuyến phố ở Huế trong sáng nay. " * 30  # 12 syllables a sentence
    options = tomtat.Options(limits=tomtat.options.LimitOptions(article_syllables=130))
    report = tomtat.summarize_story([{"id": "dai", "text": text, "source": "dai.txt"}], options)
    assert [str(p) for p in report.problems] == [
        "dai.txt: article 'dai' has 360 syllables, over the limit of 130: only the first 130 are read"]
    assert len(report.articles[0].text.split()) == 130
