"""HTML pages: main text through trafilatura; title and date from the page's own markup first.

Title: the page's `<h1>` when it says what trafilatura's title (og:title, `<title>`) says in other
words, else trafilatura's. Date: the page's publication metadata (`article:published_time`,
`datePublished`, `pubdate` ... and JSON-LD), read day-first unless written US-style with AM/PM,
then trafilatura's extensive search. A headline repeated as the first body line is dropped.
"""
from __future__ import annotations

import datetime as dt
import json
import re

from tomtat.clean import normalize_text
from tomtat.model import Article
from tomtat.nlp import syllables
from tomtat.problems import InputError

_DATE_META = ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
              "publish-date", "dc.date.issued", "dc.date", "date")
_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})\s+\d{1,2}:\d{2}(?::\d{2})?\s*([AP]M)\b", re.IGNORECASE)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
SAME_TITLE = 0.5  # share of the shorter title's syllables the other must hold to be the same headline


def looks_like_html(text: str) -> bool:
    """Whether `text` starts as an HTML page (or XHTML) or holds a `<body>` or `<article>` early on."""
    head = text[:1024].lstrip().lower()
    if head.startswith("<?xml"):
        return "<html" in head
    return head.startswith(("<!doctype html", "<html")) or "<body" in head or "<article" in head


def metadata_date(value: str) -> dt.date | None:
    """A publication date as pages write it: ISO, US-style with AM/PM ("3/24/2024 7:12:35 AM"),
    or day-first ("24/03/2024"); None when it is none of them."""
    text = value.strip()
    for pattern, order in ((_ISO_DATE, "ymd"), (_US_DATE, "mdy"), (_DAY_FIRST, "dmy")):
        match = pattern.match(text)
        if match:
            parts = dict(zip(order, (int(g) for g in match.groups()[:3])))
            try:
                return dt.date(parts["y"], parts["m"], parts["d"])
            except ValueError:
                return None
    return None


def _json_ld_dates(tree) -> list[str]:
    found = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except json.JSONDecodeError:
            continue
        items = data if isinstance(data, list) else [data]
        items += [x for item in items if isinstance(item, dict) for x in item.get("@graph", []) if isinstance(x, dict)]
        found += [str(item["datePublished"]) for item in items if isinstance(item, dict) and item.get("datePublished")]
    return found


def page_date(tree) -> dt.date | None:
    """The page's own publication date from its metadata, or None."""
    candidates: list[str] = []
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key in _DATE_META:
            candidates.append(meta.get("content"))
    candidates += _json_ld_dates(tree)
    candidates += [node.get("content") or node.get("datetime") or "" for node in tree.xpath(
        '//*[@itemprop="datePublished"]')]
    return next((date for date in map(metadata_date, candidates) if date is not None), None)


def _same_headline(first: str, second: str) -> bool:
    a, b = set(syllables(first)), set(syllables(second))
    return bool(a and b) and len(a & b) / min(len(a), len(b)) >= SAME_TITLE


def page_title(tree, extracted: str) -> str:
    """The article's `<h1>` when it rewords `extracted` (trafilatura's title), else `extracted`."""
    heading = next((" ".join(h.text_content().split()) for h in tree.xpath("//h1") if h.text_content().strip()), "")
    if heading and (not extracted or _same_headline(heading, extracted)):
        return heading
    return extracted


def _without_headline(text: str, titles: list[str]) -> str:
    """The body without a first line that repeats the headline."""
    first, _, rest = text.lstrip().partition("\n")
    wanted = {" ".join(normalize_text(t).split()).casefold() for t in titles if t}
    return rest if " ".join(normalize_text(first).split()).casefold() in wanted else text


def parse_html_article(html: str, article_id: str, path: str) -> Article:
    """Article from an HTML page; raises `InputError` when no main text can be found."""
    import lxml.html  # heavy imports, only for HTML input
    import trafilatura
    from lxml.etree import ParserError

    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params={"extensive_search": True, "original_date": True},
    )
    if document is None or not (document.text or "").strip():
        raise InputError("no article text found in the HTML (is it a news page?)", path)
    try:
        tree = lxml.html.document_fromstring(html)
    except (ParserError, ValueError):
        tree = None
    extracted_title = (document.title or "").strip()
    title = page_title(tree, extracted_title) if tree is not None else extracted_title
    date = page_date(tree) if tree is not None else None
    if date is None and document.date:
        date = metadata_date(document.date)
    return Article(
        id=article_id,
        title=title,
        text=_without_headline(document.text, [title, extracted_title]),
        date=date,
        source=document.url or document.sitename or path,
    )
