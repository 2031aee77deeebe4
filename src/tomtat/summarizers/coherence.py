"""Sentences that do not stand alone: they open by pointing back at something said before.

"Như đã đưa tin, ..." and "Ngoài ra, ..." refer to an earlier report or sentence (the opener is
trimmed, `tomtat.nlp.trim`); "Ông A cũng cho biết ..." needs the sentence before it, which said
what else was done: in a summary without that sentence it is a dangling reference.
"""
from __future__ import annotations

import re

from tomtat.nlp.trim import opens_with_back_reference

# A subject of a few words then "cũng" ("also"), before any comma: "Các quan chức ... cũng đã đồng ý".
_ALSO = re.compile(r"^[^,.;:!?]{0,80}?\bcũng\b", re.IGNORECASE)
_ATTRIBUTION = re.compile(r"^cũng (?:theo|tại|trong)\b", re.IGNORECASE)


def says_also(text: str) -> bool:
    """Whether `text`'s subject is followed by "cũng": it adds to something said before it.
    An opening "Cũng theo ông A" (an attribution) is not counted."""
    return bool(_ALSO.match(text)) and not _ATTRIBUTION.match(text)


def points_back(text: str) -> bool:
    """Whether `text` needs an earlier sentence to be understood."""
    return opens_with_back_reference(text) or says_also(text)
