"""Corpus inputs as partitions: files (any fsspec URL), JSONL byte ranges, Parquet row groups.

The driver only lists files and finds line boundaries; each partition is read where it runs
(`read_partition`), through fsspec, so workers on other machines read the same URLs. Every
article becomes an `ArticleRecord`; unusable input becomes a `Problem` with file and line.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import PurePosixPath

from tomtat.ingest import SUFFIXES, read_bytes
from tomtat.model import Article
from tomtat.problems import InputError, Problem, ProblemLog
from tomtat.stories import ArticleFeatures, StoryOptions, featurize

PARQUET = ".parquet"
DEFAULT_PARTITION_BYTES = 32 * 2**20  # a JSONL file is read in ranges of about this size


@dataclass(frozen=True)
class Partition:
    """What one task reads: a whole file, `start`..`stop` bytes of a JSONL file whose first
    line there is `first_line`, or one row group of a Parquet file."""

    url: str
    number: int  # place of the partition in the whole input
    start: int = 0
    stop: int | None = None
    first_line: int = 1
    row_group: int | None = None


@dataclass
class ArticleRecord:
    """One article and what story tracking compares of it."""

    article: Article
    features: ArticleFeatures
    order: tuple[int, int]  # (partition number, place in it): input order, for repeated ids
    where: str  # the file it was read from


def article_key(article_id: str, date: dt.date | None) -> tuple[bool, dt.date, str]:
    """Oldest first, undated last, then by id: what "earliest" means everywhere in a corpus run."""
    return (date is None, date or dt.date.min, article_id)


def list_partitions(inputs: list[str], problems: ProblemLog, partition_bytes: int = DEFAULT_PARTITION_BYTES) -> list[Partition]:
    """Partitions of files and folders (recursively, name order, hidden ones left out) at fsspec URLs."""
    from fsspec.core import url_to_fs

    partitions: list[Partition] = []
    for given in inputs:
        fs, root = url_to_fs(given)
        if fs.isdir(root):
            files = []
            for path in sorted(fs.find(root)):
                relative = PurePosixPath(path).relative_to(PurePosixPath(root)).parts
                if any(part.startswith(".") for part in relative):
                    continue
                if _suffix(path) in SUFFIXES or _suffix(path) == PARQUET:
                    files.append(path)
                else:
                    expected = ", ".join(sorted(SUFFIXES | {PARQUET}))
                    problems.add(InputError(f"not an article file (expected {expected}): skipped", _url(fs, path)))
        elif fs.isfile(root):
            files = [root]
        else:
            problems.add(InputError("no such file or folder", given))
            continue
        for path in files:
            try:
                partitions.extend(_file_partitions(fs, path, len(partitions), partition_bytes))
            except OSError as error:
                problems.add(InputError(f"cannot read: {error.strerror or error}", _url(fs, path)))
            except ValueError as error:  # pyarrow's ArrowInvalid: not a Parquet file
                problems.add(InputError(f"not a Parquet file ({error}): skipped", _url(fs, path)))
    return partitions


def _suffix(path: str) -> str:
    return PurePosixPath(path).suffix.lower()


def _url(fs, path: str) -> str:
    return fs.unstrip_protocol(path) if "file" not in fs.protocol else path


def _file_partitions(fs, path: str, first: int, partition_bytes: int) -> list[Partition]:
    url = _url(fs, path)
    if _suffix(path) == PARQUET:
        import pyarrow.parquet as pq

        with fs.open(path, "rb") as handle:
            groups = pq.ParquetFile(handle).num_row_groups
        return [Partition(url, first + group, row_group=group) for group in range(groups)]
    size = fs.size(path)
    if _suffix(path) != ".jsonl" or size <= partition_bytes:
        return [Partition(url, first)]
    partitions, start, line = [], 0, 1
    with fs.open(path, "rb") as handle:
        while start < size:
            handle.seek(start)
            chunk = handle.read(partition_bytes)
            cut = chunk.rfind(b"\n") + 1 if len(chunk) == partition_bytes else len(chunk)
            cut = cut or len(chunk)  # a single line longer than a partition
            partitions.append(Partition(url, first + len(partitions), start, start + cut, line))
            line += chunk[:cut].count(b"\n")
            start += cut
    return partitions


def read_partition(partition: Partition, options: StoryOptions) -> list[ArticleRecord | Problem]:
    """The articles of one partition with their features, and the problems met reading it."""
    import fsspec

    problems = ProblemLog()
    try:
        with fsspec.open(partition.url, "rb") as handle:
            if partition.row_group is not None:
                articles = _parquet_articles(handle, partition, problems)
            else:
                handle.seek(partition.start)
                data = handle.read(-1 if partition.stop is None else partition.stop - partition.start)
                # Blank lines before a range keep line numbers (and "stem:line" ids) those of the file.
                data = b"\n" * (partition.first_line - 1) + data
                articles = read_bytes(partition.url, data, problems, flatten_datasets=True)
    except OSError as error:
        problems.add(InputError(f"cannot read: {error.strerror or error}", partition.url))
        articles = []
    records: list[ArticleRecord | Problem] = list(problems)
    for place, article in enumerate(articles):
        try:
            features = featurize(article, options)
        except ValueError as error:
            records.append(Problem(article.source or partition.url, None, f"{error}: skipped"))
            continue
        records.append(ArticleRecord(article, features, (partition.number, place), partition.url))
    return records


def _parquet_articles(handle, partition: Partition, problems: ProblemLog) -> list[Article]:
    """Articles of a Parquet row group whose columns are the article fields; "line" is the row."""
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(handle)
    first_row = sum(parquet.metadata.row_group(g).num_rows for g in range(partition.row_group)) + 1
    stem = PurePosixPath(partition.url).stem
    articles = []
    for row, values in enumerate(parquet.read_row_group(partition.row_group).to_pylist(), start=first_row):
        values = {k: v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v for k, v in values.items()}
        try:
            articles.append(Article.from_dict(values, f"{stem}:{row}", problems, partition.url, row))
        except InputError as error:
            problems.add(error)
    return articles


def first_occurrences(index: list[tuple[str, tuple[int, int], str]]) -> tuple[set[tuple[int, int]], list[Problem]]:
    """Of (id, order, where) rows, the orders of repeated ids after their first, and a problem each."""
    seen: set[str] = set()
    repeats, problems = set(), []
    for article_id, order, where in sorted(index, key=lambda row: row[1]):
        if article_id in seen:
            repeats.add(order)
            problems.append(Problem(where, None, f"article id {json.dumps(article_id, ensure_ascii=False)} appears "
                                                 "twice: the second one is skipped"))
        seen.add(article_id)
    return repeats, problems
