"""Where the corpus stages run: in this process (local) or on a Dask cluster (dask).

Both engines offer the same four operations on partitioned records, and the stages are pure
functions of their inputs that sort whatever they receive, so both give identical results.
Shuffle keys are integers (never `hash()` of a string, which differs between processes).
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from typing import Any, Protocol

Records = Any  # the engine's partitioned collection: a list of lists (local) or a dask Bag (dask)
Reducer = Callable[[int, list[Any]], list[Any]]


class Engine(Protocol):
    """Partitioned records and the operations the corpus stages need on them."""

    workers: int

    def read(self, tasks: list[Any], read: Callable[[Any], list[Any]]) -> Records:
        """One partition per task: `read(task)`'s records."""

    def map_partitions(self, records: Records, function: Callable[..., list[Any]], *shared: Any) -> Records:
        """`function(partition, *shared)` on every partition (`shared` from `share`)."""

    def group(self, records: Records, key: Callable[[Any], int], reduce: Reducer) -> Records:
        """Records with equal integer `key` brought together (a shuffle); `reduce(key, group)`'s records."""

    def share(self, value: Any) -> Any:
        """`value` made available to every partition (broadcast to the workers)."""

    def keep(self, records: Records, label: str) -> Records:
        """The records computed now and kept where they are, for several later uses."""

    def collect(self, records: Records, label: str) -> list[Any]:
        """Every record, brought to this process."""

    def memory_peaks(self) -> list[int]:
        """Peak resident memory, bytes, of each process that did the work."""


def _show_progress() -> bool:
    return sys.stderr.isatty()


class LocalEngine:
    """Every stage in this process, partition after partition."""

    workers = 1

    def read(self, tasks: list[Any], read: Callable[[Any], list[Any]]) -> list[list[Any]]:
        from tqdm import tqdm

        return [read(task) for task in tqdm(tasks, desc="reading", unit=" partitions", disable=not _show_progress(),
                                            file=sys.stderr)]

    def map_partitions(self, records: list[list[Any]], function: Callable[..., list[Any]], *shared: Any) -> list[list[Any]]:
        return [function(partition, *shared) for partition in records]

    def group(self, records: list[list[Any]], key: Callable[[Any], int], reduce: Reducer) -> list[list[Any]]:
        return [grouped(records, key, reduce)]

    def share(self, value: Any) -> Any:
        return value

    def keep(self, records: list[list[Any]], label: str) -> list[list[Any]]:
        return records

    def collect(self, records: list[list[Any]], label: str) -> list[Any]:
        return [record for partition in records for record in partition]

    def memory_peaks(self) -> list[int]:
        return [_peak_rss()]


def _peak_rss() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


class DaskEngine:
    """Every stage as dask.bag tasks on a distributed cluster: an existing one (`scheduler`
    address) or a `LocalCluster` of `workers` processes started and stopped with the engine."""

    def __init__(self, scheduler: str | None = None, workers: int = 2, threads_per_worker: int = 1):
        from dask.distributed import Client, LocalCluster

        self._cluster = None
        if scheduler is None:
            self._cluster = LocalCluster(n_workers=workers, threads_per_worker=threads_per_worker, processes=True,
                                         dashboard_address=":0")
            self.client = Client(self._cluster)
        else:
            self.client = Client(scheduler)
        self.workers = len(self.client.scheduler_info()["workers"]) or workers

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def read(self, tasks: list[Any], read: Callable[[Any], list[Any]]) -> Any:
        import dask.bag as db

        return db.from_sequence(tasks, npartitions=max(1, len(tasks))).map_partitions(_read_each, read)

    def map_partitions(self, records: Any, function: Callable[..., list[Any]], *shared: Any) -> Any:
        return records.map_partitions(function, *shared)

    def group(self, records: Any, key: Callable[[Any], int], reduce: Reducer) -> Any:
        import dask
        import dask.bag as db

        parts = records.to_delayed()
        count = max(4 * self.workers, len(parts))
        split = [dask.delayed(_split, nout=count)(part, key, count) for part in parts]
        return db.from_delayed([dask.delayed(_reduce_bucket)([pieces[j] for pieces in split], key, reduce)
                                for j in range(count)])

    def share(self, value: Any) -> Any:
        import dask

        [future] = self.client.scatter([value], broadcast=True, hash=False)
        return dask.delayed(future)

    def keep(self, records: Any, label: str) -> Any:
        kept = records.persist()
        self._wait(kept, label)
        return kept

    def collect(self, records: Any, label: str) -> list[Any]:
        kept = self.keep(records, label)
        return kept.compute()

    def _wait(self, records: Any, label: str) -> None:
        from dask.distributed import progress, wait

        if _show_progress():
            print(f"{label}:", file=sys.stderr)
            progress(records)
            print(file=sys.stderr)
        wait(records)

    def memory_peaks(self) -> list[int]:
        return sorted(self.client.run(_peak_rss).values())


def _read_each(tasks: Iterable[Any], read: Callable[[Any], list[Any]]) -> list[Any]:
    return [record for task in tasks for record in read(task)]


def _split(partition: list[Any], key: Callable[[Any], int], count: int) -> tuple[list[Any], ...]:
    """A partition's records in `count` pieces by key (the send side of a shuffle)."""
    pieces: tuple[list[Any], ...] = tuple([] for _ in range(count))
    for record in partition:
        pieces[key(record) % count].append(record)
    return pieces


def _reduce_bucket(pieces: list[list[Any]], key: Callable[[Any], int], reduce: Reducer) -> list[Any]:
    """The receive side of a shuffle: one piece of every partition, grouped by key and reduced."""
    return grouped(pieces, key, reduce)


def grouped(partitions: Iterable[list[Any]], key: Callable[[Any], int], reduce: Reducer) -> list[Any]:
    """`reduce(key, group)`'s records for each group of equal `key`, in key order."""
    groups: dict[int, list[Any]] = {}
    for partition in partitions:
        for record in partition:
            groups.setdefault(key(record), []).append(record)
    return [result for k in sorted(groups) for result in reduce(k, groups[k])]
