"""A story report as plain text: the summary with numbered sources, the timeline, the entities."""
from __future__ import annotations

from tomtat.conflicts import Conflict
from tomtat.entities import Entity
from tomtat.fusion import FusedSentence
from tomtat.model import StoryReport, Summary, SummarySentence
from tomtat.output.citations import cited_sources, source_numbers
from tomtat.timeline import Event

BACKGROUND_MARK = "(background)"


def _source_line(sentence: SummarySentence) -> str:
    parts = [sentence.title or sentence.article_id]
    if sentence.date:
        parts.append(sentence.date.isoformat())
    if sentence.source:
        parts.append(sentence.source)
    return " | ".join(parts)


def summary_text(summary: Summary) -> str:
    """Each sentence with its source number, a blank line, then "[n] title | date | source"."""
    numbers = source_numbers(summary)
    lines = [f"{s.text} [{numbers[s.article_id]}]" for s in summary.sentences]
    lines.append("")
    lines.extend(f"[{number}] {_source_line(sentence)}" for number, sentence in cited_sources(summary))
    return "\n".join(lines) + "\n"


def timeline_text(events: list[Event]) -> str:
    """One line per event: "2023-03-16  text  [sources]", background events marked at the end."""
    width = max((len(e.date) for e in events), default=0)
    lines = []
    for event in events:
        mark = f"  {BACKGROUND_MARK}" if event.background else ""
        lines.append(f"{event.date:<{width}}  {event.text}  [{', '.join(event.sources)}]{mark}")
    return "".join(line + "\n" for line in lines)


def entities_text(entities: list[Entity], keyphrases: list[str] | None) -> str:
    """One line per entity: type, name, count and the forms used; then the keyphrases."""
    width = max((len(e.name) for e in entities), default=0)
    lines = [f"{e.type}  {e.name:<{width}}  {e.count}  ({', '.join(e.mentions)})" for e in entities]
    if keyphrases is not None:
        lines += ["", "Keyphrases: " + ", ".join(keyphrases)]
    return "\n".join(lines) + "\n"


def conflicts_text(conflicts: list[Conflict]) -> str:
    """Per conflict: "kind: subject", then each value with its articles and first sentence."""
    lines = []
    for conflict in conflicts:
        update = f"  (update: {conflict.later})" if conflict.update else ""
        lines.append(f"{conflict.kind}: {conflict.subject}{update}")
        lines += [f"  {v.value}  [{', '.join(v.articles)}]  {v.sentences[0]}" for v in conflict.values]
    return "\n".join(lines or ["no conflicts"]) + "\n"


def fused_text(fused: list[FusedSentence]) -> str:
    """Each fused sentence with its article ids; a fallback marked with the guard's reason."""
    lines = [f"{s.text} [{', '.join(s.articles)}]" + (f"  (fallback: {s.reason})" if s.fallback else "") for s in fused]
    return "\n".join(lines) + "\n"


def render(report: StoryReport) -> str:
    """The report's parts one after the other; a part after the first is headed by its name."""
    sections = []
    if report.summary is not None:
        sections.append(summary_text(report.summary))
    if report.fused is not None:
        sections.append("Fused summary\n" + fused_text(report.fused))
    if report.timeline is not None:
        sections.append(("Timeline\n" if sections else "") + timeline_text(report.timeline))
    if report.entities is not None:
        sections.append(("Entities\n" if sections else "") + entities_text(report.entities, report.keyphrases))
    if report.conflicts is not None:
        sections.append(("Conflicts\n" if sections else "") + conflicts_text(report.conflicts))
    return "\n".join(sections)
