"""Entity tagging on the dev set of real news: tomtat's tagger against underthesea's CRF `ner`.

The dev set (`bench/data/entities_dev.jsonl`) holds references into `../shared/data`, not text:
each line names a cluster, a doc and a sentence's character offsets into the raw `docs[i]["text"]`
(every chosen sentence is already NFC, so raw and NFC offsets agree), a short SHA-1 of the
sentence, and entity offsets relative to the sentence. The part is set by a hash of the cluster
id: about a third of the clusters are held back and never tuned on. Exact span and type match;
micro precision, recall and F1 overall and per type; sentences per second of each tagger.

    python bench/entities.py [--part tune|held|all] [--no-baseline]
    python bench/entities.py --gold tests/fixtures/entities_gold.jsonl   # the invented test fixture
"""
from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

from tomtat.entities import tag

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "bench" / "data" / "entities_dev.jsonl"
DATA = ROOT.parent / "shared" / "data"
TYPES = ("PER", "ORG", "LOC", "MISC")
Span = tuple[int, int, str]
Gold = list[tuple[str, set[Span]]]


def held_back(cluster: str) -> bool:
    """The cluster belongs to the held-back part (about one in three, by a hash of its id)."""
    return int(hashlib.sha1(cluster.encode("utf-8")).hexdigest(), 16) % 3 == 0


@cache
def _clusters(path: Path) -> dict[str, dict]:
    lines = path.read_text(encoding="utf-8").split("\n")
    return {c["id"]: c for c in (json.loads(line) for line in lines if line.strip())}


def load_dev(path: Path = DEV, data: Path = DATA, part: str = "all") -> Gold:
    """(sentence, {(start, end, type)}) of the dev set, re-read from `data` and checked against its hash."""
    gold: Gold = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        ref = json.loads(line)
        if part != "all" and held_back(ref["cluster"]) != (part == "held"):
            continue
        text = _clusters(data / ref["file"])[ref["cluster"]]["docs"][ref["doc"]]["text"][ref["start"]:ref["end"]]
        if hashlib.sha1(text.encode("utf-8")).hexdigest()[:10] != ref["sha1"]:
            raise ValueError(f"{path}:{number}: the sentence in {ref['file']} no longer matches its hash")
        gold.append((text, {(e["start"], e["end"], e["type"]) for e in ref["entities"]}))
    return gold


def load_gold(path: Path) -> Gold:
    """(text, {(start, end, type)}) of each line of a gold file that holds its text."""
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(obj["text"], {(s, e, t) for s, e, t in obj["entities"]}) for obj in lines]


def tomtat_spans(text: str) -> set[Span]:
    return {(m.start, m.end, m.type) for m in tag(text)}


def underthesea_spans(text: str) -> set[Span]:
    """underthesea's BIO word tags turned into character spans (words found left to right)."""
    from underthesea import ner

    spans: set[Span] = set()
    current: list | None = None
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
            spans.add((current[0], current[1], current[2]))
        current = [start, end, label[2:]] if label[:2] in {"B-", "I-"} else None
    if current:
        spans.add((current[0], current[1], current[2]))
    return {span for span in spans if span[2] in TYPES}


def predict(gold: Gold, tagger: Callable[[str], set[Span]]) -> tuple[list[set[Span]], float]:
    """The tagger's spans for every sentence, and sentences tagged per second."""
    tagger(gold[0][0])  # load dictionaries and models before timing
    began = time.perf_counter()
    found = [tagger(text) for text, _ in gold]
    return found, len(gold) / (time.perf_counter() - began)


def scores(gold: Gold, found: list[set[Span]], kind: str | None = None) -> tuple[float, float, float]:
    """Micro precision, recall and F1 of `found` against `gold` (entities of type `kind` only, if given)."""
    right = predicted = expected = 0
    for (_, truth), spans in zip(gold, found):
        if kind:
            spans = {s for s in spans if s[2] == kind}
            truth = {s for s in truth if s[2] == kind}
        right += len(spans & truth)
        predicted += len(spans)
        expected += len(truth)
    precision = right / predicted if predicted else 0.0
    recall = right / expected if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def table(parts: dict[str, Gold], taggers: dict[str, Callable[[str], set[Span]]]) -> list[str]:
    rows = ["| Part | Tagger | Type | Precision | Recall | F1 | Sentences/s |", "|---|---|---|---:|---:|---:|---:|"]
    for part, gold in parts.items():
        for name, tagger in taggers.items():
            found, speed = predict(gold, tagger)
            for kind in [None, *TYPES]:
                p, r, f = scores(gold, found, kind)
                rate = f"{speed:,.0f}" if kind is None else ""
                rows.append(f"| {part} | {name} | {kind or 'all'} | {100 * p:.1f} | {100 * r:.1f} | {100 * f:.1f} | {rate} |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["tune", "held", "all", "both"], default="both")
    parser.add_argument("--gold", type=Path, help="score a gold file that holds its text instead of the dev set")
    parser.add_argument("--no-baseline", action="store_true", help="leave out underthesea")
    args = parser.parse_args()
    if args.gold:
        parts = {args.gold.name: load_gold(args.gold)}
    else:
        names = ["tune", "held"] if args.part == "both" else [args.part]
        parts = {name: load_dev(part=name) for name in names}
    for name, gold in parts.items():
        counts = {kind: sum(s[2] == kind for _, truth in gold for s in truth) for kind in TYPES}
        print(f"{name}: {len(gold)} sentences, {sum(counts.values())} entities {counts}")
    taggers = {"tomtat": tomtat_spans}
    if not args.no_baseline:
        taggers["underthesea ner (CRF)"] = underthesea_spans
    print("\n" + "\n".join(table(parts, taggers)))


if __name__ == "__main__":
    main()
