"""What `tomtat cluster` reads: article files and folders, dataset JSONL files, RSS/Atom feeds."""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from tomtat.ingest import ARTICLE_SUFFIXES, files_in, read_articles, read_clusters
from tomtat.model import Article
from tomtat.problems import ProblemLog
from tomtat.stories.feeds import FEED_SUFFIXES, read_feed


def is_dataset_file(path: Path) -> bool:
    """Whether the first non-blank line of a .jsonl file is a dataset cluster (has "docs")."""
    try:
        with path.open(encoding="utf-8", errors="replace") as lines:
            first = next((line for line in lines if line.strip()), "")
        value = json.loads(first) if first else None
    except (OSError, json.JSONDecodeError):
        return False
    return isinstance(value, dict) and "docs" in value


def _read_file(path: Path, problems: ProblemLog) -> list[Article]:
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES:
        return read_feed(str(path), problems)
    if suffix == ".jsonl" and is_dataset_file(path):
        return [article for cluster in read_clusters(str(path), problems) for article in cluster.articles]
    return read_articles([str(path)], problems)


def read_inputs(paths: Iterable[str], problems: ProblemLog) -> list[Article]:
    """Articles of every path ("-" is standard input); folders are read recursively in name order."""
    articles: list[Article] = []
    known = ARTICLE_SUFFIXES | FEED_SUFFIXES
    for given in paths:
        if given == "-":
            articles.extend(read_articles(["-"], problems))
            continue
        for path in files_in(Path(given), problems, known, "an article or feed file"):
            articles.extend(_read_file(path, problems))
    return articles
