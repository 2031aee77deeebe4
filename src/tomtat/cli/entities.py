"""`tomtat entities`: people, organisations, places and keyphrases of a story."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict

import click

from tomtat.cli.app import main
from tomtat.cli.common import date_option, format_option, prepared, read_story, report
from tomtat.entities import Entity, keyphrases, story_entities


def _text(entities: list[Entity], phrases: list[str]) -> str:
    width = max((len(e.name) for e in entities), default=0)
    lines = [f"{e.type}  {e.name:<{width}}  {e.count}  ({', '.join(e.mentions)})" for e in entities]
    return "\n".join(lines + ["", "Keyphrases: " + ", ".join(phrases)]) + "\n"


def _markdown(entities: list[Entity], phrases: list[str]) -> str:
    rows = [f"| {e.type} | {e.name} | {e.count} | {', '.join(e.mentions)} | {', '.join(e.articles)} |" for e in entities]
    table = ["## Entities", "", "| Type | Name | Count | Mentions | Articles |", "|---|---|---:|---|---|", *rows]
    return "\n".join(table + ["", "## Keyphrases", "", *(f"- {p}" for p in phrases)]) + "\n"


def _json(entities: list[Entity], phrases: list[str]) -> str:
    data = {"entities": [asdict(e) for e in entities], "keyphrases": phrases}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


RENDERERS = {"text": _text, "markdown": _markdown, "json": _json}


@main.command("entities")
@click.argument("paths", nargs=-1, required=True)
@format_option
@date_option
def entities_command(paths: tuple[str, ...], fmt: str, published: dt.datetime | None) -> None:
    """People (PER), organisations (ORG) and places (LOC) of the story in PATHS, with keyphrases."""
    articles, problems = read_story(paths, published)
    documents = prepared(articles, problems, "no entities")
    report(problems)
    click.echo(RENDERERS[fmt](story_entities(documents), keyphrases(documents)), nl=False)
