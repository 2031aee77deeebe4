"""What every match of a pattern must hold, as a cheap pattern run first: a rule whose trigger
is not in a sentence (most rules, most sentences) cannot match it, so it is skipped.

From the parsed pattern: a run of literal characters, a digit class or a set of characters
one of which every match holds (a branch: what each alternative holds). The trigger ignores
case, so it finds at least what the pattern does. It is looked for as a substring of the
lower-cased sentence, unless the sentence holds a letter that `re` folds otherwise than
`str.lower` ("ı", "ſ" match "i", "s"; "İ" lowers to two characters): then by a pattern.
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

Pieces = frozenset[str]  # literal strings (or DIGIT), one of which every match holds
DIGIT = "\0digit"
_ZERO, _NINE = ord("0"), ord("9")
_FOLDED_OTHERWISE = frozenset("ıſİ")
_ANY_DIGIT = re.compile(r"\d")


def _set(av: list) -> Pieces | None:
    pieces = set()
    for op, arg in av:
        if op is C.LITERAL:
            pieces.add(chr(arg))
        elif (op is C.RANGE and _ZERO <= arg[0] and arg[1] <= _NINE) or (op is C.CATEGORY and arg is C.CATEGORY_DIGIT):
            pieces.add(DIGIT)
        else:
            return None
    return frozenset(pieces)


def _item(op: object, av: object) -> Pieces | None:
    """What every match of this pattern item holds (None when nothing is sure)."""
    if op is C.LITERAL:
        return frozenset({chr(av)})
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
    return min(1 if p == DIGIT else len(p) for p in pieces)


def _sequence(items: parser.SubPattern | list) -> Pieces | None:
    """The most telling requirement of a sequence: its longest literal run or an item's."""
    found: list[Pieces] = []
    run = ""
    for op, av in [*items, (None, None)]:
        if op is C.LITERAL:
            run += chr(av)
            continue
        if run:
            found.append(frozenset({run}))
            run = ""
        if op is not None and (pieces := _item(op, av)) is not None:
            found.append(pieces)
    return max(found, key=_strength, default=None)


class Trigger:
    """Something every match of a pattern holds, looked for in a sentence."""

    def __init__(self, pieces: Pieces) -> None:
        self.digit = DIGIT in pieces
        self.literals = tuple(sorted(p.lower() for p in pieces if p != DIGIT))
        self.safe = all(len(p) == len(p.lower()) for p in pieces)  # lower-casing keeps every piece whole
        self.pattern = re.compile("|".join(r"\d" if p == DIGIT else re.escape(p) for p in sorted(pieces)), re.IGNORECASE)

    def held_by(self, text: str, lowered: str, plain: bool) -> bool:
        """Whether `text` holds it; `lowered` is `text.lower()`, `plain` that no letter of it folds otherwise."""
        if not (plain and self.safe):
            return self.pattern.search(text) is not None
        return any(p in lowered for p in self.literals) or (self.digit and _ANY_DIGIT.search(text) is not None)


class Triggers:
    """The triggers of a list of rules, looked for together: each literal once per sentence."""

    def __init__(self, triggers: list[Trigger | None]) -> None:
        self.triggers = triggers
        self.literals = tuple(sorted({p for t in triggers if t is not None for p in t.literals}))

    def held(self, text: str) -> list[bool]:
        """Per rule, whether `text` holds its trigger (True for a rule without one)."""
        lowered, plain = text.lower(), is_plain(text)
        present = {p for p in self.literals if p in lowered}
        digit = _ANY_DIGIT.search(text) is not None
        held = []
        for needed in self.triggers:
            if needed is None:
                held.append(True)
            elif plain and needed.safe:  # what `held_by` does, with the literals looked for once
                held.append((needed.digit and digit) or not present.isdisjoint(needed.literals))
            else:
                held.append(needed.held_by(text, lowered, plain))
        return held


def is_plain(text: str) -> bool:
    """No letter of `text` is folded by `re` otherwise than by `str.lower`."""
    return _FOLDED_OTHERWISE.isdisjoint(text)


def trigger(pattern: re.Pattern[str]) -> Trigger | None:
    """What every match of `pattern` holds, ignoring case (None when nothing is sure)."""
    pieces = _sequence(parser.parse(pattern.pattern, pattern.flags))
    return Trigger(pieces) if pieces else None
