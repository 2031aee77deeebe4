"""The fact guard on human summaries: AbMuSu validation references taken as if generated.

Each reference sentence is checked twice: against every sentence of its cluster (the whole input
as its sources) and against the three source sentences sharing most syllables with it (what a
backend citing its sources would cite). Prints the pass rates and the failure reasons by kind.

    python bench/guard.py [../shared/data/abmusu/validation.jsonl]
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from tomtat.clean import clean_text, normalize_text
from tomtat.fusion.guard import check
from tomtat.nlp import split_sentences, syllables

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "abmusu" / "validation.jsonl"
CITED = 3


def _nearest(sentence: str, sources: list[str], count: int = CITED) -> list[str]:
    words = set(syllables(sentence.lower()))
    return sorted(sources, key=lambda s: -len(words & set(syllables(s.lower()))))[:count]


def run(path: Path) -> dict:
    """Pass rates and failure kinds ("number", "date", "name") in both settings."""
    totals = Counter()
    reasons: dict[str, Counter] = {"all": Counter(), "cited": Counter()}
    examples: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cluster = json.loads(line)
        texts = [d["text"] for d in cluster["docs"]] + cluster.get("meta", {}).get("doc_anchor_texts", [])
        sources = [s for text in texts for s in split_sentences(clean_text(text))]
        for reference in cluster["summaries"]:
            for sentence in split_sentences(normalize_text(reference)):
                totals["sentences"] += 1
                for setting, cited in (("all", sources), ("cited", _nearest(sentence, sources))):
                    reason = check(sentence, cited)
                    if reason is None:
                        totals[setting] += 1
                    else:
                        reasons[setting][reason.split(" not in")[0]] += 1
                        if setting == "all" and len(examples) < 8:
                            examples.append(f"{reason} | {sentence[:120]}")
    n = totals["sentences"]
    return {"sentences": n, "pass_all_sources": round(totals["all"] / n, 3), "pass_3_cited": round(totals["cited"] / n, 3),
            "fail_all_sources": dict(reasons["all"]), "fail_3_cited": dict(reasons["cited"]), "examples": examples}


if __name__ == "__main__":
    print(json.dumps(run(Path(sys.argv[1]) if len(sys.argv) > 1 else DATA), ensure_ascii=False, indent=1))
