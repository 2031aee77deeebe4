"""The public `Timex` and the internal `Point`: one resolved calendar position, written as TIMEX3 values."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

TYPES = ("DATE", "TIME", "RANGE", "DURATION", "SET")
PRECISIONS = ("day", "week", "month", "quarter", "season", "half", "year", "decade", "century")
# TIMEX3 seasons and the months they start and end in (the end in the next year for winter).
SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


@dataclass
class Timex:
    """A time expression found in a text: its span, TIMEX3 type and ISO-8601 value (None: unresolved).

    DATE and TIME are points, RANGE a span between two points ("2023-04-15/2023-04-17"); DURATION
    ("P3M") and SET ("P1Y": every year) are lengths of time, never dates.
    `mod` is the TIMEX3 modifier of "đầu/giữa/cuối" expressions: "START", "MID" or "END".
    """

    text: str
    start: int
    end: int
    type: str
    value: str | None
    mod: str | None = None


@dataclass(frozen=True)
class Point:
    """A calendar position at one precision; `part` is a TIMEX3 part of day (MO, MI, AF, EV, NI) or "hh:mm".

    `code` names a season ("SU") or a half year ("H1"); a decade's or century's `year` is its first year.
    """

    precision: str
    year: int
    month: int = 1
    day: int = 1
    week: int = 0
    quarter: int = 0
    part: str | None = None
    weekend: bool = False
    code: str = ""

    @classmethod
    def of_day(cls, day: dt.date, part: str | None = None) -> Point:
        return cls("day", day.year, day.month, day.day, part=part)

    @classmethod
    def of_week(cls, day: dt.date, weekend: bool = False) -> Point:
        year, week, _ = day.isocalendar()
        return cls("week", year, week=week, weekend=weekend)

    @property
    def value(self) -> str:
        if self.precision == "year":
            return f"{self.year:04d}"
        if self.precision in ("season", "half"):
            return f"{self.year:04d}-{self.code}"
        if self.precision == "decade":
            return f"{self.year // 10:03d}"
        if self.precision == "century":
            return f"{self.year // 100:02d}"
        if self.precision == "quarter":
            return f"{self.year:04d}-Q{self.quarter}"
        if self.precision == "month":
            return f"{self.year:04d}-{self.month:02d}"
        if self.precision == "week":
            return f"{self.year:04d}-W{self.week:02d}" + ("-WE" if self.weekend else "")
        day = f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.part is None:
            return day
        return f"{day}T{self.part}"

    @property
    def first_day(self) -> dt.date:
        """The first calendar day the point covers."""
        if self.precision == "week":
            return dt.date.fromisocalendar(self.year, self.week, 6 if self.weekend else 1)
        if self.precision == "quarter":
            return dt.date(self.year, 3 * self.quarter - 2, 1)
        if self.precision == "season":
            return dt.date(self.year, SEASONS[self.code][0], 1)
        if self.precision == "half":
            return dt.date(self.year, 1 if self.code == "H1" else 7, 1)
        if self.precision in ("decade", "century"):
            return dt.date(self.year, 1, 1)
        return dt.date(self.year, self.month, self.day)

    @property
    def last_day(self) -> dt.date:
        """The last calendar day the point covers."""
        if self.precision == "day":
            return self.first_day
        if self.precision == "week":
            return dt.date.fromisocalendar(self.year, self.week, 7)
        if self.precision == "year":
            return dt.date(self.year, 12, 31)
        if self.precision in ("decade", "century"):
            return dt.date(self.year + (9 if self.precision == "decade" else 99), 12, 31)
        if self.precision == "half":
            return dt.date(self.year, 6, 30) if self.code == "H1" else dt.date(self.year, 12, 31)
        if self.precision == "season":
            start, end = SEASONS[self.code]
            return add_months(dt.date(self.year + (end < start), end, 1), 1) - dt.timedelta(days=1)
        last_month = 3 * self.quarter if self.precision == "quarter" else self.month
        return add_months(dt.date(self.year, last_month, 1), 1) - dt.timedelta(days=1)

    def truncated(self, precision: str) -> Point:
        """The point at a coarser precision (day -> month -> year)."""
        if precision == "year":
            return Point("year", self.year)
        if precision == "month" and self.precision == "day":
            return Point("month", self.year, self.month)
        return self


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole months, the day of month clamped to the new month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        if candidate <= day.day and is_valid_date(year, month, candidate):
            return dt.date(year, month, candidate)
    raise ValueError(f"no day in {year}-{month}")


def is_valid_date(year: int, month: int, day: int) -> bool:
    """Whether year-month-day exists in the Gregorian calendar."""
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def precision_of(value: str) -> str:
    """The precision of a TIMEX3 value written by this package ("2023-W11" -> "week"); ranges: their start."""
    start = value.split("/")[0].split("T")[0]
    if start[5:] in SEASONS:
        return "season"
    if "-W" in start:
        return "week"
    if "-Q" in start:
        return "quarter"
    if "-H" in start:
        return "half"
    if len(start) in (2, 3):
        return "century" if len(start) == 2 else "decade"
    if len(start) == 4:
        return "year"
    if len(start) == 7:
        return "month"
    return "day"


def value_days(value: str) -> tuple[dt.date, dt.date]:
    """First and last calendar day a value written by this package covers (a range: start to end)."""
    start, _, end = value.partition("/")
    return _point_of(start).first_day, _point_of(end or start).last_day


def _point_of(value: str) -> Point:
    day_part = value.split("T")[0]
    if day_part[5:] in SEASONS or day_part[5:] in ("H1", "H2"):
        return Point("season" if day_part[5:] in SEASONS else "half", int(day_part[:4]), code=day_part[5:])
    if "-W" in day_part:
        year, _, week = day_part.partition("-W")
        return Point("week", int(year), week=int(week[:2]), weekend=week.endswith("-WE"))
    if "-Q" in day_part:
        year, number = day_part.split("-Q")
        return Point("quarter", int(year), quarter=int(number))
    if len(day_part) in (2, 3):
        return Point("century" if len(day_part) == 2 else "decade", int(day_part) * 10 ** (4 - len(day_part)))
    fields = [int(f) for f in day_part.split("-")]
    precision = {1: "year", 2: "month", 3: "day"}[len(fields)]
    return Point(precision, *fields)
