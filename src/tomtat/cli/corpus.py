"""The corpus command: the whole pipeline over many files, locally or on a Dask cluster."""
from __future__ import annotations

import click

from tomtat import Budget, Options
from tomtat.cli.app import main
from tomtat.cli.common import budget_option, report
from tomtat.corpus import CORPUS_PARTS


def _parse_parts(_context: click.Context, _parameter: click.Parameter, value: str) -> tuple[str, ...]:
    parts = tuple(part.strip() for part in value.split(",") if part.strip())
    unknown = sorted(set(parts) - set(CORPUS_PARTS))
    if unknown:
        raise click.BadParameter(f"unknown part {', '.join(unknown)}; give some of {','.join(CORPUS_PARTS)} or ''")
    return parts


@main.command("corpus")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--output", "-o", "outdir", required=True, help="Folder or fsspec URL (s3://…) the tables are written to.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", help="Address of a running Dask scheduler (tcp://host:8786); implies --engine dask.")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="Worker processes of the local Dask cluster started when no --scheduler is given.")
@click.option("--parts", default=",".join(CORPUS_PARTS), show_default=True, callback=_parse_parts,
              help="What each story gets, comma-separated ('' for stories alone).")
@budget_option
def corpus(inputs: tuple[str, ...], outdir: str, engine: str, scheduler: str | None, workers: int,
           parts: tuple[str, ...], budget: Budget) -> None:
    """Stories of a whole corpus with their summaries, timelines and entities.

    INPUTS are folders, article JSONL, dataset JSONL, text/HTML/feed files or Parquet files with
    the article columns, as paths or fsspec URLs. Writes OUTDIR/stories.jsonl and
    OUTDIR/articles.jsonl, and the same tables as .parquet.
    """
    from tomtat.corpus import LocalEngine, run_corpus  # numpy: only for this command

    options = Options(budget=budget)
    try:
        if scheduler is None and engine == "local":
            result = run_corpus(inputs, outdir, LocalEngine(), options, parts)
        else:
            with _dask_engine(scheduler, workers) as cluster:
                result = run_corpus(inputs, outdir, cluster, options, parts)
    except OSError as error:
        raise click.ClickException(f"{outdir}: cannot write: {error.strerror or error}") from None
    report(result.problems)
    if not result.articles:
        raise click.ClickException("no article could be read; nothing written")
    copies = sum(row["duplicate_of"] is not None for row in result.articles)
    stories = len(result.stories)
    click.echo(f"{len(result.articles)} articles ({copies} near-duplicates) in {stories} {'story' if stories == 1 else 'stories'}")
    for url in result.written:
        click.echo(f"wrote {url}")


def _dask_engine(scheduler: str | None, workers: int):
    """A `DaskEngine`; a clean error when dask is missing or the scheduler cannot be reached."""
    try:
        from tomtat.corpus import DaskEngine

        return DaskEngine(scheduler, workers)
    except ModuleNotFoundError as error:
        raise click.ClickException(f"{error.name} is needed by --engine dask: pip install 'tomtat[corpus]'") from None
    except OSError as error:
        raise click.ClickException(f"cannot start or reach the Dask cluster ({scheduler or 'local'}): {error}") from None
