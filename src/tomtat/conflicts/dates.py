"""Dates of one event given differently: sentences of two articles worded alike, dated to different days.

A sentence's date is its governing expression's, a range whole: "từ đêm 2/11 đến rạng sáng 3/11"
covers 2 and 3 November, so it agrees with a sentence dated 3/11 (or 2/11); two dates disagree
only when neither lies within the other.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tomtat.model import Document
from tomtat.timeline.events import event_date, governing_timex
from tomtat.timeline.merge import content, overlap
from tomtat.timex import find_timexes, precision_of, value_days

if TYPE_CHECKING:
    from tomtat.conflicts import Conflict

SAME_EVENT = 0.8  # share of the shorter wording's content syllables two sentences must share


@dataclass(frozen=True)
class _Dated:
    document: int
    text: str
    date: str  # the day filed under: a range's first day
    days: tuple[dt.date, dt.date]  # first and last day covered, a range's end included
    words: frozenset[str]


def _dated(index: int, text: str, published: dt.date | None) -> _Dated | None:
    """The sentence with its governing expression's days, when that expression starts on a precise day."""
    timex = governing_timex(text, find_timexes(text, published))
    if timex is None or timex.value is None or precision_of(event_date(timex.value)) != "day":
        return None
    return _Dated(index, text, event_date(timex.value), value_days(timex.value), content(text))


def _within(first: tuple[dt.date, dt.date], second: tuple[dt.date, dt.date]) -> bool:
    """Whether one span of days lies within the other."""
    (a_start, a_end), (b_start, b_end) = first, second
    return (a_start <= b_start and b_end <= a_end) or (b_start <= a_start and a_end <= b_end)


def date_conflicts(documents: list[Document]) -> list[Conflict]:
    """Day-precise events of different articles whose wordings overlap by `SAME_EVENT` but whose
    days disagree (neither lies within the other)."""
    from tomtat.conflicts import Conflict, ConflictValue

    events = [dated for index, document in enumerate(documents) for sentence in document.sentences
              if (dated := _dated(index, sentence.text, document.article.date)) is not None]
    conflicts = []
    for i, first in enumerate(events):
        for second in events[i + 1:]:
            if (first.document != second.document and not _within(first.days, second.days)
                    and overlap(first.words, second.words) >= SAME_EVENT):
                values = [ConflictValue(e.date, [documents[e.document].article.id], [e.text], [e.document])
                          for e in sorted([first, second], key=lambda e: e.date)]
                conflicts.append(Conflict("date", first.text[:60], values))
    return conflicts
