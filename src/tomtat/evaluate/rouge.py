"""ROUGE-1/2/L with a Vietnamese-correct, pluggable tokenizer.

rouge-score's default tokenizer keeps only [a-z0-9] and so drops every syllable with a
diacritic; tomtat plugs in the protocol tokenizer: NFC, lowercase, `re.findall(r"\\w+")`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from tomtat.nlp.tokens import cut_after_syllables, syllables

if TYPE_CHECKING:
    from rouge_score.rouge_scorer import RougeScorer

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")


class Tokenizer(Protocol):
    def tokenize(self, text: str) -> list[str]: ...


class SyllableTokenizer:
    """The evaluation protocol's tokens: NFC, lowercase, `\\w+` runs (syllables)."""

    def tokenize(self, text: str) -> list[str]:
        return syllables(text)


@dataclass
class Score:
    precision: float
    recall: float
    f1: float


def make_scorer(tokenizer: Tokenizer | None = None) -> RougeScorer:
    """rouge-score's scorer of ROUGE-1/2/L with `tokenizer` (the protocol's syllables by default)."""
    from rouge_score import rouge_scorer  # imports nltk: only for scoring

    return rouge_scorer.RougeScorer(list(ROUGE_TYPES), tokenizer=tokenizer or SyllableTokenizer())


def truncate(text: str, budget: int | None) -> str:
    """The summary cut after `budget` syllables (the protocol's truncation); None keeps it whole."""
    return text if budget is None else cut_after_syllables(text, budget)


def rouge(
    prediction: str,
    references: list[str],
    budget: int | None = None,
    scorer: RougeScorer | None = None,
) -> dict[str, Score]:
    """ROUGE of one prediction, averaged over its references (P, R and F1 each averaged)."""
    if not references:
        raise ValueError("at least one reference summary is needed")
    scorer = scorer or make_scorer()
    prediction = truncate(prediction, budget)
    totals = {name: [0.0, 0.0, 0.0] for name in ROUGE_TYPES}
    for reference in references:
        for name, value in scorer.score(reference, prediction).items():
            totals[name][0] += value.precision
            totals[name][1] += value.recall
            totals[name][2] += value.fmeasure
    count = len(references)
    return {name: Score(p / count, r / count, f / count) for name, (p, r, f) in totals.items()}
