"""Vietnamese temporal expressions: find them and normalise them to TIMEX3 / ISO-8601 values.

    >>> import datetime as dt
    >>> [(t.text, t.value) for t in find_timexes("Sáng 17/4, đoàn đến Seoul.", dt.date(2023, 4, 17))]
    [('Sáng 17/4', '2023-04-17TMO')]

Uses nothing else of tomtat, so it can be used alone.
"""
from tomtat.timex.finder import find_timexes
from tomtat.timex.values import Timex, precision_of, value_days

__all__ = ["Timex", "find_timexes", "precision_of", "value_days"]
