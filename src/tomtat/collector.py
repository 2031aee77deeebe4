"""Python's cyclic garbage collector, run less often while a story is worked out.

By default the collector looks at the young objects after every 700 new ones. A story of
1,000 articles makes millions of small objects that live until the story is done (tokens,
n-grams, feature rows) and almost none in reference cycles, so those passes find nothing and
cost the most where the story is biggest: the entity tagger's layout of 17,664 texts took
3.5-4.1 s with them and 1.8-1.9 s with a young threshold of 100,000 (`bench/single_story.py`).
Reference counting still frees everything as before; only cycles wait a little longer.
"""
from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_THRESHOLD = 100_000  # new objects between two passes over the young generation

_lock = threading.Lock()
_users = 0
_saved: tuple[int, ...] = ()


@contextmanager
def rare_collections(young: int = YOUNG_THRESHOLD) -> Iterator[None]:
    """Within the block, the collector passes over the young objects only after `young` new
    ones (never more often than it did). Threads may nest blocks: the first one in raises the
    threshold, the last one out puts the old one back."""
    global _users, _saved
    with _lock:
        if _users == 0:
            _saved = gc.get_threshold()
            first, *older = _saved
            if first:  # 0: collection is switched off
                gc.set_threshold(max(first, young), *older)
        _users += 1
    try:
        yield
    finally:
        with _lock:
            _users -= 1
            if _users == 0:
                gc.set_threshold(*_saved)
