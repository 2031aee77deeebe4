"""Uploaded files to articles: .txt (first line the title), .html (trafilatura), .jsonl."""
from __future__ import annotations

from pathlib import PurePath

from tomtat.ingest.decode import decode_bytes
from tomtat.ingest.html import parse_html_article
from tomtat.ingest.jsonl import read_article_lines
from tomtat.ingest.textfile import parse_text_article
from tomtat.model import Article
from tomtat.problems import ProblemLog

SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".jsonl")


class UploadError(ValueError):
    """An uploaded file that cannot be used."""


def articles_from_file(filename: str, data: bytes) -> list[Article]:
    """The articles of one uploaded file; InputError or UploadError when it cannot be used.

    A .txt or .html file is one article whose id is the file's stem; a .jsonl file holds one
    article per line and is refused whole if any line is bad.
    """
    name = PurePath(filename).name
    stem, suffix = PurePath(name).stem, PurePath(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise UploadError(f"unsupported file type {suffix or '(none)'!r}: give {', '.join(SUFFIXES)}")
    text = decode_bytes(data, name)
    if suffix == ".jsonl":
        problems = ProblemLog()
        articles = read_article_lines(text, name, stem, problems)
        if problems:
            raise UploadError(str(problems[0]))
        if not articles:
            raise UploadError("no article in the file")
        return articles
    if suffix in (".html", ".htm"):
        article = parse_html_article(text, stem, name)
        article.source = article.source if article.source != name else None
        return [article]
    article = parse_text_article(text, stem, name)
    article.source = None
    return [article]
