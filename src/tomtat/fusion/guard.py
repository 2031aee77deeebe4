"""The fact guard: every number, date and name of a generated sentence must be in the sources it cites.

Numbers are compared as values ("3,5 tỷ" = "3.5 tỷ đồng"), dates as TIMEX3 values from the
temporal tagger, names case- and tone-placement-insensitively against the sources' text, with
common abbreviations written out on both sides ("TPHCM" = "thành phố Hồ Chí Minh", "UBND" =
"Ủy ban nhân dân", "TW" = "Trung ương").
"""
from __future__ import annotations

import datetime as dt

from tomtat.clean import normalize_text
from tomtat.conflicts.numbers import find_numbers
from tomtat.entities import tag
from tomtat.nlp.abbreviations import expand
from tomtat.timex import find_timexes

_POINTS = ("DATE", "TIME", "RANGE")


def _fold(text: str) -> str:
    return normalize_text(text).lower()


def _dates(text: str, published: dt.date | None) -> tuple[set[str], list[tuple[int, int]]]:
    """The day-or-coarser values of the text's dated expressions, and their spans."""
    values, spans = set(), []
    for timex in find_timexes(text, published):
        spans.append((timex.start, timex.end))
        if timex.type in _POINTS and timex.value:
            values.add(timex.value.split("T")[0])
    return values, spans


def check(sentence: str, sources: list[str], published: dt.date | None = None) -> str | None:
    """None when `sentence` is backed by `sources`; else the reason, naming what is missing."""
    if not sources:
        return "cites no source sentence"
    source_text = " ".join(sources)
    dates, spans = _dates(sentence, published)
    source_dates, _ = _dates(source_text, published)
    missing_dates = sorted(d for d in dates if not any(s.startswith(d) or d.startswith(s) for s in source_dates))
    if missing_dates:
        return f"date not in sources: {', '.join(missing_dates)}"
    source_numbers = {n.value for n in find_numbers(source_text)}  # those inside dates too: "ngày 7" backs "7"
    missing_numbers = [n for n in find_numbers(sentence) if not any(s <= n.start < e for s, e in spans)
                       and n.value not in source_numbers]
    if missing_numbers:
        return f"number not in sources: {', '.join(n.text for n in missing_numbers)}"
    folded = (_fold(source_text), _fold(expand(source_text)))
    missing_names = [m.name for m in tag(sentence) if not any(_fold(form) in text for form in (m.name, expand(m.name))
                                                              for text in folded)]
    if missing_names:
        return f"name not in sources: {', '.join(missing_names)}"
    return None
