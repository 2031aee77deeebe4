"""Precision and recall of `tomtat conflicts` on labelled stories.

    python bench/conflicts.py                      # the ViMs dev set (bench/data/conflicts_dev.jsonl)
    python bench/conflicts.py --planted            # made-up stories with planted conflicts (tests/fixtures)

A label names a cluster and, per conflict, its kind, two value mentions (doc index and character
offsets into the raw `docs[i]["text"]`) and whether the later value is an update. A found conflict
matches a label when its kind agrees and two of its different values hold the two mentions (the
mention's article among the value's, its text in the value's sentence). Each label and each found
conflict is counted once per story.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from tomtat.clean import normalize_text
from tomtat.conflicts import Conflict, find_conflicts
from tomtat.pipeline import as_article, prepare

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
DEV = ROOT / "bench" / "data" / "conflicts_dev.jsonl"
PLANTED = ROOT / "tests" / "fixtures" / "planted_conflicts.jsonl"


def _holds(conflict: Conflict, value_index: int, doc: int, text: str) -> bool:
    value = conflict.values[value_index]
    return any(d == doc and normalize_text(text).lower() in normalize_text(s).lower()
               for d, s in zip(value.documents, value.sentences))


def matches(conflict: Conflict, label: dict, docs: list[dict]) -> bool:
    """Whether a found conflict is the labelled one (see the module's docstring)."""
    if conflict.kind != label["kind"]:
        return False
    first, second = ({"doc": m["doc"], "text": docs[m["doc"]]["text"][m["start"]:m["end"]]} for m in label["mentions"])
    indices = range(len(conflict.values))
    return any(i != j and _holds(conflict, i, first["doc"], first["text"]) and _holds(conflict, j, second["doc"], second["text"])
               for i in indices for j in indices)


def score(stories: list[tuple[list[dict], list[dict]]]) -> dict:
    """Counts and P/R/F1 over (docs, labels) stories; also how many matched labels agree on update."""
    found = correct = labelled = recalled = updates_right = 0
    for docs, labels in stories:
        articles = [as_article({"id": str(i), "text": d["text"], "date": d.get("date")}, i) for i, d in enumerate(docs)]
        conflicts = find_conflicts([prepare(a, i) for i, a in enumerate(articles)])
        found += len(conflicts)
        correct += sum(any(matches(c, label, docs) for label in labels) for c in conflicts)
        labelled += len(labels)
        for label in labels:
            hit = next((c for c in conflicts if matches(c, label, docs)), None)
            recalled += hit is not None
            updates_right += hit is not None and hit.update == label["update"]
    precision = correct / found if found else 0.0
    recall = recalled / labelled if labelled else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"stories": len(stories), "labelled": labelled, "found": found, "correct": correct, "recalled": recalled,
            "update_agrees": updates_right, "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def dev_stories(path: Path = DEV) -> list[tuple[list[dict], list[dict]]]:
    """The labelled stories, their articles read from ../shared/data."""
    clusters: dict[str, dict] = {}
    stories = []
    for line in path.read_text(encoding="utf-8").splitlines():
        label = json.loads(line)
        if label["file"] not in clusters:
            with open(DATA / label["file"], encoding="utf-8") as f:
                clusters[label["file"]] = {c["id"]: c for c in map(json.loads, f)}
        stories.append((clusters[label["file"]][label["cluster"]]["docs"], label["conflicts"]))
    return stories


def planted_stories(path: Path = PLANTED) -> list[tuple[list[dict], list[dict]]]:
    """Made-up stories: {"id", "docs", "conflicts"} lines, the labels in the same form as the dev set."""
    return [(story["docs"], story["conflicts"]) for story in map(json.loads, path.read_text(encoding="utf-8").splitlines())]


def by_kind(stories: list[tuple[list[dict], list[dict]]]) -> dict[str, dict]:
    """Recall per labelled kind."""
    kinds = sorted({label["kind"] for _, labels in stories for label in labels})
    return {kind: score([(docs, [lab for lab in labels if lab["kind"] == kind]) for docs, labels in stories])["recall"]
            for kind in kinds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--planted", action="store_true", help="score the made-up stories instead of the dev set")
    args = parser.parse_args()
    stories = planted_stories() if args.planted else dev_stories()
    print(json.dumps({**score(stories), "recall_by_kind": by_kind(stories)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
