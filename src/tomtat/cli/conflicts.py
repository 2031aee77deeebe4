"""`tomtat conflicts`: numbers, names, roles and dates the articles of a story give differently."""
from __future__ import annotations

import datetime as dt

import click

from tomtat import Options, render
from tomtat.cli.app import main
from tomtat.cli.common import date_option, read_story, story_report

FORMATS = ("text", "json", "markdown")


@main.command("conflicts")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@date_option
def conflicts_command(paths: tuple[str, ...], fmt: str, published: dt.datetime | None) -> None:
    """Facts the articles in PATHS report differently: counts, names, roles, dates; later revisions marked as updates."""
    articles, problems = read_story(paths, published)
    story = story_report(articles, problems, Options(), {"conflicts"}, "no conflicts to find")
    click.echo(render(story, fmt), nl=False)
