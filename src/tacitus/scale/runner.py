"""The Dask runner: code partitions on a local cluster or an existing one, write results as they finish.

Workers read and code partitions (:func:`tacitus.scale.worker.code_partition`); the client, this
process, is the only writer: it hands each finished partition to a sink (a Parquet dataset or the
DuckDB store), then records it in the manifest. So one writer owns the output, and a worker that
dies loses only the partition it was coding, which Dask runs again on another worker.

A partition that raises is retried (``retries`` times); one that still fails, or whose workers keep
dying (Dask gives up after ``distributed.scheduler.allowed-failures`` deaths), is reported in the
summary and left out of the manifest, so the next run tries it again. It never stops the run.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Protocol, Sequence

from tacitus.errors import UsageError
from tacitus.ingest.dates import validate_published
from tacitus.parse import BATCH_SIZE, DEFAULT_MODEL
from tacitus.scale.manifest import Manifest
from tacitus.scale.partitions import PARTITION_SIZE, Partition, plan_partitions
from tacitus.scale.worker import PartitionResult, PipelineLoader, code_partition

log = logging.getLogger(__name__)

# How often a partition that raised is tried again before it is reported as failed.
RETRIES = 2
# Seconds to wait for an existing scheduler to answer.
CONNECT_TIMEOUT = 30


class Sink(Protocol):
    """Where coded partitions go: ``write`` stores the new articles and returns how many were new.

    ``manifest_path`` is where the run's manifest lives (None: in memory); ``is_empty`` is True when
    the output holds nothing yet, so that a manifest left from an output since deleted is forgotten.
    """

    manifest_path: os.PathLike | None

    @property
    def is_empty(self) -> bool: ...

    def write(self, partition: Partition, records: list[dict[str, Any]]) -> int: ...


@dataclass
class FailedPartition:
    partition: Partition
    error: str


@dataclass
class RunSummary:
    """What a run did: partitions planned, skipped (finished earlier), done and failed; articles coded and stored.

    ``seconds`` runs from when every worker had its pipeline loaded to when the last partition was stored.
    """

    planned: int = 0
    skipped: int = 0
    done: int = 0
    failed: list[FailedPartition] = field(default_factory=list)
    articles: int = 0
    stored: int = 0
    sentences: int = 0
    seconds: float = 0.0
    # CPU seconds the workers spent coding (summed over partitions).
    cpu_seconds: float = 0.0
    # Peak resident memory (bytes) of each worker process that coded a partition, by process id.
    peak_rss: dict[int, int] = field(default_factory=dict)

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


@contextlib.contextmanager
def dask_client(workers: int | None = None, scheduler: str | None = None, *,
                memory_limit: str | None = "auto") -> Iterator["distributed.Client"]:  # noqa: F821
    """A Dask client: on a new local cluster of ``workers`` processes (one thread each), or on ``scheduler``.

    Raises UsageError when both or neither are given, or when the scheduler cannot be reached.
    """
    if (workers is None) == (scheduler is None):
        raise UsageError("give either a number of local workers or a scheduler address, not both")
    from distributed import Client, LocalCluster

    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        with client:
            yield client
        return
    if workers < 1:
        raise UsageError(f"the number of workers must be at least 1, got {workers}")
    # Processes, not threads: spaCy holds the GIL for much of parsing. The dashboard (when bokeh is
    # installed) takes any free port: several runs may share a machine.
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                      memory_limit=memory_limit) as cluster, Client(cluster) as client:
        yield client


def run_partitions(client, partitions: Sequence[Partition], sink: Sink, manifest: Manifest, *,
                   model: str = DEFAULT_MODEL, batch_size: int = BATCH_SIZE, published: str | None = None,
                   retries: int = RETRIES,
                   on_partition: Callable[[Partition, PartitionResult | None], None] | None = None) -> RunSummary:
    """Code the partitions not yet in ``manifest`` on ``client``'s cluster and write them to ``sink``.

    Calls ``on_partition(partition, result)`` after each partition is stored (``result`` None when
    it failed), for progress bars. Returns the run's summary; failures are in ``summary.failed``.
    """
    from distributed import as_completed

    summary = RunSummary(planned=len(partitions))
    todo = [p for p in partitions if p.key not in manifest]
    summary.skipped = len(partitions) - len(todo)
    if summary.skipped:
        log.info("resuming: %d of %d partitions already finished", summary.skipped, len(partitions))
    if todo:
        # Waits until every worker has loaded and warmed up its pipeline; the run's clock starts after.
        client.register_plugin(PipelineLoader(model, batch_size))
    started = time.perf_counter()
    # Task keys name the work and its settings: two runs on one cluster share a task only when
    # they would compute the same thing.
    settings = hashlib.sha256(f"{model}|{batch_size}|{published}".encode()).hexdigest()[:8]
    futures = {
        client.submit(code_partition, p, model, batch_size, published, key=f"tacitus-{settings}-{p.key}",
                      retries=retries, pure=False): p
        for p in todo
    }
    for future in as_completed(futures):
        partition = futures.pop(future)
        result: PartitionResult | None = None
        if future.status not in ("error", "cancelled"):
            # Usually "finished"; but a result held by a worker that has died since is being computed
            # again ("lost", "pending"), and waiting for it is what the run needs.
            try:
                result = future.result()
            except Exception:  # failed on its retries after all: reported below like any failure
                result = None
        if result is None:
            error = _describe(future)
            # Not an error log: the run goes on, and the caller reports summary.failed.
            log.info("partition %s (%s) failed: %s", partition.key, partition.describe(), error)
            summary.failed.append(FailedPartition(partition, error))
            future.release()
            if on_partition:
                on_partition(partition, None)
            continue
        future.release()
        stored = sink.write(partition, result.records)
        manifest.record(partition, articles=len(result.records), stored=stored)
        summary.done += 1
        summary.articles += len(result.records)
        summary.stored += stored
        summary.sentences += result.sentences
        summary.cpu_seconds += result.cpu_seconds
        summary.peak_rss[result.worker_pid] = max(result.peak_rss, summary.peak_rss.get(result.worker_pid, 0))
        if on_partition:
            on_partition(partition, result)
    summary.seconds = time.perf_counter() - started
    return summary


def _describe(future) -> str:
    try:
        exc = future.exception()
    except Exception as error:  # a cancelled future raises instead of returning its exception
        exc = error
    return f"{type(exc).__name__}: {exc}"


def manifest_scope(model: str, published: str | None) -> str:
    """The settings that change what a partition's coding gives; a manifest counts only its own scope."""
    return f"model={model};published={published or ''}"


def ingest_scaled(inputs: Sequence[str], sink: Sink, *, workers: int | None = None, scheduler: str | None = None,
                  model: str = DEFAULT_MODEL, batch_size: int = BATCH_SIZE, published: str | None = None,
                  partition_size: int = PARTITION_SIZE, limit: int | None = None, retries: int = RETRIES,
                  on_start: Callable[[int], None] | None = None,
                  on_partition: Callable[[Partition, PartitionResult | None], None] | None = None) -> RunSummary:
    """Plan ``inputs``, start (or connect to) a Dask cluster and code what ``sink`` lacks; the whole run in one call.

    ``on_start(articles)`` is called once with the number of articles left to code (for a progress
    bar), ``on_partition`` as in :func:`run_partitions`. Raises UsageError for a bad ``published``
    date, stdin as input, or an unreachable scheduler; failed partitions are in the summary.
    """
    published = validate_published(published)
    partitions = plan_partitions(inputs, partition_size=partition_size, limit=limit)
    manifest = Manifest(sink.manifest_path, scope=manifest_scope(model, published), fresh=sink.is_empty)
    todo = sum(p.size for p in partitions if p.key not in manifest)
    if on_start:
        on_start(todo)
    if not todo:
        return RunSummary(planned=len(partitions), skipped=len(partitions))
    with dask_client(workers, scheduler) as client:
        return run_partitions(client, partitions, sink, manifest, model=model, batch_size=batch_size,
                              published=published, retries=retries, on_partition=on_partition)
