"""A story's timeline: dated events from every article, merged across articles, in date order.

Background rule: an event is background when its date ends more than `TimelineOptions.background_days`
before the story's earliest publication date (or, with no publication date at all, before its latest event).
"""
from __future__ import annotations

import datetime as dt

from tomtat.model import Document
from tomtat.options import TimelineOptions
from tomtat.problems import InputError, ProblemLog
from tomtat.timeline.events import Event, sentence_event
from tomtat.timeline.merge import merge_events

__all__ = ["Event", "build_timeline"]


def _story_start(documents: list[Document], events: list[Event]) -> dt.date | None:
    published = [d.article.date for d in documents if d.article.date is not None]
    if published:
        return min(published)
    return max((e.days[1] for e in events), default=None)


def build_timeline(
    documents: list[Document], options: TimelineOptions | None = None, problems: ProblemLog | None = None
) -> list[Event]:
    """Dated events of prepared documents, merged and sorted by date (then precision, then text).

    Articles without a publication date keep only absolute dates; each is reported to `problems`.
    """
    events: list[Event] = []
    for document in documents:
        article = document.article
        if article.date is None and problems is not None:
            problems.note(InputError(f"article {article.id} has no publication date: relative dates left unresolved", article.source or ""))
        for sentence in document.sentences:
            event = sentence_event(sentence.text, article.date, article.id)
            if event is not None:
                events.append(event)
    options = options or TimelineOptions()
    merged = merge_events(events, options.same_event)
    start = _story_start(documents, merged)
    for event in merged:
        event.background = start is not None and event.days[1] < start - dt.timedelta(days=options.background_days)
    return sorted(merged, key=lambda e: (e.days[0], -(e.days[1] - e.days[0]).days, e.text))
