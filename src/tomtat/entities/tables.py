"""The tagger's phrase tables, and the layout of a text it reads them through: its tokens and,
for each word, whether it joins the word before, can start anything, and which tables have a
phrase starting with it (one bit per table, so most look-ups end on one AND)."""
from __future__ import annotations

from itertools import repeat
from operator import itemgetter, or_
from typing import NamedTuple

from tomtat.entities import misc
from tomtat.entities.gazetteer import (
    ORG_HEADS,
    ORG_LINKS,
    ORG_NAMES,
    ORG_QUALIFIERS,
    ORG_TRIGGERS,
    PERSON_TITLES,
    PLACE_TRIGGERS,
    PLACE_WORDS,
    PLACES,
    PORTFOLIOS,
)
from tomtat.entities.tokens import Phrases, Token, token_parts, tokenize

TITLES = Phrases(PERSON_TITLES)
PLACE_WORD_TABLE = Phrases(PLACE_WORDS)
PLACE_TRIGGER_TABLE = Phrases(PLACE_TRIGGERS)
ORG_HEAD_TABLE = Phrases(ORG_HEADS)
ORG_QUALIFIER_TABLE = Phrases(ORG_QUALIFIERS)
ORG_LINK_TABLE = Phrases(ORG_LINKS)
ORG_TRIGGER_TABLE = Phrases(ORG_TRIGGERS)
PORTFOLIO_TABLE = Phrases(PORTFOLIOS)
PLACE_TABLE = Phrases(PLACES)
ORG_NAME_TABLE = Phrases(ORG_NAMES)

# Lower-cased first words of every phrase a step looks for at its token: a lower-case token
# outside them (and no "(" or "tiếng") starts nothing.
_STARTS = frozenset().union(*(table.lower for table in (
    TITLES, PLACE_WORD_TABLE, PLACE_TRIGGER_TABLE, ORG_HEAD_TABLE, ORG_TRIGGER_TABLE, ORG_NAME_TABLE, *misc.TABLES,
))) | {"(", "tiếng"}
_JOINING = frozenset({" ", ""})  # the space between two words on one line
_MISC_STARTS = frozenset().union(*(table.lower for table in misc.TABLES))
BITS = {table: 1 << k for k, table in enumerate((
    TITLES, PLACE_WORD_TABLE, PLACE_TRIGGER_TABLE, ORG_HEAD_TABLE, ORG_QUALIFIER_TABLE, ORG_LINK_TABLE,
    ORG_TRIGGER_TABLE, PORTFOLIO_TABLE, PLACE_TABLE, ORG_NAME_TABLE,
))}
_WORD_BITS: dict[str, int] = {}
for _table, _bit in BITS.items():
    for _word in _table.lower:
        _WORD_BITS[_word] = _WORD_BITS.get(_word, 0) | _bit


class Layout(NamedTuple):
    """A text's tokens and what the tagger needs to know of each word."""

    tokens: list[Token]
    words: list[str]
    joined: list[bool]  # word k follows word k-1 on the same line
    starts: list[bool]  # a step at word k may find something
    bits: list[int]  # the tables with a phrase starting with word k (lower-cased)
    misc: list[bool]  # a MISC name or youth team may start at word k


def lay_out(text: str) -> Layout:
    """The layout of `text` (built with C-level maps: a big story has a million tokens)."""
    parts = token_parts(text)
    words, gaps = parts[1::2], parts[0::2]
    lowered = list(map(str.lower, words))
    misc_starts = list(map(_MISC_STARTS.__contains__, lowered))
    for k in [k for k, low in enumerate(lowered) if low[0] == "u"]:
        misc_starts[k] = misc_starts[k] or misc.is_team(words[k])
    return Layout(
        tokenize(text, parts), words,
        joined=[False] * bool(words) + list(map(_JOINING.__contains__, gaps[1:len(words)])),
        starts=list(map(or_, map(str.isupper, map(itemgetter(0), words)), map(_STARTS.__contains__, lowered))),
        bits=list(map(_WORD_BITS.get, lowered, repeat(0))),
        misc=misc_starts,
    )
