"""The same event told by several articles (or twice by one) becomes one event."""
from __future__ import annotations

import datetime as dt

from tomtat.nlp import stopwords, syllables
from tomtat.timeline.events import Event

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "half": 4, "year": 5, "decade": 6, "century": 7}


def content(text: str) -> frozenset[str]:
    """Lowercased syllables of a text without Vietnamese stopwords."""
    stop = stopwords()
    return frozenset(s for s in syllables(text) if s not in stop)


def overlap(first: frozenset[str], second: frozenset[str]) -> float:
    """|A ∩ B| / min(|A|, |B|): 1 when one wording is contained in the other."""
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


Days = tuple[dt.date, dt.date]


def _dates_agree(first: Days, second: Days) -> bool:
    """Whether one date lies within the other (16/3 within March 2023 within 2023)."""
    (a_start, a_end), (b_start, b_end) = first, second
    return (a_start <= b_start and b_end <= a_end) or (b_start <= a_start and a_end <= b_end)


def merge_events(events: list[Event], same_event: float) -> list[Event]:
    """Events merged when their dates agree and their wordings overlap by `same_event` (a share
    of the shorter wording's content syllables).

    The merged event keeps the most precise date, the longest wording and every source once.
    Each event is compared with the groups made so far (their days computed once).
    """
    groups: list[tuple[Event, Days, list[frozenset[str]]]] = []
    days_of: dict[str, Days] = {}
    for event in sorted(events, key=lambda e: _PRECISION_RANK[e.precision]):
        words = content(event.text)
        days = days_of.get(event.date) or days_of.setdefault(event.date, event.days)
        for merged, merged_days, wordings in groups:
            if _dates_agree(merged_days, days) and any(overlap(words, seen) >= same_event for seen in wordings):
                merged.sources.extend(s for s in event.sources if s not in merged.sources)
                if len(event.text) > len(merged.text):
                    merged.text = event.text
                wordings.append(words)
                break
        else:
            groups.append((Event(event.date, event.precision, event.text, list(event.sources)), days, [words]))
    return [merged for merged, _, _ in groups]
