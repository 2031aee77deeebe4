"""Summarizer methods: the registry, each scorer's behaviour on small stories, and PageRank."""
from __future__ import annotations

import json

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
    assert set(METHODS) == {"centroid", "lead", "lexrank", "supervised", "textrank"}
    with pytest.raises(ValueError, match="unknown method 'best'; choose one of: centroid, lead, lexrank, supervised, textrank"):
        get_method("best")


def test_lead_takes_first_sentences_in_article_order(candidates: Candidates) -> None:
    order = np.argsort(-get_method("lead").score(candidates), kind="stable")
    assert [(candidates.sentences[i].article, candidates.sentences[i].position) for i in order[:4]] == [
        (0, 0), (1, 0), (2, 0), (0, 1)
    ]


@pytest.mark.parametrize("method", ["centroid", "lexrank", "supervised", "textrank"])
def test_central_sentences_outrank_off_topic_ones(candidates: Candidates, method: str) -> None:
    scores = get_method(method).score(candidates)
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


def test_supervised_features_have_one_row_per_sentence_and_named_columns(candidates: Candidates) -> None:
    from tomtat.summarizers.supervised import FEATURES, sentence_features

    features = sentence_features(candidates)
    assert features.shape == (len(candidates.sentences), len(FEATURES))
    column = dict(zip(FEATURES, features.T))
    texts = [s.text for s in candidates.sentences]
    # the landfall sentence is echoed by both other articles; the ticket price by none
    assert column["support"][texts.index("Bão số 3 đổ bộ vào Quảng Ninh chiều nay với sức gió giật cấp 12.")] > 0
    assert column["support"][texts.index("Giá vé tàu du lịch vẫn giữ nguyên.")] == 0
    assert list(column["is_first"][:3]) == [1.0, 0.0, 0.0]


def test_training_is_deterministic_and_the_model_scores(tmp_path) -> None:
    from click.testing import CliRunner

    from tomtat.cli import main
    from tomtat.summarizers.supervised import supervised_scores

    data = tmp_path / "train.jsonl"
    cluster = {
        "id": "c", "docs": [{"title": a.title, "text": a.text} for a in ARTICLES],
        "summaries": ["Bão số 3 đổ bộ Quảng Ninh với gió giật cấp 12, hơn 5.000 người dân được sơ tán."],
    }
    data.write_text("\n".join(json.dumps({**cluster, "id": f"c{i}"}, ensure_ascii=False) for i in range(3)), encoding="utf-8")
    runner = CliRunner()
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    for model in (first, second):
        result = runner.invoke(main, ["train", str(data), "-o", str(model)])
        assert result.exit_code == 0, result.output
    assert first.read_text() == second.read_text()
    scores = supervised_scores(Candidates.build([prepare(a, i) for i, a in enumerate(ARTICLES)]), first)
    assert scores.shape == (7,)


def test_shipped_model_ranks_a_lead_above_an_aside(candidates: Candidates) -> None:
    scores = get_method("supervised").score(candidates)
    texts = [s.text for s in candidates.sentences]
    assert scores[texts.index("Bão số 3 đổ bộ vào Quảng Ninh chiều nay với sức gió giật cấp 12.")] > scores[
        texts.index("Giá vé tàu du lịch vẫn giữ nguyên.")
    ]
