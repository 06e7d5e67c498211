"""Scale-out: the same pipeline mapped over partitions of the input by Dask, locally or on a cluster.

    from tacitus.scale import Manifest, ParquetSink, dask_client, ingest_scaled, plan_partitions, run_partitions

    summary = ingest_scaled(["corpus.jsonl"], ParquetSink("out/"), workers=2)     # or StoreSink(Store(path))

or step by step, on an existing cluster::

    partitions = plan_partitions(["corpus.jsonl"], partition_size=100)
    sink = ParquetSink("out/")
    with dask_client(scheduler="tcp://head:8786") as client:
        summary = run_partitions(client, partitions, sink, Manifest(sink.manifest_path))

Needs the ``scale`` extra (dask, distributed): ``pip install 'tacitus[scale]'``. Names are imported
on first use, so that the command line can declare its options without importing Dask.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "MANIFEST_NAME": "manifest", "Manifest": "manifest",
    "ParquetSink": "parquet", "publication_month": "parquet",
    "PARTITION_SIZE": "partitions", "Partition": "partitions", "Slice": "partitions", "plan_partitions": "partitions",
    "read_partition": "partitions",
    "FailedPartition": "runner", "RunSummary": "runner", "Sink": "runner", "dask_client": "runner",
    "ingest_scaled": "runner", "run_partitions": "runner",
    "StoreSink": "store_sink",
    "PartitionResult": "worker", "article_record": "worker", "code_partition": "worker", "content_hash": "worker",
    "worker_pipeline": "worker",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
