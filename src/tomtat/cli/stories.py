"""Story commands: cluster."""
from __future__ import annotations

import json
import sqlite3
from contextlib import nullcontext

import click

from tomtat import ProblemLog
from tomtat.cli.app import main
from tomtat.cli.common import progress, report
from tomtat.ingest import read_articles


@main.command("cluster")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "-f", "fmt", type=click.Choice(["json", "markdown"]), default="json", show_default=True)
@click.option("--state", type=click.Path(dir_okay=False), help="SQLite file holding the stories between runs (created if absent).")
@click.option("--recluster", is_flag=True,
              help="Re-cluster everything (stored and new) in date order, then refine, instead of adding online.")
@click.option("--join", "join", type=click.Choice(["threshold", "learned"]), default="threshold", show_default=True,
              help="How an article picks its story: a similarity threshold, or the learned LightGBM join model.")
def cluster(paths: tuple[str, ...], fmt: str, state: str | None, recluster: bool, join: str) -> None:
    """Group the articles in PATHS into stories and link near-duplicates.

    PATHS are text/HTML/JSONL article files, folders, dataset JSONL files (clusters flattened),
    RSS/Atom feed files (.xml, .rss, .atom) or - for stdin.
    """
    from tomtat.store import StoryDatabase  # numpy and the tracker: only for this command
    from tomtat.stories import StoryOptions, as_json, as_markdown, cluster_articles

    problems = ProblemLog()
    articles = read_articles(paths, problems, flatten_datasets=True)
    options = StoryOptions(join=join)
    try:
        with StoryDatabase(state, options) if state else nullcontext() as store:
            tracker = cluster_articles(articles, problems, options, store=store, recluster=recluster,
                                       progress=lambda items: progress(items, "clustering", " articles"))
    except ValueError as error:
        report(problems)
        raise click.ClickException(str(error)) from None
    except sqlite3.Error as error:
        report(problems)
        raise click.ClickException(f"{state}: {error}") from None
    report(problems)
    if not tracker.state.articles:
        raise click.ClickException("no article could be read; nothing to cluster")
    if fmt == "json":
        click.echo(json.dumps(as_json(tracker), ensure_ascii=False, indent=2))
    else:
        click.echo(as_markdown(tracker), nl=False)
