"""Stories as they are shown: id, most central headline, dates, article ids; duplicate links."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tomtat.stories.state import Story, TrackedArticle
from tomtat.stories.tracker import StoryTracker
from tomtat.stories.vectors import add


@dataclass
class StoryView:
    id: str
    label: str
    first_date: dt.date | None
    last_date: dt.date | None
    articles: list[str]


@dataclass
class DuplicateLink:
    article: str
    duplicate_of: str


def story_views(tracker: StoryTracker) -> list[StoryView]:
    """Stories oldest first (undated last, then by id); articles by date, then arrival.

    The label is the headline of the original most similar to the rest of its story.
    """
    views = []
    for story in tracker.state.stories.values():
        members = [tracker.state.articles[a] for a in story.articles]
        members.sort(key=lambda a: (a.features.date is None, a.features.date or dt.date.min, a.seq))
        originals = [a for a in members if a.duplicate_of is None] or members
        central = max(originals, key=lambda a: (_centrality(tracker, story, a), -a.seq))
        views.append(StoryView(story.id, central.features.title or central.id, story.first_date, story.last_date,
                               [a.id for a in members]))
    views.sort(key=lambda v: (v.first_date is None, v.first_date or dt.date.min, _number(v.id)))
    return views


def _centrality(tracker: StoryTracker, story: Story, article: TrackedArticle) -> float:
    """Similarity of an original to the rest of its story (the centroid without it).

    Leaving the article out removes the bias of its own weight towards long articles; between
    two originals it is symmetric, so the earlier one labels the story. Rounded so that float
    noise does not break such ties.
    """
    vector = article.features.vector
    rest = add(story.centroid, vector, -1.0) if len(story.articles) > 1 else story.centroid
    return round(tracker.similarity(vector, rest), 6)


def _number(story_id: str) -> tuple[int, str]:
    digits = story_id.lstrip("s")
    return (int(digits), "") if digits.isdigit() else (0, story_id)


def duplicate_links(tracker: StoryTracker) -> list[DuplicateLink]:
    """Each copy and the earliest-seen original it repeats, in arrival order."""
    copies = sorted((a for a in tracker.state.articles.values() if a.duplicate_of), key=lambda a: a.seq)
    return [DuplicateLink(a.id, a.duplicate_of) for a in copies if a.duplicate_of]


def as_json(tracker: StoryTracker) -> dict:
    """`{"stories": [...], "duplicates": [...]}` with ISO dates."""
    def iso(date: dt.date | None) -> str | None:
        return date.isoformat() if date else None

    return {
        "stories": [{"id": v.id, "label": v.label, "first_date": iso(v.first_date), "last_date": iso(v.last_date),
                     "articles": v.articles} for v in story_views(tracker)],
        "duplicates": [{"article": d.article, "duplicate_of": d.duplicate_of} for d in duplicate_links(tracker)],
    }


def as_markdown(tracker: StoryTracker) -> str:
    """One section per story with its dates and articles; copies marked."""
    copies = {d.article: d.duplicate_of for d in duplicate_links(tracker)}
    lines = []
    for view in story_views(tracker):
        dates = " – ".join(dict.fromkeys(d.isoformat() for d in (view.first_date, view.last_date) if d)) or "undated"
        lines += [f"## {view.label}", "", f"`{view.id}` · {dates} · {len(view.articles)} articles", ""]
        for article in view.articles:
            title = tracker.state.articles[article].features.title
            note = f" (copy of `{copies[article]}`)" if article in copies else ""
            lines.append(f"- `{article}` {title}{note}".rstrip())
        lines.append("")
    return "\n".join(lines)
