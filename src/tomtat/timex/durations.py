"""Rules for lengths of time and repetitions, never dates: "3 tháng qua" (DURATION P3M), "hằng năm" (SET P1Y)."""
from __future__ import annotations

import re

from tomtat.timex import patterns as P
from tomtat.timex.base import Context, Found, compile_rule, group

# Unit word -> (TIMEX3 letter, multiple, clock unit: written after "PT").
UNITS = {
    "giây": ("S", 1, True), "phút": ("M", 1, True), "giờ": ("H", 1, True), "tiếng": ("H", 1, True),
    "ngày": ("D", 1, False), "tuần": ("W", 1, False), "tháng": ("M", 1, False), "quý": ("M", 3, False),
    "năm": ("Y", 1, False), "thập kỷ": ("Y", 10, False), "thập niên": ("Y", 10, False), "thế kỷ": ("Y", 100, False),
}
HALF = {"giờ": "PT30M", "tiếng": "PT30M", "ngày": "PT12H", "tháng": "P15D", "năm": "P6M", "thập kỷ": "P5Y", "thế kỷ": "P50Y"}
# "mỗi X" / "hằng X" -> the TIMEX3 value of the set.
SET_VALUES = {
    "ngày": "P1D", "tuần": "P1W", "tháng": "P1M", "năm": "P1Y", "quý": "P3M", "giờ": "PT1H",
    "sáng": "XXXX-XX-XXTMO", "trưa": "XXXX-XX-XXTMI", "chiều": "XXXX-XX-XXTAF", "tối": "XXXX-XX-XXTEV", "đêm": "XXXX-XX-XXTNI",
}
_CLOCK_CUE_BEFORE = re.compile(r"(?<!\w)(?:gần|hơn|mất|suốt|trong|kéo dài|sau|trước|chỉ|khoảng\s+\d+\s*-)\s*$")
# Before a counted unit: an ordinal, an article number or a clock ("tháng 5", "lần 3", "6 giờ 40 phút").
_NOT_COUNT_BEFORE = re.compile(
    r"(?<!\w)(?:tháng|quý|thứ|lần|số|lớp|điều|khoản|chương|phần|kỳ|khóa|mục|hạng|top|đợt|phiên|giờ|tập|bài|mã)\s*$|[\d/.:]\s*$"
)


def duration_value(count: int | None, unit: str) -> str:
    """The TIMEX3 value of `count` units ("P3M", "PT2H"); None count means half a unit."""
    if count is None:
        return HALF.get(unit, "PXY")
    letter, multiple, clock = UNITS[unit]
    return f"{'PT' if clock else 'P'}{count * multiple}{letter}"


def counted(match: re.Match, context: Context) -> Found | None:
    """7 ngày, 3 tháng qua, 10 năm trở lại đây, một tháng nữa, gần 2 giờ, 24 tiếng, nửa giờ, cả thập kỷ."""
    unit = group(match, "unit")
    before = context.before(match.start())
    if _NOT_COUNT_BEFORE.search(before):
        return None
    if unit == "giờ" and not (group(match, "rel") or _CLOCK_CUE_BEFORE.search(before) or group(match, "liền")):
        return None
    word = group(match, "nw")
    if word == "nửa":
        count = None
    elif word is not None:
        count = 1 if word == "cả" else P.NUMBER_WORDS[word]
    else:
        count = int(match.group("n2") or match.group("n"))
    return Found(match.start(), match.end(), "DURATION", None, value_text=duration_value(count, unit))


def repeated(match: re.Match, context: Context) -> Found | None:
    """hằng năm, hàng ngày, mỗi tuần, mỗi buổi chiều, mỗi thứ Hai: sets of times."""
    unit = group(match, "unit")
    if unit.startswith("thứ") or unit == "chủ nhật":
        day = P.SUNDAY if unit == "chủ nhật" else P.WEEKDAYS[unit.split()[-1]]
        return Found(match.start(), match.end(), "SET", None, value_text=f"XXXX-WXX-{day + 1}")
    return Found(match.start(), match.end(), "SET", None, value_text=SET_VALUES[unit.split()[-1]])


_UNIT = P.alternation(UNITS)
_COUNT = rf"(?:{P.NUM_START}(?P<n>\d{{1,4}})(?:\s*[-–]\s*(?P<n2>\d{{1,4}}))?|(?P<nw>{P.alternation(set(P.NUMBER_WORDS) | {'nửa', 'cả'})}))"
RULES = [
    compile_rule(
        "duration",
        rf"{P.W_START}{_COUNT}{P.W_END}\s*(?P<unit>{_UNIT}){P.W_END}"
        r"(?:\s+(?P<rel>gần\s+đây|vừa\s+qua|trở\s+lại\s+đây|sắp\s+tới|tới\s+đây|qua|tới|nữa|nay)|\s+(?P<liền>liền|liên\s+tục))?"
        rf"{P.W_END}(?!\s+(?:tuổi|đến\s+\d+\s+tuổi|\d)|\s*[/.,]\d)",
        counted,
    ),
    compile_rule(
        "set",
        rf"{P.W_START}(?:hằng|hàng|mỗi|từng)\s+(?P<unit>ngày|tuần|tháng|năm|quý|giờ|(?:buổi\s+)?(?:sáng|trưa|chiều|tối|đêm)|{P.WEEKDAY})"
        rf"{P.W_END}(?!\s+trời)",
        repeated,
    ),
]
