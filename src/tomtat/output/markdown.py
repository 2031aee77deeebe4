"""A story report as Markdown: "## Summary", "## Sources", "## Timeline", "## Entities" sections."""
from __future__ import annotations

from tomtat.conflicts import Conflict
from tomtat.entities import Entity
from tomtat.fusion import FusedSentence
from tomtat.model import StoryReport, Summary
from tomtat.output.citations import cited_sources, source_numbers
from tomtat.output.text import BACKGROUND_MARK
from tomtat.timeline import Event


_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "[": "\\[", "]": "\\]", "`": "\\`"})


def escaped(text: str) -> str:
    """Article text made inert in Markdown: no raw HTML (`<script>`), no link syntax (`[x](javascript:...)`)."""
    return text.translate(_ESCAPES)


def summary_markdown(summary: Summary) -> str:
    """The sentences as a list linking to their numbered sources, then the sources."""
    numbers = source_numbers(summary)
    lines = ["## Summary", ""]
    lines.extend(f"- {escaped(s.text)} [[{numbers[s.article_id]}]](#source-{numbers[s.article_id]})" for s in summary.sentences)
    lines += ["", "## Sources", ""]
    for number, sentence in cited_sources(summary):
        date = f" ({sentence.date.isoformat()})" if sentence.date else ""
        source = f", {escaped(sentence.source)}" if sentence.source else ""
        title = escaped(sentence.title or sentence.article_id)
        lines.append(f'{number}. <a id="source-{number}"></a>**{title}**{date}{source}')
    return "\n".join(lines) + "\n"


def timeline_markdown(events: list[Event]) -> str:
    """A "## Timeline" list: bold date, text, sources in italics, background marked."""
    lines = ["## Timeline", ""]
    for event in events:
        mark = f" {BACKGROUND_MARK}" if event.background else ""
        lines.append(f"- **{event.date}**{mark} {escaped(event.text)} _({escaped(', '.join(event.sources))})_")
    return "\n".join(lines) + "\n"


def entities_markdown(entities: list[Entity], keyphrases: list[str] | None) -> str:
    """An "## Entities" table, then the "## Keyphrases" list."""
    rows = [f"| {e.type} | {escaped(e.name)} | {e.count} | {escaped(', '.join(e.mentions))} | {escaped(', '.join(e.articles))} |"
            for e in entities]
    lines = ["## Entities", "", "| Type | Name | Count | Mentions | Articles |", "|---|---|---:|---|---|", *rows]
    if keyphrases is not None:
        lines += ["", "## Keyphrases", "", *(f"- {escaped(p)}" for p in keyphrases)]
    return "\n".join(lines) + "\n"


def conflicts_markdown(conflicts: list[Conflict]) -> str:
    """A "## Conflicts" list: kind and subject, then each value with its articles and sentence."""
    lines = ["## Conflicts", ""]
    for conflict in conflicts:
        update = f" (update: **{conflict.later}**)" if conflict.update else ""
        lines.append(f"- {conflict.kind}: {conflict.subject}{update}")
        lines += [f"  - **{v.value}** _({', '.join(v.articles)})_: {v.sentences[0]}" for v in conflict.values]
    if not conflicts:
        lines.append("No conflicts.")
    return "\n".join(lines) + "\n"


def fused_markdown(fused: list[FusedSentence]) -> str:
    """A "## Fused summary" list; a sentence that failed the guard is marked with the reason."""
    lines = ["## Fused summary", ""]
    lines += [f"- {s.text} _({', '.join(s.articles)})_" + (f" **fallback**: {s.reason}" if s.fallback else "")
              for s in fused]
    return "\n".join(lines) + "\n"


def render(report: StoryReport) -> str:
    """The report's parts as Markdown sections, separated by a blank line."""
    sections = []
    if report.summary is not None:
        sections.append(summary_markdown(report.summary))
    if report.fused is not None:
        sections.append(fused_markdown(report.fused))
    if report.timeline is not None:
        sections.append(timeline_markdown(report.timeline))
    if report.entities is not None:
        sections.append(entities_markdown(report.entities, report.keyphrases))
    if report.conflicts is not None:
        sections.append(conflicts_markdown(report.conflicts))
    return "\n".join(sections)
