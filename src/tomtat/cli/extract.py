"""`tomtat extract`: what tomtat reads from each input, down to the sentences the summarizer sees."""
from __future__ import annotations

import json

import click

from tomtat import Article, ProblemLog, prepare
from tomtat.cli.app import main
from tomtat.cli.common import report
from tomtat.clean import clean_text
from tomtat.ingest import read_inputs


def extracted(file: str, article: Article) -> dict:
    """{"file", "title", "date", "source", "lead", "text", "sentences"} of one article; `text` is
    the cleaned body, `lead` its first paragraph, `sentences` exactly what the summarizer sees."""
    text = clean_text(article.text)
    document = prepare(article, 0)
    return {"file": file, "title": document.title, "date": article.date.isoformat() if article.date else None,
            "source": article.source, "lead": text.split("\n", 1)[0], "text": text,
            "sentences": [s.text for s in document.sentences]}


def _as_text(item: dict) -> str:
    lines = [f"{item['file']}: {item['title']}", f"  date: {item['date'] or '-'}", f"  source: {item['source'] or '-'}",
             f"  lead: {item['lead']}"]
    lines += [f"  [{number}] {sentence}" for number, sentence in enumerate(item["sentences"], start=1)]
    return "\n".join(lines) + "\n"


@main.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "-f", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True)
def extract_command(paths: tuple[str, ...], fmt: str) -> None:
    """What tomtat reads from each article in PATHS: title, date, source, lead, cleaned text and sentences."""
    problems = ProblemLog()
    count = 0
    for file, articles in read_inputs(paths, problems):
        for article in articles:
            item = extracted(file, article)
            click.echo(json.dumps(item, ensure_ascii=False) if fmt == "json" else _as_text(item), nl=fmt == "json")
            count += 1
    report(problems)
    if not count:
        raise click.ClickException("no article could be read; nothing to extract")
