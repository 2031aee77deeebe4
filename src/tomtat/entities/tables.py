"""The tagger's phrase tables, and the layout of a text it reads them through: its tokens and,
for each word, whether it joins the word before, can start anything, and which tables have a
phrase starting with it (one bit per table, so most look-ups end on one AND)."""
from __future__ import annotations

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
from tomtat.entities.tokens import Phrases, Token, tokenize

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
    """The layout of `text`."""
    tokens = tokenize(text)
    words = [t.text for t in tokens]
    joined = [False] * bool(words) + [text[a.end:b.start] in {" ", ""} for a, b in zip(tokens, tokens[1:])]
    lowered = [w.lower() for w in words]
    return Layout(
        tokens, words, joined,
        starts=[w[0].isupper() or low in _STARTS for w, low in zip(words, lowered)],
        bits=[_WORD_BITS.get(w, 0) for w in lowered],
        misc=[low in _MISC_STARTS or (low[0] == "u" and misc.is_team(w)) for w, low in zip(words, lowered)],
    )
