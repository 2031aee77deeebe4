"""Entities of a story: tagged in every sentence, then short mentions linked to full names."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from tomtat.entities.gazetteer import SURNAMES
from tomtat.entities.tagger import Mention, tag
from tomtat.model import Document


@dataclass
class Entity:
    """A person, organisation or place of a story, under its canonical (longest) name."""

    name: str
    type: str
    count: int
    mentions: list[str] = field(default_factory=list)  # distinct surface forms, most frequent first
    articles: list[str] = field(default_factory=list)  # ids of the articles naming it


def _texts(document: Document) -> list[str]:
    return ([document.title] if document.title else []) + [s.text for s in document.sentences]


def _links_to(short: str, full: str, kind: str) -> bool:
    """`short` names the same person as the longer `full`: "Khoa" -> "Lê Minh Khoa", "Yoon" -> "Yoon Suk-yeol".

    Places and organisations link only by their trigger-free name ("thủ đô Seoul" is "Seoul")."""
    small, large = short.split(), full.split()
    if kind != "PER" or len(small) >= len(large):
        return False
    if large[-len(small):] == small:
        return True
    return large[:len(small)] == small and large[0] not in SURNAMES


def canonical_names(names: Counter[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Map each (name, type) to the longest name of its type that it is a short form of.

    When a short form fits several full names, the most frequent one wins."""
    canonical: dict[tuple[str, str], str] = {}
    for (name, kind) in names:
        fits = [full for (full, other) in names if other == kind and _links_to(name, full, kind)]
        longest = [full for full in fits if not any(_links_to(full, bigger, kind) for bigger in fits)]
        canonical[name, kind] = max(longest, key=lambda full: (names[full, kind], len(full)), default=name)
    return canonical


def _known(mentions: list[Mention]) -> dict[str, str]:
    """Every tagged name with its type, and the short forms of person names ("Khoa", "Yoon")."""
    known: dict[str, str] = {}
    for mention in mentions:
        known.setdefault(mention.text, mention.type)
        words = mention.text.split()
        if mention.type == "PER" and len(words) > 1:
            known.setdefault(words[-1], "PER")
            if words[0] not in SURNAMES:
                known.setdefault(words[0], "PER")
    return known


def story_entities(documents: list[Document]) -> list[Entity]:
    """People, organisations and places of a story, most mentioned first.

    Sentences are tagged twice: the second pass knows the names found by the first, so a bare
    "Yoon" or a sentence-initial "Khoa" is recognised once "ông Lê Minh Khoa" was seen."""
    texts = [(document.article.id, text) for document in documents for text in _texts(document)]
    first = [mention for _, text in texts for mention in tag(text)]
    known = _known(first)
    found = [(article, mention) for article, text in texts for mention in tag(text, known)]
    names = Counter((mention.text, mention.type) for _, mention in found)
    canonical = canonical_names(names)
    counts: Counter[tuple[str, str]] = Counter()
    surfaces: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    articles: dict[tuple[str, str], list[str]] = defaultdict(list)
    for article, mention in found:
        key = (canonical[mention.text, mention.type], mention.type)
        counts[key] += 1
        surfaces[key][mention.surface] += 1
        if article not in articles[key]:
            articles[key].append(article)
    entities = [
        Entity(name, kind, count, [s for s, _ in surfaces[name, kind].most_common()], articles[name, kind])
        for (name, kind), count in counts.items()
    ]
    return sorted(entities, key=lambda e: (-e.count, e.type, e.name))
