"""tomtat: attributed multi-document summaries of Vietnamese news.

The public API: `summarize_story` (every part of a story report), `summarize` (the summary
alone), `summarize_cluster` (a dataset cluster), `render` / `report_data` (the formats),
`Options` and its parts, the data types, the method registry, and `train_model` /
`check_model` for the supervised method's model files. Readers are in `tomtat.ingest`,
ROUGE in `tomtat.evaluate`, story tracking in `tomtat.stories`.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from tomtat.model import Article, Cluster, Document, Sentence, StoryReport, Summary, SummarySentence
from tomtat.options import EntityOptions, Options, SelectionOptions, TimelineOptions
from tomtat.output import FORMATS, render, report_data, summary_parts
from tomtat.pipeline import PARTS, REFERENCE_BUDGET, prepare, summarize, summarize_cluster, summarize_story
from tomtat.problems import InputError, Problem, ProblemLog
from tomtat.summarizers import DEFAULT_METHOD, METHODS, Budget

__version__ = "0.1.0"


def train_model(clusters: Iterable[Cluster]) -> str:
    """The supervised method's two models fitted on clusters with references, as the text of a
    model file (deterministic); ValueError when no cluster has a reference."""
    from tomtat.summarizers.supervised import train

    return train(clusters, prepare)


def check_model(path: Path) -> None:
    """Load a model file made by `train_model` once; ValueError saying what is wrong with it."""
    from tomtat.summarizers.supervised import check_model as load

    load(path)


__all__ = [
    "Article", "Budget", "Cluster", "DEFAULT_METHOD", "Document", "EntityOptions", "FORMATS", "InputError", "METHODS",
    "Options", "PARTS", "Problem", "ProblemLog", "REFERENCE_BUDGET", "SelectionOptions", "Sentence", "StoryReport", "Summary", "SummarySentence",
    "TimelineOptions", "__version__", "check_model", "prepare", "render", "report_data", "summarize",
    "summarize_cluster", "summarize_story", "summary_parts", "train_model",
]
