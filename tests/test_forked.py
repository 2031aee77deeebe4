"""A big story's side parts (timeline, entities, keyphrases, conflicts) in a forked process."""
from __future__ import annotations

import dataclasses
import json
import os
import threading
from pathlib import Path

import pytest

from tomtat import forked
from tomtat.ingest import read_articles
from tomtat.options import Options
from tomtat.output import render
from tomtat.pipeline import PARTS, summarize_story
from tomtat.problems import ProblemLog

DEMO = Path(__file__).resolve().parents[1] / "src" / "tomtat" / "demo"
needs_fork = pytest.mark.skipif(not forked.can_fork(), reason="needs two cores, fork, and no other thread")


@needs_fork
def test_the_result_comes_from_the_child() -> None:
    assert forked.Forked(os.getpid).result() != os.getpid()


@needs_fork
def test_a_failing_child_leaves_the_error_to_the_parents_own_run() -> None:
    calls = []

    def work() -> int:
        calls.append(os.getpid())
        raise ValueError("bad article 7")

    side = forked.Forked(work)
    with pytest.raises(ValueError, match="bad article 7"):
        side.result()
    assert calls == [os.getpid()]  # the child's call happened in its own memory


def test_no_fork_while_another_thread_runs() -> None:
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert not forked.can_fork()
    finally:
        release.set()
        thread.join()


def _can_fork_in_a_pool_worker(_: int) -> bool:
    return forked.can_fork()


@needs_fork
def test_no_fork_in_a_daemonic_pool_worker() -> None:
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.map(_can_fork_in_a_pool_worker, [0]) == [False]


@needs_fork
def test_forked_report_is_the_same_as_one_process(monkeypatch) -> None:
    problems = ProblemLog()
    articles = read_articles([str(DEMO)], problems)
    for article in articles[1:]:
        article.date = None  # the timeline's problems come back from the child too
    starts = []
    monkeypatch.setattr("tomtat.pipeline.can_fork", lambda: True)  # other tests may leave a thread running
    monkeypatch.setattr("tomtat.pipeline.Forked", lambda work: starts.append(1) or forked.Forked(work))
    alone = summarize_story(articles, Options(fork_sentences=None), PARTS, problems)
    assert starts == []
    together = summarize_story(articles, Options(fork_sentences=1), PARTS, problems)
    assert starts == [1]
    assert render(together, "json") == render(alone, "json")
    assert [str(p) for p in together.problems] == [str(p) for p in alone.problems]
    assert len(together.problems) == len(problems) + 3
    assert json.loads(render(together, "json"))["entities"]


def test_fork_sentences_must_be_positive_or_none() -> None:
    with pytest.raises(ValueError, match="fork_sentences must be 1 or more, or None for never; got 0"):
        Options(fork_sentences=0)
    assert dataclasses.replace(Options(), fork_sentences=None).fork_sentences is None


@needs_fork
def test_one_thread_for_libraries_while_the_child_works(monkeypatch) -> None:
    assert forked.library_threads() is None
    with forked.one_thread():
        assert forked.library_threads() == 1
    assert forked.library_threads() is None
    seen = []
    real = forked.library_threads
    monkeypatch.setattr("tomtat.summarizers.supervised.library_threads", lambda: seen.append(real()) or real())
    monkeypatch.setattr("tomtat.pipeline.can_fork", lambda: True)
    articles = read_articles([str(DEMO)], ProblemLog())
    summarize_story(articles, Options(fork_sentences=1), ("summary", "timeline"))
    summarize_story(articles, Options(fork_sentences=None), ("summary", "timeline"))
    alone = seen.index(None)  # the forked run predicts on one thread, the one-process run as LightGBM likes
    assert alone > 0 and seen[:alone] == [1] * alone and set(seen[alone:]) == {None}
