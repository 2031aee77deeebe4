"""Plain data types shared by every stage: articles in, summaries out."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tomtat.problems import InputError

if TYPE_CHECKING:
    from tomtat.conflicts import Conflict
    from tomtat.entities import Entity
    from tomtat.fusion import FusedSentence
    from tomtat.problems import Problem, ProblemLog
    from tomtat.timeline import Event


@dataclass
class Article:
    """One news article as read from its source, before cleaning."""

    id: str
    title: str
    text: str
    date: dt.date | None = None
    source: str | None = None

    @classmethod
    def from_dict(
        cls, obj: Mapping[str, Any], default_id: str, problems: ProblemLog | None = None, path: str = "",
        line: int | None = None,
    ) -> Article:
        """Article from `{"id", "title", "text", "date", "source"}` (all but "text" optional).

        Raises `InputError` (at `path`:`line`) when "text" is missing or a field is not a string.
        An unreadable date is reported to `problems` and left empty; without `problems` it
        raises `InputError` too.
        """
        from tomtat.ingest.dates import parse_date  # here, not at the top: tomtat.ingest imports this module

        text = _string_field(obj, "text", path, line)
        if not text.strip():
            raise InputError("article has no 'text'", path, line)
        date = None
        if obj.get("date"):
            try:
                date = parse_date(str(obj["date"]))
            except ValueError as error:
                if problems is None:
                    raise InputError(str(error), path, line) from None
                problems.add(InputError(f"{error}; date left empty", path, line))
        return cls(
            id=str(obj.get("id") or default_id),
            title=_string_field(obj, "title", path, line).strip(),
            text=text,
            date=date,
            source=_string_field(obj, "source", path, line) or None,
        )


def _string_field(obj: Mapping[str, Any], field_name: str, path: str, line: int | None) -> str:
    """`obj[field_name]` as a string ("" when absent or null); `InputError` when it is not a string."""
    value = obj.get(field_name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(f"field {field_name!r} must be a string", path, line)
    return value


@dataclass
class Sentence:
    """A sentence of a cleaned article, with where it came from."""

    text: str
    article_index: int  # index of the article in the story's input list
    position: int  # 0-based index of the sentence inside its article
    syllables: list[str] = field(default_factory=list, repr=False)


@dataclass
class Document:
    """A cleaned article: its title and its sentences."""

    article: Article
    title: str
    sentences: list[Sentence]
    title_syllables: list[str] = field(default_factory=list, repr=False)


@dataclass
class SummarySentence:
    """A selected sentence attributed to its article."""

    text: str
    article_id: str
    title: str
    date: dt.date | None
    position: int
    source: str | None = None


@dataclass
class Summary:
    """An extractive summary: sentences in reading order, each attributed."""

    sentences: list[SummarySentence]
    articles: list[Article]
    method: str
    budget: str

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)


@dataclass
class StoryReport:
    """What tomtat tells about one story; a part left out of the request is None."""

    articles: list[Article]
    summary: Summary | None = None
    timeline: list[Event] | None = None
    entities: list[Entity] | None = None
    keyphrases: list[str] | None = None
    conflicts: list[Conflict] | None = None
    fused: list[FusedSentence] | None = None  # the summary rewritten by a fusion backend, guarded
    problems: list[Problem] = field(default_factory=list)  # inputs skipped or read with a gap


@dataclass
class Cluster:
    """A dataset cluster: articles on one story and optional reference summaries."""

    id: str
    articles: list[Article]
    references: list[str] = field(default_factory=list)
    line: int | None = None  # the line of its dataset file it was read from
