"""RSS and Atom feed files to `Article`s (no network: a feed is read from a file or a string)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import feedparser
import lxml.html
from lxml.etree import ParserError

from tomtat.model import Article
from tomtat.problems import InputError, ProblemLog

FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
_BLOCKS = ("p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")


def html_to_text(markup: str) -> str:
    """Text of an HTML fragment, one block per line; plain text comes back as it is."""
    if "<" not in markup:
        return markup.strip()
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except ParserError:
        return ""
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    return "\n".join(line.strip() for line in root.text_content().split("\n") if line.strip())


def _date(entry: feedparser.FeedParserDict) -> dt.date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return dt.date(*parsed[:3]) if parsed else None


def parse_feed(text: str, name: str, problems: ProblemLog) -> list[Article]:
    """Entries of an RSS or Atom document: title, content (else summary), date, link as source."""
    feed = feedparser.parse(text)
    if not feed.entries:
        reason = f" ({feed.bozo_exception})" if feed.bozo else ""
        problems.add(InputError(f"no feed entries found{reason}: skipped", name))
        return []
    articles = []
    for number, entry in enumerate(feed.entries, start=1):
        contents = entry.get("content") or []
        body = html_to_text(contents[0].get("value", "") if contents else entry.get("summary", ""))
        title = html_to_text(entry.get("title", ""))
        if not body and not title:
            problems.add(InputError(f"feed entry {number} has no title or text: skipped", name))
            continue
        link = entry.get("link") or None
        articles.append(Article(id=entry.get("id") or link or f"{Path(name).stem}:{number}", title=title,
                                text=body or title, date=_date(entry), source=link))
    return articles


def read_feed(path: str, problems: ProblemLog) -> list[Article]:
    """Entries of the feed file at `path`; unreadable files are reported."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        problems.add(InputError(f"cannot read: {error.strerror}", path))
        return []
    return parse_feed(data.decode("utf-8", errors="replace"), path, problems)
