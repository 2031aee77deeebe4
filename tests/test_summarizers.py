"""Summarizer methods: the registry, each scorer's behaviour on small stories, and PageRank."""
from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

import tomtat
from tomtat.pipeline import prepare
from tomtat.summarizers import METHODS, Candidates, get_method
from tomtat.summarizers.methods import _pagerank

ARTICLES = [
    tomtat.Article("1", "Bão số 3 đổ bộ Quảng Ninh", "Bão số 3 đổ bộ vào Quảng Ninh chiều nay với sức gió giật cấp 12.\nNhiều cây xanh bị quật đổ trên các tuyến phố.\nGiá vé tàu du lịch vẫn giữ nguyên."),
    tomtat.Article("2", "Quảng Ninh hứng bão số 3", "Chiều nay bão số 3 đổ bộ Quảng Ninh, gió giật cấp 12 làm đổ nhiều cây xanh.\nHơn 5.000 người dân đã được sơ tán trước khi bão vào."),
    tomtat.Article("3", "Bão số 3 gây thiệt hại", "Bão số 3 gây gió giật mạnh tại Quảng Ninh và Hải Phòng.\nCác trường học cho học sinh nghỉ một ngày."),
]


@pytest.fixture
def candidates() -> Candidates:
    return Candidates.build([prepare(a, i) for i, a in enumerate(ARTICLES)])


def test_registry_lists_every_method_and_rejects_unknown_names() -> None:
    assert set(METHODS) == {"centroid", "lead", "lexrank", "textrank"}
    with pytest.raises(ValueError, match="unknown method 'best'; choose one of: centroid, lead, lexrank, textrank"):
        get_method("best")


def test_lead_takes_first_sentences_in_article_order(candidates: Candidates) -> None:
    order = np.argsort(-get_method("lead")(candidates), kind="stable")
    assert [(candidates.sentences[i].article, candidates.sentences[i].position) for i in order[:4]] == [
        (0, 0), (1, 0), (2, 0), (0, 1)
    ]


@pytest.mark.parametrize("method", ["centroid", "lexrank", "textrank"])
def test_central_sentences_outrank_off_topic_ones(candidates: Candidates, method: str) -> None:
    scores = get_method(method)(candidates)
    texts = [s.text for s in candidates.sentences]
    off_topic = scores[texts.index("Giá vé tàu du lịch vẫn giữ nguyên.")]
    central = scores[texts.index("Bão số 3 đổ bộ vào Quảng Ninh chiều nay với sức gió giật cấp 12.")]
    assert central > off_topic
    assert off_topic == min(scores)


def test_pagerank_of_a_star_ranks_the_hub_first_and_sums_to_one() -> None:
    star = sparse.csr_matrix(np.array([[0, 1, 1, 1], [1, 0, 0, 0], [1, 0, 0, 0], [1, 0, 0, 0]], dtype=float))
    rank = _pagerank(star)
    assert rank.sum() == pytest.approx(1.0)
    assert rank[0] > rank[1] == pytest.approx(rank[2]) == pytest.approx(rank[3])
    # with a = (1 - d) / 4: hub h = a + d * 3 * leaf, leaf = a + d * h / 3, so
    # h = a * (1 + 3d) / (1 - d^2) = 0.0375 * 3.55 / 0.2775 = 0.4797297 for d = 0.85
    assert rank[0] == pytest.approx(0.4797297, abs=1e-5)


@pytest.mark.parametrize("method", sorted(METHODS))
def test_every_method_summarizes_within_budget_without_repeats(method: str) -> None:
    summary = tomtat.summarize(ARTICLES, budget="40", method=method)
    texts = [s.text for s in summary.sentences]
    assert texts and len(set(texts)) == len(texts)
    assert sum(len(tomtat.nlp.syllables(t)) for t in texts) <= 40
