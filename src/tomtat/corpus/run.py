"""A whole corpus run, stage after stage, on either engine."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from tomtat.corpus import CORPUS_PARTS, clustering, dedup, reports
from tomtat.corpus.engine import Engine
from tomtat.corpus.sources import ArticleRecord, first_occurrences, list_partitions, read_partition
from tomtat.corpus.write import write_tables
from tomtat.options import Options
from tomtat.problems import Problem, ProblemLog


@dataclass
class CorpusResult:
    """What a run wrote and met."""

    stories: list[dict[str, Any]]
    articles: list[dict[str, Any]]
    problems: ProblemLog = field(default_factory=ProblemLog)
    written: list[str] = field(default_factory=list)


def run_corpus(inputs: Iterable[str], outdir: str | None, engine: Engine, options: Options | None = None,
               parts: Iterable[str] = CORPUS_PARTS, partition_bytes: int | None = None) -> CorpusResult:
    """Read, link near-duplicates, cluster into stories, report each story, write to `outdir`
    (an fsspec URL; None writes nothing). Unusable input is in the result's problems."""
    options = options or Options()
    story_options = options.stories
    parts = tuple(parts)
    problems = ProblemLog()
    listing = list_partitions(list(inputs), problems, **({"partition_bytes": partition_bytes} if partition_bytes else {}))
    items = engine.keep(engine.read(listing, _reader(story_options)), "reading")
    problems.extend(sorted(engine.collect(engine.map_partitions(items, _problems_of), "problems"),
                           key=_problem_order))
    index = engine.collect(engine.map_partitions(items, _index_rows), "indexing")
    repeats, repeated = first_occurrences(index)
    problems.extend(repeated)
    records = engine.keep(engine.map_partitions(items, _records_of, engine.share(repeats)), "checking ids")

    pairs = engine.collect(engine.group(engine.map_partitions(records, dedup.band_rows, story_options),
                                        lambda row: row.band_key, dedup.bucket_pairs), "near-duplicate buckets")
    wanted = {ref for pair in pairs for ref in pair}
    found = engine.collect(engine.map_partitions(records, dedup.candidates, engine.share(wanted)), "candidates")
    copies = dedup.originals(dedup.verified_pairs(pairs, found, story_options.duplicate_threshold))

    shared_copies = engine.share(copies)
    stories = engine.collect(engine.group(engine.map_partitions(records, clustering.block_rows, shared_copies),
                                          lambda row: row[0], clustering.block_stories(story_options)), "clustering")
    story_of = clustering.merge_blocks(stories, copies)

    rows = engine.map_partitions(records, reports.story_rows, engine.share(story_of))
    story_table = sorted(engine.collect(engine.group(rows, lambda row: reports.story_key(row[0]),
                                                     reports.story_reports(options, parts)), "stories"),
                         key=lambda story: story["id"])
    article_table = [{"id": a, "story": story_of[a], "duplicate_of": copies.get(a)} for a in sorted(story_of)]
    written = write_tables(outdir, story_table, article_table) if outdir is not None else []
    return CorpusResult(story_table, article_table, problems, written)


def _reader(options):
    return lambda partition: read_partition(partition, options)


def _problems_of(partition: list[ArticleRecord | Problem]) -> list[Problem]:
    return [item for item in partition if isinstance(item, Problem)]


def _problem_order(problem: Problem) -> tuple[str, int, str]:
    return (problem.path, problem.line or 0, problem.message)


def _index_rows(partition: list[ArticleRecord | Problem]) -> list[tuple[str, tuple[int, int], str]]:
    return [(item.article.id, item.order, item.where) for item in partition
            if isinstance(item, ArticleRecord)]


def _records_of(partition: list[ArticleRecord | Problem], repeats: set[tuple[int, int]]) -> list[ArticleRecord]:
    return [item for item in partition if isinstance(item, ArticleRecord) and item.order not in repeats]
