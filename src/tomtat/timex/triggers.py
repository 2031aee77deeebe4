"""What every match of a pattern must hold, as a cheap pattern run first: a rule whose trigger
is not in a sentence (most rules, most sentences) cannot match it, so it is skipped.

From the parsed pattern: a run of literal characters, a digit class or a set of characters
one of which every match holds (a branch: what each alternative holds). The trigger ignores
case, so it finds at least what the pattern does.
"""
from __future__ import annotations

import re
import sys

if sys.version_info >= (3, 11):
    from re import _constants as C  # noqa: N812
    from re import _parser as parser
else:
    import sre_constants as C  # noqa: N812
    import sre_parse as parser

Pieces = frozenset[str]  # regex pieces, one of which every match holds
_ZERO, _NINE = ord("0"), ord("9")


def _set(av: list) -> Pieces | None:
    pieces = set()
    for op, arg in av:
        if op is C.LITERAL:
            pieces.add(re.escape(chr(arg)))
        elif (op is C.RANGE and _ZERO <= arg[0] and arg[1] <= _NINE) or (op is C.CATEGORY and arg is C.CATEGORY_DIGIT):
            pieces.add(r"\d")
        else:
            return None
    return frozenset(pieces)


def _item(op: object, av: object) -> Pieces | None:
    """What every match of this pattern item holds (None when nothing is sure)."""
    if op is C.LITERAL:
        return frozenset({re.escape(chr(av))})
    if op is C.IN:
        return _set(av)
    if op is C.SUBPATTERN:
        return _sequence(av[-1])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        return _sequence(av[2]) if av[0] >= 1 else None
    if op is C.BRANCH:
        branches = [_sequence(branch) for branch in av[1]]
        return None if any(b is None for b in branches) else frozenset().union(*branches)
    if op is C.ASSERT and av[0] == 1:  # a lookahead: the text holds what it looks for
        return _sequence(av[1])
    return None


def _strength(pieces: Pieces) -> int:
    return min(len(re.sub(r"\\(.)", r"\1", p)) if p != r"\d" else 1 for p in pieces)


def _sequence(items: parser.SubPattern | list) -> Pieces | None:
    """The most telling requirement of a sequence: its longest literal run or an item's."""
    found: list[Pieces] = []
    run = ""
    for op, av in [*items, (None, None)]:
        if op is C.LITERAL:
            run += chr(av)
            continue
        if run:
            found.append(frozenset({re.escape(run)}))
            run = ""
        if op is not None and (pieces := _item(op, av)) is not None:
            found.append(pieces)
    return max(found, key=_strength, default=None)


def trigger(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern that finds, ignoring case, something every match of `pattern` holds (None if none)."""
    pieces = _sequence(parser.parse(pattern.pattern, pattern.flags))
    return re.compile("|".join(sorted(pieces)), re.IGNORECASE) if pieces else None
