"""Dated sentences: which time expression governs a sentence, and the event it makes."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from tomtat.timex import Timex, find_timexes, precision_of, value_days

# A time expression that dates the main clause: written with its own cue word, or after a
# preposition of time ("vào năm 2018", "kể từ năm 2018", "từ tháng 9/2017").
_OWN_CUE = re.compile(r"(?:ngày|hôm|sáng|trưa|chiều|tối|đêm|rạng|khuya|lúc|\d{1,2}\s*(?:h|giờ|:))", re.IGNORECASE)
_CUE_BEFORE = re.compile(r"(?<!\w)(?:vào|từ|kể từ|hồi|trong|cho đến|đến|tới|sau|trước|cuối|đầu|giữa|năm)\s*$", re.IGNORECASE)
# The clause holding an expression is subordinate ("trong đó ... phán quyết năm 2018"): not the sentence's date.
_SUBORDINATE = re.compile(r"(?<!\w)(?:trong đó|theo đó|mà)(?!\w)", re.IGNORECASE)
_CLAUSE_START = re.compile(r"[,;:(]")
# Only points of time date events; durations ("3 tháng qua") and sets ("hằng năm") never do.
POINT_TYPES = ("DATE", "TIME", "RANGE")
# Expressions within the first characters of a sentence (after "Trước đó," etc.) date it.
LEAD = 40


@dataclass
class Event:
    """A dated event: ISO date (at its precision), the best wording, the articles reporting it."""

    date: str
    precision: str
    text: str
    sources: list[str] = field(default_factory=list)
    background: bool = False

    @property
    def days(self) -> tuple[dt.date, dt.date]:
        """First and last calendar day of the event's date."""
        return value_days(self.date)


def _is_main(timex: Timex, sentence: str) -> bool:
    """Whether the expression dates the sentence's main clause rather than a noun inside it."""
    return timex.start <= LEAD or bool(_OWN_CUE.match(timex.text)) or bool(_CUE_BEFORE.search(sentence[: timex.start]))


def _in_subordinate_clause(timex: Timex, sentence: str) -> bool:
    clause = _CLAUSE_START.split(sentence[: timex.start])[-1]
    return bool(_SUBORDINATE.search(clause))


def governing_timex(sentence: str, timexes: list[Timex]) -> Timex | None:
    """The resolved expression dating the sentence: the first main-clause one, else the first one
    outside a subordinate clause ("trong đó", "mà"), else none."""
    resolved = [t for t in timexes if t.value is not None and t.type in POINT_TYPES]
    main = [t for t in resolved if _is_main(t, sentence)]
    if main:
        return main[0]
    return next((t for t in resolved if not _in_subordinate_clause(t, sentence)), None)


def event_date(value: str) -> str:
    """The date an event is filed under: a range's start, a time's day."""
    return value.split("/")[0].split("T")[0]


def sentence_event(sentence: str, published: dt.date | None, article_id: str) -> Event | None:
    """The event a sentence reports, or None when no resolved expression governs it."""
    timex = governing_timex(sentence, find_timexes(sentence, published))
    if timex is None or timex.value is None:
        return None
    date = event_date(timex.value)
    return Event(date, precision_of(date), sentence, [article_id])
