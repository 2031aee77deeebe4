"""Names spelled two ways: names of one story one letter or only diacritics apart ("Hải" / "Hài")."""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from typing import TYPE_CHECKING

from tomtat.entities import tag
from tomtat.model import Document

if TYPE_CHECKING:
    from tomtat.conflicts import Conflict


def _bare(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable.lower().replace("đ", "d").replace("Đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _one_edit(a: str, b: str) -> bool:
    """Whether two different strings are one substitution, insertion or deletion apart."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def variants(a: str, b: str) -> bool:
    """Whether two names differ in one word only, and that word only by its diacritics or by one
    letter (of a word of three letters or more; of six or more for a one-word name), and not in
    a one-letter code of a hyphenated word."""
    left, right = a.lower().split(), b.lower().split()
    if left == right or len(left) != len(right):
        return False
    differing = [(x, y) for x, y in zip(left, right) if x != y]
    if len(differing) != 1:
        return False
    x, y = differing[0]
    if re.sub(r"\W", "", x) == re.sub(r"\W", "", y) or re.search(r"\d", x + y):
        return False  # "V-League" / "V.League" is one spelling; "A320" / "A321" two things
    if min(len(x), len(y)) < (3 if len(left) > 1 else 6):
        return False
    if any(p != q and min(len(p), len(q)) == 1 for p, q in zip(x.split("-"), y.split("-"))):
        return False  # "J-League" / "V-League": a letter code, not a spelling
    return _bare(x) == _bare(y) or _one_edit(x, y)


def name_conflicts(documents: list[Document]) -> list[Conflict]:
    """Pairs of names, each in its own article, that `variants` says are one name spelled two ways."""
    from tomtat.conflicts import Conflict, ConflictValue

    seen: dict[str, dict[int, str]] = defaultdict(dict)  # name -> document -> first sentence
    for index, document in enumerate(documents):
        for sentence in document.sentences:
            for mention in tag(sentence.text):
                seen[mention.name].setdefault(index, sentence.text)
    names = sorted(seen)
    pairs = [(first, second) for i, first in enumerate(names) for second in names[i + 1:]
             if variants(first, second) and set(seen[first]) != set(seen[second])]
    # "Mansoor" / "Mansour" is told by "Mullah Akhtar Mansoor" / "Mullah Akhtar Mansour".
    pairs = [(a, b) for a, b in pairs if not any((a, b) != (x, y) and a in x and b in y for x, y in pairs)]
    return [Conflict("name", f"{first} / {second}", [
        ConflictValue(name, [documents[d].article.id for d in seen[name]], list(seen[name].values()), list(seen[name]))
        for name in (first, second)]) for first, second in pairs]
