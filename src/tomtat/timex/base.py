"""What every rule shares: the text being read, the found candidate, context checks."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from tomtat.timex import patterns as P
from tomtat.timex.calendar import DEFAULT, FUTURE, LEANS_FUTURE, PAST
from tomtat.timex.values import Point

_CLAUSE_END = re.compile(r"[.;!?\n]")


@dataclass
class Context:
    """The text being read (and its lowercase copy, same offsets) and its publication date."""

    text: str
    lower: str
    published: dt.date | None

    def before(self, start: int, width: int = 30) -> str:
        """Lowercase text just before `start`, within its clause."""
        window = self.lower[max(0, start - width) : start]
        return _CLAUSE_END.split(window)[-1]

    def after(self, end: int, width: int = 30) -> str:
        """Lowercase text just after `end`."""
        return self.lower[end : end + width]

    @cached_property
    def says_this_year(self) -> bool:
        """Whether the text says "năm nay" (looked for once per text, not once per expression)."""
        return P.THIS_YEAR.search(self.lower) is not None


@dataclass
class Found:
    """A candidate expression: span, type and resolved point(s); `point` None means unresolved."""

    start: int
    end: int
    type: str
    point: Point | None
    end_point: Point | None = None
    mod: str | None = None
    explicit_year: bool = False
    value_text: str | None = None  # the value of a DURATION or SET, which has no point

    @property
    def value(self) -> str | None:
        if self.value_text is not None:
            return self.value_text
        if self.point is None:
            return None
        if self.type == "RANGE":
            return None if self.end_point is None else f"{self.point.value}/{self.end_point.value}"
        return self.point.value


def atom(match: re.Match, point: Point | None, mod: str | None = None, explicit_year: bool = False) -> Found:
    """A DATE, or a TIME when the point has a time of day, spanning the whole match."""
    kind = "TIME" if point is not None and point.part else "DATE"
    return Found(match.start(), match.end(), kind, point, mod=mod, explicit_year=explicit_year)


def group(match: re.Match, name: str) -> str | None:
    """A named group's text, squeezed and lowercased; None when the pattern has no such group or it did not match."""
    if name not in match.re.groupindex or match.group(name) is None:
        return None
    return P.squeeze(match.group(name))


def direction(match: re.Match, context: Context) -> str:
    """How a partial date leans: its own "tới"/"vừa qua", else "sẽ"/"dự kiến" earlier in its clause."""
    word = group(match, "dir")
    if word in P.FUTURE_WORDS:
        return FUTURE
    if word in P.PAST_WORDS:
        return PAST
    if P.FUTURE_CONTEXT.search(context.before(match.start(), 60)):
        return LEANS_FUTURE
    return DEFAULT


def part_of_day(match: re.Match) -> str | None:
    """TIMEX3 time of the expression: "hh:mm" from a clock, else a part-of-day code."""
    part = P.PARTS.get(group(match, "part") or "")
    hours = group(match, "hh")
    if hours is None:
        return part
    hour = int(hours)
    if hour < 12 and (part in ("AF", "EV") or (part == "NI" and hour >= 6)):
        hour += 12
    return f"{hour:02d}:{int(group(match, 'mm') or 0):02d}"


def month_of(match: re.Match, suffix: str = "") -> int:
    """The month of a `patterns.month_token`, by number or by name."""
    number = match.group(f"m{suffix}")
    if number is not None:
        return int(number)
    return P.MONTH_NAMES[" ".join(match.group(f"mw{suffix}").split())]


def relative_year(match: re.Match, published: dt.date | None) -> int | None:
    """The year "năm nay/ngoái/tới" after an expression names, None without it or a publication date."""
    word = group(match, "ryear")
    if word is None or published is None:
        return None
    return published.year + P.UNIT_RELATIONS["năm"][word]


def this_year_said(context: Context) -> bool:
    """Whether the text says "năm nay": a partial date in it is in the publication year."""
    return context.says_this_year


def looks_like_fraction(match: re.Match, context: Context, text: str) -> bool:
    """Whether a cue-less "a/b" reads as a score, fraction, code, address or "24/7"."""
    return (
        text in P.IDIOMS
        or bool(P.NOT_DATE_BEFORE.search(context.before(match.start(), 25)))
        or bool(P.NOT_DATE_AFTER.match(context.after(match.end())))
    )


@dataclass(frozen=True)
class Rule:
    """A named pattern and the handler that checks and resolves its matches (None: not a time expression)."""

    name: str
    pattern: re.Pattern
    handler: Callable[[re.Match, Context], Found | None]


def compile_rule(name: str, pattern: str, handler: Callable[[re.Match, Context], Found | None]) -> Rule:
    """A Rule with its pattern compiled case-insensitively."""
    return Rule(name, re.compile(pattern, re.IGNORECASE), handler)
