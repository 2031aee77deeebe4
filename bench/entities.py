"""Entity tagging on the invented gold set: tomtat's rule-based tagger against underthesea's CRF `ner`.

Exact match of span and type; precision, recall and F1 over all entities, overall and per type.

    python bench/entities.py [--gold tests/fixtures/entities_gold.jsonl]
"""
from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

from tomtat.entities import tag

DEFAULT_GOLD = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "entities_gold.jsonl"
Span = tuple[int, int, str]


def load_gold(path: Path) -> list[tuple[str, set[Span]]]:
    """(text, {(start, end, type)}) of each line of a gold JSONL file."""
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(obj["text"], {(s, e, t) for s, e, t in obj["entities"]}) for obj in lines]


def tomtat_spans(text: str) -> set[Span]:
    return {(m.start, m.end, m.type) for m in tag(text)}


def underthesea_spans(text: str) -> set[Span]:
    """underthesea's BIO word tags turned into character spans (words found left to right)."""
    from underthesea import ner

    spans: set[Span] = set()
    current: list[int] | None = None
    position = 0
    for word, _pos, _chunk, label in ner(text):
        start = text.find(word, position)
        if start < 0:  # a word underthesea normalised: it cannot be placed
            current = None
            continue
        end = position = start + len(word)
        if label.startswith("I-") and current and current[2] == label[2:]:
            current[1] = end
            continue
        if current:
            spans.add(tuple(current))
        current = [start, end, label[2:]] if label.startswith("B-") or label.startswith("I-") else None
    if current:
        spans.add(tuple(current))
    return {span for span in spans if span[2] in {"PER", "ORG", "LOC"}}


def scores(gold: list[tuple[str, set[Span]]], tagger: Callable[[str], set[Span]], kind: str | None = None) -> tuple[float, float, float]:
    """Precision, recall and F1 of `tagger` on `gold` (entities of type `kind` only, if given)."""
    right = predicted = expected = 0
    for text, truth in gold:
        found = tagger(text)
        if kind:
            found = {s for s in found if s[2] == kind}
            truth = {s for s in truth if s[2] == kind}
        right += len(found & truth)
        predicted += len(found)
        expected += len(truth)
    precision = right / predicted if predicted else 0.0
    recall = right / expected if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    args = parser.parse_args()
    gold = load_gold(args.gold)
    print(f"{len(gold)} sentences, {sum(len(t) for _, t in gold)} entities ({args.gold.name})\n")
    print("| Tagger | Type | Precision | Recall | F1 |")
    print("|---|---|---:|---:|---:|")
    for name, tagger in [("tomtat rules", tomtat_spans), ("underthesea ner (CRF)", underthesea_spans)]:
        for kind in [None, "PER", "ORG", "LOC"]:
            p, r, f = scores(gold, tagger, kind)
            print(f"| {name} | {kind or 'all'} | {p:.3f} | {r:.3f} | {f:.3f} |")


if __name__ == "__main__":
    main()
