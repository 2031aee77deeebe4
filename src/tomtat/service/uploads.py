"""Uploaded files to articles, through the ingest registry (`tomtat.ingest.read_bytes`)."""
from __future__ import annotations

from pathlib import PurePath

from tomtat.ingest import read_bytes
from tomtat.model import Article
from tomtat.problems import ProblemLog
from tomtat.service.checks import ID_RULE, safe_id


class UploadError(ValueError):
    """An uploaded file that cannot be used."""


def articles_from_file(filename: str, data: bytes) -> list[Article]:
    """The articles of one uploaded file, read as `read_bytes` reads any file; `UploadError` when
    it cannot be used.

    A file is refused whole at its first problem (a bad JSONL line, a bad date...), so an upload
    is either added entirely or not at all. The file name is not a source: an article whose
    source would be the name (a text file, an HTML page without URL) has none. Ids (the file
    name's stem, a feed entry's id or link, a JSONL line's id) are made safe (`safe_id`).
    """
    name = PurePath(filename).name
    stem = safe_id(PurePath(name).stem)
    if not stem:
        raise UploadError(f"no article id can be made of the file name: rename the file with {ID_RULE}")
    problems = ProblemLog()
    articles = read_bytes(name, data, problems, stem=stem)
    if problems:
        first = problems[0]
        raise UploadError(first.message if first.line is None else f"line {first.line}: {first.message}")
    if not articles:
        raise UploadError("no article in the file")
    for article in articles:
        if article.source == name:
            article.source = None
        article.id = safe_id(article.id) or stem
    return articles
