"""Summaries as plain text, JSON and Markdown, each sentence pointing to its source."""
from __future__ import annotations

import json
from typing import Any

from tomtat.model import Summary, SummarySentence
from tomtat.problems import Problem

FORMATS = ("text", "json", "markdown")


def _source_numbers(summary: Summary) -> dict[str, int]:
    """Source number of each cited article, in order of first citation."""
    numbers: dict[str, int] = {}
    for sentence in summary.sentences:
        numbers.setdefault(sentence.article, len(numbers) + 1)
    return numbers


def _source_line(sentence: SummarySentence) -> str:
    parts = [sentence.title or sentence.article]
    if sentence.date:
        parts.append(sentence.date.isoformat())
    if sentence.source:
        parts.append(sentence.source)
    return " | ".join(parts)


def _sources(summary: Summary) -> list[tuple[int, SummarySentence]]:
    numbers = _source_numbers(summary)
    first = {}
    for sentence in summary.sentences:
        first.setdefault(sentence.article, sentence)
    return [(numbers[article], sentence) for article, sentence in first.items()]


def to_text(summary: Summary) -> str:
    numbers = _source_numbers(summary)
    lines = [f"{s.text} [{numbers[s.article]}]" for s in summary.sentences]
    lines.append("")
    lines.extend(f"[{number}] {_source_line(sentence)}" for number, sentence in _sources(summary))
    return "\n".join(lines) + "\n"


def to_markdown(summary: Summary) -> str:
    numbers = _source_numbers(summary)
    lines = ["## Summary", ""]
    lines.extend(f"- {s.text} [[{numbers[s.article]}]](#source-{numbers[s.article]})" for s in summary.sentences)
    lines += ["", "## Sources", ""]
    for number, sentence in _sources(summary):
        date = f" ({sentence.date.isoformat()})" if sentence.date else ""
        source = f", {sentence.source}" if sentence.source else ""
        lines.append(f'{number}. <a id="source-{number}"></a>**{sentence.title or sentence.article}**{date}{source}')
    return "\n".join(lines) + "\n"


def summary_dict(summary: Summary, problems: list[Problem] | None = None) -> dict[str, Any]:
    return {
        "text": summary.text,
        "method": summary.method,
        "budget": summary.budget,
        "sentences": [
            {
                "text": s.text,
                "article": s.article,
                "title": s.title,
                "date": s.date.isoformat() if s.date else None,
                "position": s.position,
                "source": s.source,
            }
            for s in summary.sentences
        ],
        "articles": [
            {"id": a.id, "title": a.title, "date": a.date.isoformat() if a.date else None, "source": a.source}
            for a in summary.articles
        ],
        "problems": [str(p) for p in problems or []],
    }


def to_json(summary: Summary) -> str:
    return json.dumps(summary_dict(summary), ensure_ascii=False, indent=2) + "\n"


def render(summary: Summary, fmt: str) -> str:
    """The summary in `fmt` ("text", "json" or "markdown")."""
    if fmt == "json":
        return to_json(summary)
    if fmt == "markdown":
        return to_markdown(summary)
    if fmt == "text":
        return to_text(summary)
    raise ValueError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
