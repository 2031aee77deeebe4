"""Ingest: files, folders and stdin to `Article`s; dataset files to `Cluster`s.

Every reader reports unusable input to a `ProblemLog` (file and line) and goes on.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from tomtat.ingest.decode import decode_bytes
from tomtat.ingest.html import looks_like_html, parse_html_article
from tomtat.ingest.jsonl import read_article_lines, read_cluster_lines
from tomtat.ingest.textfile import parse_text_article
from tomtat.model import Article, Cluster
from tomtat.problems import InputError, ProblemLog

ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm", ".jsonl"})


def _articles_from_text(text: str, name: str, stem: str, suffix: str, problems: ProblemLog) -> list[Article]:
    if suffix == ".jsonl" or (suffix not in {".html", ".htm", ".txt"} and text.lstrip().startswith("{")):
        return read_article_lines(text, name, stem, problems)
    if suffix in {".html", ".htm"} or looks_like_html(text):
        return [parse_html_article(text, stem, name)]
    return [parse_text_article(text, stem, name)]


def files_in(
    path: Path, problems: ProblemLog, suffixes: frozenset[str] = ARTICLE_SUFFIXES, kind: str = "an article file"
) -> Iterator[Path]:
    """`path` itself, or the files with one of `suffixes` in the folder `path`, recursively in name
    order (hidden ones left out); other files and a missing path are reported to `problems`."""
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                if child.suffix.lower() in suffixes:
                    yield child
                else:
                    problems.add(InputError(f"not {kind} (expected {', '.join(sorted(suffixes))}): skipped", str(child)))
    elif path.is_file():
        yield path
    else:
        problems.add(InputError("no such file or folder", str(path)))


def read_articles(paths: Iterable[str], problems: ProblemLog) -> list[Article]:
    """Articles from text/HTML/JSONL files, folders of them, or "-" (stdin)."""
    articles: list[Article] = []
    for given in paths:
        if given == "-":
            sources: Iterable[tuple[str, str, str, bytes | None]] = [("<stdin>", "stdin", "", sys.stdin.buffer.read())]
        else:
            sources = ((str(f), f.stem, f.suffix.lower(), None) for f in files_in(Path(given), problems))
        for name, stem, suffix, data in sources:
            try:
                raw = data if data is not None else Path(name).read_bytes()
                articles.extend(_articles_from_text(decode_bytes(raw, name), name, stem, suffix, problems))
            except InputError as error:
                problems.add(error)
            except OSError as error:
                problems.add(InputError(f"cannot read: {error.strerror}", name))
    return articles


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


__all__ = ["ARTICLE_SUFFIXES", "files_in", "read_articles", "read_clusters"]
