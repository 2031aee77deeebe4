"""Summary commands: summarize, demo, batch and eval."""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TextIO

import click

from tomtat import (
    REFERENCE_BUDGET, Article, Budget, InputError, Options, ProblemLog, SelectionOptions, check_model, render,
    summarize_cluster, summary_parts, train_model,
)
from tomtat.cli.app import main
from tomtat.cli.common import (
    budget_option, date_option, format_option, method_option, model_option, parse_budget, progress, read_story,
    read_text_file, report, story_report, trim_option,
)
from tomtat.evaluate import ROUGE_TYPES, Evaluation, evaluate
from tomtat.fusion import Backend, get_backend
from tomtat.ingest import json_lines, read_articles, read_clusters


def _print_summary(
    articles: list[Article], problems: ProblemLog, options: Options, fmt: str, with_timeline: bool = False,
    backend: Backend | None = None,
) -> None:
    parts = summary_parts(fmt, with_timeline)
    story = story_report(articles, problems, options, parts, "nothing to summarize", backend)
    click.echo(render(story, fmt), nl=False)


@main.command("summarize")
@click.argument("paths", nargs=-1, required=True)
@budget_option
@method_option
@model_option
@format_option
@click.option("--timeline", "with_timeline", is_flag=True, help="Add the story's dated events under the summary.")
@date_option
@trim_option
@click.option("--query", "-q", help="Focus the summary on this question or topic.")
@click.option(
    "--since", type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Update summary: what articles published after this date (YYYY-MM-DD) add to the earlier ones.",
)
@click.option("--backend", default="extractive", show_default=True,
              help='Fused summary: "openai" (any OpenAI-compatible endpoint) or a registered backend; each '
                   'generated sentence is checked against its sources (key: TOMTAT_LLM_KEY).')
@click.option("--llm-url", help="Base URL of the OpenAI-compatible endpoint, e.g. http://localhost:11434/v1 (Ollama).")
@click.option("--llm-model", help="Model name the endpoint serves.")
def summarize_command(
    paths: tuple[str, ...], budget: Budget, method: str, model: Path | None, fmt: str, with_timeline: bool,
    trim: bool, published: dt.datetime | None, query: str | None, since: dt.datetime | None,
    backend: str, llm_url: str | None, llm_model: str | None,
) -> None:
    """Summarize the articles in PATHS (text, HTML, JSONL or RSS/Atom files, folders, or - for stdin)."""
    check_model_option(method, model)
    articles, problems = read_story(paths, published)
    try:
        options = Options(
            method=method, budget=budget, trim=trim, query=query, since=since.date() if since else None, model=model
        )
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="'--query'") from None
    try:
        fusion = None if backend == "extractive" else get_backend(backend, llm_url, llm_model)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="'--backend'") from None
    _print_summary(articles, problems, options, fmt, with_timeline, fusion)


def check_model_option(method: str, model: Path | None) -> None:
    """A clean usage error when --model is given with another method or is not a model file."""
    if model is None:
        return
    try:
        if method != "supervised":
            raise ValueError(f"a model file is for --method supervised, not {method!r}")
        check_model(model)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="'--model'") from None


@main.command()
@budget_option
@format_option
def demo(budget: Budget, fmt: str) -> None:
    """Summarize the bundled example story (four invented articles with crawl noise)."""
    problems = ProblemLog()
    with resources.as_file(resources.files("tomtat") / "demo") as folder:
        articles = read_articles([str(folder)], problems)
    for article in articles:
        if article.source and Path(article.source).is_absolute():
            article.source = f"demo/{Path(article.source).name}"
    _print_summary(articles, problems, Options(budget=budget), fmt)


@main.command()
@click.argument("data", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False), help="Where to write the model (JSON holding both LightGBM models).")
def train(data: tuple[str, ...], output: str) -> None:
    """Train the supervised method (sentence scorer and concept weigher) on datasets with references (deterministic)."""
    problems = ProblemLog()
    try:
        model = train_model(cluster for path in data for cluster in read_clusters(path, problems))
    except ValueError as error:
        report(problems)
        raise click.ClickException(f"{', '.join(data)}: {error}") from None
    report(problems)
    Path(output).write_text(model, encoding="utf-8")
    click.echo(f"model written to {output}")
