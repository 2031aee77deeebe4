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
@click.argument("data", type=click.Path(dir_okay=False))
@click.option("--output", "-o", required=True, help="Where to write one {id, summary} JSON line per cluster (- for stdout).")
@click.option("--budget", "-b", default=REFERENCE_BUDGET, show_default=True, help='A budget as for summarize, or "ref": the mean reference length in syllables.')
@method_option
@model_option
@click.option("--fill/--no-fill", default=True, show_default=True, help="Let the last sentence reach the budget exactly (cut there).")
@trim_option
def batch(data: str, output: str, budget: str, method: str, model: Path | None, fill: bool, trim: bool) -> None:
    """Summarize every cluster of a dataset JSONL file (the ../shared/data format)."""
    if budget != REFERENCE_BUDGET:
        parse_budget(None, None, budget)
    check_model_option(method, model)
    options = Options(method=method, trim=trim, model=model, selection=SelectionOptions(fill=fill))
    problems = ProblemLog()
    written = without_references = 0
    with _replaced_on_success(output) as out:
        for cluster in progress(read_clusters(data, problems), "summarizing", " clusters"):
            try:
                text = summarize_cluster(cluster, options, budget).text
            except ValueError as error:
                problems.add(InputError(f"cluster {cluster.id!r}: {error}", data, cluster.line))
                continue
            out.write(json.dumps({"id": cluster.id, "summary": text}, ensure_ascii=False) + "\n")
            written += 1
            without_references += budget == REFERENCE_BUDGET and not cluster.references
        report(problems)
        if not written:
            raise click.ClickException(f"no cluster of {data} could be summarized; nothing written to {output}")
    if without_references:
        click.echo(f"tomtat: {without_references} of {written} clusters have no reference summary: "
                   f"summarized with the default budget ({options.budget})", err=True)


@contextmanager
def _replaced_on_success(output: str) -> Iterator[TextIO]:
    """`output` ("-": standard output) written through a temporary file that replaces it only
    when the block ends without an error, so a failed run leaves no file behind."""
    if output == "-":
        yield click.get_text_stream("stdout")
        return
    target = Path(output)
    partial = target.with_name(f".{target.name}.partial")
    try:
        with partial.open("w", encoding="utf-8") as out:
            yield out
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


def _read_predictions(path: str, problems: ProblemLog) -> dict[str, str]:
    text = read_text_file(path)
    predictions = {}
    for number, obj in json_lines(text, path, problems):
        if not isinstance(obj.get("id"), (str, int)) or not isinstance(obj.get("summary"), str):
            problems.add(InputError('a line needs "id" and a string "summary": skipped', path, number))
            continue
        predictions[str(obj["id"])] = obj["summary"]
    return predictions


def _evaluation_dict(evaluation: Evaluation, per_cluster: bool) -> dict:
    def scores(values: dict) -> dict:
        return {name: {"precision": s.precision, "recall": s.recall, "f1": s.f1} for name, s in values.items()}

    result = {"clusters": len(evaluation.per_cluster), "missing": evaluation.missing, **scores(evaluation.mean)}
    if per_cluster:
        result["per_cluster"] = {cid: scores(values) for cid, values in evaluation.per_cluster.items()}
    return result


@main.command("eval")
@click.argument("data", type=click.Path(dir_okay=False))
@click.argument("predictions", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--per-cluster", is_flag=True, help="Also print each cluster's scores.")
def eval_command(data: str, predictions: str, as_json: bool, per_cluster: bool) -> None:
    """ROUGE-1/2/L of PREDICTIONS against the references in DATA (syllables, NFC, lowercase)."""
    problems = ProblemLog()
    predicted = _read_predictions(predictions, problems)
    try:
        evaluation = evaluate(read_clusters(data, problems), predicted)
    except ValueError as error:
        report(problems)
        raise click.ClickException(f"{data}: {error}") from None
    report(problems)
    for cluster_id in evaluation.missing:
        click.echo(f"tomtat: no prediction for cluster {cluster_id!r}: scored 0", err=True)
    if as_json:
        click.echo(json.dumps(_evaluation_dict(evaluation, per_cluster), ensure_ascii=False, indent=2))
        return
    click.echo(f"{len(evaluation.per_cluster)} clusters")
    click.echo(f"{'':8}{'P':>8}{'R':>8}{'F1':>8}")
    names = {"rouge1": "ROUGE-1", "rouge2": "ROUGE-2", "rougeL": "ROUGE-L"}
    for name in ROUGE_TYPES:
        s = evaluation.mean[name]
        click.echo(f"{names[name]:8}{s.precision:8.4f}{s.recall:8.4f}{s.f1:8.4f}")
    if per_cluster:
        for cluster_id, values in evaluation.per_cluster.items():
            click.echo(f"{cluster_id}\t" + "\t".join(f"{values[n].f1:.4f}" for n in ROUGE_TYPES))


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
