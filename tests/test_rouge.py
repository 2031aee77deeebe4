"""ROUGE golden values, computed by hand below and pinned to 4 decimals.

Tokens are syllables: NFC, lowercase, `\\w+` runs. F = 2PR / (P + R).
"""
from __future__ import annotations

import unicodedata

import pytest
from rouge_score import rouge_scorer

from tomtat.evaluate import Score, SyllableTokenizer, evaluate, make_scorer, reference_budget, rouge, truncate
from tomtat.model import Article, Cluster
from tomtat.nlp import cut_after_syllables


def rounded(scores: dict[str, Score]) -> dict[str, tuple[float, float, float]]:
    return {name: (round(s.precision, 4), round(s.recall, 4), round(s.f1, 4)) for name, s in scores.items()}


def nfd(text: str) -> str:
    out = unicodedata.normalize("NFD", text)
    assert out != text
    return out


# Example 1 — tone-marked syllables.
#   pred [hòa bình thế giới] (4), ref [hòa bình cho thế giới] (5)
#   R1: overlap 4 -> P 4/4 = 1, R 4/5 = 0.8, F = 1.6/1.8 = 0.8889
#   R2: pred {hòa bình, bình thế, thế giới} (3), ref {hòa bình, bình cho, cho thế, thế giới} (4)
#       overlap 2 -> P 2/3 = 0.6667, R 2/4 = 0.5, F = (2/3)/(7/6) = 4/7 = 0.5714
#   RL: LCS = hòa bình thế giới = 4 -> same as R1
PRED_1, REF_1 = "Hòa bình thế giới", "hòa bình cho thế giới"
GOLD_1 = {"rouge1": (1.0, 0.8, 0.8889), "rouge2": (0.6667, 0.5, 0.5714), "rougeL": (1.0, 0.8, 0.8889)}


def test_example_1_tone_marked_syllables():
    assert rounded(rouge(PRED_1, [REF_1])) == GOLD_1


def test_example_2_reordered_clauses():
    # pred [mưa lớn gây lũ quét ở lào cai] (8), ref [lũ quét ở lào cai do mưa lớn] (8)
    # R1: overlap mưa lớn lũ quét ở lào cai = 7 ("gây", "do" unmatched) -> 7/8 = 0.875 each
    # R2: pred {mưa lớn, lớn gây, gây lũ, lũ quét, quét ở, ở lào, lào cai} (7)
    #     ref  {lũ quét, quét ở, ở lào, lào cai, cai do, do mưa, mưa lớn} (7)
    #     overlap {mưa lớn, lũ quét, quét ở, ở lào, lào cai} = 5 -> 5/7 = 0.7143 each
    # RL: LCS "lũ quét ở lào cai" = 5 (longer than "mưa lớn" = 2) -> 5/8 = 0.625 each
    assert rounded(rouge("mưa lớn gây lũ quét ở Lào Cai", ["lũ quét ở Lào Cai do mưa lớn"])) == {
        "rouge1": (0.875, 0.875, 0.875),
        "rouge2": (0.7143, 0.7143, 0.7143),
        "rougeL": (0.625, 0.625, 0.625),
    }


def test_example_3_mean_over_two_references():
    # pred [người dân được hỗ trợ gạo] (6)
    # ref A [người dân được hỗ trợ] (5); ref B [chính quyền hỗ trợ gạo cho người dân] (8)
    # R1  A: overlap 5 -> P 5/6, R 1, F 10/11 = 0.90909
    #     B: overlap người dân hỗ trợ gạo = 5 -> P 5/6, R 5/8, F 0.71429
    #     mean: P 0.8333, R (1 + 0.625)/2 = 0.8125, F (0.90909 + 0.71429)/2 = 0.8117
    # R2  A: pred bigrams 5, ref 4, overlap 4 -> P 0.8, R 1, F 8/9 = 0.88889
    #     B: ref bigrams 7, overlap {hỗ trợ, trợ gạo, người dân} = 3 -> P 0.6, R 3/7, F 0.5
    #     mean: P 0.7, R (1 + 0.42857)/2 = 0.7143, F (0.88889 + 0.5)/2 = 0.6944
    # RL  A: LCS 5 -> P 5/6, R 1, F 0.90909
    #     B: LCS "hỗ trợ gạo" = 3 -> P 0.5, R 0.375, F 0.42857
    #     mean: P 0.6667, R 0.6875, F 0.6688
    assert rounded(rouge("người dân được hỗ trợ gạo", ["người dân được hỗ trợ", "chính quyền hỗ trợ gạo cho người dân"])) == {
        "rouge1": (0.8333, 0.8125, 0.8117),
        "rouge2": (0.7, 0.7143, 0.6944),
        "rougeL": (0.6667, 0.6875, 0.6688),
    }


def test_example_4_truncation_to_a_budget():
    # pred [lũ quét gây thiệt hại nặng ở yên bái] (9), ref [lũ quét gây thiệt hại] (5)
    # whole: R1 overlap 5 -> P 5/9 = 0.5556, R 1, F (10/9)/(14/9) = 0.7143
    # budget 4 -> "lũ quét gây thiệt": R1 P 1, R 0.8, F 0.8889;
    #             R2 pred 3 bigrams all in ref (4) -> P 1, R 0.75, F 1.5/1.75 = 0.8571
    pred, ref = "lũ quét gây thiệt hại nặng ở Yên Bái", "lũ quét gây thiệt hại"
    assert rounded(rouge(pred, [ref]))["rouge1"] == (0.5556, 1.0, 0.7143)
    assert rounded(rouge(pred, [ref], budget=4)) == {
        "rouge1": (1.0, 0.8, 0.8889),
        "rouge2": (1.0, 0.75, 0.8571),
        "rougeL": (1.0, 0.8, 0.8889),
    }


def test_cut_after_syllables_and_truncate():
    assert cut_after_syllables("Hòa bình, thế giới!", 2) == "Hòa bình"
    assert cut_after_syllables("Hòa bình", 5) == "Hòa bình"
    assert cut_after_syllables("Hòa bình", 0) == ""
    assert truncate("Hòa bình thế giới", None) == "Hòa bình thế giới"
    assert truncate("Hòa bình thế giới", 3) == "Hòa bình thế"


def test_nfd_prediction_scores_like_nfc():
    assert rounded(rouge(nfd(PRED_1), [REF_1])) == GOLD_1
    assert rounded(rouge(PRED_1, [nfd(REF_1)])) == GOLD_1


def test_nfd_prediction_is_truncated_like_nfc():
    # the cut text comes back in NFC
    assert cut_after_syllables(nfd("Hòa bình thế giới"), 2) == "Hòa bình"
    assert rounded(rouge(nfd(PRED_1), [REF_1], budget=4)) == GOLD_1


def test_empty_prediction_scores_zero_and_no_reference_is_an_error():
    assert rounded(rouge("", ["hòa bình"])) == {name: (0.0, 0.0, 0.0) for name in ("rouge1", "rouge2", "rougeL")}
    with pytest.raises(ValueError):
        rouge("hòa bình", [])


def test_syllable_tokenizer():
    assert SyllableTokenizer().tokenize(nfd("Hòa BÌNH, thế-giới 2023!")) == ["hòa", "bình", "thế", "giới", "2023"]


def test_rouge_score_default_tokenizer_is_wrong_for_vietnamese():
    # rouge-score keeps only [a-z0-9]: "hòa bình" becomes the fragments h, a, b, nh ...
    default = rouge_scorer.RougeScorer(["rouge1"])
    ours = make_scorer()
    from rouge_score import tokenize

    assert tokenize.tokenize("hòa bình", None) == ["h", "a", "b", "nh"]
    # ... syllables made only of letters with diacritics vanish, so identical text scores 0
    assert default.score("ở đó", "ở đó")["rouge1"].fmeasure == 0.0
    assert ours.score("ở đó", "ở đó")["rouge1"].fmeasure == 1.0
    # ... and different words collide: "hòa" (peace) vs "hóa" (chemistry) both become h, a
    assert default.score("hòa bình", "hóa bình")["rouge1"].fmeasure == 1.0
    assert ours.score("hòa bình", "hóa bình")["rouge1"].fmeasure == 0.5
    # ours gives the right answer for identical text
    assert ours.score("hòa bình", "hòa bình")["rouge1"].fmeasure == 1.0
    assert ours.score(REF_1, PRED_1)["rouge1"].fmeasure == pytest.approx(8 / 9)


# ----------------------------------------------------------------------------- protocol

def clusters():
    article = Article("a", "t", "x")
    return [
        Cluster("c1", [article], [REF_1]),
        Cluster("c2", [article], ["mưa lớn ở miền Bắc"]),
        Cluster("no-ref", [article], []),
    ]


def test_reference_budget_is_the_rounded_mean_length():
    assert reference_budget(["a b c", "a b c d"]) == 4  # 3.5 -> 4
    assert reference_budget(["hòa bình cho thế giới"]) == 5
    assert reference_budget([""]) == 1


def test_evaluate_means_over_clusters_after_truncation():
    # c1: GOLD_1. c2: "mưa lớn ở miền Bắc và miền Trung" cut to the reference's 5 syllables = the reference -> 1.0
    # mean R1: P (1 + 1)/2 = 1, R (0.8 + 1)/2 = 0.9, F (0.8889 + 1)/2 = 0.9444
    # mean R2: P (2/3 + 1)/2 = 0.8333, R (0.5 + 1)/2 = 0.75, F (4/7 + 1)/2 = 0.7857
    result = evaluate(clusters(), {"c1": PRED_1, "c2": "mưa lớn ở miền Bắc và miền Trung", "other": "x"})
    assert result.missing == []
    assert list(result.per_cluster) == ["c1", "c2"]  # the cluster without references is not scored
    assert rounded(result.per_cluster["c1"]) == GOLD_1
    assert rounded(result.per_cluster["c2"])["rouge1"] == (1.0, 1.0, 1.0)
    assert rounded(result.mean)["rouge1"] == (1.0, 0.9, 0.9444)
    assert rounded(result.mean)["rouge2"] == (0.8333, 0.75, 0.7857)


def test_evaluate_without_truncation():
    # c2 whole: pred 8 syllables, all 5 reference syllables found -> R1 P 5/8 = 0.625, R 1, F 1.25/1.625 = 0.7692
    result = evaluate(clusters(), {"c1": PRED_1, "c2": "mưa lớn ở miền Bắc và miền Trung"}, truncate_to_reference=False)
    assert rounded(result.per_cluster["c2"])["rouge1"] == (0.625, 1.0, 0.7692)


def test_evaluate_missing_prediction_scores_zero_and_is_listed():
    # mean R1 = (GOLD_1 + 0) / 2: P 0.5, R 0.4, F 0.4444
    result = evaluate(clusters(), {"c1": PRED_1})
    assert result.missing == ["c2"]
    assert rounded(result.per_cluster["c2"])["rouge1"] == (0.0, 0.0, 0.0)
    assert rounded(result.mean)["rouge1"] == (0.5, 0.4, 0.4444)


def test_evaluate_needs_references():
    with pytest.raises(ValueError, match="no cluster with reference"):
        evaluate([Cluster("x", [Article("a", "t", "x")], [])], {"x": "abc"})
