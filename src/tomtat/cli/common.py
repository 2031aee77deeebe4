"""What the commands share: problem reports, options, progress bars."""
from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import click

from tomtat import (
    DEFAULT_METHOD, FORMATS, METHODS, Article, Budget, InputError, Options, ProblemLog, StoryReport,
    summarize_story,
)
from tomtat.fusion import Backend
from tomtat.ingest import decode_bytes, read_articles

T = TypeVar("T")
DEFAULT_BUDGET = "200"


def report(problems: ProblemLog) -> None:
    """Print each skipped (or partly used) input on standard error, with file and line."""
    for problem in problems:
        click.echo(f"tomtat: {'skipped ' if problem.skipped else ''}{problem}", err=True)


def read_story(paths: Iterable[str], published: dt.datetime | None) -> tuple[list[Article], ProblemLog]:
    """Articles of PATHS and the problems met; `published` dates those that carry no date."""
    problems = ProblemLog()
    articles = read_articles(paths, problems)
    if published is not None:
        for article in articles:
            article.date = article.date or published.date()
    return articles, problems


def story_report(
    articles: list[Article], problems: ProblemLog, options: Options, parts: Iterable[str], purpose: str,
    backend: Backend | None = None,
) -> StoryReport:
    """The story's report, its problems reported; a clean CLI error, after the problems, when
    no article could be read."""
    if not articles:
        report(problems)
        raise click.ClickException(f"no article could be read; {purpose}")
    result = summarize_story(articles, options, parts, problems, backend)
    report(result.problems)
    return result


def read_text_file(path: str) -> str:
    """A whole input file as text; a clean CLI error naming the file when it cannot be read."""
    try:
        return decode_bytes(Path(path).read_bytes(), path)
    except InputError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"{path}: cannot read: {error.strerror}") from None


def parse_budget(_context: click.Context | None, _parameter: click.Parameter | None, value: str) -> Budget:
    try:
        return Budget.parse(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def progress(items: Iterable[T], label: str, unit: str) -> Iterator[T]:
    """`items` with a progress bar on a terminal, silently when standard error is piped."""
    from tqdm import tqdm

    return iter(tqdm(items, desc=label, unit=unit, disable=not sys.stderr.isatty(), file=sys.stderr))


budget_option = click.option(
    "--budget", "-b", default=DEFAULT_BUDGET, show_default=True, callback=parse_budget,
    help='Length: syllables ("200"), words ("80w"), sentences ("5 sentences") or "20%" of an average article.',
)
method_option = click.option(
    "--method", "-m", type=click.Choice(sorted(METHODS)), default=DEFAULT_METHOD, show_default=True
)
model_option = click.option(
    "--model", type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A model file from `tomtat train` for --method supervised (default: the shipped model).",
)
format_option = click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
date_option = click.option(
    "--date", "published", type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Publication date (YYYY-MM-DD) of the articles that carry none; never overrides one they have.",
)
trim_option = click.option(
    "--trim", is_flag=True, help='Drop leading connectives ("Trong khi đó,", "Tuy nhiên,") so more content fits.'
)


def echo_jsonl_results(path: str, fields: str, result_of: Callable[[dict, int], list[dict]]) -> None:
    """For each line of the JSONL file `path`, a `{fields}` object with a string "text": print
    `result_of(object, line number)` as one JSON line; a bad line prints `null` and is reported
    with file:line (`result_of` raises InputError for what it cannot use)."""
    problems = ProblemLog()
    for number, line in enumerate(read_text_file(path).split("\n"), start=1):
        if not line.strip():
            continue
        result: list[dict] | None = None
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                raise InputError(f'a {fields} object with a string "text" was expected', path, number)
            result = result_of(obj, number)
        except json.JSONDecodeError as error:
            problems.add(InputError(f"not JSON ({error.msg} at column {error.colno})", path, number))
        except InputError as error:
            problems.add(error)
        click.echo(json.dumps(result, ensure_ascii=False))
    report(problems)
