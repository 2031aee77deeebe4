"""Run one part of a story's work in a forked process while this one does the rest.

A big story's timeline and entities take about as long as its summary, and the machine
usually has a second core. Forking shares the prepared documents without copying or
pickling them; only the result comes back, pickled through a pipe. Forking is safe only when
this process runs no other thread (the HTTP service, Dask workers), so `can_fork` checks that,
and the caller falls back to working in this process. A child that fails sends nothing, and the
work is then done again here, where its error is raised and reported as usual.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Generic, TypeVar

Result = TypeVar("Result")
_threads: ContextVar[int | None] = ContextVar("threads", default=None)


def library_threads() -> int | None:
    """Threads a library's parallel loop (LightGBM's prediction) may use here: 1 within
    `one_thread`, else None (the library's default, one per core)."""
    return _threads.get()


@contextmanager
def one_thread() -> Iterator[None]:
    """Within the block, libraries use one thread: a forked child has the other core. (With two,
    LightGBM's threads and the child took turns on the cores: a 1,000-article summary took
    10.4-11.0 s beside its child instead of 12.1-13.9 s.)"""
    token = _threads.set(1)
    try:
        yield
    finally:
        _threads.reset(token)


def can_fork() -> bool:
    """True when a second process would run at once (more than one core) and forking is safe
    (no other thread; not a daemonic pool worker, which may have no children)."""
    return ((os.cpu_count() or 1) > 1 and threading.active_count() == 1
            and not multiprocessing.current_process().daemon
            and "fork" in multiprocessing.get_all_start_methods())


class Forked(Generic[Result]):
    """`work()` started now in a forked child; `result()` waits for it."""

    def __init__(self, work: Callable[[], Result]) -> None:
        self._work = work
        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)
        sys.stdout.flush()  # else the child flushes a copy of what is buffered when it exits
        sys.stderr.flush()
        self._process = context.Process(target=_send_result, args=(work, sender), daemon=True)
        self._process.start()
        sender.close()

    def result(self) -> Result:
        """The child's result, or `work()` run here when the child sent none."""
        try:
            result: Result = self._receiver.recv()
        except EOFError:
            result = self._work()
        finally:
            self._receiver.close()
            self._process.join()
        return result


def _send_result(work: Callable[[], object], sender: multiprocessing.connection.Connection) -> None:
    """In the child: send `work()`'s result; an error is left for the parent's own run to raise."""
    sys.stdout = sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - the child exits right after
    sender.send(work())
    sender.close()
