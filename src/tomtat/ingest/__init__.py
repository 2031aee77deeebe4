"""Ingest: files, folders, stdin and uploads to `Article`s; dataset files to `Cluster`s.

Every input goes through `read_bytes` (decoding, then the reader of its format, see
`tomtat.ingest.registry`). Every reader reports unusable input to a `ProblemLog` (file and line)
and goes on.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from tomtat.ingest.decode import decode_bytes
from tomtat.ingest.jsonl import json_lines, read_cluster_lines
from tomtat.ingest.registry import READERS, SUFFIXES, Reader, read_bytes, reader_for
from tomtat.model import Article, Cluster
from tomtat.problems import InputError, ProblemLog



def files_in(path: Path, problems: ProblemLog) -> Iterator[Path]:
    """`path` itself, or the files with a reader's suffix in the folder `path`, recursively in name
    order (hidden ones left out); other files and a missing path are reported to `problems`."""
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                if child.suffix.lower() in SUFFIXES:
                    yield child
                else:
                    expected = ", ".join(sorted(SUFFIXES))
                    problems.add(InputError(f"not an article file (expected {expected}): skipped", str(child)))
    elif path.is_file():
        yield path
    else:
        problems.add(InputError("no such file or folder", str(path)))


MAX_FILE_BYTES = 20_000_000  # a news page or article file is far smaller; a bigger one is refused unread


def read_inputs(
    paths: Iterable[str], problems: ProblemLog, *, flatten_datasets: bool = False, max_bytes: int = MAX_FILE_BYTES
) -> Iterator[tuple[str, list[Article]]]:
    """(input name, its articles) for each file of `paths` (folders read recursively in name
    order, "-" standard input), in order. A file over `max_bytes` is reported and skipped."""
    for given in paths:
        if given == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
            if len(data) > max_bytes:
                problems.add(InputError(f"more than {max_bytes:,} bytes: skipped", "<stdin>"))
                continue
            yield "<stdin>", read_bytes("<stdin>", data, problems, stem="stdin", flatten_datasets=flatten_datasets)
            continue
        for file in files_in(Path(given), problems):
            try:
                size = file.stat().st_size
                if size > max_bytes:
                    problems.add(InputError(f"{size:,} bytes, over the {max_bytes:,}-byte limit: skipped", str(file)))
                    continue
                data = file.read_bytes()
            except OSError as error:
                problems.add(InputError(f"cannot read: {error.strerror}", str(file)))
                continue
            yield str(file), read_bytes(str(file), data, problems, flatten_datasets=flatten_datasets)


def read_articles(
    paths: Iterable[str], problems: ProblemLog, *, flatten_datasets: bool = False, max_bytes: int = MAX_FILE_BYTES
) -> list[Article]:
    """Articles of text/HTML/JSONL/feed files, folders of them, or "-" (stdin), in order.

    A dataset cluster line is refused with a pointer to `tomtat batch`, or with
    `flatten_datasets` gives its articles (what `tomtat cluster` wants).
    """
    inputs = read_inputs(paths, problems, flatten_datasets=flatten_datasets, max_bytes=max_bytes)
    return [article for _, articles in inputs for article in articles]


def read_clusters(path: str, problems: ProblemLog) -> Iterator[Cluster]:
    """Clusters of a dataset JSONL file (`{"id", "docs", "summaries", "meta"}` per line)."""
    try:
        text = decode_bytes(Path(path).read_bytes(), path)
    except InputError as error:
        problems.add(error)
        return
    except OSError as error:
        problems.add(InputError(f"cannot read: {error.strerror}", path))
        return
    yield from read_cluster_lines(text, path, problems)


__all__ = [
    "MAX_FILE_BYTES", "READERS", "SUFFIXES", "Reader", "decode_bytes", "files_in", "json_lines", "read_articles",
    "read_bytes", "read_clusters", "read_inputs", "reader_for",
]
