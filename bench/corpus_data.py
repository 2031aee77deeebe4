"""Made-up corpora for `tomtat corpus`: many distinct stories dated across a year, some copies.

    python bench/corpus_data.py OUTDIR --articles 10000 [--seed 0] [--per-file 5000]

Each story has its own vocabulary of pseudo-words made of Vietnamese-like syllables (onset,
rhyme, tone), mixed with function words every story shares; its articles fall within ten days
of its start. About 5% of articles are near-duplicate copies (new title, one word changed).
Writes JSONL article files into OUTDIR and `OUTDIR-gold.json` (article id -> story) beside it.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import unicodedata
from pathlib import Path

ONSETS = ("b c ch d đ g gi h k kh l m n ng nh p ph qu r s t th tr v x").split()
RHYMES = ("a ai am an ang anh ao ac ach e em en eo ê ên ênh i im in inh o oa oai on ong ô ôi ông ơ ơi ơn "
          "u ui um un ung ư ưa ưng ươi ương").split()
TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
FUNCTION_WORDS = ("của và đã trong cho với các những được này là có người theo ngày khi đến từ tại về "
                  "sau một không cũng như để").split()
START = dt.date(2025, 1, 1)


def syllable(rng: random.Random) -> str:
    rhyme = rng.choice(RHYMES)
    return unicodedata.normalize("NFC", rng.choice(ONSETS) + rhyme[0] + rng.choice(TONES) + rhyme[1:])


def story_words(rng: random.Random, count: int = 40) -> list[str]:
    return [" ".join(syllable(rng) for _ in range(rng.choice((1, 2, 2)))) for _ in range(count)]


def sentence(rng: random.Random, words: list[str]) -> str:
    picked = [rng.choice(words) if rng.random() < 0.5 else rng.choice(FUNCTION_WORDS)
              for _ in range(rng.randint(8, 18))]
    text = " ".join(picked)
    return text[0].upper() + text[1:] + "."


def generate(count: int, seed: int) -> tuple[list[dict], dict[str, str]]:
    """`count` articles (dicts with id, title, text, date, source) and their gold stories."""
    rng = random.Random(seed)
    articles: list[dict] = []
    gold: dict[str, str] = {}
    story = 0
    while len(articles) < count:
        story += 1
        words = story_words(rng)
        start = START + dt.timedelta(days=rng.randrange(365))
        size = min(count - len(articles), 1 + int(rng.expovariate(1 / 2.0)))
        for _ in range(size):
            number = len(articles)
            if articles and gold[articles[-1]["id"]] == f"g{story}" and rng.random() < 0.1:
                base = articles[-1]
                body = base["text"].split(" ")
                body[rng.randrange(len(body))] = rng.choice(FUNCTION_WORDS)
                title, text, date = " ".join(rng.sample(words, 6)).capitalize(), " ".join(body), base["date"]
            else:
                title = " ".join(rng.sample(words, 6)).capitalize()
                text = "\n".join(sentence(rng, words) for _ in range(rng.randint(5, 10)))
                date = (start + dt.timedelta(days=rng.randrange(10))).isoformat()
            article_id = f"a{number:07d}"
            articles.append({"id": article_id, "title": title, "text": text, "date": date,
                             "source": f"https://tin.example.vn/{article_id}.html"})
            gold[article_id] = f"g{story}"
    rng.shuffle(articles)
    return articles, gold


def write(outdir: Path, count: int, seed: int, per_file: int = 5000) -> dict[str, str]:
    """Write the corpus as JSONL files of `per_file` articles and `gold.json`; returns the gold."""
    articles, gold = generate(count, seed)
    outdir.mkdir(parents=True, exist_ok=True)
    for first in range(0, len(articles), per_file):
        with open(outdir / f"part-{first // per_file:04d}.jsonl", "w", encoding="utf-8") as handle:
            for article in articles[first:first + per_file]:
                handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    (outdir.parent / f"{outdir.name}-gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--per-file", type=int, default=5000)
    args = parser.parse_args()
    gold = write(args.outdir, args.articles, args.seed, args.per_file)
    print(f"{len(gold)} articles, {len(set(gold.values()))} stories in {args.outdir}")


if __name__ == "__main__":
    main()
