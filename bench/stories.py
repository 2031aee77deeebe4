"""Story tracking: B-cubed quality, near-duplicate precision/recall and speed, as Markdown.

    python bench/stories.py [--data ../shared/data] [--seeds 0,1,2] [--skip-speed] [--curve 1000,5000,10000,50000]
                            [--generated 10000,50000,100000] [--skip-quality]
                            [--join threshold|learned] [--join-threshold T] [--single-merge-threshold T]
                            [--merge-threshold T]
                            [--only ViMs|AbMuSu]

Quality: all docs of a dataset pooled, shuffled with each of `--seeds`, clustered online (one by
one) and re-clustered as a whole corpus, scored with B-cubed against the dataset clusters; the mean over seeds
follows. The near-duplicate set and the speed stream use the first seed. Near-duplicates: a set
generated from ViMs docs (copies, re-titled copies, new sign-offs, light edits) and other
articles of the same cluster as negatives. Speed: articles sampled from all the data and
lightly perturbed (sentences dropped and shuffled, random dates over a year), clustered online.
Scale: `generated_stream` makes one story per 8 articles, each from its own random vocabulary
(not copies of the shared data), so the stories keep growing in number (12,500 at 100k articles).
"""
from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import resource
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from statistics import mean

import numpy as np

from tomtat.clean import clean_text
from tomtat.ingest import read_clusters
from tomtat.model import Article
from tomtat.nlp.tokens import syllables
from tomtat.problems import ProblemLog
from tomtat.stories import StoryOptions, StoryTracker, bcubed, featurize, recluster
from tomtat.stories.dedup import NearDuplicates

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SIGN_OFFS = ("Minh Anh (TTXVN)", "Theo VOV", "PV", "Hoàng Nam/Vietnam+", "(Báo Tin Tức)")


def pooled(data: Path, names: list[str], seed: int) -> tuple[list[Article], dict[str, str]]:
    """Every doc of the named dataset files, shuffled, and its cluster id."""
    problems = ProblemLog()
    articles, gold = [], {}
    for name in names:
        for cluster in read_clusters(str(data / name), problems):
            for article in cluster.articles:
                gold[article.id] = cluster.id
                articles.append(article)
    random.Random(seed).shuffle(articles)
    return articles, gold


def quality(articles: list[Article], gold: dict[str, str], options: StoryOptions) -> dict[str, tuple]:
    """B-cubed (P, R, F1, stories, seconds) online and re-clustered."""
    features = [featurize(a, options) for a in articles]
    start = time.perf_counter()
    online = StoryTracker(options)
    for feature in features:
        online.add(feature)
    middle = time.perf_counter()
    reclustered = recluster(features, options)
    end = time.perf_counter()
    result = {}
    for name, tracker, seconds in (("online", online, middle - start), ("recluster", reclustered, end - middle)):
        score = bcubed({a.id: a.story for a in tracker.state.articles.values()}, gold)
        result[name] = (score.precision, score.recall, score.f1, len(tracker.state.stories), seconds)
    return result


@dataclass
class Pair:
    query: Article
    original: str  # id of the indexed article it is (or is not) a copy of
    duplicate: bool
    kind: str


def _shingles(article: Article, size: int = 3) -> set[str]:
    tokens = syllables(clean_text(article.text))
    return {" ".join(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


def near_duplicate_set(data: Path, seed: int) -> tuple[list[Article], list[Pair]]:
    """One original per ViMs cluster (8+ lines), four kinds of copies, and same-story negatives.

    Negatives are the other docs of the cluster whose exact shingle Jaccard with the original is
    below 0.2 (clearly different articles on the same story; wire re-posts in the data are left out).
    """
    rng = random.Random(seed)
    problems = ProblemLog()
    originals, pairs = [], []
    clusters = list(read_clusters(str(data / "vims2017" / "all.jsonl"), problems))
    titles = [a.title for c in clusters for a in c.articles]
    for cluster in clusters:
        candidates = [a for a in cluster.articles if len(a.text.split("\n")) >= 8]
        if not candidates:
            continue
        original = rng.choice(candidates)
        originals.append(original)
        lines = [line for line in original.text.split("\n") if line.strip()]
        edited = [line for line in lines if rng.random() > 0.15] or lines
        for _ in range(3):
            row = rng.randrange(len(edited))
            words = edited[row].split()
            if words:
                words[rng.randrange(len(words))] = rng.choice(("đã", "mới", "cho biết", "nay", "thêm"))
                edited[row] = " ".join(words)
        variants = {
            "copy": (original.title, lines),
            "re-titled": (rng.choice(titles), lines),
            "sign-off": (original.title, lines[:-1] + [rng.choice(SIGN_OFFS)]),
            "edited": (original.title, edited),
        }
        for kind, (title, body) in variants.items():
            pairs.append(Pair(Article(f"{original.id}~{kind}", title, "\n".join(body)), original.id, True, kind))
        mine = _shingles(original)
        for other in cluster.articles:
            theirs = _shingles(other)
            if other is not original and mine and theirs and len(mine & theirs) / len(mine | theirs) < 0.2:
                pairs.append(Pair(other, original.id, False, "same story"))
    return originals, pairs


def near_duplicate_scores(originals: list[Article], pairs: list[Pair], options: StoryOptions) -> dict[str, float]:
    """Precision and recall of `NearDuplicates.match` over the generated pairs."""
    index = NearDuplicates(options)
    for seq, article in enumerate(originals):
        index.add(article.id, featurize(article, options).signature, seq)
    tp = fp = fn = 0
    by_kind: dict[str, list[int]] = {}
    for pair in pairs:
        found = index.match(featurize(pair.query, options).signature) == pair.original
        tp += found and pair.duplicate
        fp += found and not pair.duplicate
        fn += pair.duplicate and not found
        by_kind.setdefault(pair.kind, []).append(int(found))
    scores = {"precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / (tp + fn) if tp + fn else 1.0}
    scores.update({f"found {kind}": sum(v) / len(v) for kind, v in by_kind.items()})
    scores["pairs"] = len(pairs)
    return scores


def perturbed_stream(data: Path, count: int, seed: int) -> list[Article]:
    """`count` articles sampled from all data, sentences dropped and shuffled, dated over a year."""
    rng = random.Random(seed)
    problems = ProblemLog()
    pool = [a for name in ("vims2017/all.jsonl", "abmusu/train.jsonl", "abmusu/validation.jsonl",
                           "abmusu/test_nolabel.jsonl") for c in read_clusters(str(data / name), problems)
            for a in c.articles]
    start = dt.date(2024, 1, 1)
    stream = []
    for number in range(count):
        base = rng.choice(pool)
        lines = [line for line in base.text.split("\n") if line.strip()]
        kept = [line for line in lines if rng.random() > 0.3] or lines[:1]
        rng.shuffle(kept)
        stream.append(Article(f"a{number}", base.title, "\n".join(kept), start + dt.timedelta(days=rng.randrange(365))))
    stream.sort(key=lambda a: a.date)  # a feed arrives roughly in date order
    return stream


_ONSETS = ("b", "c", "ch", "d", "đ", "g", "h", "k", "kh", "l", "m", "n", "nh", "ph", "qu", "s", "t", "th", "tr",
           "v", "x")
_VOWELS = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "ươ", "iê", "á", "ề", "ọ", "ủ", "ữ")
_CODAS = ("", "", "c", "m", "n", "ng", "nh", "p", "t")


def generated_stream(count: int, seed: int) -> tuple[Iterator[Article], dict[str, str]]:
    """`count` articles on `count // 8` stories, each written from its own 12 two-syllable words
    (30% of an article's words) among common ones, dated within 4 days of its story's start (two
    years of starts), in date order, made one at a time as they are read; and each article's story."""
    rng = np.random.default_rng(seed)
    syllables_ = np.array([o + v + c for o in _ONSETS for v in _VOWELS for c in _CODAS])
    common = syllables_[rng.permutation(len(syllables_))[:600]].tolist()
    zipf = np.cumsum(1.0 / np.arange(1, len(common) + 1))
    stories = max(1, count // 8)
    starts = rng.integers(0, 730, stories)
    story_of = rng.integers(0, stories, count)
    days = starts[story_of] + rng.integers(0, 5, count)
    order = np.argsort(days, kind="stable")
    words = [[" ".join(pair) for pair in story.tolist()] for story in rng.choice(syllables_, (stories, 12, 2))]
    gold = {f"g{number}": f"story{story}" for number, story in enumerate(story_of.tolist())}

    def articles() -> Iterator[Article]:
        start = dt.date(2024, 1, 1)
        for number in order.tolist():
            vocabulary = words[story_of[number]]
            text = [vocabulary[w] for w in rng.integers(0, 12, 45).tolist()]
            text += [common[i] for i in np.searchsorted(zipf, rng.random(105) * zipf[-1]).tolist()]
            rng.shuffle(text)
            title = " ".join(vocabulary[w] for w in rng.integers(0, 12, 4).tolist())
            yield Article(f"g{number}", title.capitalize(), " ".join(text), start + dt.timedelta(days=int(days[number])))

    return articles(), gold


def speed(articles: Iterable[Article], marks: list[int]) -> tuple[list[tuple[int, float, float, int, int]], StoryTracker]:
    """(articles, seconds in `StoryTracker.add` so far, ms per article since the previous mark,
    stories, peak MiB) at each mark of clustering `articles` online; and the tracker."""
    tracker = StoryTracker(StoryOptions())
    rows: list[tuple[int, float, float, int, int]] = []
    total = window = 0.0
    for done, article in enumerate(itertools.islice(articles, max(marks)), 1):
        start = time.perf_counter()
        tracker.add(article)
        elapsed = time.perf_counter() - start
        total, window = total + elapsed, window + elapsed
        if done in marks:
            previous = rows[-1][0] if rows else 0
            rows.append((done, total, window / (done - previous) * 1000, len(tracker.state.stories),
                         resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024))
            window = 0.0
    return rows, tracker


def print_speed(rows: list[tuple[int, float, float, int, int]]) -> None:
    print("| articles | total s | ms/article since previous mark | stories | peak RSS MiB |\n|---|---|---|---|---|")
    for done, total, per, stories, peak in rows:
        print(f"| {done:,} | {total:.1f} | {per:.2f} | {stories:,} | {peak} |")


def report_quality(data: Path, seed_list: str, options: StoryOptions, only: str | None) -> None:
    """Print the B-cubed tables (each shuffle and the mean) and the near-duplicate scores."""
    seeds = [int(s) for s in seed_list.split(",")]
    seed = seeds[0]
    print("## Story tracking\n")
    print(f"StoryOptions: join {options.join} (threshold {options.join_threshold}, probability "
          f"{options.join_probability}), online merge {options.online_merge_threshold} (story of one article "
          f"{options.single_merge_threshold}), merge {options.merge_threshold}, duplicate "
          f"{options.duplicate_threshold}, cold {options.cold_days} days; shuffle seeds {seed_list}.\n")
    print("| data | mode | seed | B³ P | B³ R | B³ F1 | stories (gold) | seconds |\n|---|---|---|---|---|---|---|---|")
    for label, names in (("ViMs 2017, 1,950 docs", ["vims2017/all.jsonl"]),
                         ("AbMuSu train+validation", ["abmusu/train.jsonl", "abmusu/validation.jsonl"])):
        if only and not label.startswith(only):
            continue
        rows: dict[str, list[tuple]] = {}
        for shuffle in seeds:
            articles, gold = pooled(data, names, shuffle)
            for mode, row in quality(articles, gold, options).items():
                rows.setdefault(mode, []).append(row)
        for mode, runs in rows.items():
            for shuffle, (p, r, f, n, s) in zip(seeds, runs):
                print(f"| {label} | {mode} | {shuffle} | {p:.4f} | {r:.4f} | {f:.4f} | {n} ({len(set(gold.values()))}) "
                      f"| {s:.1f} |")
            p, r, f, n, s = (mean(column) for column in zip(*runs))
            print(f"| {label} | {mode} | mean | {p:.4f} | {r:.4f} | **{f:.4f}** | {n:.0f} | {s:.1f} |")
    originals, pairs = near_duplicate_set(data, seed)
    scores = near_duplicate_scores(originals, pairs, options)
    print(f"\nNear-duplicates ({scores.pop('pairs')} generated pairs from {len(originals)} ViMs originals):\n")
    print("| " + " | ".join(scores) + " |\n|" + "---|" * len(scores))
    print("| " + " | ".join(f"{v:.4f}" for v in scores.values()) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seeds", default="0,1,2")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--curve", default="1000,5000,10000,50000")
    parser.add_argument("--generated", default="", help="marks of the generated-stories stream, e.g. 10000,50000,100000")
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--join", choices=("threshold", "learned"), default=StoryOptions().join,
                        help="the join decision scored for quality (default: the shipped one)")
    parser.add_argument("--join-threshold", type=float, default=StoryOptions().join_threshold,
                        help="for --join threshold (e.g. the one tune_stories.py chose on the other dataset)")
    parser.add_argument("--single-merge-threshold", type=float, default=StoryOptions().single_merge_threshold,
                        help="online merge threshold for a candidate story of one article")
    parser.add_argument("--merge-threshold", type=float, default=StoryOptions().merge_threshold,
                        help="re-clustering merge threshold")
    parser.add_argument("--only", choices=("ViMs", "AbMuSu"), help="score one dataset")
    args = parser.parse_args()
    if not args.data.is_dir():
        raise SystemExit(f"{args.data} is absent: the benchmark needs ../shared/data")
    seeds = [int(s) for s in args.seeds.split(",")]
    seed = seeds[0]
    if args.generated:
        marks = [int(m) for m in args.generated.split(",")]
        articles, gold = generated_stream(max(marks), seed)
        print(f"Speed, online, generated stream (seed {seed}, {len(set(gold.values())):,} stories):\n")
        rows, tracker = speed(articles, marks)
        print_speed(rows)
        score = bcubed({a.id: a.story for a in tracker.state.articles.values()}, gold)
        print(f"\nB³ on the generated stream: P {score.precision:.4f} R {score.recall:.4f} F1 {score.f1:.4f}\n")
    if not args.skip_quality:
        report_quality(args.data, args.seeds, replace(StoryOptions(), join=args.join, join_threshold=args.join_threshold,
                                               single_merge_threshold=args.single_merge_threshold,
                                               merge_threshold=args.merge_threshold),
                       args.only)
    if args.skip_speed:
        return
    marks = [int(m) for m in args.curve.split(",")]
    print(f"\nSpeed, online, perturbed stream (seed {seed}), one process on this machine:\n")
    print_speed(speed(perturbed_stream(args.data, max(marks), seed), marks)[0])


if __name__ == "__main__":
    main()
