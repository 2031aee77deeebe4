"""Request and response bodies of the HTTP API."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from tomtat.service.checks import ID_RULE, is_safe_id


class ArticleIn(BaseModel):
    """An article to add; `id` is generated when missing, `date` is YYYY-MM-DD (or DD/MM/YYYY)."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(None, min_length=1, max_length=200)
    title: str = Field("", max_length=1000)
    text: str = Field(min_length=1)
    date: str | None = None
    source: str | None = Field(None, max_length=2000)

    @field_validator("id")
    @classmethod
    def _safe_id(cls, value: str | None) -> str | None:
        if value is not None and not is_safe_id(value):
            raise ValueError(f"article id {value!r} is not safe: use {ID_RULE}")
        return value

    @field_validator("text")
    @classmethod
    def _has_text(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the article has no text (only spaces)")
        return value


class ArticleOut(BaseModel):
    id: str
    story: str
    title: str
    date: str | None
    source: str | None


class ArticleFull(ArticleOut):
    text: str


class Added(BaseModel):
    """Articles stored and the story each joined."""

    articles: list[ArticleOut]


class JobAccepted(BaseModel):
    job: str
    total: int
    url: str


class JobOut(BaseModel):
    id: str
    status: str = Field(description='"running", "done" or "failed"')
    done: int
    total: int
    error: str | None = None


class StoryOut(BaseModel):
    id: str
    label: str
    first_date: str | None
    last_date: str | None
    article_count: int


class StoryDetail(StoryOut):
    articles: list[ArticleOut]


class Error(BaseModel):
    error: str


class MergedOut(BaseModel):
    """Body of a 301: the story was merged into `merged_into` (the Location header names its same route)."""

    merged_into: str
