"""Plain data types shared by every stage: articles in, summaries out."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tomtat.entities import Entity
    from tomtat.problems import Problem
    from tomtat.timeline import Event


@dataclass
class Article:
    """One news article as read from its source, before cleaning."""

    id: str
    title: str
    text: str
    date: dt.date | None = None
    source: str | None = None


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
    problems: list[Problem] = field(default_factory=list)  # inputs skipped or read with a gap


@dataclass
class Cluster:
    """A dataset cluster: articles on one story and optional reference summaries."""

    id: str
    articles: list[Article]
    references: list[str] = field(default_factory=list)
