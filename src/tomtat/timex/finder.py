"""Find time expressions: run every rule, keep the longest non-overlapping matches, join ranges."""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re

from tomtat.timex import dates, durations, periods, relative
from tomtat.timex.base import Context, Found
from tomtat.timex.triggers import Triggers, trigger
from tomtat.timex.values import Point, Timex, is_valid_date

RULES = dates.RULES + periods.RULES + relative.RULES + durations.RULES
_TRIGGERS = Triggers([trigger(rule.pattern) for rule in RULES])  # what each rule's matches hold
POINT_TYPES = ("DATE", "TIME")
# Between two expressions that form a range; "từ" before the first is part of the range.
_RANGE_LINK = re.compile(r"\s*(?:-|–|—|cho\s+đến|đến\s+hết|đến|tới)\s*", re.IGNORECASE)
_NIGHT_TO_DAWN = re.compile(r"\s*,?\s*")
_UNTIL_NOW = re.compile(r"\s*(?:cho\s+)?(?:đến|tới)\s+(?:nay|hiện\s+nay|hiện\s+tại|bây\s+giờ)(?!\w)", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"(?<!\w)(?:kể\s+)?từ\s+$", re.IGNORECASE)
# How far before an expression or a quote its cue word is looked for (the longest cue is under 20 characters).
_CUE_WINDOW = 40
# A quoted title of a song, film or book: what it says are not dates ("Cô gái đến từ hôm qua").
_QUOTED = re.compile(r"[“\"‘]([^“”\"‘’\n]{1,80})[”\"’]")
_TITLE_BEFORE = re.compile(
    r"(?<!\w)(?:phim|bộ phim|bài hát|ca khúc|bài|ca|nhạc phẩm|tác phẩm|cuốn|sách|tiểu thuyết|truyện|album|mv|vở|"
    r"chương trình|show|tựa|mang tên|có tên|tên là)\s*$",
    re.IGNORECASE,
)


def _candidates(context: Context) -> list[Found]:
    found = []
    for rule, held in zip(RULES, _TRIGGERS.held(context.text)):
        if not held:
            continue
        for match in rule.pattern.finditer(context.text):
            if match.end() > match.start() and (candidate := rule.handler(match, context)) is not None:
                found.append(candidate)
    return found


def _longest_first(found: list[Found]) -> list[Found]:
    """Non-overlapping candidates, longer ones winning, in text order."""
    kept: list[Found] = []  # in text order, never overlapping
    starts: list[int] = []
    for candidate in sorted(found, key=lambda f: (f.start - f.end, f.start)):
        place = bisect.bisect_left(starts, candidate.start)
        clear_before = place == 0 or kept[place - 1].end <= candidate.start
        clear_after = place == len(kept) or candidate.end <= kept[place].start
        if clear_before and clear_after:
            kept.insert(place, candidate)
            starts.insert(place, candidate.start)
    return kept


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
    if (prefix := _FROM_BEFORE.search(text, max(0, first.start - _CUE_WINDOW), first.start)) is not None:
        start = prefix.start()
    point = first.point
    if point is not None and second.point is not None and not first.explicit_year:
        point = _in_year_of(point, second.point)
    if point is not None and second.point is not None and point.first_day > second.point.last_day:
        point = None
    return Found(start, second.end, "RANGE", point, second.point, explicit_year=second.explicit_year)


def _elapsed(point: Point, mod: str | None, published: dt.date) -> str | None:
    """The TIMEX3 duration from `point` to publication ("từ năm 2007 đến nay" -> "P16Y")."""
    start = point.first_day
    if start > published:
        return None
    if point.precision == "year" and mod != "START":
        return f"P{published.year - point.year}Y"
    if point.precision in ("day", "week"):
        return f"P{(published - start).days}D"
    return f"P{(published.year - start.year) * 12 + published.month - start.month}M"


def _until_now(found: Found, end: int, published: dt.date | None) -> Found:
    """"X đến nay" is the length of time since X: a DURATION, not a date."""
    value = None if published is None or found.point is None else _elapsed(found.point, found.mod, published)
    return Found(found.start, end, "DURATION", None, value_text=value)


def _titles(context: Context) -> list[tuple[int, int]]:
    """Spans of quoted titles: after "phim", "bài hát" ..., or short capitalised quotes without punctuation."""
    spans = []
    for match in _QUOTED.finditer(context.text):
        inside = match.group(1)
        titled = _TITLE_BEFORE.search(context.text, max(0, match.start() - _CUE_WINDOW), match.start()) is not None
        if titled or (inside[:1].isupper() and len(inside.split()) <= 8 and not re.search(r"[.,;:!?]", inside)):
            spans.append((match.start(), match.end()))
    return spans


def _ranges(found: list[Found], context: Context) -> list[Found]:
    """Join "X đến Y", "X - Y", "đêm X rạng sáng Y" and "X đến nay" into ranges."""
    joined: list[Found] = []
    index = 0
    while index < len(found):
        current = found[index]
        following = found[index + 1] if index + 1 < len(found) else None
        now = _UNTIL_NOW.match(context.text, current.end)
        if current.type in POINT_TYPES and now is not None:
            current = _until_now(current, now.end(), context.published)
            if (prefix := _FROM_BEFORE.search(context.text, max(0, current.start - _CUE_WINDOW), current.start)) is not None:
                current.start = prefix.start()
        elif current.type in POINT_TYPES and following is not None and following.type in POINT_TYPES:
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
    candidates = _candidates(context)
    if titles := _titles(context):
        candidates = [c for c in candidates if not any(a <= c.start < b for a, b in titles)]
    found = _ranges(_longest_first(candidates), context)
    return [Timex(text[f.start : f.end], f.start, f.end, f.type, f.value, f.mod) for f in found]
