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
    An event meets, in the order they were made, only the groups whose dates agree with its
    date: groups are filed by their days, and which days agree is worked out once per date.
    """
    groups: list[tuple[Event, list[frozenset[str]]]] = []
    filed: dict[Days, list[int]] = {}  # days of a group -> the groups with those days
    agreeing: dict[Days, list[Days]] = {}  # days of an event -> the filed days that agree with them
    for event in sorted(events, key=lambda e: _PRECISION_RANK[e.precision]):
        words = content(event.text)
        days = event.days
        if days not in agreeing:
            agreeing[days] = [other for other in filed if _dates_agree(other, days)]
        candidates = sorted(g for other in agreeing[days] for g in filed[other])
        for g in candidates:
            merged, wordings = groups[g]
            if any(overlap(words, seen) >= same_event for seen in wordings):
                merged.sources.extend(s for s in event.sources if s not in merged.sources)
                if len(event.text) > len(merged.text):
                    merged.text = event.text
                wordings.append(words)
                break
        else:
            if days not in filed:
                filed[days] = []
                for seen, agree in agreeing.items():
                    if _dates_agree(days, seen):
                        agree.append(days)
            filed[days].append(len(groups))
            groups.append((Event(event.date, event.precision, event.text, list(event.sources)), [words]))
    return [merged for merged, _ in groups]
