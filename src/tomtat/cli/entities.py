"""`tomtat entities`: people, organisations, places and keyphrases of a story, or names in JSONL lines."""
from __future__ import annotations

import datetime as dt
import json

import click

from tomtat import Options, render
from tomtat.cli.app import main
from tomtat.cli.common import (
    date_option,
    format_option,
    read_story,
    read_text_file,
    report,
    story_report,
)
from tomtat.entities.offsets import entity_spans
from tomtat.problems import InputError, ProblemLog


def _jsonl_line(line: str, path: str, number: int) -> list[dict]:
    """Entities of one {"text"} line; InputError when it cannot be used."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(f"not JSON ({error.msg} at column {error.colno})", path, number) from None
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise InputError('a {"text"} object with a string "text" was expected', path, number)
    return entity_spans(obj["text"])


def _entities_jsonl(path: str) -> None:
    problems = ProblemLog()
    for number, line in enumerate(read_text_file(path).split("\n"), start=1):
        if not line.strip():
            continue
        try:
            result: list[dict] | None = _jsonl_line(line, path, number)
        except InputError as error:
            problems.add(error)
            result = None
        click.echo(json.dumps(result, ensure_ascii=False))
    report(problems)


@main.command("entities")
@click.argument("paths", nargs=-1)
@format_option
@date_option
@click.option("--jsonl", type=click.Path(dir_okay=False), help='Read {"text"} lines; write one JSON list of {"text", "type", "start", "end"} per line (null for a bad line, reported on stderr).')
def entities_command(paths: tuple[str, ...], fmt: str, published: dt.datetime | None, jsonl: str | None) -> None:
    """People (PER), organisations (ORG), places (LOC) and other names (MISC) of the story in PATHS, with keyphrases."""
    if bool(paths) == (jsonl is not None):
        raise click.UsageError("give either PATHS or --jsonl FILE")
    if jsonl is not None:
        _entities_jsonl(jsonl)
        return
    articles, problems = read_story(paths, published)
    story = story_report(articles, problems, Options(), {"entities", "keyphrases"}, "no entities")
    click.echo(render(story, fmt), nl=False)
