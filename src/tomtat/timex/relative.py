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
# A count before "năm qua", "tháng sau": a length of time, or many periods, not one.
_COUNT_BEFORE = re.compile(r"(?<!\w)(?:\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mấy|vài|nhiều|những|các|chục|trăm|nghìn|ngàn|hàng|hằng|mỗi|từng|cả)\s*$")


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
    """tuần trước, tuần qua, tháng tới, năm ngoái, quý này, cuối tuần, đầu năm, cuối tháng này."""
    unit, relation, mod = group(match, "unit"), group(match, "rel"), group(match, "mod")
    if relation is None and (mod is None or _OTHER_YEARS.match(context.after(match.end()))):
        return None
    if mod is None and _COUNT_BEFORE.search(context.before(match.start())):
        return None  # "10 năm sau", "những năm qua", "hàng chục năm nay": counted, not one period
    offset = 0 if relation is None else P.UNIT_RELATIONS[unit].get(relation)
    if offset is None:
        return None
    if context.published is None:
        return atom(match, None)
    months = {"tháng": 1, "quý": 3, "năm": 12}.get(unit)
    day = shift(context.published, offset, "week") if months is None else shift(context.published, offset * months, "month")
    if unit == "tuần" and mod == "cuối":
        return atom(match, Point.of_week(day, weekend=True))
    return atom(match, point_at(day, P.UNITS[unit]), P.MODS.get(mod or ""))


def counted_units(match: re.Match, context: Context) -> Found | None:
    """2 ngày trước, cách đây 3 năm, cách nay gần 3 tháng: points back from publication (spans are `durations`)."""
    if group(match, "ago") is None and group(match, "rel") is None:
        return None
    count = int(match.group("n")) if match.group("n") else P.NUMBER_WORDS[group(match, "nw")]
    unit = "ngày" if group(match, "unit") == "hôm" else group(match, "unit")
    if unit == "thập kỷ":
        count, unit = count * 10, "năm"
    if context.published is None:
        return atom(match, None)
    return atom(match, point_at(shift(context.published, -count, P.UNITS[unit]), _PRECISION[P.UNITS[unit]]))


def weekday(match: re.Match, context: Context) -> Found | None:
    """thứ Hai tới, thứ 3 tuần trước, sáng chủ nhật, vào thứ Bảy; "thứ 2 thế giới" is an ordinal."""
    name, relation, part = group(match, "wd"), group(match, "rel"), part_of_day(match)
    number_word = match.group("wd").split()[-1]
    before = context.before(match.start())
    if _NOT_WEEKDAY_BEFORE.search(before) or re.match(r"\s+(?:liên tiếp|liền)(?!\w)", context.after(match.end())):
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
        rf"{P.W_START}(?:(?P<ago>cách\s+(?:đây|nay))\s+(?:(?:gần|hơn|khoảng|chừng|ngót)\s+)?)?"
        rf"(?:{P.NUM_START}(?P<n>\d{{1,3}})|(?P<nw>{P.alternation(P.NUMBER_WORDS)})){P.W_END}"
        r"\s*(?P<unit>ngày|hôm|tuần|tháng|năm|thập\s+kỷ)(?:\s+(?P<rel>trước))?"
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
