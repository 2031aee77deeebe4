"""Rules for expressions relative to publication: hôm qua, tuần trước, 3 tháng qua, thứ Hai tới."""
from __future__ import annotations

import datetime as dt
import re

from tomtat.timex import patterns as P
from tomtat.timex.base import Context, Found, atom, compile_rule, direction, group, part_of_day
from tomtat.timex.calendar import point_at, shift, weekday_date
from tomtat.timex.values import Point

_PRECISION = {"day": "day", "week": "week", "month": "month", "year": "year", "quarter": "quarter"}
# "thứ Hai tuần trước" etc. -> a relation of `calendar.weekday_date`.
_WEEKDAY_RELATIONS = {
    "tuần này": "this-week", "này": "this-week",
    "tuần trước": "last-week", "tuần qua": "last-week", "tuần vừa qua": "last-week",
    "tuần tới": "next-week", "tuần sau": "next-week",
    "tới": "next", "vừa qua": "last", "qua": "last", "trước": "last",
}
# Words after "đầu/cuối năm" that make it another kind of year: "cuối năm học", "đầu năm mới".
_OTHER_YEARS = re.compile(r"\s*(?:học|tài|mới|âm|dương|thứ|\d)")
# Before a weekday number: an ordinal or a repetition, not a day ("lần thứ 2", "mỗi thứ Hai").
_NOT_WEEKDAY_BEFORE = re.compile(r"(?<!\w)(?:mỗi|hằng|hàng|các|lần|hạng|đứng|xếp|vị trí|giải)\s*$")


def _range(match: re.Match, start: dt.date, end: dt.date) -> Found:
    return Found(match.start(), match.end(), "RANGE", Point.of_day(start), Point.of_day(end))


def relative_day(match: re.Match, context: Context) -> Found | None:
    """hôm nay, hôm qua, hôm kia, ngày mai, ngày kia; sáng nay, tối qua, chiều mai."""
    words, part = group(match, "rel"), part_of_day(match)
    if words in P.DAY_OFFSETS:
        offset = P.DAY_OFFSETS[words]
    elif part is not None:
        offset = P.PART_DAY_OFFSETS[words]
    else:
        return None
    if context.published is None:
        return atom(match, None)
    return atom(match, Point.of_day(context.published + dt.timedelta(days=offset), part))


def relative_unit(match: re.Match, context: Context) -> Found | None:
    """tuần trước, tháng tới, năm ngoái, quý này, cuối tuần, đầu năm, cuối tháng này; "tuần qua" is a range."""
    unit, relation, mod = group(match, "unit"), group(match, "rel"), group(match, "mod")
    if relation is None and (mod is None or _OTHER_YEARS.match(context.after(match.end()))):
        return None
    offset = 0 if relation is None else P.UNIT_RELATIONS[unit].get(relation)
    if relation == "qua" and mod is not None:  # "cuối tuần qua": the end of last week, not a range
        offset = -1
    if offset is None and not (relation == "qua" and unit in ("tuần", "tháng")):
        return None
    if context.published is None:
        return atom(match, None)
    if offset is None:
        return _range(match, shift(context.published, -1, P.UNITS[unit]), context.published)
    months = {"tháng": 1, "quý": 3, "năm": 12}.get(unit)
    day = shift(context.published, offset, "week") if months is None else shift(context.published, offset * months, "month")
    if unit == "tuần" and mod == "cuối":
        return atom(match, Point.of_week(day, weekend=True))
    return atom(match, point_at(day, P.UNITS[unit]), P.MODS.get(mod or ""))


def counted_units(match: re.Match, context: Context) -> Found | None:
    """2 ngày trước, cách đây 3 năm (points); 3 tháng qua, 5 năm gần đây, 10 ngày tới (ranges to/from publication)."""
    relation = group(match, "rel")
    ago = group(match, "ago") is not None
    if not ago and relation is None:
        return None
    count = int(match.group("n")) if match.group("n") else P.NUMBER_WORDS[group(match, "nw")]
    unit = group(match, "unit")
    if unit == "thập kỷ":
        count, unit = count * 10, "năm"
    unit = P.UNITS[unit]
    if context.published is None:
        kind = "RANGE" if relation in ("qua", "gần đây", "vừa qua", "tới", "sắp tới") and not ago else "DATE"
        return Found(match.start(), match.end(), kind, None)
    pub = context.published
    if ago or relation == "trước":
        return atom(match, point_at(shift(pub, -count, unit), _PRECISION[unit]))
    if relation == "nữa":
        return atom(match, point_at(shift(pub, count, unit), _PRECISION[unit]))
    if relation in ("tới", "sắp tới"):
        return _range(match, pub, shift(pub, count, unit))
    return _range(match, shift(pub, -count, unit), pub)


def weekday(match: re.Match, context: Context) -> Found | None:
    """thứ Hai tới, thứ 3 tuần trước, sáng chủ nhật, vào thứ Bảy; "thứ 2 thế giới" is an ordinal."""
    name, relation, part = group(match, "wd"), group(match, "rel"), part_of_day(match)
    number_word = match.group("wd").split()[-1]
    before = context.before(match.start())
    if _NOT_WEEKDAY_BEFORE.search(before):
        return None
    clear = name == "chủ nhật" or (number_word[0].isupper() and number_word.isalpha())
    if not (clear or relation or part or P.CUE_BEFORE.search(before)):
        return None
    if context.published is None:
        return atom(match, None)
    day_index = P.SUNDAY if name == "chủ nhật" else P.WEEKDAYS[name.split()[-1]]
    how = _WEEKDAY_RELATIONS.get(relation or "") or direction(match, context)
    return atom(match, Point.of_day(weekday_date(context.published, day_index, how), part))


_UNIT_RELATION_WORDS = P.alternation({word for table in P.UNIT_RELATIONS.values() for word in table} | {"qua"})
RULES = [
    compile_rule(
        "relative-day",
        rf"{P.W_START}(?:(?P<part>{P.PART})\s+)?(?P<rel>{P.alternation(set(P.DAY_OFFSETS) | set(P.PART_DAY_OFFSETS))}){P.W_END}",
        relative_day,
    ),
    compile_rule(
        "relative-unit",
        rf"{P.W_START}{P.MOD}(?P<unit>tuần|tháng|năm|quý)(?:\s+(?P<rel>{_UNIT_RELATION_WORDS}))?{P.W_END}"
        r"(?!\s+(?:đó|nữa))",
        relative_unit,
    ),
    compile_rule(
        "counted-units",
        rf"{P.W_START}(?:(?P<ago>cách\s+đây)\s+)?(?:{P.NUM_START}(?P<n>\d{{1,3}})|(?P<nw>{P.alternation(P.NUMBER_WORDS)})){P.W_END}"
        r"\s*(?P<unit>ngày|tuần|tháng|năm|thập\s+kỷ)(?:\s+(?P<rel>gần\s+đây|vừa\s+qua|sắp\s+tới|trước|qua|tới|nữa))?"
        rf"{P.W_END}(?!\s+đó)",
        counted_units,
    ),
    compile_rule(
        "weekday",
        rf"{P.W_START}(?:(?P<part>{P.PART})\s+)?(?P<wd>{P.WEEKDAY}){P.W_END}"
        r"(?:\s+(?P<rel>tuần\s+vừa\s+qua|tuần\s+này|tuần\s+trước|tuần\s+qua|tuần\s+tới|tuần\s+sau|vừa\s+qua|tới|này|qua|trước)"
        rf"{P.W_END}(?!\s+đó))?",
        weekday,
    ),
]
