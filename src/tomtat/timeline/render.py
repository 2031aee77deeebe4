"""A timeline as text, Markdown or JSON."""
from __future__ import annotations

import json
from dataclasses import asdict

from tomtat.timeline.events import Event

BACKGROUND_MARK = "(background)"


def event_dict(event: Event) -> dict:
    """{"date", "precision", "text", "sources", "background"}."""
    return asdict(event)


def to_text(events: list[Event]) -> str:
    """One line per event: "2023-03-16  text  [sources]", background events marked at the end."""
    width = max((len(e.date) for e in events), default=0)
    lines = []
    for event in events:
        mark = f"  {BACKGROUND_MARK}" if event.background else ""
        lines.append(f"{event.date:<{width}}  {event.text}  [{', '.join(event.sources)}]{mark}")
    return "".join(line + "\n" for line in lines)


def to_markdown(events: list[Event]) -> str:
    """A "## Timeline" list: bold date, text, sources in italics, background marked."""
    lines = ["## Timeline", ""]
    for event in events:
        mark = f" {BACKGROUND_MARK}" if event.background else ""
        lines.append(f"- **{event.date}**{mark} {event.text} _({', '.join(event.sources)})_")
    return "\n".join(lines) + "\n"


def to_json(events: list[Event]) -> str:
    """A JSON list of event objects."""
    return json.dumps([event_dict(e) for e in events], ensure_ascii=False, indent=2) + "\n"


RENDERERS = {"text": to_text, "markdown": to_markdown, "json": to_json}
