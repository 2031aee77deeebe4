"""Candidate hygiene and coherence: page furniture is never summary text, summaries open with
the story's main event and carry no dangling back references. Fixtures written for these tests."""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import tomtat
from conftest import ROOT
from tomtat.model import Document, Sentence
from tomtat.nlp import syllables
from tomtat.nlp.trim import opens_with_back_reference, trim_back_reference
from tomtat.options import Options, SelectionOptions
from tomtat.pipeline import prepare, summarize_documents
from tomtat.summarizers import Budget
from tomtat.summarizers.coherence import antecedents, lead_fact, says_also
from tomtat.summarizers.features import Candidates
from tomtat.summarizers.hygiene import HEADLINE_OVERLAP, RULES, Headlines, page_furniture

DEMO = ROOT / "src" / "tomtat" / "demo"
PAGE = tomtat.Article("p", "Giá vàng hôm nay tăng mạnh", "\n".join([
    "Giá vàng hôm nay tăng mạnh",
    "Sáng nay, giá vàng miếng tại Hà Nội tăng mạnh, vượt mốc 90 triệu đồng mỗi lượng.",
    "Đồng USD duy trì đà tăng",
    "Chỉ số đồng USD tăng 0,3% lên 104 điểm trong phiên giao dịch đêm qua.",
    "Người dân xếp hàng chờ mua vàng tại một cửa hàng trên phố Trần Nhân Tông sáng nay. Ảnh: Minh Anh",
    "- Giá xăng dầu đồng loạt giảm từ chiều nay",
    "- Ngân hàng hạ lãi suất cho vay mua nhà",
]))

STORY = [
    tomtat.Article("1", "Lũ quét ở xã Tân Lập, 2 người mất tích", "\n".join([
        "Rạng sáng 12/9, lũ quét bất ngờ tràn qua xã Tân Lập, huyện Mường Khương, làm 2 người mất tích và 9 ngôi nhà bị cuốn trôi.",
        "Nước dâng nhanh từ khe suối sau trận mưa lớn kéo dài suốt đêm.",
        "Chính quyền xã đã sơ tán 30 hộ dân đến nơi an toàn.",
    ]), date=tomtat.Article.from_dict({"text": "x", "date": "2025-09-12"}, "x").date),
    tomtat.Article("2", "Tìm kiếm người mất tích sau lũ quét ở Tân Lập", "\n".join([
        "Như đã đưa tin, lũ quét rạng sáng 12/9 đã làm 2 người mất tích tại xã Tân Lập, huyện Mường Khương.",
        "Trong số 9 ngôi nhà bị ảnh hưởng, có 4 ngôi nhà bị sập hoàn toàn.",
        "Lực lượng cứu hộ đã tìm thấy một người mất tích còn sống ở hạ lưu.",
        "Bộ đội biên phòng cũng đã huy động 50 chiến sĩ hỗ trợ người dân dọn bùn đất.",
    ]), date=tomtat.Article.from_dict({"text": "x", "date": "2025-09-13"}, "x").date),
]


def _raw(article: tomtat.Article) -> Document:
    """The page's lines as sentences, as they reach the summarizer when the cleaner misses them."""
    lines = article.text.replace(". Ảnh:", ".\nẢnh:").splitlines()
    sentences = [Sentence(text=t, article_index=0, position=i, syllables=syllables(t)) for i, t in enumerate(lines)]
    return Document(article=article, title=article.title, sentences=sentences, title_syllables=syllables(article.title))


def _marked(rules: tuple[str, ...] = RULES) -> dict[str, bool]:
    candidates = Candidates.build([_raw(PAGE)])
    return {s.text: bool(m) for s, m in zip(candidates.sentences, page_furniture(candidates, rules))}


def test_page_furniture_is_marked_and_article_sentences_are_not() -> None:
    assert _marked() == {
        "Giá vàng hôm nay tăng mạnh": True,
        "Sáng nay, giá vàng miếng tại Hà Nội tăng mạnh, vượt mốc 90 triệu đồng mỗi lượng.": False,
        "Đồng USD duy trì đà tăng": True,
        "Chỉ số đồng USD tăng 0,3% lên 104 điểm trong phiên giao dịch đêm qua.": False,
        "Người dân xếp hàng chờ mua vàng tại một cửa hàng trên phố Trần Nhân Tông sáng nay.": True,
        "Ảnh: Minh Anh": True,
        "- Giá xăng dầu đồng loạt giảm từ chiều nay": True,
        "- Ngân hàng hạ lãi suất cho vay mua nhà": True,
    }


@pytest.mark.parametrize(("rule", "text"), [
    ("repeated_headline", "Giá vàng hôm nay tăng mạnh"),
    ("subheading", "Đồng USD duy trì đà tăng"),
    ("related_link", "- Ngân hàng hạ lãi suất cho vay mua nhà"),
    ("caption_or_credit", "Ảnh: Minh Anh"),
])
def test_each_rule_marks_its_own_kind(rule: str, text: str) -> None:
    assert _marked((rule,))[text]
    assert sum(_marked((rule,)).values()) < sum(_marked().values())


def test_page_furniture_is_never_in_a_summary_whatever_the_method() -> None:
    for method in tomtat.METHODS:
        summary = summarize_documents([_raw(PAGE)], Options(method=method, budget=Budget(60, "syllables")))
        assert [s.text for s in summary.sentences] and all(
            not _marked()[s.text] for s in summary.sentences
        ), method
    with pytest.raises(ValueError, match="unknown hygiene rules"):
        SelectionOptions(skip=("adverts",))


def test_back_references_are_recognised_and_trimmed() -> None:
    assert opens_with_back_reference("Như đã đưa tin, lũ quét đã làm 2 người mất tích.")
    assert trim_back_reference("Như đã đưa tin, lũ quét đã làm 2 người mất tích.") == "Lũ quét đã làm 2 người mất tích."
    assert trim_back_reference("Ngoài ra, tỉnh hỗ trợ 3 tỷ đồng.") == "Tỉnh hỗ trợ 3 tỷ đồng."
    assert trim_back_reference("Trước đó, tỉnh hỗ trợ 3 tỷ đồng.") == "Trước đó, tỉnh hỗ trợ 3 tỷ đồng."
    assert says_also("Bộ đội biên phòng cũng đã huy động 50 chiến sĩ.")
    assert not says_also("Cũng theo ông Hùng, nước rút chậm.")
    assert not says_also("Ông Hùng cho biết, người dân cũng đã được hỗ trợ.")


def test_the_story_opens_with_its_best_supported_lead_fact() -> None:
    documents = [prepare(a, i) for i, a in enumerate(STORY)]
    candidates = Candidates.build(documents)
    headline_fact = candidates.sentences[lead_fact(candidates, np.ones(len(candidates.sentences), dtype=bool))].text
    assert headline_fact == "Rạng sáng 12/9, lũ quét bất ngờ tràn qua xã Tân Lập, huyện Mường Khương, làm 2 người mất tích và 9 ngôi nhà bị cuốn trôi."
    assert list(antecedents(candidates)) == [-1, -1, -1, -1, -1, -1, 5]
    for budget in ("40", "80", "200"):
        summary = tomtat.summarize(STORY, budget=budget)
        assert "lũ quét" in summary.sentences[0].text.lower() and "mất tích" in summary.sentences[0].text, budget
        texts = [s.text for s in summary.sentences]
        assert not any(t.startswith("Như đã đưa tin") for t in texts)
        if "Bộ đội biên phòng cũng đã huy động 50 chiến sĩ hỗ trợ người dân dọn bùn đất." in texts:
            assert "Lực lượng cứu hộ đã tìm thấy một người mất tích còn sống ở hạ lưu." in texts


def test_coherence_rules_are_options() -> None:
    off = dataclasses.replace(SelectionOptions(), trim_back_references=False, lead_fact=False, dangling_penalty=0.0, skip=())
    runs = {
        name: tomtat.summarize(STORY[1:], budget="1 sentence", options=Options(method="lead", selection=selection)).text
        for name, selection in (("on", SelectionOptions()), ("off", off))
    }
    assert runs == {
        "on": "Lũ quét rạng sáng 12/9 đã làm 2 người mất tích tại xã Tân Lập, huyện Mường Khương.",
        "off": "Như đã đưa tin, lũ quét rạng sáng 12/9 đã làm 2 người mất tích tại xã Tân Lập, huyện Mường Khương.",
    }


def _reads_as_a_story(summary: tomtat.Summary, articles: list[tomtat.Article]) -> None:
    """No back reference, and every "cũng" sentence comes with the sentence it adds to."""
    texts = [s.text for s in summary.sentences]
    assert not any(opens_with_back_reference(t) for t in texts), texts
    for sentence in summary.sentences:
        if says_also(sentence.text):
            lines = [prepare(a, 0) for a in articles if a.id == sentence.article_id][0].sentences
            assert lines[sentence.position - 1].text in texts, sentence.text


def test_the_seed_summary_opens_with_its_headline_fact(shared) -> None:
    from tomtat.ingest import read_articles
    from tomtat.problems import ProblemLog

    articles = read_articles([str(shared / "seeds_dated.jsonl")], ProblemLog())
    summary = tomtat.summarize(articles)
    assert summary.sentences[0].text.startswith("Ngày 17/4, Nhật Bản và Hàn Quốc đã nhất trí tăng cường hợp tác an ninh")
    assert "đầu tiên" in summary.sentences[0].text and "5 năm" in summary.sentences[0].text
    _reads_as_a_story(summary, articles)


@pytest.mark.parametrize("budget", ["80", "120", "200"])
def test_the_demo_summary_names_the_flood_first(budget: str) -> None:
    from tomtat.ingest import read_articles
    from tomtat.problems import ProblemLog

    articles = read_articles([str(DEMO)], ProblemLog())
    summary = tomtat.summarize(articles, budget=budget)
    first = summary.sentences[0].text
    assert "lũ quét" in first and "Lào Cai" in first, first
    _reads_as_a_story(summary, articles)


def test_the_headline_fact_opens_the_summary_when_an_earlier_copy_is_credited() -> None:
    fact = "Sáng 20/5, tỉnh Quảng Trị chính thức khánh thành cầu Hiền Lương mới bắc qua sông Bến Hải."
    earlier = tomtat.Article("1", "Quảng Trị sắp có cầu mới", "\n".join([
        "Tỉnh Quảng Trị vừa hoàn tất các hạng mục cuối cùng của công trình cầu qua sông Bến Hải.",
        "Công trình có tổng vốn đầu tư 120 tỷ đồng, khởi công từ tháng 3 năm ngoái.",
        "Đơn vị thi công cho biết mặt cầu đã được thảm nhựa và lắp đèn chiếu sáng.",
        "Người dân hai bờ sông mong chờ ngày cây cầu được đưa vào sử dụng.",
        fact,
    ]), date=tomtat.Article.from_dict({"text": "x", "date": "2025-05-20"}, "x").date)
    later = tomtat.Article("2", "Khánh thành cầu Hiền Lương mới", "\n".join([
        fact,
        "Cầu dài 200 mét, rộng 12 mét, giúp người dân hai huyện Vĩnh Linh và Gio Linh đi lại thuận tiện.",
        "Chủ tịch UBND tỉnh cho biết cây cầu là món quà ý nghĩa dịp kỷ niệm ngày sinh Chủ tịch Hồ Chí Minh.",
    ]), date=tomtat.Article.from_dict({"text": "x", "date": "2025-05-21"}, "x").date)
    summary = tomtat.summarize([earlier, later], budget="6 sentences")
    assert (summary.sentences[0].text, summary.sentences[0].article_id) == (fact, "1")


SYLLABLE_SETS = st.sets(st.sampled_from("giá vàng tăng mạnh hôm nay lũ quét cầu mới xã huyện tỉnh".split()), max_size=9)


@given(st.lists(SYLLABLE_SETS, max_size=6), SYLLABLE_SETS)
def test_the_headline_index_finds_exactly_what_comparing_with_every_headline_finds(headlines: list[set[str]], words: set[str]) -> None:
    brute = any(h and len(words & h) / len(words | h) >= HEADLINE_OVERLAP for h in headlines)
    assert Headlines(headlines).repeated_by(words) == (bool(words) and brute)
