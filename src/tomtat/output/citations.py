"""Source numbers shared by the formats: each cited article numbered in order of first citation."""
from __future__ import annotations

from tomtat.model import Summary, SummarySentence


def source_numbers(summary: Summary) -> dict[str, int]:
    """Source number of each cited article id, in order of first citation."""
    numbers: dict[str, int] = {}
    for sentence in summary.sentences:
        numbers.setdefault(sentence.article_id, len(numbers) + 1)
    return numbers


def cited_sources(summary: Summary) -> list[tuple[int, SummarySentence]]:
    """(number, first sentence citing it) for each cited article, in number order."""
    numbers = source_numbers(summary)
    first: dict[str, SummarySentence] = {}
    for sentence in summary.sentences:
        first.setdefault(sentence.article_id, sentence)
    return [(numbers[article_id], sentence) for article_id, sentence in first.items()]
