"""Rules for calendar dates written out: days, months, quarters, years and their ranges."""
from __future__ import annotations

import dataclasses
import re

from tomtat.timex import patterns as P
from tomtat.timex.base import Context, Found, atom, compile_rule, direction, group, looks_like_fraction
from tomtat.timex.base import month_of, part_of_day, relative_year, this_year_said
from tomtat.timex.calendar import day_point, nearest, place_in_year
from tomtat.timex.values import Point, is_valid_date

# Words before a dotted or dashed day-month that make it a date ("hồi 19.5"); "từ 2-3" stays a count.
_DOT_CUES = re.compile(r"(?<!\w)(?:vào|hồi|dịp|hạn|kể từ|đến hết|hết|trước|sau)\s*$|\(\s*$")
# After a bare "a.b": a decimal or a version, not a date ("tăng 1.5 lần").
_NOT_DOT_DATE_AFTER = re.compile(r"\s*(?:triệu|tỷ|tỉ|nghìn|ngàn|điểm|độ|lần|giờ|phút|usd|đồng|%)(?!\w)")


def _has_cue(match: re.Match) -> bool:
    return any(group(match, name) for name in ("hh", "part", "wd", "cue", "from"))


def _day(match: re.Match, context: Context, day: int, month: int) -> Point | None:
    """The day in its explicit or relative year, else in the year its context picks; None unresolved."""
    part = part_of_day(match)
    if match.group("y"):
        return day_point(int(match.group("y")), month, day, part)
    year = relative_year(match, context.published)
    if year is None and context.published is not None and group(match, "dir") is None and this_year_said(context):
        year = context.published.year
    if year is not None:
        return day_point(year, month, day, part)
    if context.published is None:
        return None
    weekday = P.SUNDAY if group(match, "wd") == "chủ nhật" else P.WEEKDAYS.get((group(match, "wd") or "").split(" ")[-1])
    lean = direction(match, context)
    if weekday is not None:
        on_weekday = place_in_year(
            lambda y: p if (p := day_point(y, month, day, part)) and p.first_day.weekday() == weekday else None,
            context.published, lean,
        )
        if on_weekday is not None:
            return on_weekday
    return place_in_year(lambda y: day_point(y, month, day, part), context.published, lean)


def day_month(match: re.Match, context: Context) -> Found | None:
    """17/4, 17-4-2023, 19.5, sáng thứ Hai 17/4: with a year, a cue, or not in a fraction's context."""
    day, month = int(match.group("d")), month_of(match)
    if not is_valid_date(2000, month, day):
        return None
    separator = group(match, "sep")
    if separator is not None and not match.group("y") and not _has_cue(match):
        # A dashed day-month with day > month cannot be an ascending count range ("2-3 người").
        dashed_date = separator in "-–" and day > month and not P.SCORE_BEFORE.search(context.before(match.start(), 60))
        if separator in "-–" and not dashed_date and not _DOT_CUES.search(context.before(match.start())):
            return None
        if separator == "." and _NOT_DOT_DATE_AFTER.match(context.after(match.end())):
            return None
        if looks_like_fraction(match, context, match.group(0)):
            return None
    point = _day(match, context, day, month)
    if match.group("y") and point is None:
        return None
    return atom(match, point, explicit_year=bool(match.group("y")))


def day_only(match: re.Match, context: Context) -> Found | None:
    """"ngày 14," : the nearest 14th around publication."""
    day = int(match.group("d"))
    if context.published is None:
        return atom(match, None)
    pub = context.published
    months = [(pub.year * 12 + pub.month - 1 + shift) for shift in (-1, 0, 1)]
    candidates = [day_point(index // 12, index % 12 + 1, day, part_of_day(match)) for index in months]
    return atom(match, nearest(candidates, pub, direction(match, context)))


def _month_point(match: re.Match, context: Context, month: int) -> Point | None:
    if match.group("y"):
        return Point("month", int(match.group("y")), month)
    year = relative_year(match, context.published)
    if year is None and context.published is not None and group(match, "dir") is None and this_year_said(context):
        year = context.published.year
    if year is not None:
        return Point("month", year, month)
    if context.published is None:
        return None
    return place_in_year(lambda y: Point("month", y, month), context.published, direction(match, context))


def month(match: re.Match, context: Context) -> Found | None:
    """tháng 6/1998, tháng 6 năm 1998, đầu tháng 5, tháng Tư năm ngoái, tháng 5 tới."""
    if not match.group("y") and (
        re.search(r"(?<!\w)(?:mỗi|hằng|hàng|từng|các|mấy)\s*$", context.before(match.start()))
        or P.COUNT_AFTER.match(context.after(match.end()))
    ):
        return None
    mod = P.MODS.get(group(match, "mod") or "")
    return atom(match, _month_point(match, context, month_of(match)), mod, bool(match.group("y")))


def quarter(match: re.Match, context: Context) -> Found | None:
    """quý III/2023, quý 3 năm 2023, quý I năm nay, quý 4."""
    number = P.ROMAN.get(group(match, "q") or "") or int(match.group("q"))
    if match.group("y"):
        return atom(match, Point("quarter", int(match.group("y")), quarter=number), explicit_year=True)
    year = relative_year(match, context.published)
    if year is not None:
        return atom(match, Point("quarter", year, quarter=number))
    if context.published is None:
        return atom(match, None)
    return atom(match, place_in_year(lambda y: Point("quarter", y, quarter=number), context.published, direction(match, context)))


def year(match: re.Match, context: Context) -> Found | None:
    """năm 2018, cuối năm 2022, từ 2018, SN 1995, World Cup 2022; not a count ("2030 người") or a code."""
    if not match.group(0).lower().startswith(("năm", "đầu", "giữa", "cuối")):
        before, after = context.before(match.start()), context.after(match.end())
        if P.COUNT_AFTER.match(after) or P.NOT_DATE_AFTER.match(after) or re.match(r"\s*\d", after):
            return None
        if not P.CUE_BEFORE.search(before) and P.NOT_YEAR_BEFORE.search(before):
            return None
    mod = P.MODS.get(group(match, "mod") or "")
    return atom(match, Point("year", int(match.group("y"))), mod, explicit_year=True)


def night_span(match: re.Match, context: Context) -> Found | None:
    """đêm 18 bước sang ngày 19/9, đêm 18 rạng sáng 19/9: the night into the next day."""
    end = _day(match, context, int(match.group("d")), month_of(match))
    if end is None:
        return Found(match.start(), match.end(), "RANGE", None)
    end = dataclasses.replace(end, part=None)
    first = int(match.group("d1"))
    month_index = end.year * 12 + end.month - 1 - (first > end.day)
    start = day_point(month_index // 12, month_index % 12 + 1, first, "NI")
    return Found(match.start(), match.end(), "RANGE", start, end, explicit_year=bool(match.group("y")))


def day_range(match: re.Match, context: Context) -> Found | None:
    """từ 15 đến 17/4, 15-17/4, từ ngày 6 đến ngày 16/7: days of one month."""
    first, last, month_number = int(match.group("d1")), int(match.group("d")), month_of(match)
    if first >= last or not is_valid_date(2000, month_number, last):
        return None
    if not (match.group("y") or _has_cue(match)) and (match.group("sep") != "/" or looks_like_fraction(match, context, "")):
        return None
    end = _day(match, context, last, month_number)
    start = None if end is None else day_point(end.year, month_number, first)
    return Found(match.start(), match.end(), "RANGE", start, end, explicit_year=bool(match.group("y")))


def month_range(match: re.Match, context: Context) -> Found | None:
    """từ tháng 3 đến tháng 5/2023, tháng 3-5/2023."""
    first, last = month_of(match, "1"), month_of(match)
    if first >= last:
        return None
    end = _month_point(match, context, last)
    start = None if end is None else Point("month", end.year, first)
    return Found(match.start(), match.end(), "RANGE", start, end, explicit_year=bool(match.group("y")))


def year_range(match: re.Match, context: Context) -> Found | None:
    """năm 2018-2020, từ năm 2018 đến năm 2020, giai đoạn 2021-2025 (span from the first year)."""
    first, last = int(match.group("y1")), int(match.group("y2"))
    if first >= last:
        return None
    start = match.start() if group(match, "kw") in (None, "năm") else match.start("y1")
    return Found(start, match.end(), "RANGE", Point("year", first), Point("year", last), explicit_year=True)


_FROM = r"(?:(?P<from>từ)\s+)?"
_YEAR_AFTER = rf"(?:(?:\s*[/\-.]\s*|\s*,?\s+năm\s+)(?P<y>{P.YEAR}){P.NUM_END})?"
RULES = [
    compile_rule(
        "day-month",
        rf"{P.W_START}{P.DAY_PREFIX}{P.NUM_START}(?P<d>{P.DAY})(?P<sep>[/.\-])(?P<m>{P.MONTH})"
        rf"(?:(?P=sep)(?P<y>{P.YEAR}))?{P.NUM_END}{P.RELATIVE_YEAR}{P.DIRECTION}",
        day_month,
    ),
    compile_rule(
        "day-month-words",
        rf"{P.W_START}{P.DAY_PREFIX}{P.NUM_START}(?P<d>{P.DAY})\s+tháng\s+{P.month_token(P.NUM_END)}"
        rf"(?:(?:\s*[/,]\s*|\s*,?\s+năm\s+)(?P<y>{P.YEAR}){P.NUM_END})?{P.RELATIVE_YEAR}{P.DIRECTION}",
        day_month,
    ),
    compile_rule(
        "day-only",
        rf"{P.W_START}(?:(?P<part>{P.PART})\s+)?(?P<cue>ngày|hôm)\s+{P.NUM_START}(?P<d>{P.DAY}){P.NUM_END}"
        rf"(?=\s*[,;:)]|\.(?!\d)|\s+(?:tới|này|vừa\s+qua)(?!\w)){P.DIRECTION}",
        day_only,
    ),
    compile_rule(
        "month",
        rf"{P.W_START}{P.MOD}tháng\s+(?:(?P<m>{P.MONTH})|(?P<mw>{P.MONTH_NAME})(?!\w))"
        rf"(?:(?:\s*[/\-.]\s*|\s*,?\s+năm\s+)(?P<y>{P.YEAR}))?{P.NUM_END}{P.RELATIVE_YEAR}{P.DIRECTION}",
        month,
    ),
    compile_rule(
        "quarter",
        rf"{P.W_START}quý\s+(?P<q>iv|iii|ii|i|[1-4]){P.W_END}"
        rf"(?:(?:\s*[/\-]\s*|\s*,?\s+năm\s+)(?P<y>{P.YEAR}){P.NUM_END})?{P.RELATIVE_YEAR}{P.DIRECTION}",
        quarter,
    ),
    compile_rule("year", rf"{P.W_START}(?:{P.MOD}năm\s+)?{P.NUM_START}(?P<y>{P.YEAR}){P.NUM_END}", year),
    compile_rule(
        "night-span",
        rf"{P.W_START}(?P<part>đêm)\s+(?:ngày\s+)?{P.NUM_START}(?P<d1>{P.DAY})\s*,?\s*(?:bước\s+sang|sang|rạng\s+sáng|rạng)\s+(?:ngày\s+)?"
        rf"(?P<d>{P.DAY})(?P<sep>[/.\-])(?P<m>{P.MONTH})(?:(?P=sep)(?P<y>{P.YEAR}))?{P.NUM_END}",
        night_span,
    ),
    compile_rule(
        "day-range",
        rf"{P.W_START}{_FROM}(?:(?P<cue>ngày)\s+)?{P.NUM_START}(?P<d1>{P.DAY})\s*(?:-|–|đến\s+hết|đến|tới)\s*(?:ngày\s+)?"
        rf"(?P<d>{P.DAY})(?P<sep>[/.\-])(?P<m>{P.MONTH})(?:(?P=sep)(?P<y>{P.YEAR}))?{P.NUM_END}{P.DIRECTION}",
        day_range,
    ),
    compile_rule(
        "month-range",
        rf"{P.W_START}{_FROM}tháng\s+(?P<m1>{P.MONTH})\s*(?:-|–|đến|tới)\s*(?:tháng\s+)?(?P<m>{P.MONTH})"
        rf"{_YEAR_AFTER}{P.NUM_END}{P.DIRECTION}",
        month_range,
    ),
    compile_rule(
        "year-range",
        rf"{P.W_START}{_FROM}(?:(?P<kw>năm\s+học|năm|giai\s+đoạn|thời\s+kỳ|niên\s+khóa|nhiệm\s+kỳ|niên\s+độ)\s+)"
        rf"(?P<y1>{P.YEAR})\s*(?:-|–|đến|tới)\s*(?:năm\s+)?(?P<y2>{P.YEAR}){P.NUM_END}",
        year_range,
    ),
]
