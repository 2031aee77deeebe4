"""The readers of every input format, and `read_bytes`, the one door bytes come in by.

A reader is chosen by the file suffix when the suffix is one of a reader's; otherwise (standard
input, `.json`, no suffix, oddly named uploads) by sniffing the decoded text, readers tried in
order: RSS/Atom, HTML, JSONL, and plain text when nothing else matches. A known suffix wins over
the content: an HTML page named `.txt` is read as text.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from tomtat.ingest.decode import NotText, decode_bytes
from tomtat.ingest.feeds import looks_like_feed, parse_feed
from tomtat.ingest.html import looks_like_html, parse_html_article
from tomtat.ingest.jsonl import read_article_lines
from tomtat.ingest.textfile import parse_text_article
from tomtat.model import Article
from tomtat.problems import InputError, ProblemLog


@dataclass(frozen=True)
class Reader:
    """One input format: the suffixes that name it, a test of its text, and how to read it.

    `read(text, name, stem, problems, flatten_datasets)` returns the articles, reports what it
    skips to `problems`, and raises `InputError` when nothing of the input can be used.
    """

    name: str
    suffixes: frozenset[str]
    sniff: Callable[[str], bool]
    read: Callable[[str, str, str, ProblemLog, bool], list[Article]]


def _looks_like_jsonl(text: str) -> bool:
    return text.lstrip().startswith("{")


def _read_feed(text: str, name: str, stem: str, problems: ProblemLog, flatten_datasets: bool) -> list[Article]:
    return parse_feed(text, name, problems, stem)


def _read_html(text: str, name: str, stem: str, problems: ProblemLog, flatten_datasets: bool) -> list[Article]:
    return [parse_html_article(text, stem, name)]


def _read_jsonl(text: str, name: str, stem: str, problems: ProblemLog, flatten_datasets: bool) -> list[Article]:
    return read_article_lines(text, name, stem, problems, flatten_datasets)


def _read_text(text: str, name: str, stem: str, problems: ProblemLog, flatten_datasets: bool) -> list[Article]:
    return [parse_text_article(text, stem, name)]


READERS: tuple[Reader, ...] = (
    Reader("feed", frozenset({".xml", ".rss", ".atom"}), looks_like_feed, _read_feed),
    Reader("html", frozenset({".html", ".htm"}), looks_like_html, _read_html),
    # Article lines and dataset cluster lines ("docs") alike; see `read_article_lines`.
    Reader("jsonl", frozenset({".jsonl"}), _looks_like_jsonl, _read_jsonl),
    Reader("text", frozenset({".txt", ".text", ".md"}), lambda text: True, _read_text),
)
SUFFIXES: frozenset[str] = frozenset().union(*(reader.suffixes for reader in READERS))


def reader_for(name: str, text: str) -> Reader:
    """The reader of the suffix of `name`, or, when no reader has that suffix, the first whose sniff
    accepts `text` (plain text accepts anything)."""
    suffix = PurePath(name).suffix.lower()
    by_suffix = [reader for reader in READERS if suffix in reader.suffixes]
    return by_suffix[0] if by_suffix else next(reader for reader in READERS if reader.sniff(text))


def read_bytes(
    name: str, data: bytes, problems: ProblemLog, *, stem: str | None = None, flatten_datasets: bool = False
) -> list[Article]:
    """The articles of one input's bytes: decoded (`decode_bytes`), then read by `reader_for`.

    `name` is the file's path or name (problems and text articles' `source` carry it); `stem` is
    the id of a text or HTML article and the prefix of generated ids (default: the stem of
    `name`). Dataset cluster lines are refused with a pointer to `tomtat batch` unless
    `flatten_datasets`, which reads their articles. Nothing is raised: what cannot be used goes
    to `problems`. Binary bytes under a suffix no reader has are an unsupported file type.
    """
    path = PurePath(name)
    try:
        try:
            text = decode_bytes(data, name)
        except NotText:
            if path.suffix and path.suffix.lower() not in SUFFIXES:
                raise InputError(
                    f"unsupported file type {path.suffix.lower()!r}: give {', '.join(sorted(SUFFIXES))}", name
                ) from None
            raise
        return reader_for(name, text).read(text, name, path.stem if stem is None else stem, problems, flatten_datasets)
    except InputError as error:
        problems.add(error)
        return []
