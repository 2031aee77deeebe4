"""Fused summaries, optional: a backend rewrites the extractive selection, the fact guard checks it.

    extractive summary -> backend.rewrite(sentences) -> [Generated(text, source_ids)]
      -> guard: each number, date and name of a generated sentence is in the sources it cites,
         or the sentence is replaced by those sources, marked fallback with the reason

Backends: "extractive" (the default: the selection as it is), "openai" (any OpenAI-compatible chat
endpoint: Ollama, vLLM, llama.cpp's server, hosted models) and any callable given to
`register_backend`.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from tomtat.fusion.guard import check
from tomtat.model import Summary
from tomtat.problems import InputError, ProblemLog


@dataclass(frozen=True)
class SourceSentence:
    """A sentence of the extractive selection; `id` is its place in the selection."""

    id: int
    text: str
    article_id: str


@dataclass(frozen=True)
class Generated:
    """A sentence a backend wrote and the ids of the source sentences it says it used."""

    text: str
    source_ids: list[int]


@dataclass
class FusedSentence:
    """A sentence of the fused summary: generated and guarded, or its sources when it failed the guard."""

    text: str
    sources: list[int]
    articles: list[str] = field(default_factory=list)
    fallback: bool = False
    reason: str | None = None


class Backend(Protocol):
    def rewrite(self, sentences: list[SourceSentence]) -> list[Generated]: ...


class BackendError(Exception):
    """A backend that could not answer, or answered something unusable."""


class _Callable:
    """A backend made of a plain function."""

    def __init__(self, function: Callable[[list[SourceSentence]], list[Generated]]) -> None:
        self.function = function

    def rewrite(self, sentences: list[SourceSentence]) -> list[Generated]:
        return self.function(sentences)


def _extractive(sentences: list[SourceSentence]) -> list[Generated]:
    return [Generated(s.text, [s.id]) for s in sentences]


_BACKENDS: dict[str, Backend] = {"extractive": _Callable(_extractive)}


def register_backend(name: str, backend: Backend | Callable[[list[SourceSentence]], list[Generated]]) -> None:
    """Make `backend` (an object with `rewrite`, or a function) usable as `name`."""
    _BACKENDS[name] = backend if hasattr(backend, "rewrite") else _Callable(backend)  # type: ignore[arg-type]


def get_backend(name: str, url: str | None = None, model: str | None = None, timeout: float = 60) -> Backend:
    """The backend `name`; "openai" needs `url` and `model`. ValueError for an unknown name."""
    if name == "openai":
        from tomtat.fusion.openai import OpenAIBackend

        if not url or not model:
            raise ValueError("the openai backend needs --llm-url and --llm-model")
        return OpenAIBackend(url, model, timeout=timeout)
    if name not in _BACKENDS:
        raise ValueError(f"unknown backend {name!r}; choose one of: {', '.join(sorted([*_BACKENDS, 'openai']))}")
    return _BACKENDS[name]


def fuse(summary: Summary, backend: Backend, problems: ProblemLog | None = None) -> list[FusedSentence]:
    """The summary rewritten by `backend`, each sentence guarded; the extractive sentences, with
    the problem reported, when the backend fails."""
    sources = [SourceSentence(i, s.text, s.article_id) for i, s in enumerate(summary.sentences)]
    published = max((s.date for s in summary.sentences if s.date), default=None)
    try:
        generated = backend.rewrite(sources)
    except BackendError as error:
        if problems is not None:
            problems.add(InputError(f"backend failed, extractive sentences kept: {error}", "fusion"))
        generated = _extractive(sources)
    fused = []
    for item in generated:
        ids = [i for i in dict.fromkeys(item.source_ids) if 0 <= i < len(sources)]
        reason = check(item.text, [sources[i].text for i in ids], published)
        if reason is None:
            fused.append(FusedSentence(item.text, ids, list(dict.fromkeys(sources[i].article_id for i in ids))))
            continue
        if not ids and problems is not None:
            problems.add(InputError(f"generated sentence dropped ({reason}): {item.text}", "fusion"))
        fused += [FusedSentence(sources[i].text, [i], [sources[i].article_id], True, reason) for i in ids
                  if not any(f.sources == [i] and f.fallback for f in fused)]
    return fused


__all__ = ["Backend", "BackendError", "FusedSentence", "Generated", "SourceSentence", "fuse", "get_backend",
           "register_backend"]
