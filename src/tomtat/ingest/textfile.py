"""Plain-text articles: first line the title, an optional dateline, then the body."""
from __future__ import annotations

from tomtat.ingest.dates import parse_dateline
from tomtat.model import Article
from tomtat.problems import InputError


def parse_text_article(text: str, article_id: str, path: str) -> Article:
    """Article from text whose first non-empty line is the title."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    nonempty = [i for i, line in enumerate(lines) if line.strip()]
    if not nonempty:
        raise InputError("no text in file", path)
    title_index = nonempty[0]
    body_start = title_index + 1
    date = None
    if len(nonempty) > 1:
        date = parse_dateline(lines[nonempty[1]])
        if date is not None:
            body_start = nonempty[1] + 1
    body = "\n".join(lines[body_start:]).strip()
    if not body:
        raise InputError("only a title line, no article body", path, title_index + 1)
    return Article(id=article_id, title=lines[title_index].strip(), text=body, date=date, source=path)
