"""Timeline commands: `timeline` (dated events of a story) and `dates` (time expressions of a text)."""
from __future__ import annotations

import datetime as dt
import json

import click

from tomtat import InputError, Options, render
from tomtat.cli.app import main
from tomtat.cli.common import date_option, echo_jsonl_results, format_option, read_story, story_report
from tomtat.timex import Timex, find_timexes


@main.command("timeline")
@click.argument("paths", nargs=-1, required=True)
@format_option
@date_option
def timeline_command(paths: tuple[str, ...], fmt: str, published: dt.datetime | None) -> None:
    """Dated events of the story told by the articles in PATHS, merged across articles, in date order."""
    articles, problems = read_story(paths, published)
    click.echo(render(story_report(articles, problems, Options(), {"timeline"}, "no timeline"), fmt), nl=False)


def _timex_dicts(timexes: list[Timex]) -> list[dict]:
    return [{"text": t.text, "start": t.start, "end": t.end, "type": t.type, "value": t.value} for t in timexes]


def _parse_published(value: object, path: str, line: int) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise InputError('"published" must be a YYYY-MM-DD date or null', path, line)


def _line_timexes(obj: dict, number: int, path: str) -> list[dict]:
    """Time expressions of one {"text", "published"} line; InputError for a bad "published"."""
    return _timex_dicts(find_timexes(obj["text"], _parse_published(obj.get("published"), path, number)))


@main.command("dates")
@click.argument("text", required=False)
@click.option("--published", "-p", type=click.DateTime(formats=["%Y-%m-%d"]), help="Publication date (YYYY-MM-DD) relative dates are resolved against.")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--jsonl", type=click.Path(dir_okay=False), help='Read {"text", "published"} lines; write one JSON list per line (null for a bad line, reported on stderr).')
def dates_command(text: str | None, published: dt.datetime | None, fmt: str, jsonl: str | None) -> None:
    """Time expressions in TEXT (or - for stdin) with their TIMEX3 values."""
    if (text is None) == (jsonl is None):
        raise click.UsageError("give either TEXT or --jsonl FILE")
    if jsonl is not None:
        echo_jsonl_results(jsonl, '{"text", "published"}', lambda obj, number: _line_timexes(obj, number, jsonl))
        return
    if text == "-":
        text = click.get_text_stream("stdin").read()
    timexes = find_timexes(text, published.date() if published else None)
    if fmt == "json":
        click.echo(json.dumps(_timex_dicts(timexes), ensure_ascii=False, indent=2))
        return
    for timex in timexes:
        click.echo(f"{timex.text}\t{timex.type}\t{timex.value or '(unresolved)'}")
