"""HTML pages: main text, title and date through trafilatura."""
from __future__ import annotations

import datetime as dt

from tomtat.model import Article
from tomtat.problems import InputError


def looks_like_html(text: str) -> bool:
    """Whether `text` starts as an HTML page (or XHTML) or holds a `<body>` or `<article>` early on."""
    head = text[:1024].lstrip().lower()
    if head.startswith("<?xml"):
        return "<html" in head
    return head.startswith(("<!doctype html", "<html")) or "<body" in head or "<article" in head


def parse_html_article(html: str, article_id: str, path: str) -> Article:
    """Article from an HTML page; raises `InputError` when no main text can be found."""
    import trafilatura  # heavy import, only for HTML input

    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None or not (document.text or "").strip():
        raise InputError("no article text found in the HTML (is it a news page?)", path)
    date = None
    if document.date:
        try:
            date = dt.date.fromisoformat(document.date[:10])
        except ValueError:
            date = None
    return Article(
        id=article_id,
        title=(document.title or "").strip(),
        text=document.text,
        date=date,
        source=document.url or document.sitename or path,
    )
