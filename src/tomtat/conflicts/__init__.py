"""Where the articles of a story disagree: numbers, names, roles and dates they give differently.

    quantity facts  "3 người chết" (article a) / "4 người tử vong" (article b): same key, two values
    names           "Nguyễn Văn Hải" / "Nguyễn Văn Hài": one edit or only diacritics apart
    roles           "Bộ trưởng Bộ Y tế" is Nguyễn Văn X in one article, Trần Văn Y in another
    dates           one merged timeline event that its articles date differently

A later value is an update rather than a conflict when its sentence says so ("đã tăng lên",
"nâng tổng số") or, for a count that only grows (deaths, damage), its article is published later.
Bounds stay bounds: "hơn 14 tấn" and "80 tấn" do not disagree (reported only as an update, when
80 is the later value); "khoảng 80" and "78" are one value. Counts scoped to a place or sub-group
("riêng xã Tân Lập") are compared only with counts of the same scope; a place most of the
story's articles name is the story's setting, not a scope.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from tomtat.conflicts.facts import ABOUT, CUMULATIVE, MORE, UPDATE_CUE, Fact, sentence_facts
from tomtat.conflicts.names import name_conflicts
from tomtat.conflicts.numbers import display
from tomtat.model import Document

__all__ = ["Conflict", "ConflictValue", "find_conflicts"]


@dataclass
class ConflictValue:
    """One of the competing values, with the sentences and articles that give it."""

    value: str
    articles: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    documents: list[int] = field(default_factory=list)  # indices of the articles in the story's input


@dataclass
class Conflict:
    """Values articles give differently for one thing; `update` when the later value revises the earlier."""

    kind: str  # "number", "name", "role" or "date"
    subject: str  # what the values are of: "người chết", a person's name, a role, an event
    values: list[ConflictValue]
    update: bool = False
    later: str | None = None  # the updated value, when `update`


@dataclass(frozen=True)
class _Claim:
    fact: Fact
    document: int
    sentence: str


_Key = tuple[str, str, str | None]  # counted noun, event, scope
SAME_ESTIMATE = 0.1  # "khoảng 80" and a count within this share of it are one value


def _settings(documents: list[Document], scopes: set[str]) -> set[str]:
    """The scopes more than half of the articles name: the story's setting, not a sub-group."""
    texts = [" ".join(s.text for s in d.sentences).lower() for d in documents]
    return {scope for scope in scopes if 2 * sum(scope.lower() in text for text in texts) > len(texts)}


def _claims(documents: list[Document]) -> dict[_Key, list[_Claim]]:
    """One claim per article and key: its largest count (the total), else its largest bound."""
    facts = [(index, sentence.text, fact) for index, document in enumerate(documents)
             for sentence in document.sentences
             for fact in sentence_facts(sentence.text, document.article.date)]
    settings = _settings(documents, {fact.scope for _, _, fact in facts if fact.scope})
    best: dict[tuple[_Key, int], _Claim] = {}
    for index, sentence, fact in facts:
        key = (fact.head, fact.event, None if fact.scope in settings else fact.scope)
        known = best.get((key, index))
        rank = (not fact.bound, fact.value)
        if known is None or rank > (not known.fact.bound, known.fact.value):
            best[(key, index)] = _Claim(fact, index, sentence)
    by_key: dict[_Key, list[_Claim]] = defaultdict(list)
    for (key, _), claim in best.items():
        by_key[key].append(claim)
    return by_key


def _relation(a: Fact, b: Fact) -> str:
    """"same", "grows" (a lower bound and a larger value) or "conflict", for `a.value <= b.value`."""
    if a.value == b.value and a.bound == b.bound:
        return "same"
    if ABOUT in (a.bound, b.bound) and b.value - a.value <= SAME_ESTIMATE * b.value:
        return "same"
    if a.bound == MORE:
        return "grows" if b.value > a.value else "same"
    return "conflict"


def _is_update(claims: list[_Claim], documents: list[Document], event: str) -> tuple[bool, _Claim | None]:
    """Whether the largest value is a later revision: an update cue in its sentence, or a growing
    count whose article is dated after every article giving another value."""
    top = max(claims, key=lambda c: c.fact.value)
    if UPDATE_CUE.search(top.sentence):
        return True, top
    date = documents[top.document].article.date
    others = [documents[c.document].article.date for c in claims if c.fact.value != top.fact.value]
    growing = all(part in CUMULATIVE for part in event.split(" và "))
    if growing and date is not None and all(d is not None and d < date for d in others):
        return True, top
    return False, None


def _shown(fact: Fact) -> str:
    return f"{fact.bound} {display(fact.value)}" if fact.bound else display(fact.value)


def number_conflicts(documents: list[Document]) -> list[Conflict]:
    """Keys whose articles give values that cannot all hold (a conflict) or that grew (an update)."""
    conflicts = []
    for (head, event, scope), claims in _claims(documents).items():
        claims.sort(key=lambda c: (c.fact.value, c.fact.bound, c.document))
        relations = {_relation(a.fact, b.fact) for i, a in enumerate(claims) for b in claims[i + 1:]}
        update, later = _is_update(claims, documents, event) if relations - {"same"} else (False, None)
        if "conflict" not in relations and not update:
            continue
        values: dict[tuple[float, str], ConflictValue] = {}
        for claim in claims:
            entry = values.setdefault((claim.fact.value, claim.fact.bound), ConflictValue(_shown(claim.fact)))
            entry.articles.append(documents[claim.document].article.id)
            entry.sentences.append(claim.sentence)
            entry.documents.append(claim.document)
        subject = f"{head} {event}" + (f" ({scope})" if scope else "")
        conflicts.append(Conflict("number", subject, list(values.values()), update,
                                  _shown(later.fact) if later is not None else None))
    return conflicts


def find_conflicts(documents: list[Document]) -> list[Conflict]:
    """The story's disagreements: numbers, then names, then roles, then dates."""
    from tomtat.conflicts.dates import date_conflicts
    from tomtat.conflicts.roles import role_conflicts

    return number_conflicts(documents) + name_conflicts(documents) + role_conflicts(documents) + date_conflicts(documents)
