"""Union-find whose root of each group is its smallest key (the earliest article)."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

K = TypeVar("K")


def earliest_roots(groups: Iterable[Sequence[K]]) -> dict[K, K]:
    """Every key of `groups` -> the smallest key of the connected groups it is in."""
    parent: dict[K, K] = {}

    def root(key: K) -> K:
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for members in groups:
        first = root(members[0])
        for key in members[1:]:
            other = root(key)
            if other != first:
                first, later = min(first, other), max(first, other)
                parent[later] = first
    return {key: root(key) for key in parent}
