"""Output: one serializer per format for a `StoryReport`."""
from __future__ import annotations

from collections.abc import Callable

from tomtat.model import StoryReport
from tomtat.output import html, json, markdown, text
from tomtat.output.json import report_data

RENDERERS: dict[str, Callable[[StoryReport], str]] = {
    "text": text.render, "json": json.render, "markdown": markdown.render, "html": html.render,
}
FORMATS = tuple(RENDERERS)


def summary_parts(fmt: str, timeline: bool = False) -> set[str]:
    """The parts a summary in `fmt` shows: JSON adds the story's entities; `timeline` its events."""
    return {"summary"} | ({"entities"} if fmt == "json" else set()) | ({"timeline"} if timeline else set())


def render(report: StoryReport, fmt: str) -> str:
    """The report in `fmt` (one of `FORMATS`)."""
    if fmt not in RENDERERS:
        raise ValueError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return RENDERERS[fmt](report)


__all__ = ["FORMATS", "RENDERERS", "render", "report_data", "summary_parts"]
