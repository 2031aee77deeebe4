"""`tomtat entities`: people, organisations, places and keyphrases of a story, or names in JSONL lines."""
from __future__ import annotations

import datetime as dt

import click

from tomtat import Options, render
from tomtat.cli.app import main
from tomtat.cli.common import (
    date_option,
    format_option,
    read_story,
    echo_jsonl_results,
    story_report,
)
from tomtat.entities.offsets import entity_spans


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
        echo_jsonl_results(jsonl, '{"text"}', lambda obj, _: entity_spans(obj["text"]))
        return
    articles, problems = read_story(paths, published)
    story = story_report(articles, problems, Options(), {"entities", "keyphrases"}, "no entities")
    click.echo(render(story, fmt), nl=False)
