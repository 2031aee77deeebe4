"""Dates of one event given differently: sentences of two articles worded alike, dated to different days."""
from __future__ import annotations

from typing import TYPE_CHECKING

from tomtat.model import Document
from tomtat.timeline.events import sentence_event
from tomtat.timeline.merge import content, overlap

if TYPE_CHECKING:
    from tomtat.conflicts import Conflict

SAME_EVENT = 0.8  # share of the shorter wording's content syllables two sentences must share


def date_conflicts(documents: list[Document]) -> list[Conflict]:
    """Day-precise events of different articles whose wordings overlap by `SAME_EVENT` but whose days differ."""
    from tomtat.conflicts import Conflict, ConflictValue

    events = []
    for index, document in enumerate(documents):
        for sentence in document.sentences:
            event = sentence_event(sentence.text, document.article.date, document.article.id)
            if event is not None and event.precision == "day":
                events.append((index, event, content(sentence.text)))
    conflicts = []
    for i, (first_doc, first, first_words) in enumerate(events):
        for second_doc, second, second_words in events[i + 1:]:
            if (first_doc != second_doc and first.date != second.date
                    and overlap(first_words, second_words) >= SAME_EVENT):
                values = [ConflictValue(e.date, [documents[d].article.id], [e.text], [d])
                          for d, e in sorted([(first_doc, first), (second_doc, second)], key=lambda p: p[1].date)]
                conflicts.append(Conflict("date", first.text[:60], values))
    return conflicts
