"""Find time expressions: run every rule, keep the longest non-overlapping matches, join ranges."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

from tomtat.timex import dates, relative
from tomtat.timex.base import Context, Found
from tomtat.timex.values import Point, Timex, is_valid_date

RULES = dates.RULES + relative.RULES
# Between two expressions that form a range; "từ" before the first is part of the range.
_RANGE_LINK = re.compile(r"\s*(?:-|–|—|cho\s+đến|đến\s+hết|đến|tới)\s*", re.IGNORECASE)
_NIGHT_TO_DAWN = re.compile(r"\s*,?\s*")
_UNTIL_NOW = re.compile(r"\s*(?:cho\s+)?(?:đến|tới)\s+(?:nay|hiện\s+nay|hiện\s+tại|bây\s+giờ)(?!\w)", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"(?<!\w)(?:kể\s+)?từ\s+$", re.IGNORECASE)


def _candidates(context: Context) -> list[Found]:
    found = []
    for rule in RULES:
        for match in rule.pattern.finditer(context.text):
            if match.end() > match.start() and (candidate := rule.handler(match, context)) is not None:
                found.append(candidate)
    return found


def _longest_first(found: list[Found]) -> list[Found]:
    """Non-overlapping candidates, longer ones winning, in text order."""
    kept: list[Found] = []
    for candidate in sorted(found, key=lambda f: (f.start - f.end, f.start)):
        if all(candidate.end <= k.start or candidate.start >= k.end for k in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda f: f.start)


def _in_year_of(start: Point, end: Point) -> Point:
    """A start without a written year moved into the end's year (the year before when it would come after)."""
    for year in (end.year, end.year - 1):
        if start.precision in ("day", "month") and is_valid_date(year, start.month, start.day):
            moved = dataclasses.replace(start, year=year)
            if moved.first_day <= end.first_day:
                return moved
    return start


def _join(first: Found, second: Found, text: str) -> Found:
    start = first.start
    if (prefix := _FROM_BEFORE.search(text, 0, first.start)) is not None:
        start = prefix.start()
    point = first.point
    if point is not None and second.point is not None and not first.explicit_year:
        point = _in_year_of(point, second.point)
    if point is not None and second.point is not None and point.first_day > second.point.last_day:
        point = None
    return Found(start, second.end, "RANGE", point, second.point, explicit_year=second.explicit_year)


def _until_now(found: Found, end: int, published: dt.date | None) -> Found:
    point = found.point
    end_point = None if published is None or point is None else Point.of_day(published).truncated(point.precision)
    if point is not None and point.precision not in ("day", "month", "year"):
        end_point = Point.of_day(published) if published else None
    start = found.start
    return Found(start, end, "RANGE", point, end_point, explicit_year=found.explicit_year)


def _ranges(found: list[Found], context: Context) -> list[Found]:
    """Join "X đến Y", "X - Y", "đêm X rạng sáng Y" and "X đến nay" into ranges."""
    joined: list[Found] = []
    index = 0
    while index < len(found):
        current = found[index]
        following = found[index + 1] if index + 1 < len(found) else None
        now = _UNTIL_NOW.match(context.text, current.end)
        if current.type != "RANGE" and now is not None:
            current = _until_now(current, now.end(), context.published)
            if (prefix := _FROM_BEFORE.search(context.text, 0, current.start)) is not None:
                current.start = prefix.start()
        elif current.type != "RANGE" and following is not None and following.type != "RANGE":
            between = context.text[current.end : following.start]
            night_to_dawn = (
                current.point is not None and current.point.part in ("NI", "EV")
                and _NIGHT_TO_DAWN.fullmatch(between) is not None and context.lower.startswith("rạng", following.start)
            )
            link = night_to_dawn or _RANGE_LINK.fullmatch(between) is not None
            if link:
                current = _join(current, following, context.text)
                index += 1
        joined.append(current)
        index += 1
    return joined


def find_timexes(text: str, published: dt.date | None) -> list[Timex]:
    """Vietnamese time expressions in `text`, resolved against the publication date (None: relative ones unresolved).

    The text should be NFC (as `tomtat.clean` makes it); spans index into `text` itself.
    """
    context = Context(text, text.lower(), published)
    if len(context.lower) != len(text):
        context = Context(text, "".join(c.lower() if len(c.lower()) == 1 else c for c in text), published)
    found = _ranges(_longest_first(_candidates(context)), context)
    return [Timex(text[f.start : f.end], f.start, f.end, f.type, f.value, f.mod) for f in found]
