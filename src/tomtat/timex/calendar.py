"""Date arithmetic against a publication date: years of partial dates, weekdays, relative shifts."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from tomtat.timex.values import Point, add_months, is_valid_date

# How a partial date leans in time, read from its context.
FUTURE = "future"  # "ngày 16/3 tới": the next occurrence, on or after publication
PAST = "past"  # "thứ Hai vừa qua": the last occurrence, on or before publication
LEANS_FUTURE = "leans-future"  # "sẽ", "dự kiến" before it: nearest, the future preferred
DEFAULT = "default"  # news reports the past: nearest, the past preferred

# A date this many times farther in the disfavoured direction loses to the favoured one.
_DISFAVOUR = 2


def _distance(point: Point, published: dt.date, direction: str) -> float:
    if point.last_day < published:
        days, disfavoured = (published - point.last_day).days, direction == LEANS_FUTURE
    elif point.first_day > published:
        days, disfavoured = (point.first_day - published).days, direction == DEFAULT
    else:
        return 0
    return days * (_DISFAVOUR if disfavoured else 1)


def nearest(candidates: list[Point | None], published: dt.date, direction: str) -> Point | None:
    """The candidate (None ones skipped) that `direction` picks for a partial date."""
    points = [p for p in candidates if p is not None]
    if direction == FUTURE:
        ahead = [p for p in points if p.last_day >= published]
        return min(ahead, key=lambda p: p.first_day) if ahead else None
    if direction == PAST:
        behind = [p for p in points if p.first_day <= published]
        return max(behind, key=lambda p: p.first_day) if behind else None
    return min(points, key=lambda p: _distance(p, published, direction), default=None)


def place_in_year(make: Callable[[int], Point | None], published: dt.date, direction: str) -> Point | None:
    """The point `make(year)` that `direction` picks among the publication year and its neighbours."""
    return nearest([make(year) for year in (published.year - 1, published.year, published.year + 1)], published, direction)


def day_point(year: int, month: int, day: int, part: str | None = None) -> Point | None:
    """The day as a Point, None when it does not exist (31/4, 29/2/2023)."""
    return Point("day", year, month, day, part=part) if is_valid_date(year, month, day) else None


def weekday_date(published: dt.date, weekday: int, relation: str) -> dt.date:
    """The date of `weekday` (0 = Monday) in `relation` to publication.

    relation: "this-week", "last-week", "next-week" (ISO weeks, Monday first), "next" (strictly
    after), "last" (strictly before), or a calendar direction (nearest occurrence).
    """
    monday = published - dt.timedelta(days=published.weekday())
    weeks = {"this-week": 0, "last-week": -1, "next-week": 1}
    if relation in weeks:
        return monday + dt.timedelta(days=7 * weeks[relation] + weekday)
    ahead = (weekday - published.weekday()) % 7
    after = published + dt.timedelta(days=ahead or 7)
    before = published - dt.timedelta(days=(published.weekday() - weekday) % 7 or 7)
    if relation == "next":
        return after
    if relation == "last":
        return before
    if ahead == 0:
        return published
    candidates = [Point.of_day(after), Point.of_day(before)]
    return min(candidates, key=lambda p: _distance(p, published, relation)).first_day


def shift(published: dt.date, amount: int, unit: str) -> dt.date:
    """Publication date moved by `amount` days, weeks, months or years (negative: back)."""
    if unit == "day":
        return published + dt.timedelta(days=amount)
    if unit == "week":
        return published + dt.timedelta(weeks=amount)
    return add_months(published, amount * (12 if unit == "year" else 1))


def point_at(day: dt.date, precision: str) -> Point:
    """The point of the given precision that contains `day`."""
    if precision == "week":
        return Point.of_week(day)
    if precision == "quarter":
        return Point("quarter", day.year, quarter=(day.month - 1) // 3 + 1)
    return Point.of_day(day).truncated(precision)
