"""A story report as JSON data: the same object from the CLI, the HTTP API and the Python API."""
from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from tomtat.model import Article, StoryReport, Summary


def _article(article: Article) -> dict[str, Any]:
    return {"id": article.id, "title": article.title, "date": article.date.isoformat() if article.date else None,
            "source": article.source}


def summary_data(summary: Summary) -> dict[str, Any]:
    """{"text", "method", "budget", "sentences", "articles"} of a summary."""
    return {
        "text": summary.text,
        "method": summary.method,
        "budget": summary.budget,
        "sentences": [
            {"text": s.text, "article": s.article_id, "title": s.title, "date": s.date.isoformat() if s.date else None,
             "position": s.position, "source": s.source}
            for s in summary.sentences
        ],
        "articles": [_article(a) for a in summary.articles],
    }


def report_data(report: StoryReport) -> dict[str, Any] | list[dict[str, Any]]:
    """The report as JSON-ready data.

    With a summary: the summary's fields, then "problems", then a key per other part asked for
    ("entities", "keyphrases", "timeline", "conflicts"). Without one: {"entities", "keyphrases"} as asked, or
    the list of timeline events when the timeline is all that was asked for.
    """
    if report.summary is None and report.entities is None and report.keyphrases is None and report.timeline is not None \
            and report.conflicts is None:
        return [asdict(event) for event in report.timeline]
    data: dict[str, Any] = {}
    if report.summary is not None:
        data.update(summary_data(report.summary))
        data["problems"] = [str(p) for p in report.problems]
    if report.fused is not None:
        data["fused"] = [asdict(sentence) for sentence in report.fused]
    if report.entities is not None:
        data["entities"] = [asdict(entity) for entity in report.entities]
    if report.keyphrases is not None:
        data["keyphrases"] = report.keyphrases
    if report.timeline is not None:
        data["timeline"] = [asdict(event) for event in report.timeline]
    if report.conflicts is not None:
        data["conflicts"] = [asdict(conflict) for conflict in report.conflicts]
    return data


def render(report: StoryReport) -> str:
    """`report_data` as indented JSON (UTF-8 text kept as it is), ending with a newline."""
    return json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n"
