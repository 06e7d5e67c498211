"""What runs on a Dask worker: code one partition with a Pipeline loaded once per worker process.

The Pipeline (spaCy model and all dictionaries) is cached per process by :func:`worker_pipeline`;
:class:`PipelineLoader`, a Dask worker plugin, calls it when a worker starts so that the model loads
in parallel on every worker before the first partition arrives (and again in a worker that the
nanny restarts after a crash). Tasks return plain data (the output contract's dicts), never spaCy
objects, so results pickle small and the client needs no model.
"""

from __future__ import annotations

import logging
import resource
import sys
import time
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from tacitus.store.records import article_hash, record_from_article
from tacitus.store.records import content_hash as store_content_hash
from tacitus.parse import BATCH_SIZE, DEFAULT_MODEL
from tacitus.scale.partitions import Partition, read_partition

log = logging.getLogger(__name__)


@dataclass
class PartitionResult:
    """What coding one partition produced, and what it cost on the worker."""

    key: str
    # One record per article, in input order: the output contract (article_to_dict) plus the
    # article's ``text`` and ``content_hash``, the shape the store loads.
    records: list[dict[str, Any]] = field(default_factory=list)
    sentences: int = 0
    seconds: float = 0.0
    # CPU time of the worker process for this partition (user + system): unlike ``seconds``, not
    # stretched when other programs share the machine.
    cpu_seconds: float = 0.0
    # Peak resident memory of the worker process so far, in bytes (getrusage).
    peak_rss: int = 0
    worker_pid: int = 0


# Coded once when a worker starts: several stages load their tables on first use (the places
# gazetteer takes seconds), and that cost belongs to the start of a worker, not to its first partition.
WARM_UP_TEXT = "Pakistan and Russia signed a defence pact in Moscow on Monday, officials said."


@lru_cache(maxsize=2)
def worker_pipeline(model: str = DEFAULT_MODEL, batch_size: int = BATCH_SIZE):
    """The Pipeline of this process, loaded and warmed up on first use and kept (one per model and batch size)."""
    from tacitus.ingest import article_from_text
    from tacitus.pipeline import Pipeline

    started = time.perf_counter()
    pipeline = Pipeline(model=model, batch_size=batch_size)
    # No time limit while the tables load: on a busy machine the places gazetteer alone can take
    # longer than one article may, and a cut-off load would only be paid again by the first partition.
    limit, pipeline.time_limit = pipeline.time_limit, None
    try:
        pipeline(article_from_text(WARM_UP_TEXT, id="warm-up", published="2018-02-21"))
    finally:
        pipeline.time_limit = limit
    log.info("pipeline %s loaded in %.1f s", model, time.perf_counter() - started)
    return pipeline


def content_hash(article) -> str:
    """The store's content hash (SHA-256 of text, publication date and title); for an unreadable input, of its errors.

    Two copies of one story (the same text under two ids or in two files) share a hash and are
    stored once. Error articles have no text, so their id and error messages (which name the input
    and line) are hashed instead; otherwise every unreadable line would share one hash.
    """
    if article.text:
        return article_hash(article)
    return store_content_hash("\x00".join([article.id or ""] + [f"{e.code} {e.message}" for e in article.errors]),
                              article.published, article.title)


def article_record(article) -> dict[str, Any]:
    """The record of a coded Article as the store loads it: the output contract plus ``text`` and ``content_hash``."""
    record = record_from_article(article)
    record["content_hash"] = content_hash(article)
    return record


def code_partition(partition: Partition, model: str = DEFAULT_MODEL, batch_size: int = BATCH_SIZE,
                   published: str | None = None) -> PartitionResult:
    """Read and code every article of ``partition``; returns their records, in input order.

    Raises only when the partition's input cannot be read at all (the runner retries, then reports);
    a bad article becomes an error entry in its own record, as in a serial run.
    """
    import os

    started, cpu_started = time.perf_counter(), time.process_time()
    pipeline = worker_pipeline(model, batch_size)
    result = PartitionResult(key=partition.key, worker_pid=os.getpid())
    for article in pipeline.pipe(read_partition(partition, published=published)):
        result.sentences += len(article.sentences)
        result.records.append(article_record(article))
        article.doc = None  # drop the spaCy Doc at once; only the dict travels back
    result.seconds = time.perf_counter() - started
    result.cpu_seconds = time.process_time() - cpu_started
    result.peak_rss = peak_rss()
    return result


def peak_rss() -> int:
    """Peak resident set size of this process in bytes.

    Linux: VmHWM of /proc/self/status. Not getrusage's ru_maxrss, which survives exec: a worker
    spawned by a parent that had loaded a model would report the parent's peak as its own.
    Elsewhere ru_maxrss (macOS reports bytes, the other Unixes KiB).
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


class PipelineLoader(WorkerPlugin):
    """Dask worker plugin: load the Pipeline when a worker starts, so each worker loads it once, up front."""

    name = "tacitus-pipeline"

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = BATCH_SIZE):
        self.model, self.batch_size = model, batch_size

    def setup(self, worker) -> None:
        worker_pipeline(self.model, self.batch_size)

