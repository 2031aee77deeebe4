"""Publication dates as they appear in article metadata and datelines."""
from __future__ import annotations

import datetime as dt
import re

DATELINE = re.compile(
    r"^(?:(?:thứ (?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ nhật),?\s*)?"
    r"(\d{1,2})/(\d{1,2})/(\d{4})(?:[ ,-]+\d{1,2}[:h]\d{2}(?::\d{2})?)?\s*(?:\(?GMT\s*\+\s*7\)?)?$",
    re.IGNORECASE,
)
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")


def parse_dateline(line: str) -> dt.date | None:
    """Date of a dateline such as "Thứ Hai, 17/04/2023 10:30 (GMT+7)", else None."""
    match = DATELINE.match(line.strip())
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date(value: str) -> dt.date:
    """ISO ("2023-04-17", with or without time) or day-first ("17/04/2023") date.

    Raises ValueError with the offending value when it is neither.
    """
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    match = _DMY.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            pass
    raise ValueError(f"unreadable date {value!r} (use YYYY-MM-DD)")
