"""Entities of a story: tagged in every sentence, then short mentions linked to full names.

Linking is linear in the number of distinct names: every name is filed under the short forms
it can stand for (a person's last or first words, an organisation's head and last word), so a
short name only meets the few full names filed under it.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from tomtat.entities.gazetteer import SURNAMES
from tomtat.entities.tagger import Mention, Tagger
from tomtat.model import Document

Key = tuple[str, str]  # (name, type)


@dataclass
class Entity:
    """A person, organisation, place or other name of a story, under its canonical (longest) name."""

    name: str
    type: str
    count: int
    mentions: list[str] = field(default_factory=list)  # distinct surface forms, most frequent first
    articles: list[str] = field(default_factory=list)  # ids of the articles naming it


def _texts(document: Document) -> list[str]:
    return ([document.title] if document.title else []) + [s.text for s in document.sentences]


def _is_subsequence(small: list[str], large: list[str]) -> bool:
    words = iter(large)
    return all(word in words for word in small)


def _links_to(short: str, full: str, kind: str) -> bool:
    """`short` names the same entity as the longer `full`.

    People: "Khoa" -> "Lê Minh Khoa", "Yoon" -> "Yoon Suk-yeol". Organisations: the same head
    and last word, the short name's words in order ("Tòa án Hàn Quốc" -> "Tòa án tối cao Hàn Quốc")."""
    small, large = short.split(), full.split()
    if len(small) >= len(large):
        return False
    if kind == "ORG":
        return len(small) > 1 and small[0] == large[0] and small[-1] == large[-1] and _is_subsequence(small, large)
    if kind != "PER":
        return False
    if large[-len(small):] == small:
        return True
    return large[:len(small)] == small and large[0] not in SURNAMES


def _short_forms(name: str, kind: str) -> list[str]:
    """Keys under which `name` is filed: the short forms that may link to it."""
    words = name.split()
    if kind == "PER":
        return [" ".join(words[k:]) for k in range(1, len(words))] + [" ".join(words[:k]) for k in range(1, len(words))]
    if kind == "ORG" and len(words) > 2:
        return [f"{words[0]}\t{words[-1]}"]
    return []


def _lookup_key(name: str, kind: str) -> str:
    words = name.split()
    return f"{words[0]}\t{words[-1]}" if kind == "ORG" and len(words) > 1 else name


def canonical_names(names: Counter[Key]) -> dict[Key, str]:
    """Map each (name, type) to the longest name of its type that it is a short form of.

    When a short form fits several full names, the most frequent one wins."""
    filed: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name, kind in names:
        for form in _short_forms(name, kind):
            filed[form, kind].append(name)
    canonical: dict[Key, str] = {}
    for name, kind in names:
        fits = [full for full in filed.get((_lookup_key(name, kind), kind), []) if _links_to(name, full, kind)]
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
    """People, organisations, places and other names of a story, most mentioned first.

    Sentences are tagged twice: the second pass knows the names found by the first, so a bare
    "Yoon" or a sentence-initial "Khoa" is recognised once "ông Lê Minh Khoa" was seen. Places
    are merged by their name without the place word ("tỉnh Lào Cai" is "Lào Cai")."""
    texts = [(document.article.id, text) for document in documents for text in _texts(document)]
    taggers = {text: Tagger(text) for _, text in texts}  # a text said twice is tagged once
    known = _known([mention for tagger in taggers.values() for mention in tagger.run()])
    second = {text: tagger.again(known) for text, tagger in taggers.items()}
    found = [(article, mention) for article, text in texts for mention in second[text]]
    names = Counter((mention.name, mention.type) for _, mention in found)
    canonical = canonical_names(names)
    counts: Counter[Key] = Counter()
    surfaces: dict[Key, Counter[str]] = defaultdict(Counter)
    articles: dict[Key, dict[str, None]] = defaultdict(dict)  # ids in first-seen order
    for article, mention in found:
        key = (canonical[mention.name, mention.type], mention.type)
        counts[key] += 1
        surfaces[key][mention.surface] += 1
        articles[key][article] = None
    entities = [
        Entity(name, kind, count, [s for s, _ in surfaces[name, kind].most_common()], list(articles[name, kind]))
        for (name, kind), count in counts.items()
    ]
    return sorted(entities, key=lambda e: (-e.count, e.type, e.name))
