"""Temporal expressions on the hand-labelled dev set (`bench/data/dates_dev.jsonl`): tomtat against a naive dd/mm regex.

Each label line points into `../shared/data` (file, cluster id, doc index, character offsets into the
NFC-normalised `docs[doc]["text"]`, a SHA-1 prefix of the sentence to check the offsets still hold) and
holds the TIMEX3 expressions (offsets relative to the sentence). Point expressions (DATE, TIME and
ranges of dates) count when the spans overlap and the values agree on the day (time of day is not
scored); durations and sets count when the spans overlap and the type agrees (value agreement is
reported beside). The part a cluster belongs to is fixed by its id's hash: "tune" or "held-out".

    python bench/dates.py [--data ../shared/data] [--errors]   # --errors: misses and false alarms of the tune part
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from tomtat.timex import find_timexes

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "bench" / "data" / "dates_dev.jsonl"
DATA = ROOT.parent / "shared" / "data"
POINTS = ("DATE", "TIME", "RANGE")
SPANS = ("DURATION", "SET")
_NAIVE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/((?:19|20)\d\d))?(?![\d/])")


@dataclass
class Example:
    """One labelled sentence: its text, publication date, part and gold expressions."""

    text: str
    published: dt.date
    part: str
    gold: list[dict]


def part_of(cluster: str) -> str:
    """"tune" or "held-out", fixed by the cluster id's SHA-1."""
    return "tune" if int(hashlib.sha1(cluster.encode()).hexdigest(), 16) % 2 == 0 else "held-out"


def load(dev: Path = DEV, data: Path = DATA) -> list[Example]:
    """The labelled sentences, their text re-read from `data`; a ValueError when an offset no longer matches."""
    docs: dict[tuple[str, str], list[str]] = {}
    examples = []
    for number, line in enumerate(dev.read_text(encoding="utf-8").splitlines(), 1):
        label = json.loads(line)
        key = (label["file"], label["cluster"])
        if key not in docs:
            for raw in (data / label["file"]).read_text(encoding="utf-8").split("\n"):
                cluster = json.loads(raw) if raw.strip() else None
                if cluster is not None:
                    docs[(label["file"], cluster["id"])] = [unicodedata.normalize("NFC", d["text"]) for d in cluster["docs"]]
        text = docs[key][label["doc"]][label["start"] : label["end"]]
        if hashlib.sha1(text.encode()).hexdigest()[:10] != label["sha1"]:
            raise ValueError(f"{dev}:{number}: the sentence at these offsets changed")
        examples.append(Example(text, dt.date.fromisoformat(label["published"]), part_of(label["cluster"]), label["timexes"]))
    return examples


def day_value(value: str | None) -> str | None:
    """A value with the time of day dropped from each end ("2023-04-17TMO" -> "2023-04-17")."""
    return None if value is None else "/".join(v.split("T")[0] for v in value.split("/"))


def tomtat_tagger(text: str, published: dt.date) -> list[dict]:
    return [{"start": t.start, "end": t.end, "type": t.type, "value": t.value} for t in find_timexes(text, published)]


def naive_tagger(text: str, published: dt.date) -> list[dict]:
    """Every d/m or d/m/yyyy, the year the publication year when not written."""
    found = []
    for m in _NAIVE.finditer(text):
        year, month, day = int(m[3] or published.year), int(m[2]), int(m[1])
        try:
            value = dt.date(year, month, day).isoformat()
        except ValueError:
            continue
        found.append({"start": m.start(), "end": m.end(), "type": "DATE", "value": value})
    return found


def _overlap(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    same_value: int = 0

    def line(self, name: str) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"{name:<22} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (gold {self.tp + self.fn}, found {self.tp + self.fp})"

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0


def score(examples: Iterable[Example], tagger: Callable[[str, dt.date], list[dict]], errors: list[str] | None = None) -> tuple[Score, Score]:
    """Point and duration/set scores of `tagger`; misses and false alarms appended to `errors`."""
    points, spans = Score(), Score()
    for ex in examples:
        found = tagger(ex.text, ex.published)
        for kinds, total, agree in ((POINTS, points, lambda g, s: day_value(g["value"]) == day_value(s["value"])),
                                    (SPANS, spans, lambda g, s: g["type"] == s["type"])):
            gold = [g for g in ex.gold if g["type"] in kinds]
            system = [s for s in found if s["type"] in kinds]
            used: set[int] = set()
            for g in gold:
                match = next((i for i, s in enumerate(system) if i not in used and _overlap(g, s) and agree(g, s)), None)
                if match is None:
                    total.fn += 1
                    if errors is not None:
                        errors.append(f"MISS {ex.text[g['start']:g['end']]!r} {g['type']} {g['value']} | {ex.published} | {ex.text}")
                    continue
                used.add(match)
                total.tp += 1
                total.same_value += g["value"] == system[match]["value"]
            for i, s in enumerate(system):
                if i not in used:
                    total.fp += 1
                    if errors is not None:
                        errors.append(f"FALSE {ex.text[s['start']:s['end']]!r} {s['type']} {s['value']} | {ex.published} | {ex.text}")
    return points, spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--errors", action="store_true", help="print the tune part's misses and false alarms")
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"skipped: {args.data} is absent (the ../shared datasets are needed)")
        return
    examples = load(DEV, args.data)
    parts = {"tune": [e for e in examples if e.part == "tune"], "held-out": [e for e in examples if e.part == "held-out"], "all": examples}
    for name, part in parts.items():
        gold = sum(len(e.gold) for e in part)
        print(f"{name}: {len(part)} sentences, {gold} expressions")
        points, spans = score(part, tomtat_tagger)
        naive, _ = score(part, naive_tagger)
        print("  " + points.line("tomtat points"))
        print("  " + naive.line("naive dd/mm points"))
        print("  " + spans.line("tomtat durations/sets") + f", value agrees {spans.same_value}/{spans.tp}")
    texts = [(e.text, e.published) for e in examples]
    best = min(_timed(texts) for _ in range(3))
    print(f"speed: {len(texts) / best:,.0f} sentences/s ({len(texts)} sentences, best of 3)")
    if args.errors:
        errors: list[str] = []
        score(parts["tune"], tomtat_tagger, errors)
        print("\n".join(sorted(errors)))


def _timed(texts: list[tuple[str, dt.date]]) -> float:
    start = time.perf_counter()
    for text, published in texts:
        find_timexes(text, published)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
