"""Which patterns can only match text that holds a digit: a rule that needs one is skipped on
sentences without any (most sentences), with the same results."""
from __future__ import annotations

import re
import sys

if sys.version_info >= (3, 11):
    from re import _constants as C  # noqa: N812
    from re import _parser as parser
else:
    import sre_constants as C  # noqa: N812
    import sre_parse as parser

_ZERO, _NINE = ord("0"), ord("9")


def _item(op: object, av: object) -> bool:
    """Every match of this pattern item holds a digit (False when unsure)."""
    if op is C.LITERAL:
        return _ZERO <= av <= _NINE
    if op is C.IN:
        return all((o is C.LITERAL and _ZERO <= a <= _NINE) or (o is C.RANGE and _ZERO <= a[0] and a[1] <= _NINE)
                   or (o is C.CATEGORY and a is C.CATEGORY_DIGIT) for o, a in av)
    if op is C.SUBPATTERN:
        return _sequence(av[-1])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        return av[0] >= 1 and _sequence(av[2])
    if op is C.BRANCH:
        return all(_sequence(branch) for branch in av[1])
    if op is C.ASSERT:
        return av[0] == 1 and _sequence(av[1])  # a lookahead: the text holds what it looks for
    return False


def _sequence(items: parser.SubPattern | list) -> bool:
    return any(_item(op, av) for op, av in items)


def needs_digit(pattern: re.Pattern[str]) -> bool:
    """Whether every match of `pattern` holds a digit ([0-9] or \\d)."""
    return _sequence(parser.parse(pattern.pattern, pattern.flags))
