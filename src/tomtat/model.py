"""Plain data types shared by every stage: articles in, summaries out."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


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
    article: int  # index of the article in the input list
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
    article: str  # article id
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
class Cluster:
    """A dataset cluster: articles on one story and optional reference summaries."""

    id: str
    articles: list[Article]
    references: list[str] = field(default_factory=list)
