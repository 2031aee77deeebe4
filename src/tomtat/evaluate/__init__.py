"""Evaluation: Vietnamese-correct ROUGE and the dataset protocol."""
from tomtat.evaluate.protocol import Evaluation, evaluate, reference_budget
from tomtat.evaluate.rouge import ROUGE_TYPES, Score, SyllableTokenizer, make_scorer, rouge, truncate

__all__ = [
    "Evaluation", "ROUGE_TYPES", "Score", "SyllableTokenizer", "evaluate", "make_scorer",
    "reference_budget", "rouge", "truncate",
]
