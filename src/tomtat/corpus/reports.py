"""Per story of a corpus: label, dates, articles, and the summary, timeline and entities asked for."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from tomtat.corpus.sources import ArticleRecord, article_key
from tomtat.options import Options


def story_key(story_id: str) -> int:
    """The shuffle key of a story (a stable 32-bit hash of its id; a shared key is sorted out after)."""
    from sklearn.utils import murmurhash3_32

    return murmurhash3_32(story_id, seed=0, positive=True)


def story_rows(partition: list[ArticleRecord], story_of: dict[str, str]) -> list[tuple[str, ArticleRecord]]:
    """(story id, record) of each record in the partition."""
    return [(story_of[record.article.id], record) for record in partition]


def story_reports(options: Options, parts: Iterable[str]) -> Callable[[int, list[tuple[str, ArticleRecord]]], list[dict[str, Any]]]:
    """The reducer of the stories sharing a key: one record (`story_record`) each."""
    parts = tuple(parts)

    def report(_key: int, rows: list[tuple[str, ArticleRecord]]) -> list[dict[str, Any]]:
        stories: dict[str, list[ArticleRecord]] = {}
        for story_id, record in rows:
            stories.setdefault(story_id, []).append(record)
        return [story_record(story_id, stories[story_id], options, parts) for story_id in sorted(stories)]

    return report


def story_record(story_id: str, records: list[ArticleRecord], options: Options, parts: tuple[str, ...]) -> dict[str, Any]:
    """`{"id", "label", "first_date", "last_date", "articles", "summary", "sentences", "timeline",
    "entities"}` of one story; a part not asked for is null. The label is the earliest titled headline."""
    from tomtat import report_data, summarize_story

    records = sorted(records, key=lambda r: article_key(r.article.id, r.article.date))
    articles = [r.article for r in records]
    dates = sorted(a.date for a in articles if a.date is not None)
    record: dict[str, Any] = {
        "id": story_id,
        "label": next((r.features.title for r in records if r.features.title), story_id),
        "first_date": dates[0].isoformat() if dates else None,
        "last_date": dates[-1].isoformat() if dates else None,
        "articles": [a.id for a in articles],
        "summary": None, "sentences": None, "timeline": None, "entities": None,
    }
    if not parts:
        return record
    data = report_data(summarize_story(articles, options, parts))
    if isinstance(data, list):  # the timeline alone
        record["timeline"] = data
        return record
    if "summary" in parts:
        record["summary"] = data["text"]
        record["sentences"] = data["sentences"]
    record["timeline"] = data.get("timeline")
    record["entities"] = data.get("entities")
    return record
