"""`tomtat entities`: people, organisations, places and keyphrases of a story."""
from __future__ import annotations

import datetime as dt

import click

from tomtat import Options, render
from tomtat.cli.app import main
from tomtat.cli.common import date_option, format_option, read_story, story_report


@main.command("entities")
@click.argument("paths", nargs=-1, required=True)
@format_option
@date_option
def entities_command(paths: tuple[str, ...], fmt: str, published: dt.datetime | None) -> None:
    """People (PER), organisations (ORG) and places (LOC) of the story in PATHS, with keyphrases."""
    articles, problems = read_story(paths, published)
    report = story_report(articles, problems, Options(), {"entities", "keyphrases"}, "no entities")
    click.echo(render(report, fmt), nl=False)
