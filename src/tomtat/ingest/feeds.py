"""RSS and Atom feeds to `Article`s (no network: a feed is parsed from text already read)."""
from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING

from tomtat.model import Article
from tomtat.problems import InputError, ProblemLog

if TYPE_CHECKING:
    from feedparser import FeedParserDict

_BLOCKS = ("p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")


def looks_like_feed(text: str) -> bool:
    """Whether `text` starts as an RSS (0.9x, 1.0, 2.0) or Atom document."""
    head = text[:1024].lstrip().lower()
    if head.startswith("<?xml"):
        head = head[head.find("?>") + 2 :].lstrip() if "?>" in head else ""
    return head.startswith(("<rss", "<feed", "<rdf:rdf"))


def html_to_text(markup: str) -> str:
    """Text of an HTML fragment, one block per line; plain text comes back as it is."""
    if "<" not in markup:
        return markup.strip()
    import lxml.html  # here, not at the top: only feeds need it
    from lxml.etree import ParserError

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (ParserError, ValueError):  # ValueError: an XML declaration inside the fragment
        return ""
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    return "\n".join(line.strip() for line in root.text_content().split("\n") if line.strip())


def _date(entry: FeedParserDict) -> dt.date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return dt.date(*parsed[:3]) if parsed else None


def parse_feed(text: str, name: str, problems: ProblemLog, stem: str = "feed") -> list[Article]:
    """Entries of an RSS or Atom document: title, content (else summary), date, link as source.

    The text is already decoded, so the encoding its XML declaration names is ignored; an entry
    without id or link gets the id "stem:N".
    """
    import feedparser  # here, not at the top: start-up time

    # A stream, never a string: feedparser would fetch a string that looks like a URL.
    feed = feedparser.parse(io.BytesIO(text.encode("utf-8")),
                            response_headers={"content-type": "application/xml; charset=utf-8"})
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
        articles.append(Article(id=entry.get("id") or link or f"{stem}:{number}", title=title,
                                text=body or title, date=_date(entry), source=link))
    return articles
