"""Where the articles of a story disagree: numbers, names and dates they give differently.

    quantity facts  "3 người chết" (article a) / "4 người tử vong" (article b): same key, two values
    names           "Nguyễn Văn Hải" / "Nguyễn Văn Hài": one edit or only diacritics apart
    dates           one merged timeline event that its articles date differently

A later value is an update rather than a conflict when its sentence says so ("đã tăng lên",
"nâng tổng số") or, for a count that only grows (deaths, damage), its article is published later.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from tomtat.conflicts.facts import CUMULATIVE, UPDATE_CUE, Fact, sentence_facts
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

    kind: str  # "number", "name" or "date"
    subject: str  # what the values are of: "người chết", a person's name, an event
    values: list[ConflictValue]
    update: bool = False
    later: str | None = None  # the updated value, when `update`


@dataclass(frozen=True)
class _Claim:
    fact: Fact
    document: int
    sentence: str


def _claims(documents: list[Document]) -> dict[tuple[str, str], list[_Claim]]:
    """Exact counts by key; an article giving several values for a key keeps its largest (the total)."""
    best: dict[tuple[tuple[str, str], int], _Claim] = {}
    for index, document in enumerate(documents):
        for sentence in document.sentences:
            for fact in sentence_facts(sentence.text):
                if fact.approximate:
                    continue
                known = best.get((fact.key, index))
                if known is None or fact.value > known.fact.value:
                    best[(fact.key, index)] = _Claim(fact, index, sentence.text)
    by_key: dict[tuple[str, str], list[_Claim]] = defaultdict(list)
    for (key, _), claim in best.items():
        by_key[key].append(claim)
    return by_key


def _is_update(claims: list[_Claim], documents: list[Document], event: str) -> tuple[bool, float | None]:
    """Whether the largest value is a later revision: an update cue in its sentence, or a growing
    count whose article is dated after every article giving another value."""
    top = max(claims, key=lambda c: c.fact.value)
    if UPDATE_CUE.search(top.sentence):
        return True, top.fact.value
    date = documents[top.document].article.date
    others = [documents[c.document].article.date for c in claims if c.fact.value != top.fact.value]
    if event in CUMULATIVE and date is not None and all(d is not None and d < date for d in others):
        return True, top.fact.value
    return False, None


def number_conflicts(documents: list[Document]) -> list[Conflict]:
    """Keys whose articles give two or more different exact values."""
    conflicts = []
    for (head, event), claims in _claims(documents).items():
        values: dict[float, ConflictValue] = {}
        for claim in sorted(claims, key=lambda c: (c.fact.value, c.document)):
            entry = values.setdefault(claim.fact.value, ConflictValue(display(claim.fact.value)))
            entry.articles.append(documents[claim.document].article.id)
            entry.sentences.append(claim.sentence)
            entry.documents.append(claim.document)
        if len(values) < 2:
            continue
        update, later = _is_update(claims, documents, event)
        conflicts.append(Conflict("number", f"{head} {event}", list(values.values()), update,
                                  display(later) if later is not None else None))
    return conflicts


def find_conflicts(documents: list[Document]) -> list[Conflict]:
    """The story's disagreements: numbers, then names, then dates."""
    from tomtat.conflicts.dates import date_conflicts

    return number_conflicts(documents) + name_conflicts(documents) + date_conflicts(documents)
