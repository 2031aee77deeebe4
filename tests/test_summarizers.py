"""Summarizer methods: the registry, each scorer's behaviour on small stories, and PageRank."""
from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

import tomtat
from tomtat.pipeline import prepare
from tomtat.options import SelectionOptions
from tomtat.summarizers import METHODS, get_method
from tomtat.summarizers.features import Candidates
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
    assert [(candidates.sentences[i].article_index, candidates.sentences[i].position) for i in order[:4]] == [
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
    from tomtat.summarizers.sentence_features import FEATURES, sentence_features

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
    summary = tomtat.summarize(ARTICLES, options=tomtat.Options(budget="2 sentences", model=first))
    assert len(summary.sentences) == 2
    with pytest.raises(ValueError, match="a model file is for the supervised method, not 'lead'"):
        tomtat.summarize(ARTICLES, options=tomtat.Options(method="lead", model=first))


def test_shipped_model_ranks_a_lead_above_an_aside(candidates: Candidates) -> None:
    scores = get_method("supervised").score(candidates)
    texts = [s.text for s in candidates.sentences]
    assert scores[texts.index("Bão số 3 đổ bộ vào Quảng Ninh chiều nay với sức gió giật cấp 12.")] > scores[
        texts.index("Giá vé tàu du lịch vẫn giữ nguyên.")
    ]


def test_concept_features_describe_each_bigram_of_the_story(candidates: Candidates) -> None:
    from tomtat.summarizers.concepts import CONCEPT_FEATURES, concept_features

    features = concept_features(candidates)
    assert features.shape == (len(candidates.concept_terms), len(CONCEPT_FEATURES))
    row = {term: dict(zip(CONCEPT_FEATURES, values)) for term, values in zip(candidates.concept_terms, features)}
    assert row["bão số"] == pytest.approx({
        "article_share": 1.0, "sentence_share": 3 / 7, "first_position": 0.0, "first_relative_position": 0.0,
        "in_first_sentence_share": 1.0, "in_earliest_lead": 1.0, "title_share": 1.0, "stopwords": 1.0, "has_digit": 0.0,
    })
    assert (row["giá vé"]["article_share"], row["giá vé"]["first_position"], row["giá vé"]["title_share"]) == pytest.approx((1 / 3, 2.0, 0.0))
    assert (row["giá vé"]["in_first_sentence_share"], row["giá vé"]["in_earliest_lead"]) == (0.0, 1.0)
    assert row["giá vé"]["first_relative_position"] == pytest.approx(2 / 3)
    assert row["số 3"]["has_digit"] == 1.0
    assert (row["đã được"]["stopwords"], row["giá vé"]["stopwords"]) == (2.0, 0.0)


def test_concept_labels_are_the_share_of_references_holding_the_bigram(candidates: Candidates) -> None:
    from tomtat.summarizers.concepts import concept_labels

    labels = dict(zip(candidates.concept_terms, concept_labels(candidates, ["Bão số 3 đổ bộ.", "Bão đổ bộ Quảng Ninh."])))
    assert (labels["bão số"], labels["đổ bộ"], labels["quảng ninh"], labels["giá vé"]) == (0.5, 1.0, 0.5, 0.0)


def test_graph_features_match_a_dense_computation(candidates: Candidates) -> None:
    from tomtat.summarizers.sentence_features import LEAD_SENTENCES, SUPPORT_SIMILARITY, _graph_features

    article_of = np.array([s.article_index for s in candidates.sentences])
    position = np.array([s.position for s in candidates.sentences])
    order = article_of / 2.0  # undated: input order
    graph = _graph_features(candidates, article_of, position < LEAD_SENTENCES, order)
    support, best_other, degree = graph["support"] * 2, graph["best_other_similarity"], graph["degree"]
    dense = (candidates.pair_vectors @ candidates.pair_vectors.T).toarray()
    np.fill_diagonal(dense, 0.0)
    other = article_of[:, None] != article_of[None, :]
    assert np.allclose(best_other, np.where(other, dense, 0).max(axis=1))
    assert np.allclose(degree, (dense >= 0.1).sum(axis=1) / len(article_of))
    per_article = [[dense[i, article_of == a].max(initial=0) for a in range(3) if a != article_of[i]] for i in range(len(article_of))]
    assert list(support) == [sum(v >= SUPPORT_SIMILARITY for v in row) for row in per_article]
    assert support.max() > 0
    assert np.allclose(graph["novelty"], 1 - np.where(order[article_of][None, :] < order[article_of][:, None], dense, 0).max(axis=1))


def test_concept_coverage_takes_the_most_weight_per_syllable_and_never_repeats_it(candidates: Candidates) -> None:
    from tomtat.summarizers import Budget
    from tomtat.summarizers.selection import select

    texts = [s.text for s in candidates.sentences]
    target = texts.index("Hơn 5.000 người dân đã được sơ tán trước khi bão vào.")
    weights = candidates.concepts[target].toarray().ravel()  # only that sentence's bigrams count
    scores = np.zeros(len(texts))
    eligible = np.ones(len(texts), dtype=bool)
    chosen = select(candidates, scores, Budget(2, "sentences"), SelectionOptions(redundancy=1.0, coverage=1.0), eligible, concept_weights=weights)
    assert chosen[0] == target
    # with the same weights known to the reader already, that sentence adds nothing
    known = np.zeros(len(texts), dtype=bool)
    known[target] = True
    eligible[target] = False
    again = select(candidates, scores, Budget(1, "sentences"), SelectionOptions(redundancy=1.0, coverage=1.0), eligible, known, weights)
    assert again != [target]


def test_a_repeated_sentence_is_credited_to_the_article_that_said_it_first() -> None:
    import datetime as dt

    from tomtat.summarizers import Budget
    from tomtat.summarizers.selection import select

    shared = "Cầu Thăng Long đóng cửa một chiều để sửa mặt đường từ ngày 1/7."
    later = tomtat.Article("later", "Sửa cầu", f"Nhiều xe phải đi vòng qua cầu Nhật Tân.\n{shared}", dt.date(2024, 7, 3))
    earlier = tomtat.Article("earlier", "Đóng cầu", f"{shared}\nViệc sửa chữa kéo dài hai tháng.", dt.date(2024, 6, 20))
    candidates = Candidates.build([prepare(a, i) for i, a in enumerate([later, earlier])])
    copy_in_later, copy_in_earlier = 1, 2
    assert candidates.sentences[copy_in_later].text == candidates.sentences[copy_in_earlier].text == shared
    scores = np.array([0.0, 1.0, 0.5, 0.0])  # the later article's copy is rated highest
    everything = np.ones(4, dtype=bool)
    for weights in (None, get_method("supervised").weigh_concepts(candidates)):
        chosen = select(candidates, scores, Budget(2, "sentences"), SelectionOptions(redundancy=1.0, coverage=1.0), everything, concept_weights=weights)
        assert copy_in_earlier in chosen and copy_in_later not in chosen


def test_a_model_file_that_is_not_one_is_refused_with_what_to_do(tmp_path) -> None:
    from tomtat.summarizers.supervised import supervised_scores

    junk = tmp_path / "model.txt"
    junk.write_text("tree\nversion=v4\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not a tomtat model"):
        supervised_scores(Candidates.build([prepare(a, i) for i, a in enumerate(ARTICLES)]), junk)
    junk.write_text('{"format": "other"}', encoding="utf-8")
    with pytest.raises(ValueError, match=r"rebuild it with `tomtat train DATA.jsonl -o MODEL`"):
        supervised_scores(Candidates.build([prepare(a, i) for i, a in enumerate(ARTICLES)]), junk)


def test_the_shipped_model_is_what_tomtat_train_rebuilds_from_abmusu_train_and_vims(shared) -> None:
    from importlib import resources

    from tomtat.ingest import read_clusters
    from tomtat.problems import ProblemLog
    from tomtat.summarizers.supervised import MODEL_FILE, train

    sets = [shared / "data" / "abmusu" / "train.jsonl", shared / "data" / "vims2017" / "all.jsonl"]
    if not all(path.is_file() for path in sets):
        pytest.skip(f"{sets} are absent")
    shipped = (resources.files("tomtat") / "models" / MODEL_FILE).read_text(encoding="utf-8")
    clusters = [cluster for path in sets for cluster in read_clusters(str(path), ProblemLog())]
    assert train(clusters, prepare) == shipped


SENTENCE_POOL = [
    "Bão số 3 đổ bộ vào Quảng Ninh chiều nay với sức gió giật cấp 12.",
    "Hơn 5.000 người dân đã được sơ tán trước khi bão vào.",
    "Các trường học cho học sinh nghỉ một ngày.",
    "Nhiều cây xanh bị quật đổ trên các tuyến phố.",
    "Giá vé tàu du lịch vẫn giữ nguyên.",
    "Chiều nay bão số 3 đổ bộ Quảng Ninh, gió giật cấp 12 làm đổ nhiều cây xanh.",
    "Điện lực tỉnh đã khôi phục điện cho phần lớn các xã.",
    "Tàu thuyền được yêu cầu vào nơi tránh trú an toàn.",
]


@given(
    articles=st.lists(st.lists(st.sampled_from(SENTENCE_POOL), min_size=1, max_size=5), min_size=1, max_size=4),
    amount=st.integers(min_value=1, max_value=80),
    unit=st.sampled_from(["syllables", "sentences"]),
    known_article=st.integers(min_value=-1, max_value=3),
)
@settings(max_examples=60, deadline=None)
def test_concept_coverage_selection_keeps_its_promises(articles, amount, unit, known_article) -> None:
    from tomtat.summarizers import Budget
    from tomtat.summarizers.selection import select
    from tomtat.summarizers.supervised import supervised_concept_weights

    documents = [prepare(tomtat.Article(str(i), "", "\n".join(lines)), i) for i, lines in enumerate(articles)]
    candidates = Candidates.build(documents)
    count = len(candidates.sentences)
    known = np.array([s.article_index == known_article for s in candidates.sentences])
    eligible = ~known
    scores = get_method("supervised").score(candidates)
    chosen = select(candidates, scores, Budget(amount, unit), SelectionOptions(), eligible, known, supervised_concept_weights(candidates))
    assert len(set(chosen)) == len(chosen) and all(0 <= i < count and eligible[i] for i in chosen)
    cost = len(chosen) if unit == "sentences" else sum(len(candidates.sentences[i].syllables) for i in chosen)
    assert cost <= amount
    texts = [candidates.sentences[i].text for i in chosen]
    assert len(set(texts)) == len(texts)  # a copy is never taken twice
    assert not set(texts) & {s.text for s, is_known in zip(candidates.sentences, known) if is_known}  # nor what is known


@settings(max_examples=200)
@given(st.integers(0, 6), st.integers(0, 6), st.lists(st.floats(-2, 2, allow_nan=False), min_size=36, max_size=36),
       st.lists(st.booleans(), min_size=36, max_size=36))
def test_row_max_is_scipys_max(rows: int, columns: int, values: list[float], present: list[bool]) -> None:
    from scipy import sparse

    from tomtat.summarizers.features import row_max

    dense = np.array([v if keep else 0.0 for v, keep in zip(values, present)]).reshape(6, 6)[:rows, :columns]
    product = sparse.csr_matrix(dense) @ sparse.identity(columns, format="csr")  # rows unsorted, as products are
    expected = product.max(axis=1).toarray().ravel() if columns else np.zeros(rows)
    assert np.array_equal(row_max(product), expected)


SYLLABLE_LISTS = st.lists(st.lists(st.sampled_from(["hàn", "quốc", "nhật", "bản", "ông", "yoon", "17", "a", "ý"]), max_size=12),
                          min_size=1, max_size=8)


def _same_matrix(ours, theirs) -> bool:
    ours, theirs = ours.tocsr(), theirs.tocsr()
    return (ours.shape == theirs.shape and np.array_equal(ours.indptr, theirs.indptr)
            and np.array_equal(ours.indices, theirs.indices) and np.array_equal(ours.data, theirs.data))


@settings(max_examples=200)
@given(SYLLABLE_LISTS, SYLLABLE_LISTS)
def test_syllable_tfidf_is_scikit_learns_to_the_bit(texts: list[list[str]], others: list[list[str]]) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    from tomtat.summarizers.tfidf import SyllableTfidf, syllable_ngrams

    reference = TfidfVectorizer(analyzer=syllable_ngrams, sublinear_tf=True, norm="l2")
    ours = SyllableTfidf()
    if not any(texts):
        with pytest.raises(ValueError, match="empty vocabulary"):
            ours.fit_transform(texts)
        return
    assert _same_matrix(ours.fit_transform(texts), reference.fit_transform(texts))  # entries in the same order too
    assert list(ours.terms) == list(reference.get_feature_names_out())
    assert np.array_equal(ours.idf_, reference.idf_)
    assert _same_matrix(ours.transform(others), reference.transform(others))
