"""Rules for calendar periods other than days, months and quarters: seasons, half years, decades, centuries."""
from __future__ import annotations

import datetime as dt
import re

from tomtat.timex import patterns as P
from tomtat.timex.base import Context, Found, atom, compile_rule, group, relative_year
from tomtat.timex.values import Point

_SEASON_CODES = {"xuân": "SP", "hè": "SU", "hạ": "SU", "thu": "FA", "đông": "WI"}
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def _season_around(code: str, published: dt.date, relation: str) -> Point:
    """The season named by "vừa qua" (the last one begun before publication), "tới" (the next) or "này"."""
    this = Point("season", published.year, code=code)
    if code == "WI" and published.month <= 2:
        this = Point("season", published.year - 1, code=code)
    if relation in ("vừa qua", "qua", "trước") and this.first_day > published:
        return Point("season", this.year - 1, code=code)
    if relation in ("tới", "sắp tới") and this.first_day <= published:
        return Point("season", this.year + 1, code=code)
    return this


def season(match: re.Match, context: Context) -> Found | None:
    """mùa hè 2022, mùa xuân năm tới, mùa hè vừa qua, mùa đông này."""
    code = _SEASON_CODES[group(match, "s")]
    if match.group("y"):
        return atom(match, Point("season", int(match.group("y")), code=code), explicit_year=True)
    year = relative_year(match, context.published)
    if year is not None:
        return atom(match, Point("season", year, code=code))
    if context.published is None:
        return atom(match, None)
    return atom(match, _season_around(code, context.published, group(match, "rel") or "này"))


def half_year(match: re.Match, context: Context) -> Found | None:
    """nửa đầu năm nay, 6 tháng đầu năm 2022, 6 tháng cuối năm: H1 / H2."""
    code = "H1" if group(match, "h") == "đầu" else "H2"
    if match.group("y"):
        return atom(match, Point("half", int(match.group("y")), code=code), explicit_year=True)
    year = relative_year(match, context.published)
    if year is None and context.published is not None:
        year = context.published.year
    return atom(match, None if year is None else Point("half", year, code=code))


def decade(match: re.Match, context: Context) -> Found | None:
    """những năm 1960, thập niên 90, thời kỳ 1990: the decade."""
    digits = match.group("dec")
    first = int(digits) if len(digits) == 4 else 1900 + int(digits)
    return atom(match, Point("decade", first), explicit_year=True)


def century(match: re.Match, context: Context) -> Found | None:
    """thế kỷ 19, thế kỷ XXI: TIMEX3 "18", "20"."""
    text = group(match, "c")
    number = int(text) if text.isdigit() else _roman(text)
    if not 1 <= number <= 30:
        return None
    return atom(match, Point("century", (number - 1) * 100), explicit_year=True)


def old_year(match: re.Match, context: Context) -> Found | None:
    """năm 1826, cuối năm 1789: years before 1900 need "năm"."""
    return atom(match, Point("year", int(match.group("y"))), P.MODS.get(group(match, "mod") or ""), explicit_year=True)


def _roman(text: str) -> int:
    values = [_ROMAN[c] for c in text]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


_YEAR = rf"(?:(?:\s*,?\s+năm|\s*,?)\s+(?P<y>{P.YEAR}){P.NUM_END})"
_RYEAR = r"\s*,?\s+năm\s+(?P<ryear>nay|này|ngoái|trước|qua|tới|sau)(?!\w)(?!\s+đó)"
RULES = [
    compile_rule(
        "season",
        rf"{P.W_START}mùa\s+(?P<s>xuân|hè|hạ|thu|đông){P.W_END}"
        rf"(?:{_YEAR}|{_RYEAR}|\s+(?P<rel>vừa\s+qua|sắp\s+tới|này|tới|qua|trước)(?!\w))",
        season,
    ),
    compile_rule(
        "half-year",
        rf"{P.W_START}(?:nửa|6\s+tháng|sáu\s+tháng)\s+(?P<h>đầu|cuối)\s+năm{P.W_END}"
        rf"(?:\s+(?P<ryear>nay|này|ngoái|trước|qua|tới|sau)(?!\w)|\s+(?P<y>{P.YEAR}){P.NUM_END})?(?!\s+(?:học|tài))",
        half_year,
    ),
    compile_rule(
        "decade",
        rf"{P.W_START}(?:(?:những|các)\s+năm|thập\s+(?:kỷ|niên)(?:\s+năm)?|thời\s+kỳ(?:\s+năm)?)\s+"
        rf"(?P<dec>(?:1[5-9]|20)\d0|[1-9]0){P.NUM_END}(?!\s*(?:-|–|đến|tới)\s*\d)",
        decade,
    ),
    compile_rule("century", rf"{P.W_START}thế\s+kỷ\s+(?P<c>\d{{1,2}}|[ivxl]+){P.W_END}", century),
    compile_rule("old-year", rf"{P.W_START}{P.MOD}năm\s+(?P<y>1[0-8]\d\d){P.NUM_END}(?!\s*(?:người|km|m|tấn|đồng))", old_year),
]
